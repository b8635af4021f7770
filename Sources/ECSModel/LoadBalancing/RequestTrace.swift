/// One HTTP request through a load balancer, hop by hop: the client, the listener, the rule
/// that matched, the target group, the target and the container — or the hop where it breaks
/// and why. `curl` prints the response, `trace` the hops; lesson `request:` probes read both.
public struct RequestTrace: Sendable, Equatable {
  /// One hop the request passed.
  public enum Hop: Sendable, Equatable {
    /// The client and the load balancer its DNS name resolved to.
    case client(source: String, loadBalancer: String, scheme: String)
    /// The listener, and the security group rule of the load balancer that let the client in.
    case listener(protocol: String, port: Int, groupId: String?, ruleId: String?)
    /// The rule that matched: nil priority for the default rule; `matched` says by what.
    case rule(priority: Int?, matched: String)
    /// The target group chosen (with its weight when the action splits traffic).
    case targetGroup(name: String, protocol: String, port: Int, type: String, weight: String?)
    /// The target chosen; `failOpen` when every target is unhealthy and the ALB uses them all.
    case target(id: String, port: Int, state: String, failOpen: Bool)
    /// The container that answered.
    case container(taskId: String, name: String, port: Int)
  }

  /// Where and why the request did not reach a container.
  public enum Break: Sendable, Equatable {
    /// No load balancer has that DNS name (a typo, or a deleted load balancer).
    case unresolvable(host: String)
    case provisioning(loadBalancer: String)
    /// An internal load balancer's name resolves to private addresses.
    case internalScheme(loadBalancer: String)
    /// The load balancer's security groups do not let the client in on the listener port.
    case clientRefused(Reachability.Refusal)
    /// No listener on that port (the ports that exist).
    case noListener(port: Int, ports: [Int])
    /// The matching rule (or the default) answers itself.
    case fixedResponse(status: Int)
    case redirect(status: Int, location: String)
    /// The target group has no target to send to (how many are still in their first checks,
    /// and how many are draining).
    case noTargets(targetGroup: String, initial: Int, draining: Int)
    /// The target group sits in another VPC than the load balancer.
    case otherVpc(targetGroup: String, vpcId: String)
    /// The target did not answer: a security group dropped the packets.
    case timedOut(Reachability.Refusal)
    /// The target refused the connection: nothing listens on the port.
    case refused(Reachability.Refusal)
    /// The container answered with a status the learner may not expect (not a break).
    case none
  }

  public var hops: [Hop] = []
  public var stop: Break = .none
  /// The HTTP status the client gets (0 when no HTTP answer came: DNS, connection failure).
  public var status: Int = 0
  public var body: String = ""
  public var headers: [(String, String)] = []
  /// The load balancer's DNS name (the `Host` by default).
  public var host: String = ""

  public static func == (a: RequestTrace, b: RequestTrace) -> Bool {
    a.hops == b.hops && a.stop == b.stop && a.status == b.status && a.body == b.body
      && a.headers.map(\.0) == b.headers.map(\.0) && a.headers.map(\.1) == b.headers.map(\.1)
  }

  /// The container that answered, if any.
  public var container: String? {
    for h in hops.reversed() { if case .container(_, let name, _) = h { return name } }
    return nil
  }
}

/// An HTTP request as `curl` takes it.
public struct HTTPRequest: Sendable, Equatable {
  public var url: String
  public var method: String = "GET"
  public var headers: [String: String] = [:]
  /// `internet`, or a task / instance inside the VPC.
  public var from: String = "internet"

  public init(
    url: String, method: String = "GET", headers: [String: String] = [:], from: String = "internet"
  ) {
    self.url = url
    self.method = method
    self.headers = headers
    self.from = from
  }
}

extension World {
  /// The address the internet client sends from (documentation range, RFC 5737).
  static let internetClientIp = "203.0.113.10"

