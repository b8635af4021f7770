/// EC2 route tables: CreateRouteTable, DeleteRouteTable, CreateRoute, DeleteRoute, ReplaceRoute,
/// AssociateRouteTable, DisassociateRouteTable, DescribeRouteTables.
enum RouteTableActions {
  static let table: [String: ActionHandler] = [
    "CreateRouteTable": createRouteTable,
    "DeleteRouteTable": deleteRouteTable,
    "CreateRoute": { w, r throws(AWSError) in try putRoute(&w, r, replace: false) },
    "ReplaceRoute": { w, r throws(AWSError) in try putRoute(&w, r, replace: true) },
    "DeleteRoute": deleteRoute,
    "AssociateRouteTable": associateRouteTable,
    "DisassociateRouteTable": disassociateRouteTable,
    "DescribeRouteTables": describeRouteTables,
  ]

  static func createRouteTable(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let vpcId = req.string("VpcId") ?? ""
    guard let vpc = world.vpcs.first(where: { $0.vpcId == vpcId }) else {
      throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(vpcId)' does not exist")
    }
    var t = RouteTable(
      routeTableId: "rtb-0" + world.random.hex(16), vpcId: vpcId,
      routes: [Route(destination: vpc.cidrBlock, target: .local, origin: "CreateRouteTable")])
    t.tags = req.tags(for: "route-table")
    world.network.routeTables.append(t)
    world.record(.network, "Route table \(t.routeTableId) created in \(vpcId).")
    return ["RouteTable": world.routeTableDocument(t)]
  }

  static func tableIndex(_ world: World, _ id: String) throws(AWSError) -> Int {
    guard let i = world.network.routeTables.firstIndex(where: { $0.routeTableId == id }) else {
      throw AWSError("InvalidRouteTableID.NotFound", "The routeTable ID '\(id)' does not exist")
    }
    return i
  }

  static func deleteRouteTable(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("RouteTableId") ?? ""
    let i = try tableIndex(world, id)
    let t = world.network.routeTables[i]
    if t.isMain || !t.associations.isEmpty {
      throw AWSError(
        "DependencyViolation", "The routeTable '\(id)' has dependencies and cannot be deleted.")
    }
    world.network.routeTables.remove(at: i)
    for k in world.network.endpoints.indices {
      world.network.endpoints[k].routeTableIds.removeAll { $0 == id }
    }
    return .object([])
  }

