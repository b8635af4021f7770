/// EC2 VPC endpoints: CreateVpcEndpoint, DescribeVpcEndpoints, DeleteVpcEndpoints,
/// ModifyVpcEndpoint. Gateway endpoints (S3, DynamoDB) add a prefix-list route to their route
/// tables; interface endpoints get one ENI per subnet, security groups and private DNS.
enum VPCEndpointActions {
  static let table: [String: ActionHandler] = [
    "CreateVpcEndpoint": createVpcEndpoint,
    "DescribeVpcEndpoints": describeVpcEndpoints,
    "DeleteVpcEndpoints": deleteVpcEndpoints,
    "ModifyVpcEndpoint": modifyVpcEndpoint,
  ]

  /// The managed prefix lists of the gateway services in us-east-1 (AWS's IDs).
  static let prefixLists = ["s3": "pl-63a5400a", "dynamodb": "pl-02cd2c6b"]

  /// The DNS name private DNS answers for a service (`api.ecr.us-east-1.amazonaws.com`).
  static func privateDnsName(_ service: String, region: String) -> String {
    switch service {
    case "ecr.api": return "api.ecr.\(region).amazonaws.com"
    case "ecr.dkr": return "*.dkr.ecr.\(region).amazonaws.com"
    default: return "\(service).\(region).amazonaws.com"
    }
  }

  static func createVpcEndpoint(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let vpcId = req.string("VpcId") ?? ""
    guard let vpc = world.vpcs.first(where: { $0.vpcId == vpcId }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(vpcId)' does not exist")
    }
    let serviceName = req.string("ServiceName") ?? ""
    let prefix = "com.amazonaws.\(world.region)."
    let service = serviceName.hasPrefix(prefix) ? String(serviceName.dropFirst(prefix.count)) : ""
    let isInterface = Egress.interfaceServices.contains(service) || service == "s3"
    let isGateway = Egress.gatewayServices.contains(service)
    guard isInterface || isGateway else {
      throw AWSError(
        "InvalidServiceName", "The Vpc Endpoint Service '\(serviceName)' does not exist")
    }
    let kindText = req.string("VpcEndpointType") ?? "Gateway"
    let kind: VPCEndpoint.Kind = kindText == "Interface" ? .interface : .gateway
    if (kind == .gateway && !isGateway) || (kind == .interface && !isInterface) {
      let available = [isInterface ? "Interface" : nil, isGateway ? "Gateway" : nil]
        .compactMap { $0 }.joined(separator: ", ")
      throw AWSError(
        "InvalidParameter",
        "Endpoint type (\(kindText)) does not match available service types ([\(available)]).")
    }
    let now = world.clock.nowMillis / 1000 * 1000
    var e = VPCEndpoint(
      vpcEndpointId: "", kind: kind, vpcId: vpcId, serviceName: serviceName,
      state: kind == .gateway ? "available" : "pending", createdAt: now)
    e.policyDocument = req.string("PolicyDocument")
    e.tags = req.tags(for: "vpc-endpoint")
    if kind == .gateway {
      let tables = req.strings("RouteTableIds") ?? []
      for id in tables {
        guard let t = world.network.routeTables.first(where: { $0.routeTableId == id }) else {
          throw AWSError("InvalidRouteTableID.NotFound", "The routeTable ID '\(id)' does not exist")
        }
        guard t.vpcId == vpcId else {
          throw AWSError(
            "InvalidParameter", "Route table \(id) does not belong to vpc \(vpcId)")
        }
      }
      e.routeTableIds = tables
    } else {
      let subnetIds = req.strings("SubnetIds") ?? []
      var zones: Set<String> = []
      var picked: [Subnet] = []
      for id in subnetIds {
        guard let s = world.subnets.first(where: { $0.subnetId == id }) else {
          throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(id)' does not exist")
        }
        guard s.vpcId == vpcId else {
          throw AWSError(
            "InvalidParameter", "The subnet ID '\(id)' does not belong to vpc \(vpcId)")
        }
        guard zones.insert(s.availabilityZone).inserted else {
          throw AWSError(
            "DuplicateSubnetsInSameZone",
            "Found another VPC endpoint subnet in the availability zone of \(id). VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service."
          )
        }
        picked.append(s)
      }
      var groups = req.strings("SecurityGroupIds") ?? []
      for id in groups {
        guard let g = world.securityGroups.first(where: { $0.groupId == id }) else {
          throw AWSError("InvalidGroup.NotFound", "The security group '\(id)' does not exist")
        }
        guard g.vpcId == vpcId else {
          throw AWSError(
            "InvalidParameter",
            "Security group \(id) and subnet \(picked.first?.subnetId ?? "") belong to different networks."
          )
        }
      }
      if groups.isEmpty,
        let g = world.securityGroups.first(where: { $0.vpcId == vpcId && $0.groupName == "default" }
        )
      {
        groups = [g.groupId]
      }
      let privateDns = req.bool("PrivateDnsEnabled") ?? true
      if privateDns {
        guard vpc.enableDnsSupport && vpc.enableDnsHostnames else {
          throw AWSError(
            "InvalidParameter",
            "Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for \(vpcId)"
          )
        }
        if world.network.endpoints.contains(where: {
          $0.vpcId == vpcId && $0.service == service && $0.privateDnsEnabled
        }) {
          throw AWSError(
            "InvalidParameter",
            "private-dns-enabled cannot be set because there is already a conflicting DNS domain for \(privateDnsName(service, region: world.region)) in the VPC \(vpcId)"
          )
        }
      }
      e.subnetIds = subnetIds
      e.groupIds = groups
      e.privateDnsEnabled = privateDns
      e.stateEndsAt = now + NetworkGateways.endpointPendingSeconds * 1000
    }
    // Validated: from here on the endpoint exists.
    e.vpcEndpointId = "vpce-0" + world.random.hex(16)
    if kind == .interface {
      for id in e.subnetIds {
        guard let s = world.subnets.first(where: { $0.subnetId == id }) else { continue }
        e.networkInterfaces.append(
          EndpointENI(
            networkInterfaceId: "eni-0" + world.random.hex(16), subnetId: id,
            privateIp: world.allocatePrivateIp(in: s)))
      }
    } else if let pl = prefixLists[service] {
      for id in e.routeTableIds {
        guard let k = world.network.routeTables.firstIndex(where: { $0.routeTableId == id })
        else { continue }
        world.network.routeTables[k].routes.append(
          Route(destination: pl, target: .gateway(e.vpcEndpointId), origin: "CreateRoute"))
      }
    }
    world.network.endpoints.append(e)
    world.record(
      .network,
      "VPC endpoint \(e.vpcEndpointId) (\(service), \(kind.rawValue)) created in \(vpcId).",
      .vpcEndpointCreated(e.vpcEndpointId, service: service))
    return ["VpcEndpoint": world.endpointDocument(e)]
  }

