/// A task's or service's `networkConfiguration`, decoded once in RunTask, CreateService and
/// UpdateService. Members the request left out stay absent, so the describe documents print what
/// was given.
public struct NetworkConfiguration: Sendable, Equatable, Codable {
  /// `awsvpcConfiguration`: the only kind ECS has.
  public var awsvpc: AwsVpcConfiguration?

  public init(awsvpc: AwsVpcConfiguration? = nil) { self.awsvpc = awsvpc }

  /// Decodes a request's `networkConfiguration` (already checked against the botocore shape);
  /// nil when the request has none.
  public init?(_ json: JSONValue?) {
    guard let json, !json.isNull else { return nil }
    awsvpc = json["awsvpcConfiguration"].flatMap { $0.isNull ? nil : AwsVpcConfiguration($0) }
  }

  /// As ECS prints it.
  public var document: JSONValue {
    jsonObject([("awsvpcConfiguration", awsvpc?.document)])
  }
}

/// The subnets, security groups and public IP choice of an awsvpc task.
public struct AwsVpcConfiguration: Sendable, Equatable, Codable {
  public var subnets: [String]
  public var securityGroups: [String]?
  /// ENABLED or DISABLED.
  public var assignPublicIp: String?

  public init(subnets: [String], securityGroups: [String]? = nil, assignPublicIp: String? = nil) {
    self.subnets = subnets
    self.securityGroups = securityGroups
    self.assignPublicIp = assignPublicIp
  }

  init(_ json: JSONValue) {
    self.init(
      subnets: json["subnets"]?.arrayValue?.compactMap(\.stringValue) ?? [],
      securityGroups: json["securityGroups"]?.arrayValue?.compactMap(\.stringValue),
      assignPublicIp: json["assignPublicIp"]?.stringValue)
  }

  /// As ECS prints it, in botocore's member order.
  public var document: JSONValue {
    jsonObject([
      ("subnets", .array(subnets.map { .string($0) })),
      ("securityGroups", securityGroups.map { .array($0.map { .string($0) }) }),
      ("assignPublicIp", assignPublicIp.map { .string($0) }),
    ])
  }
}
