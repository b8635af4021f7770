import ECSCommands
import ECSModel
import Foundation
import TestSupport
import Testing

@testable import ECSTutor

/// Commands the tutor prints for the learner to type must be valid bash as printed.
@Suite struct PrintedCommandTests {
  /// The lines of the command after "same as:" (or "同じです:"), `\`-continuations joined.
  static func sameAs(_ text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasSuffix("same as:") || $0.hasSuffix("同じです:") })
    else { return nil }
    var command: [String] = []
    for line in lines[(start + 1)...] {
      command.append(line)
      if !line.hasSuffix("\\") { break }
    }
    return command.joined(separator: "\n")
  }

  /// Whether an interactive bash would history-expand `text`: a `!` outside single quotes
  /// followed by something other than a blank, `=` or `(`.
  static func historyExpands(_ text: String) -> Bool {
    var quote: Character?
    var escaped = false
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
      if escaped {
        escaped = false
        continue
      }
      if c == "\\" && quote != "'" {
        escaped = true
      } else if c == "'" || c == "\"" {
        if quote == nil { quote = c } else if quote == c { quote = nil }
      } else if c == "!" && quote != "'" {
        let next = i + 1 < chars.count ? chars[i + 1] : " "
        if !" \t\n=(".contains(next) { return true }
      }
    }
    return false
  }

  @Test(arguments: [
    ("--user-data \"#!/bin/bash\"", true), ("--user-data '#!/bin/bash'", false),
    ("--user-data $'#!/bin/bash\\necho'", false), ("echo hi!", false), ("a != b", false),
  ])
  func historyExpansionIsRecognised(_ text: String, _ expands: Bool) {
    #expect(Self.historyExpands(text) == expands)
  }

  // Seen: `--user-data "#!/bin/bash ..."`, where `!` in double quotes is history expansion.
  @Test(arguments: [Language.en, .ja])
  func capacityAddShowsACommandBashRunsAsTyped(_ language: Language) throws {
    var s = Session(config: SessionConfig(language: language, narrate: false))
    _ = s.handle("aws ecs create-cluster --cluster-name demo")
    let out = s.handle("capacity add --cluster demo --type t3.small --count 2")
    let command = try #require(Self.sameAs(out.stdout), "\(out.text)")
    #expect(!command.contains("\""), "no double quotes: \(command)")
    #expect(!Self.historyExpands(command), "\(command)")
    var env = ShellEnvironment()
    var argv: [String] = []
    let r = Shell.run(command, env: &env) { cmd in
      argv = cmd.argv
      return .ok()
    }
    #expect(r.status == 0)
    #expect(
      argv == [
        "aws", "ec2", "run-instances", "--image-id",
        "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
        "--instance-type", "t3.small", "--count", "2", "--iam-instance-profile",
        "Name=ecsInstanceRole", "--user-data",
        "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config",
      ])
  }

  /// Running the printed command by hand launches the same instances.
  @Test func thePrintedCommandDoesWhatCapacityAddDid() throws {
    var shortcut = Session(config: SessionConfig(narrate: false))
    var byHand = Session(config: SessionConfig(narrate: false))
    _ = shortcut.handle("aws ecs create-cluster --cluster-name demo")
    _ = byHand.handle("aws ecs create-cluster --cluster-name demo")
    let command = try #require(Self.sameAs(shortcut.handle("capacity add --cluster demo").stdout))
    let out = byHand.handle(command)
    #expect(byHand.lastStatus == 0, "\(out.text)")
    let query =
      "aws ec2 describe-instances --query 'Reservations[].Instances[].[ImageId,InstanceType]' "
      + "--output text"
    #expect(shortcut.handle(query).stdout == byHand.handle(query).stdout)
  }

  /// The reference solutions `solution` prints are valid bash as printed: no unquoted `{a,b}`,
  /// no `!` an interactive bash would expand.
  @Test func lessonSolutionsAreValidBash() throws {
    var checked = 0
    for lesson in try repositoryLessons().lessons {
      for step in lesson.steps {
        for command in step.solution + step.setup {
          checked += 1
          #expect(Shell.syntaxError(command) == nil, "\(lesson.id)/\(step.id): \(command)")
          #expect(!Self.historyExpands(command), "\(lesson.id)/\(step.id): \(command)")
          var env = ShellEnvironment(["SUBNET": "subnet-1"])
          var splits: [BraceSplit] = []
          _ = Shell.run(command, env: &env) { cmd in
            splits += cmd.braceSplits
            return .ok()
          }
          #expect(splits.isEmpty, "\(lesson.id)/\(step.id): \(command)")
        }
      }
    }
    #expect(checked > 20)
  }

  /// Code spans in the lessons and diagnoses that hold a command or an option parse as bash and
  /// keep their words whole (no unquoted `{a,b}`).
  @Test func lessonCodeSpansAreValidBash() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")
    let files = try FileManager.default.contentsOfDirectory(atPath: root.path)
      .filter { $0.hasSuffix(".yaml") }
    #expect(!files.isEmpty)
    var checked = 0
    for file in files {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      for span in text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      where span.offset % 2 == 1 {
        let code = String(span.element)
        guard code.hasPrefix("aws ") || code.hasPrefix("--"), !code.contains("\n") else { continue }
        checked += 1
        #expect(Shell.syntaxError(code) == nil, "\(file): \(code)")
        var env = ShellEnvironment(["SUBNET": "subnet-1"])
        var splits: [BraceSplit] = []
        _ = Shell.run(code, env: &env) { cmd in
          splits += cmd.braceSplits
          return .ok()
        }
        #expect(splits.isEmpty, "\(file): \(code)")
        #expect(!Self.historyExpands(code), "\(file): \(code)")
      }
    }
    #expect(checked > 10)
  }
}
