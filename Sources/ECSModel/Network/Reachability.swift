/// Who can reach what: a pure function of the world, used by the tutor's `reach` command and by
/// lesson checks (and, next, the load balancer's trace).
///
/// ```swift
/// let r = world.reach(from: "internet", to: "3f1c...", port: 80)
/// // .refused(.securityGroup(...), path: [...]) until a rule opens tcp 80 from 0.0.0.0/0
/// ```
public enum Reachability {
  /// One step of the way a packet takes.
  public enum Hop: Sendable, Equatable {
    /// The source as given (`internet`, an address, a task, an instance).
    case source(String)
    /// The address the source sends to.
    case address(ip: String, isPublic: Bool)
    /// The security group rule that admits the traffic.
    case allowedBy(groupId: String, ruleId: String)
    /// A bridge mapping on the instance: host port to container port.
    case hostPort(instanceId: String, hostPort: Int, containerPort: Int)
    /// Containers of one awsvpc or host task talk over localhost.
    case localhost
    /// The container that answers.
    case container(taskId: String, name: String, port: Int)
    /// A host-mode container answers on the instance's port.
    case instancePort(instanceId: String, port: Int)
  }

  /// Why the traffic does not arrive: the first hop that refuses it.
  public enum Refusal: Sendable, Equatable {
    case unknownSource(String)
    case unknownTarget(String)
    /// The task (source or target) is not RUNNING.
    case taskNotRunning(taskId: String, status: String)
    /// A task in network mode none has no network beyond its own loopback.
    case networkModeNone(taskId: String)
    /// The target has no public IPv4 address, so nothing outside the VPC can address it.
    case noPublicAddress(target: String)
    /// No inbound rule of the target's groups admits the traffic: what rule is missing.
    case securityGroup(groupIds: [String], protocol: String, port: Int, from: String)
    /// The source's outbound rules do not let the traffic out.
    case egress(groupIds: [String], protocol: String, port: Int, to: String)
    /// Nothing holds that port on the instance.
    case nothingBound(instanceId: String, port: Int)
    /// The container (or no container of the task) listens on that port.
    case notListening(taskId: String, container: String?, port: Int)
    /// Containers of one bridge task do not share localhost.
    case bridgeNoLocalhost(taskId: String)
  }

  /// The answer: reachable with its path, or refused at a hop (with the path up to it).
  public enum Result: Sendable, Equatable {
    case reachable(path: [Hop])
    case refused(Refusal, path: [Hop])

    public var isReachable: Bool {
      if case .reachable = self { return true }
      return false
    }
  }

  /// What a name resolves to.
  enum Endpoint {
    case external(cidr: String)
    case vpcAddress(ip: String)
    /// A range inside a VPC: its addresses send from private IPs.
    case vpcRange(cidr: String)
    case task(ECSTask, container: String?)
    case instance(EC2Instance)
  }
}

