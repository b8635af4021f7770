/// EC2 describe calls for the account's network: DescribeVpcs, DescribeSubnets,
/// DescribeSecurityGroups.
enum NetworkActions {
  static let table: [String: ActionHandler] = [
    "DescribeVpcs": describeVpcs,
    "DescribeSubnets": describeSubnets,
    "DescribeSecurityGroups": describeSecurityGroups,
    "DescribeNetworkInterfaces": describeNetworkInterfaces,
  ]

  /// The ENIs ECS made for awsvpc tasks, as EC2 prints them (the Fargate tutorial reads a task's
  /// public IP here). Instances' primary interfaces are not modelled.
  static func describeNetworkInterfaces(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("NetworkInterfaceIds")
    let filters = try Filters(req.array("Filters") ?? [])
    let live = world.workloads.tasks.filter { $0.eni != nil && $0.eni?.status != "DELETED" }
    if let ids, let missing = ids.first(where: { id in !live.contains { $0.eni?.eniId == id } }) {
      throw AWSError(
        "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for t in live {
      guard let eni = t.eni else { continue }
      if let ids, !ids.contains(eni.eniId) { continue }
      let subnet = world.subnets.first { $0.subnetId == eni.subnetId }
      let vpcId = subnet?.vpcId ?? world.vpcs.first?.vpcId ?? ""
      let fields: [String: [String]] = [
        "network-interface-id": [eni.eniId], "subnet-id": [eni.subnetId], "vpc-id": [vpcId],
        "status": ["in-use"], "private-ip-address": [eni.privateIp],
        "availability-zone": [t.availabilityZone], "requester-managed": ["true"],
        "interface-type": ["interface"],
      ]
      guard try filters.accept(fields) else { continue }
      let dns = "ip-" + eni.privateIp.split(separator: ".").joined(separator: "-") + ".ec2.internal"
      let association: JSONValue? =
        t.assignPublicIp
        ? [
          "IpOwnerId": "amazon",
          "PublicDnsName": .string(
            "ec2-" + publicIp(eni.eniId).split(separator: ".").joined(separator: "-")
              + ".compute-1.amazonaws.com"),
          "PublicIp": .string(publicIp(eni.eniId)),
        ] : nil
      let group = world.securityGroups.first { $0.vpcId == vpcId && $0.groupName == "default" }
      out.append(
        jsonObject([
          ("Association", association),
          (
            "Attachment",
            [
              "AttachTime": world.clock.json,
              "AttachmentId": .string("eni-attach-" + String(eni.eniId.dropFirst(4))),
              "DeleteOnTermination": false, "DeviceIndex": 1, "NetworkCardIndex": 0,
              "InstanceOwnerId": .string(world.account), "Status": "attached",
            ]
          ),
          ("AvailabilityZone", .string(t.availabilityZone)),
          (
            "Description",
            .string("arn:aws:ecs:\(world.region):\(world.account):attachment/\(eni.attachmentId)")
          ),
          (
            "Groups",
            .array(
              group.map { [["GroupName": .string($0.groupName), "GroupId": .string($0.groupId)]] }
                ?? [])
          ),
          ("InterfaceType", "interface"),
          ("Ipv6Addresses", []),
          ("MacAddress", .string(eni.macAddress)),
          ("NetworkInterfaceId", .string(eni.eniId)),
          ("OwnerId", .string(world.account)),
          ("PrivateDnsName", .string(dns)),
          ("PrivateIpAddress", .string(eni.privateIp)),
          (
            "PrivateIpAddresses",
            [
              jsonObject([
                ("Association", association), ("Primary", true), ("PrivateDnsName", .string(dns)),
                ("PrivateIpAddress", .string(eni.privateIp)),
              ])
            ]
          ),
          ("RequesterId", "578734482556"),
          ("RequesterManaged", true),
          ("SourceDestCheck", true),
          ("Status", "in-use"),
          ("SubnetId", .string(eni.subnetId)),
          ("TagSet", []),
          ("VpcId", .string(vpcId)),
        ]))
    }
    return ["NetworkInterfaces": .array(out)]
  }

  /// A public IPv4 address that is the same on every run for the same ENI.
  static func publicIp(_ eniId: String) -> String {
    var h: UInt64 = 1_469_598_103_934_665_603
    for b in eniId.utf8 { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
    return "54.\(160 + Int(h % 32)).\(Int((h >> 8) % 256)).\(1 + Int((h >> 16) % 254))"
  }

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
      guard try filters.accept(fields) else { continue }
      out.append([
        "CidrBlock": .string(v.cidrBlock),
        "DhcpOptionsId": .string("dopt-" + String(v.vpcId.dropFirst(4).prefix(8))),
        "State": "available",
        "VpcId": .string(v.vpcId),
        "OwnerId": .string(v.ownerId),
        "InstanceTenancy": "default",
        "CidrBlockAssociationSet": [
          [
            "AssociationId": .string("vpc-cidr-assoc-" + String(v.vpcId.dropFirst(4))),
            "CidrBlock": .string(v.cidrBlock),
            "CidrBlockState": ["State": "associated"],
          ]
        ],
        "IsDefault": .bool(v.isDefault),
      ])
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
        "owner-id": [s.ownerId],
      ]
      guard try filters.accept(fields) else { continue }
      out.append([
        "AvailabilityZone": .string(s.availabilityZone),
        "AvailabilityZoneId": .string(s.availabilityZoneId),
        "AvailableIpAddressCount": .int(s.availableIpAddressCount),
        "CidrBlock": .string(s.cidrBlock),
        "DefaultForAz": .bool(s.defaultForAz),
        "MapPublicIpOnLaunch": .bool(s.mapPublicIpOnLaunch),
        "MapCustomerOwnedIpOnLaunch": false,
        "State": "available",
        "SubnetId": .string(s.subnetId),
        "VpcId": .string(s.vpcId),
        "OwnerId": .string(s.ownerId),
        "AssignIpv6AddressOnCreation": false,
        "Ipv6CidrBlockAssociationSet": [],
        "SubnetArn": .string(s.subnetArn),
        "EnableDns64": false,
        "Ipv6Native": false,
        "PrivateDnsNameOptionsOnLaunch": [
          "HostnameType": "ip-name", "EnableResourceNameDnsARecord": false,
          "EnableResourceNameDnsAAAARecord": false,
        ],
      ])
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
      let fields: [String: [String]] = [
        "group-id": [g.groupId], "group-name": [g.groupName], "vpc-id": [g.vpcId],
        "description": [g.description], "owner-id": [g.ownerId],
      ]
      guard try filters.accept(fields) else { continue }
      out.append([
        "GroupId": .string(g.groupId),
        "IpPermissionsEgress": .array(g.egress.map { $0.document(owner: g.ownerId) }),
        "VpcId": .string(g.vpcId),
        "SecurityGroupArn": .string(
          world.arn(service: "ec2", resource: "security-group/" + g.groupId)),
        "OwnerId": .string(g.ownerId),
        "GroupName": .string(g.groupName),
        "Description": .string(g.description),
        "IpPermissions": .array(g.ingress.map { $0.document(owner: g.ownerId) }),
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

/// EC2's `--filters Name=...,Values=...`: every filter must match one of its values; `*` and `?`
/// are wildcards as EC2 allows.
struct Filters {
  var filters: [(name: String, values: [String])]

  init(_ items: [JSONValue]) throws(AWSError) {
    filters = []
    for item in items {
      guard let name = item["Name"]?.stringValue else {
        throw AWSError("InvalidParameterValue", "The filter 'null' is invalid")
      }
      filters.append((name, item["Values"]?.arrayValue?.compactMap(\.stringValue) ?? []))
    }
  }

  func accept(_ fields: [String: [String]]) throws(AWSError) -> Bool {
    for f in filters {
      guard let have = fields[f.name] else {
        throw AWSError("InvalidParameterValue", "The filter '\(f.name)' is invalid")
      }
      if !have.contains(where: { h in f.values.contains { wildcardMatch($0, h) } }) { return false }
    }
    return true
  }
}

/// `*` matches any run, `?` one character.
func wildcardMatch(_ pattern: String, _ text: String) -> Bool {
  let p = Array(pattern)
  let t = Array(text)
  var pi = 0
  var ti = 0
  var star = -1
  var mark = 0
  while ti < t.count {
    if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
      pi += 1
      ti += 1
    } else if pi < p.count && p[pi] == "*" {
      star = pi
      mark = ti
      pi += 1
    } else if star >= 0 {
      pi = star + 1
      mark += 1
      ti = mark
    } else {
      return false
    }
  }
  while pi < p.count && p[pi] == "*" { pi += 1 }
  return pi == p.count
}
