/// EC2 VPCs and subnets: CreateVpc, DeleteVpc, ModifyVpcAttribute, DescribeVpcAttribute,
/// CreateSubnet, DeleteSubnet, ModifySubnetAttribute (DescribeVpcs and DescribeSubnets are in
/// `NetworkActions`).
enum VPCActions {
  static let table: [String: ActionHandler] = [
    "CreateVpc": createVpc,
    "DeleteVpc": deleteVpc,
    "ModifyVpcAttribute": modifyVpcAttribute,
    "DescribeVpcAttribute": describeVpcAttribute,
    "CreateSubnet": createSubnet,
    "DeleteSubnet": deleteSubnet,
    "ModifySubnetAttribute": modifySubnetAttribute,
    "DescribeNetworkAcls": describeNetworkAcls,
  ]

  /// The availability zones of the simulated region, with their zone IDs.
  static let zones = ["a", "b", "c", "d", "e", "f"]

  static func createVpc(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let text = req.string("CidrBlock") ?? ""
    guard let block = CIDR(text) else {
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(text)) for parameter cidrBlock is invalid. This is not a valid CIDR block.")
    }
    guard (16...28).contains(block.prefix), block.base & ~block.mask == 0 else {
      throw AWSError("InvalidVpc.Range", "The CIDR '\(text)' is invalid.")
    }
    let tags = req.tags(for: "vpc")
    let vpcId = "vpc-0" + world.random.hex(16)
    var vpc = VPC(vpcId: vpcId, cidrBlock: text, isDefault: false, ownerId: world.account)
    vpc.enableDnsHostnames = false
    vpc.tags = tags
    world.vpcs.append(vpc)
    // The default security group: its members talk to each other, everything goes out.
    let sg = SecurityGroup(
      groupId: "sg-0" + world.random.hex(16), groupName: "default",
      description: "default VPC security group", vpcId: vpcId, ownerId: world.account)
    var group = sg
    group.ingress = [
      SecurityGroupRule(
        ipProtocol: "-1", sourceGroupIds: [sg.groupId], ruleId: SecurityGroup.derivedRuleId(sg, 0))
    ]
    group.egress = [
      SecurityGroupRule(
        ipProtocol: "-1", cidrs: ["0.0.0.0/0"], ruleId: SecurityGroup.derivedRuleId(sg, 1))
    ]
    world.securityGroups.append(group)
    world.addDerivedVPCPieces(vpcId: vpcId, cidr: text, internetGateway: false)
    world.record(
      .network, "VPC \(vpcId) (\(text)) created.", .vpcCreated(vpcId, cidr: text))
    return ["Vpc": world.vpcDocument(vpc, state: "pending")]
  }

  static func deleteVpc(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = req.string("VpcId") ?? ""
    guard world.vpcs.contains(where: { $0.vpcId == id }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(id)' does not exist")
    }
    let n = world.network
    let blocked =
      world.subnets.contains { $0.vpcId == id }
      || n.internetGateways.contains { $0.attachedVpcId == id }
      || n.routeTables.contains { $0.vpcId == id && !$0.isMain }
      || world.securityGroups.contains { $0.vpcId == id && $0.groupName != "default" }
      || n.endpoints.contains { $0.vpcId == id }
      || n.natGateways.contains { $0.vpcId == id && $0.state != .deleted }
    if blocked {
      throw AWSError(
        "DependencyViolation", "The vpc '\(id)' has dependencies and cannot be deleted.")
    }
    world.vpcs.removeAll { $0.vpcId == id }
    world.securityGroups.removeAll { $0.vpcId == id }
    world.network.routeTables.removeAll { $0.vpcId == id }
    world.network.networkAcls.removeAll { $0.vpcId == id }
    world.record(.network, "VPC \(id) deleted.")
    return .object([])
  }

  static func modifyVpcAttribute(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("VpcId") ?? ""
    guard let i = world.vpcs.firstIndex(where: { $0.vpcId == id }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(id)' does not exist")
    }
    let support = req["EnableDnsSupport"]?["Value"]?.boolValue
    let hostnames = req["EnableDnsHostnames"]?["Value"]?.boolValue
    // UNCONFIRMED: EC2's wording when both or neither attribute is given.
    guard (support == nil) != (hostnames == nil) else {
      throw AWSError(
        "InvalidParameterCombination",
        "Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames")
    }
    if let support { world.vpcs[i].enableDnsSupport = support }
    if let hostnames { world.vpcs[i].enableDnsHostnames = hostnames }
    return .object([])
  }

  static func describeVpcAttribute(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("VpcId") ?? ""
    guard let v = world.vpcs.first(where: { $0.vpcId == id }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(id)' does not exist")
    }
    switch req.string("Attribute") {
    case "enableDnsSupport":
      return ["VpcId": .string(id), "EnableDnsSupport": ["Value": .bool(v.enableDnsSupport)]]
    case "enableDnsHostnames":
      return ["VpcId": .string(id), "EnableDnsHostnames": ["Value": .bool(v.enableDnsHostnames)]]
    case let other:
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(other ?? "")) for parameter attribute is invalid. Unknown attribute.")
    }
  }

  static func createSubnet(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let vpcId = req.string("VpcId") ?? ""
    guard let vpc = world.vpcs.first(where: { $0.vpcId == vpcId }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(vpcId)' does not exist")
    }
    let text = req.string("CidrBlock") ?? ""
    guard let block = CIDR(text) else {
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(text)) for parameter cidrBlock is invalid. This is not a valid CIDR block.")
    }
    guard (16...28).contains(block.prefix), block.base & ~block.mask == 0,
      CIDR(vpc.cidrBlock)?.contains(block) == true
    else {
      throw AWSError("InvalidSubnet.Range", "The CIDR '\(text)' is invalid.")
    }
    if world.subnets.contains(where: { s in
      guard s.vpcId == vpcId, let other = CIDR(s.cidrBlock) else { return false }
      return other.contains(block) || block.contains(other)
    }) {
      throw AWSError("InvalidSubnet.Conflict", "The CIDR '\(text)' conflicts with another subnet")
    }
    let all = zones.map { world.region + $0 }
    var zone: String
    if let z = req.string("AvailabilityZone") {
      zone = z
    } else if let zid = req.string("AvailabilityZoneId"),
      let k = zones.indices.first(where: { "use1-az\($0 + 1)" == zid })
    {
      zone = all[k]
    } else {
      // EC2 picks a zone; the first one keeps runs repeatable.
      zone = all[0]
    }
    guard let k = all.firstIndex(of: zone) else {
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(zone)) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: \(all.joined(separator: ", "))."
      )
    }
    zone = all[k]
    let id = "subnet-0" + world.random.hex(16)
    var subnet = Subnet(
      subnetId: id, vpcId: vpcId, cidrBlock: text, availabilityZone: zone,
      availabilityZoneId: "use1-az\(k + 1)",
      availableIpAddressCount: (1 << (32 - block.prefix)) - 5, defaultForAz: false,
      mapPublicIpOnLaunch: false, ownerId: world.account,
      subnetArn: world.arn(service: "ec2", resource: "subnet/" + id))
    subnet.tags = req.tags(for: "subnet")
    world.subnets.append(subnet)
    world.record(
      .network, "Subnet \(id) (\(text), \(zone)) created in \(vpcId).",
      .subnetCreated(id, cidr: text, zone: zone))
    return ["Subnet": world.subnetDocument(subnet)]
  }

  static func deleteSubnet(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = req.string("SubnetId") ?? ""
    guard world.subnets.contains(where: { $0.subnetId == id }) else {
      throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(id)' does not exist")
    }
    let used =
      world.capacity.instances.contains { $0.subnetId == id && $0.state != .terminated }
      || world.workloads.tasks.contains { $0.eni?.subnetId == id && $0.eni?.status != "DELETED" }
      || world.network.natGateways.contains { $0.subnetId == id && $0.state != .deleted }
      || world.network.endpoints.contains { $0.subnetIds.contains(id) }
    if used {
      throw AWSError(
        "DependencyViolation", "The subnet '\(id)' has dependencies and cannot be deleted.")
    }
    world.subnets.removeAll { $0.subnetId == id }
    for k in world.network.routeTables.indices {
      world.network.routeTables[k].associations.removeAll { $0.subnetId == id }
    }
    world.record(.network, "Subnet \(id) deleted.")
    return .object([])
  }

  static func modifySubnetAttribute(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("SubnetId") ?? ""
    guard let i = world.subnets.firstIndex(where: { $0.subnetId == id }) else {
      throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(id)' does not exist")
    }
    if let v = req["MapPublicIpOnLaunch"]?["Value"]?.boolValue {
      world.subnets[i].mapPublicIpOnLaunch = v
    }
    return .object([])
  }
}

