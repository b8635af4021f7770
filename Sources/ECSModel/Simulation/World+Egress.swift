/// Egress: from a network interface (a task's ENI, or the instance a bridge/host task runs on),
/// can HTTPS traffic reach an AWS service's endpoint or the internet, and by which path? One
/// function answers it for task start (image pulls, secrets, logs), container-instance
/// registration, the tutor's `reach TASK ecr.api|internet`, and later ECS Exec (`ssmmessages`).
///
/// ```swift
/// switch world.egress(from: world.egressSource(task: t)!, to: .service("ecr.dkr")) {
/// case .reachable(let path): ...  // .natGateway(...), .interfaceEndpoint(...), ...
/// case .refused(let why): ...     // .noRoute(subnet:routeTable:), .noPublicIp(...), ...
/// }
/// ```
public enum Egress {
  /// Where the traffic goes: the internet, or one AWS service's regional endpoint by its short
  /// name as VPC endpoint services name it (`ecr.api`, `ecr.dkr`, `s3`, `logs`, `secretsmanager`,
  /// `ssm`, `ecs`, `ecs-agent`, `ecs-telemetry`, `sts`, `ssmmessages`).
  public enum Destination: Sendable, Equatable, CustomStringConvertible {
    case internet
    case service(String)

    /// `internet` or the service's short name, as `reach` takes it.
    public init(_ text: String) { self = text == "internet" ? .internet : .service(text) }

    public var description: String {
      switch self {
      case .internet: return "internet"
      case .service(let s): return s
      }
    }
  }

  /// The services that have interface endpoints in the simulation (S3 has a gateway endpoint).
  public static let interfaceServices = [
    "ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "ecs", "ecs-agent", "ecs-telemetry",
    "sts", "ssmmessages",
  ]
  /// The services with gateway endpoints.
  public static let gatewayServices = ["s3", "dynamodb"]

  /// The interface that sends: where it sits and how it is guarded.
  public struct Source: Sendable, Equatable {
    /// A task ID or an instance ID, for the words.
    public var name: String
    public var subnetId: String
    public var privateIp: String
    public var publicIp: String?
    public var securityGroups: [String]
  }

  /// The way out that works.
  public enum Path: Sendable, Equatable {
    /// The ENI's public IP through the subnet's route to an attached internet gateway.
    case internetGateway(routeTableId: String, gatewayId: String, publicIp: String)
    /// A NAT gateway (in a public subnet) through the subnet's route.
    case natGateway(routeTableId: String, natGatewayId: String, gatewayId: String)
    /// An interface endpoint whose private DNS answers the service's name, at its ENI's address.
    case interfaceEndpoint(endpointId: String, ip: String)
    /// A gateway endpoint's route (a prefix list) in the subnet's route table.
    case gatewayEndpoint(routeTableId: String, endpointId: String)
  }

  /// The first hop that stops the traffic.
  public enum Refusal: Sendable, Equatable {
    case unknownSource(String)
    /// The source has no network of its own (network mode none) or is gone.
    case noNetwork(String)
    /// The subnet's route table has no route for the destination (a private subnet).
    case noRoute(subnetId: String, routeTableId: String, publicIp: String?)
    /// The route leads to an internet gateway, but the ENI has no public IP.
    case noPublicIp(subnetId: String, routeTableId: String, gatewayId: String)
    /// The route's internet gateway is not attached to the VPC (a blackhole route).
    case gatewayDetached(routeTableId: String, gatewayId: String)
    /// The route's NAT gateway is not available (pending, deleting, deleted).
    case natNotAvailable(natGatewayId: String, state: String)
    /// The NAT gateway sits in a subnet without a route to an internet gateway.
    case natWithoutInternet(natGatewayId: String, subnetId: String)
    /// The source's security groups let no HTTPS (tcp 443) out to that address.
    case securityGroupEgress(groupIds: [String], to: String)
    /// The interface endpoint's security groups admit no tcp 443 from the source.
    case endpointSecurityGroup(endpointId: String, groupIds: [String], from: String)
    /// The interface endpoint is still pending.
    case endpointNotAvailable(endpointId: String)
    /// A gateway endpoint for the service exists, but not on the route table of the subnet.
    case gatewayEndpointNotOnRouteTable(endpointId: String, routeTableId: String)
  }

  public enum Result: Sendable, Equatable {
    case reachable(Path)
    case refused(Refusal)

