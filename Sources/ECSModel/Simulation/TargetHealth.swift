/// Target health on the clock: ECS services register their RUNNING tasks and deregister
/// stopping ones (draining for the deregistration delay), the load balancer checks each target
/// every interval with the group's settings, and a service replaces a task whose target turned
/// unhealthy once its health check grace period is over (ecs-facts §5, §8).
enum TargetHealth {
  /// Time from registration to the first health check.
  static let registrationMillis: Int64 = 5_000
}

extension TargetHealth: SimulationProcess {
  static func tick(_ world: inout World) {
    world.replaceContainerUnhealthyTasks()
    guard !world.elb.loadBalancers.isEmpty || !world.elb.targetGroups.isEmpty else { return }
    world.syncServiceTargets()
    world.runHealthChecks()
    world.replaceUnhealthyTasks()
  }

  static func nextWake(_ world: World) -> Int64? {
    let graceEnds = world.containerUnhealthyGraceEnds()
    guard !world.elb.targetGroups.isEmpty || !world.elb.loadBalancers.isEmpty else {
      return graceEnds
    }
    let now = world.clock.nowMillis
    var wakes = world.elb.loadBalancers.map(\.activeAt).filter { $0 > now }
    if let g = graceEnds { wakes.append(g) }
    for tg in world.elb.targetGroups {
      for t in tg.targets {
        if let n = t.nextCheckAt { wakes.append(n) }
        if let d = t.drainEndsAt { wakes.append(d) }
      }
    }
    if world.pendingServiceTargets() { wakes.append(now + World.tickMillis) }
    return wakes.min()
  }

  static func isSettled(_ world: World) -> Bool {
    if world.containerUnhealthyGraceEnds() != nil { return false }
    guard !world.elb.targetGroups.isEmpty || !world.elb.loadBalancers.isEmpty else { return true }
    let now = world.clock.nowMillis
    if world.elb.loadBalancers.contains(where: { $0.activeAt > now }) { return false }
    if world.pendingServiceTargets() { return false }
    for tg in world.elb.targetGroups {
      for t in tg.targets {
        switch t.state {
        case "initial", "draining": return false
        case "healthy", "unhealthy":
          // Settled when the next check would not change the state.
          if (t.state == "healthy") != world.healthCheck(tg, t).passed { return false }
        default: break
        }
      }
    }
    return true
  }
}

extension World {
  /// The services with load balancers, and the target group of each entry.
  private func servicesWithTargetGroups() -> [(
    service: Int, entries: [(group: Int, lb: ServiceLoadBalancer)]
  )] {
    var out: [(Int, [(Int, ServiceLoadBalancer)])] = []
    for (s, svc) in workloads.services.enumerated() where !svc.loadBalancers.isEmpty {
      let entries = svc.loadBalancers.compactMap { lb -> (Int, ServiceLoadBalancer)? in
        guard let arn = lb.targetGroupArn,
          let g = elb.targetGroups.firstIndex(where: { $0.arn == arn })
        else { return nil }
        return (g, lb)
      }
      if !entries.isEmpty { out.append((s, entries)) }
    }
    return out.map { (service: $0.0, entries: $0.1.map { (group: $0.0, lb: $0.1) }) }
  }

  /// The target a service's task registers for one `loadBalancers` entry: instance ID and host
  /// port for bridge and host, the ENI's address and the container port for awsvpc.
  func serviceTarget(_ t: ECSTask, _ entry: ServiceLoadBalancer) -> (id: String, port: Int)? {
    guard let name = entry.containerName, let port = entry.containerPort else { return nil }
    if let eni = t.eni { return (eni.privateIp, port) }
    guard let inst = t.ec2InstanceId,
      let b = t.containers.first(where: { $0.name == name })?.bindings.first(where: {
        $0.containerPort == port && $0.protocol == "tcp"
      })
    else { return nil }
    return (inst, b.hostPort)
  }

  /// Whether a service task waits to be registered or deregistered.
  func pendingServiceTargets() -> Bool {
    for (s, entries) in servicesWithTargetGroups() {
      let arn = workloads.services[s].arn
      for t in workloads.tasks where t.serviceArn == arn {
        for e in entries {
          let registered = elb.targetGroups[e.group].targets.first { $0.taskId == t.id }
          if t.lastStatus == .running && t.desiredStatus == .running && registered == nil
            && serviceTarget(t, e.lb) != nil
          {
            return true
          }
          if let r = registered, r.state != "draining", t.desiredStatus == .stopped {
            return true
          }
        }
      }
    }
    return false
  }

