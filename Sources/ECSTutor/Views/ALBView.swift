import ECSModel

/// `trace URL` (a request hop by hop, in the shape client → listener → rule → target group →
/// target → container) and `show alb [NAME]` (listeners, rules, target groups, target health).
enum ALBView {
  static func trace(_ t: RequestTrace, _ lang: Language) -> String {
    var rows: [[String]] = [Msg.traceColumns.text(lang).components(separatedBy: " | ")]
    for h in t.hops {
      rows.append([
        Msg.traceHopName(h).text(lang), Msg.traceHopWhere(h).text(lang),
        Msg.traceHopWhat(h).text(lang),
      ])
    }
    var lines = t.hops.isEmpty ? [] : [Markdown.table(rows, indent: 0)]
    if t.stop != .none {
      lines.append(Msg.traceBreak(t.stop).text(lang))
    } else if let c = t.container {
      lines.append(Msg.traceAnswered(status: t.status, container: c).text(lang))
    }
    return lines.joined(separator: "\n")
  }

  static func render(_ w: World, _ name: String?, _ lang: Language) -> String {
    let chosen = w.elb.loadBalancers.filter { name == nil || $0.name == name }
    guard !chosen.isEmpty else {
      return name.map { Msg.noLoadBalancer($0).text(lang) } ?? Msg.noLoadBalancers.text(lang)
    }
    var lines: [String] = []
    for lb in chosen {
      let state = w.clock.nowMillis >= lb.activeAt ? "active" : "provisioning"
      lines.append(
        Msg.albHeader(
          name: lb.name, type: lb.type, scheme: lb.scheme, state: state, dns: lb.dnsName
        )
        .text(lang))
      if !lb.securityGroups.isEmpty {
        lines.append(Msg.albGroups(lb.securityGroups.joined(separator: ", ")).text(lang))
      }
      var groups: [String] = []
      for l in w.elb.listeners where l.loadBalancerArn == lb.arn {
        lines.append(Msg.albListener(protocol: l.protocol, port: l.port).text(lang))
        for r in l.rules {
          let conditions = r.conditions.map { "\($0.field) \($0.values.joined(separator: ","))" }
            .joined(separator: " + ")
          lines.append(
            Msg.albRule(
              priority: String(r.priority), conditions: conditions,
              action: describe(r.actions, w)
            ).text(lang))
          groups += r.actions.flatMap { $0.targetGroups.map(\.arn) }
        }
        lines.append(
          Msg.albRule(priority: "default", conditions: "*", action: describe(l.defaultActions, w))
            .text(lang))
        groups += l.defaultActions.flatMap { $0.targetGroups.map(\.arn) }
      }
      var seen: Set<String> = []
      for arn in groups where seen.insert(arn).inserted {
        guard let tg = w.targetGroup(arn: arn) else { continue }
        lines.append(
          Msg.albTargetGroup(
            name: tg.name, protocol: tg.protocol ?? "", port: tg.port ?? 0, type: tg.targetType,
            healthPath: tg.healthCheck.path ?? "-", healthPort: tg.healthCheck.port
          ).text(lang))
        if tg.targets.isEmpty { lines.append(Msg.albNoTargets.text(lang)) }
        for t in tg.targets {
          lines.append(
            Msg.albTarget(
              id: t.id, port: String(t.port), state: t.state,
              reason: t.reason.map { r in r + (t.description.map { ": " + $0 } ?? "") }
            ).text(lang))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `forward web-tg`, `forward blue 90 / green 10`, `fixed-response 404`, `redirect HTTPS:443`.
  static func describe(_ actions: [ListenerAction], _ w: World) -> String {
    actions.map { a in
      switch a.type {
      case "forward":
        let names = a.targetGroups.map { g in
          (w.targetGroup(arn: g.arn)?.name ?? g.arn)
            + (a.targetGroups.count > 1 ? " \(g.weight)" : "")
        }
        return "forward " + names.joined(separator: " / ")
      case "fixed-response":
        return "fixed-response " + (a.config["StatusCode"]?.stringValue ?? "")
      default:
        return "redirect " + (a.config["Protocol"]?.stringValue ?? "#{protocol}") + ":"
          + (a.config["Port"]?.stringValue ?? "#{port}")
      }
    }.joined(separator: ", ")
  }
}
