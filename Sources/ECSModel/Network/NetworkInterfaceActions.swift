/// EC2's view of the network interfaces ECS creates for awsvpc tasks.
enum NetworkInterfaceActions {
  /// The EC2 side of task networking: the ENIs awsvpc tasks own.
  static let table: [String: ActionHandler] = [
    "DescribeNetworkInterfaces": describeNetworkInterfaces
  ]

  /// DescribeNetworkInterfaces over task ENIs (the ECS Fargate tutorial reads a task's public IP
  /// this way). An ENI exists from PROVISIONING until DEPROVISIONING ends.
  static func describeNetworkInterfaces(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("NetworkInterfaceIds")
    let filters = try Filters(req.array("Filters") ?? [])
    let enis = world.workloads.tasks.compactMap { t in
      t.eni.flatMap { $0.status == "DELETED" ? nil : (t, $0) }
    }
    if let ids, let missing = ids.first(where: { id in !enis.contains { $0.1.eniId == id } }) {
      throw AWSError(
        "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for (t, e) in enis {
      if let ids, !ids.contains(e.eniId) { continue }
      let subnet = world.subnets.first { $0.subnetId == e.subnetId }
      let description = world.arn(service: "ecs", resource: "attachment/" + e.attachmentId)
      let fields: [String: [String]] = [
        "network-interface-id": [e.eniId], "subnet-id": [e.subnetId],
        "vpc-id": [subnet?.vpcId ?? ""], "availability-zone": [t.availabilityZone],
        "description": [description], "group-id": e.securityGroups,
        "private-ip-address": [e.privateIp], "addresses.private-ip-address": [e.privateIp],
        "association.public-ip": e.publicIp.map { [$0] } ?? [], "mac-address": [e.macAddress],
        "status": ["in-use"], "owner-id": [world.account], "requester-managed": ["true"],
        "interface-type": ["interface"],
      ]
      guard try filters.accept(fields) else { continue }
      let dns = "ip-\(e.privateIp.split(separator: ".").joined(separator: "-")).ec2.internal"
      let association: JSONValue? = e.publicIp.map { ip in
        [
          "IpOwnerId": "amazon",
          "PublicDnsName": .string(
            "ec2-\(ip.split(separator: ".").joined(separator: "-")).compute-1.amazonaws.com"),
          "PublicIp": .string(ip),
        ]
      }
      let groups: [JSONValue] = e.securityGroups.map { id in
        [
          "GroupId": .string(id),
          "GroupName": .string(world.securityGroups.first { $0.groupId == id }?.groupName ?? ""),
        ]
      }
      out.append(
        jsonObject([
          ("Association", association),
          (
            "Attachment",
            [
              "AttachTime": .string(Timestamp.iso8601(millis: e.createdAt)),
              "AttachmentId": .string("eni-attach-" + String(e.eniId.dropFirst(4))),
              "DeleteOnTermination": false, "DeviceIndex": 1, "NetworkCardIndex": 0,
              "InstanceOwnerId": "amazon-aws", "Status": "attached",
            ]
          ),
          ("AvailabilityZone", .string(t.availabilityZone)),
          ("Description", .string(description)),
          ("Groups", .array(groups)),
          ("InterfaceType", "interface"),
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
                ("Association", association), ("Primary", true), ("PrivateDnsName", .string(dns)),
                ("PrivateIpAddress", .string(e.privateIp)),
              ])
            ]
          ),
          // UNCONFIRMED: the requester ID ECS uses for task ENIs; an AWS-owned account either way.
          ("RequesterId", "578734482556"),
          ("RequesterManaged", true),
          ("SourceDestCheck", true),
          ("Status", "in-use"),
          ("SubnetId", .string(e.subnetId)),
          ("TagSet", .array([])),
          ("VpcId", .string(subnet?.vpcId ?? "")),
        ]))
    }
    return ["NetworkInterfaces": .array(out)]
  }

}
