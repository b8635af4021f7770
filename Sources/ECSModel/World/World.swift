/// Everything the simulation knows, as one value: `undo` keeps a stack of these, a lesson's start
/// state is one, and a test fixture is one.
///
/// ```swift
/// var world = World(seed: 1)
/// let out = try world.perform(service: "ecs", operation: "CreateCluster", ["clusterName": "demo"])
/// ```
public struct World: Sendable, Equatable {
  public var account: String
  public var region: String
  public var clock: SimClock
  public var random: SeededRandom

  public var clusters: [Cluster] = []
  /// Every registered revision of every family, in registration order.
  public var taskDefinitions: [TaskDefinition] = []
  /// The last revision number handed out per family (kept after deregistration, as ECS does).
  public var lastRevision: [String: Int] = [:]

  /// EC2 instances and container instances (the EC2 data plane).
  public var capacity = CapacityState()
  /// ECR repositories and images; the learner's local docker images and logins.
  public var registry = RegistryState()
  /// IAM roles, policies and instance profiles.
  public var identity = IdentityState()
  /// Tasks and services.
  public var workloads = WorkloadState()
  /// CloudWatch Logs groups and streams (what the awslogs driver writes).
  public var logs = LogsState()
  /// The learner's SSM parameters.
  public var ssm = SSMState()
  /// Secrets Manager secrets.
  public var secrets = SecretsState()
  /// Elastic Load Balancing: load balancers, target groups, listeners.
  public var elb = LoadBalancingState()
  /// S3 buckets and objects.
  public var s3 = S3State()
  /// DynamoDB tables and items.
  public var dynamodb = DynamoDBState()
  /// What the applications in tasks did with the credentials they found (`Applications`).
  public var applications = ApplicationState()
  /// ECS account settings the learner changed (`put-account-setting`): name → value.
  public var accountSettings: [String: String] = [:]

  public var vpcs: [VPC] = []
  public var subnets: [Subnet] = []
  public var securityGroups: [SecurityGroup] = []
  /// Internet gateways, route tables, Elastic IPs, NAT gateways, VPC endpoints, network ACLs.
  public var network = NetworkState()

  /// Every change, stamped with the simulated time; shown by `events` and used by lesson probes.
  public var events: [Event] = []

  public static let defaultAccount = "123456789012"
  public static let defaultRegion = "us-east-1"
  public static let defaultSeed: UInt64 = 20_141_113

  /// A new account with its default VPC, as a fresh AWS account has.
  public init(
    seed: UInt64 = World.defaultSeed, account: String = World.defaultAccount,
    region: String = World.defaultRegion
  ) {
    self.account = account
    self.region = region
    self.clock = SimClock()
    self.random = SeededRandom(seed: seed)
    createDefaultNetwork()
    identity = IdentityState(account: account, seed: seed, at: clock.nowMillis)
  }

  /// An ARN in this account and region: `arn(service: "ecs", resource: "cluster/demo")`.
  public func arn(service: String, resource: String, global: Bool = false) -> String {
    "arn:aws:\(service):\(global ? "" : region):\(account):\(resource)"
  }

  /// Records an event now: `message` in English, `detail` for the tutor's narration (nil for
  /// what AWS itself writes, which stays English).
  public mutating func record(_ kind: Event.Kind, _ message: String, _ detail: EventDetail? = nil) {
    events.append(Event(at: clock.nowMillis, kind: kind, message: message, detail: detail))
  }
}

/// Something that happened in the world, in the words AWS uses where AWS reports it.
public struct Event: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    case cluster, taskDefinition, network, service, task, instance, image, loadBalancer
  }
  public var at: Int64
  public var kind: Kind
  public var message: String
  /// The same, as data the tutor can say in either language.
  public var detail: EventDetail?

  public init(at: Int64, kind: Kind, message: String, detail: EventDetail? = nil) {
    self.at = at
    self.kind = kind
    self.message = message
    self.detail = detail
  }
}