extension VPCActions {
  /// Each VPC's default network ACL (allow all both ways, then the final deny), associated with
  /// every subnet of its VPC; association IDs derived from the subnet's ID.
  static func describeNetworkAcls(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("NetworkAclIds")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in
        !world.network.networkAcls.contains { $0.networkAclId == id }
      })
    {
      throw AWSError(
        "InvalidNetworkAclID.NotFound", "The network acl ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for acl in world.network.networkAcls {
      if let ids, !ids.contains(acl.networkAclId) { continue }
      let subnets = world.subnets.filter { $0.vpcId == acl.vpcId }.map(\.subnetId)
      let fields: [String: [String]] = [
        "network-acl-id": [acl.networkAclId], "vpc-id": [acl.vpcId],
        "default": [acl.isDefault ? "true" : "false"], "association.subnet-id": subnets,
        "owner-id": [world.account],
      ]
      guard try filters.accept(fields) else { continue }
      let entries: [JSONValue] = [true, false].flatMap { egress -> [JSONValue] in
        [(100, "allow"), (32767, "deny")].map { n, action in
          [
            "CidrBlock": "0.0.0.0/0", "Egress": .bool(egress), "Protocol": "-1",
            "RuleAction": .string(action), "RuleNumber": .int(n),
          ]
        }
      }
      out.append(
        jsonObject([
          (
            "Associations",
            .array(
              subnets.map { id in
                [
                  "NetworkAclAssociationId": .string(NetworkState.derivedId("aclassoc-", from: id)),
                  "NetworkAclId": .string(acl.networkAclId), "SubnetId": .string(id),
                ]
              })
          ),
          ("Entries", .array(entries)),
          ("IsDefault", .bool(acl.isDefault)),
          ("NetworkAclId", .string(acl.networkAclId)),
          ("Tags", []),
          ("VpcId", .string(acl.vpcId)),
          ("OwnerId", .string(world.account)),
        ]))
    }
    return ["NetworkAcls": .array(out)]
  }
}