extension World {
  /// Whether `source` reaches `target` on `port` (tcp unless `protocol` says udp).
  /// SOURCE: `internet`, a CIDR or IPv4 address, a task ID (or its first characters), a container
  /// `TASK/NAME`, an instance ID. TARGET: a task, container, instance or IPv4 address.
  public func reach(
    from source: String, to target: String, port: Int, protocol proto: String = "tcp"
  )
    -> Reachability.Result
  {
    typealias R = Reachability
    var path: [R.Hop] = [.source(source)]
    guard let src = endpoint(source, asSource: true) else {
      return .refused(.unknownSource(source), path: path)
    }
    guard let dst = endpoint(target, asSource: false) else {
      return .refused(.unknownTarget(target), path: path)
    }
    // The source side: a task must be RUNNING and have a network.
    var srcIp: String?
    var srcCidr: String?
    var srcGroups: [String] = []
    var srcTask: ECSTask?
    var external = false
    switch src {
    case .external(let cidr):
      srcCidr = cidr
      external = true
    case .vpcRange(let cidr): srcCidr = cidr
    case .vpcAddress(let ip): srcIp = ip
    case .instance(let i):
      srcIp = i.privateIpAddress
      srcGroups = i.securityGroupIds
    case .task(let t, _):
      if t.lastStatus != .running {
        return .refused(.taskNotRunning(taskId: t.id, status: t.lastStatus.rawValue), path: path)
      }
      srcTask = t
      if t.networkMode == .none, !isSameTask(src, dst) {
        return .refused(.networkModeNone(taskId: t.id), path: path)
      }
      if let e = t.eni {
        srcIp = e.privateIp
        srcGroups = e.securityGroups
      } else if let i = instance(of: t) {
        srcIp = i.privateIpAddress
        srcGroups = i.securityGroupIds
      }
    }

    // The target side.
    switch dst {
    case .external, .vpcAddress, .vpcRange:
      return .refused(.unknownTarget(target), path: path)
    case .instance(let inst):
      return reachInstance(
        inst, port: port, proto: proto, external: external, srcIp: srcIp, srcCidr: srcCidr,
        srcGroups: srcGroups, path: path)
    case .task(let t, let container):
      if t.lastStatus != .running {
        return .refused(.taskNotRunning(taskId: t.id, status: t.lastStatus.rawValue), path: path)
      }
      let mappings = portMappings(of: t)
      // Inside one task: localhost for awsvpc, host and none; bridge containers are apart.
      if let s = srcTask, s.id == t.id {
        if t.networkMode == .bridge {
          return .refused(.bridgeNoLocalhost(taskId: t.id), path: path)
        }
        path.append(.localhost)
        return listening(t, container, port: port, proto: proto, mappings: mappings, path: path)
      }
      if t.networkMode == .none {
        return .refused(.networkModeNone(taskId: t.id), path: path)
      }
      if let e = t.eni {
        let ip = external ? e.publicIp : e.privateIp
        guard let ip else { return .refused(.noPublicAddress(target: t.id), path: path) }
        if let r = passGroups(
          ip: ip, external: external, groups: e.securityGroups, proto: proto, port: port,
          srcIp: srcIp, srcCidr: srcCidr, srcGroups: srcGroups, path: &path)
        {
          return .refused(r, path: path)
        }
        return listening(t, container, port: port, proto: proto, mappings: mappings, path: path)
      }
      guard let inst = instance(of: t) else {
        return .refused(.unknownTarget(target), path: path)
      }
      // bridge and host: the instance's address and groups, then the host port.
      let binding = t.containers.flatMap { c in c.bindings.map { (c.name, $0) } }.first { b in
        b.1.protocol == proto && (b.1.hostPort == port || b.1.containerPort == port)
          && (container == nil || container == b.0)
      }
      let hostPort = binding?.1.hostPort ?? port
      let hopResult = reachInstance(
        inst, port: hostPort, proto: proto, external: external, srcIp: srcIp, srcCidr: srcCidr,
        srcGroups: srcGroups, path: path, boundCheck: false)
      guard case .reachable(var through) = hopResult else { return hopResult }
      guard let binding else {
        return .refused(
          .notListening(taskId: t.id, container: container, port: port), path: through)
      }
      if t.networkMode == .bridge {
        through.append(
          .hostPort(
            instanceId: inst.instanceId, hostPort: binding.1.hostPort,
            containerPort: binding.1.containerPort))
      } else {
        through.append(.instancePort(instanceId: inst.instanceId, port: binding.1.hostPort))
      }
      through.append(.container(taskId: t.id, name: binding.0, port: binding.1.containerPort))
      return .reachable(path: through)
    }
  }

  private func isSameTask(_ a: Reachability.Endpoint, _ b: Reachability.Endpoint) -> Bool {
    if case .task(let x, _) = a, case .task(let y, _) = b { return x.id == y.id }
    return false
  }

