import ECSModel

/// The view's words, said by `Msg.vpcLabel` in the learner's language.
public enum VPCLabel: Sendable, Equatable {
  case isDefault
  case dns(support: Bool, hostnames: Bool)
  case internetGateway(String?)
  case subnets, publicSubnet, privateSubnet, routeTables, main, natGateways, endpoints, nothing
  case privateDns(Bool)
  case taskLine(id: String, taskDefinition: String, status: String, ip: String)
  case instanceLine(id: String, ip: String, registered: Bool)
}

/// `show vpc [VPC]` (subnets public or private by their routes, route tables, gateways,
/// endpoints, and which tasks and instances sit where) and the egress answer of
/// `reach TASK SERVICE|internet`.
enum VPCView {
  static func render(_ w: World, ref: String?, _ lang: Language) -> String {
    let chosen = w.vpcs.filter { v in
      ref == nil || v.vpcId == ref || v.tags.contains { $0.key == "Name" && $0.value == ref }
    }
    guard !chosen.isEmpty else { return Msg.vpcNone(ref ?? "").text(lang) }
    return chosen.map { vpc($0, w, lang) }.joined(separator: "\n\n")
  }

  private static func say(_ l: VPCLabel, _ lang: Language) -> String { Msg.vpcLabel(l).text(lang) }

  private static func name(_ tags: [Tag]) -> String {
    tags.first { $0.key == "Name" }.map { " \"\($0.value)\"" } ?? ""
  }

