/// A VPC (only what ECS lessons touch).
public struct VPC: Sendable, Equatable, Codable {
  public var vpcId: String
  public var cidrBlock: String
  public var isDefault: Bool
  public var ownerId: String
  /// `modify-vpc-attribute --enable-dns-support`: the Amazon DNS server answers (default true).
  public var enableDnsSupport: Bool = true
  /// `--enable-dns-hostnames`: instances get DNS names; interface endpoints' private DNS needs
  /// it (true in the default VPC, false in a new one).
  public var enableDnsHostnames: Bool = true
  public var tags: [Tag] = []
}

/// A subnet in one availability zone.
public struct Subnet: Sendable, Equatable, Codable {
  public var subnetId: String
  public var vpcId: String
  public var cidrBlock: String
  public var availabilityZone: String
  public var availabilityZoneId: String
  public var availableIpAddressCount: Int
  public var defaultForAz: Bool
  public var mapPublicIpOnLaunch: Bool
  public var ownerId: String
  public var subnetArn: String
  public var tags: [Tag] = []
}

/// One rule of a security group: a protocol and port range from CIDRs or from other groups.
/// Stored rules have exactly one peer (one CIDR or one group) and their own `sgr-` ID, as EC2
/// keeps them; describe-security-groups merges rules of one protocol and range into an IpPermission.
public struct SecurityGroupRule: Sendable, Equatable, Codable {
  public var ipProtocol: String  // "tcp", "udp", "icmp", "-1" or a protocol number
  public var fromPort: Int?
  public var toPort: Int?
  public var cidrs: [String] = []
  public var sourceGroupIds: [String] = []
  /// `sgr-` and 17 hex digits.
  public var ruleId: String = ""
  public var description: String?
}

/// A security group with its inbound and outbound rules.
public struct SecurityGroup: Sendable, Equatable, Codable {
  public var groupId: String
  public var groupName: String
  public var description: String
  public var vpcId: String
  public var ownerId: String
  public var ingress: [SecurityGroupRule] = []
  public var egress: [SecurityGroupRule] = []
}

extension World {
  /// The default VPC of a fresh account: 172.31.0.0/16, one public /20 per availability zone.
  mutating func createDefaultNetwork() {
    let vpcId = "vpc-" + random.hex(17)
    vpcs.append(VPC(vpcId: vpcId, cidrBlock: "172.31.0.0/16", isDefault: true, ownerId: account))
    for (i, zone) in ["a", "b", "c"].enumerated() {
      let id = "subnet-" + random.hex(17)
      subnets.append(
        Subnet(
          subnetId: id, vpcId: vpcId, cidrBlock: "172.31.\(i * 16).0/20",
          availabilityZone: region + zone, availabilityZoneId: "use1-az\(i + 1)",
          availableIpAddressCount: 4091, defaultForAz: true, mapPublicIpOnLaunch: true,
          ownerId: account, subnetArn: arn(service: "ec2", resource: "subnet/" + id)))
    }
    let sg = SecurityGroup(
      groupId: "sg-" + random.hex(17), groupName: "default",
      description: "default VPC security group", vpcId: vpcId, ownerId: account)
    var withRules = sg
    withRules.ingress = [
      SecurityGroupRule(
        ipProtocol: "-1", sourceGroupIds: [sg.groupId], ruleId: SecurityGroup.derivedRuleId(sg, 0))
    ]
    withRules.egress = [
      SecurityGroupRule(
        ipProtocol: "-1", cidrs: ["0.0.0.0/0"], ruleId: SecurityGroup.derivedRuleId(sg, 1))
    ]
    securityGroups.append(withRules)
    addDerivedVPCPieces(vpcId: vpcId, cidr: "172.31.0.0/16", internetGateway: true)
  }

  /// A VPC's main route table and default network ACL, with IDs derived from the VPC's ID (no
  /// `random`: see `NetworkState.derivedId`); for the default VPC also its attached internet
  /// gateway and the main table's 0.0.0.0/0 route to it, as a fresh account has.
  mutating func addDerivedVPCPieces(vpcId: String, cidr: String, internetGateway: Bool) {
    var routes = [Route(destination: cidr, target: .local, origin: "CreateRouteTable")]
    if internetGateway {
      let igw = NetworkState.derivedId("igw-", from: vpcId)
      network.internetGateways.append(InternetGateway(internetGatewayId: igw, attachedVpcId: vpcId))
      routes.append(Route(destination: "0.0.0.0/0", target: .gateway(igw), origin: "CreateRoute"))
    }
    network.routeTables.append(
      RouteTable(
        routeTableId: NetworkState.derivedId("rtb-", from: vpcId), vpcId: vpcId, routes: routes,
        isMain: true, mainAssociationId: NetworkState.derivedId("rtbassoc-", from: vpcId)))
    network.networkAcls.append(
      NetworkACL(
        networkAclId: NetworkState.derivedId("acl-", from: vpcId), vpcId: vpcId, isDefault: true))
  }
}

extension World {
  /// Whether an internet gateway is attached to `vpcId`. The load balancer (internet-facing
  /// scheme) and egress ask this one question. The default VPC has one from the start; a new VPC
  /// after `create-internet-gateway` and `attach-internet-gateway`.
  public func internetGatewayAttached(to vpcId: String) -> Bool {
    network.internetGateways.contains { $0.attachedVpcId == vpcId }
  }

  /// The route table a subnet uses: its explicit association, else its VPC's main table.
  public func routeTable(forSubnet subnetId: String) -> RouteTable? {
    if let t = network.routeTables.first(where: { t in
      t.associations.contains { $0.subnetId == subnetId }
    }) {
      return t
    }
    guard let vpcId = subnets.first(where: { $0.subnetId == subnetId })?.vpcId else { return nil }
    return network.routeTables.first { $0.vpcId == vpcId && $0.isMain }
  }

  /// The route that carries traffic for `ip` in `table`: the most specific CIDR that contains it.
  public func route(in table: RouteTable, forAddress ip: String) -> Route? {
    table.routes.filter { r in !r.isPrefixList && CIDR(r.destination)?.contains(ip) == true }
      .max { (CIDR($0.destination)?.prefix ?? 0) < (CIDR($1.destination)?.prefix ?? 0) }
  }

  /// Whether a subnet is public: its route table sends 0.0.0.0/0 to an attached internet gateway.
  public func isPublicSubnet(_ subnetId: String) -> Bool {
    guard let table = routeTable(forSubnet: subnetId),
      let r = route(in: table, forAddress: "52.94.0.10"), case .gateway(let id) = r.target,
      id.hasPrefix("igw-")
    else { return false }
    return network.internetGateways.contains {
      $0.internetGatewayId == id && $0.attachedVpcId == table.vpcId
    }
  }
}
