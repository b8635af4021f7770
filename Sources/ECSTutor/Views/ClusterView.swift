import ECSCommands
import ECSModel

/// `show cluster [NAME]`: the data plane of one cluster at a glance — each container instance with
/// CPU and memory bars, the tasks on it and their host ports; Fargate tasks on their own.
enum ClusterView {
  static func render(_ w: World, cluster ref: String?, _ lang: Language) -> String {
    let ja = lang == .ja
    let active = w.clusters.filter { $0.status == "ACTIVE" }
    guard
      let cluster = ref.flatMap({ w.cluster($0) })
        ?? (ref == nil && active.count == 1 ? active.first : nil)
    else {
      if active.isEmpty { return ja ? "クラスターがありません。" : "There are no clusters yet." }
      let names = active.map(\.name).joined(separator: ", ")
      return ja
        ? "どのクラスターですか？ `show cluster NAME`（\(names)）"
        : "Which cluster? `show cluster NAME` (\(names))"
    }
    var lines = ["**" + (ja ? "クラスター " : "Cluster ") + cluster.name + "**"]
    if !cluster.capacityProviders.isEmpty {
      lines.append(
        (ja ? "  キャパシティープロバイダー: " : "  capacity providers: ")
          + cluster.capacityProviders.joined(separator: ", "))
    }
    let instances = w.registeredContainerInstances(in: cluster.arn)
    let live = w.workloads.tasks.filter {
      $0.clusterArn == cluster.arn && $0.lastStatus != .stopped
    }
    if instances.isEmpty {
      lines.append(
        ja
          ? "  コンテナインスタンス: なし（EC2 のタスクはここに配置できません）"
          : "  container instances: none (EC2 tasks have nowhere to go)")
    }
    for ci in instances {
      let used = w.usage(of: ci)
      let id = String(ci.id.prefix(8))
      var head =
        "  ▣ \(ci.ec2InstanceId) (\(ci.instanceType), \(ci.availabilityZone), \(id)…) \(ci.status)"
      if !ci.agentConnected { head += ja ? " エージェント切断" : " agent disconnected" }
      lines.append(head)
      lines.append(
        "      CPU    " + bar(used.cpu, ci.registeredCpu) + " \(used.cpu)/\(ci.registeredCpu)")
      lines.append(
        "      MEMORY " + bar(used.memory, ci.registeredMemory)
          + " \(used.memory)/\(ci.registeredMemory) MiB")
      for t in live where t.containerInstanceArn == ci.arn {
        lines.append("      • " + taskLine(t))
      }
    }
    let fargate = live.filter {
      $0.launchType == "FARGATE" || ($0.containerInstanceArn == nil && $0.eni != nil)
    }
    if !fargate.isEmpty {
      lines.append(
        ja ? "  Fargate（管理するインスタンスはありません）" : "  Fargate (no instances for you to manage)")
      for t in fargate { lines.append("      • " + taskLine(t)) }
    }
    let services = w.workloads.services.filter {
      $0.clusterArn == cluster.arn && $0.status == .active
    }
    if !services.isEmpty {
      lines.append(ja ? "  サービス" : "  services")
      for s in services {
        let running = live.filter { $0.serviceArn == s.arn && $0.lastStatus == .running }.count
        lines.append("      \(s.name): \(running)/\(s.desiredCount) RUNNING")
      }
    }
    return lines.joined(separator: "\n")
  }

  static func taskLine(_ t: ECSTask) -> String {
    let ports = t.containers.flatMap(\.bindings).map { b in
      b.hostPort == b.containerPort ? "\(b.containerPort)" : "\(b.hostPort)→\(b.containerPort)"
    }
    var s = "\(t.id.prefix(8))… \(t.family) \(t.lastStatus.rawValue) [\(t.group)]"
    if !ports.isEmpty { s += " ports " + ports.joined(separator: ", ") }
    if let ip = t.eni?.privateIp { s += " ENI " + ip }
    return s
  }

  /// A 20-cell bar of used against total.
  static func bar(_ used: Int, _ total: Int) -> String {
    let cells = 20
    let filled = total > 0 ? min(cells, (used * cells + total - 1) / total) : 0
    return "[" + String(repeating: "█", count: filled)
      + String(repeating: "·", count: cells - filled) + "]"
  }
}
