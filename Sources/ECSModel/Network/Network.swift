/// A VPC (only what ECS lessons touch).
public struct VPC: Sendable, Equatable, Codable {
  public var vpcId: String
  public var cidrBlock: String
  public var isDefault: Bool
  public var ownerId: String
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
  }
}

extension World {
  /// Whether an internet gateway is attached to `vpcId`. The load balancer (internet-facing
  /// scheme) and egress ask this one question. Until VPCs have their own gateways, only the
  /// default VPC has one.
  public func internetGatewayAttached(to vpcId: String) -> Bool {
    vpcs.first { $0.vpcId == vpcId }?.isDefault ?? false
  }
}