  /// Sends `request` through the load balancer its URL names (`curl`, `trace`): follows it as
  /// `trace` does, as that load balancer's next request, and counts it, so that the requests
  /// after it take their turns in a weighted forward action.
  public mutating func send(_ request: HTTPRequest) -> RequestTrace {
    let t = trace(request)
    if let lb = elb.loadBalancers.first(where: { $0.dnsName == t.host }) {
      elb.requestCounts[lb.arn, default: 0] += 1
    }
    return t
  }

  /// The target group (index) of request number `n` (from 0) of a forward action with
  /// `weights`: smooth weighted round-robin (nginx's), so that 90/10 sends one of every 10
  /// requests to the second group and 50/50 alternates. Deterministic; groups of weight 0 get
  /// nothing; nil when there is no group.
  ///
  /// ```swift
  /// (0..<10).map { World.weightedPick([90, 10], request: $0)! }  // [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
  /// ```
  public static func weightedPick(_ weights: [Int], request n: Int) -> Int? {
    guard !weights.isEmpty else { return nil }
    let total = weights.reduce(0, +)
    guard total > 0 else { return 0 }
    var current = Array(repeating: 0, count: weights.count)
    var pick = 0
    // The sequence repeats every `total` requests.
    for _ in 0...(max(0, n) % total) {
      pick = 0
      for i in weights.indices {
        current[i] += weights[i]
        if current[i] > current[pick] { pick = i }
      }
      current[pick] -= total
    }
    return pick
  }

