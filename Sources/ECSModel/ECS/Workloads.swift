/// What runs: tasks and the services that keep them running, plus Application Auto Scaling.
public struct WorkloadState: Sendable, Equatable {
  /// Every task ever started that is still describable (STOPPED ones are dropped an hour after
  /// they stop), in start order.
  public var tasks: [ECSTask] = []
  /// Services in creation order (INACTIVE ones are kept, as DescribeServices shows them).
  public var services: [Service] = []
  /// Application Auto Scaling targets and policies.
  public var scalableTargets: [ScalableTarget] = []
  public var scalingPolicies: [ScalingPolicy] = []
  /// Simulated CPU demand per service ARN (`setLoad`): percent of one task's CPU, summed over
  /// tasks, so the average is demand / running tasks.
  public var load: [String: Double] = [:]
  public init() {}
}

/// The network interface an awsvpc task owns.
public struct TaskENI: Sendable, Equatable {
  public var attachmentId: String
  public var eniId: String
  public var macAddress: String
  public var privateIp: String
  public var subnetId: String
  public var status: String = "PRECREATED"
  /// The public IPv4 address (Fargate with assignPublicIp ENABLED only).
  public var publicIp: String?
  public var securityGroups: [String] = []
  public var createdAt: Int64 = 0
}

/// One port a running container holds (`networkBindings`).
public struct NetworkBinding: Sendable, Equatable {
  public var containerPort: Int
  public var hostPort: Int
  public var `protocol`: String
}

/// A container of a task, as DescribeTasks reports it.
public struct TaskContainer: Sendable, Equatable {
  public var arn: String
  public var name: String
  public var image: String
  public var imageDigest: String?
  public var runtimeId: String?
  /// PENDING, RUNNING, STOPPED
  public var lastStatus: String = "PENDING"
  public var exitCode: Int?
  public var reason: String?
  public var essential: Bool
  public var cpu: Int
  public var memory: Int?
  public var memoryReservation: Int?
  public var bindings: [NetworkBinding] = []
  /// HEALTHY, UNHEALTHY, UNKNOWN
  public var healthStatus: String = "UNKNOWN"
  /// `dependsOn` of the definition: (container name, condition).
  public var dependsOn: [NameValue] = []
  public var hasHealthCheck: Bool = false
  /// When the container started (simulated ms); nil before.
  public var startedAt: Int64?
}

/// A task: one running copy of a task definition.
public struct ECSTask: Sendable, Equatable {
  public var arn: String
  /// The 32-hex ID at the end of the ARN.
  public var id: String
  public var clusterArn: String
  public var taskDefinitionArn: String
  public var family: String
  public var networkMode: NetworkMode
  /// EC2 or FARGATE
  public var launchType: LaunchType
  public var capacityProviderName: String?
  public var containerInstanceArn: String?
  public var ec2InstanceId: String?
  public var availabilityZone: String
  public var eni: TaskENI?
  public var assignPublicIp: Bool = false
  /// CPU units and MiB reserved on the instance (task-level if set, else summed over containers).
  public var cpu: Int
  public var memory: Int
  /// The task-level values as DescribeTasks prints them ("256"), nil when the definition has none.
  public var cpuText: String?
  public var memoryText: String?
  public var containers: [TaskContainer]
  public var group: String
  public var startedBy: String?
  public var serviceArn: String?
  public var deploymentId: String?
  public var overrides: JSONValue
  public var tags: [Tag] = []
  public var executionRoleArn: String?
  public var taskRoleArn: String?
  public var platformVersion: String?
  public var enableExecuteCommand: Bool = false
  public var lastStatus: TaskStatus
  /// RUNNING or STOPPED
  public var desiredStatus: TaskStatus = .running
  public var healthStatus: String = "UNKNOWN"
  public var createdAt: Int64
  public var connectivityAt: Int64?
  public var pullStartedAt: Int64?
  public var pullStoppedAt: Int64?
  public var startedAt: Int64?
  public var stoppingAt: Int64?
  public var executionStoppedAt: Int64?
  public var stoppedAt: Int64?
  public var stopCode: String?
  public var stoppedReason: String?
  public var version: Int = 1
  /// When the current phase ends (simulated ms); nil when the task waits for nothing.
  public var phaseEndsAt: Int64?
  /// Why the task will fail when its pull phase ends (stopCode TaskFailedToStart), if it will.
  public var startFailure: String?
  /// Whether it ever reached RUNNING (throttling only counts tasks that never did).
  public var everRan: Bool = false
  /// Whether its service has counted it since it stopped.
  public var reportedStopped: Bool = false
  /// Task scale-in protection (UpdateTaskProtection): until when, nil when off.
  public var protectedUntil: Int64?

  /// Whether the task still holds resources on its instance.
  @inlinable public var holdsResources: Bool { lastStatus != .stopped }
  /// Whether the task is on its way up or up (not asked to stop).
  @inlinable public var isLive: Bool { desiredStatus == .running && lastStatus != .stopped }
}

/// The deployment configuration of a service.
public struct DeploymentConfig: Sendable, Equatable {
  public var maximumPercent: Int
  public var minimumHealthyPercent: Int
  public var circuitBreakerEnable: Bool = false
  public var circuitBreakerRollback: Bool = false
  /// CloudWatch alarms that fail a deployment (`alarms`): names, enable, rollback.
  public var alarmNames: [String] = []
  public var alarmsEnable: Bool = false
  public var alarmsRollback: Bool = false
}

