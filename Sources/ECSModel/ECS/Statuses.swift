/// The status enums of ECS resources, spelled as ECS prints them (`.rawValue`).

/// A task's `lastStatus` or `desiredStatus`, spelled as ECS prints it (`task.lastStatus.rawValue`).
public enum TaskStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case provisioning = "PROVISIONING"
  case pending = "PENDING"
  case activating = "ACTIVATING"
  case running = "RUNNING"
  case deactivating = "DEACTIVATING"
  case stopping = "STOPPING"
  case deprovisioning = "DEPROVISIONING"
  case stopped = "STOPPED"
}

/// A cluster's `status` (INACTIVE once deleted; a cluster created again is ACTIVE again).
public enum ClusterStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case active = "ACTIVE"
  case inactive = "INACTIVE"
}

/// A task definition revision's `status`.
public enum TaskDefinitionStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case active = "ACTIVE"
  case inactive = "INACTIVE"
  case deleteInProgress = "DELETE_IN_PROGRESS"
}

/// A task definition's `networkMode`: how its containers reach the network.
public enum NetworkMode: String, Sendable, Equatable, Codable, CaseIterable {
  case bridge, host, awsvpc, none
}

/// Where a task runs (`launchType`); EXTERNAL is accepted and runs as EC2 here.
public enum LaunchType: String, Sendable, Equatable, Codable, CaseIterable {
  case ec2 = "EC2"
  case fargate = "FARGATE"
  case external = "EXTERNAL"
}

/// A container instance's `status` (INACTIVE once deregistered).
public enum ContainerInstanceStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case active = "ACTIVE"
  case draining = "DRAINING"
  case inactive = "INACTIVE"
}

/// A service's `status`.
public enum ServiceStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case active = "ACTIVE"
  case draining = "DRAINING"
  case inactive = "INACTIVE"
}

/// A deployment's `status`: the newest is PRIMARY, older ones still running are ACTIVE.
public enum DeploymentStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case primary = "PRIMARY"
  case active = "ACTIVE"
  case inactive = "INACTIVE"
}

/// A deployment's `rolloutState`.
public enum RolloutState: String, Sendable, Equatable, Codable, CaseIterable {
  case inProgress = "IN_PROGRESS"
  case completed = "COMPLETED"
  case failed = "FAILED"
}
