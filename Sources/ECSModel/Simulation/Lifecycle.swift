/// Task states over time (ecs-facts §6), driven only by the clock:
/// PROVISIONING (awsvpc ENI) → PENDING (image pull) → ACTIVATING → RUNNING, and
/// DEACTIVATING → STOPPING → DEPROVISIONING (awsvpc) → STOPPED.
enum Lifecycle {
  /// Seconds each phase takes. Chosen to look like a small real task, not measured.
  static let provisioningEC2 = 4
  static let provisioningFargate = 12
  static let activating = 2
  static let deactivating = 1
  static let stopping = 2
  static let deprovisioning = 3
  /// STOPPED tasks stay describable at least an hour (ecs-facts §6).
  static let stoppedRetentionMillis: Int64 = 3_600_000
  /// A task counts as healthy for deployments this long after RUNNING without an LB or a
  /// container health check (ecs-facts §5).
  static let healthyAfterMillis: Int64 = 40_000
}

/// Everything needed to create one task.
struct TaskLaunch {
  var definition: TaskDefinition
  var clusterArn: String
  var launchType: LaunchType
  var capacityProviderName: String?
  var instance: ContainerInstance?
  var bindings: [[NetworkBinding]]
  var subnet: Subnet?
  var assignPublicIp: Bool
  var overrides: JSONValue
  var group: String
  var startedBy: String?
  var serviceArn: String?
  var deploymentId: String?
  var tags: [Tag]
  var platformVersion: String?
  var enableExecuteCommand: Bool
  var cpu: Int
  var memory: Int
  /// Per container: (cpu, memory, memoryReservation) after overrides.
  var containerSizes: [(Int, Int?, Int?)]
  var taskRoleArn: String?
  var executionRoleArn: String?
  /// Security groups of the task ENI (awsvpc).
  var securityGroups: [String] = []
}

extension World {
  /// Creates a task in its first state and appends it; returns its index.
  @discardableResult
  mutating func launchTask(_ l: TaskLaunch) -> Int {
    let id = random.hex(32)
    let clusterName = String(l.clusterArn.split(separator: "/").last ?? "default")
    let taskArn = arn(service: "ecs", resource: "task/\(clusterName)/\(id)")
    var containers: [TaskContainer] = []
    for (i, spec) in l.definition.containers.enumerated() {
      let size =
        i < l.containerSizes.count
        ? l.containerSizes[i] : (spec.cpu, spec.memory, spec.memoryReservation)
      var c = TaskContainer(
        arn: arn(service: "ecs", resource: "container/\(clusterName)/\(id)/\(random.uuid())"),
        name: spec.name, image: spec.image, essential: spec.essential, cpu: size.0,
        memory: size.1, memoryReservation: size.2)
      c.bindings = i < l.bindings.count ? l.bindings[i] : []
      c.dependsOn = spec.dependsOn
      c.hasHealthCheck = spec.healthCheck != nil
      containers.append(c)
    }
    var eni: TaskENI?
    if l.definition.networkMode == .awsvpc, let subnet = l.subnet {
      eni = TaskENI(
        attachmentId: random.uuid(), eniId: "eni-" + random.hex(17), macAddress: macAddress(),
        privateIp: privateIp(in: subnet), subnetId: subnet.subnetId)
      eni?.securityGroups = l.securityGroups
      eni?.createdAt = clock.nowMillis
      if l.assignPublicIp {
        eni?.publicIp =
          "54.\(random.int(in: 80...250)).\(random.int(in: 0...255)).\(random.int(in: 1...254))"
      }
    }
    let az = l.instance?.availabilityZone ?? l.subnet?.availabilityZone ?? (region + "a")
    var task = ECSTask(
      arn: taskArn, id: id, clusterArn: l.clusterArn, taskDefinitionArn: l.definition.arn,
      family: l.definition.family, networkMode: l.definition.networkMode, launchType: l.launchType,
      capacityProviderName: l.capacityProviderName, containerInstanceArn: l.instance?.arn,
      ec2InstanceId: l.instance?.ec2InstanceId, availabilityZone: az, eni: eni,
      cpu: l.cpu, memory: l.memory,
      cpuText: l.overrides["cpu"]?.stringValue ?? l.definition.cpu.map { String($0) },
      memoryText: l.overrides["memory"]?.stringValue ?? l.definition.memory.map { String($0) },
      containers: containers, group: l.group, startedBy: l.startedBy, serviceArn: l.serviceArn,
      deploymentId: l.deploymentId, overrides: l.overrides, tags: l.tags,
      executionRoleArn: l.executionRoleArn, taskRoleArn: l.taskRoleArn,
      platformVersion: l.platformVersion, enableExecuteCommand: l.enableExecuteCommand,
      lastStatus: .provisioning, createdAt: clock.nowMillis)
    task.assignPublicIp = l.assignPublicIp
    task.startFailure = startFailure(task, definition: l.definition)
    if eni != nil {
      task.lastStatus = .provisioning
      let secs =
        l.launchType == .fargate ? Lifecycle.provisioningFargate : Lifecycle.provisioningEC2
      task.phaseEndsAt = clock.nowMillis + Int64(secs) * 1000
    } else {
      enterPending(&task)
    }
    workloads.tasks.append(task)
    record(
      .task, "Task \(id) (\(l.definition.familyRevision)) created: \(task.lastStatus.rawValue).",
      .taskCreated(
        id: id, taskDefinition: l.definition.familyRevision, status: task.lastStatus.rawValue))
    return workloads.tasks.count - 1
  }

