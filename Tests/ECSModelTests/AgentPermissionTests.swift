import Testing

@testable import ECSModel

/// The agent's calls (secrets, pulls, logs) go through the policy evaluator with the real ARN.
@Suite struct AgentPermissionTests {
  /// Runs a task whose container reads `valueFrom` with an execution role holding `inline`.
  static func runWithSecret(_ valueFrom: String, inline: String) throws -> ECSTask {
    var w = try World.workloads()
    let exec = try LifecycleTests.role(
      &w, "execRole", policies: ["AmazonECSTaskExecutionRolePolicy"])
    _ = try w.perform(
      service: "iam", operation: "PutRolePolicy",
      ["RoleName": "execRole", "PolicyName": "secrets", "PolicyDocument": .string(inline)])
    _ = try w.perform(
      service: "ssm", operation: "PutParameter",
      ["Name": "/app/db-pass", "Type": "SecureString", "Value": "s3cret"])
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec),
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx", "memory": 128,
            "secrets": [["name": "DB", "valueFrom": .string(valueFrom)]],
          ]
        ],
      ])
    _ = try w.ecs("RunTask", ["taskDefinition": "app"])
    w.settle(maxSeconds: 60)
    return w.workloads.tasks[0]
  }

  static func allow(_ resource: String) -> String {
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"\#(resource)"}]}"#
  }

  @Test(arguments: [
    ("arn:aws:ssm:*:*:parameter/other/*", false),
    ("arn:aws:ssm:us-east-1:123456789012:parameter/app/*", true),
    ("*", true),
  ])
  func aScopedPolicyReadsOnlyItsParameters(resource: String, runs: Bool) throws {
    let t = try Self.runWithSecret("/app/db-pass", inline: Self.allow(resource))
    if runs {
      #expect(t.lastStatus == .running)
    } else {
      #expect(t.stopCode == "TaskFailedToStart")
      #expect(
        (t.stoppedReason ?? "").hasSuffix(
          "ssm:GetParameters on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/db-pass")
      )
    }
  }

  @Test func secretsManagerJsonKeySuffixIsNotPartOfTheResource() {
    let w = World()
    #expect(
      w.secretResourceArn(
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::")
        == "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf")
    #expect(
      w.secretResourceArn("/app/db-pass")
        == "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-pass")
    #expect(
      w.secretResourceArn("db-pass") == "arn:aws:ssm:us-east-1:123456789012:parameter/db-pass")
  }

  static let readAll =
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameters","secretsmanager:GetSecretValue"],"Resource":"*"}]}"#

  @Test func aMissingParameterStopsTheTaskAtStart() throws {
    let t = try Self.runWithSecret("/app/nothing", inline: Self.readAll)
    #expect(t.stopCode == "TaskFailedToStart")
    #expect(
      (t.stoppedReason ?? "").hasSuffix(
        "unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: /app/nothing"
      ))
  }

  @Test(arguments: [
    ("password", nil as String?),
    ("missing", "did not contain json key missing"),
    ("", nil),
  ])
  func secretsManagerReferences(key: String, failure: String?) throws {
    var w2 = try World.workloads()
    _ = try sm(&w2, "CreateSecret", ["Name": "db", "SecretString": #"{"password":"a"}"#])
    let arn2 = w2.secrets.secrets[0].arn
    let exec = try LifecycleTests.role(
      &w2, "execRole", policies: ["AmazonECSTaskExecutionRolePolicy"])
    _ = try w2.perform(
      service: "iam", operation: "PutRolePolicy",
      ["RoleName": "execRole", "PolicyName": "secrets", "PolicyDocument": .string(Self.readAll)])
    _ = try w2.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec),
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx", "memory": 128,
            "secrets": [
              ["name": "DB", "valueFrom": .string(arn2 + (key.isEmpty ? "" : ":\(key)::"))]
            ],
          ]
        ],
      ])
    _ = try w2.ecs("RunTask", ["taskDefinition": "app"])
    w2.settle(maxSeconds: 60)
    let task = w2.workloads.tasks[0]
    if let failure {
      #expect(task.stopCode == "TaskFailedToStart")
      #expect((task.stoppedReason ?? "").hasSuffix(failure))
    } else {
      #expect(task.lastStatus == .running)
    }
  }

  /// A policy that allows secrets tagged app=web reads the tagged secret and not the other.
  @Test(arguments: [("web", true), ("batch", false)])
  func resourceTagConditions(tag: String, runs: Bool) throws {
    var w = try World.workloads()
    _ = try sm(
      &w, "CreateSecret",
      ["Name": "db", "SecretString": "s3cret", "Tags": [["Key": "app", "Value": .string(tag)]]])
    let arn = w.secrets.secrets[0].arn
    let exec = try LifecycleTests.role(
      &w, "execRole", policies: ["AmazonECSTaskExecutionRolePolicy"])
    let policy =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"StringEquals":{"secretsmanager:ResourceTag/app":"web"}}}]}"#
    _ = try w.perform(
      service: "iam", operation: "PutRolePolicy",
      ["RoleName": "execRole", "PolicyName": "secrets", "PolicyDocument": .string(policy)])
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec),
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx", "memory": 128,
            "secrets": [["name": "DB", "valueFrom": .string(arn)]],
          ]
        ],
      ])
    _ = try w.ecs("RunTask", ["taskDefinition": "app"])
    w.settle(maxSeconds: 60)
    let t = w.workloads.tasks[0]
    #expect((t.lastStatus == .running) == runs, "\(t.stoppedReason ?? "")")
  }
}

