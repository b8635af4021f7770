/// The service scheduler: keeps desiredCount, replaces stopped tasks, rolls deployments within
/// minimumHealthyPercent (rounded up) and maximumPercent (rounded down), trips the circuit
/// breaker, throttles tasks that never start, and writes service events as ECS words them.
enum Reconciler {
  /// Seconds before a service retries placement after no instance could take a task.
  static let placementRetrySeconds: Int64 = 15
  /// Throttled retry delays grow from 10 s, doubling, up to 15 minutes (ecs-facts §5, 2023 cap).
  static let throttleBaseSeconds: Int64 = 10
  static let throttleCapSeconds: Int64 = 900

  /// The default service quota "Tasks per service".
  static let tasksPerService = 5000
  /// At most this many tasks are launched for one service in one tick.
  static let launchesPerTick = 1000

  static func threshold(_ desired: Int) -> Int {
    min(200, max(3, Int((Double(desired) * 0.5).rounded(.up))))
  }
}

extension World {
  /// The ARN of the service-linked role ECS uses.
  var serviceLinkedRoleArn: String {
    "arn:aws:iam::\(account):role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"
  }

  /// Whether a service task counts as healthy for deployments.
  func isHealthy(_ t: ECSTask, now: Int64) -> Bool {
    guard t.lastStatus == .running, t.desiredStatus == .running, let started = t.startedAt else {
      return false
    }
    if let inTargetGroups = healthyInTargetGroups(t) { return inTargetGroups }
    if t.containers.contains(where: { $0.essential && $0.hasHealthCheck }) {
      return t.healthStatus == "HEALTHY"
    }
    return now >= started + Lifecycle.healthyAfterMillis
  }

  /// Adds an event to a service unless it repeats the latest one (the console suppresses
  /// duplicates; we keep the API list readable the same way).
  mutating func serviceEvent(_ s: Int, _ message: String, full override: String? = nil) {
    let full = override ?? "(service \(workloads.services[s].name)) " + message
    if workloads.services[s].events.first?.message == full { return }
    workloads.services[s].events.insert(
      ServiceEvent(id: random.uuid(), createdAt: clock.nowMillis, message: full), at: 0)
    if workloads.services[s].events.count > 100 { workloads.services[s].events.removeLast() }
    record(.service, full)
  }

  /// One pass of the service scheduler over every service.
  mutating func reconcileServices() {
    guard !workloads.services.isEmpty else { return }
    var byService: [String: [Int]] = [:]
    for (i, t) in workloads.tasks.enumerated() {
      if let s = t.serviceArn { byService[s, default: []].append(i) }
    }
    var contexts: [String: PlacementContext] = [:]
    for s in workloads.services.indices where workloads.services[s].status != .inactive {
      reconcile(
        service: s, taskIndices: byService[workloads.services[s].arn] ?? [], contexts: &contexts)
    }
  }

