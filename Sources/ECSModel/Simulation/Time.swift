/// Simulated time: the world moves in whole-second ticks, skipping quiet stretches, so the same
/// commands give the same world however the caller splits the waiting.
extension World {
  static let tickMillis: Int64 = 1000

  /// Moves the clock forward `seconds`, running lifecycle, services and auto scaling on each tick.
  ///
  /// ```swift
  /// world.advance(seconds: 30)
  /// ```
  public mutating func advance(seconds: Double) {
    guard seconds > 0 else { return }
    let target = clock.nowMillis + Int64((seconds * 1000).rounded())
    var next = nextTick(after: clock.nowMillis)
    while next <= target {
      clock.nowMillis = next
      tick()
      let wake = nextWake()
      next = max(nextTick(after: clock.nowMillis), wake.map { roundUpToTick($0) } ?? Int64.max)
    }
    clock.nowMillis = target
  }

  /// Advances until nothing is in transition, or `maxSeconds` have passed; returns the seconds used.
  ///
  /// ```swift
  /// let used = world.settle(maxSeconds: 600)  // e.g. 47.0
  /// ```
  @discardableResult
  public mutating func settle(maxSeconds: Double = 3600) -> Double {
    let start = clock.nowMillis
    let cap = start + Int64((maxSeconds * 1000).rounded())
    while !isSettled && clock.nowMillis < cap {
      let wake = nextWake() ?? (clock.nowMillis + World.tickMillis)
      let step = max(roundUpToTick(wake), nextTick(after: clock.nowMillis))
      advance(seconds: Double(min(step, cap) - clock.nowMillis) / 1000)
    }
    return Double(clock.nowMillis - start) / 1000
  }

  /// Whether no task is between states and every service is steady.
  public var isSettled: Bool {
    if nextCapacityWake() != nil { return false }
    for i in workloads.tasks.indices {
      if workloads.tasks[i].phaseEndsAt != nil { return false }
      if workloads.tasks[i].lastStatus == "STOPPED" && workloads.tasks[i].serviceArn != nil
        && !workloads.tasks[i].reportedStopped
      {
        return false
      }
    }
    let counts = allServiceCounts()
    // A service that found no instance for a task, with nothing else on its way, waits for the
    // learner or for new capacity: time alone changes nothing, so it does not hold settling up.
    return workloads.services.allSatisfy {
      isSteady($0, counts: counts)
        || ($0.placementBlocked && !hasTasksInFlight($0)
          && capacitySignature($0.clusterArn) == $0.blockedCapacity)
    }
  }

  private func nextTick(after t: Int64) -> Int64 { (t / World.tickMillis + 1) * World.tickMillis }
  private func roundUpToTick(_ t: Int64) -> Int64 {
    (t + World.tickMillis - 1) / World.tickMillis * World.tickMillis
  }

  /// The earliest moment something will happen by itself; nil when the world is quiet.
  func nextWake() -> Int64? {
    var wake: Int64?
    func consider(_ t: Int64) { wake = min(wake ?? t, t) }
    for i in workloads.tasks.indices {
      if let e = workloads.tasks[i].phaseEndsAt { consider(e) }
    }
    let now = clock.nowMillis
    let counts = allServiceCounts()
    for svc in workloads.services where svc.status != "INACTIVE" && !isSteady(svc, counts: counts) {
      if let n = svc.nextLaunchAt, n > now { consider(n) } else { consider(now + World.tickMillis) }
    }
    if !workloads.scalingPolicies.isEmpty { consider(nextScalingEvaluation(after: now)) }
    if let at = nextCapacityWake() { consider(at) }
    return wake
  }

  /// One tick: instances and agents, task phases, lost hosts, then the service scheduler, then
  /// auto scaling.
  mutating func tick() {
    advanceCapacity(to: clock.nowMillis)
    advanceTasks()
    stopTasksOnLostHosts()
    reconcileServices()
    if !workloads.scalingPolicies.isEmpty && clock.nowMillis % AutoScaling.periodMillis == 0 {
      evaluateScaling()
    }
  }

  func nextScalingEvaluation(after t: Int64) -> Int64 {
    (t / AutoScaling.periodMillis + 1) * AutoScaling.periodMillis
  }

  // MARK: Waiters (what `aws ecs wait ...` polls)

  /// `aws ecs wait services-stable`: every named service has one deployment and
  /// runningCount == desiredCount.
  public func servicesStable(cluster: String, services: [String]) -> Bool {
    guard let c = self.cluster(cluster) else { return false }
    return services.allSatisfy { ref in
      guard
        let svc = workloads.services.last(where: {
          $0.clusterArn == c.arn && ($0.name == ref || $0.arn == ref)
        })
      else { return false }
      return svc.deployments.count == 1 && serviceCounts(svc).running == svc.desiredCount
    }
  }

