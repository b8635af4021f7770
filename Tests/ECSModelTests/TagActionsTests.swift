import Testing

@testable import ECSModel

@Suite struct TagActionsTests {
  /// Each taggable kind: how to make one and read its ARN.
  static let kinds: [(String, @Sendable (inout World) throws -> String)] = [
    (
      "cluster",
      { w in
        try w.ecs("CreateCluster", ["clusterName": "demo"])["cluster"]?["clusterArn"]?.stringValue
          ?? ""
      }
    ),
    ("task definition", { w in try w.web() }),
    (
      "service",
      { w in
        try w.web()
        return try w.ecs(
          "CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 0])[
            "service"]?["serviceArn"]?.stringValue ?? ""
      }
    ),
    ("container instance", { w in w.capacity.containerInstances[0].arn }),
  ]

  @Test(arguments: kinds.indices)
  func tagUntagAndListByARN(_ k: Int) throws {
    var w = try World.workloads(instances: 1)
    let arn = try Self.kinds[k].1(&w)
    try w.ecs(
      "TagResource",
      [
        "resourceArn": .string(arn),
        "tags": [["key": "team", "value": "a"], ["key": "env", "value": "dev"]],
      ])
    try w.ecs(
      "TagResource", ["resourceArn": .string(arn), "tags": [["key": "team", "value": "b"]]])
    var list = try w.ecs("ListTagsForResource", ["resourceArn": .string(arn)])
    #expect(list == ["tags": [["key": "team", "value": "b"], ["key": "env", "value": "dev"]]])
    try w.ecs("UntagResource", ["resourceArn": .string(arn), "tagKeys": ["team"]])
    list = try w.ecs("ListTagsForResource", ["resourceArn": .string(arn)])
    #expect(list == ["tags": [["key": "env", "value": "dev"]]])
  }

  @Test func anUnknownClusterFailsAndChangesNothing() throws {
    var w = try World.workloads(instances: 0)
    let before = w
    #expect(throws: AWSError.clusterNotFound) {
      try w.ecs(
        "TagResource",
        [
          "resourceArn": .string(w.arn(service: "ecs", resource: "cluster/nope")),
          "tags": [["key": "a", "value": "b"]],
        ])
    }
    #expect(w == before)
  }
}