  /// Registers the RUNNING tasks of services with load balancers, deregisters stopping ones, and
  /// writes the service events as ECS words them.
  mutating func syncServiceTargets() {
    for (s, entries) in servicesWithTargetGroups() {
      let svcArn = workloads.services[s].arn
      for e in entries {
        var registered = 0
        var deregistered = 0
        var draining: [String: Int] = [:]
        for t in workloads.tasks where t.serviceArn == svcArn {
          let existing = elb.targetGroups[e.group].targets.first { $0.taskId == t.id }
          if t.lastStatus == .running && t.desiredStatus == .running && existing == nil,
            let target = serviceTarget(t, e.lb)
          {
            registerTarget(
              group: e.group, id: target.id, port: target.port, zone: t.availabilityZone,
              taskId: t.id)
            registered += 1
          } else if let r = existing, r.state != "draining", t.desiredStatus == .stopped {
            deregisterTarget(group: e.group, id: r.id, port: r.port)
            deregistered += 1
            draining[t.deploymentId ?? "", default: 0] += 1
          }
        }
        let tgArn = elb.targetGroups[e.group].arn
        if deregistered > 0 {
          serviceEvent(s, "deregistered \(deregistered) targets in (target-group \(tgArn))")
          for (d, n) in draining.sorted(by: { $0.key < $1.key }) {
            let name = workloads.services[s].name
            serviceEvent(
              s, "",
              full: "(service \(name), taskSet \(d)) has begun draining connections on \(n) tasks.")
          }
        }
        if registered > 0 {
          serviceEvent(s, "registered \(registered) targets in (target-group \(tgArn))")
        }
      }
    }
  }

  /// Health checks that are due, the end of draining, and targets of groups no listener uses.
  mutating func runHealthChecks() {
    let now = clock.nowMillis
    for g in elb.targetGroups.indices {
      let tg = elb.targetGroups[g]
      let used = !loadBalancerArns(using: tg.arn).isEmpty
      var targets: [RegisteredTarget] = []
      for var t in tg.targets {
        if t.state == "draining" {
          if let end = t.drainEndsAt, end <= now { continue }
          targets.append(t)
          continue
        }
        if !used {
          t.state = "unused"
          t.reason = "Target.NotInUse"
          t.description = "Target group is not configured to receive traffic from the load balancer"
          t.nextCheckAt = nil
          t.passes = 0
          t.fails = 0
          targets.append(t)
          continue
        }
        if t.state == "unused" {
          t.state = "initial"
          t.reason = "Elb.RegistrationInProgress"
          t.description = "Target registration is in progress"
          t.nextCheckAt = now + TargetHealth.registrationMillis
        }
        if !tg.healthCheck.enabled {
          t.state = "unavailable"
          t.reason = "Target.HealthCheckDisabled"
          t.description = "Health checks are disabled"
          t.nextCheckAt = nil
        }
        if let due = t.nextCheckAt, due <= now {
          let result = healthCheck(tg, t)
          if result.passed {
            t.passes += 1
            t.fails = 0
            // A new target passes after one check (the ALB guide); an unhealthy one after
            // HealthyThresholdCount checks in a row.
            if t.state == "initial" || t.passes >= tg.healthCheck.healthyThreshold
              || t.state == "healthy"
            {
              t.state = "healthy"
              t.reason = nil
              t.description = nil
              t.unhealthySince = nil
            }
          } else {
            t.fails += 1
            t.passes = 0
            if t.state == "initial" && t.fails < tg.healthCheck.unhealthyThreshold {
              t.reason = "Elb.InitialHealthChecking"
              t.description = "Initial health checks in progress"
            } else if t.fails >= tg.healthCheck.unhealthyThreshold || t.state == "unhealthy" {
              if t.state != "unhealthy" { t.unhealthySince = now }
              t.state = "unhealthy"
              t.reason = result.reason
              t.description = result.description
            }
          }
          t.nextCheckAt = due + Int64(tg.healthCheck.intervalSeconds) * 1000
        }
        targets.append(t)
      }
      if targets != tg.targets { elb.targetGroups[g].targets = targets }
    }
  }

