/// elbv2 listeners and rules: default actions, conditions with AWS's limits, priorities.
extension ELBv2Actions {
  static let listenerTable: [String: ActionHandler] = [
    "CreateListener": createListener,
    "DescribeListeners": describeListeners,
    "ModifyListener": modifyListener,
    "DeleteListener": deleteListener,
    "CreateRule": createRule,
    "DescribeRules": describeRules,
    "ModifyRule": modifyRule,
    "DeleteRule": deleteRule,
    "SetRulePriorities": setRulePriorities,
  ]

  static let listenerNotFound = AWSError(
    "ListenerNotFound", "The specified listener does not exist.")
  static let ruleNotFound = AWSError("RuleNotFound", "The specified rule does not exist.")

  /// Reads `Actions` / `DefaultActions`: forward (one target group or weighted ones),
  /// fixed-response, redirect; every target group must exist and may serve one load balancer.
  static func parseActions(
    _ world: World, _ items: [JSONValue], member: String, loadBalancerArn: String
  ) throws(AWSError) -> [ListenerAction] {
    guard !items.isEmpty else { throw validation("A default action must be specified") }
    var out: [ListenerAction] = []
    for (i, item) in items.enumerated() {
      let type = item["Type"]?.stringValue ?? ""
      var action = ListenerAction(type: type)
      action.order = item["Order"]?.intValue
      switch type {
      case "forward":
        if let arn = item["TargetGroupArn"]?.stringValue { action.targetGroups = [(arn, 1)] }
        if let groups = item["ForwardConfig"]?["TargetGroups"]?.arrayValue {
          let weighted = groups.compactMap { g in
            g["TargetGroupArn"]?.stringValue.map { ($0, g["Weight"]?.intValue ?? 1) }
          }
          if !action.targetGroups.isEmpty, weighted.map(\.0) != action.targetGroups.map(\.arn) {
            throw validation(
              "You cannot specify a target group ARN both in the action and in the forward config unless they are the same"
            )  // UNCONFIRMED wording.
          }
          action.targetGroups = weighted.map { (arn: $0.0, weight: $0.1) }
        }
        action.stickiness =
          item["ForwardConfig"]?["TargetGroupStickinessConfig"]?["Enabled"]?.boolValue ?? false
        guard !action.targetGroups.isEmpty else {
          throw validation("A target group ARN must be specified")
        }
        for (arn, weight) in action.targetGroups {
          guard let tg = world.targetGroup(arn: arn) else { throw tgNotFound }
          guard (0...999).contains(weight) else {
            throw validation(
              "1 validation error detected: Value '\(weight)' at '\(member).\(i + 1).member.forwardConfig.targetGroups.member.weight' failed to satisfy constraint: Member must have value less than or equal to 999"
            )
          }
          let others = world.loadBalancerArns(using: tg.arn).filter { $0 != loadBalancerArn }
          if !others.isEmpty {
            throw AWSError(
              "TargetGroupAssociationLimit",
              "The following target groups cannot be associated with more than one load balancer: \(tg.arn)"
            )
          }
        }
      case "fixed-response":
        let code = item["FixedResponseConfig"]?["StatusCode"]?.stringValue ?? ""
        guard code.count == 3, let c = Int(code), [2, 4, 5].contains(c / 100) else {
          throw validation(
            "1 validation error detected: Value '\(code)' at '\(member).\(i + 1).member.fixedResponseConfig.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$"
          )
        }
        action.config = item["FixedResponseConfig"] ?? .null
      case "redirect":
        let code = item["RedirectConfig"]?["StatusCode"]?.stringValue ?? ""
        guard ["HTTP_301", "HTTP_302"].contains(code) else {
          throw validation(
            "1 validation error detected: Value '\(code)' at '\(member).\(i + 1).member.redirectConfig.statusCode' failed to satisfy constraint: Member must satisfy enum value set: [HTTP_302, HTTP_301]"
          )
        }
        action.config = item["RedirectConfig"] ?? .null
      default:
        throw validation(
          "1 validation error detected: Value '\(type)' at '\(member).\(i + 1).member.type' failed to satisfy constraint: Member must satisfy enum value set: [forward, redirect, fixed-response]"
        )
      }
      out.append(action)
    }
    return out
  }