  /// CreateRoute and ReplaceRoute: one target of `--gateway-id`, `--nat-gateway-id`.
  static func putRoute(_ world: inout World, _ req: Request, replace: Bool) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("RouteTableId") ?? ""
    let i = try tableIndex(world, id)
    let t = world.network.routeTables[i]
    let destination = req.string("DestinationCidrBlock") ?? ""
    guard CIDR(destination) != nil else {
      throw AWSError(
        "InvalidParameterValue",
        "Value (\(destination)) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block."
      )
    }
    let target: RouteTarget
    if let gw = req.string("GatewayId") {
      if gw.hasPrefix("vpce-") {
        throw AWSError(
          "RouteNotSupported",
          "Route table contains unsupported route target: \(gw). VPC Endpoints of this type cannot be used as route targets."
        )
      }
      guard let igw = world.network.internetGateways.first(where: { $0.internetGatewayId == gw })
      else {
        throw AWSError("InvalidGatewayID.NotFound", "The gateway ID '\(gw)' does not exist")
      }
      guard igw.attachedVpcId == t.vpcId else {
        throw AWSError(
          "InvalidParameterValue",
          "route table \(id) and network gateway \(gw) belong to different networks")
      }
      target = .gateway(gw)
    } else if let nat = req.string("NatGatewayId") {
      guard let n = world.network.natGateways.first(where: { $0.natGatewayId == nat }) else {
        // UNCONFIRMED: the message (the code is EC2's).
        throw AWSError("NatGatewayNotFound", "NAT gateway \(nat) was not found")
      }
      guard n.vpcId == t.vpcId else {
        throw AWSError(
          "InvalidParameterValue",
          "route table \(id) and network gateway \(nat) belong to different networks")
      }
      target = .natGateway(nat)
    } else if let e = req.string("VpcEndpointId") {
      throw AWSError(
        "RouteNotSupported",
        "Route table contains unsupported route target: \(e). VPC Endpoints of this type cannot be used as route targets."
      )
    } else {
      // UNCONFIRMED: EC2's wording for a route without a target.
      throw AWSError(
        "InvalidParameterCombination",
        "The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, instanceId, transitGatewayId, localGatewayId, carrierGatewayId, coreNetworkArn or vpcEndpointId"
      )
    }
    let existing = t.routes.firstIndex { $0.destination == destination }
    if replace {
      guard let k = existing else {
        throw AWSError(
          "InvalidParameterValue",
          "There is no route defined for '\(destination)' in the route table. Use CreateRoute instead."
        )
      }
      if t.routes[k].target == .local {
        throw AWSError(
          "InvalidParameterValue", "cannot replace local route \(destination) in route table \(id)")
      }
      world.network.routeTables[i].routes[k] = Route(
        destination: destination, target: target, origin: "CreateRoute")
      return .object([])
    }
    if existing != nil {
      throw AWSError("RouteAlreadyExists", "The route identified by \(destination) already exists.")
    }
    world.network.routeTables[i].routes.append(
      Route(destination: destination, target: target, origin: "CreateRoute"))
    world.record(
      .network, "Route \(destination) → \(target.id) added to \(id).",
      .routeAdded(table: id, destination: destination, target: target.id))
    return ["Return": true]
  }

  static func deleteRoute(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = req.string("RouteTableId") ?? ""
    let i = try tableIndex(world, id)
    let destination =
      req.string("DestinationCidrBlock") ?? req.string("DestinationPrefixListId") ?? ""
    guard
      let k = world.network.routeTables[i].routes.firstIndex(where: {
        $0.destination == destination
      })
    else {
      throw AWSError(
        "InvalidRoute.NotFound",
        "no route with destination-cidr-block \(destination) in route table \(id)")
    }
    if world.network.routeTables[i].routes[k].target == .local {
      throw AWSError(
        "InvalidParameterValue", "cannot remove local route \(destination) in route table \(id)")
    }
    world.network.routeTables[i].routes.remove(at: k)
    return .object([])
  }

  static func associateRouteTable(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let id = req.string("RouteTableId") ?? ""
    let i = try tableIndex(world, id)
    let subnetId = req.string("SubnetId") ?? ""
    guard let subnet = world.subnets.first(where: { $0.subnetId == subnetId }) else {
      throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(subnetId)' does not exist")
    }
    guard subnet.vpcId == world.network.routeTables[i].vpcId else {
      throw AWSError(
        "InvalidParameterValue",
        "Route table \(id) and subnet \(subnetId) belong to different networks")
    }
    if world.network.routeTables.contains(where: { t in
      t.associations.contains { $0.subnetId == subnetId }
    }) {
      throw AWSError(
        "Resource.AlreadyAssociated",
        "the specified association for route table \(id) conflicts with an existing association")
    }
    let assoc = "rtbassoc-0" + world.random.hex(16)
    world.network.routeTables[i].associations.append(
      SubnetAssociation(subnetId: subnetId, associationId: assoc))
    world.record(
      .network, "Route table \(id) associated with \(subnetId).",
      .routeTableAssociated(table: id, subnet: subnetId))
    return ["AssociationId": .string(assoc), "AssociationState": ["State": "associated"]]
  }

  static func disassociateRouteTable(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let assoc = req.string("AssociationId") ?? ""
    if world.network.routeTables.contains(where: { $0.mainAssociationId == assoc }) {
      throw AWSError(
        "InvalidParameterValue", "cannot disassociate the main route table association \(assoc)")
    }
    guard
      let i = world.network.routeTables.firstIndex(where: { t in
        t.associations.contains { $0.associationId == assoc }
      })
    else {
      throw AWSError(
        "InvalidAssociationID.NotFound", "The association ID '\(assoc)' does not exist")
    }
    world.network.routeTables[i].associations.removeAll { $0.associationId == assoc }
    return .object([])
  }

  static func describeRouteTables(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let ids = req.strings("RouteTableIds")
    let filters = try Filters(req.array("Filters") ?? [])
    if let ids,
      let missing = ids.first(where: { id in
        !world.network.routeTables.contains { $0.routeTableId == id }
      })
    {
      throw AWSError(
        "InvalidRouteTableID.NotFound", "The routeTable ID '\(missing)' does not exist")
    }
    var out: [JSONValue] = []
    for t in world.network.routeTables {
      if let ids, !ids.contains(t.routeTableId) { continue }
      var fields: [String: [String]] = [
        "route-table-id": [t.routeTableId], "vpc-id": [t.vpcId],
        "association.main": [t.isMain ? "true" : "false"],
        "association.subnet-id": t.associations.map(\.subnetId),
        "association.route-table-association-id": t.associations.map(\.associationId)
          + (t.mainAssociationId.map { [$0] } ?? []),
        "association.route-table-id": [t.routeTableId],
        "route.destination-cidr-block": t.routes.filter { !$0.isPrefixList }.map(\.destination),
        "route.destination-prefix-list-id": t.routes.filter(\.isPrefixList).map(\.destination),
        "route.gateway-id": t.routes.compactMap {
          if case .gateway(let g) = $0.target { return g }
          return $0.target == .local ? "local" : nil
        },
        "route.nat-gateway-id": t.routes.compactMap {
          if case .natGateway(let n) = $0.target { return n }
          return nil
        },
        "owner-id": [world.account],
      ]
      fields.merge(Filters.tagFields(t.tags)) { a, _ in a }
      guard try filters.accept(fields) else { continue }
      out.append(world.routeTableDocument(t))
    }
    return ["RouteTables": .array(out)]
  }
}

