/// CreateCluster, DescribeClusters, ListClusters, DeleteCluster.
enum ClusterActions {
  static let table: [String: ActionHandler] = [
    "CreateCluster": createCluster,
    "DescribeClusters": describeClusters,
    "ListClusters": listClusters,
    "DeleteCluster": deleteCluster,
  ]

  static func createCluster(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("clusterName") ?? "default"
    try validateName(name)
    let tags = try parseTags(req.array("tags") ?? [])
    let i = world.openCluster(name) { c in
      c.tags = tags
      c.settings = req.array("settings") ?? World.defaultClusterSettings
      c.capacityProviders = req.strings("capacityProviders") ?? []
      c.defaultCapacityProviderStrategy = CapacityProviderStrategyItem.list(
        req.array("defaultCapacityProviderStrategy"))
    }
    // CreateCluster is idempotent: an existing cluster is returned as it is (an INACTIVE one
    // brought back), whatever the request asks.
    return ["cluster": world.clusterDocument(world.clusters[i], include: ["SETTINGS", "TAGS"])]
  }

  static func describeClusters(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let refs = req.strings("clusters") ?? ["default"]
    let include = Set(req.strings("include") ?? [])
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      if let c = world.cluster(ref) {
        found.append(world.clusterDocument(c, include: include))
      } else {
        failures.append(["arn": .string(world.clusterARN(ref)), "reason": "MISSING"])
      }
    }
    return ["clusters": .array(found), "failures": .array(failures)]
  }

  static func listClusters(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arns = world.clusters.filter { $0.status == .active }.map { JSONValue.string($0.arn) }
    return try paginate(arns, key: "clusterArns", req)
  }

  static func deleteCluster(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let ref = req.string("cluster") ?? "default"
    guard let i = world.clusters.firstIndex(where: { $0.matches(ref) && $0.status == .active })
    else { throw .clusterNotFound }
    if let error = world.deleteBlocker("cluster", world.clusters[i].arn) { throw error }
    world.clusters[i].status = .inactive
    world.record(
      .cluster, "Cluster \(world.clusters[i].name) deleted.",
      .clusterDeleted(world.clusters[i].name))
    return ["cluster": world.clusterDocument(world.clusters[i], include: ["TAGS"])]
  }

  // UNCONFIRMED: the exact wording ECS uses for a bad cluster name was not found in an AWS source;
  // this follows the documented rule (up to 255 letters, numbers, hyphens and underscores).
  static func validateName(_ name: String) throws(AWSError) {
    let ok =
      !name.isEmpty && name.count <= 255
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    if !ok {
      throw .invalidParameter(
        "Invalid cluster name. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed."
      )
    }
  }

  static func parseTags(_ items: [JSONValue]) throws(AWSError) -> [Tag] {
    var tags: [Tag] = []
    for item in items {
      guard let key = item["key"]?.stringValue, !key.isEmpty else {
        throw .invalidParameter("Tag keys must be between 1 and 128 characters in length.")
      }
      tags.append(Tag(key: key, value: item["value"]?.stringValue ?? ""))
    }
    return tags
  }
}

/// maxResults/nextToken over a list, with tokens that are the same on every run.
func paginate(_ items: [JSONValue], key: String, _ req: Request) throws(AWSError) -> JSONValue {
  var start = 0
  if let token = req.string("nextToken") {
    guard token.hasPrefix("tok-"), let n = Int(token.dropFirst(4)), n >= 0, n <= items.count else {
      throw .invalidParameter("Invalid token \(token)")
    }
    start = n
  }
  let limit = req.int("maxResults") ?? 100
  guard (1...100).contains(limit) else {
    throw .invalidParameter("maxResults must be between 1 and 100.")
  }
  let end = min(items.count, start + limit)
  let page = Array(items[start..<end])
  return jsonObject([
    (key, .array(page)), ("nextToken", end < items.count ? .string("tok-\(end)") : nil),
  ])
}

extension Cluster {
  /// Whether `ref` names this cluster (by name or ARN).
  func matches(_ ref: String) -> Bool { ref == name || ref == arn }
}

extension World {

  /// The ACTIVE cluster named by `ref` (name or ARN).
  public func cluster(_ ref: String) -> Cluster? {
    clusters.first { $0.matches(ref) && $0.status == .active }
  }

  func clusterARN(_ ref: String) -> String {
    ref.hasPrefix("arn:") ? ref : arn(service: "ecs", resource: "cluster/" + ref)
  }

  /// The cluster as DescribeClusters prints it.
  public func clusterDocument(_ c: Cluster, include: Set<String>) -> JSONValue {
    let counts = clusterCounts(c.arn)
    return jsonObject([
      ("clusterArn", .string(c.arn)),
      ("clusterName", .string(c.name)),
      ("status", .string(c.status.rawValue)),
      ("registeredContainerInstancesCount", .int(counts.instances)),
      ("runningTasksCount", .int(counts.running)),
      ("pendingTasksCount", .int(counts.pending)),
      ("activeServicesCount", .int(counts.services)),
      ("statistics", .array([])),
      ("tags", .array(c.tags.map { ["key": .string($0.key), "value": .string($0.value)] })),
      ("settings", include.contains("SETTINGS") ? .array(c.settings) : nil),
      ("capacityProviders", .array(c.capacityProviders.map { .string($0) })),
      (
        "defaultCapacityProviderStrategy", .array(c.defaultCapacityProviderStrategy.map(\.document))
      ),
      ("configuration", include.contains("CONFIGURATIONS") ? c.configuration : nil),
      ("serviceConnectDefaults", c.serviceConnectNamespace.map { ["namespace": .string($0)] }),
    ])
  }

  /// Instances, running and pending tasks, and services of a cluster.
  public func clusterCounts(_ clusterArn: String) -> (
    instances: Int, running: Int, pending: Int, services: Int
  ) {
    var running = 0
    var pending = 0
    for t in workloads.tasks where t.clusterArn == clusterArn && t.lastStatus != .stopped {
      if t.lastStatus == .running { running += 1 } else { pending += 1 }
    }
    let instances = registeredContainerInstances(in: clusterArn).count
    let services = workloads.services.filter {
      $0.clusterArn == clusterArn && $0.status == .active
    }.count
    return (instances, running, pending, services)
  }
}
