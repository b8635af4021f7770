/// EC2 internet gateways, Elastic IPs and NAT gateways.
enum GatewayActions {
  static let table: [String: ActionHandler] = [
    "CreateInternetGateway": createInternetGateway,
    "AttachInternetGateway": attachInternetGateway,
    "DetachInternetGateway": detachInternetGateway,
    "DeleteInternetGateway": deleteInternetGateway,
    "DescribeInternetGateways": describeInternetGateways,
    "AllocateAddress": allocateAddress,
    "ReleaseAddress": releaseAddress,
    "DescribeAddresses": describeAddresses,
    "CreateNatGateway": createNatGateway,
    "DeleteNatGateway": deleteNatGateway,
    "DescribeNatGateways": describeNatGateways,
  ]

  // MARK: Internet gateways

  static func createInternetGateway(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var igw = InternetGateway(internetGatewayId: "igw-0" + world.random.hex(16))
    igw.tags = req.tags(for: "internet-gateway")
    world.network.internetGateways.append(igw)
    world.record(.network, "Internet gateway \(igw.internetGatewayId) created.")
    return ["InternetGateway": world.internetGatewayDocument(igw)]
  }

  static func gatewayIndex(_ world: World, _ id: String) throws(AWSError) -> Int {
    guard let i = world.network.internetGateways.firstIndex(where: { $0.internetGatewayId == id })
    else {
      throw AWSError(
        "InvalidInternetGatewayID.NotFound", "The internetGateway ID '\(id)' does not exist")
    }
    return i
  }

  static func attachInternetGateway(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("InternetGatewayId") ?? ""
    let vpcId = req.string("VpcId") ?? ""
    let i = try gatewayIndex(world, id)
    guard world.vpcs.contains(where: { $0.vpcId == vpcId }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(vpcId)' does not exist")
    }
    if let other = world.network.internetGateways[i].attachedVpcId {
      throw AWSError(
        "Resource.AlreadyAssociated", "resource \(id) is already attached to network \(other)")
    }
    if world.internetGatewayAttached(to: vpcId) {
      throw AWSError(
        "Resource.AlreadyAssociated", "Network \(vpcId) already has an internet gateway attached")
    }
    world.network.internetGateways[i].attachedVpcId = vpcId
    world.record(
      .network, "Internet gateway \(id) attached to \(vpcId).",
      .internetGatewayAttached(id, vpc: vpcId))
    return .object([])
  }

  static func detachInternetGateway(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("InternetGatewayId") ?? ""
    let vpcId = req.string("VpcId") ?? ""
    let i = try gatewayIndex(world, id)
    guard world.network.internetGateways[i].attachedVpcId == vpcId else {
      throw AWSError("Gateway.NotAttached", "resource \(id) is not attached to network \(vpcId)")
    }
    let subnetIds = Set(world.subnets.filter { $0.vpcId == vpcId }.map(\.subnetId))
    let mapped =
      world.capacity.instances.contains {
        subnetIds.contains($0.subnetId) && $0.publicIpAddress != nil && $0.state != .terminated
      }
      || world.workloads.tasks.contains {
        $0.eni.map {
          subnetIds.contains($0.subnetId) && $0.publicIp != nil && $0.status != "DELETED"
        }
          ?? false
      }
      || world.network.natGateways.contains { $0.vpcId == vpcId && $0.state != .deleted }
    if mapped {
      throw AWSError(
        "DependencyViolation",
        "Network \(vpcId) has some mapped public address(es). Please unmap those public address(es) before detaching the gateway."
      )
    }
    world.network.internetGateways[i].attachedVpcId = nil
    return .object([])
  }

  static func deleteInternetGateway(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("InternetGatewayId") ?? ""
    let i = try gatewayIndex(world, id)
    if world.network.internetGateways[i].attachedVpcId != nil {
      throw AWSError(
        "DependencyViolation", "The internetGateway '\(id)' has dependencies and cannot be deleted."
      )
    }
    world.network.internetGateways.remove(at: i)
    return .object([])
  }

