import ECSCommands
import ECSModel

/// `show cluster [NAME]`: the data plane of one cluster at a glance — each container instance with
/// CPU and memory bars, the tasks on it and their host ports; Fargate tasks on their own.
enum ClusterView {
  static func render(_ w: World, cluster ref: String?, _ lang: Language) -> String {
    let active = w.clusters.filter { $0.status == .active }
    guard
      let cluster = ref.flatMap({ w.cluster($0) })
        ?? (ref == nil && active.count == 1 ? active.first : nil)
    else {
      if active.isEmpty { return Msg.clusterNone.text(lang) }
      return Msg.clusterWhich(active.map(\.name)).text(lang)
    }
    var lines = [Msg.clusterTitle(cluster.name).text(lang)]
    if !cluster.capacityProviders.isEmpty {
      lines.append(Msg.clusterProviders(cluster.capacityProviders).text(lang))
    }
    let instances = w.registeredContainerInstances(in: cluster.arn)
    let live = w.workloads.tasks.filter {
      $0.clusterArn == cluster.arn && $0.lastStatus != .stopped
    }
    if instances.isEmpty {
      lines.append(Msg.clusterNoInstances.text(lang))
    }
    // Instances meant for this cluster whose agent cannot reach ECS from their subnet.
    for i in w.capacity.instances
    where i.state == .running && (i.configuredCluster ?? "default") == cluster.name {
      if case .registered = i.agent { continue }
      if let why = w.agentEgressFailure(i) {
        lines.append(Msg.instanceNotRegistered(instance: i.instanceId, why: why).text(lang))
      }
    }
    for ci in instances {
      let used = w.usage(of: ci)
      let id = String(ci.id.prefix(8))
      var head =
        "  ▣ \(ci.ec2InstanceId) (\(ci.instanceType), \(ci.availabilityZone), \(id)…) \(ci.status.rawValue)"
      if !ci.agentConnected { head += Msg.agentDisconnected.text(lang) }
      lines.append(head)
      lines.append(
        "      CPU    " + bar(used.cpu, ci.registeredCpu) + " \(used.cpu)/\(ci.registeredCpu)")
      let memory = Msg.memoryLabel.text(lang)
      lines.append(
        "      " + memory + String(repeating: " ", count: max(1, 7 - TextWidth.columns(of: memory)))
          + bar(used.memory, ci.registeredMemory)
          + " \(used.memory)/\(ci.registeredMemory) MiB")
      for t in live where t.containerInstanceArn == ci.arn {
        lines.append("      • " + taskLine(t, w, lang))
      }
    }
    let fargate = live.filter {
      $0.launchType == .fargate || ($0.containerInstanceArn == nil && $0.eni != nil)
    }
    if !fargate.isEmpty {
      lines.append(Msg.fargateHeading.text(lang))
      for t in fargate { lines.append("      • " + taskLine(t, w, lang)) }
    }
    let services = w.workloads.services.filter {
      $0.clusterArn == cluster.arn && $0.status == .active
    }
    if !services.isEmpty {
      lines.append(Msg.servicesHeading.text(lang))
      for s in services {
        let running = live.filter { $0.serviceArn == s.arn && $0.lastStatus == .running }.count
        lines.append("      \(s.name): \(running)/\(s.desiredCount) RUNNING")
        for d in s.deployments {
          let td = d.taskDefinitionArn.split(separator: "/").last.map(String.init) ?? ""
          let running = live.filter { $0.deploymentId == d.id && $0.lastStatus == .running }.count
          lines.append(
            "        "
              + Msg.deploymentLine(
                status: d.status.rawValue, rollout: d.rolloutState.rawValue, taskDefinition: td,
                running: running, desired: d.desiredCount
              ).text(lang))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One task: its ID, revision (`web:2`), status, group and, during a deployment, the
  /// deployment it belongs to (PRIMARY or ACTIVE); then its ports.
  static func taskLine(_ t: ECSTask, _ w: World, _ lang: Language) -> String {
    let ports = t.containers.flatMap(\.bindings).map { b in
      b.hostPort == b.containerPort ? "\(b.containerPort)" : "\(b.hostPort)→\(b.containerPort)"
    }
    var s = "\(t.id.prefix(8))… \(t.familyRevision) \(t.lastStatus.rawValue) [\(t.group)]"
    if let service = w.workloads.services.first(where: { $0.arn == t.serviceArn }),
      service.deployments.count > 1,
      let d = service.deployments.first(where: { $0.id == t.deploymentId })
    {
      s += " \(d.status.rawValue)"
    }
    if !ports.isEmpty { s += " " + Msg.portsLabel.text(lang) + " " + ports.joined(separator: ", ") }
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
