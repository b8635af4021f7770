import Testing

@testable import ECSModel

@Suite struct ReconcilerTests {
  func messages(_ w: World, _ name: String = "web") -> [String] {
    w.workloads.services.last { $0.name == name }?.events.map(\.message) ?? []
  }

  struct PlacementEvent: Sendable, CustomStringConvertible {
    var name: String
    var cpu: Int
    var memory: Int
    var hostPort: Int?
    var desired: Int
    var instances: Int
    var running: Int
    var fragment: String
    var description: String { name }
  }

  static let placementEvents: [PlacementEvent] = [
    PlacementEvent(
      name: "port 80 on 2 instances, 3 wanted", cpu: 128, memory: 128, hostPort: 80, desired: 3,
      instances: 2,
      running: 2, fragment: "is already using a port required by your task."),
    PlacementEvent(
      name: "cpu", cpu: 1024, memory: 128, hostPort: 0, desired: 5, instances: 2, running: 4,
      fragment: "has insufficient CPU units available."),
    PlacementEvent(
      name: "memory", cpu: 10, memory: 1900, hostPort: 0, desired: 5, instances: 2, running: 4,
      fragment: "has insufficient memory available."),
    PlacementEvent(
      name: "no instances", cpu: 10, memory: 10, hostPort: 0, desired: 1, instances: 0, running: 0,
      fragment: "Reason: No Container Instances were found in your cluster."),
  ]