  /// An instance as the target: its address, its groups, and something bound on the port.
  private func reachInstance(
    _ inst: EC2Instance, port: Int, proto: String, external: Bool, srcIp: String?,
    srcCidr: String?, srcGroups: [String], path: [Reachability.Hop], boundCheck: Bool = true
  ) -> Reachability.Result {
    var path = path
    guard let ip = external ? inst.publicIpAddress : inst.privateIpAddress else {
      return .refused(.noPublicAddress(target: inst.instanceId), path: path)
    }
    if let r = passGroups(
      ip: ip, external: external, groups: inst.securityGroupIds, proto: proto, port: port,
      srcIp: srcIp, srcCidr: srcCidr, srcGroups: srcGroups, path: &path)
    {
      return .refused(r, path: path)
    }
    guard boundCheck else { return .reachable(path: path) }
    for t in workloads.tasks
    where t.ec2InstanceId == inst.instanceId && t.lastStatus == .running && t.eni == nil {
      for c in t.containers {
        for b in c.bindings where b.hostPort == port && b.protocol == proto {
          path.append(
            t.networkMode == .bridge
              ? .hostPort(
                instanceId: inst.instanceId, hostPort: port, containerPort: b.containerPort)
              : .instancePort(instanceId: inst.instanceId, port: port))
          path.append(.container(taskId: t.id, name: c.name, port: b.containerPort))
          return .reachable(path: path)
        }
      }
    }
    return .refused(.nothingBound(instanceId: inst.instanceId, port: port), path: path)
  }

  /// The first container of `t` (or the named one) whose port mappings list `port`.
  private func listening(
    _ t: ECSTask, _ container: String?, port: Int, proto: String,
    mappings: [(String, PortMapping)], path: [Reachability.Hop]
  ) -> Reachability.Result {
    guard
      let m = mappings.first(where: {
        $0.1.containerPort == port && $0.1.protocol == proto
          && (container == nil || container == $0.0)
      })
    else {
      return .refused(.notListening(taskId: t.id, container: container, port: port), path: path)
    }
    return .reachable(path: path + [.container(taskId: t.id, name: m.0, port: port)])
  }

  /// The inbound rule that admits the traffic, or what is missing.
  /// The hops to `ip`, a target guarded by `groups`: its address, the source's outbound rules,
  /// the target's inbound rules. Appends them to `path`; the refusal of the first that refuses.
  private func passGroups(
    ip: String, external: Bool, groups: [String], proto: String, port: Int, srcIp: String?,
    srcCidr: String?, srcGroups: [String], path: inout [Reachability.Hop]
  ) -> Reachability.Refusal? {
    path.append(.address(ip: ip, isPublic: external))
    if let r = egressRefusal(srcGroups, proto: proto, port: port, toIp: ip, toGroups: groups) {
      return r
    }
    switch admit(
      groups, proto: proto, port: port, srcIp: srcIp, srcCidr: srcCidr, srcGroups: srcGroups)
    {
    case .success(let hop):
      path.append(hop)
      return nil
    case .failure(let r): return r.refusal
    }
  }

  func admit(
    _ groupIds: [String], proto: String, port: Int, srcIp: String?, srcCidr: String?,
    srcGroups: [String]
  ) -> Swift.Result<Reachability.Hop, ReachRefusal> {
    for id in groupIds {
      guard let g = securityGroups.first(where: { $0.groupId == id }) else { continue }
      for r in g.ingress where r.covers(protocol: proto, port: port) {
        let byCidr = r.cidrs.contains { c in
          guard let block = CIDR(c) else { return false }
          if let srcCidr, let s = CIDR(srcCidr, bareAddress: true) { return block.contains(s) }
          if let srcIp { return block.contains(srcIp) }
          return false
        }
        if byCidr || r.sourceGroupIds.contains(where: { srcGroups.contains($0) }) {
          return .success(.allowedBy(groupId: id, ruleId: r.ruleId))
        }
      }
    }
    let from = srcCidr ?? srcGroups.first ?? srcIp.map { $0 + "/32" } ?? "?"
    return .failure(
      ReachRefusal(.securityGroup(groupIds: groupIds, protocol: proto, port: port, from: from)))
  }

