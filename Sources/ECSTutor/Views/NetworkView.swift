import ECSModel

/// `show ports [INSTANCE]` (each container instance's host-port table) and `show task TASK` (a
/// task's network: mode, ENI and addresses or host bindings, security groups and inbound rules).
enum NetworkView {
  static func ports(_ w: World, _ ref: String?, _ lang: Language) -> String {
    let all = w.capacity.containerInstances.filter { $0.status != .inactive }
    let chosen = all.filter { ref == nil || $0.ec2InstanceId == ref || $0.id.hasPrefix(ref ?? "") }
    guard !chosen.isEmpty else {
      return ref == nil
        ? Msg.noContainerInstances.text(lang) : Msg.noContainerInstance(ref ?? "").text(lang)
    }
    var lines: [String] = []
    for ci in chosen {
      let cluster = ci.clusterArn.split(separator: "/").last.map(String.init) ?? ""
      lines.append("▣ \(ci.ec2InstanceId) (\(ci.instanceType), \(cluster))")
      lines.append(
        "  "
          + Msg.reservedPorts(ci.reservedPorts.map(String.init).joined(separator: ", ")).text(lang))
      var rows: [[String]] = [Msg.portsColumns.text(lang).components(separatedBy: " | ")]
      let tasks = w.workloads.tasks.filter {
        $0.containerInstanceArn == ci.arn && $0.holdsResources
      }
      var entries: [(Int, [String])] = []
      for t in tasks where t.eni == nil {
        let mappings = w.taskDefinitions.first { $0.arn == t.taskDefinitionArn }?.containers
        for c in t.containers {
          for b in c.bindings {
            let declared = mappings?.first { $0.name == c.name }?.portMappings.first {
              $0.containerPort == b.containerPort
            }
            let kind: String
            if t.networkMode == .host {
              kind = "host"
            } else if (declared?.hostPort ?? 0) == 0 {
              kind = Msg.portDynamic.text(lang)
            } else {
              kind = Msg.portStatic.text(lang)
            }
            entries.append(
              (
                b.hostPort,
                [
                  "\(b.hostPort)", b.protocol, Msg.short(t.id), c.name,
                  "\(b.containerPort)",
                  kind,
                ]
              ))
          }
        }
      }
      rows += entries.sorted { $0.0 < $1.0 }.map(\.1)
      if entries.isEmpty {
        lines.append("  " + Msg.noHostPorts.text(lang))
      } else {
        lines.append(Markdown.table(rows, indent: 2))
      }
      let enis = tasks.filter { $0.eni != nil }
      let taskENIs = max(ci.maxENIs - 1, 0)
      let trunked = ci.maxENIs > (InstanceType.named(ci.instanceType)?.maxENIs ?? ci.maxENIs)
      lines.append(
        "  "
          + Msg.enisFree(
            free: taskENIs - enis.count, of: taskENIs, all: ci.maxENIs, trunked: trunked
          )
          .text(lang))
      for t in enis {
        lines.append(
          "    \(t.eni?.eniId ?? "") \(t.eni?.privateIp ?? "") → \(Msg.short(t.id)) (awsvpc)"
        )
      }
    }
    return lines.joined(separator: "\n")
  }

  static func task(_ w: World, _ ref: String, _ lang: Language) -> String {
    guard let t = w.task(named: ref) else { return Msg.noTask(ref).text(lang) }
    var lines = [
      Msg.taskNetworkTitle(id: t.id, family: t.family, status: t.lastStatus.rawValue).text(lang),
      "  " + Msg.networkMode(t.networkMode.rawValue).text(lang),
    ]
    var groups: [String] = []
    if let e = t.eni {
      lines.append(
        "  "
          + Msg.eniAddresses(eni: e.eniId, privateIp: e.privateIp, publicIp: e.publicIp).text(lang))
      groups = e.securityGroups
      for (name, m) in w.portMappings(of: t) {
        lines.append("    \(name): \(m.containerPort)/\(m.protocol)")
      }
    } else if t.networkMode == .none {
      lines.append("  " + Msg.noNetwork.text(lang))
    } else if let id = t.ec2InstanceId {
      let inst = w.capacity.instances.first { $0.instanceId == id }
      lines.append(
        "  " + Msg.taskOnInstance(id).text(lang) + " " + (inst?.privateIpAddress ?? "")
          + (inst?.publicIpAddress.map { " / " + $0 } ?? ""))
      groups = inst?.securityGroupIds ?? []
      for c in t.containers {
        for b in c.bindings {
          lines.append(
            "    \(c.name): "
              + Msg.hostBinding(
                hostPort: b.hostPort, containerPort: b.containerPort, protocol: b.protocol
              )
              .text(lang))
        }
      }
    }
    for id in groups {
      guard let g = w.securityGroups.first(where: { $0.groupId == id }) else { continue }
      lines.append("  " + Msg.securityGroupLine(id: g.groupId, name: g.groupName).text(lang))
      if g.ingress.isEmpty {
        lines.append("    " + Msg.noInboundRules.text(lang))
      }
      for r in g.ingress {
        lines.append(
          "    "
            + Msg.inboundRule(protocol: r.protocolText, port: r.portText, peer: r.peer).text(lang))
      }
    }
    lines += TaskEnvironmentView.lines(w, t, lang)
    return lines.joined(separator: "\n")
  }

  /// The answer of `reach`: reachable and the path, or the hop that refuses (and, for a
  /// security group, the command that adds the missing rule).
  static func reach(_ r: Reachability.Result, _ lang: Language) -> (ok: Bool, text: String) {
    switch r {
    case .reachable(let path):
      return (true, Msg.reachable(path: pathText(path, lang)).text(lang))
    case .refused(let why, let path):
      let head = Msg.notReachable(Msg.reachRefusal(why).text(lang)).text(lang)
      var text = path.count > 1 ? head + "\n  " + pathText(path, lang) + " ✗" : head
      if case .securityGroup(let groups, let proto, let port, let from) = why, let g = groups.first
      {
        // The missing rule, as the command that adds it (a group source for a group, else a CIDR).
        let source = from.hasPrefix("sg-") ? "--source-group \(from)" : "--cidr \(from)"
        let command =
          "aws ec2 authorize-security-group-ingress --group-id \(g) --protocol \(proto) --port \(port) \(source)"
        text += "\n  " + Msg.reachOpenIt(command: command).text(lang)
      }
      return (false, text)
    }
  }

  /// A `reach` path in words, hop by hop.
  static func pathText(_ path: [Reachability.Hop], _ lang: Language) -> String {
    path.map { Msg.reachHop($0).text(lang) }.joined(separator: " → ")
  }
}
