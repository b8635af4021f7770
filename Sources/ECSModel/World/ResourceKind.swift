/// Kinds of simulated resources whose names the AWS commands take, and so Tab completes.
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
}

extension World {
  /// The names of the `kind` resources that exist now, as the commands take them (cluster names,
  /// `family:revision`, task IDs, container-instance ARNs, ...). Every kind is answered here, so a
  /// new kind cannot complete nothing by accident.
  public func names(of kind: ResourceKind) -> [String] {
    switch kind {
    case .clusters: return clusters.filter { $0.status == "ACTIVE" }.map(\.name)
    case .taskDefinitionFamilies: return unique(taskDefinitions.map(\.family))
    case .taskDefinitions:
      return unique(taskDefinitions.map(\.family))
        + taskDefinitions.filter { $0.status == "ACTIVE" }.map(\.familyRevision)
    case .services: return unique(workloads.services.filter(\.isActive).map(\.name))
    case .containerInstances:
      return capacity.containerInstances.filter { $0.status != "INACTIVE" }.map(\.arn)
    case .tasks: return workloads.tasks.map(\.id)
    case .instances:
      return capacity.instances.filter { $0.state != .terminated }.map(\.instanceId)
    case .repositories: return registry.repositories.map(\.name)
    // Elastic Load Balancing is not simulated yet: there are none to offer.
    case .targetGroups, .loadBalancers: return []
    case .roles: return identity.roles.map(\.name)
    case .roleArns: return identity.roles.map(\.arn)
    case .secrets: return secrets.secrets.map(\.name)
    case .securityGroupRules:
      return securityGroups.flatMap { ($0.ingress + $0.egress).map(\.ruleId) }
    case .instanceProfiles: return identity.instanceProfiles.map(\.name)
    case .subnets: return subnets.map(\.subnetId)
    case .securityGroups: return securityGroups.map(\.groupId)
    case .securityGroupNames: return securityGroups.map(\.groupName)
    case .vpcs: return vpcs.map(\.vpcId)
    case .networkInterfaces: return workloads.tasks.compactMap(\.eni?.eniId)
    case .logGroups: return logs.groups.map(\.name)
    case .logStreams: return unique(logs.groups.flatMap { $0.streams.map(\.name) })
    case .scalableResources:
      return workloads.services.filter(\.isActive).compactMap { svc in
        clusters.first { $0.arn == svc.clusterArn }.map { "service/\($0.name)/\(svc.name)" }
      }
    }
  }

  private func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
