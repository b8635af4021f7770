import Testing

@testable import ECSModel

@Suite struct AgentUpdateTests {
  @Test func anAgentUpdateRunsItsStagesThenThereIsNoneLeft() throws {
    var w = try World.workloads(instances: 1)
    let ci = w.capacity.containerInstances[0].arn
    let out = try w.ecs("UpdateContainerAgent", ["containerInstance": .string(ci)])
    #expect(out["containerInstance"]?["agentUpdateStatus"] == "PENDING")
    #expect(throws: AWSError.self) {
      try w.ecs("UpdateContainerAgent", ["containerInstance": .string(ci)])
    }
    w.settle(maxSeconds: 300)
    #expect(w.capacity.containerInstances[0].agentUpdateStatus == "UPDATED")
    #expect(w.capacity.containerInstances[0].agentVersion == AgentUpdate.latestVersion)
    let before = w
    #expect(throws: AWSError.self) {
      try w.ecs("UpdateContainerAgent", ["containerInstance": .string(ci)])
    }
    #expect(w == before)
  }
}
