/// EC2's view of the network interfaces in the account's VPCs: the ENIs ECS creates for awsvpc
/// tasks, and the requester-managed ones of interface VPC endpoints and NAT gateways.
enum NetworkInterfaceActions {
  /// The EC2 side of task networking: the ENIs awsvpc tasks own.
  static let table: [String: ActionHandler] = [
    "DescribeNetworkInterfaces": describeNetworkInterfaces
  ]

  /// One network interface as DescribeNetworkInterfaces shows it.
  struct Interface {
    var eniId: String
    var subnetId: String
    var zone: String
    var description: String
    /// `interface` (tasks), `vpc_endpoint`, `nat_gateway`.
    var interfaceType: String
    var groups: [String]
    var privateIp: String
    var association: JSONValue?
    var publicIp: String?
    var macAddress: String
    var attachmentId: String
    var attachTime: Int64
    var requesterId: String
    var sourceDestCheck: Bool
  }

  /// The interfaces that exist now: task ENIs from PROVISIONING until DEPROVISIONING ends, then
  /// those of interface endpoints (until deleted) and NAT gateways (until deleted).
  static func interfaces(_ world: World) -> [Interface] {
    var out: [Interface] = []
    for t in world.workloads.tasks {
      guard let e = t.eni, e.status != "DELETED" else { continue }
      out.append(
        Interface(
          eniId: e.eniId, subnetId: e.subnetId, zone: t.availabilityZone,
          description: world.arn(service: "ecs", resource: "attachment/" + e.attachmentId),
          interfaceType: "interface", groups: e.securityGroups, privateIp: e.privateIp,
          association: e.publicIp.map { ip in
            [
              "IpOwnerId": "amazon", "PublicDnsName": .string(publicDns(ip)),
              "PublicIp": .string(ip),
            ]
          }, publicIp: e.publicIp, macAddress: e.macAddress,
          attachmentId: "eni-attach-" + String(e.eniId.dropFirst(4)), attachTime: e.createdAt,
          // UNCONFIRMED: the requester ID ECS uses for task ENIs; an AWS-owned account either way.
          requesterId: "578734482556", sourceDestCheck: true))
    }
    let zone = { (subnetId: String) in
      world.subnets.first { $0.subnetId == subnetId }?.availabilityZone ?? ""
    }
    for e in world.network.endpoints where e.kind == .interface && e.state != "deleted" {
      for n in e.networkInterfaces {
        out.append(
          Interface(
            eniId: n.networkInterfaceId, subnetId: n.subnetId, zone: zone(n.subnetId),
            description: "VPC Endpoint Interface \(e.vpcEndpointId)", interfaceType: "vpc_endpoint",
            groups: e.groupIds, privateIp: n.privateIp, association: nil, publicIp: nil,
            macAddress: derivedMac(n.networkInterfaceId),
            attachmentId: "ela-attach-" + String(n.networkInterfaceId.dropFirst(4)),
            attachTime: e.createdAt,
            // UNCONFIRMED: the AWS-owned account that requests endpoint ENIs.
            requesterId: "727180483921", sourceDestCheck: true))
      }
    }
    for n in world.network.natGateways where n.state != .deleted && n.state != .failed {
      let eip = world.network.addresses.first { $0.allocationId == n.allocationId }
      let association: JSONValue = jsonObject([
        ("AllocationId", .string(n.allocationId)),
        ("AssociationId", eip?.associationId.map { .string($0) }),
        ("IpOwnerId", .string(world.account)),
        ("PublicDnsName", .string(publicDns(n.publicIp))),
        ("PublicIp", .string(n.publicIp)),
      ])
      out.append(
        Interface(
          eniId: n.networkInterfaceId, subnetId: n.subnetId, zone: zone(n.subnetId),
          description: "Interface for NAT Gateway \(n.natGatewayId)", interfaceType: "nat_gateway",
          groups: [], privateIp: n.privateIp, association: association, publicIp: n.publicIp,
          macAddress: derivedMac(n.networkInterfaceId),
          attachmentId: "ela-attach-" + String(n.networkInterfaceId.dropFirst(4)),
          attachTime: n.createdAt,
          // UNCONFIRMED: the AWS-owned account that requests NAT gateway ENIs.
          requesterId: "036872051663", sourceDestCheck: false))
    }
    return out
  }