  static func describeVpcEndpoints(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("VpcEndpointIds")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in
        !world.network.endpoints.contains { $0.vpcEndpointId == id }
      })
    {
      // UNCONFIRMED: the message (the code is EC2's).
      throw AWSError(
        "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for e in world.network.endpoints {
      if let ids, !ids.contains(e.vpcEndpointId) { continue }
      var fields: [String: [String]] = [
        "vpc-endpoint-id": [e.vpcEndpointId], "vpc-id": [e.vpcId],
        "service-name": [e.serviceName], "vpc-endpoint-state": [e.state],
        "vpc-endpoint-type": [e.kind.rawValue],
      ]
      fields.merge(Filters.tagFields(e.tags)) { a, _ in a }
      guard try filters.accept(fields) else { continue }
      out.append(world.endpointDocument(e))
    }
    return ["VpcEndpoints": .array(out)]
  }

  static func deleteVpcEndpoints(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var unsuccessful: [JSONValue] = []
    for id in req.strings("VpcEndpointIds") ?? [] {
      guard world.network.endpoints.contains(where: { $0.vpcEndpointId == id }) else {
        unsuccessful.append([
          "Error": [
            "Code": "InvalidVpcEndpoint.NotFound",
            "Message": .string("The VPC endpoint '\(id)' does not exist"),
          ],
          "ResourceId": .string(id),
        ])
        continue
      }
      world.network.endpoints.removeAll { $0.vpcEndpointId == id }
      for k in world.network.routeTables.indices {
        world.network.routeTables[k].routes.removeAll { $0.target == .gateway(id) }
      }
      world.record(.network, "VPC endpoint \(id) deleted.")
    }
    return ["Unsuccessful": .array(unsuccessful)]
  }

  /// Route tables of gateway endpoints, security groups and private DNS of interface ones.
  static func modifyVpcEndpoint(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("VpcEndpointId") ?? ""
    guard let i = world.network.endpoints.firstIndex(where: { $0.vpcEndpointId == id }) else {
      throw AWSError("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '\(id)' does not exist")
    }
    var e = world.network.endpoints[i]
    for t in req.strings("AddRouteTableIds") ?? [] {
      guard
        world.network.routeTables.contains(where: { $0.routeTableId == t && $0.vpcId == e.vpcId })
      else {
        throw AWSError("InvalidRouteTableID.NotFound", "The routeTable ID '\(t)' does not exist")
      }
    }
    for g in req.strings("AddSecurityGroupIds") ?? [] {
      guard world.securityGroups.contains(where: { $0.groupId == g }) else {
        throw AWSError("InvalidGroup.NotFound", "The security group '\(g)' does not exist")
      }
    }
    let removeTables = req.strings("RemoveRouteTableIds") ?? []
    let addTables = req.strings("AddRouteTableIds") ?? []
    e.routeTableIds.removeAll { removeTables.contains($0) }
    e.routeTableIds += addTables.filter { !e.routeTableIds.contains($0) }
    e.groupIds.removeAll { (req.strings("RemoveSecurityGroupIds") ?? []).contains($0) }
    e.groupIds += (req.strings("AddSecurityGroupIds") ?? []).filter { !e.groupIds.contains($0) }
    if let dns = req.bool("PrivateDnsEnabled") { e.privateDnsEnabled = dns }
    world.network.endpoints[i] = e
    if e.kind == .gateway, let pl = prefixLists[e.service] {
      for k in world.network.routeTables.indices {
        let tid = world.network.routeTables[k].routeTableId
        world.network.routeTables[k].routes.removeAll {
          $0.target == .gateway(id) && !e.routeTableIds.contains(tid)
        }
        if e.routeTableIds.contains(tid),
          !world.network.routeTables[k].routes.contains(where: { $0.target == .gateway(id) })
        {
          world.network.routeTables[k].routes.append(
            Route(destination: pl, target: .gateway(id), origin: "CreateRoute"))
        }
      }
    }
    return ["Return": true]
  }
}

