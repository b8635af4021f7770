/// One revision of a task definition family.
///
/// `document` is the task definition exactly as DescribeTaskDefinition returns it (member order
/// as AWS prints it); the typed fields beside it are what the simulation reads.
public struct TaskDefinition: Sendable, Equatable {
  public var family: String
  public var revision: Int
  public var arn: String
  public var status: TaskDefinitionStatus = .active
  public var registeredAt: Int64
  public var deregisteredAt: Int64?
  /// Set by DeleteTaskDefinitions (status `DELETE_IN_PROGRESS`).
  public var deleteRequestedAt: Int64?
  public var networkMode: NetworkMode
  public var cpu: Int?
  public var memory: Int?
  public var taskRoleArn: String?
  public var executionRoleArn: String?
  public var requiresCompatibilities: [String]
  public var compatibilities: [String]
  /// Container-instance attributes a placement must find (`requiresAttributes` names).
  public var requiresAttributes: [String] = []
  public var containers: [ContainerSpec]
  public var tags: [Tag] = []
  /// The full response document (`taskDefinition` member of DescribeTaskDefinition).
  public var document: JSONValue

  public init(
    family: String, revision: Int, arn: String, registeredAt: Int64, networkMode: NetworkMode,
    cpu: Int? = nil, memory: Int? = nil, taskRoleArn: String? = nil,
    executionRoleArn: String? = nil, requiresCompatibilities: [String] = [],
    compatibilities: [String] = [], containers: [ContainerSpec], document: JSONValue
  ) {
    self.family = family
    self.revision = revision
    self.arn = arn
    self.registeredAt = registeredAt
    self.networkMode = networkMode
    self.cpu = cpu
    self.memory = memory
    self.taskRoleArn = taskRoleArn
    self.executionRoleArn = executionRoleArn
    self.requiresCompatibilities = requiresCompatibilities
    self.compatibilities = compatibilities
    self.containers = containers
    self.document = document
  }

  /// `family:revision`
  public var familyRevision: String { "\(family):\(revision)" }
}

/// What the simulation needs of one container definition.
public struct ContainerSpec: Sendable, Equatable {
  public var name: String
  public var image: String
  public var cpu: Int
  public var memory: Int?
  public var memoryReservation: Int?
  public var essential: Bool
  public var portMappings: [PortMapping]
  public var environment: [(String, String)] {
    get { environmentPairs.map { ($0.name, $0.value) } }
    set { environmentPairs = newValue.map { NameValue(name: $0.0, value: $0.1) } }
  }
  public var environmentPairs: [NameValue] = []
  public var secrets: [NameValue] = []
  public var logDriver: String?
  public var dependsOn: [NameValue] = []  // name = containerName, value = condition
  /// `logConfiguration.options`, in the order given.
  public var logOptions: [NameValue] = []
  /// The container health check with ECS's defaults filled in; nil when none is defined.
  public var healthCheck: HealthCheckSpec?

  public init(
    name: String, image: String, cpu: Int = 0, memory: Int? = nil, memoryReservation: Int? = nil,
    essential: Bool = true, portMappings: [PortMapping] = []
  ) {
    self.name = name
    self.image = image
    self.cpu = cpu
    self.memory = memory
    self.memoryReservation = memoryReservation
    self.essential = essential
    self.portMappings = portMappings
  }
}

public struct NameValue: Sendable, Equatable, Codable {
  public var name: String
  public var value: String
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// A port mapping; `hostPort` nil or 0 means dynamic in bridge mode.
public struct PortMapping: Sendable, Equatable, Codable {
  public var containerPort: Int
  public var hostPort: Int?
  public var `protocol`: String = "tcp"
  public var name: String?
  public init(
    containerPort: Int, hostPort: Int? = nil, protocol: String = "tcp", name: String? = nil
  ) {
    self.containerPort = containerPort
    self.hostPort = hostPort
    self.protocol = `protocol`
    self.name = name
  }
}

/// A container health check as ECS stores it: `interval` 30, `timeout` 5, `retries` 3 unless given.
///
/// ```swift
/// let hc = HealthCheckSpec(command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"])
/// hc.interval  // 30
/// ```
public struct HealthCheckSpec: Sendable, Equatable, Codable {
  public var command: [String]
  public var interval: Int
  public var timeout: Int
  public var retries: Int
  public var startPeriod: Int?
  public init(
    command: [String], interval: Int = 30, timeout: Int = 5, retries: Int = 3,
    startPeriod: Int? = nil
  ) {
    self.command = command
    self.interval = interval
    self.timeout = timeout
    self.retries = retries
    self.startPeriod = startPeriod
  }
}
