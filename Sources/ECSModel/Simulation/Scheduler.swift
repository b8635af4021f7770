/// EC2 placement: which container instance gets a task, and why none does (ecs-facts §7).
///
/// Order of checks as ECS documents it: resources (CPU, memory, ports, ENIs), then constraints,
/// then strategies pick among what is left.
public struct PlacementConstraint: Sendable, Equatable {
  public var type: String
  public var expression: String?
}

public struct PlacementStrategy: Sendable, Equatable {
  public var type: String
  public var field: String?
}

/// What one task needs from an instance.
struct PlacementNeed {
  var cpu: Int
  var memory: Int
  /// Per container: its port mappings (host port nil/0 = dynamic in bridge mode).
  var portMappings: [[PortMapping]]
  var networkMode: NetworkMode
  var group: String
  var constraints: [PlacementConstraint]
  var strategies: [PlacementStrategy]

  /// Host ports that must be free on the instance (static bridge ports; host mode uses the
  /// container port). Dynamic ports always fit: the ephemeral range is wide.
  var staticHostPorts: [(port: Int, udp: Bool)] {
    guard networkMode == .bridge || networkMode == .host else { return [] }
    return portMappings.joined().compactMap { m in
      let host = networkMode == .host ? m.containerPort : (m.hostPort ?? 0)
      return host == 0 ? nil : (host, m.protocol == "udp")
    }
  }
}

/// Why an instance could not take a task; the raw value is the RunTask failure reason.
enum PlacementReason: String, Sendable {
  case cpu = "RESOURCE:CPU"
  case memory = "RESOURCE:MEMORY"
  case ports = "RESOURCE:PORTS"
  case eni = "RESOURCE:ENI"
  case agent = "AGENT"
  case memberOf = "MemberOf placement constraint unsatisfied"
  case distinctInstance = "DistinctInstance placement constraint unsatisfied"
}

/// The state placement reads and updates while it places a batch of tasks. Instances are
/// addressed by index so a placement touches no strings it does not need (10,000 tasks on 1,000
/// instances must settle quickly).
struct PlacementContext {
  var instances: [ContainerInstance]
  /// Parallel to `instances`: what the tasks there hold (ports and counts).
  var usage: [InstanceUsage]
  /// Parallel to `instances`: CPU units, MiB and task ENIs still free; plain integers so a
  /// placement over a thousand instances touches no strings.
  var freeCpu: [Int]
  var freeMemory: [Int]
  var freeENIs: [Int]
  var placeable: [Bool]
  var agentConnected: [Bool]
  /// Parallel to `instances`: the index of each instance's availability zone in `zones`.
  var zoneIndex: [Int]
  var zones: [String]
  /// group -> tasks of that group holding resources on each instance (parallel to `instances`).
  var groupCounts: [String: [Int]]
  /// group -> tasks of that group per zone (parallel to `zones`).
  var groupZoneCounts: [String: [Int]]
  var random: SeededRandom
  /// Restricts placement to these instance indices (StartTask, DAEMON); nil means all.
  var only: [Int]?

  init(world: World, clusterArn: String) {
    instances = world.capacity.containerInstances.filter {
      $0.clusterArn == clusterArn && $0.status != .inactive
    }
    var position: [String: Int] = [:]
    var zoneOf: [String: Int] = [:]
    zones = []
    zoneIndex = []
    for (i, ci) in instances.enumerated() {
      position[ci.arn] = i
      if zoneOf[ci.availabilityZone] == nil {
        zoneOf[ci.availabilityZone] = zones.count
        zones.append(ci.availabilityZone)
      }
      zoneIndex.append(zoneOf[ci.availabilityZone] ?? 0)
    }
    usage = Array(repeating: InstanceUsage(), count: instances.count)
    var counts: [String: [Int]] = [:]
    var zoneCounts: [String: [Int]] = [:]
    for t in world.workloads.tasks where t.holdsResources && t.clusterArn == clusterArn {
      guard let arn = t.containerInstanceArn, let i = position[arn] else { continue }
      usage[i].add(t)
      counts[t.group, default: Array(repeating: 0, count: instances.count)][i] += 1
    }
    for (group, perInstance) in counts {
      var z = Array(repeating: 0, count: zones.count)
      for (i, n) in perInstance.enumerated() where instances[i].status == .active {
        z[zoneIndex[i]] += n
      }
      zoneCounts[group] = z
    }
    groupCounts = counts
    groupZoneCounts = zoneCounts
    freeCpu = zip(instances, usage).map { $0.registeredCpu - $1.cpu }
    freeMemory = zip(instances, usage).map { $0.registeredMemory - $1.memory }
    freeENIs = zip(instances, usage).map { max($0.maxENIs - 1, 0) - $1.enis }
    let active = instances.map { $0.status == .active }
    placeable = active
    placeableIndices = active.indices.filter { active[$0] }
    agentConnected = instances.map(\.agentConnected)
    random = world.random
  }