extension World {
  /// A VPC endpoint as describe-vpc-endpoints prints it.
  func endpointDocument(_ e: VPCEndpoint) -> JSONValue {
    let interface = e.kind == .interface
    let dnsName = VPCEndpointActions.privateDnsName(e.service, region: region)
    let groups: [JSONValue] = e.groupIds.map { id in
      [
        "GroupId": .string(id),
        "GroupName": .string(securityGroups.first { $0.groupId == id }?.groupName ?? ""),
      ]
    }
    let short = String(e.vpcEndpointId.dropFirst(5).prefix(8))
    return jsonObject([
      ("VpcEndpointId", .string(e.vpcEndpointId)),
      ("VpcEndpointType", .string(e.kind.rawValue)),
      ("VpcId", .string(e.vpcId)),
      ("ServiceName", .string(e.serviceName)),
      ("State", .string(e.state)),
      (
        "PolicyDocument",
        .string(
          e.policyDocument
            ?? #"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#
        )
      ),
      ("RouteTableIds", .array(e.routeTableIds.map { .string($0) })),
      ("SubnetIds", .array(e.subnetIds.map { .string($0) })),
      ("Groups", .array(groups)),
      ("IpAddressType", "ipv4"),
      ("DnsOptions", interface ? ["DnsRecordIpType": "ipv4"] : nil),
      ("PrivateDnsEnabled", .bool(e.privateDnsEnabled)),
      ("RequesterManaged", false),
      ("NetworkInterfaceIds", .array(e.networkInterfaces.map { .string($0.networkInterfaceId) })),
      (
        "DnsEntries",
        .array(
          interface
            ? [
              [
                "DnsName": .string(
                  "\(e.vpcEndpointId)-\(short).\(e.service).\(region).vpce.amazonaws.com"),
                "HostedZoneId": "Z7HUB22UULQXV",
              ]
            ]
              + (e.privateDnsEnabled
                ? [["DnsName": .string(dnsName), "HostedZoneId": "ZONEIDPENDING"]] : [])
            : [])
      ),
      ("CreationTimestamp", .string(Timestamp.iso8601(millis: e.createdAt))),
      ("Tags", .array(e.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })),
      ("OwnerId", .string(account)),
    ])
  }
}