  private mutating func reconcile(
    service s: Int, taskIndices: [Int], contexts: inout [String: PlacementContext]
  ) {
    let now = clock.nowMillis
    // Count tasks that stopped since the last pass.
    var stoppedNow = 0
    for i in taskIndices
    where workloads.tasks[i].lastStatus == .stopped && !workloads.tasks[i].reportedStopped {
      workloads.tasks[i].reportedStopped = true
      stoppedNow += 1
      let t = workloads.tasks[i]
      if !t.everRan {
        workloads.services[s].consecutiveStartFailures += 1
        if let d = workloads.services[s].deployments.firstIndex(where: { $0.id == t.deploymentId })
        {
          workloads.services[s].deployments[d].failedTasks += 1
          workloads.services[s].deployments[d].updatedAt = now
        }
      }
    }
    if workloads.services[s].consecutiveStartFailures >= 3 && stoppedNow > 0 {
      let n = workloads.services[s].consecutiveStartFailures - 3
      let delay = min(
        Reconciler.throttleCapSeconds, Reconciler.throttleBaseSeconds << Int64(min(n, 20)))
      workloads.services[s].nextLaunchAt = now + delay * 1000
      serviceEvent(s, "is unable to consistently start tasks successfully.")
    }
    for i in taskIndices
    where workloads.tasks[i].everRan && workloads.tasks[i].lastStatus == .running {
      workloads.services[s].consecutiveStartFailures = 0
      break
    }

    if workloads.services[s].status == .draining {
      var stopped: [String] = []
      for i in taskIndices where workloads.tasks[i].isLive {
        requestStop(
          taskIndex: i, code: "ServiceSchedulerInitiated", reason: "Service is being deleted")
        stopped.append(workloads.tasks[i].id)
      }
      if !stopped.isEmpty { reportStopped(s, stopped) }
      if !taskIndices.contains(where: { workloads.tasks[$0].holdsResources }) {
        workloads.services[s].status = .inactive
        for d in workloads.services[s].deployments.indices {
          workloads.services[s].deployments[d].status = .inactive
        }
      }
      return
    }

    checkCircuitBreaker(s, now: now)

    if workloads.services[s].schedulingStrategy == "DAEMON" {
      reconcileDaemon(s, taskIndices: taskIndices, contexts: &contexts)
    } else {
      reconcileReplica(s, taskIndices: taskIndices, contexts: &contexts)
    }
    finishDeployments(s, taskIndices: taskIndices)
  }

  private mutating func checkCircuitBreaker(_ s: Int, now: Int64) {
    let svc = workloads.services[s]
    guard svc.deploymentConfiguration.circuitBreakerEnable, var primary = svc.deployments.first,
      primary.rolloutState == .inProgress,
      primary.failedTasks >= Reconciler.threshold(primary.desiredCount)
    else { return }
    primary.rolloutState = .failed
    primary.rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start."
    primary.updatedAt = now
    workloads.services[s].deployments[0] = primary
    serviceEvent(s, "(deployment \(primary.id)) deployment failed: tasks failed to start.")
    guard svc.deploymentConfiguration.circuitBreakerRollback,
      let back = svc.deployments.dropFirst().firstIndex(where: { $0.rolloutState == .completed })
    else { return }
    // Roll back: the last completed deployment becomes PRIMARY again; the failed one drains.
    var target = workloads.services[s].deployments.remove(at: back)
    workloads.services[s].deployments[0].status = .active
    target.status = .primary
    target.desiredCount = svc.desiredCount
    target.rolloutState = .inProgress
    // UNCONFIRMED wording of the rollback reason.
    target.rolloutStateReason = "ECS deployment detected failure. Rolling back to \(target.id)."
    target.updatedAt = now
    workloads.services[s].deployments.insert(target, at: 0)
    workloads.services[s].taskDefinitionArn = target.taskDefinitionArn
    workloads.services[s].consecutiveStartFailures = 0
    workloads.services[s].nextLaunchAt = nil
    serviceEvent(s, "(deployment \(primary.id)) rolling back to deployment \(target.id).")
  }

