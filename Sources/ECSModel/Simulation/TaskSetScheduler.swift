/// Runs the task sets of EXTERNAL services: each keeps `computedDesiredCount` tasks (the
/// service's desired count times its scale), launched on the clock as the service scheduler
/// launches a service's tasks, and stopped newest first (protected tasks stay) when it shrinks.
enum TaskSetScheduler: SimulationProcess {
  static func tick(_ world: inout World) { world.reconcileTaskSets() }

  static func nextWake(_ world: World) -> Int64? {
    world.workloads.services.contains { $0.isActive && !world.taskSetsSteady($0) }
      ? world.clock.nowMillis + World.tickMillis : nil
  }

  static func isSettled(_ world: World) -> Bool {
    world.workloads.services.allSatisfy { !$0.isActive || world.taskSetsSteady($0) }
  }
}

extension World {
  /// The live tasks of a task set, oldest first.
  func taskSetTasks(_ set: TaskSet) -> [Int] {
    workloads.tasks.indices.filter {
      workloads.tasks[$0].deploymentId == set.id && workloads.tasks[$0].isLive
    }
  }

  /// Whether every task set of `svc` runs what it wants (or waits for capacity that is not
  /// there); true for services without task sets.
  func taskSetsSteady(_ svc: Service) -> Bool {
    svc.taskSets.allSatisfy { set in
      let live = taskSetTasks(set)
      let desired = set.computedDesiredCount(serviceDesired: svc.desiredCount)
      let running = live.filter { workloads.tasks[$0].lastStatus == .running }.count
      let protected = live.filter { workloads.tasks[$0].isProtected(at: clock.nowMillis) }.count
      return
        (running == live.count
        && (live.count == desired
          || live.count > desired
            && live.count - desired <= protected))
        || set.placementBlocked && live.count < desired
          && running == live.count
    }
  }

  mutating func reconcileTaskSets() {
    for s in workloads.services.indices
    where workloads.services[s].isActive && !workloads.services[s].taskSets.isEmpty {
      for k in workloads.services[s].taskSets.indices { reconcileTaskSet(s, k) }
    }
  }

  private mutating func reconcileTaskSet(_ s: Int, _ k: Int) {
    let svc = workloads.services[s]
    let set = svc.taskSets[k]
    let live = taskSetTasks(set)
    let desired = set.computedDesiredCount(serviceDesired: svc.desiredCount)
    let reason = "Scaling activity initiated by (deployment \(set.id))"
    if live.count > desired {
      let now = clock.nowMillis
      let extra = live.reversed().filter { !workloads.tasks[$0].isProtected(at: now) }
      for i in extra.prefix(live.count - desired) {
        requestStop(taskIndex: i, code: "ServiceSchedulerInitiated", reason: reason)
      }
      return
    }
    guard live.count < desired,
      let def = taskDefinitions.first(where: { $0.arn == set.taskDefinitionArn }),
      let cluster = clusters.first(where: { $0.arn == svc.clusterArn })
    else { return }
    let target =
      (try? launchTarget(
        launchType: set.launchType?.rawValue, strategy: set.capacityProviderStrategy,
        cluster: cluster))
      ?? LaunchTarget(launchType: .ec2, capacityProviderName: nil)
    let net =
      (try? networkSettings(
        set.networkConfiguration, definition: def, launchType: target.launchType))
      ?? NetworkSettings()
    guard let sizing = try? WorkloadSizing(definition: def, overrides: nil) else { return }
    let group = "service:" + svc.name
    var ctx = PlacementContext(world: self, clusterArn: cluster.arn)
    var spread =
      target.launchType == .fargate ? FargateSpread(world: self, group: group) : FargateSpread()
    var blocked = false
    for _ in 0..<min(desired - live.count, Reconciler.launchesPerTick) {
      var launch = sizing.launch(
        definition: def, clusterArn: cluster.arn, target: target, net: net, group: group)
      launch.startedBy = set.id
      launch.serviceArn = svc.arn
      launch.deploymentId = set.id
      launch.platformVersion = target.launchType == .fargate ? "1.4.0" : nil
      if target.launchType == .fargate {
        launch.subnet = spread.pick(net.subnets)
      } else {
        let need = PlacementNeed(
          cpu: sizing.cpu, memory: sizing.memory, portMappings: def.containers.map(\.portMappings),
          networkMode: def.networkMode, group: group, constraints: [],
          strategies: [
            PlacementStrategy(type: "spread", field: "attribute:ecs.availability-zone"),
            PlacementStrategy(type: "spread", field: "instanceId"),
          ])
        guard case .placed(let ci, let bindings) = Scheduler.place(need, in: &ctx) else {
          blocked = true
          break
        }
        launch.instance = ci
        launch.bindings = bindings
        launch.subnet = net.subnets.first
      }
      random = ctx.random
      _ = launchTask(launch)
      ctx.random = random
    }
    workloads.services[s].taskSets[k].placementBlocked = blocked
  }
}
