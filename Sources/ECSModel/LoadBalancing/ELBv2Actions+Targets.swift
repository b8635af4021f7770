/// elbv2 targets: register, deregister and their health as the load balancer reports it.
extension ELBv2Actions {
  static let targetTable: [String: ActionHandler] = [
    "RegisterTargets": registerTargets,
    "DeregisterTargets": deregisterTargets,
    "DescribeTargetHealth": describeTargetHealth,
  ]

  static let invalidTarget = AWSError(
    "InvalidTarget",
    "The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type."
  )

  static func targets(_ req: Request, defaultPort: Int?) throws(AWSError) -> [(String, Int)] {
    var out: [(String, Int)] = []
    for t in req.array("Targets") ?? [] {
      let id = t["Id"]?.stringValue ?? ""
      guard let port = t["Port"]?.intValue ?? defaultPort else {
        throw validation("A port must be specified")  // UNCONFIRMED
      }
      out.append((id, port))
    }
    return out
  }

  static func registerTargets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let g = try tgIndex(world, req)
    let tg = world.elb.targetGroups[g]
    for (id, port) in try targets(req, defaultPort: tg.port) {
      let zone = try world.checkTarget(id, in: tg)
      world.registerTarget(group: g, id: id, port: port, zone: zone, taskId: nil)
    }
    return .object([])
  }

  static func deregisterTargets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let g = try tgIndex(world, req)
    let tg = world.elb.targetGroups[g]
    let wanted = try targets(req, defaultPort: tg.port)
    for (id, port) in wanted
    where !tg.targets.contains(where: { $0.id == id && $0.port == port }) {
      _ = port
      throw AWSError(
        "InvalidTarget",
        "The target with ID '\(id)' is not registered with the target group")  // UNCONFIRMED
    }
    for (id, port) in wanted { world.deregisterTarget(group: g, id: id, port: port) }
    return .object([])
  }

  static func describeTargetHealth(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let g = try tgIndex(world, req)
    let tg = world.elb.targetGroups[g]
    guard req.has("Targets") else {
      return [
        "TargetHealthDescriptions": .array(tg.targets.map { world.targetHealthDocument(tg, $0) })
      ]
    }
    var out: [JSONValue] = []
    for t in req.array("Targets") ?? [] {
      let id = t["Id"]?.stringValue ?? ""
      let port = t["Port"]?.intValue
      let found = tg.targets.filter { $0.id == id && (port == nil || $0.port == port) }
      if found.isEmpty {
        if id.hasPrefix("i-"), !world.capacity.instances.contains(where: { $0.instanceId == id }) {
          throw AWSError("InvalidTarget", invalidTarget.message)
        }
        var missing = RegisteredTarget(
          id: id, port: port ?? tg.port ?? 0, registeredAt: world.clock.nowMillis)
        missing.state = "unused"
        missing.reason = "Target.NotRegistered"
        missing.description = "Target is not registered to the target group"
        out.append(world.targetHealthDocument(tg, missing))
      } else {
        out += found.map { world.targetHealthDocument(tg, $0) }
      }
    }
    return ["TargetHealthDescriptions": .array(out)]
  }
}

extension World {
  /// Whether `id` can be a target of `tg`: a running instance in its VPC, or a private address
  /// inside the VPC. Returns the target's zone when known.
  func checkTarget(_ id: String, in tg: TargetGroup) throws(AWSError) -> String? {
    if tg.targetType == "instance" {
      guard let inst = capacity.instances.first(where: { $0.instanceId == id }),
        subnets.first(where: { $0.subnetId == inst.subnetId })?.vpcId == tg.vpcId
      else { throw ELBv2Actions.invalidTarget }
      guard inst.state == .running else {
        throw AWSError(
          "InvalidTarget",
          "The following targets are not in a running state and cannot be registered: '\(id)'")
      }
      return inst.availabilityZone
    }
    guard tg.targetType == "ip", let vpc = vpcs.first(where: { $0.vpcId == tg.vpcId }),
      CIDR(vpc.cidrBlock)?.contains(id) == true
    else {
      throw ELBv2Actions.invalidTarget
    }
    return subnets.first { $0.vpcId == vpc.vpcId && CIDR($0.cidrBlock)?.contains(id) == true }?
      .availabilityZone
  }

  /// Adds a target (or takes a draining one back) in its first state.
  mutating func registerTarget(group g: Int, id: String, port: Int, zone: String?, taskId: String?)
  {
    let now = clock.nowMillis
    var t = RegisteredTarget(id: id, port: port, availabilityZone: zone, registeredAt: now)
    t.taskId = taskId
    let used = !loadBalancerArns(using: elb.targetGroups[g].arn).isEmpty
    if used {
      t.nextCheckAt = now + TargetHealth.registrationMillis
    } else {
      t.state = "unused"
      t.reason = "Target.NotInUse"
      t.description = "Target group is not configured to receive traffic from the load balancer"
    }
    if let k = elb.targetGroups[g].targets.firstIndex(where: { $0.id == id && $0.port == port }) {
      if elb.targetGroups[g].targets[k].state == "draining" { elb.targetGroups[g].targets[k] = t }
    } else {
      elb.targetGroups[g].targets.append(t)
    }
  }

  /// Starts draining a target for the group's deregistration delay (gone at once when the group
  /// serves no load balancer).
  mutating func deregisterTarget(group g: Int, id: String, port: Int) {
    guard
      let k = elb.targetGroups[g].targets.firstIndex(where: { $0.id == id && $0.port == port }),
      elb.targetGroups[g].targets[k].state != "draining"
    else { return }
    if loadBalancerArns(using: elb.targetGroups[g].arn).isEmpty {
      elb.targetGroups[g].targets.remove(at: k)
      return
    }
    var t = elb.targetGroups[g].targets[k]
    t.state = "draining"
    t.reason = "Target.DeregistrationInProgress"
    t.description = "Target deregistration is in progress"
    t.nextCheckAt = nil
    t.drainEndsAt = clock.nowMillis + Int64(elb.targetGroups[g].deregistrationDelay) * 1000
    elb.targetGroups[g].targets[k] = t
  }

  /// A changed health check runs soon on every target of the group.
  mutating func recheckSoon(group g: Int) {
    let now = clock.nowMillis
    for k in elb.targetGroups[g].targets.indices
    where elb.targetGroups[g].targets[k].nextCheckAt != nil {
      elb.targetGroups[g].targets[k].nextCheckAt = now + TargetHealth.registrationMillis
    }
  }
}
