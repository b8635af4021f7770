/// Kinds of simulated resources whose names the AWS commands take, and so Tab completes. Each is
/// answered by exactly one `ResourceDescriptor` (a test proves it).
public enum ResourceKind: String, Sendable, CaseIterable {
  case clusters, taskDefinitionFamilies, taskDefinitions, services, containerInstances, tasks
  case instances, repositories, targetGroups, loadBalancers, roles, roleArns, instanceProfiles
  case subnets, securityGroups, securityGroupNames, vpcs, networkInterfaces, logGroups, logStreams
  /// Application Auto Scaling's resource IDs of ECS services: `service/CLUSTER/NAME`.
  case scalableResources
  /// Secrets Manager secrets, by name.
  case secrets
  /// Security group rules, by `sgr-` ID.
  case securityGroupRules
  /// The VPC's routing pieces (issue 8): route tables, their subnet associations, internet
  /// gateways, NAT gateways, Elastic IP allocations, VPC endpoints, network ACLs.
  case routeTables, routeTableAssociations, internetGateways, natGateways, allocations
  case vpcEndpoints, networkAcls
  /// elbv2 listeners and listener rules, by ARN.
  case listeners, listenerRules
  /// ACM certificates, by ARN.
  case certificates
  /// DynamoDB tables and S3 buckets, by name.
  case tables, buckets
}

extension World {
  /// The names of the `kind` resources that exist now, as the commands take them (cluster names,
  /// `family:revision`, task IDs, container-instance ARNs, ...), from the descriptor that
  /// answers `kind`.
  public func names(of kind: ResourceKind) -> [String] {
    World.completionSources[kind]?(self) ?? []
  }

  /// Each resource kind's completion source, from `World.resources`.
  static let completionSources: [ResourceKind: @Sendable (World) -> [String]] = {
    var sources: [ResourceKind: @Sendable (World) -> [String]] = [:]
    for descriptor in resources {
      for (kind, names) in descriptor.completions where sources[kind] == nil {
        sources[kind] = names
      }
    }
    return sources
  }()

  /// `items` without repeats, in first-seen order.
  static func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