extension World {
  /// A route table as describe-route-tables prints it; blackhole routes lead to a detached
  /// internet gateway or a NAT gateway that is not available.
  func routeTableDocument(_ t: RouteTable) -> JSONValue {
    var associations: [JSONValue] = []
    if let main = t.mainAssociationId {
      associations.append([
        "Main": true, "RouteTableAssociationId": .string(main),
        "RouteTableId": .string(t.routeTableId), "AssociationState": ["State": "associated"],
      ])
    }
    for a in t.associations {
      associations.append([
        "Main": false, "RouteTableAssociationId": .string(a.associationId),
        "RouteTableId": .string(t.routeTableId), "SubnetId": .string(a.subnetId),
        "AssociationState": ["State": "associated"],
      ])
    }
    let routes: [JSONValue] = t.routes.map { r in
      var active = true
      switch r.target {
      case .local: break
      case .gateway(let g):
        if g.hasPrefix("igw-") {
          active = network.internetGateways.contains {
            $0.internetGatewayId == g && $0.attachedVpcId == t.vpcId
          }
        }
      case .natGateway(let n):
        active = network.natGateways.contains {
          $0.natGatewayId == n && ($0.state == .available || $0.state == .pending)
        }
      }
      var target: (String, JSONValue)
      switch r.target {
      case .local: target = ("GatewayId", "local")
      case .gateway(let g): target = ("GatewayId", .string(g))
      case .natGateway(let n): target = ("NatGatewayId", .string(n))
      }
      return jsonObject([
        (
          r.isPrefixList ? "DestinationPrefixListId" : "DestinationCidrBlock",
          .string(r.destination)
        ),
        target,
        ("Origin", .string(r.origin)),
        ("State", active ? "active" : "blackhole"),
      ])
    }
    return jsonObject([
      ("Associations", .array(associations)),
      ("PropagatingVgws", []),
      ("RouteTableId", .string(t.routeTableId)),
      ("Routes", .array(routes)),
      ("Tags", .array(t.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })),
      ("VpcId", .string(t.vpcId)),
      ("OwnerId", .string(account)),
    ])
  }
}