  private mutating func reconcileReplica(
    _ s: Int, taskIndices: [Int], contexts: inout [String: PlacementContext]
  ) {
    let now = clock.nowMillis
    let svc = workloads.services[s]
    guard let primary = svc.deployments.first else { return }
    let draining = drainingInstanceArns(svc.clusterArn)
    let live = taskIndices.filter { workloads.tasks[$0].isLive }
    // Indices, not a copy of the task list: a copy would make every later mutation copy it all.
    var drainingTasks = Set<Int>()
    if !draining.isEmpty {
      for i in taskIndices
      where workloads.tasks[i].containerInstanceArn.map({ draining.contains($0) }) ?? false {
        drainingTasks.insert(i)
      }
    }
    let onDraining: (Int) -> Bool = { drainingTasks.contains($0) }
    var primaryLive = live.filter {
      workloads.tasks[$0].deploymentId == primary.id && !onDraining($0)
    }
    let desired = svc.desiredCount
    // Clamped so a huge desiredCount or percentage cannot overflow.
    let boundedDesired = min(desired, 1_000_000)
    let maxTotal =
      boundedDesired * min(max(svc.deploymentConfiguration.maximumPercent, 0), 100_000) / 100
    let minHealthy =
      (boundedDesired * min(max(svc.deploymentConfiguration.minimumHealthyPercent, 0), 100) + 99)
      / 100
    var stopped: [String] = []
    let scaleReason = "Scaling activity initiated by (deployment \(primary.id))"

    // Scale in: the newest, least advanced tasks go first.
    if primaryLive.count > desired {
      let order = primaryLive.sorted { a, b in
        let ra = workloads.tasks[a].lastStatus == .running
        let rb = workloads.tasks[b].lastStatus == .running
        return ra != rb ? !ra : a > b
      }
      // Tasks under scale-in protection (UpdateTaskProtection) stay.
      let unprotected = order.filter { !workloads.tasks[$0].isProtected(at: now) }
      for i in unprotected.prefix(primaryLive.count - desired) {
        requestStop(taskIndex: i, code: "ServiceSchedulerInitiated", reason: scaleReason)
        stopped.append(workloads.tasks[i].id)
      }
      primaryLive = primaryLive.filter { workloads.tasks[$0].isLive }
    }

    // Start new tasks, within maximumPercent.
    let liveCount = live.filter { workloads.tasks[$0].isLive }.count
    let canLaunch = primary.rolloutState != .failed && (svc.nextLaunchAt ?? 0) <= now
    var room = maxTotal - liveCount
    if liveCount == 0 && maxTotal == 0 && desired > 0 { room = 0 }
    var toStart = min(desired - primaryLive.count, room, Reconciler.launchesPerTick)
    if liveCount + toStart > Reconciler.tasksPerService {
      toStart = max(0, Reconciler.tasksPerService - liveCount)
      serviceEvent(
        s,
        "was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently"
      )
    }
    if canLaunch && toStart > 0 {
      startTasks(s, count: toStart, deployment: primary, contexts: &contexts)
    } else if canLaunch && desired > primaryLive.count && room <= 0 {
      let old = live.filter { !primaryLive.contains($0) }
      if old.isEmpty || minHealthy >= desired && maxTotal <= desired {
        serviceEvent(
          s,
          "was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again."
        )
      }
    }

    // Stop tasks of older deployments (and on draining instances) while enough stay healthy.
    let replaceable = live.filter {
      workloads.tasks[$0].isLive
        && (workloads.tasks[$0].deploymentId != primary.id || onDraining($0))
    }
    if !replaceable.isEmpty {
      let healthyCount = taskIndices.filter { isHealthy(workloads.tasks[$0], now: now) }.count
      var budget = healthyCount - minHealthy
      let ordered = replaceable.sorted { a, b in
        let ha = isHealthy(workloads.tasks[a], now: now)
        let hb = isHealthy(workloads.tasks[b], now: now)
        return ha != hb ? !ha : a < b
      }
      // A RUNNING task (healthy yet or not) only stops while enough others stay healthy, so a
      // 100/200 deployment never drops below desired.
      for i in ordered {
        // A task its load balancer reports unhealthy counts for nothing: it stops freely.
        if workloads.tasks[i].lastStatus == .running
          && !isUnhealthyInTargetGroup(workloads.tasks[i])
        {
          guard budget > 0 else { continue }
          budget -= 1
        }
        requestStop(taskIndex: i, code: "ServiceSchedulerInitiated", reason: scaleReason)
        stopped.append(workloads.tasks[i].id)
      }
    }
    if !stopped.isEmpty { reportStopped(s, stopped) }
  }

