import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// The one table of tutor commands: help and completion derive from its rows.
@Suite struct TutorCommandsTests {
  static let rows = TutorCommands.all.map(\.name)

  @Test(arguments: rows)
  func everyRowHasHelpInBothLanguages(name: String) throws {
    let row = try #require(TutorCommands.row(name))
    #expect(!row.help.isEmpty)
    for line in row.help {
      #expect(line.usage.hasPrefix(name))
      #expect(!line.text.en.isEmpty)
      #expect(!line.text.ja.isEmpty)
      #expect(line.text.en != line.text.ja)
      for language in Language.allCases {
        #expect(TutorCommands.help(language).contains(line.usage + " "))
        #expect(TutorCommands.help(language).contains(line.text.text(language)))
      }
    }
  }

  @Test(arguments: rows)
  func completionOffersEveryRow(name: String) throws {
    let s = try SessionTests.session()
    let prefix = String(name.prefix(2))
    #expect(s.completions(line: prefix, cursor: prefix.utf8.count).contains(name))
  }

  @Test func namesAndAliasesAreUnique() {
    #expect(Set(TutorCommands.names).count == TutorCommands.names.count)
    for alias in ["quit", "logout", "?"] { #expect(TutorCommands.row(alias) != nil) }
  }

  @Test(arguments: [
    ("show ", ["alb", "cluster", "planes", "ports", "roles", "task", "vpc"]),
    ("simulate ", ["crash", "instance-failure", "load"]),
    ("simulate c", ["crash"]),
    ("lang ", ["en", "ja"]),
    ("time ", ["auto", "manual"]),
    ("progress ", ["export", "import"]),
    ("reset ", ["lesson"]),
    ("solution ", ["run", "show"]),
    ("lesson first-cluster ", ["steps"]),
    ("lesson tasks", ["tasks-and-services"]),
    ("show cluster ", ["demo"]),
    ("help ", []),
  ])
  func argumentsComplete(line: String, expected: [String]) throws {
    var s = try SessionTests.session()
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    #expect(s.completions(line: line, cursor: line.utf8.count).sorted() == expected)
  }

  @Test func helpIsListedBySectionInEachLanguage() {
    let en = TutorCommands.help(.en)
    #expect(en.hasPrefix("**Lessons**\n  lessons "))
    #expect(en.contains("  simulate instance-failure ID | crash TASK | load SERVICE PERCENT  "))
    #expect(en.contains("**Commands you can type**"))
    let ja = TutorCommands.help(.ja)
    #expect(ja.hasPrefix("**レッスン**\n  lessons "))
    #expect(ja.contains("**シミュレーション環境**"))
  }

  @Test func anAliasRunsItsRow() throws {
    var s = try SessionTests.session()
    #expect(s.handle("?").text == s.handle("help").text)
    _ = s.handle("logout")
    #expect(s.wantsExit)
  }
}