  private static func vpc(_ v: VPC, _ w: World, _ lang: Language) -> String {
    var lines = [
      "◆ \(v.vpcId) (\(v.cidrBlock))\(name(v.tags))"
        + (v.isDefault ? " — " + say(.isDefault, lang) : ""),
      "  " + say(.dns(support: v.enableDnsSupport, hostnames: v.enableDnsHostnames), lang),
      "  "
        + say(
          .internetGateway(
            w.network.internetGateways.first { $0.attachedVpcId == v.vpcId }?.internetGatewayId),
          lang),
      "  " + say(.subnets, lang),
    ]
    if !w.subnets.contains(where: { $0.vpcId == v.vpcId }) {
      lines.append("    " + say(.nothing, lang))
    }
    for s in w.subnets where s.vpcId == v.vpcId {
      let table = w.routeTable(forSubnet: s.subnetId)
      let kind = say(w.isPublicSubnet(s.subnetId) ? .publicSubnet : .privateSubnet, lang)
      lines.append(
        "    \(s.subnetId)  \(s.cidrBlock)  \(s.availabilityZone)  \(kind)  → \(table?.routeTableId ?? "-")\(name(s.tags))"
      )
      for t in w.workloads.tasks where t.eni?.subnetId == s.subnetId && t.lastStatus != .stopped {
        let ip = (t.eni?.privateIp ?? "") + (t.eni?.publicIp.map { " / " + $0 } ?? "")
        lines.append(
          "      • "
            + say(
              .taskLine(
                id: Msg.short(t.id), taskDefinition: t.familyRevision,
                status: t.lastStatus.rawValue, ip: ip), lang))
      }
      for i in w.capacity.instances where i.subnetId == s.subnetId && i.state != .terminated {
        var registered = false
        if case .registered = i.agent { registered = true }
        let ip = i.privateIpAddress + (i.publicIpAddress.map { " / " + $0 } ?? "")
        lines.append(
          "      ▣ " + say(.instanceLine(id: i.instanceId, ip: ip, registered: registered), lang))
      }
    }
    lines.append("  " + say(.routeTables, lang))
    for t in w.network.routeTables where t.vpcId == v.vpcId {
      let routes = t.routes.map { r -> String in
        var target = r.target.id
        if case .natGateway(let n) = r.target,
          w.network.natGateways.first(where: { $0.natGatewayId == n })?.state != .available
        {
          target += " (blackhole)"
        }
        if case .gateway(let g) = r.target, g.hasPrefix("igw-"),
          !w.network.internetGateways.contains(where: {
            $0.internetGatewayId == g && $0.attachedVpcId == v.vpcId
          })
        {
          target += " (blackhole)"
        }
        return "\(r.destination) → \(target)"
      }
      lines.append(
        "    \(t.routeTableId)\(t.isMain ? " (" + say(.main, lang) + ")" : ""): "
          + routes.joined(separator: "; "))
    }
    let nats = w.network.natGateways.filter { $0.vpcId == v.vpcId && $0.state != .deleted }
    if !nats.isEmpty {
      lines.append("  " + say(.natGateways, lang))
      for n in nats {
        let kind = say(w.isPublicSubnet(n.subnetId) ? .publicSubnet : .privateSubnet, lang)
        lines.append(
          "    \(n.natGatewayId)  \(n.state.rawValue)  \(n.subnetId) (\(kind))  \(n.publicIp)")
      }
    }
    let endpoints = w.network.endpoints.filter { $0.vpcId == v.vpcId }
    if !endpoints.isEmpty {
      lines.append("  " + say(.endpoints, lang))
      for e in endpoints {
        if e.kind == .gateway {
          lines.append(
            "    \(e.vpcEndpointId)  Gateway  \(e.service)  \(e.state)  → \(e.routeTableIds.joined(separator: ", "))"
          )
        } else {
          lines.append(
            "    \(e.vpcEndpointId)  Interface  \(e.service)  \(e.state)  \(e.subnetIds.joined(separator: ", "))  \(e.groupIds.joined(separator: ", "))  "
              + say(.privateDns(e.privateDnsEnabled), lang))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `reach SOURCE internet|SERVICE`: the egress answer for a task or an instance, with the fixes
  /// when it is refused. The status is 0 when reachable.
  static func egress(_ w: World, source name: String, to dest: String, _ lang: Language) -> (
    ok: Bool, text: String
  ) {
    let destination = Egress.Destination(dest)
    var source: Egress.Source?
    if name.hasPrefix("i-"), let i = w.capacity.instances.first(where: { $0.instanceId == name }) {
      source = w.egressSource(instance: i)
    } else if let t = w.task(named: name) {
      // A Fargate task goes out through its own ENI; on EC2 the instance pulls and logs.
      source =
        t.launchType == .fargate
        ? w.egressSource(task: t)
        : t.ec2InstanceId.flatMap { id in w.capacity.instances.first { $0.instanceId == id } }
          .map(w.egressSource(instance:)) ?? w.egressSource(task: t)
    }
    let shown = Msg.shownSource(name)
    guard let source else {
      return (
        false,
        Msg.egressRefused(source: shown, destination: dest, why: .unknownSource(name)).text(lang)
      )
    }
    switch w.egress(from: source, to: destination) {
    case .reachable(let path):
      return (
        true, Msg.egressReachable(source: shown, destination: dest, path: path).text(lang)
      )
    case .refused(let why):
      var text = Msg.egressRefused(source: shown, destination: dest, why: why).text(lang)
      let subnet = w.subnets.first { $0.subnetId == source.subnetId }
      let table = w.routeTable(forSubnet: source.subnetId)
      switch why {
      case .noRoute, .noPublicIp, .natWithoutInternet, .gatewayDetached, .natNotAvailable:
        var command: String?
        if case .service(let s) = destination, let subnet, let table {
          command =
            Egress.gatewayServices.contains(s)
            ? "aws ec2 create-vpc-endpoint --vpc-id \(subnet.vpcId) --service-name com.amazonaws.\(w.region).\(s) --route-table-ids \(table.routeTableId)"
            : "aws ec2 create-vpc-endpoint --vpc-id \(subnet.vpcId) --vpc-endpoint-type Interface --service-name com.amazonaws.\(w.region).\(s) --subnet-ids \(subnet.subnetId) --security-group-ids SG_ID"
        }
        var isPublic = false
        if case .noPublicIp = why { isPublic = true }
        text +=
          "\n  "
          + Msg.egressFixes(
            destination: dest, routeTableId: table?.routeTableId ?? "", publicSubnet: isPublic,
            endpointCommand: command
          ).text(lang)
      default: break
      }
      return (false, text)
    }
  }
}
