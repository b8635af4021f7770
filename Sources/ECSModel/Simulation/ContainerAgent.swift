/// The ECS container agent on each EC2 instance, and the instance's own boot: how an instance
/// becomes a container instance (or why it never does).
///
/// An instance registers only when all of these hold, which is the lesson the tutor explains:
/// 1. its AMI is ECS-optimized (the agent is installed);
/// 2. it has an instance profile whose role trusts `ec2.amazonaws.com` (the agent has credentials);
/// 3. that role allows `ecs:RegisterContainerInstance`;
/// 4. the cluster named by `ECS_CLUSTER` in `/etc/ecs/ecs.config` exists. With no `ECS_CLUSTER`
///    the agent uses `default` and creates it if the role allows `ecs:CreateCluster`, as the real
///    agent does.
public enum ContainerAgent {
  /// Seconds from launch until EC2 reports the instance running.
  public static let bootSeconds: Int64 = 10
  /// Seconds from launch until the agent first tries to register.
  public static let registerSeconds: Int64 = 30
  /// Seconds an instance spends shutting down before it is terminated.
  public static let shutdownSeconds: Int64 = 30

  /// The cluster `ECS_CLUSTER` names in user data, if the user data writes it to
  /// `/etc/ecs/ecs.config` from a shell script (the usual
  /// `#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config`, or a heredoc into that file).
  ///
  /// ```swift
  /// ContainerAgent.clusterName(userData: "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config")
  /// // "demo"
  /// ContainerAgent.clusterName(userData: "#!/bin/bash\nexport ECS_CLUSTER=demo")  // nil
  /// ```
  public static func clusterName(userData: String?) -> String? {
    guard let text = userData, isScript(text), text.contains("/etc/ecs/ecs.config") else {
      return nil
    }
    var found: String?
    for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let line = rawLine.trimmingSpaces()
      guard let r = line.range(of: "ECS_CLUSTER=") else { continue }
      let before = line[line.startIndex..<r.lowerBound].trimmingSpaces()
      let writesConfig = before.hasPrefix("echo") && line.contains("/etc/ecs/ecs.config")
      // A bare `ECS_CLUSTER=x` line is the body of a heredoc into ecs.config.
      let bare = before.isEmpty && !line.contains(" ")
      guard writesConfig || bare else { continue }
      var value = ""
      for ch in line[r.upperBound...] {
        if ch == " " || ch == "\"" || ch == "'" || ch == ">" || ch == ";" { break }
        value.append(ch)
      }
      if !value.isEmpty { found = value }
    }
    return found
  }

  /// Whether cloud-init runs the user data as a shell script (it must start with `#!`).
  static func isScript(_ text: String) -> Bool { text.hasPrefix("#!") }

  /// Why user data that mentions ECS_CLUSTER did not set it, for the tutor; nil when it did or
  /// does not mention it.
  public static func ignoredClusterSetting(userData: String?) -> String? {
    guard let text = userData, text.contains("ECS_CLUSTER"), clusterName(userData: text) == nil
    else {
      return nil
    }
    if !isScript(text) {
      return "the user data does not start with #!, so cloud-init did not run it as a script"
    }
    return "the user data never writes ECS_CLUSTER=... into /etc/ecs/ecs.config"
  }
}

extension World {
  /// Moves EC2 instances and their agents forward to `millis`: pending instances become running
  /// 10 s after launch, agents try to register 30 s after launch (and retry on every later call
  /// while the cause is fixable), shutting-down instances are terminated 30 s later and their
  /// container instances deregistered. Events are stamped with the moment each change happened.
  ///
  /// Pure and idempotent: the clock owner (the workloads engineer's world advance) calls it with
  /// the new time, before tasks are scheduled onto the instances.
  ///
  /// ```swift
  /// world.clock.advance(seconds: 60)
  /// world.advanceCapacity(to: world.clock.nowMillis)
  /// world.capacity.containerInstances.count  // 1 once an ECS-optimized instance has joined
  /// ```
  public mutating func advanceCapacity(to millis: Int64) {
    while let (i, at) = nextCapacityTransition(upTo: millis) {
      applyCapacityTransition(i, at: at)
    }
    for i in capacity.instances.indices {
      if capacity.instances[i].state == .running, case .retrying = capacity.instances[i].agent {
        attemptRegistration(i, at: millis)
      }
    }
  }

  /// The earliest moment an instance or its agent will change by itself (boot, first
  /// registration attempt, end of shutdown); nil when none will. Agents that are retrying are not
  /// counted: they only succeed after the learner changes something, and the next
  /// `advanceCapacity` retries them.
  ///
  /// ```swift
  /// world.nextCapacityWake()  // launchTime + 10 s right after run-instances
  /// ```
  public func nextCapacityWake() -> Int64? {
    nextCapacityTransition(upTo: Int64.max)?.1
  }

