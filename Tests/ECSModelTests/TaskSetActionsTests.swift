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
