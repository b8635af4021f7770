import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// `show roles`: the table and what it names.
@Suite struct RolesViewTests {
  static func role(_ name: String, trusting service: String = "ecs-tasks.amazonaws.com") -> String {
    #"aws iam create-role --role-name \#(name) --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\#(service)"},"Action":"sts:AssumeRole"}]}'"#
  }

  static func run(_ lines: [String], _ lang: Language = .en) throws -> String {
    var s = Session(config: SessionConfig(language: lang), lessons: try repositoryLessons())
    for line in lines.dropLast() { _ = s.handle(line) }
    return s.handle(lines.last ?? "").text
  }

  static let swapped = [
    role("execRole"), role("appRole"),
    "aws iam attach-role-policy --role-name appRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
    "aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/execRole --task-role-arn arn:aws:iam::123456789012:role/appRole --container-definitions 'name=web,image=nginx,logConfiguration={logDriver=awslogs,options={awslogs-group=/ecs/web,awslogs-region=us-east-1,awslogs-stream-prefix=web}}'",
    "show roles web",
  ]

  @Test func swappedRolesAreNamed() throws {
    let said = try Self.run(Self.swapped)
    #expect(said.contains("Task definition web:1 (FARGATE)"), "\(said)")
    // The table keeps one row per line (lesson Markdown would join indented lines).
    #expect(said.split(separator: "\n").contains { $0.hasPrefix("  who ") && $0.hasSuffix(" now") })
    #expect(said.contains("✗ denied (no statement allows it)"), "\(said)")
    #expect(
      said.contains(
        "logs:CreateLogStream is allowed to the task role appRole, but the agent makes that call with the execution role execRole."
      ), "\(said)")
  }

  @Test func japanese() throws {
    let said = try Self.run(Self.swapped, .ja)
    #expect(said.contains("タスク実行ロール execRole"), "\(said)")
    #expect(said.contains("タスクロール appRole"), "\(said)")
  }

  @Test func aTrustPolicyNamingEC2IsShown() throws {
    let said = try Self.run([
      Self.role("execRole", trusting: "ec2.amazonaws.com"),
      "aws ecs register-task-definition --family web --execution-role-arn arn:aws:iam::123456789012:role/execRole --container-definitions name=web,image=nginx,memory=128",
      "show roles web",
    ])
    #expect(
      said.contains(
        "the trust policy does not name ecs-tasks.amazonaws.com (it names ec2.amazonaws.com)"),
      "\(said)")
  }
}