  @Test(arguments: placementEvents)
  func unplaceableTasksProduceTheServiceEvent(_ c: PlacementEvent) throws {
    var w = try World.workloads(instances: c.instances)
    try w.web(cpu: c.cpu, memory: c.memory, hostPort: c.hostPort)
    try w.ecs(
      "CreateService",
      ["serviceName": "web", "taskDefinition": "web", "desiredCount": .int(c.desired)])
    w.settle(maxSeconds: 300)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == c.running)
    let lead =
      "(service web) was unable to place a task because no container instance met all of its requirements."
    let event = messages(w).first { $0.hasPrefix(lead) }
    #expect(event?.contains(c.fragment) == true)
    // The same problem is reported once, not on every retry.
    #expect(messages(w).filter { $0 == event }.count == 1)
    if c.instances > 0 {
      #expect(event?.contains("(container-instance ") == true)
      #expect(
        event?.hasSuffix(
          "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."
        ) == true)
    }
  }

  @Test func startedEventsNameTheTasks() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    w.advance(seconds: 1)
    let ids = w.workloads.tasks.map(\.id)
    #expect(
      messages(w) == ["(service web) has started 2 tasks: (task \(ids[0])) (task \(ids[1]))."])
    w.settle(maxSeconds: 300)
    #expect(messages(w).first == "(service web) has reached a steady state.")
  }

  @Test(arguments: [(100, 200, 3), (50, 200, 4), (100, 150, 4), (0, 100, 2)])
  func rollingDeploymentsRespectTheirBounds(minPct: Int, maxPct: Int, desired: Int) throws {
    var w = try World.workloads(instances: 3)
    try w.web(hostPort: 0)
    try w.ecs(
      "CreateService",
      [
        "serviceName": "web", "taskDefinition": "web", "desiredCount": .int(desired),
        "deploymentConfiguration": [
          "maximumPercent": .int(maxPct), "minimumHealthyPercent": .int(minPct),
        ],
      ])
    w.settle(maxSeconds: 600)
    try w.web(image: "nginx:1.25", hostPort: 0)
    try w.ecs("UpdateService", ["service": "web", "taskDefinition": "web:2"])
    let minRunning = (desired * minPct + 99) / 100
    let maxLive = desired * maxPct / 100
    for _ in 0..<600 {
      w.advance(seconds: 1)
      let live = w.workloads.tasks.filter { $0.isLive }
      let running = live.filter { $0.lastStatus == .running }.count
      #expect(running >= minRunning)
      #expect(live.count <= maxLive)
      if w.isSettled { break }
    }
    #expect(w.isSettled)
    let live = w.workloads.tasks.filter { $0.isLive }
    #expect(live.count == desired)
    #expect(live.allSatisfy { $0.taskDefinitionArn.hasSuffix("web:2") })
  }

  @Test func aCrashedTaskIsReplaced() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    w.settle(maxSeconds: 300)
    let victim = w.workloads.tasks[0].arn
    w.simulateCrash(taskArn: victim)
    w.settle(maxSeconds: 300)
    #expect(w.workloads.tasks.count == 3)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == 2)
    #expect(w.workloads.tasks[0].stopCode == "EssentialContainerExited")
    #expect(w.servicesStable(cluster: "default", services: ["web"]))
  }

  @Test func theCircuitBreakerTripsOnABadImageAndRollsBack() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs(
      "CreateService",
      [
        "serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
        "deploymentConfiguration": [
          "deploymentCircuitBreaker": ["enable": true, "rollback": true]
        ],
      ])
    w.settle(maxSeconds: 300)
    let first = w.workloads.services[0].deployments[0].id
    try w.web(image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:missing", hostPort: 0)
    try w.ecs("UpdateService", ["service": "web", "taskDefinition": "web:2"])
    let failed = w.workloads.services[0].deployments[0].id
    w.settle(maxSeconds: 1800)
    let s = w.workloads.services[0]
    #expect(s.deployments.count == 1)
    #expect(s.deployments[0].id == first)
    #expect(s.deployments[0].rolloutState == .completed)
    #expect(s.taskDefinitionArn.hasSuffix("web:1"))
    #expect(
      messages(w).contains(
        "(service web) (deployment \(failed)) deployment failed: tasks failed to start."))
    // The old tasks kept running throughout.
    #expect(w.workloads.tasks.filter { $0.isLive && $0.lastStatus == .running }.count == 2)
    let stoppedNew = w.workloads.tasks.filter { $0.deploymentId == failed }
    // The threshold is 3; a fourth may already be on its way when the breaker trips.
    #expect((3...4).contains(stoppedNew.count))
    #expect(stoppedNew.allSatisfy { $0.stopCode == "TaskFailedToStart" })
  }

  @Test func tasksThatNeverStartAreThrottled() throws {
    var w = try World.workloads()
    try w.web(image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:missing", hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 1])
    w.advance(seconds: 600)
    #expect(
      messages(w).contains("(service web) is unable to consistently start tasks successfully."))
    // Without throttling a task every ~6 s would make about 100; backing off keeps it small.
    #expect(w.workloads.tasks.count < 15)
    #expect(
      w.workloads.services[0].deployments[0].failedTasks
        == w.workloads.tasks.filter { $0.lastStatus == .stopped }.count)
  }

  @Test func scalingInStopsTasksWithTheSchedulerReason() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 3])
    w.settle(maxSeconds: 300)
    try w.ecs("UpdateService", ["service": "web", "desiredCount": 1])
    w.settle(maxSeconds: 300)
    let stopped = w.workloads.tasks.filter { $0.lastStatus == .stopped }
    #expect(stopped.count == 2)
    let dep = w.workloads.services[0].deployments[0].id
    #expect(stopped.allSatisfy { $0.stopCode == "ServiceSchedulerInitiated" })
    #expect(
      stopped.allSatisfy { $0.stoppedReason == "Scaling activity initiated by (deployment \(dep))" }
    )
    #expect(
      messages(w).contains { $0.hasPrefix("(service web) has stopped 2 running tasks: (task ") })
  }

  @Test func drainingInstancesGetTheirTasksReplaced() throws {
    var w = try World.workloads(instances: 2)
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    w.settle(maxSeconds: 300)
    w.capacity.containerInstances[0].status = .draining
    w.settle(maxSeconds: 600)
    let live = w.workloads.tasks.filter { $0.isLive }
    #expect(live.count == 2)
    #expect(live.allSatisfy { $0.containerInstanceArn == w.capacity.containerInstances[1].arn })
  }

  @Test func theSameScriptGivesTheSameWorld() throws {
    func script() throws -> World {
      var w = try World.workloads(instances: 3)
      try w.web(hostPort: 0)
      try w.ecs(
        "CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 4])
      w.advance(seconds: 30)
      _ = try w.ecs("RunTask", ["taskDefinition": "web", "count": 2])
      try w.web(image: "nginx:1.25", hostPort: 0)
      try w.ecs("UpdateService", ["service": "web", "taskDefinition": "web:2"])
      w.settle(maxSeconds: 900)
      w.simulateCrash(taskArn: w.workloads.tasks.last { $0.isLive }?.arn ?? "")
      w.settle(maxSeconds: 900)
      return w
    }
    let a = try script()
    let b = try script()
    #expect(a == b)
    #expect(a.isSettled)
  }

  @Test func aThousandTasksOnAHundredInstancesSettle() throws {
    var w = try World.workloads(instances: 100, cpu: 4096, memory: 16000)
    try w.web(cpu: 128, memory: 256, hostPort: 0)
    for i in 0..<10 {
      try w.ecs(
        "CreateService",
        ["serviceName": .string("svc\(i)"), "taskDefinition": "web", "desiredCount": 100])
    }
    let used = w.settle(maxSeconds: 600)
    #expect(w.isSettled)
    #expect(used < 600)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == 1000)
    // Spread by AZ then instance: every instance gets 10 tasks.
    var perInstance: [String: Int] = [:]
    for t in w.workloads.tasks { perInstance[t.containerInstanceArn ?? "", default: 0] += 1 }
    #expect(perInstance.values.allSatisfy { $0 == 10 })
  }

  @Test func aFirstDeploymentThatFailsStopsLaunchingWithoutRollback() throws {
    var w = try World.workloads()
    try w.web(image: "nginx:does-not-exist", hostPort: 0)
    try w.ecs(
      "CreateService",
      [
        "serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
        "deploymentConfiguration": [
          "deploymentCircuitBreaker": ["enable": true, "rollback": true]
        ],
      ])
    w.advance(seconds: 1800)
    let d = w.workloads.services[0].deployments
    #expect(d.count == 1)
    #expect(d[0].rolloutState == .failed)
    #expect(d[0].rolloutStateReason == "ECS deployment circuit breaker: tasks failed to start.")
    let launched = w.workloads.tasks.count
    #expect(launched == 3)
    w.advance(seconds: 600)
    #expect(w.workloads.tasks.count == launched)
    // A new deployment starts launching again at once.
    try w.web(image: "nginx:1.25", hostPort: 0)
    try w.ecs("UpdateService", ["service": "web", "taskDefinition": "web:2"])
    w.settle(maxSeconds: 300)
    #expect(w.servicesStable(cluster: "default", services: ["web"]))
  }
}

