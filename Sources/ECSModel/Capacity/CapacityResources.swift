/// The data plane's resource kinds: container instances and EC2 instances.
enum CapacityResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "containerInstance",
      selectors: [.many("containerInstances", select: containerInstances)],
      completions: [
        (
          .containerInstances,
          { w in w.capacity.containerInstances.filter { $0.status != .inactive }.map(\.arn) }
        )
      ]),
    ResourceDescriptor(
      name: "instance", selectors: [.many("instances", select: instances)],
      completions: [
        (
          .instances,
          { w in w.capacity.instances.filter { $0.state != .terminated }.map(\.instanceId) }
        )
      ]),
  ]

  /// `containerInstances: {cluster: demo, status: ACTIVE}` (status omitted: ACTIVE and DRAINING).
  static func containerInstances(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let arn = ECSResources.clusterArn(w, p) else { return [] }
    let status = p["status"]?.stringValue
    return w.registeredContainerInstances(in: arn).filter {
      status == nil || $0.status.rawValue == status
    }
    .map { w.containerInstanceDocument($0, include: []) }
  }

  /// `instances: {state: running, instanceType: t3.medium}` — EC2 instances as describe-instances
  /// prints them.
  static func instances(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let state = p["state"]?.stringValue
    let type = p["instanceType"]?.stringValue
    return w.capacity.instances.filter {
      (state == nil || $0.state.rawValue == state) && (type == nil || $0.instanceType == type)
    }.map { w.instanceDocument($0) }
  }
}
