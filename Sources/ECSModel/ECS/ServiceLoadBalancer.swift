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

extension World {
  /// What ECS checks about an entry's target group at CreateService and UpdateService
  /// (ecs-facts §5): it exists, a load balancer uses it, and its target type suits the task
  /// definition's network mode (ip for awsvpc, instance for bridge and host).
  func checkServiceTargetGroup(_ lb: ServiceLoadBalancer, def: TaskDefinition) throws(AWSError) {
    guard let arn = lb.targetGroupArn else { return }
    guard let tg = targetGroup(arn: arn) else {
      // OBS: ECS's answer for a target group it cannot find.
      throw .invalidParameter(
        "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions."
      )
    }
    guard !loadBalancerArns(using: arn).isEmpty else {
      throw .invalidParameter(
        "The target group with targetGroupArn \(arn) does not have an associated load balancer.")
    }
    let mode = def.networkMode
    let wanted = mode == .awsvpc ? "ip" : "instance"
    if tg.targetType != wanted {
      throw .invalidParameter(
        "The provided target group \(arn) has target type \(tg.targetType), which is incompatible with the \(mode.rawValue) network mode specified in the task definition."
      )
    }
  }
}
