import ECSModel
import Foundation
import Testing

@testable import ECSTutor

/// The AWS CLI's own examples as the acceptance suite (issue 13): each example runs in a world
/// built by rule (`ExampleWorld`), and the report compares it with the page.
@Suite struct CLIExamplesTests {
  /// Errors that mean the tutor does not simulate the operation at all: left out, with this reason.
  static let notSimulated = [
    "not part of the ecs-tutor simulation", "(UnsupportedOperation)",
  ]

  /// The AWS CLI's own usage error: the page's command lacks an option the CLI requires, so the
  /// real CLI refuses it too (left out with this reason).
  static let incompleteCommand = "the following arguments are required"

  /// The AWS CLI's (or bash's) own refusals of the page's command before any request: its
  /// shorthand or JSON does not parse, its values fail the model's types, or bash's brace
  /// expansion splits an unquoted `{a,b}` (the real CLI in bash refuses these too; checked with
  /// awscli 1.45 for the pages' commands).
  static let refusedByTheCLI = [
    "Parameter validation failed:", "Error parsing parameter", "The shell's brace expansion split",
    "syntax error near unexpected token",
  ]

  /// Today's figures per family: examples accepted, documented key paths printed. Counts, not
  /// percentages: an operation the tutor starts to simulate brings its examples into scope, which
  /// may lower a percentage but never a count. A regression fails; raising a floor is how later
  /// work shows progress.
  static let floors: [String: (accepted: Int, printed: Int)] = [
    "ecs": (66, 1029), "ecr": (32, 140), "logs": (11, 20), "ssm": (18, 83), "iam": (47, 232),
    "sts": (1, 3), "application-autoscaling": (5, 15), "secretsmanager": (12, 49),
    "elbv2": (45, 202), "ec2": (65, 357),
  ]

  /// The families of the fixture, in its order: tools/gen-examples.py's `FAMILIES` is the one
  /// list (a family added there joins the report and needs a floor here).
  static let families: [String] = CLIExample.all.reduce(into: []) { list, example in
    if !list.contains(example.service) { list.append(example.service) }
  }

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
    // CLI_EXAMPLES_SHOW=ecs/update-service prints what those pages ran and printed.
    if let show = ProcessInfo.processInfo.environment["CLI_EXAMPLES_SHOW"],
      example.page.contains(show)
    {
      print("## \(example.page)\n$ \(command)\n\(out.stdout)\(stderr)")
    }
    if let output = example.output { result.documented = ExampleResult.keyPaths(output) }
    if world.session.lastStatus == 0 {
      result.accepted = true
      if let ours = try? JSONParser.parse(out.stdout) {
        result.printed = result.documented.intersection(ExampleResult.keyPaths(ours))
      }
    } else if notSimulated.contains(where: { stderr.contains($0) }) {
      result.leftOut = ExampleResult.notSimulated
    } else if stderr.contains(incompleteCommand) {
      result.leftOut = "the page's command lacks a required option (the AWS CLI refuses it too)"
    } else if refusedByTheCLI.contains(where: { stderr.contains($0) }) {
      result.leftOut = "the AWS CLI (in bash) refuses the page's command as written"
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

  /// The page's IDs give way to the ones the tutor printed, and the command then finds them.
  @Test(arguments: [
    ("aws ecs stop-task --cluster MyCluster --task 666fdccc2e2d4b6894dd422f4eeee8f8", "666fdccc"),
    (
      "aws ecs describe-tasks --cluster MyCluster --tasks "
        + "arn:aws:ecs:us-west-2:123456789012:task/MyCluster/4d590253bb114126b7afa7b58EXAMPLE",
      "4d590253"
    ),
    (
      "aws ecs update-container-instances-state --cluster default --container-instances "
        + "765936fadbdd46b5991a4bd70c2a43d4 --status DRAINING", "765936fa"
    ),
    (
      "aws ecr describe-images --repository-name sample-repo --image-ids "
        + "imageDigest=sha256:74b2c688c700ec95a93e478cdb959737c148df3fbf5ea706abe0318726e885e6",
      "74b2c688"
    ),
    // A service's target group is made behind a load balancer's listener (ECS refuses one that
    // no load balancer uses).
    (
      "aws ecs create-service --cluster MyCluster --service-name web --task-definition app "
        + "--desired-count 0 --load-balancers targetGroupArn=arn:aws:elasticloadbalancing:"
        + "us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067,containerName=app,"
        + "containerPort=80", "73e2d6bc"
    ),
    (
      "aws elbv2 describe-rules --rule-arns arn:aws:elasticloadbalancing:us-west-2:123456789012:"
        + "listener-rule/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee",
      "9683b2d0"
    ),
    ("aws ec2 disassociate-route-table --association-id rtbassoc-781d0d1a", "781d0d1a"),
  ])
  func pageIDsAreReplacedByOurs(command: String, pageID: String) {
    let words = command.split(separator: " ")
    var world = ExampleWorld(
      CLIExample(
        service: String(words[1]), operation: String(words[2]), page: "test", command: command))
    let ran = world.build()
    #expect(!ran.contains(pageID))
    _ = world.session.handle(ran)
    #expect(world.session.lastStatus == 0, "\(ran)")
  }

  /// A family the generator adds must get a floor (its figures then count from the start).
  @Test func everyFamilyOfTheFixtureHasAFloor() {
    #expect(!Self.families.isEmpty)
    for family in Self.families {
      #expect(Self.floors[family] != nil, "\(family): add its floor to CLIExamplesTests.floors")
    }
  }
}
