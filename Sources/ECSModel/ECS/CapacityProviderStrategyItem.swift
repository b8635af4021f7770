/// One item of a capacity provider strategy (`capacityProvider=FARGATE,weight=1,base=0`), decoded
/// once where a request brings it; `weight` and `base` stay absent when the request left them out,
/// so the describe documents print what was given.
public struct CapacityProviderStrategyItem: Sendable, Equatable, Codable {
  public var capacityProvider: String
  public var weight: Int?
  public var base: Int?

  public init(capacityProvider: String, weight: Int? = nil, base: Int? = nil) {
    self.capacityProvider = capacityProvider
    self.weight = weight
    self.base = base
  }

  /// Decodes one request item (the CLI has already checked it against the botocore shape).
  public init(_ json: JSONValue) {
    self.init(
      capacityProvider: json["capacityProvider"]?.stringValue ?? "",
      weight: json["weight"]?.intValue, base: json["base"]?.intValue)
  }

  /// Decodes a request's list.
  static func list(_ items: [JSONValue]?) -> [CapacityProviderStrategyItem] {
    (items ?? []).map(CapacityProviderStrategyItem.init)
  }

  /// As ECS prints it, in botocore's member order.
  public var document: JSONValue {
    jsonObject([
      ("capacityProvider", .string(capacityProvider)), ("weight", weight.map { .int($0) }),
      ("base", base.map { .int($0) }),
    ])
  }
}