  static func describeInternetGateways(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("InternetGatewayIds")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in
        !world.network.internetGateways.contains { $0.internetGatewayId == id }
      })
    {
      throw AWSError(
        "InvalidInternetGatewayID.NotFound", "The internetGateway ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for g in world.network.internetGateways {
      if let ids, !ids.contains(g.internetGatewayId) { continue }
      var fields: [String: [String]] = [
        "internet-gateway-id": [g.internetGatewayId],
        "attachment.vpc-id": g.attachedVpcId.map { [$0] } ?? [],
        "attachment.state": g.attachedVpcId == nil ? [] : ["available"],
        "owner-id": [world.account],
      ]
      fields.merge(Filters.tagFields(g.tags)) { a, _ in a }
      guard try filters.accept(fields) else { continue }
      out.append(world.internetGatewayDocument(g))
    }
    return ["InternetGateways": .array(out)]
  }

  // MARK: Elastic IPs

  static func allocateAddress(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let ip =
      "\([3, 18, 34, 44, 52, 54][world.random.int(in: 0...5)]).\(world.random.int(in: 0...255)).\(world.random.int(in: 0...255)).\(world.random.int(in: 1...254))"
    var a = ElasticAddress(allocationId: "eipalloc-0" + world.random.hex(16), publicIp: ip)
    a.tags = req.tags(for: "elastic-ip")
    world.network.addresses.append(a)
    return jsonObject([
      ("PublicIp", .string(ip)),
      ("AllocationId", .string(a.allocationId)),
      ("PublicIpv4Pool", "amazon"),
      ("NetworkBorderGroup", .string(world.region)),
      ("Domain", "vpc"),
      ("Tags", World.tagsDocument(a.tags)),
    ])
  }

  static func releaseAddress(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = req.string("AllocationId") ?? ""
    guard let i = world.network.addresses.firstIndex(where: { $0.allocationId == id }) else {
      throw AWSError("InvalidAllocationID.NotFound", "The allocation ID '\(id)' does not exist")
    }
    if world.network.addresses[i].natGatewayId != nil {
      // UNCONFIRMED: EC2's wording for an address a NAT gateway holds.
      throw AWSError(
        "InvalidIPAddress.InUse", "Address \(world.network.addresses[i].publicIp) is in use.")
    }
    world.network.addresses.remove(at: i)
    return .object([])
  }

  static func describeAddresses(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("AllocationIds")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in
        !world.network.addresses.contains { $0.allocationId == id }
      })
    {
      throw AWSError(
        "InvalidAllocationID.NotFound", "The allocation ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for a in world.network.addresses {
      if let ids, !ids.contains(a.allocationId) { continue }
      let nat = world.network.natGateways.first { $0.natGatewayId == a.natGatewayId }
      var fields: [String: [String]] = [
        "allocation-id": [a.allocationId], "public-ip": [a.publicIp], "domain": ["vpc"],
        "association-id": a.associationId.map { [$0] } ?? [],
        "network-interface-id": nat.map { [$0.networkInterfaceId] } ?? [],
      ]
      fields.merge(Filters.tagFields(a.tags)) { a, _ in a }
      guard try filters.accept(fields) else { continue }
      out.append(
        jsonObject([
          ("PublicIp", .string(a.publicIp)),
          ("AllocationId", .string(a.allocationId)),
          ("AssociationId", a.associationId.map { .string($0) }),
          ("Domain", "vpc"),
          ("NetworkInterfaceId", nat.map { .string($0.networkInterfaceId) }),
          ("NetworkInterfaceOwnerId", nat.map { _ in .string(world.account) }),
          ("PrivateIpAddress", nat.map { .string($0.privateIp) }),
          ("Tags", World.tagsDocument(a.tags)),
          ("PublicIpv4Pool", "amazon"),
          ("NetworkBorderGroup", .string(world.region)),
        ]))
    }
    return ["Addresses": .array(out)]
  }

  // MARK: NAT gateways

  static func createNatGateway(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let subnetId = req.string("SubnetId") ?? ""
    guard let subnet = world.subnets.first(where: { $0.subnetId == subnetId }) else {
      throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(subnetId)' does not exist")
    }
    if req.string("ConnectivityType") == "private" {
      throw AWSError(
        "UnsupportedOperation",
        "ecs-tutor simulates public NAT gateways only (connectivity type public).")
    }
    guard let allocationId = req.string("AllocationId") else {
      throw AWSError("MissingParameter", "The request must contain the parameter AllocationId")
    }
    guard let k = world.network.addresses.firstIndex(where: { $0.allocationId == allocationId })
    else {
      throw AWSError(
        "InvalidAllocationID.NotFound", "The allocation ID '\(allocationId)' does not exist")
    }
    if world.network.addresses[k].natGatewayId != nil {
      throw AWSError(
        "Resource.AlreadyAssociated", "Elastic IP address [\(allocationId)] is already associated")
    }
    let now = world.clock.nowMillis / 1000 * 1000
    var nat = NatGateway(
      natGatewayId: "nat-0" + world.random.hex(16), subnetId: subnetId, vpcId: subnet.vpcId,
      allocationId: allocationId, publicIp: world.network.addresses[k].publicIp,
      privateIp: world.allocatePrivateIp(in: subnet),
      networkInterfaceId: "eni-0" + world.random.hex(16), state: .pending, createdAt: now,
      stateEndsAt: now + NetworkGateways.natPendingSeconds * 1000)
    nat.tags = req.tags(for: "natgateway")
    world.network.addresses[k].natGatewayId = nat.natGatewayId
    world.network.addresses[k].associationId = "eipassoc-0" + world.random.hex(16)
    world.network.natGateways.append(nat)
    world.record(
      .network, "NAT gateway \(nat.natGatewayId) created in \(subnetId): pending.",
      .natGatewayCreated(nat.natGatewayId, subnet: subnetId))
    return [
      "ClientToken": .string(world.random.uuid()),
      "NatGateway": jsonObject([
        ("CreateTime", .string(Timestamp.iso8601(millis: now))),
        ("NatGatewayAddresses", [["AllocationId": .string(allocationId)]]),
        ("NatGatewayId", .string(nat.natGatewayId)),
        ("State", "pending"),
        ("SubnetId", .string(subnetId)),
        ("VpcId", .string(subnet.vpcId)),
        ("Tags", World.tagsDocument(nat.tags)),
        ("ConnectivityType", "public"),
      ]),
    ]
  }

  static func deleteNatGateway(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = req.string("NatGatewayId") ?? ""
    guard let i = world.network.natGateways.firstIndex(where: { $0.natGatewayId == id }),
      world.network.natGateways[i].state != .deleted
    else {
      // UNCONFIRMED: the message (the code is EC2's).
      throw AWSError("NatGatewayNotFound", "NAT gateway \(id) was not found")
    }
    if world.network.natGateways[i].state != .deleting {
      world.network.natGateways[i].state = .deleting
      world.network.natGateways[i].stateEndsAt =
        world.clock.nowMillis / 1000 * 1000 + NetworkGateways.natDeletingSeconds * 1000
    }
    return ["NatGatewayId": .string(id)]
  }

  static func describeNatGateways(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("NatGatewayIds")
    let filters = try Filters(req.array("Filter") ?? req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in
        !world.network.natGateways.contains { $0.natGatewayId == id }
      })
    {
      throw AWSError("NatGatewayNotFound", "NAT gateway \(missing) was not found")
    }
    var out: [JSONValue] = []
    for n in world.network.natGateways {
      if let ids, !ids.contains(n.natGatewayId) { continue }
      var fields: [String: [String]] = [
        "nat-gateway-id": [n.natGatewayId], "state": [n.state.rawValue],
        "subnet-id": [n.subnetId], "vpc-id": [n.vpcId],
      ]
      fields.merge(Filters.tagFields(n.tags)) { a, _ in a }
      guard try filters.accept(fields) else { continue }
      out.append(world.natGatewayDocument(n))
    }
    return ["NatGateways": .array(out)]
  }
}

