import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

@Suite struct CompletionTests {
  static func candidates(_ line: String, setup: [String] = []) throws -> [String] {
    var s = Session(config: SessionConfig(), lessons: try repositoryLessons())
    for cmd in setup { _ = s.handle(cmd) }
    return s.completions(line: line, cursor: line.utf8.count)
  }

  @Test(arguments: [
    ("aws ecs reg", ["register-task-definition"]),
    ("aws ecs list-task-def", ["list-task-definition-families", "list-task-definitions"]),
    ("aws ecs register-task-definition --fam", ["--family"]),
    ("lesso", ["lesson", "lessons"]),
    ("lesson first", ["first-cluster"]),
    ("lang ", ["en", "ja"]),
  ])
  func completes(line: String, expected: [String]) throws {
    let got = try Self.candidates(line)
    #expect(got == expected, "got \(got)")
  }

  @Test func resourceNamesFromTheWorld() throws {
    let got = try Self.candidates(
      "aws ecs describe-clusters --clusters de",
      setup: ["aws ecs create-cluster --cluster-name demo"])
    #expect(got == ["demo"])
  }
}