  static func createListener(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try lbIndex(world, req)
    let lb = world.elb.loadBalancers[i]
    guard let port = req.int("Port") else { throw validation("A listener port must be specified") }
    guard let proto = req.string("Protocol") else {
      throw validation("A listener protocol must be specified")
    }
    let valid = lb.type == "application" ? ["HTTP", "HTTPS"] : ["TCP", "TLS", "UDP", "TCP_UDP"]
    guard valid.contains(proto) else {
      throw validation(
        "Listener protocol '\(proto)' must be one of '\(valid.joined(separator: ", "))'")
    }
    let certificates = (req.array("Certificates") ?? []).compactMap {
      $0["CertificateArn"]?.stringValue
    }
    if (proto == "HTTPS" || proto == "TLS") && certificates.isEmpty {
      throw AWSError(
        "CertificateNotFound", "A certificate must be specified for HTTPS listeners")  // UNCONFIRMED wording.
    }
    for c in certificates
    where !(c.hasPrefix("arn:aws:iam::") || world.elb.certificates.contains { $0.arn == c }) {
      throw AWSError("CertificateNotFound", "Certificate '\(c)' not found")
    }
    let actions = try parseActions(
      world, req.array("DefaultActions") ?? [], member: "defaultActions", loadBalancerArn: lb.arn)
    try checkProtocols(world, actions, listenerProtocol: proto)
    if let existing = world.elb.listeners.first(where: {
      $0.loadBalancerArn == lb.arn && $0.port == port
    }) {
      if existing.protocol == proto && existing.defaultActions == actions {
        return ["Listeners": [world.listenerDocument(existing)]]
      }
      throw AWSError("DuplicateListener", "A listener with the specified port already exists.")
    }
    let id = world.random.hex(16)
    let arn = world.arn(
      service: "elasticloadbalancing",
      resource: "listener/\(lb.arnType)/\(lb.name)/\(lb.shortId)/\(id)")
    let ruleArn = world.arn(
      service: "elasticloadbalancing",
      resource: "listener-rule/\(lb.arnType)/\(lb.name)/\(lb.shortId)/\(id)/\(world.random.hex(16))"
    )
    let l = Listener(
      arn: arn, loadBalancerArn: lb.arn, port: port, protocol: proto,
      certificates: certificates,
      sslPolicy: proto == "HTTPS" || proto == "TLS"
        ? (req.string("SslPolicy") ?? "ELBSecurityPolicy-2016-08") : nil,
      defaultActions: actions, defaultRuleArn: ruleArn, tags: parseTags(req))
    world.elb.listeners.append(l)
    world.record(
      .loadBalancer, "Listener \(proto):\(port) created on load balancer \(lb.name).",
      .listenerCreated(loadBalancer: lb.name, protocol: proto, port: port))
    return ["Listeners": [world.listenerDocument(l)]]
  }

  /// An ALB listener forwards HTTP(S) to HTTP(S) target groups only.
  static func checkProtocols(_ world: World, _ actions: [ListenerAction], listenerProtocol: String)
    throws(AWSError)
  {
    let http = ["HTTP", "HTTPS"].contains(listenerProtocol)
    for a in actions {
      for g in a.targetGroups {
        guard let tg = world.targetGroup(arn: g.arn), let p = tg.protocol else { continue }
        if http != ["HTTP", "HTTPS"].contains(p) {
          throw AWSError(
            "IncompatibleProtocols",
            "The listener protocol '\(listenerProtocol)' is not compatible with the target group protocol '\(p)'"
          )  // UNCONFIRMED wording.
        }
      }
    }
  }

