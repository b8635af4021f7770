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

  static let world = [
    "aws ecs create-cluster --cluster-name demo",
    "capacity add --cluster demo --count 1",
    "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=128",
    "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2",
    "aws ecr create-repository --repository-name web",
    "aws logs create-log-group --log-group-name /ecs/web",
  ]

  /// Each kind of resource the AWS commands take completes from the world: how many names a
  /// value position offers.
  @Test(arguments: [
    ("aws ecs describe-services --cluster demo --services w", 1),
    ("aws ecs describe-tasks --cluster demo --tasks ", 2),
    ("aws ecs describe-container-instances --cluster demo --container-instances arn:", 1),
    ("aws ecs describe-task-definition --task-definition web", 2),
    ("aws ec2 describe-instances --instance-ids i-", 1),
    ("aws ecr describe-repositories --repository-names w", 1),
    ("aws iam get-role --role-name ecsInstanceR", 1),
    ("aws logs describe-log-streams --log-group-name /ecs", 1),
    (
      "aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids s",
      1
    ),
    ("aws ec2 describe-subnets --subnet-ids subnet-", 3),
  ])
  func resourceNamesOfEveryKind(line: String, count: Int) throws {
    let got = try Self.candidates(line, setup: Self.world)
    #expect(got.count == count, "got \(got)")
  }
}
