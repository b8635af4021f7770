/// NAT gateways and interface endpoints come up and go away on the clock: a NAT gateway is
/// `pending` for `natPendingSeconds`, then `available`; `deleting` for `natDeletingSeconds`, then
/// `deleted` (its Elastic IP freed). An interface endpoint is `pending` for
/// `endpointPendingSeconds`. (UNCONFIRMED: AWS takes one to a few minutes; shorter here.)
enum NetworkGateways: SimulationProcess {
  static let natPendingSeconds: Int64 = 60
  static let natDeletingSeconds: Int64 = 30
  static let endpointPendingSeconds: Int64 = 30

  static func tick(_ world: inout World) {
    let now = world.clock.nowMillis
    for i in world.network.natGateways.indices {
      guard let end = world.network.natGateways[i].stateEndsAt, end <= now else { continue }
      let nat = world.network.natGateways[i]
      world.network.natGateways[i].stateEndsAt = nil
      switch nat.state {
      case .pending:
        world.network.natGateways[i].state = .available
        world.events.append(
          Event(
            at: end, kind: .network, message: "NAT gateway \(nat.natGatewayId) is available.",
            detail: .natGatewayAvailable(nat.natGatewayId)))
      case .deleting:
        world.network.natGateways[i].state = .deleted
        world.network.natGateways[i].deletedAt = end
        for k in world.network.addresses.indices
        where world.network.addresses[k].natGatewayId == nat.natGatewayId {
          world.network.addresses[k].natGatewayId = nil
          world.network.addresses[k].associationId = nil
        }
        world.events.append(
          Event(at: end, kind: .network, message: "NAT gateway \(nat.natGatewayId) is deleted."))
      default: break
      }
    }
    for i in world.network.endpoints.indices {
      guard let end = world.network.endpoints[i].stateEndsAt, end <= now else { continue }
      world.network.endpoints[i].stateEndsAt = nil
      world.network.endpoints[i].state = "available"
      let e = world.network.endpoints[i]
      world.events.append(
        Event(
          at: end, kind: .network,
          message: "VPC endpoint \(e.vpcEndpointId) (\(e.service)) is available.",
          detail: .vpcEndpointAvailable(e.vpcEndpointId, service: e.service)))
    }
  }

  static func nextWake(_ world: World) -> Int64? {
    (world.network.natGateways.compactMap(\.stateEndsAt)
      + world.network.endpoints.compactMap(\.stateEndsAt)).min()
  }

  static func isSettled(_ world: World) -> Bool { nextWake(world) == nil }
}
