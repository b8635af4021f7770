/// An ECS cluster: a logical boundary in the control plane; capacity registers into it.
public struct Cluster: Sendable, Equatable, Codable {
  public var name: String
  public var arn: String
  public var status: ClusterStatus = .active
  public var tags: [Tag] = []
  public var settings: [JSONValue] = []
  public var capacityProviders: [String] = []
  public var defaultCapacityProviderStrategy: [CapacityProviderStrategyItem] = []
  /// `configuration` (executeCommandConfiguration, managedStorageConfiguration) as given.
  public var configuration: JSONValue?
  /// The Cloud Map namespace of `serviceConnectDefaults` (its ARN), nil when none.
  public var serviceConnectNamespace: String?

  public init(name: String, arn: String) {
    self.name = name
    self.arn = arn
  }
}

/// A resource tag (`key`/`value` in ECS, `Key`/`Value` in EC2 and ELB).
public struct Tag: Sendable, Equatable, Codable {
  public var key: String
  public var value: String
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

extension World {
  /// CreateCluster's default `settings`.
  static let defaultClusterSettings: [JSONValue] = [
    ["name": "containerInsights", "value": "disabled"]
  ]

  /// Creates cluster `name` (set up by `configure`), or brings back an INACTIVE one of that name
  /// as it is; returns its index. CreateCluster and the container agent (which creates `default`
  /// when its instance names no cluster) both come here.
  @discardableResult
  mutating func openCluster(_ name: String, configure: (inout Cluster) -> Void = { _ in }) -> Int {
    if let i = clusters.firstIndex(where: { $0.name == name }) {
      if clusters[i].status != .active {
        clusters[i].status = .active
        record(.cluster, "Cluster \(name) created.", .clusterCreated(name))
      }
      return i
    }
    var cluster = Cluster(name: name, arn: arn(service: "ecs", resource: "cluster/" + name))
    cluster.settings = World.defaultClusterSettings
    configure(&cluster)
    clusters.append(cluster)
    record(.cluster, "Cluster \(name) created.", .clusterCreated(name))
    return clusters.count - 1
  }
}
