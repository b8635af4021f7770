import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// `environmentFiles` at task start: the execution role downloads them, a missing permission or
/// object stops the task, and `environment` wins over a file's variables.
@Suite struct EnvironmentFilesTests {
  static let trust =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'"#
  static let read =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::cfg/*"},{"Effect":"Allow","Action":"s3:GetBucketLocation","Resource":"arn:aws:s3:::cfg"}]}'"#

  /// (permission granted, object uploaded, the stoppedReason's end or nil for a running task)
  static let cases: [(Bool, Bool, String?)] = [
    (
      false, true,
      "failed to download file app.env: failed to write to a temporary file: AccessDenied: Access Denied"
    ),
    (
      true, false,
      "failed to download file app.env: failed to write to a temporary file: NoSuchKey: The specified key does not exist."
    ),
    (true, true, nil),
  ]

  @Test(arguments: cases)
  func theExecutionRoleDownloadsTheFile(allowed: Bool, uploaded: Bool, reason: String?) throws {
    let files = MemoryFiles(["app.env": "MODE=file\nGREETING=hello\n"])
    var s = Session(config: SessionConfig(language: .en, files: files), lessons: LessonLibrary())
    let ok = { (s: inout Session, line: String) in
      let out = s.handle(line)
      #expect(s.lastStatus == 0, "`\(line)` failed: \(out.text)")
    }
    ok(&s, "aws ecs create-cluster --cluster-name demo")
    ok(&s, "aws iam create-role --role-name execRole --assume-role-policy-document \(Self.trust)")
    ok(&s, "aws s3 mb s3://cfg")
    if allowed {
      ok(
        &s,
        "aws iam put-role-policy --role-name execRole --policy-name env --policy-document \(Self.read)"
      )
    }
    if uploaded { ok(&s, "aws s3 cp app.env s3://cfg/app.env") }
    ok(
      &s,
      #"aws ecs register-task-definition --family app --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/execRole --container-definitions '[{"name":"app","image":"public.ecr.aws/ecs-tutor/web","environment":[{"name":"MODE","value":"env"}],"environmentFiles":[{"value":"arn:aws:s3:::cfg/app.env","type":"s3"}]}]'"#
    )
    let subnet = ScenarioTests.text(
      &s,
      "aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query Subnets[0].SubnetId"
    )
    ok(
      &s,
      "aws ecs run-task --cluster demo --task-definition app --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[\(subnet)],assignPublicIp=ENABLED}'"
    )
    ok(&s, "wait 2m")
    let task = try #require(s.world.workloads.tasks.last)
    if let reason {
      #expect(task.stopCode == "TaskFailedToStart")
      #expect(task.stoppedReason?.hasSuffix(reason) == true, "\(task.stoppedReason ?? "")")
    } else {
      #expect(task.lastStatus == .running)
      let env = s.world.containerEnvironment(task, container: "app")
      #expect(env["GREETING"] == "hello")
      #expect(env["MODE"] == "env")
    }
  }
}