  static func publicDns(_ ip: String) -> String {
    "ec2-\(ip.split(separator: ".").joined(separator: "-")).compute-1.amazonaws.com"
  }

  /// A MAC address derived from an ENI ID (no draw from the world's generator).
  static func derivedMac(_ eniId: String) -> String {
    let hex = Array(eniId.dropFirst(5).filter(\.isHexDigit))
    let pairs = stride(from: 0, to: min(10, hex.count - hex.count % 2), by: 2).map {
      String(hex[$0..<$0 + 2])
    }
    return (["0e"] + pairs).joined(separator: ":")
  }

  /// DescribeNetworkInterfaces over task, endpoint and NAT gateway ENIs (the ECS Fargate
  /// tutorial reads a task's public IP this way).
  static func describeNetworkInterfaces(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("NetworkInterfaceIds")
    let filters = try Filters(req.array("Filters") ?? [])
    let enis = interfaces(world)
    if let ids, let missing = ids.first(where: { id in !enis.contains { $0.eniId == id } }) {
      throw AWSError(
        "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for e in enis {
      if let ids, !ids.contains(e.eniId) { continue }
      let vpcId = world.subnets.first { $0.subnetId == e.subnetId }?.vpcId ?? ""
      let fields: [String: [String]] = [
        "network-interface-id": [e.eniId], "subnet-id": [e.subnetId],
        "vpc-id": [vpcId], "availability-zone": [e.zone],
        "description": [e.description], "group-id": e.groups,
        "private-ip-address": [e.privateIp], "addresses.private-ip-address": [e.privateIp],
        "association.public-ip": e.publicIp.map { [$0] } ?? [], "mac-address": [e.macAddress],
        "status": ["in-use"], "owner-id": [world.account], "requester-managed": ["true"],
        "requester-id": [e.requesterId], "interface-type": [e.interfaceType],
        "source-dest-check": [e.sourceDestCheck ? "true" : "false"],
      ]
      guard try filters.accept(fields) else { continue }
      let dns = "ip-\(e.privateIp.split(separator: ".").joined(separator: "-")).ec2.internal"
      let groups: [JSONValue] = e.groups.map { id in
        [
          "GroupId": .string(id),
          "GroupName": .string(world.securityGroups.first { $0.groupId == id }?.groupName ?? ""),
        ]
      }
      out.append(
        jsonObject([
          ("Association", e.association),
          (
            "Attachment",
            [
              "AttachTime": .string(Timestamp.iso8601(millis: e.attachTime)),
              "AttachmentId": .string(e.attachmentId),
              "DeleteOnTermination": false, "DeviceIndex": 1, "NetworkCardIndex": 0,
              "InstanceOwnerId": "amazon-aws", "Status": "attached",
            ]
          ),
          ("AvailabilityZone", .string(e.zone)),
          ("Description", .string(e.description)),
          ("Groups", .array(groups)),
          ("InterfaceType", .string(e.interfaceType)),
          ("Ipv6Addresses", .array([])),
          ("MacAddress", .string(e.macAddress)),
          ("NetworkInterfaceId", .string(e.eniId)),
          ("OwnerId", .string(world.account)),
          ("PrivateDnsName", .string(dns)),
          ("PrivateIpAddress", .string(e.privateIp)),
          (
            "PrivateIpAddresses",
            [
              jsonObject([
                ("Association", e.association), ("Primary", true),
                ("PrivateDnsName", .string(dns)), ("PrivateIpAddress", .string(e.privateIp)),
              ])
            ]
          ),
          ("RequesterId", .string(e.requesterId)),
          ("RequesterManaged", true),
          ("SourceDestCheck", .bool(e.sourceDestCheck)),
          ("Status", "in-use"),
          ("SubnetId", .string(e.subnetId)),
          ("TagSet", .array([])),
          ("VpcId", .string(vpcId)),
        ]))
    }
    return ["NetworkInterfaces": .array(out)]
  }
}
