/// The data plane the learner runs: EC2 instances and the container instances they register as.
/// (Fargate capacity has no instances: only the cluster's capacity providers.)
public struct CapacityState: Sendable, Equatable {
  /// How many instances the account may run at once (a fresh account's limit; the benchmark
  /// raises it).
  public var instanceLimit = 20
  public var instances: [EC2Instance] = []
  public var containerInstances: [ContainerInstance] = []
  public init() {}
}

/// An EC2 instance's state, spelled as EC2 prints it (`State.Name`).
public enum EC2InstanceState: String, Sendable, Equatable, Codable, CaseIterable {
  case pending
  case running
  case shuttingDown = "shutting-down"
  case terminated
  case stopping
  case stopped
}

/// An EC2 instance (only what ECS lessons need).
public struct EC2Instance: Sendable, Equatable {
  public var instanceId: String
  public var instanceType: String
  public var imageId: String
  public var subnetId: String
  public var availabilityZone: String
  public var privateIpAddress: String
  public var state: EC2InstanceState
  public var launchTime: Int64
  public var iamInstanceProfileArn: String?
  /// The user data as the instance sees it (decoded from base64 when it arrived encoded).
  public var userData: String?
  public var securityGroupIds: [String]
  public var tags: [Tag] = []
  public var reservationId = ""
  public var vpcId = ""
  public var keyName: String?
  /// Position in its reservation (`AmiLaunchIndex`).
  public var launchIndex = 0
  public var publicIpAddress: String?
  public var macAddress = ""
  public var networkInterfaceId = ""
  /// When the current state began (terminated instances disappear from view an hour later).
  public var stateChangedAt: Int64 = 0
  /// How far the ECS agent on the instance has got.
  public var agent: AgentState = .starting

  public init(
    instanceId: String, instanceType: String, imageId: String, subnetId: String,
    availabilityZone: String, privateIpAddress: String, state: EC2InstanceState, launchTime: Int64,
    iamInstanceProfileArn: String?, userData: String?, securityGroupIds: [String]
  ) {
    self.instanceId = instanceId
    self.instanceType = instanceType
    self.imageId = imageId
    self.subnetId = subnetId
    self.availabilityZone = availabilityZone
    self.privateIpAddress = privateIpAddress
    self.state = state
    self.launchTime = launchTime
    self.iamInstanceProfileArn = iamInstanceProfileArn
    self.userData = userData
    self.securityGroupIds = securityGroupIds
    self.stateChangedAt = launchTime
  }

  /// EC2's numeric state code (`State.Code`).
  public var stateCode: Int {
    switch state {
    case .pending: return 0
    case .running: return 16
    case .shuttingDown: return 32
    case .terminated: return 48
    case .stopping: return 64
    case .stopped: return 80
    }
  }

  /// Why the agent has not registered (for the tutor), or nil when it has or is still booting.
  ///
  /// ```swift
  /// world.ec2Instance(id)?.agentProblem
  /// // "i-0... has no instance profile: the ECS agent has no credentials ..."
  /// ```
  public var agentProblem: String? {
    switch agent {
    case .failed(let reason), .retrying(let reason): return reason
    case .starting, .registered: return nil
    }
  }

  /// The cluster the agent will register into: `ECS_CLUSTER=` from the user data, else `default`.
  public var configuredCluster: String? { ContainerAgent.clusterName(userData: userData) }
}

/// What the ECS agent on an instance has done so far.
public enum AgentState: Sendable, Equatable {
  /// Not yet tried to register (the instance is still booting).
  case starting
  /// Registered: this is its container instance.
  case registered(containerInstanceArn: String)
  /// Will never register (no agent, no credentials, no permission); the reason says why.
  case failed(reason: String)
  /// Tried and will try again (the named cluster does not exist yet); the reason says why.
  case retrying(reason: String)
}

/// An EC2 instance registered with a cluster by its ECS agent. Remaining resources are derived
/// from the tasks placed on it, never stored twice.
public struct ContainerInstance: Sendable, Equatable {
  public var arn: String
  /// The ID part of the ARN (a UUID).
  public var id: String
  public var clusterArn: String
  public var ec2InstanceId: String
  public var instanceType: String
  public var availabilityZone: String
  /// ACTIVE, DRAINING, INACTIVE (deregistered)
  public var status: ContainerInstanceStatus = .active
  public var agentConnected: Bool = true
  public var registeredCpu: Int
  public var registeredMemory: Int
  /// Ports the agent reserves (22, 2375, 2376, 51678, 51679).
  public var reservedPorts: [Int]
  /// ENIs the instance type allows (the primary one included).
  public var maxENIs: Int
  /// Where dynamic host ports come from: 32768-61000 on the ECS-optimized AMI, or
  /// `ECS_DYNAMIC_HOST_PORT_RANGE` from the user data.
  public var dynamicPortRange: ClosedRange<Int> = ContainerAgent.defaultDynamicPortRange
  public var registeredAt: Int64
  /// Built-in attributes with values (`ecs.ami-id`, `ecs.cpu-architecture`, ...) and custom ones.
  public var attributes: [String: String] = [:]
  /// Bumped on every change ECS makes to the record (`version`).
  public var version = 1
  public var agentVersion = "1.99.1"
  public var dockerVersion = "DockerVersion: 25.0.13"
  public var capacityProviderName: String?
  /// Resource tags (TagResource).
  public var tags: [Tag] = []
  /// UpdateContainerAgent's progress: nil until asked, then PENDING … UPDATED.
  public var agentUpdateStatus: String?
  /// When the last UpdateContainerAgent began (the stages follow on the clock).
  public var agentUpdateStartedAt: Int64?

  public init(
    arn: String, id: String, clusterArn: String, ec2InstanceId: String, instanceType: String,
    availabilityZone: String, registeredCpu: Int, registeredMemory: Int, reservedPorts: [Int],
    maxENIs: Int, registeredAt: Int64
  ) {
    self.arn = arn
    self.id = id
    self.clusterArn = clusterArn
    self.ec2InstanceId = ec2InstanceId
    self.instanceType = instanceType
    self.availabilityZone = availabilityZone
    self.registeredCpu = registeredCpu
    self.registeredMemory = registeredMemory
    self.reservedPorts = reservedPorts
    self.maxENIs = maxENIs
    self.registeredAt = registeredAt
  }
}

extension World {
  /// The container instance named by `ref` in `clusterArn`: its full ARN or its ID.
  public func containerInstance(_ ref: String, in clusterArn: String) -> ContainerInstance? {
    capacity.containerInstances.first {
      $0.clusterArn == clusterArn && $0.status != .inactive && ($0.arn == ref || $0.id == ref)
    }
  }

  /// The EC2 instance with `instanceId`.
  public func ec2Instance(_ instanceId: String) -> EC2Instance? {
    capacity.instances.first { $0.instanceId == instanceId }
  }

  /// ACTIVE and DRAINING container instances of a cluster (what `registeredContainerInstancesCount`
  /// counts).
  public func registeredContainerInstances(in clusterArn: String) -> [ContainerInstance] {
    capacity.containerInstances.filter { $0.clusterArn == clusterArn && $0.status != .inactive }
  }

  /// Blocks DeleteCluster while container instances are registered (ACTIVE or DRAINING).
  static func clusterHasContainerInstances(_ world: World, _ clusterArn: String) -> AWSError? {
    world.registeredContainerInstances(in: clusterArn).isEmpty
      ? nil
      : AWSError(
        "ClusterContainsContainerInstancesException",
        "The Cluster cannot be deleted while Container Instances are active or draining.")
  }
}