extension ReconcilerTests {
  @Test func absurdCountsAreBoundedNotFatal() throws {
    var w = try World.workloads(instances: 0)
    try w.web(hostPort: nil, networkMode: "awsvpc", fargate: true)
    try w.ecs(
      "CreateService",
      [
        "serviceName": "web", "taskDefinition": "web", "desiredCount": 1_000_000_000_000,
        "launchType": "FARGATE",
        "deploymentConfiguration": ["maximumPercent": 2_000_000_000],
        "networkConfiguration": [
          "awsvpcConfiguration": ["subnets": .array(w.subnetIds), "assignPublicIp": "ENABLED"]
        ],
      ])
    w.advance(seconds: 10)
    #expect(w.workloads.tasks.count == Reconciler.tasksPerService)
    #expect(
      messages(w).contains(
        "(service web) was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently"
      ))
    _ = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web", "launchType": "FARGATE",
        "overrides": ["cpu": "99999999999999999999"],
        "networkConfiguration": ["awsvpcConfiguration": ["subnets": .array(w.subnetIds)]],
      ])
  }

  @Test func hugeOverridesFailPlacement() throws {
    var w = try World.workloads()
    try w.web(hostPort: 0)
    let out = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web",
        "overrides": [
          "containerOverrides": [["name": "web", "cpu": .int(Int.max), "memory": .int(Int.max)]]
        ],
      ])
    #expect(out["failures"]?[0]?["reason"] == "RESOURCE:CPU")
  }
}

extension ReconcilerTests {
  @Test func aBlockedServiceSettlesAndResumesWhenCapacityArrives() throws {
    var w = try World.workloads(instances: 1)
    try w.web(cpu: 128, memory: 128, hostPort: 80)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 2])
    let used = w.settle(maxSeconds: 600)
    #expect(used < 120)
    #expect(w.isSettled)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == 1)
    w.addInstance(index: 1)
    #expect(!w.isSettled)
    w.settle(maxSeconds: 600)
    #expect(w.servicesStable(cluster: "default", services: ["web"]))
  }
}
