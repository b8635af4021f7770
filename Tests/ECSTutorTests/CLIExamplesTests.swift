import ECSModel
import Testing

@testable import ECSTutor

/// The AWS CLI's own examples as the acceptance suite (issue 13): each example runs in a world
/// built by rule (`ExampleWorld`), and the report compares it with the page.
@Suite struct CLIExamplesTests {
  /// Errors that mean the tutor does not simulate the operation at all: left out, with this reason.
  static let notSimulated = [
    "not part of the ecs-tutor simulation", "(UnsupportedOperation)",
  ]

  /// Today's figures per family: examples accepted, documented key paths printed. Counts, not
  /// percentages: an operation the tutor starts to simulate brings its examples into scope, which
  /// may lower a percentage but never a count. A regression fails; raising a floor is how later
  /// work shows progress.
  static let floors: [String: (accepted: Int, printed: Int)] = [
    "ecs": (38, 674), "ecr": (11, 44), "logs": (4, 7), "ssm": (9, 37), "iam": (18, 106),
    "sts": (1, 3), "application-autoscaling": (5, 15),
  ]

  static let families = ["ecs", "ecr", "logs", "ssm", "iam", "sts", "application-autoscaling"]

  static func run(_ example: CLIExample) -> ExampleResult {
    var result = ExampleResult(example: example)
    if let reason = example.leftOutReason {
      result.leftOut = reason
      return result
    }
    var world = ExampleWorld(example)
    let command = world.build()
    result.ran = command
    let out = world.session.handle(command)
    let stderr = out.stderr
    if let output = example.output { result.documented = ExampleResult.keyPaths(output) }
    if world.session.lastStatus == 0 {
      result.accepted = true
      if let ours = try? JSONParser.parse(out.stdout) {
        result.printed = result.documented.intersection(ExampleResult.keyPaths(ours))
      }
    } else if notSimulated.contains(where: { stderr.contains($0) }) {
      result.leftOut = ExampleResult.notSimulated
    } else {
      result.error =
        (stderr.split(separator: "\n").first.map(String.init) ?? out.text) + "  ←  " + command
    }
    return result
  }

  @Test func examplesPrintTheDocumentedShape() {
    let results = CLIExample.all.map(Self.run)
    let report = ExampleReport(results: results, families: Self.families)
    print(report.lines.joined(separator: "\n"))
    for figures in report.figures {
      let floor = Self.floors[figures.family] ?? (0, 0)
      #expect(figures.accepted >= floor.accepted, "\(figures.row)")
      #expect(figures.printed >= floor.printed, "\(figures.row)")
    }
  }

  @Test(arguments: [
    ("aws ecs list-tasks --cluster 'my cluster' --desired-status \"RUNNING\"", 7),
    (#"aws ssm put-parameter --name a --value "x \"y\"""#, 7),
  ])
  func commandsSplitIntoShellWords(command: String, count: Int) {
    #expect(CLIExample.words(command).count == count)
  }

  @Test(arguments: [
    (#"{"a":{"b":[{"c":1},{"d":2}]}}"#, ["a", "a.b", "a.b[].c", "a.b[].d"]),
    (#"{"x":[]}"#, ["x"]),
  ])
  func keyPathsUseAnIndexWildcard(json: String, paths: [String]) throws {
    #expect(ExampleResult.keyPaths(try JSONParser.parse(json)) == Set(paths))
  }

  @Test func everyFamilyHasExamples() {
    for family in Self.families {
      #expect(CLIExample.all.contains { $0.service == family }, "\(family)")
    }
  }
}
