import Testing

@testable import ECSModel

@Suite struct ServiceActionsTests {
  @Test func createServiceReturnsTheServiceAsAWSPrintsIt() throws {
    var w = try World.workloads()
    try w.web()
    let out = try w.ecs(
      "CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    let s = try #require(out["service"])
    #expect(s["serviceArn"] == "arn:aws:ecs:us-east-1:123456789012:service/default/web")
    #expect(s["status"] == "ACTIVE")
    #expect(s["runningCount"] == 0 && s["pendingCount"] == 0 && s["desiredCount"] == 2)
    #expect(s["launchType"] == "EC2")
    #expect(s["deploymentConfiguration"]?["maximumPercent"] == 200)
    #expect(s["deploymentConfiguration"]?["minimumHealthyPercent"] == 100)
    #expect(s["schedulingStrategy"] == "REPLICA")
    #expect(s["deploymentController"] == ["type": "ECS"])
    #expect(s["events"] == [])
    let d = try #require(s["deployments"]?[0])
    let id = d["id"]?.stringValue ?? ""
    #expect(id.hasPrefix("ecs-svc/") && id.count == 8 + 19)
    #expect(d["status"] == "PRIMARY")
    #expect(d["rolloutState"] == "IN_PROGRESS")
    #expect(d["rolloutStateReason"] == .string("ECS deployment \(id) in progress."))
    let keys = s.objectValue?.map(\.0) ?? []
    #expect(
      keys.prefix(10) == [
        "serviceArn", "serviceName", "clusterArn", "loadBalancers", "serviceRegistries", "status",
        "desiredCount",
        "runningCount", "pendingCount", "launchType",
      ])
  }