/// One deployment of a service: a task definition and how many copies of it are wanted.
public struct Deployment: Sendable, Equatable {
  /// `ecs-svc/` and 19 digits.
  public var id: String
  public var status: DeploymentStatus
  public var taskDefinitionArn: String
  public var desiredCount: Int
  public var failedTasks: Int = 0
  public var createdAt: Int64
  public var updatedAt: Int64
  public var launchType: LaunchType?
  public var capacityProviderStrategy: [CapacityProviderStrategyItem] = []
  public var platformVersion: String?
  public var networkConfiguration: NetworkConfiguration?
  public var rolloutState: RolloutState = .inProgress
  public var rolloutStateReason: String
  /// EBS `volumeConfigurations` of the service when this deployment began.
  public var volumeConfigurations: [JSONValue] = []
}

/// A service event as DescribeServices prints it.
public struct ServiceEvent: Sendable, Equatable {
  public var id: String
  public var createdAt: Int64
  public var message: String
}

/// A service: keeps `desiredCount` copies of a task definition running.
public struct Service: Sendable, Equatable {
  public var arn: String
  public var name: String
  public var clusterArn: String
  public var status: ServiceStatus = .active
  public var desiredCount: Int
  public var launchType: LaunchType?
  public var capacityProviderStrategy: [CapacityProviderStrategyItem] = []
  public var platformVersion: String?
  public var taskDefinitionArn: String
  public var deploymentConfiguration: DeploymentConfig
  /// Newest (PRIMARY) first.
  public var deployments: [Deployment]
  /// Deployments that ended (replaced and drained), oldest first: ListServiceDeployments.
  public var pastDeployments: [Deployment] = []
  /// Newest first, at most 100.
  public var events: [ServiceEvent] = []
  public var loadBalancers: [ServiceLoadBalancer] = []
  public var serviceRegistries: [JSONValue] = []
  public var placementConstraints: [JSONValue] = []
  public var placementStrategy: [JSONValue] = []
  public var networkConfiguration: NetworkConfiguration?
  /// REPLICA or DAEMON
  public var schedulingStrategy: String
  public var createdAt: Int64
  public var createdBy: String
  public var roleArn: String?
  public var healthCheckGracePeriodSeconds: Int?
  public var enableECSManagedTags: Bool = false
  public var propagateTags: String = "NONE"
  public var enableExecuteCommand: Bool = false
  public var tags: [Tag] = []
  /// ECS, CODE_DEPLOY or EXTERNAL (`deploymentController.type`).
  public var deploymentController: String = "ECS"
  /// The task sets of an EXTERNAL (or CODE_DEPLOY) service, in creation order.
  public var taskSets: [TaskSet] = []
  /// `serviceConnectConfiguration` as given (ListServicesByNamespace reads its namespace).
  public var serviceConnectConfiguration: JSONValue?
  /// ENABLED or DISABLED.
  public var availabilityZoneRebalancing: String = "ENABLED"
  /// EBS `volumeConfigurations` as given, printed back on the deployment.
  public var volumeConfigurations: [JSONValue] = []
  /// Consecutive tasks that stopped without ever running (throttling).
  public var consecutiveStartFailures: Int = 0
  /// No new task is launched before this moment (after a placement failure).
  public var nextLaunchAt: Int64?
  /// The last launch attempt found no instance for a task; cleared by a successful launch or an
  /// update. Such a service waits for the learner (or new capacity), so the world counts as settled.
  public var placementBlocked: Bool = false
  /// What the cluster looked like when placement failed (instances, tasks holding resources); a
  /// change means a retry may succeed.
  public var blockedCapacity: [Int] = []

  public var isActive: Bool { status == .active }
}

/// An Application Auto Scaling scalable target (ECS service desired count).
public struct ScalableTarget: Sendable, Equatable {
  public var resourceId: String
  public var scalableDimension: String
  public var minCapacity: Int
  public var maxCapacity: Int
  public var roleArn: String
  public var creationTime: Int64
  public var arn: String
}

/// A target-tracking scaling policy on a scalable target.
public struct ScalingPolicy: Sendable, Equatable {
  public var policyName: String
  public var policyArn: String
  public var resourceId: String
  public var scalableDimension: String
  public var targetValue: Double
  public var predefinedMetric: String
  public var scaleOutCooldown: Int
  public var scaleInCooldown: Int
  public var disableScaleIn: Bool
  public var creationTime: Int64
  /// Last scaling activity (simulated ms).
  public var lastScaleOut: Int64?
  public var lastScaleIn: Int64?
  /// How long the metric has been beyond the target (simulated ms since the breach began).
  public var highSince: Int64?
  public var lowSince: Int64?
  /// The JSON configuration as given (TargetTrackingScalingPolicyConfiguration), echoed back.
  public var configuration: JSONValue
  /// UUIDs of the two CloudWatch alarms target tracking creates (AlarmHigh, AlarmLow).
  public var alarmIds: [String] = []
}

extension ECSTask {
  /// `web:2`: the family and revision of the task's task definition.
  public var familyRevision: String {
    taskDefinitionArn.split(separator: "/").last.map(String.init) ?? family
  }
}