  private mutating func macAddress() -> String {
    (0..<6).map { i in
      let b = Int(random.next() & 0xff)
      let v = i == 0 ? (b & 0xfe) | 0x02 : b
      return hex2(v)
    }.joined(separator: ":")
  }

  private func hex2(_ v: Int) -> String {
    let d = Array("0123456789abcdef")
    return String(d[(v >> 4) & 15]) + String(d[v & 15])
  }

  private mutating func privateIp(in subnet: Subnet) -> String {
    let parts = subnet.cidrBlock.split(separator: "/")
    let octets = (parts.first ?? "10.0.0.0").split(separator: ".").compactMap { Int($0) }
    let prefix = parts.count > 1 ? Int(parts[1]) ?? 24 : 24
    guard octets.count == 4 else { return "10.0.0.10" }
    let size = 1 << max(0, min(16, 32 - prefix))
    let base = (octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]
    let host = base + random.int(in: 4...max(4, size - 2))
    return "\(host >> 24 & 255).\(host >> 16 & 255).\(host >> 8 & 255).\(host & 255)"
  }

  private mutating func enterPending(_ task: inout ECSTask) {
    task.lastStatus = .pending
    task.pullStartedAt = clock.nowMillis
    task.phaseEndsAt = clock.nowMillis + Int64(pullSeconds(task)) * 1000
    task.version += 1
  }

  /// Seconds the image pulls take: two to start, then one per image plus one per 20 MB pulled.
  func pullSeconds(_ task: ECSTask) -> Int {
    var total = 2
    for c in task.containers {
      if case .found(_, let size, _, _) = resolveImage(c.image) {
        total += 1 + size / 20_000_000
      } else {
        total += 1
      }
    }
    return task.launchType == .fargate ? total + 3 : total
  }

