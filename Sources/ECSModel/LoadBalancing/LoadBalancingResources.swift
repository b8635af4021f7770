/// elbv2's resource kinds and their lesson selectors, each returning the documents the describe
/// calls print.
enum LoadBalancingResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "loadBalancer",
      selectors: [
        .one("loadBalancer", select: loadBalancers), .many("loadBalancers", select: loadBalancers),
      ],
      completions: [(.loadBalancers, { w in w.elb.loadBalancers.map(\.arn) })]),
    ResourceDescriptor(
      name: "targetGroup",
      selectors: [
        .one("targetGroup", select: targetGroups), .many("targetGroups", select: targetGroups),
      ],
      completions: [(.targetGroups, { w in w.elb.targetGroups.map(\.arn) })],
      deleteBlockers: [
        { w, arn in
          w.loadBalancerArns(using: arn).isEmpty
            ? nil
            : AWSError(
              "ResourceInUse", "Target group '\(arn)' is currently in use by a listener or a rule")
        }
      ]),
    ResourceDescriptor(
      name: "listener", selectors: [.many("listeners", select: listeners)],
      completions: [(.listeners, { w in w.elb.listeners.map(\.arn) })]),
    ResourceDescriptor(
      name: "rule", selectors: [.many("rules", select: rules)],
      completions: [
        (
          .listenerRules,
          { w in w.elb.listeners.flatMap { $0.rules.map(\.arn) + [$0.defaultRuleArn] } }
        )
      ]),
    ResourceDescriptor(
      name: "targetHealth", selectors: [.many("targetHealth", select: targetHealth)]),
    ResourceDescriptor(
      name: "certificate", completions: [(.certificates, { w in w.elb.certificates.map(\.arn) })]),
  ]

  /// `loadBalancer: web-alb` (or `{name: web-alb}`) — as describe-load-balancers prints it.
  static func loadBalancers(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["name"]?.stringValue
    return w.elb.loadBalancers.filter { name == nil || $0.name == name }.map {
      w.loadBalancerDocument($0)
    }
  }

  /// `targetGroup: web-tg` (or `{name: web-tg}`) — as describe-target-groups prints it.
  static func targetGroups(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["name"]?.stringValue
    return w.elb.targetGroups.filter { name == nil || $0.name == name }.map {
      w.targetGroupDocument($0)
    }
  }

  static func listenersOf(_ w: World, _ p: JSONValue) -> [Listener] {
    let lbName = p.stringValue ?? p["loadBalancer"]?.stringValue
    let port = p["port"]?.intValue
    return w.elb.listeners.filter { l in
      (lbName == nil || w.loadBalancer(arn: l.loadBalancerArn)?.name == lbName)
        && (port == nil || l.port == port)
    }
  }

  /// `listeners: {loadBalancer: web-alb, port: 80}` — as describe-listeners prints them.
  static func listeners(_ w: World, _ p: JSONValue) -> [JSONValue] {
    listenersOf(w, p).map { w.listenerDocument($0) }
  }

  /// `rules: {loadBalancer: web-alb, port: 80}` — as describe-rules prints them (default last).
  static func rules(_ w: World, _ p: JSONValue) -> [JSONValue] {
    listenersOf(w, p).flatMap { l in
      l.rules.map { w.ruleDocument($0) } + [w.defaultRuleDocument(l)]
    }
  }

  /// `targetHealth: {targetGroup: web-tg}` — describe-target-health's descriptions.
  static func targetHealth(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["targetGroup"]?.stringValue
    return w.elb.targetGroups.filter { name == nil || $0.name == name }.flatMap { tg in
      tg.targets.map { w.targetHealthDocument(tg, $0) }
    }
  }
}
