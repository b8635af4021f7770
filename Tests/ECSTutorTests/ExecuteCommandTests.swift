import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// ECS Exec as on AWS: enabled when the task started, the task role's ssmmessages permissions,
/// then a shell in the container answered from the world, and `exit` back to the tutor.
@Suite struct ExecuteCommandTests {
  static let trust =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'"#
  static let ssm =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel","ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel"],"Resource":"*"}]}'"#

  struct Case: Sendable, CustomStringConvertible {
    var description: String
    var enable = true
    var taskRole = true
    /// Which role gets the ssmmessages policy: "task", "execution" or nil.
    var ssmOn: String? = "task"
    /// The error code, or nil when the session opens.
    var error: String?
  }

  static let cases: [Case] = [
    Case(description: "enabled, task role with ssmmessages: the session opens"),
    Case(description: "not enabled at start", enable: false, error: "InvalidParameterException"),
    Case(
      description: "ssmmessages on the execution role instead", ssmOn: "execution",
      error: "TargetNotConnectedException"),
    Case(
      description: "task role without ssmmessages", ssmOn: nil, error: "TargetNotConnectedException"
    ),
    Case(
      description: "no task role on Fargate", taskRole: false, ssmOn: nil,
      error: "TargetNotConnectedException"),
  ]

  static func session(_ c: Case) -> (Session, String) {
    var s = Session(config: SessionConfig(language: .en), lessons: LessonLibrary())
    let ok = { (s: inout Session, line: String) in
      let out = s.handle(line)
      #expect(s.lastStatus == 0, "`\(line)` failed: \(out.text)")
    }
    ok(&s, "aws ecs create-cluster --cluster-name demo")
    ok(&s, "aws iam create-role --role-name execRole --assume-role-policy-document \(trust)")
    ok(&s, "aws iam create-role --role-name webTaskRole --assume-role-policy-document \(trust)")
    if let on = c.ssmOn {
      let role = on == "task" ? "webTaskRole" : "execRole"
      ok(
        &s,
        "aws iam put-role-policy --role-name \(role) --policy-name exec --policy-document \(ssm)")
    }
    let role = c.taskRole ? " --task-role-arn arn:aws:iam::123456789012:role/webTaskRole" : ""
    ok(
      &s,
      "aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/execRole\(role) --container-definitions '[{\"name\":\"web\",\"image\":\"public.ecr.aws/ecs-tutor/web\",\"environment\":[{\"name\":\"PORT\",\"value\":\"3000\"}]}]'"
    )
    let subnet = ScenarioTests.text(
      &s,
      "aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query Subnets[0].SubnetId"
    )
    let enable = c.enable ? " --enable-execute-command" : ""
    let task = ScenarioTests.text(
      &s,
      "aws ecs run-task --cluster demo --task-definition web\(enable) --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[\(subnet)],assignPublicIp=ENABLED}' --query tasks[0].taskArn"
    )
    ok(&s, "wait 1m")
    return (s, task)
  }

  @Test(arguments: cases)
  func executeCommandWorksOnlyAsOnAWS(_ c: Case) {
    var (s, task) = Self.session(c)
    let out = s.handle(
      "aws ecs execute-command --cluster demo --task \(task) --container web --interactive --command /bin/sh"
    )
    if let error = c.error {
      #expect(s.lastStatus == 254)
      #expect(
        out.text.contains("An error occurred (\(error)) when calling the ExecuteCommand operation"))
      #expect(s.prompt != ExecShell.prompt)
    } else {
      #expect(s.lastStatus == 0, "\(out.text)")
      #expect(out.text.contains("Starting session with SessionId: ecs-execute-command-"))
      #expect(s.prompt == ExecShell.prompt)
    }
  }

  /// Inside the container: what each command answers, then `exit` returns to the tutor.
  static let shellLines: [(String, String)] = [
    ("curl localhost:3000/health", "ok\n"),
    ("env PORT", "3000\n"),
    ("aws sts get-caller-identity --query Arn --output text", "assumed-role/webTaskRole/"),
    ("aws s3 ls", "not authorized to perform: s3:ListAllMyBuckets"),
    ("curl 169.254.169.254/latest/meta-data/", "curl: (28)"),
    ("nonsense", "sh: nonsense: command not found"),
  ]

  @Test func theShellAnswersFromTheWorldAndExitReturns() {
    var (s, task) = Self.session(Case(description: "ok"))
    _ = s.handle(
      "aws ecs execute-command --cluster demo --task \(task) --interactive --command /bin/sh")
    for (line, expected) in Self.shellLines {
      let out = s.handle(line)
      #expect(out.text.contains(expected), "`\(line)` → \(out.text)")
    }
    let out = s.handle("exit")
    #expect(out.text.contains("Exiting session with sessionId: ecs-execute-command-"))
    #expect(s.prompt == "[sandbox] $ ")
  }
}

/// The CLI in the container connects from the task's network like the app does: without a path
/// to the service (here the task's security group lets nothing out any more) it times out.
@Suite struct ExecShellEgressTests {
  static let lines: [(String, String)] = [
    (
      "aws sts get-caller-identity",
      #"Connect timeout on endpoint URL: "https://sts.us-east-1.amazonaws.com/""#
    ),
    (
      "aws s3 ls s3://demo-data/reports/",
      #"Connect timeout on endpoint URL: "https://demo-data.s3.amazonaws.com/?list-type=2&prefix=reports%2F&delimiter=%2F&encoding-type=url""#
    ),
    (
      "aws dynamodb scan --table-name orders",
      #"Connect timeout on endpoint URL: "https://dynamodb.us-east-1.amazonaws.com/""#
    ),
  ]

  @Test(arguments: lines)
  func theCLIInTheContainerNeedsAPath(line: String, expected: String) throws {
    var (s, task) = ExecuteCommandTests.session(.init(description: "ok"))
    _ = s.handle(
      "aws ecs execute-command --cluster demo --task \(task) --interactive --command /bin/sh")
    #expect(s.prompt == ExecShell.prompt)
    let before = s.handle(line)
    #expect(!before.text.contains("Connect timeout"), "\(before.text)")
    let t = try #require(s.world.workloads.tasks.first { $0.arn == task })
    for id in t.eni?.securityGroups ?? [] {
      let i = try #require(s.world.securityGroups.firstIndex { $0.groupId == id })
      s.world.securityGroups[i].egress = []
    }
    let out = s.handle(line)
    #expect(s.lastStatus == 255)
    #expect(out.text.contains(expected), "\(out.text)")
  }
}
