/// Where a task runs: EC2 instances or Fargate, and through which capacity provider.
struct LaunchTarget {
  var launchType: LaunchType
  var capacityProviderName: String?
}

/// The awsvpc settings of a task.
struct NetworkSettings {
  var subnets: [Subnet] = []
  var securityGroups: [String] = []
  var assignPublicIp = false
}

extension World {
  /// The launch type from `launchType`, a capacity provider strategy, or the cluster default.
  func launchTarget(
    launchType: String?, strategy: [CapacityProviderStrategyItem]?, cluster: Cluster
  )
    throws(AWSError) -> LaunchTarget
  {
    if launchType != nil && !(strategy ?? []).isEmpty {
      throw .invalidParameter(
        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again."
      )
    }
    if let text = launchType {
      guard let lt = LaunchType(rawValue: text) else {
        throw .invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL.")
      }
      return LaunchTarget(launchType: lt == .external ? .ec2 : lt, capacityProviderName: nil)
    }
    let items =
      (strategy ?? []).isEmpty ? cluster.defaultCapacityProviderStrategy : (strategy ?? [])
    // The provider with the largest base, then weight, takes the (first) task.
    let ranked = items.sorted {
      ($0.base ?? 0, $0.weight ?? 0) > ($1.base ?? 0, $1.weight ?? 0)
    }
    if let name = ranked.first?.capacityProvider {
      if !(strategy ?? []).isEmpty && !cluster.capacityProviders.contains(name) {
        throw .invalidParameter(
          "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again."
        )
      }
      let fargate = name == "FARGATE" || name == "FARGATE_SPOT"
      return LaunchTarget(launchType: fargate ? .fargate : .ec2, capacityProviderName: name)
    }
    return LaunchTarget(launchType: .ec2, capacityProviderName: nil)
  }

  func checkCompatibility(_ def: TaskDefinition, launchType: LaunchType) throws(AWSError) {
    if !def.compatibilities.contains(launchType.rawValue) {
      throw .invalidParameter(
        "Task definition does not support launch_type \(launchType.rawValue).")
    }
  }

  /// Validates `networkConfiguration` against the task definition's network mode (ecs-facts §5).
  func networkSettings(
    _ config: NetworkConfiguration?, definition def: TaskDefinition, launchType: LaunchType
  )
    throws(AWSError) -> NetworkSettings
  {
    let vpc = config?.awsvpc
    guard def.networkMode == .awsvpc else {
      if vpc != nil {
        throw .invalidParameter(
          "Network Configuration is not valid for the given networkMode of this task definition.")
      }
      return NetworkSettings()
    }
    guard let vpc else {
      throw .invalidParameter(
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.")
    }
    var out = NetworkSettings()
    out.assignPublicIp = vpc.assignPublicIp == "ENABLED"
    if out.assignPublicIp && launchType != .fargate {
      throw .invalidParameter("Assign public IP is not supported for this launch type.")
    }
    let ids = vpc.subnets
    guard !ids.isEmpty else { throw .invalidParameter("subnets can not be empty.") }
    guard ids.count <= 16 else {
      throw .invalidParameter("subnets can have at most 16 items.")
    }
    for id in ids {
      guard let s = subnets.first(where: { $0.subnetId == id }) else {
        // UNCONFIRMED: AWS wraps the EC2 error; shortened.
        throw .invalidParameter(
          "Error retrieving subnet information for [\(id)]: The subnet ID '\(id)' does not exist")
      }
      out.subnets.append(s)
    }
    out.securityGroups = vpc.securityGroups ?? []
    if out.securityGroups.isEmpty,
      let g = securityGroups.first(where: {
        $0.vpcId == out.subnets.first?.vpcId && $0.groupName == "default"
      })
    {
      out.securityGroups = [g.groupId]  // the VPC's default group, as ECS gives an ENI without groups
    }
    guard out.securityGroups.count <= 5 else {
      throw .invalidParameter("securityGroups can have at most 5 items.")
    }
    for g in out.securityGroups where !securityGroups.contains(where: { $0.groupId == g }) {
      // UNCONFIRMED: AWS wraps the EC2 error; shortened.
      throw .invalidParameter(
        "Error retrieving security group information for [\(g)]: The security group '\(g)' does not exist"
      )
    }
    return out
  }

  /// The message ECS gives when the task or execution role cannot be assumed by ECS tasks (missing,
  /// or a trust policy without ecs-tasks.amazonaws.com); nil when both are fine (ecs-facts §4).
  func unassumableRole(_ sizing: WorkloadSizing) -> String? {
    for ref in [sizing.taskRoleArn, sizing.executionRoleArn].compactMap({ $0 }) {
      if !roleTrusts(ref, service: "ecs-tasks.amazonaws.com") {
        return
          "ECS was unable to assume the role '\(ref)' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role."
      }
    }
    return nil
  }
}