  /// `aws ecs wait tasks-running`: every named task is RUNNING.
  public func tasksRunning(cluster: String, tasks: [String]) -> Bool {
    guard let c = self.cluster(cluster) else { return false }
    return tasks.allSatisfy { ref in
      taskIndex(ref, clusterArn: c.arn).map { workloads.tasks[$0].lastStatus == "RUNNING" } ?? false
    }
  }

  /// Whether any named task has stopped (the real tasks-running waiter fails on it).
  public func anyTaskStopped(cluster: String, tasks: [String]) -> Bool {
    guard let c = self.cluster(cluster) else { return false }
    return tasks.contains { ref in
      taskIndex(ref, clusterArn: c.arn).map { workloads.tasks[$0].lastStatus == "STOPPED" } ?? true
    }
  }

  /// `aws ecs wait tasks-stopped`: every named task is STOPPED.
  public func tasksStopped(cluster: String, tasks: [String]) -> Bool {
    guard let c = self.cluster(cluster) else { return false }
    return tasks.allSatisfy { ref in
      taskIndex(ref, clusterArn: c.arn).map { workloads.tasks[$0].lastStatus == "STOPPED" } ?? false
    }
  }

  // MARK: Simulated failures (called by the tutor)

  /// The EC2 instance stops: its agent disconnects and its tasks stop with the reason ECS gives
  /// for a lost host. UNCONFIRMED: the stoppedReason "Host EC2 (instance ID) stopped." is from
  /// memory of real output; the stopCode for it is not documented, we use TerminationNotice.
  public mutating func simulateInstanceFailure(_ instanceId: String) {
    if let k = capacity.instances.firstIndex(where: { $0.instanceId == instanceId }) {
      capacity.instances[k].state = "stopped"
      capacity.instances[k].stateChangedAt = clock.nowMillis
    }
    for k in capacity.containerInstances.indices
    where capacity.containerInstances[k].ec2InstanceId == instanceId {
      capacity.containerInstances[k].agentConnected = false
    }
    for i in workloads.tasks.indices
    where workloads.tasks[i].ec2InstanceId == instanceId && workloads.tasks[i].isLive {
      requestStop(
        taskIndex: i, code: "TerminationNotice",
        reason: "Host EC2 (instance \(instanceId)) stopped.")
    }
    record(
      .instance, "Instance \(instanceId) stopped (simulated failure).", .instanceFailed(instanceId))
  }

  /// Tasks on an instance that is shutting down, terminated or stopped stop too.
  mutating func stopTasksOnLostHosts() {
    var lost: [String: String] = [:]
    for inst in capacity.instances {
      switch inst.state {
      case "shutting-down", "terminated": lost[inst.instanceId] = "terminated"
      case "stopping", "stopped": lost[inst.instanceId] = "stopped"
      default: break
      }
    }
    guard !lost.isEmpty else { return }
    for i in workloads.tasks.indices where workloads.tasks[i].isLive {
      guard let id = workloads.tasks[i].ec2InstanceId, let how = lost[id] else { continue }
      requestStop(
        taskIndex: i, code: "TerminationNotice", reason: "Host EC2 (instance \(id)) \(how).")
    }
  }

  /// An essential (or the named) container of a running task exits with code 1.
  public mutating func simulateCrash(taskArn: String, container: String? = nil) {
    guard let i = workloads.tasks.firstIndex(where: { $0.arn == taskArn || $0.id == taskArn }),
      workloads.tasks[i].lastStatus == "RUNNING"
    else { return }
    let k =
      container.flatMap { name in workloads.tasks[i].containers.firstIndex { $0.name == name } }
      ?? workloads.tasks[i].containers.firstIndex { $0.essential } ?? 0
    containerExited(taskIndex: i, container: k, exitCode: 1)
    record(
      .task, "Task \(workloads.tasks[i].id) container exited with code 1 (simulated crash).",
      .taskCrashed(
        id: workloads.tasks[i].id, taskDefinition: workloads.tasks[i].familyRevision))
  }

  /// Sets the simulated average CPU utilisation of a service as it runs now. The work behind it
  /// stays constant, so more tasks bring the average down: target tracking can converge.
  ///
  /// ```swift
  /// world.setLoad(service: "web", cpuPercent: 90)  // 2 tasks at 90 % → 3 tasks at 60 %
  /// ```
  public mutating func setLoad(service: String, cpuPercent: Double) {
    guard
      let svc = workloads.services.last(where: {
        ($0.name == service || $0.arn == service) && $0.isActive
      })
    else { return }
    guard cpuPercent.isFinite else { return }
    let running = serviceCounts(svc).running
    workloads.load[svc.arn] = min(max(cpuPercent, 0), 1000) * Double(max(running, 1))
  }

}
