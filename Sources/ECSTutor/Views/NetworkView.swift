import ECSModel

/// `show ports [INSTANCE]` (each container instance's host-port table) and `show task TASK` (a
/// task's network: mode, ENI and addresses or host bindings, security groups and inbound rules).
enum NetworkView {
  static func ports(_ w: World, _ ref: String?, _ lang: Language) -> String {
    let ja = lang == .ja
    let all = w.capacity.containerInstances.filter { $0.status != "INACTIVE" }
    let chosen = all.filter { ref == nil || $0.ec2InstanceId == ref || $0.id.hasPrefix(ref ?? "") }
    guard !chosen.isEmpty else {
      return ref == nil
        ? (ja ? "コンテナインスタンスがありません。" : "There are no container instances.")
        : (ja ? "インスタンス \(ref ?? "") が見つかりません。" : "No container instance \(ref ?? "").")
    }
    var lines: [String] = []
    for ci in chosen {
      let cluster = ci.clusterArn.split(separator: "/").last.map(String.init) ?? ""
      lines.append("▣ \(ci.ec2InstanceId) (\(ci.instanceType), \(cluster))")
      lines.append(
        (ja ? "  予約済みポート: " : "  reserved ports: ")
          + ci.reservedPorts.map(String.init).joined(separator: ", "))
      var rows: [[String]] = [
        ja
          ? ["ホストポート", "プロトコル", "タスク", "コンテナ", "コンテナポート", "種類"]
          : ["host port", "protocol", "task", "container", "container port", "kind"]
      ]
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
            if t.networkMode == "host" {
              kind = "host"
            } else if (declared?.hostPort ?? 0) == 0 {
              kind = ja ? "動的" : "dynamic"
            } else {
              kind = ja ? "静的" : "static"
            }
            entries.append(
              (
                b.hostPort,
                [
                  "\(b.hostPort)", b.protocol, NetworkText.short(t.id), c.name,
                  "\(b.containerPort)",
                  kind,
                ]
              ))
          }
        }
      }
      rows += entries.sorted { $0.0 < $1.0 }.map(\.1)
      if entries.isEmpty {
        lines.append(ja ? "  使用中のホストポートはありません" : "  no host ports in use")
      } else {
        lines.append(Markdown.table(rows, indent: 2))
      }
      let enis = tasks.filter { $0.eni != nil }
      let taskENIs = max(ci.maxENIs - 1, 0)
      let trunked = ci.maxENIs > (InstanceType.named(ci.instanceType)?.maxENIs ?? ci.maxENIs)
      lines.append(
        ja
          ? "  ENI: タスク用 \(taskENIs - enis.count) / \(taskENIs) が空き"
            + (trunked
              ? "（ENI トランキング: トランク ENI がタスクのブランチ ENI を束ねます）"
              : "（全 \(ci.maxENIs)、うち 1 つはインスタンスのプライマリ）")
          : "  ENIs: \(taskENIs - enis.count) of \(taskENIs) free for tasks"
            + (trunked
              ? " (ENI trunking: a trunk ENI carries the tasks' branch ENIs)"
              : " (\(ci.maxENIs) in all, one is the instance's primary)")
      )
      for t in enis {
        lines.append(
          "    \(t.eni?.eniId ?? "") \(t.eni?.privateIp ?? "") → \(NetworkText.short(t.id)) (awsvpc)"
        )
      }
    }
    return lines.joined(separator: "\n")
  }

  static func task(_ w: World, _ ref: String, _ lang: Language) -> String {
    let ja = lang == .ja
    guard let t = w.task(named: ref) else {
      return ja ? "タスク \(ref) が見つかりません。" : "No task \(ref)."
    }
    var lines = [
      (ja ? "タスク " : "task ") + "\(t.id) (\(t.family), \(t.lastStatus.rawValue))",
      (ja ? "  ネットワークモード: " : "  network mode: ") + t.networkMode,
    ]
    var groups: [String] = []
    if let e = t.eni {
      lines.append(
        "  ENI \(e.eniId): " + (ja ? "プライベート IP " : "private IP ") + e.privateIp
          + (e.publicIp.map { (ja ? "、パブリック IP " : ", public IP ") + $0 }
            ?? (ja ? "、パブリック IP なし" : ", no public IP")))
      groups = e.securityGroups
      for (name, m) in w.portMappings(of: t) {
        lines.append("    \(name): \(m.containerPort)/\(m.protocol)")
      }
    } else if t.networkMode == "none" {
      lines.append(ja ? "  ネットワークなし（ループバックのみ）" : "  no network (loopback only)")
    } else if let id = t.ec2InstanceId {
      let inst = w.capacity.instances.first { $0.instanceId == id }
      lines.append(
        (ja ? "  インスタンス " : "  instance ") + id + " " + (inst?.privateIpAddress ?? "")
          + (inst?.publicIpAddress.map { " / " + $0 } ?? ""))
      groups = inst?.securityGroupIds ?? []
      for c in t.containers {
        for b in c.bindings {
          lines.append(
            "    \(c.name): " + (ja ? "ホスト " : "host ")
              + "\(b.hostPort) → \(b.containerPort)/\(b.protocol)")
        }
      }
    }
    for id in groups {
      guard let g = w.securityGroups.first(where: { $0.groupId == id }) else { continue }
      lines.append((ja ? "  セキュリティグループ " : "  security group ") + "\(g.groupId) (\(g.groupName))")
      if g.ingress.isEmpty {
        lines.append(ja ? "    インバウンドルールなし" : "    no inbound rules")
      }
      for r in g.ingress {
        lines.append(
          "    " + (ja ? "インバウンド " : "inbound ") + "\(r.protocolText) \(r.portText) "
            + (ja ? "送信元 " : "from ") + r.peer)
      }
    }
    return lines.joined(separator: "\n")
  }
}
