/// EC2 describe calls for the account's network: DescribeVpcs, DescribeSubnets,
/// DescribeSecurityGroups.
enum NetworkActions {
  static let table: [String: ActionHandler] = [
    "DescribeVpcs": describeVpcs,
    "DescribeSubnets": describeSubnets,
    "DescribeSecurityGroups": describeSecurityGroups,
  ]

  static func describeVpcs(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let ids = req.strings("VpcIds")
    let filters = try Filters(req.array("Filters") ?? [])
    var out: [JSONValue] = []
    for v in world.vpcs {
      if let ids, !ids.contains(v.vpcId) { continue }
      let fields: [String: [String]] = [
        "vpc-id": [v.vpcId], "is-default": [v.isDefault ? "true" : "false"],
        "isDefault": [v.isDefault ? "true" : "false"], "cidr": [v.cidrBlock],
        "cidr-block": [v.cidrBlock], "owner-id": [v.ownerId], "state": ["available"],
      ]
      guard try filters.accept(fields.merging(Filters.tagFields(v.tags)) { a, _ in a }) else {
        continue
      }
      out.append(world.vpcDocument(v))
    }
    if let ids, let missing = ids.first(where: { id in !world.vpcs.contains { $0.vpcId == id } }) {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(missing)' does not exist")
    }
    return ["Vpcs": .array(out)]
  }

  static func describeSubnets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let ids = req.strings("SubnetIds")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in !world.subnets.contains { $0.subnetId == id } })
    {
      throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for s in world.subnets {
      if let ids, !ids.contains(s.subnetId) { continue }
      let fields: [String: [String]] = [
        "subnet-id": [s.subnetId], "vpc-id": [s.vpcId], "availability-zone": [s.availabilityZone],
        "availabilityZone": [s.availabilityZone],
        "default-for-az": [s.defaultForAz ? "true" : "false"],
        "defaultForAz": [s.defaultForAz ? "true" : "false"], "cidr-block": [s.cidrBlock],
        "map-public-ip-on-launch": [s.mapPublicIpOnLaunch ? "true" : "false"],
        "state": ["available"],
        "owner-id": [s.ownerId], "cidr": [s.cidrBlock],
        "cidrBlock": [s.cidrBlock], "availability-zone-id": [s.availabilityZoneId],
      ]
      guard try filters.accept(fields.merging(Filters.tagFields(s.tags)) { a, _ in a }) else {
        continue
      }
      out.append(world.subnetDocument(s))
    }
    return ["Subnets": .array(out)]
  }

  static func describeSecurityGroups(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("GroupIds")
    let names = req.strings("GroupNames")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in !world.securityGroups.contains { $0.groupId == id } })
    {
      throw AWSError("InvalidGroup.NotFound", "The security group '\(missing)' does not exist")
    }
    if let names,
      let missing = names.first(where: { n in !world.securityGroups.contains { $0.groupName == n } }
      )
    {
      throw AWSError(
        "InvalidGroup.NotFound",
        "The security group '\(missing)' does not exist in default VPC '\(world.vpcs.first?.vpcId ?? "")'"
      )
    }
    var out: [JSONValue] = []
    for g in world.securityGroups {
      if let ids, !ids.contains(g.groupId) { continue }
      if let names, !names.contains(g.groupName) { continue }
      var fields: [String: [String]] = [
        "group-id": [g.groupId], "group-name": [g.groupName], "vpc-id": [g.vpcId],
        "description": [g.description], "owner-id": [g.ownerId],
      ]
      // The rules' filters: each may match a different rule of the group (as EC2 documents).
      for (prefix, rules) in [("ip-permission.", g.ingress), ("egress.ip-permission.", g.egress)] {
        fields[prefix + "protocol"] = rules.map(\.ipProtocol)
        fields[prefix + "from-port"] = rules.compactMap { $0.fromPort.map(String.init) }
        fields[prefix + "to-port"] = rules.compactMap { $0.toPort.map(String.init) }
        fields[prefix + "cidr"] = rules.flatMap(\.cidrs)
        fields[prefix + "group-id"] = rules.flatMap(\.sourceGroupIds)
      }
      guard try filters.accept(fields) else { continue }
      out.append([
        "GroupId": .string(g.groupId),
        "IpPermissionsEgress": .array(
          SecurityGroup.merged(g.egress).map { $0.document(owner: g.ownerId) }),
        "VpcId": .string(g.vpcId),
        "SecurityGroupArn": .string(
          world.arn(service: "ec2", resource: "security-group/" + g.groupId)),
        "OwnerId": .string(g.ownerId),
        "GroupName": .string(g.groupName),
        "Description": .string(g.description),
        "IpPermissions": .array(
          SecurityGroup.merged(g.ingress).map { $0.document(owner: g.ownerId) }),
      ])
    }
    return ["SecurityGroups": .array(out)]
  }
}

extension SecurityGroupRule {
  /// The rule as EC2 prints an IpPermission.
  func document(owner: String) -> JSONValue {
    jsonObject([
      ("IpProtocol", .string(ipProtocol)),
      ("FromPort", fromPort.map { .int($0) }),
      ("ToPort", toPort.map { .int($0) }),
      (
        "UserIdGroupPairs",
        .array(sourceGroupIds.map { ["UserId": .string(owner), "GroupId": .string($0)] })
      ),
      ("IpRanges", .array(cidrs.map { ["CidrIp": .string($0)] })),
      ("Ipv6Ranges", []),
      ("PrefixListIds", []),
    ])
  }
}
