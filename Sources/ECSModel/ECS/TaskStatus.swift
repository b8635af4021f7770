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

/// A service's `status`.
public enum ServiceStatus: String, Sendable, Equatable, Codable, CaseIterable {
  case active = "ACTIVE"
  case draining = "DRAINING"
  case inactive = "INACTIVE"
}
