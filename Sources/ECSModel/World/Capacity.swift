/// The data plane the learner runs: EC2 instances and the container instances they register as.
/// (Fargate capacity has no instances: only the cluster's capacity providers.)
public struct CapacityState: Sendable, Equatable {
  public var instances: [EC2Instance] = []
  public var containerInstances: [ContainerInstance] = []
  public init() {}
}

/// An EC2 instance (only what ECS lessons need).
public struct EC2Instance: Sendable, Equatable {
  public var instanceId: String
  public var instanceType: String
  public var imageId: String
  public var subnetId: String
  public var availabilityZone: String
  public var privateIpAddress: String
  /// pending, running, shutting-down, terminated
  public var state: String
  public var launchTime: Int64
  public var iamInstanceProfileArn: String?
  public var userData: String?
  public var securityGroupIds: [String]
  public var tags: [Tag] = []

  public init(
    instanceId: String, instanceType: String, imageId: String, subnetId: String,
    availabilityZone: String, privateIpAddress: String, state: String, launchTime: Int64,
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
  }
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
  public var status: String = "ACTIVE"
  public var agentConnected: Bool = true
  public var registeredCpu: Int
  public var registeredMemory: Int
  /// Ports the agent reserves (22, 2375, 2376, 51678, 51679).
  public var reservedPorts: [Int]
  /// ENIs the instance type allows (the primary one included).
  public var maxENIs: Int
  public var registeredAt: Int64
  public var attributes: [String: String] = [:]

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