  func nextCapacityTransition(upTo millis: Int64) -> (Int, Int64)? {
    var best: (Int, Int64)?
    for (i, inst) in capacity.instances.enumerated() {
      let due: Int64?
      switch (inst.state, inst.agent) {
      case (.pending, _): due = inst.launchTime + ContainerAgent.bootSeconds * 1000
      case (.running, .starting): due = inst.launchTime + ContainerAgent.registerSeconds * 1000
      case (.shuttingDown, _): due = inst.stateChangedAt + ContainerAgent.shutdownSeconds * 1000
      default: due = nil
      }
      if let due, due <= millis, best.map({ due < $0.1 }) ?? true { best = (i, due) }
    }
    return best
  }

  mutating func applyCapacityTransition(_ i: Int, at: Int64) {
    let inst = capacity.instances[i]
    switch inst.state {
    case .pending:
      capacity.instances[i].state = .running
      capacity.instances[i].stateChangedAt = at
      events.append(
        Event(
          at: at, kind: .instance, message: "Instance \(inst.instanceId) is running.",
          detail: .instanceRunning(inst.instanceId)))
    case .running:
      attemptRegistration(i, at: at)
    case .shuttingDown:
      capacity.instances[i].state = .terminated
      capacity.instances[i].stateChangedAt = at
      events.append(
        Event(
          at: at, kind: .instance, message: "Instance \(inst.instanceId) terminated.",
          detail: .instanceTerminated(inst.instanceId)))
      if case .registered(let arn) = inst.agent,
        let c = capacity.containerInstances.firstIndex(where: { $0.arn == arn }),
        capacity.containerInstances[c].status != .inactive
      {
        capacity.containerInstances[c].status = .inactive
        capacity.containerInstances[c].agentConnected = false
        capacity.containerInstances[c].version += 1
        events.append(
          Event(
            at: at, kind: .instance,
            message:
              "Container instance \(capacity.containerInstances[c].id) (\(inst.instanceId)) deregistered: its EC2 instance was terminated.",
            detail: .containerInstanceTerminated(
              containerInstance: capacity.containerInstances[c].id, instance: inst.instanceId)))
      }
    default: break
    }
  }

  /// One registration attempt by the agent on instance `i`, following the rules in
  /// `ContainerAgent`.
  mutating func attemptRegistration(_ i: Int, at: Int64) {
    let inst = capacity.instances[i]
    let id = inst.instanceId
    guard let image = MachineImage.find(id: inst.imageId, region: region), image.ecsOptimized else {
      agentFails(
        i, at: at, permanent: true,
        "\(id) runs no ECS agent (AMI \(inst.imageId) is not ECS-optimized), so it never registers with a cluster. Launch it from /aws/service/ecs/optimized-ami/... instead."
      )
      return
    }
    guard let profileArn = inst.iamInstanceProfileArn, let profile = instanceProfile(profileArn)
    else {
      agentFails(
        i, at: at, permanent: false,
        "\(id) has no instance profile: the ECS agent has no credentials (NoCredentialProviders: no valid providers in chain) and cannot register."
      )
      return
    }
    guard let role = role(ofInstanceProfile: profile.arn) else {
      agentFails(
        i, at: at, permanent: false,
        "\(id): instance profile \(profile.name) holds no role: the ECS agent has no credentials (NoCredentialProviders: no valid providers in chain) and cannot register."
      )
      return
    }
    guard roleTrusts(role.arn, service: "ec2.amazonaws.com") else {
      agentFails(
        i, at: at, permanent: false,
        "\(id): role \(role.name) does not trust ec2.amazonaws.com, so EC2 cannot give its credentials to the instance: the ECS agent has no credentials (NoCredentialProviders: no valid providers in chain) and cannot register."
      )
      return
    }
    // The agent talks to ECS over HTTPS (register, poll, telemetry) from the instance's subnet.
    if let failure = agentEgressFailure(inst) {
      agentFails(i, at: at, permanent: false, failure)
      return
    }
    let principal = "arn:aws:sts::\(account):assumed-role/\(role.name)/\(id)"
    let named = inst.configuredCluster
    let clusterName = named ?? "default"
    if cluster(clusterName) == nil {
      if named != nil {
        agentFails(
          i, at: at, permanent: false,
          "\(id): the ECS agent cannot register: ClusterNotFoundException: Cluster not found. (ECS_CLUSTER=\(clusterName) names no cluster; the agent keeps retrying.)"
        )
        return
      }
      guard
        roleAllows(
          role.arn, action: "ecs:CreateCluster",
          resource: arn(service: "ecs", resource: "cluster/default"))
      else {
        agentFails(
          i, at: at, permanent: false,
          "\(id): the ECS agent cannot create the default cluster: AccessDeniedException: User: \(principal) is not authorized to perform: ecs:CreateCluster"
        )
        return
      }
      let saved = clock
      clock.nowMillis = at
      openCluster("default")
      clock = saved
    }
    guard let target = cluster(clusterName) else { return }
    guard roleAllows(role.arn, action: "ecs:RegisterContainerInstance", resource: target.arn) else {
      agentFails(
        i, at: at, permanent: false,
        "\(id): the ECS agent cannot register: AccessDeniedException: User: \(principal) is not authorized to perform: ecs:RegisterContainerInstance on resource: \(target.arn)"
      )
      return
    }
    registerContainerInstance(i, into: target, image: image, at: at)
  }