  /// Indices of ACTIVE instances, computed once.
  var placeableIndices: [Int]

  /// Instances placement may use: ACTIVE (DRAINING ones get no new tasks).
  var eligible: [Int] {
    guard let only else { return placeableIndices }
    return only.filter { placeable[$0] }
  }

  func index(of arn: String) -> Int? { instances.firstIndex { $0.arn == arn } }

  func count(_ group: String, at i: Int) -> Int { groupCounts[group]?[i] ?? 0 }
}

enum PlacementResult {
  case placed(ContainerInstance, bindings: [[NetworkBinding]])
  /// Every instance considered, with the first reason it could not take the task.
  case failed([(instance: ContainerInstance, reason: PlacementReason)])
  /// The cluster has no ACTIVE container instance at all.
  case noInstances
}

enum Scheduler {
  static let dynamicPortRange = ContainerAgent.defaultDynamicPortRange

  static func place(_ need: PlacementNeed, in ctx: inout PlacementContext) -> PlacementResult {
    let candidates = ctx.eligible
    if candidates.isEmpty { return .noInstances }
    let staticPorts = need.staticHostPorts
    let hasDynamicPorts =
      need.networkMode == .bridge
      && need.portMappings.joined().contains { ($0.hostPort ?? 0) == 0 }
    let queries = need.constraints.compactMap { c in
      c.type == "memberOf" ? c.expression.flatMap { try? ClusterQuery.parse($0) } : nil
    }
    let distinct = need.constraints.contains { $0.type == "distinctInstance" }
    let groupCounts = ctx.groupCounts[need.group]
    var fits: [Int] = []
    var rejected: [(Int, PlacementReason)] = []
    for i in candidates {
      let reason: PlacementReason?
      if !ctx.agentConnected[i] {
        reason = .agent
      } else if ctx.freeCpu[i] < need.cpu {
        reason = .cpu
      } else if ctx.freeMemory[i] < need.memory {
        reason = .memory
      } else if need.networkMode == .awsvpc && ctx.freeENIs[i] <= 0 {
        reason = .eni
      } else if !staticPorts.isEmpty
        && (portsTaken(staticPorts, at: i, ctx: ctx) || tooManyPorts(staticPorts, at: i, ctx: ctx))
      {
        reason = .ports
      } else if hasDynamicPorts
        && hostBindings(need, ci: ctx.instances[i], used: ctx.usage[i]) == nil
      {
        reason = .ports  // the instance's dynamic range is used up
      } else if distinct && (groupCounts?[i] ?? 0) > 0 {
        reason = .distinctInstance
      } else if !queries.isEmpty && !queries.allSatisfy({ $0.matches(ctx.instances[i]) }) {
        reason = .memberOf
      } else {
        reason = nil
      }
      if let reason { rejected.append((i, reason)) } else { fits.append(i) }
    }
    guard !fits.isEmpty else {
      return .failed(rejected.map { (ctx.instances[$0.0], $0.1) })
    }
    let chosen = choose(fits, need: need, ctx: &ctx)
    let ci = ctx.instances[chosen]
    let bindings = hostBindings(need, ci: ci, used: ctx.usage[chosen]) ?? []
    ctx.usage[chosen].cpu += need.cpu
    ctx.usage[chosen].memory += need.memory
    ctx.freeCpu[chosen] -= need.cpu
    ctx.freeMemory[chosen] -= need.memory
    if need.networkMode == .awsvpc {
      ctx.usage[chosen].enis += 1
      ctx.freeENIs[chosen] -= 1
    } else {
      for b in bindings.joined() {
        if b.protocol == "udp" {
          ctx.usage[chosen].udpPorts.append(b.hostPort)
        } else {
          ctx.usage[chosen].ports.append(b.hostPort)
        }
      }
    }
    ctx.usage[chosen].pending += 1
    ctx.groupCounts[need.group, default: Array(repeating: 0, count: ctx.instances.count)][chosen] +=
      1
    ctx.groupZoneCounts[need.group, default: Array(repeating: 0, count: ctx.zones.count)][
      ctx.zoneIndex[chosen]] += 1
    return .placed(ci, bindings: bindings)
  }

  static func portsTaken(_ ports: [(port: Int, udp: Bool)], at i: Int, ctx: PlacementContext)
    -> Bool
  {
    for p in ports {
      let taken =
        p.udp ? ctx.usage[i].udpPorts.contains(p.port) : ctx.usage[i].ports.contains(p.port)
      if taken || (!p.udp && ctx.instances[i].reservedPorts.contains(p.port)) { return true }
    }
    return false
  }

