import Testing

@testable import ECSModel

@Suite struct AttributeActionsTests {
  @Test func customAttributesSteerMemberOfPlacement() throws {
    var w = try World.workloads(instances: 2)
    let prod = w.capacity.containerInstances[1].arn
    try w.ecs(
      "PutAttributes",
      ["attributes": [["name": "stack", "value": "prod", "targetId": .string(prod)]]])
    let listed = try w.ecs(
      "ListAttributes", ["targetType": "container-instance", "attributeName": "stack"])
    #expect(
      listed["attributes"] == [["name": "stack", "targetId": .string(prod), "value": "prod"]])
    try w.web(hostPort: nil)
    for _ in 0..<3 {
      let out = try w.ecs(
        "RunTask",
        [
          "taskDefinition": "web",
          "placementConstraints": [["type": "memberOf", "expression": "attribute:stack == prod"]],
        ])
      #expect(out["tasks"]?[0]?["containerInstanceArn"]?.stringValue == prod)
    }
    let deleted = try w.ecs(
      "DeleteAttributes", ["attributes": [["name": "stack", "targetId": .string(prod)]]])
    #expect(deleted["attributes"]?[0]?["value"] == "prod")
    let out = try w.ecs(
      "RunTask",
      [
        "taskDefinition": "web",
        "placementConstraints": [["type": "memberOf", "expression": "attribute:stack == prod"]],
      ])
    #expect(out["tasks"] == [])
  }

  @Test(arguments: [("ecs.custom", "reserved"), ("bad name!", "is invalid")])
  func invalidNamesAreRefused(name: String, fragment: String) throws {
    var w = try World.workloads(instances: 1)
    let ci = w.capacity.containerInstances[0].arn
    let before = w
    do {
      try w.ecs(
        "PutAttributes", ["attributes": [["name": .string(name), "targetId": .string(ci)]]])
      Issue.record("accepted \(name)")
    } catch {
      #expect(error.message.contains(fragment))
    }
    #expect(w == before)
  }
}