  private mutating func reconcileDaemon(
    _ s: Int, taskIndices: [Int], contexts: inout [String: PlacementContext]
  ) {
    let now = clock.nowMillis
    let svc = workloads.services[s]
    guard let primary = svc.deployments.first else { return }
    let eligible = daemonInstances(svc)
    let eligibleArns = Set(eligible.map(\.arn))
    var stopped: [String] = []
    // Tasks on instances no longer eligible (draining, deregistered) and old deployments stop.
    for i in taskIndices where workloads.tasks[i].isLive {
      let t = workloads.tasks[i]
      let onEligible = t.containerInstanceArn.map { eligibleArns.contains($0) } ?? false
      if !onEligible || t.deploymentId != primary.id {
        requestStop(
          taskIndex: i, code: "ServiceSchedulerInitiated",
          reason: "Scaling activity initiated by (deployment \(primary.id))")
        stopped.append(t.id)
      }
    }
    if !stopped.isEmpty { reportStopped(s, stopped) }
    workloads.services[s].desiredCount = eligible.count
    workloads.services[s].deployments[0].desiredCount = eligible.count
    guard primary.rolloutState != .failed, (svc.nextLaunchAt ?? 0) <= now else { return }
    var covered = Set<String>()
    for i in taskIndices
    where workloads.tasks[i].isLive && workloads.tasks[i].deploymentId == primary.id {
      if let ci = workloads.tasks[i].containerInstanceArn { covered.insert(ci) }
    }
    let missing = eligible.filter { !covered.contains($0.arn) }
    if !missing.isEmpty {
      startTasks(s, count: missing.count, deployment: primary, contexts: &contexts, onlyOn: missing)
    }
  }

  private func drainingInstanceArns(_ clusterArn: String) -> Set<String> {
    Set(
      capacity.containerInstances.filter { $0.clusterArn == clusterArn && $0.status == .draining }
        .map(\.arn))
  }

  private mutating func reportStopped(_ s: Int, _ ids: [String]) {
    serviceEvent(
      s,
      "has stopped \(ids.count) running tasks: " + ids.map { "(task \($0))" }.joined(separator: " ")
        + ".")
  }

