import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// Every kind of bad input gives an error that says what was wrong, changes nothing, and the
/// session goes on (the next command works).
@Suite struct BadInputTests {
  static let cases: [(String, String, Int32)] = [
    (
      "aws ecs create-cluster --cluster-name 'demo",
      "unexpected EOF while looking for matching `''", 2
    ),
    (
      "aws ecs register-task-definition --family web --container-definitions '[{\"name\":\"web\",}]'",
      "Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 16 (char 15)",
      252
    ),
    ("aws ecz list-clusters", "invalid choice 'ecz'", 252),
    ("aws ecs create-servic", "maybe you meant:\n\n  * create-service", 252),
    ("aws ecs list-clusters --bogus", "Unknown options: --bogus", 252),
    ("aws ecs list-clusters --max-results 99999999999999999999999", "Python int too large", 255),
    (
      "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=eighty",
      "invalid literal for int() with base 10: 'eighty'", 255
    ),
    ("aws ecs create-cluster --cluster-name \"bad\u{7}name\"", "Invalid cluster name", 254),
    (
      "aws ecs describe-task-definition --task-definition nope:9",
      "Unable to describe task definition.", 254
    ),
    ("aws ecs create-cluster --cluster-name x > out.txt", "redirection", 2),
  ]

  @Test(arguments: cases)
  func rejectedWithAMessageAndNothingChanges(line: String, message: String, status: Int32) throws {
    var s = Session(config: SessionConfig(narrate: false), lessons: try repositoryLessons())
    let before = s.world.clusters
    let out = s.handle(line)
    #expect(s.lastStatus == status, "\(out.text)")
    #expect(out.text.contains(message), "\(out.text)")
    #expect(s.world.clusters == before)
    let next = s.handle("aws ecs create-cluster --cluster-name after")
    #expect(s.lastStatus == 0 && next.stdout.contains("\"clusterName\": \"after\""))
  }

  @Test func aOneMegabyteLineIsAnErrorNotACrash() throws {
    var s = Session(config: SessionConfig(narrate: false), lessons: try repositoryLessons())
    let out = s.handle(
      "aws ecs create-cluster --cluster-name " + String(repeating: "x", count: 1_000_000))
    #expect(s.lastStatus == 254)
    #expect(out.text.contains("Invalid cluster name"))
  }

  @Test(arguments: [
    "aws ecs list-clusters \u{FFFD}\u{FFFD}", "\u{1B}[A\u{1B}[B", "\u{0}\u{1}\u{2}", "日本語のコマンド",
    "aws ecs create-cluster --cluster-name \u{FFFD}",
  ])
  func invalidBytesAndControlCharacters(line: String) throws {
    var s = Session(config: SessionConfig(narrate: false), lessons: try repositoryLessons())
    let out = s.handle(line)
    #expect(s.lastStatus != 0)
    #expect(!out.text.isEmpty)
    _ = s.handle("aws ecs list-clusters")
    #expect(s.lastStatus == 0)
  }
}
