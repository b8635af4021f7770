/// UpdateContainerAgent on the clock: an agent update goes PENDING → STAGING → STAGED →
/// UPDATING → UPDATED, a stage every 10 s, and the instance then runs `latestVersion` (a later
/// request finds no update: NoUpdateAvailableException).
enum AgentUpdate: SimulationProcess {
  /// The newest agent ECS offers; instances register with the AMI's older one.
  static let latestVersion = "1.100.0"
  static let stages = ["PENDING", "STAGING", "STAGED", "UPDATING", "UPDATED"]
  static let stageMillis: Int64 = 10_000

  static func inProgress(_ ci: ContainerInstance) -> Bool {
    ci.agentUpdateStartedAt != nil && ci.agentUpdateStatus != "UPDATED"
  }

  static func tick(_ world: inout World) {
    let now = world.clock.nowMillis
    for i in world.capacity.containerInstances.indices {
      let ci = world.capacity.containerInstances[i]
      guard inProgress(ci), let started = ci.agentUpdateStartedAt else { continue }
      let stage = stages[min(Int((now - started) / stageMillis), stages.count - 1)]
      guard stage != ci.agentUpdateStatus else { continue }
      world.capacity.containerInstances[i].agentUpdateStatus = stage
      world.capacity.containerInstances[i].version += 1
      if stage == "UPDATED" { world.capacity.containerInstances[i].agentVersion = latestVersion }
    }
  }

  static func nextWake(_ world: World) -> Int64? {
    world.capacity.containerInstances.filter(inProgress).compactMap { ci in
      guard let started = ci.agentUpdateStartedAt else { return nil }
      let done = Int64(stages.firstIndex(of: ci.agentUpdateStatus ?? "") ?? 0) + 1
      return started + done * stageMillis
    }.min()
  }

  static func isSettled(_ world: World) -> Bool {
    !world.capacity.containerInstances.contains(where: inProgress)
  }
}