  static func listenerIndex(_ world: World, _ arn: String) throws(AWSError) -> Int {
    guard let i = world.elb.listeners.firstIndex(where: { $0.arn == arn }) else {
      throw listenerNotFound
    }
    return i
  }

  static func describeListeners(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var selected: [Listener] = []
    if let arns = req.strings("ListenerArns") {
      for a in arns { selected.append(world.elb.listeners[try listenerIndex(world, a)]) }
    } else if let lbArn = req.string("LoadBalancerArn") {
      guard world.loadBalancer(arn: lbArn) != nil else { throw lbNotFound }
      selected = world.elb.listeners.filter { $0.loadBalancerArn == lbArn }
    } else {
      throw validation("You must specify either listener ARNs or a load balancer ARN")
    }
    return ["Listeners": .array(selected.map { world.listenerDocument($0) })]
  }

  static func modifyListener(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try listenerIndex(world, req.string("ListenerArn") ?? "")
    var l = world.elb.listeners[i]
    if let p = req.int("Port") {
      if world.elb.listeners.contains(where: {
        $0.loadBalancerArn == l.loadBalancerArn && $0.port == p && $0.arn != l.arn
      }) {
        throw AWSError("DuplicateListener", "A listener with the specified port already exists.")
      }
      l.port = p
    }
    if let p = req.string("Protocol") { l.protocol = p }
    if let certs = req.array("Certificates") {
      l.certificates = certs.compactMap { $0["CertificateArn"]?.stringValue }
    }
    if let s = req.string("SslPolicy") { l.sslPolicy = s }
    if l.protocol == "HTTP" {
      l.certificates = []
      l.sslPolicy = nil
    } else if l.certificates.isEmpty {
      throw AWSError("CertificateNotFound", "A certificate must be specified for HTTPS listeners")
    }
    if let actions = req.array("DefaultActions") {
      l.defaultActions = try parseActions(
        world, actions, member: "defaultActions", loadBalancerArn: l.loadBalancerArn)
    }
    try checkProtocols(world, l.defaultActions, listenerProtocol: l.protocol)
    world.elb.listeners[i] = l
    return ["Listeners": [world.listenerDocument(l)]]
  }

  static func deleteListener(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try listenerIndex(world, req.string("ListenerArn") ?? "")
    let l = world.elb.listeners.remove(at: i)
    let lb = world.loadBalancer(arn: l.loadBalancerArn)?.name ?? l.loadBalancerArn
    world.record(
      .loadBalancer, "Listener \(l.protocol):\(l.port) deleted from load balancer \(lb).",
      .listenerDeleted(loadBalancer: lb, protocol: l.protocol, port: l.port))
    return .object([])
  }

  // MARK: rules