extension Request {
  /// The tags of `--tag-specifications` for one resource type (`vpc`, `subnet`, ...).
  func tags(for resourceType: String) -> [Tag] {
    var out: [Tag] = []
    for spec in array("TagSpecifications") ?? []
    where spec["ResourceType"]?.stringValue == resourceType {
      for t in spec["Tags"]?.arrayValue ?? [] {
        if let k = t["Key"]?.stringValue {
          out.append(Tag(key: k, value: t["Value"]?.stringValue ?? ""))
        }
      }
    }
    return out
  }
}

extension World {
  /// EC2's `Tags` list, or nil when there are none (EC2 leaves the member out).
  static func tagsDocument(_ tags: [Tag]) -> JSONValue? {
    tags.isEmpty
      ? nil
      : .array(tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
  }

  /// A VPC as describe-vpcs prints it.
  func vpcDocument(_ v: VPC, state: String = "available") -> JSONValue {
    jsonObject([
      ("CidrBlock", .string(v.cidrBlock)),
      ("DhcpOptionsId", .string("dopt-" + String(v.vpcId.dropFirst(4).prefix(8)))),
      ("State", .string(state)),
      ("VpcId", .string(v.vpcId)),
      ("OwnerId", .string(v.ownerId)),
      ("InstanceTenancy", "default"),
      (
        "CidrBlockAssociationSet",
        [
          [
            "AssociationId": .string("vpc-cidr-assoc-" + String(v.vpcId.dropFirst(4))),
            "CidrBlock": .string(v.cidrBlock),
            "CidrBlockState": ["State": "associated"],
          ]
        ]
      ),
      ("IsDefault", .bool(v.isDefault)),
      ("Tags", World.tagsDocument(v.tags)),
    ])
  }

  /// A subnet as describe-subnets prints it.
  func subnetDocument(_ s: Subnet) -> JSONValue {
    jsonObject([
      ("AvailabilityZone", .string(s.availabilityZone)),
      ("AvailabilityZoneId", .string(s.availabilityZoneId)),
      ("AvailableIpAddressCount", .int(s.availableIpAddressCount)),
      ("CidrBlock", .string(s.cidrBlock)),
      ("DefaultForAz", .bool(s.defaultForAz)),
      ("MapPublicIpOnLaunch", .bool(s.mapPublicIpOnLaunch)),
      ("MapCustomerOwnedIpOnLaunch", false),
      ("State", "available"),
      ("SubnetId", .string(s.subnetId)),
      ("VpcId", .string(s.vpcId)),
      ("OwnerId", .string(s.ownerId)),
      ("AssignIpv6AddressOnCreation", false),
      ("Ipv6CidrBlockAssociationSet", []),
      ("Tags", World.tagsDocument(s.tags)),
      ("SubnetArn", .string(s.subnetArn)),
      ("EnableDns64", false),
      ("Ipv6Native", false),
      (
        "PrivateDnsNameOptionsOnLaunch",
        [
          "HostnameType": "ip-name", "EnableResourceNameDnsARecord": false,
          "EnableResourceNameDnsAAAARecord": false,
        ]
      ),
    ])
  }
}
