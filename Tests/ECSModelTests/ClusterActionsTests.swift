import Testing

@testable import ECSModel

@Suite struct ClusterActionsTests {
  @Test func createReturnsTheClusterAsAWSPrintsIt() throws {
    var w = World()
    let out = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "demo"])
    let c = try #require(out["cluster"])
    #expect(c["clusterArn"] == "arn:aws:ecs:us-east-1:123456789012:cluster/demo")
    #expect(c["status"] == "ACTIVE")
    #expect(c["registeredContainerInstancesCount"] == 0)
    #expect(c["settings"] == [["name": "containerInsights", "value": "disabled"]])
    #expect(
      c.objectValue?.map(\.0).prefix(4) == [
        "clusterArn", "clusterName", "status", "registeredContainerInstancesCount",
      ])
  }

  @Test func createIsIdempotent() throws {
    var w = World()
    _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "demo"])
    _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "demo"])
    #expect(w.clusters.count == 1)
  }

  @Test(arguments: ["", "has space", "ünïcode", String(repeating: "a", count: 256)])
  func badNamesAreRejectedAndChangeNothing(name: String) {
    var w = World()
    let before = w
    #expect(throws: AWSError.self) {
      try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": .string(name)])
    }
    #expect(w == before)
  }

  @Test func describeReportsMissingClustersAsFailures() throws {
    var w = World()
    _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "demo"])
    let out = try w.perform(
      service: "ecs", operation: "DescribeClusters", ["clusters": ["demo", "nope"]])
    #expect(out["clusters"]?.arrayValue?.count == 1)
    #expect(
      out["failures"] == [
        ["arn": "arn:aws:ecs:us-east-1:123456789012:cluster/nope", "reason": "MISSING"]
      ])
  }

  @Test func deleteMakesItInactiveAndListForgetsIt() throws {
    var w = World()
    _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "demo"])
    let out = try w.perform(service: "ecs", operation: "DeleteCluster", ["cluster": "demo"])
    #expect(out["cluster"]?["status"] == "INACTIVE")
    let list = try w.perform(service: "ecs", operation: "ListClusters", [:])
    #expect(list["clusterArns"] == [])
    #expect(throws: AWSError.clusterNotFound) {
      try w.perform(service: "ecs", operation: "DeleteCluster", ["cluster": "demo"])
    }
  }

  @Test func listPaginatesWithStableTokens() throws {
    var w = World()
    for n in ["a", "b", "c"] {
      _ = try w.perform(service: "ecs", operation: "CreateCluster", ["clusterName": .string(n)])
    }
    let first = try w.perform(service: "ecs", operation: "ListClusters", ["maxResults": 2])
    #expect(first["clusterArns"]?.arrayValue?.count == 2)
    let token = try #require(first["nextToken"])
    let second = try w.perform(
      service: "ecs", operation: "ListClusters", ["maxResults": 2, "nextToken": token])
    #expect(second["clusterArns"]?.arrayValue?.count == 1)
    #expect(second["nextToken"] == nil)
  }

  @Test func sameSeedSameWorld() {
    #expect(World(seed: 7) == World(seed: 7))
    #expect(World(seed: 7).vpcs != World(seed: 8).vpcs)
  }
}