  /// Reads `Conditions` with AWS's limits (ecs-facts §8): one each of host-header, path-pattern,
  /// http-request-method and source-ip; at most 5 values per rule.
  static func parseConditions(_ items: [JSONValue]) throws(AWSError) -> [RuleCondition] {
    var out: [RuleCondition] = []
    let configKey = [
      "path-pattern": "PathPatternConfig", "host-header": "HostHeaderConfig",
      "http-header": "HttpHeaderConfig", "http-request-method": "HttpRequestMethodConfig",
      "query-string": "QueryStringConfig", "source-ip": "SourceIpConfig",
    ]
    for item in items {
      let field = item["Field"]?.stringValue ?? ""
      guard let key = configKey[field] else {
        throw validation(
          "Condition field '\(field)' must be one of '[path-pattern, host-header, http-header, http-request-method, query-string, source-ip]'"
        )
      }
      var c = RuleCondition(field: field, values: [])
      let legacy = item["Values"]?.arrayValue?.compactMap(\.stringValue)
      let config = item[key]
      if legacy != nil && config != nil && ["path-pattern", "host-header"].contains(field) {
        throw validation(
          "You cannot provide both Values and '\(key)' for a condition of type '\(field)'")
      }
      if legacy != nil && !["path-pattern", "host-header"].contains(field) {
        throw validation("The 'Values' field is not compatible with '\(field)'")
      }
      switch field {
      case "query-string":
        guard let pairs = config?["Values"]?.arrayValue else {
          throw validation("A 'QueryStringConfig' must be specified with 'query-string'")
        }
        c.queryPairs = pairs.map {
          RuleCondition.QueryPair(
            key: $0["Key"]?.stringValue, value: $0["Value"]?.stringValue ?? "")
        }
        c.values = c.queryPairs.map { ($0.key.map { $0 + "=" } ?? "") + $0.value }
      case "http-header":
        guard let name = config?["HttpHeaderName"]?.stringValue else {
          throw validation("A 'HttpHeaderConfig' must be specified with 'http-header'")
        }
        c.headerName = name
        c.values = config?["Values"]?.arrayValue?.compactMap(\.stringValue) ?? []
      default:
        c.values = legacy ?? config?["Values"]?.arrayValue?.compactMap(\.stringValue) ?? []
      }
      guard !c.values.isEmpty else { throw validation("A condition value must be specified") }
      for v in c.values where v.count > 128 {
        throw validation("The '\(field)' value is too long; the limit is '128'")
      }
      if ["host-header", "path-pattern", "http-request-method", "source-ip"].contains(field),
        out.contains(where: { $0.field == field })
      {
        // UNCONFIRMED wording.
        throw validation("A rule can only have one '\(field)' condition")
      }
      out.append(c)
    }
    let total = out.reduce(0) { $0 + $1.values.count }
    if total > 5 {
      throw validation("A rule can only have '5' condition values")  // UNCONFIRMED wording.
    }
    return out
  }

  static func checkPriority(_ p: Int) throws(AWSError) {
    if p < 1 {
      throw validation(
        "1 validation error detected: Value '\(p)' at 'priority' failed to satisfy constraint: Member must have value greater than or equal to 1"
      )
    }
    if p > 50000 {
      throw validation(
        "1 validation error detected: Value '\(p)' at 'priority' failed to satisfy constraint: Member must have value less than or equal to 50000"
      )
    }
  }

  static func createRule(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try listenerIndex(world, req.string("ListenerArn") ?? "")
    let l = world.elb.listeners[i]
    let priority = req.int("Priority") ?? 0
    try checkPriority(priority)
    let conditions = try parseConditions(req.array("Conditions") ?? [])
    guard !conditions.isEmpty else { throw validation("A condition must be specified") }  // UNCONFIRMED
    let actions = try parseActions(
      world, req.array("Actions") ?? [], member: "actions", loadBalancerArn: l.loadBalancerArn)
    try checkProtocols(world, actions, listenerProtocol: l.protocol)
    if l.rules.contains(where: { $0.priority == priority }) {
      throw AWSError("PriorityInUse", "The specified priority is in use.")
    }
    if l.rules.count >= 100 {
      throw AWSError(
        "TooManyRules", "You've reached the limit on the number of rules per load balancer")
    }
    guard let lb = world.loadBalancer(arn: l.loadBalancerArn) else { throw lbNotFound }
    let listenerId = String(l.arn.split(separator: "/").last ?? "")
    let rule = ListenerRule(
      arn: world.arn(
        service: "elasticloadbalancing",
        resource:
          "listener-rule/\(lb.arnType)/\(lb.name)/\(lb.shortId)/\(listenerId)/\(world.random.hex(16))"
      ), priority: priority, conditions: conditions, actions: actions, tags: parseTags(req))
    world.elb.listeners[i].rules.append(rule)
    world.elb.listeners[i].rules.sort { $0.priority < $1.priority }
    return ["Rules": [world.ruleDocument(rule)]]
  }