  /// Places and launches up to `count` tasks of a deployment; reports placement problems.
  private mutating func startTasks(
    _ s: Int, count: Int, deployment: Deployment, contexts: inout [String: PlacementContext],
    onlyOn: [ContainerInstance]? = nil
  ) {
    let svc = workloads.services[s]
    guard let def = taskDefinitions.first(where: { $0.arn == deployment.taskDefinitionArn }),
      let cluster = clusters.first(where: { $0.arn == svc.clusterArn })
    else { return }
    let target =
      (try? launchTarget(
        launchType: deployment.launchType?.rawValue,
        strategy: deployment.capacityProviderStrategy,
        cluster: cluster))
      ?? LaunchTarget(launchType: .ec2, capacityProviderName: nil)
    let net =
      (try? networkSettings(
        deployment.networkConfiguration, definition: def, launchType: target.launchType))
      ?? NetworkSettings()
    guard let sizing = try? WorkloadSizing(definition: def, overrides: nil) else { return }
    if let message = unassumableRole(sizing) {
      serviceEvent(s, "failed to launch a task with (error \(message))")
      workloads.services[s].nextLaunchAt = clock.nowMillis + Reconciler.placementRetrySeconds * 1000
      return
    }
    let group = "service:" + svc.name
    var tags: [Tag] = []
    if svc.enableECSManagedTags {
      tags += [
        Tag(key: "aws:ecs:clusterName", value: cluster.name),
        Tag(key: "aws:ecs:serviceName", value: svc.name),
      ]
    }
    if svc.propagateTags == "SERVICE" { tags += svc.tags }
    if svc.propagateTags == "TASK_DEFINITION" { tags += def.tags }
    var started: [String] = []
    var problem: String?
    var ctx = contexts[cluster.arn] ?? PlacementContext(world: self, clusterArn: cluster.arn)
    var spread =
      target.launchType == .fargate ? FargateSpread(world: self, group: group) : FargateSpread()
    for n in 0..<count {
      var launch = sizing.launch(
        definition: def, clusterArn: cluster.arn, target: target, net: net, group: group)
      launch.startedBy = deployment.id
      launch.serviceArn = svc.arn
      launch.deploymentId = deployment.id
      launch.tags = tags
      launch.enableExecuteCommand = svc.enableExecuteCommand
      launch.platformVersion = target.launchType == .fargate ? "1.4.0" : nil
      if target.launchType == .fargate {
        launch.subnet = spread.pick(net.subnets)
      } else {
        var strategies = svc.placementStrategy.map {
          PlacementStrategy(type: $0["type"]?.stringValue ?? "", field: $0["field"]?.stringValue)
        }
        if strategies.isEmpty {
          strategies = [
            PlacementStrategy(type: "spread", field: "attribute:ecs.availability-zone"),
            PlacementStrategy(type: "spread", field: "instanceId"),
          ]
        }
        let need = PlacementNeed(
          cpu: sizing.cpu, memory: sizing.memory, portMappings: def.containers.map(\.portMappings),
          networkMode: def.networkMode, group: group,
          constraints: svc.placementConstraints.map {
            PlacementConstraint(
              type: $0["type"]?.stringValue ?? "", expression: $0["expression"]?.stringValue)
          }, strategies: strategies)
        if let only = onlyOn {
          guard n < only.count, let k = ctx.index(of: only[n].arn) else { break }
          ctx.only = [k]
        }
        let result = Scheduler.place(need, in: &ctx)
        ctx.only = nil
        switch result {
        case .placed(let ci, let bindings):
          launch.instance = ci
          launch.bindings = bindings
          launch.subnet = net.subnets.first
        case .noInstances:
          problem =
            "was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster."
        case .failed(let rejected):
          problem = placementMessage(rejected)
        }
        if problem != nil && onlyOn == nil { break }
        if launch.instance == nil { continue }
      }
      random = ctx.random
      let i = launchTask(launch)
      ctx.random = random
      started.append(workloads.tasks[i].id)
    }
    contexts[cluster.arn] = ctx
    if !started.isEmpty {
      serviceEvent(
        s,
        "has started \(started.count) tasks: "
          + started.map { "(task \($0))" }.joined(separator: " ") + ".")
    }
    if let p = problem {
      serviceEvent(s, p)
      workloads.services[s].nextLaunchAt = clock.nowMillis + Reconciler.placementRetrySeconds * 1000
      workloads.services[s].placementBlocked = true
      workloads.services[s].blockedCapacity = capacitySignature(svc.clusterArn)
    } else if !started.isEmpty {
      workloads.services[s].placementBlocked = false
    }
  }

  private func placementMessage(
    _ rejected: [(instance: ContainerInstance, reason: PlacementReason)]
  ) -> String {
    let lead =
      "was unable to place a task because no container instance met all of its requirements."
    let tail =
      " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."
    guard let closest = rejected.first else { return lead }
    let id = closest.instance.id
    switch closest.reason {
    case .ports:
      return lead
        + " The closest matching (container-instance \(id)) is already using a port required by your task."
        + tail
    case .cpu:
      return lead
        + " The closest matching (container-instance \(id)) has insufficient CPU units available."
        + tail
    case .memory:
      // UNCONFIRMED: parenthesised like the CPU and port variants (ecs-facts §11.4).
      return lead
        + " The closest matching (container-instance \(id)) has insufficient memory available."
        + tail
    case .agent:
      return lead + " The closest matching (container-instance \(id)) encountered error \"AGENT\"."
        + tail
    case .eni:
      // UNCONFIRMED wording for ENI exhaustion.
      return lead
        + " The closest matching (container-instance \(id)) has insufficient ENI capacity available."
        + tail
    case .memberOf, .distinctInstance:
      // UNCONFIRMED wording for constraint failures.
      return lead
        + " The closest matching (container-instance \(id)) does not satisfy the placement constraints."
        + tail
    }
  }

