import Testing

@testable import ECSModel

@Suite struct SchedulerTests {
  func placements(_ w: World) -> [String] {
    w.workloads.tasks.map { t in
      w.capacity.containerInstances.first { $0.arn == t.containerInstanceArn }?.ec2InstanceId ?? "-"
    }
  }

  @Test func binpackFillsOneInstanceFirst() throws {
    var w = try World.workloads(instances: 3)
    try w.web(cpu: 256, memory: 256, hostPort: 0)
    _ = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web", "count": 5,
        "placementStrategy": [["type": "binpack", "field": "memory"]],
      ])
    #expect(Set(placements(w)).count == 1)
  }

  @Test func spreadByZoneUsesEveryZone() throws {
    var w = try World.workloads(instances: 3)
    try w.web(cpu: 256, memory: 256, hostPort: 0)
    _ = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web", "count": 3,
        "placementStrategy": [["type": "spread", "field": "attribute:ecs.availability-zone"]],
      ])
    #expect(
      Set(w.workloads.tasks.map(\.availabilityZone)) == ["us-east-1a", "us-east-1b", "us-east-1c"])
  }

  @Test func randomPlacementIsRepeatable() throws {
    func run() throws -> [String] {
      var w = try World.workloads(instances: 5)
      try w.web(cpu: 10, memory: 10, hostPort: 0)
      _ = try w.ecs("RunTask", ["taskDefinition": "web", "count": 10])
      return placements(w)
    }
    let a = try run()
    #expect(a == (try run()))
    #expect(Set(a).count > 1)
  }

  @Test func distinctInstanceAllowsOnePerInstance() throws {
    var w = try World.workloads(instances: 2)
    try w.web(cpu: 10, memory: 10, hostPort: 0)
    let out = try w.ecs(
      "RunTask",
      ["taskDefinition": "web", "count": 3, "placementConstraints": [["type": "distinctInstance"]]])
    #expect(out["tasks"]?.arrayValue?.count == 2)
    #expect(Set(placements(w)).count == 2)
  }

  @Test func drainingInstancesGetNoNewTasks() throws {
    var w = try World.workloads(instances: 2)
    w.capacity.containerInstances[0].status = .draining
    try w.web(cpu: 10, memory: 10, hostPort: 0)
    _ = try w.ecs("RunTask", ["taskDefinition": "web", "count": 4])
    #expect(Set(placements(w)) == [w.capacity.containerInstances[1].ec2InstanceId])
  }

  @Test func awsvpcTasksAreLimitedByENIs() throws {
    var w = try World.workloads(instances: 1)
    try w.web(cpu: 10, memory: 10, hostPort: nil, networkMode: "awsvpc")
    let out = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web", "count": 3,
        "networkConfiguration": ["awsvpcConfiguration": ["subnets": .array(w.subnetIds)]],
      ])
    #expect(out["tasks"]?.arrayValue?.count == 2)
    #expect(out["failures"]?[0]?["reason"] == "RESOURCE:ENI")
  }

  @Test(arguments: [
    ("attribute:ecs.instance-type =~ t3.*", ["t3.medium", "t3.large"]),
    ("attribute:ecs.instance-type == m5.large", ["m5.large"]),
    ("attribute:ecs.instance-type != m5.large", ["t3.medium", "t3.large"]),
    ("attribute:ecs.availability-zone in [us-east-1a, us-east-1c]", ["t3.medium", "m5.large"]),
    ("attribute:ecs.availability-zone not_in [us-east-1a]", ["t3.large", "m5.large"]),
    (
      "attribute:ecs.instance-type == t3.large or attribute:ecs.instance-type == m5.large",
      ["t3.large", "m5.large"]
    ),
    (
      "attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone == us-east-1b",
      ["t3.large"]
    ),
    ("attribute:custom exists", []),
  ])
  func memberOfExpressions(expression: String, matching: [String]) throws {
    let q = try ClusterQuery.parse(expression)
    var w = World()
    for (i, type) in ["t3.medium", "t3.large", "m5.large"].enumerated() {
      w.addInstance(index: i, type: type)
    }
    let matched = w.capacity.containerInstances.filter { q.matches($0) }.map(\.instanceType)
    #expect(matched == matching)
  }

  @Test(arguments: [
    "attribute:x", "ecs.instance-type == t3", "attribute:x in a,b", "attribute:x ~= y",
  ])
  func badExpressionsAreRejected(expression: String) throws {
    var w = try World.workloads()
    try w.web()
    let before = w
    #expect(
      throws: AWSError.invalidParameter("Invalid placement constraint expression: \(expression)")
    ) {
      try w.ecs(
        "RunTask",
        [
          "taskDefinition": "web",
          "placementConstraints": [["type": "memberOf", "expression": .string(expression)]],
        ])
    }
    #expect(w == before)
  }

  @Test(arguments: [
    ("t3.med*", "t3.medium", true), ("*.large", "m5.large", true), ("t3*", "m5.large", false),
    ("a*b*c", "axxbyyc", true),
  ])
  func wildcards(pattern: String, text: String, matches: Bool) {
    #expect(ClusterQuery.wildcard(text, pattern) == matches)
  }

  @Test func instancesLaunchedByTheLearnerJoinAndTakeServiceTasks() throws {
    var w = World()
    try w.ecs("CreateCluster", ["clusterName": "demo"])
    _ = try w.launch()
    _ = try w.launch()
    try w.web(hostPort: 80)
    try w.ecs(
      "CreateService",
      ["cluster": "demo", "serviceName": "web", "taskDefinition": "web", "desiredCount": 3])
    w.settle(maxSeconds: 600)
    #expect(w.capacity.containerInstances.count == 2)
    #expect(w.workloads.tasks.filter { $0.lastStatus == .running }.count == 2)
    let events = w.workloads.services[0].events.map(\.message)
    #expect(events.contains { $0.contains("is already using a port required by your task.") })
    let ci = try w.ecs(
      "DescribeContainerInstances",
      ["cluster": "demo", "containerInstances": [.string(w.capacity.containerInstances[0].arn)]])
    #expect(ci["containerInstances"]?[0]?["runningTasksCount"] == 1)
  }
}