  /// Follows `request` through the load balancer its URL names, as that load balancer's next
  /// request (which target group a weighted forward picks); changes nothing.
  public func trace(_ request: HTTPRequest) -> RequestTrace {
    var out = RequestTrace()
    // Parse scheme://host[:port]/path?query.
    var rest = request.url
    var scheme = "http"
    if let r = rest.firstRange(of: "://") {
      scheme = String(rest[..<r.lowerBound]).lowercased()
      rest = String(rest[r.upperBound...])
    }
    let hostPort = String(rest.prefix { $0 != "/" && $0 != "?" })
    var path = String(rest.dropFirst(hostPort.count))
    if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
    var host = hostPort
    var port = scheme == "https" ? 443 : 80
    if let colon = hostPort.lastIndex(of: ":"),
      let p = Int(hostPort[hostPort.index(after: colon)...])
    {
      host = String(hostPort[..<colon])
      port = p
    }
    out.host = host
    let query =
      path.contains("?") ? String(path.split(separator: "?", maxSplits: 1).last ?? "") : ""
    let barePath = String(path.prefix { $0 != "?" })
    guard
      let lb = elb.loadBalancers.first(where: {
        $0.dnsName.lowercased() == host.lowercased() || $0.name == host
      })
    else {
      out.stop = .unresolvable(host: host)
      return out
    }
    out.host = lb.dnsName
    let fromInternet = request.from == "internet"
    out.hops.append(.client(source: request.from, loadBalancer: lb.name, scheme: lb.scheme))
    if clock.nowMillis < lb.activeAt {
      out.stop = .provisioning(loadBalancer: lb.name)
      return out
    }
    if fromInternet && lb.scheme == "internal" {
      out.stop = .internalScheme(loadBalancer: lb.name)
      return out
    }
    // The client's address and groups.
    var srcIp: String? = fromInternet ? World.internetClientIp : nil
    var srcGroups: [String] = []
    if !fromInternet {
      if let t = task(named: request.from) {
        if let e = t.eni {
          srcIp = e.privateIp
          srcGroups = e.securityGroups
        } else if let i = instance(of: t) {
          srcIp = i.privateIpAddress
          srcGroups = i.securityGroupIds
        }
      } else if let i = capacity.instances.first(where: { $0.instanceId == request.from }) {
        srcIp = i.privateIpAddress
        srcGroups = i.securityGroupIds
      } else {
        srcIp = request.from
      }
    }
    // The load balancer's security groups on the listener port (an NLB without groups lets all in).
    var groupId: String?
    var ruleId: String?
    if !lb.securityGroups.isEmpty {
      switch admit(
        lb.securityGroups, proto: "tcp", port: port, srcIp: fromInternet ? nil : srcIp,
        srcCidr: fromInternet ? "0.0.0.0/0" : nil, srcGroups: srcGroups)
      {
      case .success(.allowedBy(let g, let r)):
        groupId = g
        ruleId = r
      case .success: break
      case .failure(let r):
        out.stop = .clientRefused(r.refusal)
        return out
      }
    }
    guard
      let listener = elb.listeners.first(where: { $0.loadBalancerArn == lb.arn && $0.port == port })
    else {
      out.stop = .noListener(
        port: port,
        ports: elb.listeners.filter { $0.loadBalancerArn == lb.arn }.map(\.port).sorted())
      return out
    }
    out.hops.append(
      .listener(protocol: listener.protocol, port: port, groupId: groupId, ruleId: ruleId))
    // Rules by priority, then the default.
    var headers: [String: String] = [:]
    for (k, v) in request.headers { headers[k.lowercased()] = v }
    let hostHeader = headers["host"] ?? host
    var actions = listener.defaultActions
    var matchedRule: (Int?, String) = (nil, "")
    for rule in listener.rules.sorted(by: { $0.priority < $1.priority }) {
      if let why = matches(
        rule.conditions, path: barePath, query: query, host: hostHeader, method: request.method,
        headers: headers, sourceIp: srcIp ?? "")
      {
        actions = rule.actions
        matchedRule = (rule.priority, why)
        break
      }
    }
    out.hops.append(.rule(priority: matchedRule.0, matched: matchedRule.1))
    guard let action = actions.first(where: { $0.type != "forward" }) ?? actions.first else {
      return out
    }
    switch action.type {
    case "fixed-response":
      let status = Int(action.config["StatusCode"]?.stringValue ?? "") ?? 200
      out.status = status
      out.body = action.config["MessageBody"]?.stringValue ?? ""
      out.headers = [
        ("Content-Type", action.config["ContentType"]?.stringValue ?? "text/plain; charset=utf-8")
      ]
      out.stop = .fixedResponse(status: status)
      return out
    case "redirect":
      let c = action.config
      func part(_ key: String, _ current: String) -> String {
        (c[key]?.stringValue ?? "#{\(key.lowercased())}")
          .replacing("#{protocol}", with: scheme)
          .replacing("#{host}", with: host)
          .replacing("#{port}", with: String(port))
          .replacing("#{path}", with: barePath)
          .replacing("#{query}", with: query)
          .replacing("#{\(key.lowercased())}", with: current)
      }
      let proto = part("Protocol", scheme.uppercased()).lowercased()
      let toPort = part("Port", String(port))
      let defaultPort = proto == "https" ? "443" : "80"
      let q = part("Query", query)
      let location =
        "\(proto)://\(part("Host", host))\(toPort == defaultPort ? "" : ":" + toPort)\(part("Path", barePath))"
        + (q.isEmpty ? "" : "?" + q)
      let status = c["StatusCode"]?.stringValue == "HTTP_301" ? 301 : 302
      out.status = status
      out.headers = [("Location", location)]
      out.stop = .redirect(status: status, location: location)
      return out
    default: break
    }
    // Forward: weighted round-robin over the target groups by the load balancer's request
    // count (`trace` shows the weights).
    let total = action.targetGroups.reduce(0) { $0 + $1.weight }
    guard
      let index = World.weightedPick(
        action.targetGroups.map(\.weight), request: elb.requestCounts[lb.arn] ?? 0),
      case let pick = action.targetGroups[index],
      let tg = targetGroup(arn: pick.arn)
    else { return out }
    let weight =
      action.targetGroups.count > 1 ? "\(pick.weight)/\(total)" : nil
    out.hops.append(
      .targetGroup(
        name: tg.name, protocol: tg.protocol ?? "", port: tg.port ?? 0, type: tg.targetType,
        weight: weight))
    if tg.vpcId != lb.vpcId {
      out.stop = .otherVpc(targetGroup: tg.name, vpcId: tg.vpcId ?? "")
      out.status = 502
      out.body = World.albErrorPage(502)
      return out
    }
    let candidates = tg.targets.filter { ["healthy", "initial", "unhealthy"].contains($0.state) }
    let healthy = candidates.filter { $0.state == "healthy" }
    let unhealthy = candidates.filter { $0.state == "unhealthy" }
    // Fail open: when every target is unhealthy, the ALB sends to all of them.
    let failOpen = healthy.isEmpty && !unhealthy.isEmpty
    guard let target = healthy.first ?? (failOpen ? unhealthy.first : nil) else {
      out.stop = .noTargets(
        targetGroup: tg.name, initial: tg.targets.filter { $0.state == "initial" }.count,
        draining: tg.targets.filter { $0.state == "draining" }.count)
      out.status = 503
      out.body = World.albErrorPage(503)
      return out
    }
    out.hops.append(
      .target(id: target.id, port: target.port, state: target.state, failOpen: failOpen))
    switch probe(from: lb, target: target, type: tg.targetType, port: target.port, path: path) {
    case .answered(let status, let body, let taskId, let container, let containerPort):
      out.hops.append(.container(taskId: taskId, name: container, port: containerPort))
      out.status = status
      out.body = body
      out.headers = [("Content-Type", "text/html")]
    case .timedOut(let r):
      out.stop = .timedOut(r)
      out.status = 504
      out.body = World.albErrorPage(504)
    case .refused(let r):
      out.stop = .refused(r)
      out.status = 502
      out.body = World.albErrorPage(502)
    }
    return out
  }