  /// Completes deployments: drops drained old ones, marks the primary COMPLETED, reports steady state.
  private mutating func finishDeployments(_ s: Int, taskIndices: [Int]) {
    let now = clock.nowMillis
    var holding: [String: Int] = [:]
    var running: [String: Int] = [:]
    var pending: [String: Int] = [:]
    var healthy: [String: Int] = [:]
    for i in taskIndices {
      let t = workloads.tasks[i]
      guard let d = t.deploymentId else { continue }
      if t.holdsResources { holding[d, default: 0] += 1 }
      if t.isLive {
        if t.lastStatus == .running {
          running[d, default: 0] += 1
        } else {
          pending[d, default: 0] += 1
        }
        if isHealthy(t, now: now) { healthy[d, default: 0] += 1 }
      }
    }
    let before = workloads.services[s].deployments.count
    let ended = workloads.services[s].deployments.filter {
      $0.status != .primary && (holding[$0.id] ?? 0) == 0
    }
    workloads.services[s].pastDeployments += ended.suffix(20)
    workloads.services[s].deployments.removeAll {
      $0.status != .primary && (holding[$0.id] ?? 0) == 0
    }
    guard var primary = workloads.services[s].deployments.first else { return }
    let desired = workloads.services[s].desiredCount
    let stable =
      workloads.services[s].deployments.count == 1 && (running[primary.id] ?? 0) == desired
      && (pending[primary.id] ?? 0) == 0
    if primary.rolloutState == .inProgress && stable && (healthy[primary.id] ?? 0) == desired {
      primary.rolloutState = .completed
      primary.rolloutStateReason = "ECS deployment \(primary.id) completed."
      primary.updatedAt = now
      workloads.services[s].deployments[0] = primary
      serviceEvent(s, "(deployment \(primary.id)) deployment completed.")
    }
    // With a load balancer, steady also means healthy in the target groups.
    let lbHealthy =
      workloads.services[s].loadBalancers.isEmpty || (healthy[primary.id] ?? 0) == desired
    if stable && primary.rolloutState != .inProgress && lbHealthy {
      serviceEvent(s, "has reached a steady state.")
    } else if before != workloads.services[s].deployments.count {
      workloads.services[s].deployments[0].updatedAt = now
    }
  }

  /// Running and pending counts of a service, overall and per deployment.
  func serviceCounts(_ svc: Service) -> (
    running: Int, pending: Int, byDeployment: [String: (Int, Int)]
  ) {
    var running = 0
    var pending = 0
    var by: [String: (Int, Int)] = [:]
    for t in workloads.tasks where t.serviceArn == svc.arn && t.isLive {
      let d = t.deploymentId ?? ""
      var entry = by[d] ?? (0, 0)
      if t.lastStatus == .running {
        running += 1
        entry.0 += 1
      } else {
        pending += 1
        entry.1 += 1
      }
      by[d] = entry
    }
    return (running, pending, by)
  }

  /// Placeable instances and tasks holding resources in a cluster: when either changes, a blocked
  /// placement may now succeed.
  func capacitySignature(_ clusterArn: String) -> [Int] {
    var instances = 0
    for ci in capacity.containerInstances
    where ci.clusterArn == clusterArn && ci.status == .active && ci.agentConnected {
      instances += 1
    }
    var holding = 0
    for i in workloads.tasks.indices
    where workloads.tasks[i].clusterArn == clusterArn && workloads.tasks[i].lastStatus != .stopped {
      holding += 1
    }
    return [instances, holding]
  }

  /// The ACTIVE instances a DAEMON service runs one task on (those its memberOf constraints allow).
  func daemonInstances(_ svc: Service) -> [ContainerInstance] {
    let queries = svc.placementConstraints.compactMap { c -> ClusterQuery? in
      guard c["type"]?.stringValue == "memberOf", let e = c["expression"]?.stringValue else {
        return nil
      }
      return try? ClusterQuery.parse(e)
    }
    return capacity.containerInstances.filter { ci in
      ci.clusterArn == svc.clusterArn && ci.status == .active
        && queries.allSatisfy { $0.matches(ci) }
    }
  }