    public var isReachable: Bool {
      if case .reachable = self { return true }
      return false
    }
  }

  /// A public address that stands for AWS's regional endpoints and the internet: what the
  /// security groups' egress rules and the route tables are asked about.
  static let publicAddress = "52.94.0.10"
}

extension World {
  /// Whether `source` reaches `destination` over HTTPS, and how. In order: an interface
  /// endpoint with private DNS for the service (its DNS name resolves to the endpoint's ENI, so
  /// the endpoint's security groups decide: there is no falling back to the internet), an S3 or
  /// DynamoDB gateway endpoint on the subnet's route table, then the subnet's route for a public
  /// address: an internet gateway (the ENI needs a public IP) or an available NAT gateway in a
  /// public subnet. The source's security groups must let tcp 443 out at every path.
  public func egress(from source: Egress.Source, to destination: Egress.Destination)
    -> Egress.Result
  {
    let result = egressPath(from: source, to: destination)
    // Neither way out: a gateway endpoint on another route table is the likelier mistake.
    if case .refused(let why) = result, case .service(let service) = destination,
      Egress.gatewayServices.contains(service),
      let subnet = subnets.first(where: { $0.subnetId == source.subnetId }),
      let table = routeTable(forSubnet: subnet.subnetId),
      let e = network.endpoints.first(where: {
        $0.vpcId == subnet.vpcId && $0.kind == .gateway && $0.service == service
      })
    {
      switch why {
      case .securityGroupEgress, .unknownSource: return result
      default:
        return .refused(
          .gatewayEndpointNotOnRouteTable(
            endpointId: e.vpcEndpointId, routeTableId: table.routeTableId))
      }
    }
    return result
  }

  private func egressPath(from source: Egress.Source, to destination: Egress.Destination)
    -> Egress.Result
  {
    guard let subnet = subnets.first(where: { $0.subnetId == source.subnetId }),
      let table = routeTable(forSubnet: subnet.subnetId)
    else { return .refused(.unknownSource(source.name)) }
    if case .service(let service) = destination {
      if let e = network.endpoints.first(where: {
        $0.vpcId == subnet.vpcId && $0.kind == .interface && $0.service == service
          && $0.privateDnsEnabled && $0.state != "deleted"
      }) {
        guard e.state == "available" else {
          return .refused(.endpointNotAvailable(endpointId: e.vpcEndpointId))
        }
        let eni =
          e.networkInterfaces.first { zone(of: $0.subnetId) == subnet.availabilityZone }
          ?? e.networkInterfaces.first
        let ip = eni?.privateIp ?? ""
        if !egressAllowed(source.securityGroups, toIp: ip, toGroups: e.groupIds) {
          return .refused(.securityGroupEgress(groupIds: source.securityGroups, to: ip))
        }
        if !endpointAdmits(e, from: source) {
          return .refused(
            .endpointSecurityGroup(
              endpointId: e.vpcEndpointId, groupIds: e.groupIds, from: source.privateIp))
        }
        return .reachable(.interfaceEndpoint(endpointId: e.vpcEndpointId, ip: ip))
      }
      if Egress.gatewayServices.contains(service),
        let e = network.endpoints.first(where: {
          $0.vpcId == subnet.vpcId && $0.kind == .gateway && $0.service == service
            && $0.routeTableIds.contains(table.routeTableId) && $0.state != "deleted"
        })
      {
        guard egressAllowed(source.securityGroups, toIp: Egress.publicAddress, toGroups: []) else {
          return .refused(
            .securityGroupEgress(groupIds: source.securityGroups, to: Egress.publicAddress))
        }
        return .reachable(
          .gatewayEndpoint(routeTableId: table.routeTableId, endpointId: e.vpcEndpointId))
      }
    }
    guard let r = route(in: table, forAddress: Egress.publicAddress) else {
      return .refused(
        .noRoute(
          subnetId: subnet.subnetId, routeTableId: table.routeTableId, publicIp: source.publicIp))
    }
    let path: Egress.Path
    switch r.target {
    case .local:
      return .refused(
        .noRoute(
          subnetId: subnet.subnetId, routeTableId: table.routeTableId, publicIp: source.publicIp))
    case .gateway(let id):
      guard id.hasPrefix("igw-"), internetGatewayAttached(id, to: subnet.vpcId) else {
        return .refused(.gatewayDetached(routeTableId: table.routeTableId, gatewayId: id))
      }
      guard let ip = source.publicIp else {
        return .refused(
          .noPublicIp(subnetId: subnet.subnetId, routeTableId: table.routeTableId, gatewayId: id))
      }
      path = .internetGateway(routeTableId: table.routeTableId, gatewayId: id, publicIp: ip)
    case .natGateway(let id):
      guard let nat = network.natGateways.first(where: { $0.natGatewayId == id }),
        nat.state == .available
      else {
        let state = network.natGateways.first { $0.natGatewayId == id }?.state.rawValue ?? "deleted"
        return .refused(.natNotAvailable(natGatewayId: id, state: state))
      }
      guard let natTable = routeTable(forSubnet: nat.subnetId),
        let out = route(in: natTable, forAddress: Egress.publicAddress),
        case .gateway(let igw) = out.target, internetGatewayAttached(igw, to: nat.vpcId)
      else {
        return .refused(.natWithoutInternet(natGatewayId: id, subnetId: nat.subnetId))
      }
      path = .natGateway(routeTableId: table.routeTableId, natGatewayId: id, gatewayId: igw)
    }
    guard egressAllowed(source.securityGroups, toIp: Egress.publicAddress, toGroups: []) else {
      return .refused(
        .securityGroupEgress(groupIds: source.securityGroups, to: Egress.publicAddress))
    }
    return .reachable(path)
  }