  /// The page an ALB itself answers with.
  static func albErrorPage(_ status: Int) -> String {
    let title =
      switch status {
      case 502: "502 Bad Gateway"
      case 503: "503 Service Temporarily Unavailable"
      default: "504 Gateway Time-out"
      }
    return
      "<html>\n<head><title>\(title)</title></head>\n<body>\n<center><h1>\(title)</h1></center>\n</body>\n</html>"
  }

  /// Whether every condition holds; the first condition's words (`path-pattern /api/*`), or nil.
  func matches(
    _ conditions: [RuleCondition], path: String, query: String, host: String, method: String,
    headers: [String: String], sourceIp: String
  ) -> String? {
    var words: [String] = []
    for c in conditions {
      var hit: String?
      switch c.field {
      case "path-pattern":
        hit = c.values.first { wildcardMatch($0, path) }
      case "host-header":
        let h = String(host.lowercased().prefix { $0 != ":" })
        hit = c.values.first { wildcardMatch($0.lowercased(), h) }
      case "http-header":
        let v = headers[(c.headerName ?? "").lowercased()]
        hit = v.flatMap { v in c.values.first { wildcardMatch($0.lowercased(), v.lowercased()) } }
      case "http-request-method":
        hit = c.values.first { $0 == method }
      case "query-string":
        let pairs = query.split(separator: "&").map { kv -> (String, String) in
          let parts = kv.split(separator: "=", maxSplits: 1).map(String.init)
          return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
        }
        hit = c.queryPairs.first { p in
          pairs.contains { (k, v) in
            (p.key == nil || wildcardMatch(p.key!.lowercased(), k.lowercased()))
              && wildcardMatch(p.value.lowercased(), v.lowercased())
          }
        }.map { ($0.key.map { $0 + "=" } ?? "") + $0.value }
      default:
        hit = c.values.first { CIDR($0)?.contains(sourceIp) == true }
      }
      guard let hit else { return nil }
      words.append("\(c.field) \(hit)")
    }
    return words.joined(separator: ", ")
  }
}