extension World {
  func internetGatewayDocument(_ g: InternetGateway) -> JSONValue {
    jsonObject([
      (
        "Attachments",
        .array(g.attachedVpcId.map { [["State": "available", "VpcId": .string($0)]] } ?? [])
      ),
      ("InternetGatewayId", .string(g.internetGatewayId)),
      ("OwnerId", .string(account)),
      ("Tags", .array(g.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })),
    ])
  }

  func natGatewayDocument(_ n: NatGateway) -> JSONValue {
    let released = n.state == .deleted
    // The association of its Elastic IP address (AWS prints it while the address is associated).
    let association =
      released
      ? nil
      : network.addresses.first { $0.natGatewayId == n.natGatewayId }?.associationId
    return jsonObject([
      ("CreateTime", .string(Timestamp.iso8601(millis: n.createdAt))),
      ("DeleteTime", n.deletedAt.map { .string(Timestamp.iso8601(millis: $0)) }),
      (
        "NatGatewayAddresses",
        [
          jsonObject([
            ("AllocationId", .string(n.allocationId)),
            ("AssociationId", association.map { .string($0) }),
            ("NetworkInterfaceId", .string(n.networkInterfaceId)),
            ("PrivateIp", .string(n.privateIp)),
            ("PublicIp", .string(n.publicIp)),
            ("IsPrimary", true),
            ("Status", released ? "disassociated" : "succeeded"),
          ])
        ]
      ),
      ("NatGatewayId", .string(n.natGatewayId)),
      ("State", .string(n.state.rawValue)),
      ("SubnetId", .string(n.subnetId)),
      ("VpcId", .string(n.vpcId)),
      ("Tags", World.tagsDocument(n.tags)),
      ("ConnectivityType", "public"),
    ])
  }
}
