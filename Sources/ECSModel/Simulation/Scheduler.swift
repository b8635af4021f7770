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
  var networkMode: String
  var group: String
  var constraints: [PlacementConstraint]
  var strategies: [PlacementStrategy]
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

/// The state placement reads and updates while it places a batch of tasks.
struct PlacementContext {
  var instances: [ContainerInstance]
  var usage: [String: InstanceUsage]
  /// group -> instance ARN -> tasks of that group holding resources there.
  var groupCounts: [String: [String: Int]]
  var random: SeededRandom

  init(world: World, clusterArn: String) {
    instances = world.capacity.containerInstances.filter {
      $0.clusterArn == clusterArn && $0.status != "INACTIVE"
    }
    usage = world.usageByInstance()
    var counts: [String: [String: Int]] = [:]
    for t in world.workloads.tasks where t.holdsResources && t.clusterArn == clusterArn {
      if let ci = t.containerInstanceArn { counts[t.group, default: [:]][ci, default: 0] += 1 }
    }
    groupCounts = counts
    random = world.random
  }

  /// Instances placement may use: ACTIVE with a connected agent (DRAINING ones get no new tasks).
  var eligible: [ContainerInstance] { instances.filter { $0.status == "ACTIVE" } }
}

enum PlacementResult {
  case placed(ContainerInstance, bindings: [[NetworkBinding]])
  /// Every instance considered, with the first reason it could not take the task.
  case failed([(instance: ContainerInstance, reason: PlacementReason)])
  /// The cluster has no ACTIVE container instance at all.
  case noInstances
}

enum Scheduler {
  static let dynamicPortRange = 32768...61000

  static func place(_ need: PlacementNeed, in ctx: inout PlacementContext) -> PlacementResult {
    let candidates = ctx.eligible
    if candidates.isEmpty { return .noInstances }
    var fits: [(ContainerInstance, [[NetworkBinding]])] = []
    var rejected: [(instance: ContainerInstance, reason: PlacementReason)] = []
    for ci in candidates {
      let used = ctx.usage[ci.arn] ?? InstanceUsage()
      if !ci.agentConnected {
        rejected.append((ci, .agent))
        continue
      }
      if ci.registeredCpu - used.cpu < need.cpu {
        rejected.append((ci, .cpu))
        continue
      }
      if ci.registeredMemory - used.memory < need.memory {
        rejected.append((ci, .memory))
        continue
      }
      if need.networkMode == "awsvpc" && used.enis >= max(ci.maxENIs - 1, 0) {
        rejected.append((ci, .eni))
        continue
      }
      guard let bindings = hostBindings(need, ci: ci, used: used) else {
        rejected.append((ci, .ports))
        continue
      }
      if let reason = constraintFailure(need, ci: ci, ctx: ctx) {
        rejected.append((ci, reason))
        continue
      }
      fits.append((ci, bindings))
    }
    guard !fits.isEmpty else { return .failed(rejected) }
    let chosen = choose(fits, need: need, ctx: &ctx)
    var u = ctx.usage[chosen.0.arn] ?? InstanceUsage()
    u.cpu += need.cpu
    u.memory += need.memory
    if need.networkMode == "awsvpc" {
      u.enis += 1
    } else {
      for b in chosen.1.joined() {
        if b.protocol == "udp" { u.udpPorts.append(b.hostPort) } else { u.ports.append(b.hostPort) }
      }
    }
    u.pending += 1
    ctx.usage[chosen.0.arn] = u
    ctx.groupCounts[need.group, default: [:]][chosen.0.arn, default: 0] += 1
    return .placed(chosen.0, bindings: chosen.1)
  }

  /// Host ports for each container's mappings on `ci`; nil when a static port is taken.
  static func hostBindings(_ need: PlacementNeed, ci: ContainerInstance, used: InstanceUsage)
    -> [[NetworkBinding]]?
  {
    var tcp = Set(used.ports)
    var udp = Set(used.udpPorts)
    let reserved = Set(ci.reservedPorts)
    var out: [[NetworkBinding]] = []
    for mappings in need.portMappings {
      var bindings: [NetworkBinding] = []
      for m in mappings {
        let isUDP = m.protocol == "udp"
        switch need.networkMode {
        case "awsvpc":
          bindings.append(
            NetworkBinding(
              containerPort: m.containerPort, hostPort: m.containerPort, protocol: m.protocol))
          continue
        case "none":
          continue
        default: break
        }
        var host = m.hostPort ?? 0
        if need.networkMode == "host" { host = m.containerPort }
        if host == 0 {
          // Dynamic: the lowest free port of the ephemeral range, so runs are repeatable.
          var p = dynamicPortRange.lowerBound
          while p <= dynamicPortRange.upperBound
            && ((isUDP ? udp : tcp).contains(p) || reserved.contains(p))
          {
            p += 1
          }
          guard p <= dynamicPortRange.upperBound else { return nil }
          host = p
        } else {
          if (isUDP ? udp : tcp).contains(host) || (!isUDP && reserved.contains(host)) {
            return nil
          }
        }
        if isUDP { udp.insert(host) } else { tcp.insert(host) }
        bindings.append(
          NetworkBinding(containerPort: m.containerPort, hostPort: host, protocol: m.protocol))
      }
      out.append(bindings)
    }
    return out
  }

