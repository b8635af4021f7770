import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// Random sequences of plausible and implausible commands: the session must never trap, every
/// command ends with a known exit status, and a failed command leaves the world as it was
/// (apart from the clock).
@Suite struct SessionFuzzTests {
  static let clusters = ["demo", "", "x y", "default", "demo2"]
  static let families = [
    "web", "web:1", "web:99", "nope", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
  ]
  static let numbers = ["0", "1", "3", "-1", "10", "11", "99999999999", "abc"]
  static let ports = ["0", "80", "8080", "65535", "65536", "-5"]
  static let templates: [[String]] = [
    ["aws ecs create-cluster --cluster-name ", "C"],
    ["aws ecs delete-cluster --cluster ", "C"],
    [
      "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=",
      "N",
      ",portMappings=[{containerPort=80,hostPort=", "P", "}]'",
    ],
    [
      "aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory ",
      "N", " --container-definitions name=web,image=nginx",
    ],
    ["aws ecs run-task --cluster ", "C", " --task-definition ", "F", " --count ", "N"],
    ["aws ecs run-task --cluster ", "C", " --task-definition ", "F", " --launch-type FARGATE"],
    [
      "aws ecs create-service --cluster ", "C", " --service-name web --task-definition ", "F",
      " --desired-count ", "N",
    ],
    ["aws ecs update-service --cluster ", "C", " --service web --desired-count ", "N"],
    ["aws ecs update-service --cluster ", "C", " --service web --task-definition ", "F"],
    ["aws ecs delete-service --cluster ", "C", " --service web --force"],
    [
      "aws ecs stop-task --cluster ", "C", " --task $(aws ecs list-tasks --cluster ", "C",
      " --query taskArns[0] --output text)",
    ],
    ["capacity add --cluster ", "C", " --count ", "N"],
    ["aws ecs deregister-task-definition --task-definition ", "F"],
    [
      "aws ecs update-container-instances-state --cluster ", "C",
      " --status DRAINING --container-instances $(aws ecs list-container-instances --cluster ", "C",
      " --query containerInstanceArns[0] --output text)",
    ],
    [
      "aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query Reservations[0].Instances[0].InstanceId --output text)"
    ],
    ["wait ", "N", "s"],
    ["simulate crash $(aws ecs list-tasks --cluster ", "C", " --query taskArns[0] --output text)"],
    ["simulate load web ", "N"],
    ["show cluster ", "C"],
    ["undo"], ["events 3"], ["time manual"], ["time auto"],
    [
      "aws ecs describe-services --cluster ", "C",
      " --services web --query services[0].events[0].message",
    ],
  ]

  @Test(arguments: [1, 2, 3] as [UInt64])
  func randomCommandSequencesNeverTrap(seed: UInt64) throws {
    var rng = SeededRandom(seed: seed)
    var s = Session(config: SessionConfig(narrate: true), lessons: try repositoryLessons())
    func pick(_ items: [String]) -> String { items[rng.int(in: 0...(items.count - 1))] }
    var succeeded = 0
    var failed = 0
    for _ in 0..<120 {
      let template = pick(Self.templates.map { $0.joined(separator: "\u{1}") }).split(
        separator: "\u{1}")
      let line = template.map { part -> String in
        switch part {
        case "C": return pick(Self.clusters)
        case "F": return pick(Self.families)
        case "N": return pick(Self.numbers)
        case "P": return pick(Self.ports)
        default: return String(part)
        }
      }.joined()
      let before = s.world
      let out = s.handle(line)
      if s.lastStatus == 0 { succeeded += 1 } else { failed += 1 }
      #expect([0, 1, 2, 127, 252, 254, 255].contains(s.lastStatus), "\(line): \(s.lastStatus)")
      if s.lastStatus == 254 && !line.contains("$(") {
        // A service error changes nothing; time passing does not touch clusters or definitions.
        #expect(s.world.clusters == before.clusters, "\(line): \(out.text)")
        #expect(s.world.taskDefinitions == before.taskDefinitions, "\(line): \(out.text)")
      }
    }
    // The sequence exercised both paths.
    #expect(succeeded > 20 && failed > 20, "\(succeeded) ok, \(failed) failed")
  }
}
