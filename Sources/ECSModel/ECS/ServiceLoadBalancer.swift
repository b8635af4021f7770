/// One entry of a service's `loadBalancers`: the target group (or Classic Load Balancer) that the
/// service registers a container port of its tasks with. Decoded once in CreateService and
/// UpdateService.
public struct ServiceLoadBalancer: Sendable, Equatable, Codable {
  public var targetGroupArn: String?
  public var loadBalancerName: String?
  public var containerName: String?
  public var containerPort: Int?

  public init(
    targetGroupArn: String? = nil, loadBalancerName: String? = nil, containerName: String? = nil,
    containerPort: Int? = nil
  ) {
    self.targetGroupArn = targetGroupArn
    self.loadBalancerName = loadBalancerName
    self.containerName = containerName
    self.containerPort = containerPort
  }

  /// Decodes one request item (already checked against the botocore shape).
  public init(_ json: JSONValue) {
    self.init(
      targetGroupArn: json["targetGroupArn"]?.stringValue,
      loadBalancerName: json["loadBalancerName"]?.stringValue,
      containerName: json["containerName"]?.stringValue,
      containerPort: json["containerPort"]?.intValue)
  }

  /// As ECS prints it, in botocore's member order.
  public var document: JSONValue {
    jsonObject([
      ("targetGroupArn", targetGroupArn.map { .string($0) }),
      ("loadBalancerName", loadBalancerName.map { .string($0) }),
      ("containerName", containerName.map { .string($0) }),
      ("containerPort", containerPort.map { .int($0) }),
    ])
  }
}
