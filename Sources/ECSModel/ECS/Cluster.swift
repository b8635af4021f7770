/// An ECS cluster: a logical boundary in the control plane; capacity registers into it.
public struct Cluster: Sendable, Equatable, Codable {
  public var name: String
  public var arn: String
  public var status: String = "ACTIVE"
  public var tags: [Tag] = []
  public var settings: [JSONValue] = []
  public var capacityProviders: [String] = []
  public var defaultCapacityProviderStrategy: [JSONValue] = []

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
