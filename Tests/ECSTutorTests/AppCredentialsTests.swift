import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// The demo applications' AWS calls at run time: which credentials the SDK finds (task role,
/// instance role through IMDS, none) and what the app logs, as AWS would have it.
@Suite struct AppCredentialsTests {
  static let trust =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'"#
  static let blockIptables =
    "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n"
    + "iptables --insert DOCKER-USER 1 --in-interface docker+ --destination 169.254.169.254/32 --jump DROP\n"
  static let blockAgent =
    "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\necho ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config\n"
  static let plain = "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n"

  struct Case: Sendable, CustomStringConvertible {
    var description: String
    /// FARGATE, or EC2 with this user data.
    var userData: String?
    var networkMode = "awsvpc"
    var taskRole = false
    /// Managed policies attached: to the task role, and to the instance role.
    var taskRolePolicy: String?
    var instanceRolePolicy: String?
    /// The last line the app logged starts with this.
    var expected: String
  }

  static let s3Read = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
  static let cases: [Case] = [
    Case(
      description: "Fargate without a task role has no credentials", userData: nil,
      expected: "botocore.exceptions.NoCredentialsError: Unable to locate credentials"),
    Case(
      description: "Fargate task role without S3 permissions", userData: nil, taskRole: true,
      expected:
        "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:sts::123456789012:assumed-role/appRole/"
    ),
    Case(
      description: "Fargate task role with AmazonS3ReadOnlyAccess", userData: nil, taskRole: true,
      taskRolePolicy: s3Read, expected: "listed s3://demo-data: 1 object(s) a.txt"),
    Case(
      description: "EC2 bridge without a task role falls back to the instance role",
      userData: plain, networkMode: "bridge",
      expected:
        "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:sts::123456789012:assumed-role/ecsInstanceRole/i-"
    ),
    Case(
      description: "the instance role's permissions leak to every bridge task",
      userData: plain, networkMode: "bridge", instanceRolePolicy: s3Read,
      expected: "listed s3://demo-data"),
    Case(
      description: "the iptables rule blocks IMDS for bridge tasks", userData: blockIptables,
      networkMode: "bridge", instanceRolePolicy: s3Read,
      expected: "botocore.exceptions.NoCredentialsError: Unable to locate credentials"),
    Case(
      description: "ECS_AWSVPC_BLOCK_IMDS blocks IMDS for awsvpc tasks", userData: blockAgent,
      instanceRolePolicy: s3Read,
      expected: "botocore.exceptions.NoCredentialsError: Unable to locate credentials"),
    Case(
      description: "ECS_AWSVPC_BLOCK_IMDS does not cover bridge tasks", userData: blockAgent,
      networkMode: "bridge", instanceRolePolicy: s3Read, expected: "listed s3://demo-data"),
    Case(
      description: "on EC2 a task role replaces the instance role", userData: plain,
      networkMode: "bridge", taskRole: true, instanceRolePolicy: s3Read,
      expected:
        "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:sts::123456789012:assumed-role/appRole/"
    ),
  ]

  @Test(arguments: cases)
  func appLogsWhatIAMDecided(_ c: Case) throws {
    let files = MemoryFiles(["a.txt": "hello\n", "user-data.sh": c.userData ?? ""])
    var s = Session(
      config: SessionConfig(language: .en, files: files), lessons: LessonLibrary())
    let ok = { (s: inout Session, line: String) in
      let out = s.handle(line)
      #expect(s.lastStatus == 0, "`\(line)` failed: \(out.text)")
    }
    ok(&s, "aws ecs create-cluster --cluster-name demo")
    ok(&s, "aws s3 mb s3://demo-data")
    ok(&s, "aws s3 cp a.txt s3://demo-data/a.txt")
    ok(&s, "aws iam create-role --role-name appRole --assume-role-policy-document \(Self.trust)")
    if let p = c.taskRolePolicy {
      ok(&s, "aws iam attach-role-policy --role-name appRole --policy-arn \(p)")
    }
    if let p = c.instanceRolePolicy {
      ok(&s, "aws iam attach-role-policy --role-name ecsInstanceRole --policy-arn \(p)")
    }
    let fargate = c.userData == nil
    let role = c.taskRole ? " --task-role-arn arn:aws:iam::123456789012:role/appRole" : ""
    let compat = fargate ? " --requires-compatibilities FARGATE --cpu 256 --memory 512" : ""
    ok(
      &s,
      "aws ecs register-task-definition --family app --network-mode \(c.networkMode)\(role)\(compat) "
        + "--container-definitions '[{\"name\":\"app\",\"image\":\"public.ecr.aws/ecs-tutor/s3-lister\",\"memory\":128,"
        + "\"environment\":[{\"name\":\"BUCKET\",\"value\":\"demo-data\"}]}]'")
    let subnet = ScenarioTests.text(
      &s,
      "aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query Subnets[0].SubnetId"
    )
    if fargate {
      ok(
        &s,
        "aws ecs run-task --cluster demo --task-definition app --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[\(subnet)],assignPublicIp=ENABLED}'"
      )
    } else {
      ok(
        &s,
        "aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --instance-type t3.medium --iam-instance-profile Name=ecsInstanceRole --user-data file://user-data.sh"
      )
      ok(&s, "wait 2m")
      let net =
        c.networkMode == "awsvpc"
        ? " --network-configuration 'awsvpcConfiguration={subnets=[\(subnet)]}'" : ""
      ok(&s, "aws ecs run-task --cluster demo --task-definition app\(net)")
    }
    ok(&s, "wait 2m")
    let world = s.world
    let task = try #require(world.workloads.tasks.first { $0.lastStatus == .running })
    let last = world.applications.lines(taskId: task.id, container: "app").last?.message ?? ""
    #expect(last.hasPrefix(c.expected), "\(last)")
    // ECS never checks the task role: the task keeps running whatever IAM decided.
    #expect(task.lastStatus == .running)
  }
}
