/// The VPC's resource kinds, and Elastic Load Balancing's (not simulated yet: none to offer).
enum NetworkResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "vpc", selectors: [.many("vpcs", select: vpcs)],
      completions: [(.vpcs, { w in w.vpcs.map(\.vpcId) })]),
    ResourceDescriptor(
      name: "subnet", selectors: [.many("subnets", select: subnets)],
      completions: [(.subnets, { w in w.subnets.map(\.subnetId) })]),
    ResourceDescriptor(
      name: "routeTable", selectors: [.many("routeTables", select: routeTables)],
      completions: [
        (.routeTables, { w in w.network.routeTables.map(\.routeTableId) }),
        (
          .routeTableAssociations,
          { w in w.network.routeTables.flatMap { $0.associations.map(\.associationId) } }
        ),
      ]),
    ResourceDescriptor(
      name: "internetGateway",
      completions: [
        (.internetGateways, { w in w.network.internetGateways.map(\.internetGatewayId) })
      ]
    ),
    ResourceDescriptor(
      name: "natGateway", selectors: [.many("natGateways", select: natGateways)],
      completions: [
        (
          .natGateways,
          { w in w.network.natGateways.filter { $0.state != .deleted }.map(\.natGatewayId) }
        )
      ]),
    ResourceDescriptor(
      name: "address",
      completions: [(.allocations, { w in w.network.addresses.map(\.allocationId) })]
    ),
    ResourceDescriptor(
      name: "networkAcl",
      completions: [(.networkAcls, { w in w.network.networkAcls.map(\.networkAclId) })]),
    ResourceDescriptor(
      name: "vpcEndpoint", selectors: [.many("vpcEndpoints", select: vpcEndpoints)],
      completions: [(.vpcEndpoints, { w in w.network.endpoints.map(\.vpcEndpointId) })]),
    ResourceDescriptor(
      name: "securityGroup",
      completions: [
        (.securityGroups, { w in w.securityGroups.map(\.groupId) }),
        (.securityGroupNames, { w in w.securityGroups.map(\.groupName) }),
      ]),
    ResourceDescriptor(
      name: "securityGroupRule",
      completions: [
        (
          .securityGroupRules,
          { w in w.securityGroups.flatMap { ($0.ingress + $0.egress).map(\.ruleId) } }
        )
      ]),
    ResourceDescriptor(
      name: "networkInterface",
      completions: [
        (
          .networkInterfaces,
          { w in
            w.workloads.tasks.compactMap(\.eni?.eniId)
              + w.network.endpoints.flatMap { $0.networkInterfaces.map(\.networkInterfaceId) }
          }
        )
      ]),
  ]

  /// The VPC a selection names (`vpc: ecs-vpc`, its Name tag, or its ID); nil when none is named.
  static func vpcId(_ w: World, _ p: JSONValue) -> String?? {
    guard let ref = p["vpc"]?.stringValue else { return .some(nil) }
    guard
      let v = w.vpcs.first(where: { v in
        v.vpcId == ref || v.tags.contains { $0.key == "Name" && $0.value == ref }
      })
    else { return nil }
    return .some(v.vpcId)
  }

  /// `vpcs: {name: ecs-vpc}` (the Name tag) — VPCs as describe-vpcs prints them.
  static func vpcs(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p["name"]?.stringValue
    return w.vpcs.filter { v in
      name == nil || v.tags.contains { $0.key == "Name" && $0.value == name }
    }.map { w.vpcDocument($0) }
  }

  /// `subnets: {vpc: ecs-vpc, public: true, zone: us-east-1a}` — `public` selects by routing
  /// (the subnet's route table sends 0.0.0.0/0 to an attached internet gateway).
  static func subnets(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let vpc = vpcId(w, p) else { return [] }
    let isPublic = p["public"]?.boolValue
    let zone = p["zone"]?.stringValue
    return w.subnets.filter { s in
      (vpc == nil || s.vpcId == vpc) && (zone == nil || s.availabilityZone == zone)
        && (isPublic == nil || w.isPublicSubnet(s.subnetId) == isPublic)
    }.map { w.subnetDocument($0) }
  }

  /// `routeTables: {vpc: ecs-vpc}`.
  static func routeTables(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let vpc = vpcId(w, p) else { return [] }
    return w.network.routeTables.filter { vpc == nil || $0.vpcId == vpc }.map {
      w.routeTableDocument($0)
    }
  }

  /// `natGateways: {vpc: ecs-vpc, state: available}`.
  static func natGateways(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let vpc = vpcId(w, p) else { return [] }
    let state = p["state"]?.stringValue
    return w.network.natGateways.filter {
      (vpc == nil || $0.vpcId == vpc) && (state == nil || $0.state.rawValue == state)
    }.map { w.natGatewayDocument($0) }
  }

  /// `vpcEndpoints: {vpc: ecs-vpc, service: ecr.api, type: Interface}`.
  static func vpcEndpoints(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let vpc = vpcId(w, p) else { return [] }
    let service = p["service"]?.stringValue
    let type = p["type"]?.stringValue
    return w.network.endpoints.filter {
      (vpc == nil || $0.vpcId == vpc) && (service == nil || $0.service == service)
        && (type == nil || $0.kind.rawValue == type)
    }.map { w.endpointDocument($0) }
  }
}