  mutating func agentFails(_ i: Int, at: Int64, permanent: Bool, _ reason: String) {
    let before = capacity.instances[i].agent
    capacity.instances[i].agent = permanent ? .failed(reason: reason) : .retrying(reason: reason)
    if before != capacity.instances[i].agent {
      events.append(Event(at: at, kind: .instance, message: reason))
    }
  }

  mutating func registerContainerInstance(
    _ i: Int, into cluster: Cluster, image: MachineImage, at: Int64
  ) {
    let inst = capacity.instances[i]
    let type = InstanceType.named(inst.instanceType)
    let uuid = random.uuid()
    let arn = arn(service: "ecs", resource: "container-instance/\(cluster.name)/\(uuid)")
    var ci = ContainerInstance(
      arn: arn, id: uuid, clusterArn: cluster.arn, ec2InstanceId: inst.instanceId,
      instanceType: inst.instanceType, availabilityZone: inst.availabilityZone,
      registeredCpu: type?.registeredCpu ?? 1024, registeredMemory: type?.registeredMemory ?? 900,
      reservedPorts: InstanceType.reservedPorts, maxENIs: type?.maxENIs ?? 2, registeredAt: at)
    if let r = ContainerAgent.dynamicPortRange(userData: inst.userData) { ci.dynamicPortRange = r }
    if let trunked = trunkedENIs(inst.instanceType) { ci.maxENIs = trunked }
    ci.attributes = [
      "ecs.availability-zone": inst.availabilityZone,
      "ecs.instance-type": inst.instanceType,
      "ecs.ami-id": inst.imageId,
      "ecs.os-type": "linux",
      "ecs.os-family": "LINUX",
      "ecs.cpu-architecture": image.architecture,
      "ecs.vpc-id": inst.vpcId,
      "ecs.subnet-id": inst.subnetId,
    ]
    if let v = image.recommended?["ecs_agent_version"]?.stringValue { ci.agentVersion = v }
    capacity.containerInstances.append(ci)
    capacity.instances[i].agent = .registered(containerInstanceArn: arn)
    var message =
      "\(inst.instanceId) registered with cluster \(cluster.name) as container instance \(uuid)."
    if inst.configuredCluster == nil {
      message += " (No ECS_CLUSTER in its user data, so the agent used the default cluster"
      if let why = ContainerAgent.ignoredClusterSetting(userData: inst.userData) {
        message += ": \(why)"
      }
      message += ".)"
    }
    events.append(
      Event(
        at: at, kind: .instance, message: message,
        detail: .containerInstanceRegistered(
          instance: inst.instanceId, cluster: cluster.name, containerInstance: uuid,
          usedDefault: inst.configuredCluster == nil)))
  }
}

extension Substring {
  /// The first occurrence of `needle`, without Foundation.
  func range(of needle: String) -> Range<Index>? {
    let n = Array(needle)
    guard !n.isEmpty else { return nil }
    var i = startIndex
    while i < endIndex {
      var j = i
      var k = 0
      while k < n.count, j < endIndex, self[j] == n[k] {
        j = index(after: j)
        k += 1
      }
      if k == n.count { return i..<j }
      i = index(after: i)
    }
    return nil
  }

  func trimmingSpaces() -> Substring {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s
  }
}

/// Instances boot, their agents register or fail, and draining or terminated instances go away.
extension ContainerAgent: SimulationProcess {
  static func tick(_ world: inout World) { world.advanceCapacity(to: world.clock.nowMillis) }
  static func nextWake(_ world: World) -> Int64? { world.nextCapacityWake() }
  static func isSettled(_ world: World) -> Bool { world.nextCapacityWake() == nil }
}