  /// Whether `ports` would take the instance past 100 reserved ports (the agent's own included;
  /// dynamic ports do not count), the limit ECS documents for PortMapping.hostPort.
  // UNCONFIRMED: AWS's exact reason; reported here as RESOURCE:PORTS like a taken port.
  static func tooManyPorts(_ ports: [(port: Int, udp: Bool)], at i: Int, ctx: PlacementContext)
    -> Bool
  {
    let ci = ctx.instances[i]
    let held = (ctx.usage[i].ports + ctx.usage[i].udpPorts).filter {
      !ci.dynamicPortRange.contains($0)
    }
    return ci.reservedPorts.count + held.count + ports.count > maxReservedPorts
  }

  /// Reserved ports a container instance may hold at once.
  static let maxReservedPorts = 100

  /// Host ports for each container's mappings on `ci`; nil when a static port is taken.
  static func hostBindings(_ need: PlacementNeed, ci: ContainerInstance, used: InstanceUsage)
    -> [[NetworkBinding]]?
  {
    // Small arrays: a handful of ports per instance, so no hashing per candidate.
    var tcp = used.ports
    var udp = used.udpPorts
    let reserved = ci.reservedPorts
    var out: [[NetworkBinding]] = []
    for mappings in need.portMappings {
      var bindings: [NetworkBinding] = []
      for m in mappings {
        let isUDP = m.protocol == "udp"
        switch need.networkMode {
        case .awsvpc:
          bindings.append(
            NetworkBinding(
              containerPort: m.containerPort, hostPort: m.containerPort, protocol: m.protocol))
          continue
        case .none:
          continue
        default: break
        }
        var host = m.hostPort ?? 0
        if need.networkMode == .host { host = m.containerPort }
        if host == 0 {
          // Dynamic: the lowest free port of the ephemeral range, so runs are repeatable.
          var p = ci.dynamicPortRange.lowerBound
          while p <= ci.dynamicPortRange.upperBound
            && ((isUDP ? udp : tcp).contains(p) || reserved.contains(p))
          {
            p += 1
          }
          guard p <= ci.dynamicPortRange.upperBound else { return nil }
          host = p
        } else {
          if (isUDP ? udp : tcp).contains(host) || (!isUDP && reserved.contains(host)) {
            return nil
          }
        }
        if isUDP { udp.append(host) } else { tcp.append(host) }
        bindings.append(
          NetworkBinding(containerPort: m.containerPort, hostPort: host, protocol: m.protocol))
      }
      out.append(bindings)
    }
    return out
  }

  static func choose(_ fits: [Int], need: PlacementNeed, ctx: inout PlacementContext) -> Int {
    var pool = fits
    let counts = ctx.groupCounts[need.group]
    for s in need.strategies where pool.count > 1 {
      switch s.type {
      case "binpack":
        let free = s.field == "memory" ? ctx.freeMemory : ctx.freeCpu
        let best = pool.map { free[$0] }.min() ?? 0
        pool = pool.filter { free[$0] == best }
      case "spread":
        let field = s.field ?? "instanceId"
        if field == "instanceId" || field == "host" {
          guard let counts else { break }
          let best = pool.map { counts[$0] }.min() ?? 0
          pool = pool.filter { counts[$0] == best }
        } else if field == "attribute:ecs.availability-zone" {
          guard let zoneCounts = ctx.groupZoneCounts[need.group] else { break }
          let zone = ctx.zoneIndex
          let best = pool.map { zoneCounts[zone[$0]] }.min() ?? 0
          pool = pool.filter { zoneCounts[zone[$0]] == best }
        } else {
          let attr = field.hasPrefix("attribute:") ? String(field.dropFirst(10)) : field
          let instances = ctx.instances
          let value: (Int) -> String = { ClusterQuery.attribute(attr, of: instances[$0]) ?? "" }
          var perValue: [String: Int] = [:]
          if let counts {
            for (i, n) in counts.enumerated() where n > 0 && ctx.placeable[i] {
              perValue[value(i), default: 0] += n
            }
          }
          let score = pool.map { perValue[value($0)] ?? 0 }
          let best = score.min() ?? 0
          pool = zip(pool, score).filter { $0.1 == best }.map(\.0)
        }
      case "random":
        pool = [pool[ctx.random.int(in: 0...(pool.count - 1))]]
      default: break
      }
    }
    return pool[0]
  }
}

/// Chooses the subnet of each Fargate task's ENI: the AZ with the fewest tasks of its group, so
/// Fargate spreads across AZs on its own (ecs-facts §2).
struct FargateSpread {
  var perAZ: [String: Int] = [:]

  init() {}

  /// Counts the group's live tasks once; `pick` keeps the counts up to date.
  init(world: World, group: String) {
    for t in world.workloads.tasks where t.group == group && t.isLive {
      perAZ[t.availabilityZone, default: 0] += 1
    }
  }