  /// The source's outbound rules, when the source has groups.
  func egressRefusal(
    _ groupIds: [String], proto: String, port: Int, toIp: String, toGroups: [String]
  ) -> Reachability.Refusal? {
    guard !groupIds.isEmpty else { return nil }
    for id in groupIds {
      guard let g = securityGroups.first(where: { $0.groupId == id }) else { continue }
      for r in g.egress where r.covers(protocol: proto, port: port) {
        if r.cidrs.contains(where: { CIDR($0)?.contains(toIp) == true })
          || r.sourceGroupIds.contains(where: { toGroups.contains($0) })
        {
          return nil
        }
      }
    }
    return .egress(groupIds: groupIds, protocol: proto, port: port, to: toIp)
  }

  /// The task definition's port mappings of a task, by container name.
  public func portMappings(of t: ECSTask) -> [(String, PortMapping)] {
    guard let def = taskDefinitions.first(where: { $0.arn == t.taskDefinitionArn }) else {
      return []
    }
    return def.containers.flatMap { c in c.portMappings.map { (c.name, $0) } }
  }

  func instance(of t: ECSTask) -> EC2Instance? {
    t.ec2InstanceId.flatMap { id in capacity.instances.first { $0.instanceId == id } }
  }

  /// A task by ID, ARN or the first characters of its ID (at least 4), newest first.
  public func task(named name: String) -> ECSTask? {
    let parts = name.split(separator: "/")
    // An ARN ends in the ID; `TASK/container` is not a task name.
    guard parts.count == 1 || name.hasPrefix("arn:") else { return nil }
    let id = parts.last.map(String.init) ?? name
    if let t = workloads.tasks.last(where: { $0.id == id || $0.arn == name }) { return t }
    guard id.count >= 4 else { return nil }
    let matches = workloads.tasks.filter { $0.id.hasPrefix(id) }
    return matches.count == 1 ? matches[0] : nil
  }

  private func endpoint(_ name: String, asSource: Bool) -> Reachability.Endpoint? {
    if name == "internet" { return asSource ? .external(cidr: "0.0.0.0/0") : nil }
    if name.hasPrefix("i-") {
      return capacity.instances.first { $0.instanceId == name && $0.state == .running }.map {
        .instance($0)
      }
    }
    if let block = CIDR(name, bareAddress: true) {
      // An address inside a VPC is a private one; which ENI or instance holds it?
      let ip = name.split(separator: "/").first.map(String.init) ?? name
      if let t = workloads.tasks.last(where: {
        $0.eni?.privateIp == ip || ($0.eni?.publicIp == ip && $0.eni?.publicIp != nil)
      }) {
        return .task(t, container: nil)
      }
      if let i = capacity.instances.first(where: {
        $0.state == .running && ($0.privateIpAddress == ip || $0.publicIpAddress == ip)
      }) {
        return .instance(i)
      }
      guard asSource else { return nil }
      let inVpc = vpcs.contains { CIDR($0.cidrBlock)?.contains(block) == true }
      if inVpc { return block.prefix == 32 ? .vpcAddress(ip: ip) : .vpcRange(cidr: name) }
      return .external(cidr: name)
    }
    if let t = task(named: name), !name.hasSuffix("/") { return .task(t, container: nil) }
    // TASK/container (a task ARN has slashes too: the container is after the last one).
    if let slash = name.lastIndex(of: "/") {
      let taskName = String(name[..<slash])
      let container = String(name[name.index(after: slash)...])
      guard let t = task(named: taskName), t.containers.contains(where: { $0.name == container })
      else { return nil }
      return .task(t, container: container)
    }
    return task(named: name).map { .task($0, container: nil) }
  }
}

/// A refusal carried through `Swift.Result` (which needs an Error).
struct ReachRefusal: Error {
  var refusal: Reachability.Refusal
  init(_ r: Reachability.Refusal) { refusal = r }
}