  @Test func daemonDefaults() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    let out = try w.ecs(
      "CreateService",
      ["serviceName": "agent", "taskDefinition": "web", "schedulingStrategy": "DAEMON"])
    #expect(out["service"]?["deploymentConfiguration"]?["maximumPercent"] == 100)
    #expect(out["service"]?["deploymentConfiguration"]?["minimumHealthyPercent"] == 0)
    w.settle(maxSeconds: 300)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == 2)
    #expect(Set(w.workloads.tasks.compactMap(\.containerInstanceArn)).count == 2)
    #expect(w.workloads.services[0].desiredCount == 2)
  }

  struct ErrorCase: Sendable, CustomStringConvertible {
    var name: String
    var operation: String
    var request: JSONValue
    var error: AWSError
    var description: String { name }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      name: "duplicate", operation: "CreateService",
      request: ["serviceName": "web", "taskDefinition": "web", "desiredCount": 1],
      error: .invalidParameter("Creation of service was not idempotent.")),
    ErrorCase(
      name: "unknown cluster", operation: "CreateService",
      request: ["cluster": "nope", "serviceName": "x", "taskDefinition": "web", "desiredCount": 1],
      error: .clusterNotFound),
    ErrorCase(
      name: "daemon with a count", operation: "CreateService",
      request: [
        "serviceName": "d", "taskDefinition": "web", "desiredCount": 1,
        "schedulingStrategy": "DAEMON",
      ],
      error: .invalidParameter(
        "The daemon scheduling strategy does not support a desired count for services.")),
    ErrorCase(
      name: "load balancer container missing", operation: "CreateService",
      request: [
        "serviceName": "x", "taskDefinition": "web", "desiredCount": 1,
        "loadBalancers": [
          ["targetGroupArn": "arn:tg", "containerName": "app", "containerPort": 80]
        ],
      ], error: .invalidParameter("The container app does not exist in the task definition.")),
    ErrorCase(
      name: "load balancer port missing", operation: "CreateService",
      request: [
        "serviceName": "x", "taskDefinition": "web", "desiredCount": 1,
        "loadBalancers": [
          ["targetGroupArn": "arn:tg", "containerName": "web", "containerPort": 8080]
        ],
      ], error: .invalidParameter("The container web did not have a container port 8080 defined.")),
    ErrorCase(
      name: "network config on bridge", operation: "CreateService",
      request: [
        "serviceName": "x", "taskDefinition": "web", "desiredCount": 1,
        "networkConfiguration": ["awsvpcConfiguration": ["subnets": ["subnet-1"]]],
      ],
      error: .invalidParameter(
        "Network Configuration is not valid for the given networkMode of this task definition.")),
    ErrorCase(
      name: "delete while scaled above 0", operation: "DeleteService", request: ["service": "web"],
      error: .invalidParameter("The service cannot be stopped while it is scaled above 0.")),
    ErrorCase(
      name: "update a missing service", operation: "UpdateService",
      request: ["service": "nope", "desiredCount": 1],
      error: .serviceNotFound),
    ErrorCase(
      name: "update a deleted service", operation: "UpdateService",
      request: ["service": "old", "desiredCount": 1],
      error: AWSError("ServiceNotActiveException", "Service was not ACTIVE.")),
    ErrorCase(
      name: "delete cluster with services", operation: "DeleteCluster",
      request: ["cluster": "default"],
      error: AWSError(
        "ClusterContainsServicesException",
        "The Cluster cannot be deleted while Services are active.")),
  ]

  @Test(arguments: errorCases)
  func serviceRejections(_ c: ErrorCase) throws {
    var w = try World.workloads()
    try w.web()
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 1])
    try w.ecs("CreateService", ["serviceName": "old", "taskDefinition": "web", "desiredCount": 0])
    try w.ecs("DeleteService", ["service": "old"])
    let before = w
    #expect(throws: c.error) { try w.ecs(c.operation, c.request) }
    #expect(w == before)
  }

  @Test func deleteDrainsThenGoesInactive() throws {
    var w = try World.workloads()
    try w.web()
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    w.settle(maxSeconds: 300)
    let out = try w.ecs("DeleteService", ["service": "web", "force": true])
    #expect(out["service"]?["status"] == "DRAINING")
    #expect(try w.ecs("ListServices", [:])["serviceArns"]?.arrayValue?.count == 1)
    w.settle(maxSeconds: 300)
    let d = try w.ecs("DescribeServices", ["services": ["web", "ghost"]])
    #expect(d["services"]?[0]?["status"] == "INACTIVE")
    #expect(
      d["failures"] == [
        ["arn": "arn:aws:ecs:us-east-1:123456789012:service/default/ghost", "reason": "MISSING"]
      ])
    #expect(w.workloads.tasks.allSatisfy { $0.lastStatus == .stopped })
    #expect(try w.ecs("ListServices", [:])["serviceArns"] == [])
    // Instances still block deletion of the cluster.
    #expect(
      throws: AWSError(
        "ClusterContainsContainerInstancesException",
        "The Cluster cannot be deleted while Container Instances are active or draining.")
    ) { try w.ecs("DeleteCluster", ["cluster": "default"]) }
  }

  @Test func clusterCountsFollowTasksAndServices() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 3])
    w.settle(maxSeconds: 300)
    let c = try w.ecs("DescribeClusters", ["clusters": ["default"]])["clusters"]?[0]
    #expect(c?["runningTasksCount"] == 3)
    #expect(c?["activeServicesCount"] == 1)
    #expect(c?["registeredContainerInstancesCount"] == 2)
  }

  @Test func updateWithANewDefinitionStartsADeployment() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    w.settle(maxSeconds: 300)
    try w.web(image: "nginx:1.27", hostPort: 0)
    let out = try w.ecs("UpdateService", ["service": "web", "taskDefinition": "web:2"])
    let deps = out["service"]?["deployments"]?.arrayValue ?? []
    #expect(deps.count == 2)
    #expect(deps[0]["status"] == "PRIMARY" && deps[1]["status"] == "ACTIVE")
    #expect(deps[0]["taskDefinition"] == "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2")
    #expect(!w.servicesStable(cluster: "default", services: ["web"]))
    w.settle(maxSeconds: 600)
    #expect(w.servicesStable(cluster: "default", services: ["web"]))
    let s = try w.ecs("DescribeServices", ["services": ["web"]])["services"]?[0]
    #expect(s?["deployments"]?.arrayValue?.count == 1)
    #expect(s?["deployments"]?[0]?["rolloutState"] == "COMPLETED")
    let messages = s?["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } ?? []
    #expect(messages.first == "(service web) has reached a steady state.")
    #expect(messages.contains { $0.hasSuffix("deployment completed.") })
  }

  static func hasNull(_ v: JSONValue) -> Bool {
    switch v {
    case .null: return true
    case .array(let a): return a.contains(where: hasNull)
    case .object(let o): return o.contains { hasNull($0.1) }
    default: return false
    }
  }

  /// AWS leaves unset members out; a `null` would be our bug (and a crash in some CLIs' queries).
  @Test(arguments: [false, true])
  func documentsNeverContainNull(fargate: Bool) throws {
    var w = try World.workloads()
    try w.web(
      hostPort: fargate ? nil : 0, networkMode: fargate ? "awsvpc" : "bridge", fargate: fargate)
    var req: JSONValue = ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2]
    if fargate {
      req = req.setting("launchType", "FARGATE").setting(
        "networkConfiguration",
        ["awsvpcConfiguration": ["subnets": .array(w.subnetIds), "assignPublicIp": "ENABLED"]])
    }
    try w.ecs("CreateService", req)
    for second in 0..<90 {
      w.advance(seconds: 1)
      if second == 60 { w.simulateCrash(taskArn: w.workloads.tasks[0].arn) }
      let s = try w.ecs("DescribeServices", ["services": ["web"]])
      let t = try w.ecs(
        "DescribeTasks", ["tasks": .array(w.workloads.tasks.map { .string($0.arn) })])
      #expect(!Self.hasNull(s) && !Self.hasNull(t), "at \(second) s")
    }
  }
}

extension ServiceActionsTests {
  @Test func daemonsFollowInstancesInAndOut() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs(
      "CreateService",
      [
        "serviceName": "agent", "taskDefinition": "web", "schedulingStrategy": "DAEMON",
        "placementConstraints": [
          ["type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"]
        ],
      ])
    w.settle(maxSeconds: 300)
    w.addInstance(index: 2)
    w.addInstance(index: 3, type: "m5.large")
    #expect(!w.isSettled)
    w.settle(maxSeconds: 300)
    #expect(w.workloads.services[0].desiredCount == 3)
    w.capacity.containerInstances[0].status = .draining
    w.settle(maxSeconds: 300)
    let live = w.workloads.tasks.filter { $0.isLive }
    #expect(live.count == 2)
    #expect(!live.contains { $0.containerInstanceArn == w.capacity.containerInstances[0].arn })
    #expect(!live.contains { $0.containerInstanceArn == w.capacity.containerInstances[3].arn })
  }
}