  mutating func pick(_ subnets: [Subnet]) -> Subnet? {
    guard var best = subnets.first else { return nil }
    for s in subnets where (perAZ[s.availabilityZone] ?? 0) < (perAZ[best.availabilityZone] ?? 0) {
      best = s
    }
    perAZ[best.availabilityZone, default: 0] += 1
    return best
  }
}

/// The cluster query language of `memberOf` constraints (a practical subset):
/// `attribute:NAME OP VALUE` and `ec2InstanceId OP VALUE` terms joined by `and` / `or`, with
/// OP one of `==`, `!=`, `=~` (wildcard `*`), `!~`, `in [a, b]`, `not_in [a, b]`, `exists`, `!exists`.
///
/// ```swift
/// let q = try ClusterQuery.parse("attribute:ecs.instance-type =~ t3.*")
/// ```
public struct ClusterQuery: Sendable, Equatable {
  struct Term: Sendable, Equatable {
    var lhs: String
    var op: String
    var values: [String]
  }
  /// Disjunction of conjunctions.
  var clauses: [[Term]]

  public struct ParseError: Error, Equatable { public var message: String }

  public static func parse(_ text: String) throws(ParseError) -> ClusterQuery {
    var clauses: [[Term]] = []
    for orPart in split(text, by: " or ") {
      var terms: [Term] = []
      for part in split(orPart, by: " and ") {
        terms.append(try term(part.trimmingCharacters()))
      }
      clauses.append(terms)
    }
    return ClusterQuery(clauses: clauses)
  }

  /// Splits on `sep` (lowercase ASCII), ignoring case in `text`.
  static func split(_ text: String, by sep: String) -> [String] {
    let chars = Array(text)
    let pattern = Array(sep)
    var parts: [String] = []
    var start = 0
    var i = 0
    while i + pattern.count <= chars.count {
      var hit = true
      for j in 0..<pattern.count where chars[i + j].lowercased() != String(pattern[j]) {
        hit = false
        break
      }
      if hit {
        parts.append(String(chars[start..<i]))
        i += pattern.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(String(chars[start...]))
    return parts
  }

  static func term(_ text: String) throws(ParseError) -> Term {
    let tokens = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(
      String.init)
    guard tokens.count >= 2 else { throw ParseError(message: text) }
    let lhs = tokens[0]
    let op = tokens[1]
    guard lhs.hasPrefix("attribute:") || lhs == "ec2InstanceId" || lhs == "agentConnected"
    else { throw ParseError(message: text) }
    switch op {
    case "exists", "!exists":
      return Term(lhs: lhs, op: op, values: [])
    case "==", "!=", "=~", "!~":
      guard tokens.count == 3 else { throw ParseError(message: text) }
      return Term(lhs: lhs, op: op, values: [tokens[2]])
    case "in", "not_in":
      guard tokens.count == 3 else { throw ParseError(message: text) }
      var list = tokens[2]
      guard list.hasPrefix("["), list.hasSuffix("]") else { throw ParseError(message: text) }
      list = String(list.dropFirst().dropLast())
      let values = list.split(separator: ",").map { String($0).trimmingCharacters() }
      return Term(lhs: lhs, op: op, values: values)
    default:
      throw ParseError(message: text)
    }
  }

  /// A built-in or custom attribute of a container instance.
  static func attribute(_ name: String, of ci: ContainerInstance) -> String? {
    switch name {
    case "ecs.instance-type": return ci.instanceType
    case "ecs.availability-zone": return ci.availabilityZone
    case "ecs.os-type": return ci.attributes[name] ?? "linux"
    default: return ci.attributes[name]
    }
  }

  func matches(_ ci: ContainerInstance) -> Bool {
    clauses.contains { terms in terms.allSatisfy { Self.eval($0, ci) } }
  }

  static func eval(_ t: Term, _ ci: ContainerInstance) -> Bool {
    let value: String?
    if t.lhs == "ec2InstanceId" {
      value = ci.ec2InstanceId
    } else if t.lhs == "agentConnected" {
      value = ci.agentConnected ? "true" : "false"
    } else {
      value = attribute(String(t.lhs.dropFirst(10)), of: ci)
    }
    switch t.op {
    case "exists": return value != nil
    case "!exists": return value == nil
    case "==": return value == t.values.first
    case "!=": return value != t.values.first
    case "=~": return value.map { wildcard($0, t.values.first ?? "") } ?? false
    case "!~": return !(value.map { wildcard($0, t.values.first ?? "") } ?? false)
    case "in": return value.map { t.values.contains($0) } ?? false
    case "not_in": return !(value.map { t.values.contains($0) } ?? false)
    default: return false
    }
  }

  /// `*` matches any run of characters (the shared EC2-filter matcher, which also reads `?`).
  static func wildcard(_ s: String, _ pattern: String) -> Bool { wildcardMatch(pattern, s) }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