  static func describeRules(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    if let arns = req.strings("RuleArns") {
      var out: [JSONValue] = []
      for a in arns {
        if let l = world.elb.listeners.first(where: { $0.defaultRuleArn == a }) {
          out.append(world.defaultRuleDocument(l))
        } else if let (l, r) = world.ruleIndex(a) {
          out.append(world.ruleDocument(world.elb.listeners[l].rules[r]))
        } else {
          throw ruleNotFound
        }
      }
      return ["Rules": .array(out)]
    }
    guard let arn = req.string("ListenerArn") else {
      throw validation("One of rule ARNs or listener ARN must be specified")  // UNCONFIRMED
    }
    let l = world.elb.listeners[try listenerIndex(world, arn)]
    return [
      "Rules": .array(l.rules.map { world.ruleDocument($0) } + [world.defaultRuleDocument(l)])
    ]
  }

  static func modifyRule(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("RuleArn") ?? ""
    if let li = world.elb.listeners.firstIndex(where: { $0.defaultRuleArn == arn }) {
      // The default rule: its actions only.
      if req.has("Conditions") {
        throw AWSError(
          "OperationNotPermitted", "Conditions cannot be specified for the default rule")  // UNCONFIRMED
      }
      if let a = req.array("Actions") {
        let l = world.elb.listeners[li]
        world.elb.listeners[li].defaultActions = try parseActions(
          world, a, member: "actions", loadBalancerArn: l.loadBalancerArn)
      }
      return ["Rules": [world.defaultRuleDocument(world.elb.listeners[li])]]
    }
    guard let (l, r) = world.ruleIndex(arn) else { throw ruleNotFound }
    guard req.has("Conditions") || req.has("Actions") else {
      throw validation("Either conditions or actions must be specified")
    }
    var rule = world.elb.listeners[l].rules[r]
    if let c = req.array("Conditions") { rule.conditions = try parseConditions(c) }
    if let a = req.array("Actions") {
      rule.actions = try parseActions(
        world, a, member: "actions", loadBalancerArn: world.elb.listeners[l].loadBalancerArn)
    }
    world.elb.listeners[l].rules[r] = rule
    return ["Rules": [world.ruleDocument(rule)]]
  }

  static func deleteRule(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("RuleArn") ?? ""
    if world.elb.listeners.contains(where: { $0.defaultRuleArn == arn }) {
      throw AWSError("OperationNotPermitted", "Default rule '\(arn)' cannot be deleted")  // UNCONFIRMED
    }
    guard let (l, r) = world.ruleIndex(arn) else { throw ruleNotFound }
    world.elb.listeners[l].rules.remove(at: r)
    return .object([])
  }

  static func setRulePriorities(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    var listeners = world.elb.listeners
    var changed: [(Int, Int)] = []
    let items = req.array("RulePriorities") ?? []
    var seen = Set<Int>()
    for item in items {
      let p = item["Priority"]?.intValue ?? 0
      guard seen.insert(p).inserted else {
        throw validation("Priority '\(p)' was provided multiple times")
      }
    }
    for item in items {
      let arn = item["RuleArn"]?.stringValue ?? ""
      let p = item["Priority"]?.intValue ?? 0
      try checkPriority(p)
      guard let (l, r) = world.ruleIndex(arn) else { throw ruleNotFound }
      listeners[l].rules[r].priority = p
      changed.append((l, r))
    }
    for l in Set(changed.map(\.0)) {
      let ps = listeners[l].rules.map(\.priority)
      if Set(ps).count != ps.count {
        throw AWSError("PriorityInUse", "The specified priority is in use.")
      }
    }
    let docs = changed.map { world.ruleDocument(listeners[$0.0].rules[$0.1]) }
    for l in listeners.indices { listeners[l].rules.sort { $0.priority < $1.priority } }
    world.elb.listeners = listeners
    return ["Rules": .array(docs)]
  }
}

extension World {
  /// The listener and rule index of a (non-default) rule ARN.
  func ruleIndex(_ arn: String) -> (Int, Int)? {
    for (l, listener) in elb.listeners.enumerated() {
      if let r = listener.rules.firstIndex(where: { $0.arn == arn }) { return (l, r) }
    }
    return nil
  }
}