  /// Where a task's traffic to AWS leaves from: its own ENI (awsvpc), else the instance it runs
  /// on (bridge, host: the agent and docker on the instance pull and log). nil for network mode
  /// none on Fargate, which does not exist, or a task not placed yet.
  public func egressSource(task t: ECSTask) -> Egress.Source? {
    if let e = t.eni {
      return Egress.Source(
        name: t.id, subnetId: e.subnetId, privateIp: e.privateIp, publicIp: e.publicIp,
        securityGroups: e.securityGroups)
    }
    return instance(of: t).map(egressSource(instance:))
  }

  /// An instance's primary interface.
  public func egressSource(instance i: EC2Instance) -> Egress.Source {
    Egress.Source(
      name: i.instanceId, subnetId: i.subnetId, privateIp: i.privateIpAddress,
      publicIp: i.publicIpAddress, securityGroups: i.securityGroupIds)
  }

  /// The first of `destinations` the source cannot reach, with why.
  public func firstUnreachable(from source: Egress.Source, _ destinations: [Egress.Destination])
    -> (Egress.Destination, Egress.Refusal)?
  {
    for d in destinations {
      if case .refused(let why) = egress(from: source, to: d) { return (d, why) }
    }
    return nil
  }

  private func internetGatewayAttached(_ id: String, to vpcId: String) -> Bool {
    network.internetGateways.contains { $0.internetGatewayId == id && $0.attachedVpcId == vpcId }
  }

  private func zone(of subnetId: String) -> String? {
    subnets.first { $0.subnetId == subnetId }?.availabilityZone
  }

  /// Whether the groups' outbound rules let tcp 443 out to `ip` (or to one of `toGroups`).
  func egressAllowed(_ groupIds: [String], toIp ip: String, toGroups: [String]) -> Bool {
    guard !groupIds.isEmpty else { return true }
    for id in groupIds {
      guard let g = securityGroups.first(where: { $0.groupId == id }) else { continue }
      for r in g.egress where r.covers(protocol: "tcp", port: 443) {
        if r.cidrs.contains(where: { CIDR($0)?.contains(ip) == true })
          || r.sourceGroupIds.contains(where: { toGroups.contains($0) })
        {
          return true
        }
      }
    }
    return false
  }

  /// Whether an interface endpoint's groups admit tcp 443 from the source's address or groups.
  func endpointAdmits(_ e: VPCEndpoint, from source: Egress.Source) -> Bool {
    for id in e.groupIds {
      guard let g = securityGroups.first(where: { $0.groupId == id }) else { continue }
      for r in g.ingress where r.covers(protocol: "tcp", port: 443) {
        if r.cidrs.contains(where: { CIDR($0)?.contains(source.privateIp) == true })
          || r.sourceGroupIds.contains(where: { source.securityGroups.contains($0) })
        {
          return true
        }
      }
    }
    return false
  }
}
