/// The credentials the SDK inside a task's container finds, in the order of the default
/// credential chain: the task role through the ECS credentials endpoint
/// (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, 169.254.170.2); on EC2 without a task role, the
/// instance role through the instance metadata service (169.254.169.254) unless the agent or the
/// host blocks it; otherwise none. ecs-facts §4 (DG:task-iam-roles).
public enum AppCredentials: Sendable, Equatable {
  /// The task role, assumed by ECS for this task: session name = the task ID.
  case taskRole(name: String)
  /// The instance role, read from IMDS: session name = the instance ID.
  case instanceRole(name: String, instanceId: String)
  /// No credentials: the SDK says "Unable to locate credentials".
  case none(NoCredentialsCause)

  /// The assumed-role ARN IAM names in an AccessDenied message; nil without credentials.
  public func principal(account: String, taskId: String) -> String? {
    switch self {
    case .taskRole(let n): return "arn:aws:sts::\(account):assumed-role/\(n)/\(taskId)"
    case .instanceRole(let n, let i): return "arn:aws:sts::\(account):assumed-role/\(n)/\(i)"
    case .none: return nil
    }
  }

  /// The role's name, if any.
  public var roleName: String? {
    switch self {
    case .taskRole(let n), .instanceRole(let n, _): return n
    case .none: return nil
    }
  }
}

/// Why a task's SDK finds no credentials.
public enum NoCredentialsCause: String, Sendable, Equatable {
  /// Fargate has no instance role: no task role, no credentials.
  case fargateWithoutTaskRole
  /// `ECS_AWSVPC_BLOCK_IMDS=true` in the instance's ecs.config, for an awsvpc task.
  case imdsBlockedByAgent
  /// The documented iptables rule (`DOCKER-USER ... --destination 169.254.169.254/32 --jump DROP`)
  /// in the instance's user data, for a bridge task.
  case imdsBlockedByIptables
  /// The EC2 instance has no instance profile.
  case noInstanceRole
}

extension World {
  /// The credentials the application in `task` finds right now.
  ///
  /// ```swift
  /// world.appCredentials(task)  // .taskRole(name: "ordersTaskRole")
  /// ```
  public func appCredentials(_ task: ECSTask) -> AppCredentials {
    if let ref = task.taskRoleArn, let r = role(ref) { return .taskRole(name: r.name) }
    guard task.launchType != .fargate, let id = task.ec2InstanceId else {
      return .none(.fargateWithoutTaskRole)
    }
    let userData = capacity.instances.first { $0.instanceId == id }?.userData ?? ""
    switch task.networkMode {
    case .awsvpc where World.agentBlocksIMDS(userData: userData):
      return .none(.imdsBlockedByAgent)
    case .bridge where World.iptablesBlocksIMDS(userData: userData):
      return .none(.imdsBlockedByIptables)
    default: break
    }
    guard let name = instanceRoleName(task) else { return .none(.noInstanceRole) }
    return .instanceRole(name: name, instanceId: id)
  }

  /// Whether the user data sets `ECS_AWSVPC_BLOCK_IMDS=true` in ecs.config (it affects awsvpc
  /// tasks only).
  public static func agentBlocksIMDS(userData: String) -> Bool {
    userData.split(whereSeparator: \.isNewline).contains { line in
      line.contains("ECS_AWSVPC_BLOCK_IMDS=true") && !line.trimmingSpaces().hasPrefix("#")
    }
  }

  /// Whether the user data adds the documented rule that drops bridge containers' traffic to
  /// IMDS: `iptables --insert DOCKER-USER 1 --in-interface docker+ --destination
  /// 169.254.169.254/32 --jump DROP` (DG:task-iam-roles).
  public static func iptablesBlocksIMDS(userData: String) -> Bool {
    userData.split(whereSeparator: \.isNewline).contains { line in
      let l = line.trimmingSpaces()
      return l.contains("iptables") && l.contains("DOCKER-USER") && l.contains("169.254.169.254")
        && l.contains("DROP") && !l.hasPrefix("#")
    }
  }
}