  /// A service stops a task whose target is unhealthy once the grace period is over; the
  /// deployment counts it as a failure (the circuit breaker reads that count).
  mutating func replaceUnhealthyTasks() {
    let now = clock.nowMillis
    for (s, entries) in servicesWithTargetGroups() {
      let svc = workloads.services[s]
      let grace = Int64(svc.healthCheckGracePeriodSeconds ?? 0) * 1000
      for e in entries {
        let tg = elb.targetGroups[e.group]
        for r in tg.targets where r.state == "unhealthy" {
          guard let taskId = r.taskId,
            let i = workloads.tasks.firstIndex(where: { $0.id == taskId }),
            workloads.tasks[i].isLive, workloads.tasks[i].lastStatus == .running,
            let started = workloads.tasks[i].startedAt, now >= started + grace
          else { continue }
          let who =
            tg.targetType == "instance" ? "(instance \(r.id))" : "(task \(taskId))"
          serviceEvent(
            s,
            "\(who) (port \(r.port)) is unhealthy in (target-group \(tg.arn)) due to (reason \(r.description ?? "Health checks failed"))."
          )
          requestStop(
            taskIndex: i, code: "ServiceSchedulerInitiated",
            reason: "Task failed ELB health checks in (target-group \(tg.arn))")
          if let d = workloads.services[s].deployments.firstIndex(where: {
            $0.id == workloads.tasks[i].deploymentId
          }) {
            workloads.services[s].deployments[d].failedTasks += 1
            workloads.services[s].deployments[d].updatedAt = now
          }
          serviceEvent(s, "has stopped 1 running tasks: (task \(taskId)).")
        }
      }
    }
  }

  /// Whether a service task counts as healthy in its target groups; nil when its service has
  /// no load balancer (then RUNNING and container health decide).
  func healthyInTargetGroups(_ t: ECSTask) -> Bool? {
    guard !elb.targetGroups.isEmpty, let arn = t.serviceArn,
      let svc = workloads.services.first(where: { $0.arn == arn }), !svc.loadBalancers.isEmpty
    else { return nil }
    for lb in svc.loadBalancers {
      guard let tg = lb.targetGroupArn.flatMap({ targetGroup(arn: $0) }) else { continue }
      guard tg.targets.contains(where: { $0.taskId == t.id && $0.state == "healthy" }) else {
        return false
      }
    }
    return true
  }

  /// Service tasks whose container health check failed (essential container UNHEALTHY).
  private func containerUnhealthyServiceTasks() -> [Int] {
    workloads.tasks.indices.filter {
      workloads.tasks[$0].healthStatus == "UNHEALTHY" && workloads.tasks[$0].serviceArn != nil
        && workloads.tasks[$0].isLive && workloads.tasks[$0].lastStatus == .running
    }
  }

  /// When the grace period of the first such task ends (nil when there is none).
  func containerUnhealthyGraceEnds() -> Int64? {
    containerUnhealthyServiceTasks().compactMap { i -> Int64? in
      let t = workloads.tasks[i]
      let grace =
        workloads.services.first { $0.arn == t.serviceArn }?.healthCheckGracePeriodSeconds ?? 0
      return (t.startedAt ?? clock.nowMillis) + Int64(grace) * 1000
    }.min()
  }

  /// A service replaces a task whose container health check failed, after the grace period;
  /// the deployment counts it as a failure.
  mutating func replaceContainerUnhealthyTasks() {
    let now = clock.nowMillis
    for i in containerUnhealthyServiceTasks() {
      let t = workloads.tasks[i]
      guard let s = workloads.services.firstIndex(where: { $0.arn == t.serviceArn }) else {
        continue
      }
      let grace = Int64(workloads.services[s].healthCheckGracePeriodSeconds ?? 0) * 1000
      guard now >= (t.startedAt ?? now) + grace else { continue }
      // OBS: ECS's stoppedReason for a task whose essential container is unhealthy.
      requestStop(
        taskIndex: i, code: "ServiceSchedulerInitiated",
        reason: "Task failed container health checks.")
      if let d = workloads.services[s].deployments.firstIndex(where: { $0.id == t.deploymentId }) {
        workloads.services[s].deployments[d].failedTasks += 1
        workloads.services[s].deployments[d].updatedAt = now
      }
      serviceEvent(s, "has stopped 1 running tasks: (task \(t.id)).")
    }
  }

  /// Whether a load balancer reports one of the task's targets unhealthy.
  func isUnhealthyInTargetGroup(_ t: ECSTask) -> Bool {
    guard !elb.targetGroups.isEmpty, t.serviceArn != nil else { return false }
    return elb.targetGroups.contains { tg in
      tg.targets.contains { $0.taskId == t.id && $0.state == "unhealthy" }
    }
  }

  /// Seconds a stopping task spends draining in its target groups (DEACTIVATING lasts that
  /// long): the longest deregistration delay among the groups it is registered in.
  func drainingSeconds(_ t: ECSTask) -> Int {
    guard !elb.targetGroups.isEmpty else { return 0 }
    var longest = 0
    for tg in elb.targetGroups
    where tg.targets.contains(where: { $0.taskId == t.id && $0.state != "draining" })
      && !loadBalancerArns(using: tg.arn).isEmpty
    {
      longest = max(longest, tg.deregistrationDelay)
    }
    return longest
  }
}
