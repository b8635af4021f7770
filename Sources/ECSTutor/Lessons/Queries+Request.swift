import ECSModel

/// The `request:` assertion: an HTTP request through a load balancer (`World.trace`), so a step
/// can require "a request to /api is answered 200 by the container api".
///
/// ```yaml
/// expect:
///   - request: {url: /api, loadBalancer: web-alb}
///     match: {status: 200, container: api}
/// ```
///
/// `url` is a path (sent to the load balancer named by `loadBalancer`, or the only one, on
/// `port`, 80 by default) or a whole URL; `host` sets the Host header and `from` the client
/// (`internet` by default, or a task). The selection is one document `{status, container, body,
/// stop, targets}` (`container` absent when no container answered; `targets` lists each target
/// of the target group reached, probed directly: `{id, port, state, answer}` with answer
/// `timeout`, `refused` or the HTTP status), none when there is no load balancer.
extension Queries {
  static let requestTable: [String: (plural: Bool, query: Query)] = [
    "request": (false, { w, p in request(w, p) })
  ]

  static func request(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let path = p["url"]?.stringValue ?? p.stringValue ?? "/"
    var url = path
    if !path.contains("://") {
      let name = p["loadBalancer"]?.stringValue
      guard let lb = w.elb.loadBalancers.first(where: { name == nil || $0.name == name }) else {
        return []
      }
      let port = p["port"]?.intValue ?? 80
      url =
        "http://\(lb.dnsName)\(port == 80 ? "" : ":\(port)")\(path.hasPrefix("/") ? path : "/" + path)"
    }
    var headers: [String: String] = [:]
    if let h = p["host"]?.stringValue { headers["Host"] = h }
    let t = w.trace(
      HTTPRequest(url: url, headers: headers, from: p["from"]?.stringValue ?? "internet"))
    // Every target of the group the request reached, probed directly whatever its health:
    // `timeout` (a security group drops the packets), `refused`, or the HTTP status.
    var targets: [JSONValue] = []
    for hop in t.hops {
      guard case .targetGroup(let name, _, _, _, _) = hop,
        let tg = w.elb.targetGroups.first(where: { $0.name == name }),
        let lb = w.elb.loadBalancers.first(where: { $0.dnsName == t.host })
      else { continue }
      for target in tg.targets {
        let answer: JSONValue
        switch w.probe(from: lb, target: target, type: tg.targetType, port: target.port, path: "/")
        {
        case .answered(let status, _, _, _, _): answer = .int(status)
        case .timedOut: answer = "timeout"
        case .refused: answer = "refused"
        }
        targets.append([
          "id": .string(target.id), "port": .int(target.port), "state": .string(target.state),
          "answer": answer,
        ])
      }
    }
    return [
      jsonObject([
        ("status", .int(t.status)),
        ("container", t.container.map { .string($0) }),
        ("body", .string(t.body)),
        ("stop", t.stop == .none ? nil : .string(Msg.traceBreak(t.stop).text(.en))),
        ("targets", .array(targets)),
      ])
    ]
  }

  /// The words of an elbv2 selection or a `request:` probe, nil for other kinds.
  static func describeLoadBalancing(_ s: Selector, _ lang: Language) -> String? {
    let p = s.params
    switch s.kind {
    case "request":
      let status = p["expect"]?["status"].map { Matcher.show($0) } ?? "an answer"
      return Msg.requestAssertion(
        url: (p["host"]?.stringValue.map { $0 + " " } ?? "")
          + (p["url"]?.stringValue ?? p.stringValue ?? "/"),
        status: status, container: nil
      ).text(lang)
    case "loadBalancer", "loadBalancers", "targetGroup", "targetGroups":
      return Msg.elbSelection(kind: s.kind, name: p.stringValue ?? p["name"]?.stringValue).text(
        lang)
    case "listeners", "rules":
      return Msg.elbSelection(kind: s.kind, name: p.stringValue ?? p["loadBalancer"]?.stringValue)
        .text(lang)
    case "targetHealth":
      return Msg.elbSelection(kind: s.kind, name: p.stringValue ?? p["targetGroup"]?.stringValue)
        .text(lang)
    default: return nil
    }
  }
}
