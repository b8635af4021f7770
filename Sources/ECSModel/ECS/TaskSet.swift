/// A task set of a service with the EXTERNAL deployment controller: a task definition and the
/// share of the service's desired count it runs (`scale`).
public struct TaskSet: Sendable, Equatable {
  /// `ecs-svc/` and 19 digits.
  public var id: String
  public var arn: String
  /// PRIMARY, ACTIVE or DRAINING.
  public var status: String
  public var taskDefinitionArn: String
  public var externalId: String?
  public var launchType: LaunchType?
  public var capacityProviderStrategy: [CapacityProviderStrategyItem] = []
  public var platformVersion: String?
  public var networkConfiguration: NetworkConfiguration?
  public var loadBalancers: [JSONValue] = []
  public var serviceRegistries: [JSONValue] = []
  /// Percent of the service's desired count.
  public var scale: Double
  public var createdAt: Int64
  public var updatedAt: Int64
  public var stabilityStatusAt: Int64
  public var tags: [Tag] = []
  /// The last launch found no instance for a task (the set waits for capacity).
  public var placementBlocked = false

  /// The tasks it wants: the service's desired count times `scale`, rounded up.
  public func computedDesiredCount(serviceDesired: Int) -> Int {
    Int((Double(serviceDesired) * scale / 100).rounded(.up))
  }
}