  static func constraintFailure(_ need: PlacementNeed, ci: ContainerInstance, ctx: PlacementContext)
    -> PlacementReason?
  {
    for c in need.constraints {
      switch c.type {
      case "distinctInstance":
        if (ctx.groupCounts[need.group]?[ci.arn] ?? 0) > 0 { return .distinctInstance }
      case "memberOf":
        if let e = c.expression, let q = try? ClusterQuery.parse(e), !q.matches(ci) {
          return .memberOf
        }
      default: break
      }
    }
    return nil
  }

  static func choose(
    _ fits: [(ContainerInstance, [[NetworkBinding]])], need: PlacementNeed,
    ctx: inout PlacementContext
  ) -> (ContainerInstance, [[NetworkBinding]]) {
    var pool = fits
    for s in need.strategies where pool.count > 1 {
      switch s.type {
      case "binpack":
        let usage = ctx.usage
        let key: (ContainerInstance) -> Int = { ci in
          let u = usage[ci.arn] ?? InstanceUsage()
          return s.field == "memory" ? ci.registeredMemory - u.memory : ci.registeredCpu - u.cpu
        }
        let best = pool.map { key($0.0) }.min() ?? 0
        pool = pool.filter { key($0.0) == best }
      case "spread":
        let field = s.field ?? "instanceId"
        let counts = ctx.groupCounts[need.group] ?? [:]
        if field == "instanceId" || field == "host" {
          let best = pool.map { counts[$0.0.arn] ?? 0 }.min() ?? 0
          pool = pool.filter { (counts[$0.0.arn] ?? 0) == best }
        } else {
          let attr = field.hasPrefix("attribute:") ? String(field.dropFirst(10)) : field
          var perValue: [String: Int] = [:]
          for ci in ctx.instances where ci.status == "ACTIVE" {
            let v = ClusterQuery.attribute(attr, of: ci) ?? ""
            perValue[v, default: 0] += counts[ci.arn] ?? 0
          }
          let value: (ContainerInstance) -> Int = {
            perValue[ClusterQuery.attribute(attr, of: $0) ?? ""] ?? 0
          }
          let best = pool.map { value($0.0) }.min() ?? 0
          pool = pool.filter { value($0.0) == best }
        }
      case "random":
        let i = ctx.random.int(in: 0...(pool.count - 1))
        pool = [pool[i]]
      default: break
      }
    }
    return pool[0]
  }

  /// The subnet a Fargate (or awsvpc) task's ENI goes into: the AZ with fewest tasks of its group.
  static func fargateSubnet(_ subnets: [Subnet], group: String, world: World) -> Subnet? {
    guard let first = subnets.first else { return nil }
    var perAZ: [String: Int] = [:]
    for t in world.workloads.tasks where t.group == group && t.isLive {
      perAZ[t.availabilityZone, default: 0] += 1
    }
    var best = first
    for s in subnets where (perAZ[s.availabilityZone] ?? 0) < (perAZ[best.availabilityZone] ?? 0) {
      best = s
    }
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

  /// `*` matches any run of characters.
  static func wildcard(_ s: String, _ pattern: String) -> Bool {
    let text = Array(s)
    let pat = Array(pattern)
    // Classic greedy matcher with backtracking to the last star.
    var i = 0
    var j = 0
    var star = -1
    var mark = 0
    while i < text.count {
      if j < pat.count && pat[j] != "*" && pat[j] == text[i] {
        i += 1
        j += 1
      } else if j < pat.count && pat[j] == "*" {
        star = j
        mark = i
        j += 1
      } else if star >= 0 {
        j = star + 1
        mark += 1
        i = mark
      } else {
        return false
      }
    }
    while j < pat.count && pat[j] == "*" { j += 1 }
    return j == pat.count
  }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