  /// Whether a service's tasks are still on their way (a phase or the 40 s health wait pending).
  func hasTasksInFlight(_ svc: Service) -> Bool {
    let now = clock.nowMillis
    for i in workloads.tasks.indices where workloads.tasks[i].serviceArn == svc.arn {
      let t = workloads.tasks[i]
      if t.phaseEndsAt != nil { return true }
      if t.isLive && !isHealthy(t, now: now) { return true }
    }
    return false
  }

  /// Running and pending counts of every service, and how many of its tasks sit on DRAINING
  /// instances, in one pass over the tasks.
  func allServiceCounts() -> [String: ServiceTally] {
    var draining = Set<String>()
    for ci in capacity.containerInstances where ci.status == .draining { draining.insert(ci.arn) }
    var out: [String: ServiceTally] = [:]
    for i in workloads.tasks.indices {
      // Field reads, not `isLive`: no copy of the task per visit in debug builds.
      guard let s = workloads.tasks[i].serviceArn, workloads.tasks[i].desiredStatus == .running,
        workloads.tasks[i].lastStatus != .stopped
      else { continue }
      var e = out[s] ?? ServiceTally()
      if workloads.tasks[i].lastStatus == .running { e.running += 1 } else { e.pending += 1 }
      if let ci = workloads.tasks[i].containerInstanceArn, draining.contains(ci) {
        e.onDraining += 1
      }
      out[s] = e
    }
    return out
  }

  /// Whether a service is steady: one deployment, running == desired, nothing pending, nothing
  /// left on a draining instance.
  func isSteady(_ svc: Service, counts: [String: ServiceTally]? = nil) -> Bool {
    guard svc.status == .active else { return svc.status == .inactive }
    // An EXTERNAL service has no deployments: its task sets are steady or not.
    if svc.deploymentController != "ECS" { return taskSetsSteady(svc) }
    if svc.schedulingStrategy == "DAEMON" && daemonInstances(svc).count != svc.desiredCount {
      return false
    }
    let c = (counts ?? allServiceCounts())[svc.arn] ?? ServiceTally()
    return svc.deployments.count == 1 && c.running == svc.desiredCount && c.pending == 0
      && c.onDraining == 0
      && svc.deployments.first?.rolloutState != .inProgress
  }
}

/// Task counts of one service.
struct ServiceTally {
  var running = 0
  var pending = 0
  var onDraining = 0
}

/// The service scheduler: keeps each service at its desired count, rolls deployments and reports
/// stopped tasks.
extension Reconciler: SimulationProcess {
  static func tick(_ world: inout World) { world.reconcileServices() }

  static func nextWake(_ world: World) -> Int64? {
    let now = world.clock.nowMillis
    let counts = world.allServiceCounts()
    return world.workloads.services.filter {
      $0.status != .inactive && !world.isSteady($0, counts: counts)
    }
    .map { svc in
      if let n = svc.nextLaunchAt, n > now { n } else { now + World.tickMillis }
    }
    .min()
  }

  static func isSettled(_ world: World) -> Bool {
    if world.workloads.tasks.contains(where: {
      $0.lastStatus == .stopped && $0.serviceArn != nil && !$0.reportedStopped
    }) {
      return false
    }
    let counts = world.allServiceCounts()
    // A service that found no instance for a task, with nothing else on its way, waits for the
    // learner or for new capacity: time alone changes nothing, so it does not hold settling up.
    return world.workloads.services.allSatisfy {
      world.isSteady($0, counts: counts)
        || ($0.placementBlocked && !world.hasTasksInFlight($0)
          && world.capacitySignature($0.clusterArn) == $0.blockedCapacity)
    }
  }
}