  /// Why the task will fail to start, decided when it is created (so a run is repeatable), in the
  /// order the agent meets the problems: secrets and registry auth (execution role), the image
  /// pull, then the log stream.
  func startFailure(_ task: ECSTask, definition def: TaskDefinition) -> String? {
    let fargate = task.launchType == .fargate
    let execRole = task.executionRoleArn.flatMap { role($0) }
    let execName = execRole?.name ?? ""
    let assumed = "arn:aws:sts::\(account):assumed-role/\(execName)/\(task.id)"
    if let failure = egressFailure(task, definition: def) { return failure }
    // Secrets: the execution role fetches them.
    for spec in def.containers {
      for secret in spec.secrets {
        let fromSSM = !secret.value.hasPrefix("arn:aws:secretsmanager:")
        let action = fromSSM ? "ssm:GetParameters" : "secretsmanager:GetSecretValue"
        let resource = secretResourceArn(secret.value)
        guard
          execRole == nil
            || !roleAllows(
              execName, action: action, resource: resource, context: secretContext(resource))
        else {
          continue
        }
        if fromSSM {
          return
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): operation error SSM: GetParameters, https response error StatusCode: 400, RequestID: \(requestId(task)), api error AccessDeniedException: User: \(assumed) is not authorized to perform: ssm:GetParameters on resource: \(resource)"
        }
        // UNCONFIRMED: the Secrets Manager variant, built like the SSM one.
        return
          "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret \(secret.value) from secrets manager: AccessDeniedException: User: \(assumed) is not authorized to perform: secretsmanager:GetSecretValue on resource: \(resource)"
      }
    }
    if let failure = secretReferenceFailure(task, definition: def, executionRole: execRole?.name) {
      return failure
    }
    if let failure = environmentFileFailure(task, definition: def, executionRole: execRole?.name) {
      return failure
    }
    for c in task.containers {
      switch resolveImage(c.image) {
      case .notFound(let message):
        return message
      case .found(_, _, let isECR, let repositoryArn):
        guard isECR else { continue }
        // The execution role pulls when there is one; otherwise (EC2 only) the instance role.
        if let execRole {
          if !roleAllows(execRole.name, action: "ecr:GetAuthorizationToken", resource: "*") {
            // UNCONFIRMED (ecs-facts §11.3): wording of the registry-auth failure.
            return
              "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: \(assumed) is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action"
          }
          if !ecrPullAllowed(execRole.name, repositoryArn: repositoryArn) {
            return ecrDenied(
              image: c.image, roleName: execRole.name, session: task.id,
              repositoryArn: repositoryArn)
          }
        } else if !fargate, let instanceRole = instanceRoleName(task),
          !ecrPullAllowed(instanceRole, repositoryArn: repositoryArn)
        {
          return ecrDenied(
            image: c.image, roleName: instanceRole, session: task.ec2InstanceId ?? "",
            repositoryArn: repositoryArn)
        }
      }
    }
    // awslogs writes through the execution role; on EC2 without one, the instance role does.
    if let failure = awslogsStreamFailure(task, definition: def, executionRole: execRole?.name) {
      return failure
    }
    // awslogs needs its group to exist, unless the driver may create it.
    for spec in def.containers where spec.logDriver == "awslogs" {
      let option = { (name: String) in spec.logOptions.first { $0.name == name }?.value }
      guard let group = option("awslogs-group"), logGroup(group) == nil else { continue }
      if option("awslogs-create-group") == "true" {
        let creator = execRole?.name ?? (fargate ? nil : instanceRoleName(task))
        if let creator,
          !roleAllows(
            creator, action: "logs:CreateLogGroup",
            resource: arn(service: "logs", resource: "log-group:\(group)"))
        {
          // ecs-pain-points 11: the driver creates the group as the execution (or instance) role.
          return fargate
            ? "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log group: AccessDeniedException: User: \(assumed) is not authorized to perform: logs:CreateLogGroup on resource: \(arn(service: "logs", resource: "log-group:\(group)")) : exit status 1"
            : "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log group: AccessDeniedException: User: arn:aws:sts::\(account):assumed-role/\(creator)/\(task.ec2InstanceId ?? task.id) is not authorized to perform: logs:CreateLogGroup"
        }
        continue
      }
      // ecs-pain-points 11, exact for EC2; the Fargate form follows the awslogs validator's.
      return fargate
        ? "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1"
        : "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist."
    }
    return nil
  }

  private func ecrDenied(image: String, roleName: String, session: String, repositoryArn: String?)
    -> String
  {
    let name = image.split(separator: ":").first.map(String.init) ?? image
    return
      "CannotPullContainerError: Check if image exists and role has permissions to pull images from Amazon ECR. Error response from daemon: pull access denied for \(name), repository does not exist or may require 'docker login': denied: User: arn:aws:sts::\(account):assumed-role/\(roleName)/\(session) is not authorized to perform: ecr:BatchGetImage on resource: \(repositoryArn ?? name) because no identity-based policy allows the ecr:BatchGetImage action"
  }

  /// The role the EC2 instance under a task runs with, if any.
  func instanceRoleName(_ task: ECSTask) -> String? {
    guard let id = task.ec2InstanceId,
      let inst = capacity.instances.first(where: { $0.instanceId == id })
    else { return nil }
    return inst.iamInstanceProfileArn.flatMap { role(ofInstanceProfile: $0)?.name }
  }

  /// A request ID for error texts, derived from the task so runs repeat.
  func requestId(_ task: ECSTask) -> String {
    let h = Array(task.id)
    guard h.count >= 32 else { return task.id }
    return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-"
      + String(h[16..<20]) + "-"
      + String(h[20..<32])
  }

  /// Moves every task whose phase has ended on to its next state.
  mutating func advanceTasks() {
    let now = clock.nowMillis
    var i = 0
    while i < workloads.tasks.count {
      if let end = workloads.tasks[i].phaseEndsAt, end <= now {
        var t = workloads.tasks[i]
        var guardSteps = 0
        while let e = t.phaseEndsAt, e <= now, guardSteps < 16 {
          let was = t.lastStatus
          step(&t, now: now)
          guardSteps += 1
          if t.lastStatus != was { recordTransition(t, from: was) }
        }
        workloads.tasks[i] = t
      }
      i += 1
    }
    // Drop STOPPED tasks once they have been describable for the retention time.
    if workloads.tasks.contains(where: {
      $0.lastStatus == .stopped && ($0.stoppedAt ?? now) + Lifecycle.stoppedRetentionMillis < now
    }) {
      workloads.tasks.removeAll {
        $0.lastStatus == .stopped && ($0.stoppedAt ?? now) + Lifecycle.stoppedRetentionMillis < now
      }
    }
  }

  private mutating func step(_ t: inout ECSTask, now: Int64) {
    let phaseEnd = t.phaseEndsAt ?? now
    switch t.lastStatus {
    case .provisioning:
      t.eni?.status = "ATTACHED"
      t.connectivityAt = phaseEnd
      if t.desiredStatus == .stopped { beginStop(&t, at: phaseEnd) } else { enterPending(&t) }
    case .pending:
      t.pullStoppedAt = phaseEnd
      if t.connectivityAt == nil { t.connectivityAt = t.pullStartedAt }
      if let failure = t.startFailure {
        t.stopCode = "TaskFailedToStart"
        t.stoppedReason = failure
        t.desiredStatus = .stopped
        for k in t.containers.indices {
          t.containers[k].lastStatus = "STOPPED"
          t.containers[k].reason = failure
        }
        t.stoppingAt = phaseEnd
        beginStop(&t, at: phaseEnd, skipContainers: true)
      } else if t.desiredStatus == .stopped {
        beginStop(&t, at: phaseEnd)
      } else {
        for k in t.containers.indices {
          if case .found(let digest, _, _, _) = resolveImage(t.containers[k].image) {
            t.containers[k].imageDigest = digest
          }
        }
        t.lastStatus = .activating
        t.phaseEndsAt = phaseEnd + Int64(Lifecycle.activating) * 1000
        t.version += 1
      }
    case .activating:
      if t.desiredStatus == .stopped {
        beginStop(&t, at: phaseEnd)
        return
      }
      t.lastStatus = .running
      t.startedAt = phaseEnd
      t.everRan = true
      t.version += 1
      startContainers(&t, at: phaseEnd)
      t.phaseEndsAt = healthDueAt(t)
      record(
        .task, "Task \(t.id) RUNNING.", .taskRunning(id: t.id, taskDefinition: t.familyRevision))
      writeStartupLogs(t, at: phaseEnd)
    case .running:
      // A health check result is due.
      updateHealth(&t, now: phaseEnd)
    case .deactivating:
      t.lastStatus = .stopping
      t.phaseEndsAt = phaseEnd + Int64(Lifecycle.stopping) * 1000
      t.version += 1
    case .stopping:
      t.executionStoppedAt = phaseEnd
      for k in t.containers.indices where t.containers[k].lastStatus != "STOPPED" {
        t.containers[k].lastStatus = "STOPPED"
        if t.containers[k].runtimeId != nil && t.containers[k].exitCode == nil {
          t.containers[k].exitCode = 0
        }
      }
      if t.eni != nil {
        t.lastStatus = .deprovisioning
        t.eni?.status = "DELETED"
        t.phaseEndsAt = phaseEnd + Int64(Lifecycle.deprovisioning) * 1000
        t.version += 1
      } else {
        finishStop(&t, at: phaseEnd)
      }
    case .deprovisioning:
      finishStop(&t, at: phaseEnd)
    default:
      t.phaseEndsAt = nil
    }
  }

  private mutating func startContainers(_ t: inout ECSTask, at now: Int64) {
    let initNames = Set(
      t.containers.flatMap { $0.dependsOn }.filter {
        $0.value == "COMPLETE" || $0.value == "SUCCESS"
      }
      .map(\.name))
    for k in t.containers.indices {
      t.containers[k].lastStatus = "RUNNING"
      t.containers[k].runtimeId = random.hex(64)
      t.containers[k].startedAt = now
      // A non-essential container others wait on with COMPLETE/SUCCESS is an init step: it runs
      // to completion (exit 0) before its dependents start.
      if initNames.contains(t.containers[k].name) && !t.containers[k].essential {
        t.containers[k].lastStatus = "STOPPED"
        t.containers[k].exitCode = 0
      }
    }
  }

  /// When a container health check first reports (startPeriod + one interval), if any is pending.
  private func healthDueAt(_ t: ECSTask) -> Int64? {
    guard t.containers.contains(where: { $0.hasHealthCheck && $0.healthStatus == "UNKNOWN" }),
      let started = t.startedAt
    else { return nil }
    guard let def = taskDefinitions.first(where: { $0.arn == t.taskDefinitionArn }) else {
      return nil
    }
    let delays = def.containers.compactMap { c -> Int? in
      guard let hc = c.healthCheck else { return nil }
      return (hc.startPeriod ?? 0) + min(hc.interval, 30)
    }
    return started + Int64(delays.min() ?? 30) * 1000
  }

  private mutating func updateHealth(_ t: inout ECSTask, now: Int64) {
    for k in t.containers.indices where t.containers[k].hasHealthCheck {
      // What the program answers decides (AppBehaviour; TargetHealth+Probe.swift).
      t.containers[k].healthStatus =
        containerHealthPasses(t, container: t.containers[k].name) ? "HEALTHY" : "UNHEALTHY"
    }
    let essentialChecked = t.containers.filter { $0.essential && $0.hasHealthCheck }
    if !essentialChecked.isEmpty {
      t.healthStatus =
        essentialChecked.allSatisfy { $0.healthStatus == "HEALTHY" } ? "HEALTHY" : "UNHEALTHY"
    }
    t.phaseEndsAt = nil
    t.version += 1
  }

  /// Records a task's change of lastStatus: STOPPED with its code and reason, RUNNING (recorded
  /// in `step`), anything else as a transition `wait` can list.
  private mutating func recordTransition(_ t: ECSTask, from was: TaskStatus) {
    let td = t.familyRevision
    switch t.lastStatus {
    case .running: break
    case .stopped:
      record(
        .task,
        "Task \(t.id) (\(td)) STOPPED" + (t.stopCode.map { " (\($0))" } ?? "")
          + (t.stoppedReason.map { ": \($0)" } ?? "."),
        .taskStopped(id: t.id, taskDefinition: td, stopCode: t.stopCode, reason: t.stoppedReason))
    default:
      record(
        .task, "Task \(t.id) (\(td)): \(was.rawValue) → \(t.lastStatus.rawValue).",
        .taskStatus(
          id: t.id, taskDefinition: td, from: was.rawValue, to: t.lastStatus.rawValue))
    }
  }

  /// Asks a task to stop (StopTask, a scheduler decision, or a failure). Idempotent.
  mutating func requestStop(taskIndex i: Int, code: String, reason: String) {
    guard workloads.tasks.indices.contains(i) else { return }
    var t = workloads.tasks[i]
    guard t.desiredStatus != .stopped else { return }
    t.desiredStatus = .stopped
    t.stopCode = code
    t.stoppedReason = reason
    t.stoppingAt = clock.nowMillis
    t.version += 1
    switch t.lastStatus {
    case .running, .activating:
      t.lastStatus = .deactivating
      // Registered targets drain for the deregistration delay first.
      let secs = max(Lifecycle.deactivating, drainingSeconds(t))
      t.phaseEndsAt = clock.nowMillis + Int64(secs) * 1000
    case .pending:
      beginStop(&t, at: clock.nowMillis, skipContainers: true)
    default:
      // PROVISIONING finishes attaching first; later states are already stopping.
      break
    }
    let was = workloads.tasks[i].lastStatus
    workloads.tasks[i] = t
    record(
      .task, "Task \(t.id) (\(t.familyRevision)) stopping (\(code)): \(reason)",
      .taskStopping(id: t.id, taskDefinition: t.familyRevision, stopCode: code, reason: reason))
    if t.lastStatus != was { recordTransition(t, from: was) }
  }

  /// An essential container exited: the task stops (EssentialContainerExited).
  mutating func containerExited(taskIndex i: Int, container k: Int, exitCode: Int) {
    guard workloads.tasks.indices.contains(i), workloads.tasks[i].containers.indices.contains(k)
    else { return }
    workloads.tasks[i].containers[k].lastStatus = "STOPPED"
    workloads.tasks[i].containers[k].exitCode = exitCode
    workloads.tasks[i].version += 1
    if workloads.tasks[i].containers[k].essential {
      requestStop(
        taskIndex: i, code: "EssentialContainerExited", reason: "Essential container in task exited"
      )
    }
  }

  private func beginStop(_ t: inout ECSTask, at now: Int64, skipContainers: Bool = false) {
    if t.stoppingAt == nil { t.stoppingAt = now }
    if skipContainers {
      for k in t.containers.indices where t.containers[k].lastStatus != "STOPPED" {
        t.containers[k].lastStatus = "STOPPED"
      }
    }
    t.executionStoppedAt = now
    if t.eni != nil && t.eni?.status != "DELETED" {
      t.lastStatus = .deprovisioning
      t.eni?.status = "DELETED"
      t.phaseEndsAt = now + Int64(Lifecycle.deprovisioning) * 1000
      t.version += 1
    } else {
      finishStop(&t, at: now)
    }
  }

  private func finishStop(_ t: inout ECSTask, at now: Int64) {
    t.lastStatus = .stopped
    t.desiredStatus = .stopped
    t.stoppedAt = now
    t.phaseEndsAt = nil
    t.healthStatus = "UNKNOWN"
    t.version += 1
  }
}

/// Task lifecycle: each task steps through its phases when their time ends; tasks on lost hosts
/// stop.
extension Lifecycle: SimulationProcess {
  static func tick(_ world: inout World) {
    world.advanceTasks()
    world.stopTasksOnLostHosts()
  }

  static func nextWake(_ world: World) -> Int64? {
    world.workloads.tasks.compactMap(\.phaseEndsAt).min()
  }

  static func isSettled(_ world: World) -> Bool {
    !world.workloads.tasks.contains { $0.phaseEndsAt != nil }
  }
}

extension World {
  /// Tasks on an instance that is shutting down, terminated or stopped stop too.
  mutating func stopTasksOnLostHosts() {
    var lost: [String: String] = [:]
    for inst in capacity.instances {
      switch inst.state {
      case .shuttingDown, .terminated: lost[inst.instanceId] = "terminated"
      case .stopping, .stopped: lost[inst.instanceId] = "stopped"
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
}
