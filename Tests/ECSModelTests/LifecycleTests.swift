import Testing

@testable import ECSModel

@Suite struct LifecycleTests {
  struct Timing: Sendable, CustomStringConvertible {
    var name: String
    var networkMode: String
    var fargate: Bool
    /// (seconds after RunTask, lastStatus then)
    var states: [(Double, String)]
    var description: String { name }
  }

  static let timings: [Timing] = [
    Timing(
      name: "bridge on EC2", networkMode: "bridge", fargate: false,
      states: [
        (0, "PENDING"), (5.9, "PENDING"), (6, "ACTIVATING"), (7.9, "ACTIVATING"), (8, "RUNNING"),
      ]),
    Timing(
      name: "awsvpc on EC2", networkMode: "awsvpc", fargate: false,
      states: [(0, "PROVISIONING"), (4, "PENDING"), (10, "ACTIVATING"), (12, "RUNNING")]),
    Timing(
      name: "Fargate", networkMode: "awsvpc", fargate: true,
      states: [(0, "PROVISIONING"), (12, "PENDING"), (21, "ACTIVATING"), (23, "RUNNING")]),
  ]

  static func run(_ w: inout World, networkMode: String, fargate: Bool) throws -> String {
    try w.web(
      hostPort: networkMode == "awsvpc" ? nil : 80, networkMode: networkMode, fargate: fargate)
    var req: JSONValue = ["taskDefinition": "web"]
    if networkMode == "awsvpc" {
      req = req.setting(
        "networkConfiguration", ["awsvpcConfiguration": ["subnets": .array(w.subnetIds)]])
    }
    if fargate {
      req = req.setting("launchType", "FARGATE")
      req = req.setting(
        "networkConfiguration",
        ["awsvpcConfiguration": ["subnets": .array(w.subnetIds), "assignPublicIp": "ENABLED"]])
    }
    let out = try w.ecs("RunTask", req)
    return out["tasks"]?[0]?["taskArn"]?.stringValue ?? ""
  }

  @Test(arguments: timings)
  func tasksMoveThroughTheirStatesOnTheClock(_ c: Timing) throws {
    var w = try World.workloads()
    let arn = try Self.run(&w, networkMode: c.networkMode, fargate: c.fargate)
    let start = w.clock.nowMillis
    for (at, status) in c.states {
      w.advance(seconds: Double(start + Int64(at * 1000) - w.clock.nowMillis) / 1000)
      let t = try #require(w.workloads.tasks.first { $0.arn == arn })
      #expect(t.lastStatus.rawValue == status, "at \(at) s")
    }
    let t = try #require(w.workloads.tasks.first { $0.arn == arn })
    #expect(t.startedAt != nil && t.pullStartedAt != nil && t.pullStoppedAt != nil)
    #expect(t.containers.allSatisfy { $0.lastStatus == "RUNNING" && $0.runtimeId != nil })
  }

  @Test(arguments: [("bridge", 3.0), ("awsvpc", 6.0)])
  func stoppingTakesItsPhases(mode: String, seconds: Double) throws {
    var w = try World.workloads()
    let arn = try Self.run(&w, networkMode: mode, fargate: false)
    w.settle(maxSeconds: 60)
    _ = try w.ecs("StopTask", ["task": .string(arn), "reason": "done"])
    #expect(w.workloads.tasks[0].lastStatus == .deactivating)
    w.advance(seconds: seconds - 1)
    #expect(w.workloads.tasks[0].lastStatus != .stopped)
    w.advance(seconds: 1)
    #expect(w.workloads.tasks[0].lastStatus == .stopped)
    #expect(w.workloads.tasks[0].stoppedReason == "done")
  }

  @Test func advancingInPiecesGivesTheSameWorld() throws {
    var a = try World.workloads()
    _ = try Self.run(&a, networkMode: "awsvpc", fargate: false)
    var b = a
    a.advance(seconds: 30)
    for _ in 0..<60 { b.advance(seconds: 0.5) }
    #expect(a == b)
  }

