import ECSModel

/// The `reach:` assertion: whether a source reaches a port (`World.reach`), so a step can
/// require "the web task answers on port 80 from the internet" or forbid "port 22 from anywhere".
///
/// ```yaml
/// expect:
///   - reach: {from: internet, to: {family: web}, port: 80}
/// forbid:
///   - reach: {from: internet, to: {family: web}, port: 22}
/// ```
///
/// `from` and `to` are what the `reach` command takes (`internet`, a CIDR or IP, a task ID, an
/// instance ID), or `{family: F}` / `{service: S}` for the RUNNING tasks of a family or service
/// (optionally `container: NAME`). The selection is one document `{reachable: true, path}` when
/// some source reaches some target, none otherwise.
///
/// Without `port`, `to` names `internet` or an AWS service and the probe asks egress
/// (`World.egress`): `reach: {from: {service: web}, to: ecr.api}` holds when a task of the
/// service reaches ecr.api over HTTPS, by whatever path.
extension Queries {
  static let reachTable: [String: (plural: Bool, query: Query)] = [
    "reach": (false, { w, p in reach(w, p) })
  ]

  static func reach(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let port = p["port"]?.intValue else { return egress(w, p) }
    let proto = p["protocol"]?.stringValue ?? "tcp"
    for source in endpoints(w, p["from"], container: p["fromContainer"]?.stringValue) {
      for target in endpoints(w, p["to"], container: p["container"]?.stringValue) {
        if case .reachable(let path) = w.reach(
          from: source, to: target, port: port, protocol: proto)
        {
          return [["reachable": true, "path": .string(NetworkView.pathText(path, .en))]]
        }
      }
    }
    return []
  }

  /// `reach: {from: ..., to: ecr.api}`: some source reaches the service (or the internet).
  static func egress(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let to = p["to"]?.stringValue else { return [] }
    for source in endpoints(w, p["from"], container: nil) {
      let (ok, text) = VPCView.egress(w, source: source, to: to, .en)
      if ok { return [["reachable": true, "path": .string(text)]] }
    }
    return []
  }

  /// The names a `from`/`to` value stands for.
  static func endpoints(_ w: World, _ v: JSONValue?, container: String?) -> [String] {
    if let s = v?.stringValue { return [container.map { s + "/" + $0 } ?? s] }
    let family = v?["family"]?.stringValue
    let service = v?["service"]?.stringValue
    guard family != nil || service != nil else { return [] }
    return w.workloads.tasks.filter { t in
      t.lastStatus == .running && (family == nil || t.family == family)
        && (service == nil || t.serviceArn?.hasSuffix("/" + (service ?? "")) == true)
    }.map { t in container.map { t.id + "/" + $0 } ?? t.id }
  }

  /// `port 80 of family web reachable from internet`, in the learner's language.
  static func describeReach(_ p: JSONValue, _ lang: Language) -> String {
    func name(_ v: JSONValue?) -> String {
      if let s = v?.stringValue { return s }
      if let f = v?["family"]?.stringValue { return Msg.reachFamily(f).text(lang) }
      if let s = v?["service"]?.stringValue { return Msg.reachService(s).text(lang) }
      return "?"
    }
    guard let portValue = p["port"] else {
      return Msg.egressAssertion(from: name(p["from"]), to: name(p["to"])).text(lang)
    }
    let port = Matcher.show(portValue)
    return Msg.reachAssertion(from: name(p["from"]), to: name(p["to"]), port: port).text(lang)
  }
}
