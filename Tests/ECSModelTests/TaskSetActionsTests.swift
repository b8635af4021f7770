import Testing

@testable import ECSModel

@Suite struct TaskSetActionsTests {
  @Test func externalServicesManageTaskSets() throws {
    var w = try World.workloads(instances: 1)
    try w.web()
    let svc = try w.ecs(
      "CreateService",
      ["serviceName": "ext", "desiredCount": 4, "deploymentController": ["type": "EXTERNAL"]])
    #expect(svc["service"]?["taskSets"] == [])
    #expect(svc["service"]?["deployments"] == [])
    #expect(svc["service"]?["taskDefinition"] == nil)
    let a = try w.ecs(
      "CreateTaskSet",
      ["service": "ext", "taskDefinition": "web", "scale": ["value": 50, "unit": "PERCENT"]])
    #expect(a["taskSet"]?["status"] == "PRIMARY")
    #expect(a["taskSet"]?["computedDesiredCount"] == 2)
    let b = try w.ecs("CreateTaskSet", ["service": "ext", "taskDefinition": "web"])
    let bArn = b["taskSet"]?["taskSetArn"] ?? .null
    #expect(b["taskSet"]?["status"] == "ACTIVE")
    let primary = try w.ecs(
      "UpdateServicePrimaryTaskSet", ["service": "ext", "primaryTaskSet": bArn])
    #expect(primary["taskSet"]?["status"] == "PRIMARY")
    let scaled = try w.ecs(
      "UpdateTaskSet",
      ["service": "ext", "taskSet": bArn, "scale": ["value": 25, "unit": "PERCENT"]])
    #expect(scaled["taskSet"]?["computedDesiredCount"] == 1)
    let gone = try w.ecs("DeleteTaskSet", ["service": "ext", "taskSet": bArn, "force": true])
    #expect(gone["taskSet"]?["status"] == "DRAINING")
    let left = try w.ecs("DescribeTaskSets", ["service": "ext"])
    #expect(left["taskSets"]?.arrayValue?.count == 1)
  }

  @Test(arguments: [(50.0, 2, 25.0, 1), (100.0, 4, 0.0, 0)])
  func taskSetsRunTheirShareOfTheDesiredCount(
    scale: Double, running: Int, newScale: Double, after: Int
  ) throws {
    var w = try World.workloads(instances: 2)
    try w.web(hostPort: 0)
    try w.ecs(
      "CreateService",
      ["serviceName": "ext", "desiredCount": 4, "deploymentController": ["type": "EXTERNAL"]])
    let set = try w.ecs(
      "CreateTaskSet",
      [
        "service": "ext", "taskDefinition": "web",
        "scale": ["value": .double(scale), "unit": "PERCENT"],
      ])
    let id = set["taskSet"]?["id"]?.stringValue
    w.settle(maxSeconds: 300)
    #expect(w.isSettled)
    let live = { (w: World) in
      w.workloads.tasks.filter { $0.deploymentId == id && $0.lastStatus == .running }.count
    }
    #expect(live(w) == running)
    let described = try w.ecs("DescribeTaskSets", ["service": "ext"])
    #expect(described["taskSets"]?[0]?["runningCount"] == .int(running))
    #expect(described["taskSets"]?[0]?["stabilityStatus"] == "STEADY_STATE")
    try w.ecs(
      "UpdateTaskSet",
      [
        "service": "ext", "taskSet": .string(id ?? ""),
        "scale": ["value": .double(newScale), "unit": "PERCENT"],
      ])
    w.settle(maxSeconds: 300)
    #expect(live(w) == after)
  }

  @Test func anECSServiceRefusesTaskSets() throws {
    var w = try World.workloads(instances: 1)
    try w.web()
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 0])
    let before = w
    #expect(throws: TaskSetActions.externalOnly) {
      try w.ecs("CreateTaskSet", ["service": "web", "taskDefinition": "web"])
    }
    #expect(w == before)
  }
}
