import Testing

@testable import ECSModel

/// Fixtures shared by the workload tests: clusters, container instances appended directly (as
/// the capacity family's join would), and task definitions registered as a learner would.
extension World {
  static func workloads(
    instances: Int = 2, cpu: Int = 2048, memory: Int = 3891, type: String = "t3.medium"
  )
    throws -> World
  {
    var w = World()
    _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "default"])
    for i in 0..<instances { w.addInstance(index: i, cpu: cpu, memory: memory, type: type) }
    return w
  }

  mutating func addInstance(
    index i: Int, cluster: String = "default", cpu: Int = 2048, memory: Int = 3891,
    type: String = "t3.medium",
    maxENIs: Int = 3
  ) {
    let id = String(format2(i)) + "0000000-0000-4000-8000-000000000000"
    let az = region + ["a", "b", "c"][i % 3]
    capacity.containerInstances.append(
      ContainerInstance(
        arn: arn(service: "ecs", resource: "container-instance/\(cluster)/\(id)"), id: id,
        clusterArn: arn(service: "ecs", resource: "cluster/\(cluster)"),
        ec2InstanceId: "i-\(format2(i))aaaaaaaaaaaaaaa",
        instanceType: type, availabilityZone: az, registeredCpu: cpu, registeredMemory: memory,
        reservedPorts: [22, 2375, 2376, 51678, 51679], maxENIs: maxENIs,
        registeredAt: clock.nowMillis))
  }

  private func format2(_ i: Int) -> String { i < 10 ? "0\(i)" : String(i % 100) }

  /// Registers `family` with one container; returns the ARN.
  @discardableResult
  mutating func web(
    family: String = "web", image: String = "nginx", cpu: Int = 256, memory: Int = 512,
    hostPort: Int? = 80,
    networkMode: String = "bridge", fargate: Bool = false
  ) throws -> String {
    var container: [(String, JSONValue)] = [
      ("name", "web"), ("image", .string(image)), ("cpu", .int(cpu)), ("memory", .int(memory)),
    ]
    if let p = hostPort {
      container.append(("portMappings", [["containerPort": 80, "hostPort": .int(p)]]))
    }
    var req: [(String, JSONValue)] = [
      ("family", .string(family)), ("networkMode", .string(networkMode)),
      ("containerDefinitions", [.object(container)]),
    ]
    if fargate {
      req += [("requiresCompatibilities", ["FARGATE"]), ("cpu", "256"), ("memory", "512")]
    }
    let out = try ecs("RegisterTaskDefinition", .object(req))
    return out["taskDefinition"]?["taskDefinitionArn"]?.stringValue ?? ""
  }

  var subnetIds: [JSONValue] { subnets.map { .string($0.subnetId) } }
}