/// `roleUses`: who uses which role for what, with IAM's decision now.
@Suite struct RoleUsesTests {
  @Test func fargateTaskDefinitionWithAScopedSecretPolicy() throws {
    var w = try World.workloads()
    let exec = try LifecycleTests.role(
      &w, "execRole", policies: ["AmazonECSTaskExecutionRolePolicy"])
    _ = try w.perform(
      service: "iam", operation: "PutRolePolicy",
      [
        "RoleName": "execRole", "PolicyName": "secrets",
        "PolicyDocument": .string(AgentPermissionTests.allow("arn:aws:ssm:*:*:parameter/other/*")),
      ])
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec), "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx",
            "secrets": [["name": "DB", "valueFrom": "/app/db-pass"]],
          ]
        ],
      ])
    let def = try #require(w.taskDefinitions.last)
    let uses = w.roleUses(definition: def, launchType: .fargate, instanceRole: nil)
    let secret = try #require(uses.first { $0.purpose == "secrets" })
    #expect(secret.roleName == "execRole")
    #expect(secret.resource == "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-pass")
    #expect(secret.evaluation?.decision == .implicitDeny)
    // No task role on Fargate: the application has no credentials.
    let app = try #require(uses.first { $0.actor == .application })
    #expect(app.roleName == nil && app.evaluation == nil)
  }

  @Test func onEC2WithoutAnExecutionRoleTheInstanceRolePullsAndLogs() throws {
    var w = try World.workloads()
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app",
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx", "memory": 128,
            "logConfiguration": [
              "logDriver": "awslogs",
              "options": ["awslogs-group": "/ecs/app", "awslogs-region": "us-east-1"],
            ],
          ]
        ],
      ])
    let def = try #require(w.taskDefinitions.last)
    let uses = w.roleUses(definition: def, launchType: .ec2, instanceRole: "ecsInstanceRole")
    let logs = try #require(uses.first { $0.purpose == "logs" })
    #expect(logs.roleKind == "instance role" && logs.roleName == "ecsInstanceRole")
    #expect(
      logs.evaluation?.matched.first?.sourcePolicyId == "AmazonEC2ContainerServiceforEC2Role")
    #expect(uses.contains { $0.actor == .application && $0.roleName == "ecsInstanceRole" })
  }

  @Test func anExecutionRoleTrustingEC2IsShownWithThePrincipalItNames() throws {
    var w = try World.workloads()
    let exec = try LifecycleTests.role(
      &w, "swapped", trust: "ec2.amazonaws.com", policies: ["AmazonECSTaskExecutionRolePolicy"])
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec),
        "containerDefinitions": [["name": "app", "image": "nginx", "memory": 128]],
      ])
    let def = try #require(w.taskDefinitions.last)
    let uses = w.roleUses(definition: def, launchType: .ec2, instanceRole: "ecsInstanceRole")
    let assume = try #require(uses.first { $0.purpose == "assume" })
    #expect(assume.evaluation?.decision == .implicitDeny)
    #expect(assume.trusted == ["ec2.amazonaws.com"])
  }
}