  @Test func aMissingImageFailsTheTaskWithCannotPullContainerError() throws {
    var w = try World.workloads()
    try w.web(image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1")
    _ = try w.ecs("RunTask", ["taskDefinition": "web"])
    w.settle(maxSeconds: 60)
    let t = w.workloads.tasks[0]
    #expect(t.lastStatus == .stopped)
    #expect(t.stopCode == "TaskFailedToStart")
    #expect(t.stoppedReason?.hasPrefix("CannotPullContainerError: ") == true)
    #expect(t.startedAt == nil)
  }

  @Test func anEssentialContainerExitStopsTheTask() throws {
    var w = try World.workloads()
    let arn = try Self.run(&w, networkMode: "bridge", fargate: false)
    w.settle(maxSeconds: 60)
    w.simulateCrash(taskArn: arn)
    w.settle(maxSeconds: 60)
    let t = w.workloads.tasks[0]
    #expect(t.stopCode == "EssentialContainerExited")
    #expect(t.stoppedReason == "Essential container in task exited")
    #expect(t.containers[0].exitCode == 1)
    #expect(t.lastStatus == .stopped)
  }

  @Test func stoppedTasksStayDescribableForAnHour() throws {
    var w = try World.workloads()
    let arn = try Self.run(&w, networkMode: "bridge", fargate: false)
    w.settle(maxSeconds: 60)
    _ = try w.ecs("StopTask", ["task": .string(arn)])
    w.settle(maxSeconds: 60)
    w.advance(seconds: 3600)
    #expect(w.workloads.tasks.count == 1)
    w.advance(seconds: 2)
    #expect(w.workloads.tasks.isEmpty)
  }

  @Test func initContainersCompleteBeforeTheAppRuns() throws {
    var w = try World.workloads()
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app",
        "containerDefinitions": [
          ["name": "migrate", "image": "busybox", "memory": 64, "essential": false],
          [
            "name": "app", "image": "nginx", "memory": 128,
            "dependsOn": [["containerName": "migrate", "condition": "SUCCESS"]],
          ],
        ],
      ])
    _ = try w.ecs("RunTask", ["taskDefinition": "app"])
    w.settle(maxSeconds: 60)
    let t = w.workloads.tasks[0]
    #expect(t.lastStatus == .running)
    #expect(t.containers[0].lastStatus == "STOPPED" && t.containers[0].exitCode == 0)
    #expect(t.containers[1].lastStatus == "RUNNING")
  }

  @Test func aLostHostStopsItsTasks() throws {
    var w = try World.workloads()
    _ = try Self.run(&w, networkMode: "bridge", fargate: false)
    w.settle(maxSeconds: 60)
    let instance = try #require(w.workloads.tasks[0].ec2InstanceId)
    w.simulateInstanceFailure(instance)
    w.settle(maxSeconds: 60)
    #expect(w.workloads.tasks[0].lastStatus == .stopped)
    #expect(w.workloads.tasks[0].stoppedReason == "Host EC2 (instance \(instance)) stopped.")
  }

  /// Creates a role trusted by `service` with the given managed policies; returns its ARN.
  static func role(
    _ w: inout World, _ name: String, trust: String = "ecs-tasks.amazonaws.com",
    policies: [String] = []
  ) throws -> String {
    let doc =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\#(trust)"},"Action":"sts:AssumeRole"}]}"#
    let out = try w.perform(
      service: "iam", operation: "CreateRole",
      ["RoleName": .string(name), "AssumeRolePolicyDocument": .string(doc)])
    for p in policies {
      _ = try w.perform(
        service: "iam", operation: "AttachRolePolicy",
        [
          "RoleName": .string(name),
          "PolicyArn": .string("arn:aws:iam::aws:policy/service-role/" + p),
        ])
    }
    return out["Role"]?["Arn"]?.stringValue ?? ""
  }

  @Test func secretsNeedTheExecutionRoleToReadThem() throws {
    var w = try World.workloads()
    let exec = try Self.role(&w, "execRole", policies: ["AmazonECSTaskExecutionRolePolicy"])
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec),
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx", "memory": 128,
            "secrets": [["name": "DB", "valueFrom": "db-password"]],
          ]
        ],
      ])
    _ = try w.ecs("RunTask", ["taskDefinition": "app"])
    w.settle(maxSeconds: 60)
    let t = w.workloads.tasks[0]
    #expect(t.stopCode == "TaskFailedToStart")
    let reason = t.stoppedReason ?? ""
    #expect(
      reason.hasPrefix(
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm:"
      ))
    #expect(
      reason.contains(
        "assumed-role/execRole/\(t.id) is not authorized to perform: ssm:GetParameters"))
    #expect(reason.hasSuffix("arn:aws:ssm:us-east-1:123456789012:parameter/db-password"))
  }

  @Test func awslogsOnFargateNeedsLogsPermission() throws {
    var w = try World.workloads(instances: 0)
    let exec = try Self.role(&w, "bareRole")
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "executionRoleArn": .string(exec), "networkMode": "awsvpc",
        "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
        "containerDefinitions": [
          [
            "name": "app", "image": "nginx",
            "logConfiguration": [
              "logDriver": "awslogs",
              "options": [
                "awslogs-group": "/ecs/app", "awslogs-region": "us-east-1",
                "awslogs-stream-prefix": "ecs",
              ],
            ],
          ]
        ],
      ])
    _ = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "app", "launchType": "FARGATE",
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": .array(w.subnetIds), "assignPublicIp": "ENABLED"]
        ],
      ])
    w.settle(maxSeconds: 120)
    let t = w.workloads.tasks[0]
    #expect(t.stopCode == "TaskFailedToStart")
    #expect(
      t.stoppedReason?.hasPrefix("ResourceInitializationError: failed to validate logger args:")
        == true)
    #expect(t.stoppedReason?.contains("log-group:/ecs/app:log-stream:ecs/app/\(t.id)") == true)
  }

  @Test(arguments: ["ec2.amazonaws.com", "missing"])
  func rolesECSCannotAssumeAreRejected(trust: String) throws {
    var w = try World.workloads()
    let arn =
      trust == "missing"
      ? "arn:aws:iam::123456789012:role/nope" : try Self.role(&w, "wrongTrust", trust: trust)
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "app", "taskRoleArn": .string(arn),
        "containerDefinitions": [["name": "app", "image": "nginx", "memory": 128]],
      ])
    let before = w
    #expect(
      throws: AWSError.client(
        "ECS was unable to assume the role '\(arn)' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role."
      )
    ) { try w.ecs("RunTask", ["taskDefinition": "app"]) }
    #expect(w == before)
  }

  @Test func fargateWithoutAPublicIPCannotReachTheRegistry() throws {
    var w = try World.workloads(instances: 0)
    try w.web(hostPort: nil, networkMode: "awsvpc", fargate: true)
    _ = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web", "launchType": "FARGATE",
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": .array(w.subnetIds), "assignPublicIp": "DISABLED"]
        ],
      ])
    w.settle(maxSeconds: 120)
    let t = w.workloads.tasks[0]
    #expect(t.stopCode == "TaskFailedToStart")
    let reason = t.stoppedReason ?? ""
    #expect(
      reason.hasPrefix(
        "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:latest: failed to do request: Head \"https://registry-1.docker.io/v2/library/nginx/manifests/latest\": dial tcp "
      ))
    #expect(reason.hasSuffix(":443: i/o timeout"))
    #expect(t.lastStatus == .stopped && t.eni?.status == "DELETED")
  }
}