@Suite struct TaskActionsTests {
  @Test func runTaskPlacesAndReturnsThePendingTaskAsAWSPrintsIt() throws {
    var w = try World.workloads()
    try w.web()
    let out = try w.ecs("RunTask", ["taskDefinition": "web"])
    let t = try #require(out["tasks"]?[0])
    #expect(out["failures"] == [])
    #expect(t["lastStatus"] == "PENDING")
    #expect(t["desiredStatus"] == "RUNNING")
    #expect(t["group"] == "family:web")
    #expect(t["launchType"] == "EC2")
    let arn = t["taskArn"]?.stringValue ?? ""
    #expect(arn.hasPrefix("arn:aws:ecs:us-east-1:123456789012:task/default/"))
    #expect(arn.split(separator: "/").last?.count == 32)
    #expect(t["containers"]?[0]?["name"] == "web")
    #expect(
      t["overrides"] == [
        "containerOverrides": [["name": "web"]], "inferenceAcceleratorOverrides": [],
      ])
    #expect(t["cpu"] == "256")
    #expect(t["memory"] == "512")
  }

  @Test func runTaskOnAnEmptyClusterFails() throws {
    var w = try World.workloads(instances: 0)
    try w.web()
    let before = w
    #expect(throws: AWSError.invalidParameter("No Container Instances were found in your cluster."))
    {
      try w.ecs("RunTask", ["taskDefinition": "web"])
    }
    #expect(w == before)
  }

  struct ErrorCase: Sendable, CustomStringConvertible {
    var name: String
    var networkMode: String
    var fargate: Bool
    var request: JSONValue
    var error: AWSError
    var description: String { name }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      name: "awsvpc without network configuration", networkMode: "awsvpc", fargate: false,
      request: ["taskDefinition": "web"],
      error: .invalidParameter(
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.")),
    ErrorCase(
      name: "bridge with network configuration", networkMode: "bridge", fargate: false,
      request: [
        "taskDefinition": "web",
        "networkConfiguration": ["awsvpcConfiguration": ["subnets": ["subnet-x"]]],
      ],
      error: .invalidParameter(
        "Network Configuration is not valid for the given networkMode of this task definition.")),
    ErrorCase(
      name: "public IP on EC2", networkMode: "awsvpc", fargate: false,
      request: [
        "taskDefinition": "web",
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": "SUBNET", "assignPublicIp": "ENABLED"]
        ],
      ],
      error: .invalidParameter("Assign public IP is not supported for this launch type.")),
    ErrorCase(
      name: "Fargate with an EC2-only definition", networkMode: "awsvpc", fargate: false,
      request: [
        "taskDefinition": "web", "launchType": "FARGATE",
        "networkConfiguration": ["awsvpcConfiguration": ["subnets": "SUBNET"]],
      ],
      error: .invalidParameter("Task definition does not support launch_type FARGATE.")),
    ErrorCase(
      name: "unknown definition", networkMode: "bridge", fargate: false,
      request: ["taskDefinition": "nope"],
      error: .client("TaskDefinition not found.")),
    ErrorCase(
      name: "count above 10", networkMode: "bridge", fargate: false,
      request: ["taskDefinition": "web", "count": 11],
      error: .invalidParameter("The count must be between 1 and 10.")),
    ErrorCase(
      name: "unknown cluster", networkMode: "bridge", fargate: false,
      request: ["taskDefinition": "web", "cluster": "nope"], error: .clusterNotFound),
    ErrorCase(
      name: "override for a missing container", networkMode: "bridge", fargate: false,
      request: ["taskDefinition": "web", "overrides": ["containerOverrides": [["name": "app"]]]],
      error: .invalidParameter(
        "Override for container named app is not a container in the TaskDefinition.")),
  ]

  @Test(arguments: errorCases)
  func runTaskRejections(_ c: ErrorCase) throws {
    var w = try World.workloads()
    try w.web(
      hostPort: c.networkMode == "awsvpc" ? 80 : 80, networkMode: c.networkMode, fargate: c.fargate)
    var req = c.request
    if req["networkConfiguration"]?["awsvpcConfiguration"]?["subnets"] == "SUBNET" {
      let vpc = (req["networkConfiguration"]?["awsvpcConfiguration"] ?? [:]).setting(
        "subnets", [w.subnetIds[0]])
      req = req.setting("networkConfiguration", ["awsvpcConfiguration": vpc])
    }
    let before = w
    #expect(throws: c.error) { try w.ecs("RunTask", req) }
    #expect(w == before)
  }

  struct FailureCase: Sendable, CustomStringConvertible {
    var name: String
    var cpu: Int
    var memory: Int
    var count: Int
    var constraint: JSONValue?
    var reason: String
    var description: String { name }
  }

  static let failureCases: [FailureCase] = [
    FailureCase(name: "cpu", cpu: 4096, memory: 128, count: 1, reason: "RESOURCE:CPU"),
    FailureCase(name: "memory", cpu: 128, memory: 8000, count: 1, reason: "RESOURCE:MEMORY"),
    FailureCase(name: "ports", cpu: 128, memory: 128, count: 3, reason: "RESOURCE:PORTS"),
    FailureCase(
      name: "memberOf", cpu: 128, memory: 128, count: 1,
      constraint: ["type": "memberOf", "expression": "attribute:ecs.instance-type =~ m5.*"],
      reason: "MemberOf placement constraint unsatisfied"),
  ]

  @Test(arguments: failureCases)
  func placementProblemsComeBackAsFailures(_ c: FailureCase) throws {
    var w = try World.workloads(instances: 2)
    try w.web(cpu: c.cpu, memory: c.memory, hostPort: 80)
    var req: JSONValue = ["taskDefinition": "web", "count": .int(c.count)]
    if let k = c.constraint { req = req.setting("placementConstraints", [k]) }
    let out = try w.ecs("RunTask", req)
    let reasons = out["failures"]?.arrayValue?.compactMap { $0["reason"]?.stringValue } ?? []
    #expect(reasons.contains(c.reason))
    #expect(out["tasks"]?.arrayValue?.count == (c.name == "ports" ? 2 : 0))
  }

  @Test func agentDisconnectedIsAnAgentFailure() throws {
    var w = try World.workloads(instances: 1)
    w.capacity.containerInstances[0].agentConnected = false
    try w.web()
    let out = try w.ecs("RunTask", ["taskDefinition": "web"])
    #expect(out["failures"]?[0]?["reason"] == "AGENT")
  }

  @Test func dynamicPortsAreAssignedFromTheEphemeralRange() throws {
    var w = try World.workloads(instances: 1)
    try w.web(hostPort: 0)
    _ = try w.ecs("RunTask", ["taskDefinition": "web", "count": 3])
    w.settle(maxSeconds: 120)
    let ports = w.workloads.tasks.flatMap { $0.containers[0].bindings.map(\.hostPort) }
    #expect(ports == [32768, 32769, 32770])
    let d = try w.ecs("DescribeTasks", ["tasks": [.string(w.workloads.tasks[0].arn)]])
    #expect(
      d["tasks"]?[0]?["containers"]?[0]?["networkBindings"] == [
        ["bindIP": "0.0.0.0", "containerPort": 80, "hostPort": 32768, "protocol": "tcp"]
      ])
  }

  @Test func fargateTaskGetsAnENIAndFargateFields() throws {
    var w = try World.workloads(instances: 0)
    try w.web(hostPort: nil, networkMode: "awsvpc", fargate: true)
    let out = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web", "launchType": "FARGATE",
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": .array(w.subnetIds), "assignPublicIp": "ENABLED"]
        ],
      ])
    let t = try #require(out["tasks"]?[0])
    #expect(t["lastStatus"] == "PROVISIONING")
    #expect(t["platformVersion"] == "1.4.0")
    #expect(t["ephemeralStorage"] == ["sizeInGiB": 20])
    #expect(t["attachments"]?[0]?["type"] == "ElasticNetworkInterface")
    let names = t["attachments"]?[0]?["details"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(
      names == [
        "subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address",
      ])
    #expect(t["containerInstanceArn"] == nil)
    let eni = try #require(w.workloads.tasks[0].eni)
    #expect(eni.publicIp?.hasPrefix("54.") == true)
    #expect(eni.securityGroups == [w.defaultGroupId])  // none given: the VPC's default group
  }

  @Test func stopTaskStopsWithUserInitiated() throws {
    var w = try World.workloads()
    try w.web()
    let out = try w.ecs("RunTask", ["taskDefinition": "web"])
    let arn = out["tasks"]?[0]?["taskArn"] ?? ""
    w.settle(maxSeconds: 60)
    let stopped = try w.ecs("StopTask", ["task": arn])
    #expect(stopped["task"]?["desiredStatus"] == "STOPPED")
    #expect(stopped["task"]?["stopCode"] == "UserInitiated")
    #expect(stopped["task"]?["stoppedReason"] == "Task stopped by user")
    w.settle(maxSeconds: 60)
    let d = try w.ecs("DescribeTasks", ["tasks": [arn, "0123"]])
    #expect(d["tasks"]?[0]?["lastStatus"] == "STOPPED")
    #expect(d["tasks"]?[0]?["containers"]?[0]?["exitCode"] == 0)
    #expect(
      d["failures"] == [
        ["arn": "arn:aws:ecs:us-east-1:123456789012:task/default/0123", "reason": "MISSING"]
      ])
    #expect(throws: AWSError.invalidParameter("The referenced task was not found.")) {
      try w.ecs("StopTask", ["task": "nope"])
    }
  }

  @Test func listTasksFilters() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.web(family: "api", hostPort: 0)
    _ = try w.ecs("RunTask", ["taskDefinition": "web", "count": 2, "startedBy": "me"])
    _ = try w.ecs("RunTask", ["taskDefinition": "api"])
    w.settle(maxSeconds: 60)
    #expect(try w.ecs("ListTasks", [:])["taskArns"]?.arrayValue?.count == 3)
    #expect(try w.ecs("ListTasks", ["family": "web"])["taskArns"]?.arrayValue?.count == 2)
    #expect(try w.ecs("ListTasks", ["startedBy": "me"])["taskArns"]?.arrayValue?.count == 2)
    #expect(
      try w.ecs("ListTasks", ["desiredStatus": "STOPPED"])["taskArns"]?.arrayValue?.count == 0)
    _ = try w.ecs("StopTask", ["task": .string(w.workloads.tasks[2].arn)])
    #expect(
      try w.ecs("ListTasks", ["desiredStatus": "STOPPED"])["taskArns"]?.arrayValue?.count == 1)
  }
}
