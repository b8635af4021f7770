/// UpdateCluster, UpdateClusterSettings and UpdateContainerAgent.
enum ClusterUpdateActions {
  static let table: [String: ActionHandler] = [
    "UpdateCluster": updateCluster,
    "UpdateClusterSettings": updateClusterSettings,
    "UpdateContainerAgent": updateContainerAgent,
  ]

  static func updateCluster(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try clusterIndex(world, req)
    var cluster = world.clusters[i]
    if let settings = req.array("settings") { try merge(settings, into: &cluster) }
    if let configuration = req["configuration"] { cluster.configuration = configuration }
    if let defaults = req["serviceConnectDefaults"] {
      let namespace = defaults["namespace"]?.stringValue ?? ""
      cluster.serviceConnectNamespace =
        namespace.isEmpty ? nil : world.cloudMapNamespaceArn(namespace)
    }
    world.clusters[i] = cluster
    return [
      "cluster": world.clusterDocument(cluster, include: ["SETTINGS", "CONFIGURATIONS", "TAGS"])
    ]
  }

  static func updateClusterSettings(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try clusterIndex(world, req)
    try merge(req.array("settings") ?? [], into: &world.clusters[i])
    return ["cluster": world.clusterDocument(world.clusters[i], include: ["SETTINGS"])]
  }

  /// Asks the agent on a container instance to update itself: agentUpdateStatus PENDING, then
  /// the stages on the clock (`AgentUpdate`).
  static func updateContainerAgent(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try world.requireCluster(req.string("cluster"))
    let ref = req.string("containerInstance") ?? ""
    guard
      let i = world.capacity.containerInstances.firstIndex(where: {
        $0.clusterArn == cluster.arn && $0.status != .inactive && ($0.arn == ref || $0.id == ref)
      })
    else {
      throw .invalidParameter("The referenced container instance was not found.")
    }
    let ci = world.capacity.containerInstances[i]
    if AgentUpdate.inProgress(ci) {
      throw AWSError(
        "UpdateInProgressException",
        "There's already an Amazon ECS container agent update in progress on the container "
          + "instance that's specified.")
    }
    if ci.agentVersion == AgentUpdate.latestVersion {
      throw AWSError(
        "NoUpdateAvailableException",
        "There's no update available for this Amazon ECS container agent. This might be because "
          + "the agent is already running the latest version or because it's so old that there's "
          + "no update path to the current version.")
    }
    world.capacity.containerInstances[i].agentUpdateStatus = "PENDING"
    world.capacity.containerInstances[i].agentUpdateStartedAt = world.clock.nowMillis
    world.capacity.containerInstances[i].version += 1
    return [
      "containerInstance": world.containerInstanceDocument(
        world.capacity.containerInstances[i], include: [])
    ]
  }

  static func clusterIndex(_ world: World, _ req: Request) throws(AWSError) -> Int {
    let ref = req.string("cluster") ?? "default"
    guard let i = world.clusters.firstIndex(where: { $0.matches(ref) && $0.status == .active })
    else { throw .clusterNotFound }
    return i
  }

  /// Cluster settings by name: a new value replaces the old one.
  static func merge(_ settings: [JSONValue], into cluster: inout Cluster) throws(AWSError) {
    for setting in settings {
      let name = setting["name"]?.stringValue ?? ""
      guard name == "containerInsights" else {
        throw .invalidParameter("Invalid setting name: \(name)")
      }
      let value = setting["value"]?.stringValue ?? ""
      guard ["enabled", "disabled", "enhanced"].contains(value) else {
        // UNCONFIRMED wording.
        throw .invalidParameter(
          "Invalid value specified for containerInsights. Valid values: enhanced, enabled, disabled"
        )
      }
      cluster.settings.removeAll { $0["name"]?.stringValue == name }
      cluster.settings.append(["name": .string(name), "value": .string(value)])
    }
  }
}

extension World {
  /// The ARN of the Cloud Map namespace `name` (an ARN stays as it is); its ID is derived from
  /// the name, so it is the same on every run without drawing from `random`.
  func cloudMapNamespaceArn(_ name: String) -> String {
    if name.hasPrefix("arn:") { return name }
    var h: UInt64 = 14_695_981_039_346_656_037
    for b in name.utf8 {
      h ^= UInt64(b)
      h = h &* 1_099_511_628_211
    }
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
    let id = String((0..<16).map { alphabet[Int((h >> UInt64(($0 * 4) % 60)) & 31)] })
    return arn(service: "servicediscovery", resource: "namespace/ns-" + id)
  }
}
