/// The VPC's routing pieces beside VPCs, subnets and security groups: internet gateways, route
/// tables, Elastic IPs, NAT gateways, VPC endpoints and network ACLs. One value in `World.network`.
public struct NetworkState: Sendable, Equatable, Codable {
  public var internetGateways: [InternetGateway] = []
  public var routeTables: [RouteTable] = []
  public var addresses: [ElasticAddress] = []
  public var natGateways: [NatGateway] = []
  public var endpoints: [VPCEndpoint] = []
  public var networkAcls: [NetworkACL] = []

  public init() {}
}

/// An internet gateway, attached to at most one VPC.
public struct InternetGateway: Sendable, Equatable, Codable {
  public var internetGatewayId: String
  public var attachedVpcId: String?
  public var tags: [Tag] = []
}

/// Where a route sends its traffic.
public enum RouteTarget: Sendable, Equatable, Codable {
  /// Inside the VPC.
  case local
  /// An internet gateway (`igw-`) or a gateway VPC endpoint (`vpce-`): EC2's `GatewayId`.
  case gateway(String)
  case natGateway(String)

  /// The target's ID as EC2 prints it.
  public var id: String {
    switch self {
    case .local: return "local"
    case .gateway(let id), .natGateway(let id): return id
    }
  }
}

/// One route: a destination (a CIDR, or a prefix list for a gateway endpoint) and its target.
public struct Route: Sendable, Equatable, Codable {
  public var destination: String
  public var target: RouteTarget
  /// `CreateRouteTable`, `CreateRoute` or `CreateVpcEndpoint`, as EC2 reports it.
  public var origin: String

  /// Whether the destination is a managed prefix list (`pl-`), as gateway endpoints add.
  public var isPrefixList: Bool { destination.hasPrefix("pl-") }
}

/// A route table and the subnets explicitly associated with it. A subnet without an explicit
/// association uses its VPC's main table.
public struct RouteTable: Sendable, Equatable, Codable {
  public var routeTableId: String
  public var vpcId: String
  public var routes: [Route]
  public var isMain: Bool = false
  /// The main association's ID (`rtbassoc-`), when this is the main table.
  public var mainAssociationId: String?
  /// Explicit associations: subnet and association ID.
  public var associations: [SubnetAssociation] = []
  public var tags: [Tag] = []
}

/// A subnet's explicit association with a route table.
public struct SubnetAssociation: Sendable, Equatable, Codable {
  public var subnetId: String
  public var associationId: String
}

/// An Elastic IP address (domain vpc).
public struct ElasticAddress: Sendable, Equatable, Codable {
  public var allocationId: String
  public var publicIp: String
  /// The NAT gateway that holds it, if any.
  public var natGatewayId: String?
  public var associationId: String?
  public var tags: [Tag] = []
}

/// NAT gateway states as EC2 names them.
public enum NatGatewayState: String, Sendable, Equatable, Codable {
  case pending, available, deleting, deleted, failed
}

/// A public NAT gateway: in a subnet, with an Elastic IP; pending, then available on the clock.
public struct NatGateway: Sendable, Equatable, Codable {
  public var natGatewayId: String
  public var subnetId: String
  public var vpcId: String
  public var allocationId: String
  public var publicIp: String
  public var privateIp: String
  public var networkInterfaceId: String
  public var state: NatGatewayState
  public var createdAt: Int64
  /// When the current state ends by itself (pending → available, deleting → deleted).
  public var stateEndsAt: Int64?
  public var deletedAt: Int64?
  public var tags: [Tag] = []
}

/// A VPC endpoint: a gateway endpoint (S3, DynamoDB) adds routes to route tables; an interface
/// endpoint puts an ENI in each of its subnets, guarded by its security groups, and with private
/// DNS answers for the service's public name inside the VPC.
public struct VPCEndpoint: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Equatable, Codable {
    case gateway = "Gateway"
    case interface = "Interface"
  }
  public var vpcEndpointId: String
  public var kind: Kind
  public var vpcId: String
  /// `com.amazonaws.REGION.ecr.api`.
  public var serviceName: String
  public var routeTableIds: [String] = []
  public var subnetIds: [String] = []
  public var groupIds: [String] = []
  /// One ENI per subnet, in subnet order: ID and private IP.
  public var networkInterfaces: [EndpointENI] = []
  public var privateDnsEnabled: Bool = false
  /// `pending` (interface endpoints, for a short while), `available`, `deleted`.
  public var state: String
  public var createdAt: Int64
  public var stateEndsAt: Int64?
  public var policyDocument: String?
  public var tags: [Tag] = []

  /// The short service name (`ecr.api`), after `com.amazonaws.REGION.`.
  public var service: String {
    let parts = serviceName.split(separator: ".", maxSplits: 3).map(String.init)
    return parts.count == 4 ? parts[3] : serviceName
  }
}

/// An interface endpoint's network interface in one subnet.
public struct EndpointENI: Sendable, Equatable, Codable {
  public var networkInterfaceId: String
  public var subnetId: String
  public var privateIp: String
}

/// A network ACL. Only the default one exists (allow all both ways), created with its VPC.
public struct NetworkACL: Sendable, Equatable, Codable {
  public var networkAclId: String
  public var vpcId: String
  public var isDefault: Bool
}

extension NetworkState {
  /// An ID derived from `seed` by a hash instead of the world's generator: the default VPC's
  /// gateway, main route table and network ACL exist from the start without consuming `random`,
  /// so every ID a learner sees stays what it was before they existed.
  ///
  /// ```swift
  /// NetworkState.derivedId("igw-", from: "vpc-0abc")  // "igw-0" + 16 hex digits
  /// ```
  public static func derivedId(_ prefix: String, from seed: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in (prefix + seed).utf8 { h = (h ^ UInt64(b)) &* 0x0100_0000_01b3 }
    let digits = Array("0123456789abcdef")
    var out = prefix + "0"
    for i in 0..<16 { out.append(digits[Int((h >> (UInt64(i) * 4)) & 15)]) }
    return out
  }
}
