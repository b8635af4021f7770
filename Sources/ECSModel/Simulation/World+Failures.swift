/// Failures the tutor simulates on request (`simulate ...`) and the load auto scaling reacts to.
extension World {
  /// The EC2 instance stops: its agent disconnects and its tasks stop with the reason ECS gives
  /// for a lost host. UNCONFIRMED: the stoppedReason "Host EC2 (instance ID) stopped." is from
  /// memory of real output; the stopCode for it is not documented, we use TerminationNotice.
  public mutating func simulateInstanceFailure(_ instanceId: String) {
    if let k = capacity.instances.firstIndex(where: { $0.instanceId == instanceId }) {
      capacity.instances[k].state = .stopped
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

  /// An essential (or the named) container of a running task exits with code 1.
  public mutating func simulateCrash(taskArn: String, container: String? = nil) {
    guard let i = workloads.tasks.firstIndex(where: { $0.arn == taskArn || $0.id == taskArn }),
      workloads.tasks[i].lastStatus == .running
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
