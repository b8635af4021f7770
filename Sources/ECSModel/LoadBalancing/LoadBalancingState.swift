/// Elastic Load Balancing (elbv2): load balancers, target groups with their registered targets,
/// listeners with their rules, and the certificates HTTPS listeners name.
public struct LoadBalancingState: Sendable, Equatable {
  public var loadBalancers: [LoadBalancer] = []
  public var targetGroups: [TargetGroup] = []
  public var listeners: [Listener] = []
  /// ACM certificates (a stand-in: requested ones are issued at once).
  public var certificates: [Certificate] = []
  /// Requests sent through each load balancer (`curl`, `trace`), by ARN: a weighted forward
  /// action picks the target group of request N by weighted round-robin.
  public var requestCounts: [String: Int] = [:]
  public init() {}
}

/// An ACM certificate, as HTTPS listeners name it.
public struct Certificate: Sendable, Equatable {
  public var arn: String
  public var domainName: String
  public var alternativeNames: [String]
  /// `AMAZON_ISSUED` or `IMPORTED`.
  public var type: String
  public var createdAt: Int64
}

/// An Application or Network Load Balancer.
public struct LoadBalancer: Sendable, Equatable {
  public var arn: String
  public var name: String
  /// `application` or `network`.
  public var type: String
  /// `internet-facing` or `internal`.
  public var scheme: String
  public var vpcId: String
  /// (subnet, zone) pairs, one per zone.
  public var zones: [(subnetId: String, zone: String)]
  public var securityGroups: [String]
  public var dnsName: String
  public var createdAt: Int64
  /// `provisioning` until `activeAt`, then `active`.
  public var activeAt: Int64
  public var ipAddressType: String = "ipv4"
  public var attributes: [(key: String, value: String)]
  public var tags: [Tag] = []
  /// A network load balancer's Elastic IP addresses by subnet (`--subnet-mappings
  /// SubnetId=...,AllocationId=...`).
  public var allocations: [String: String] = [:]

  public static func == (a: LoadBalancer, b: LoadBalancer) -> Bool {
    a.arn == b.arn && a.name == b.name && a.type == b.type && a.scheme == b.scheme
      && a.vpcId == b.vpcId && a.zones.map(\.subnetId) == b.zones.map(\.subnetId)
      && a.zones.map(\.zone) == b.zones.map(\.zone) && a.securityGroups == b.securityGroups
      && a.dnsName == b.dnsName && a.createdAt == b.createdAt && a.activeAt == b.activeAt
      && a.ipAddressType == b.ipAddressType && a.attributes.map(\.key) == b.attributes.map(\.key)
      && a.attributes.map(\.value) == b.attributes.map(\.value) && a.tags == b.tags
      && a.allocations == b.allocations
  }

  /// The ID at the end of the ARN (`app/NAME/ID`).
  public var shortId: String { String(arn.split(separator: "/").last ?? "") }
  /// `app` or `net`, as the ARN names the type.
  public var arnType: String { type == "network" ? "net" : "app" }
}

/// How a load balancer checks its targets, as a target group declares it.
public struct HealthCheck: Sendable, Equatable {
  public var enabled = true
  public var `protocol` = "HTTP"
  /// `traffic-port` or a port number.
  public var port = "traffic-port"
  public var path: String? = "/"
  public var intervalSeconds = 30
  public var timeoutSeconds = 5
  public var healthyThreshold = 5
  public var unhealthyThreshold = 2
  /// The HTTP codes that count as healthy: `200`, `200,202`, `200-299`.
  public var matcher: String? = "200"

  /// Whether `status` is one of the matcher's codes.
  public func accepts(_ status: Int) -> Bool {
    for part in (matcher ?? "200").split(separator: ",") {
      let range = part.split(separator: "-").compactMap { Int($0) }
      if range.count == 2, (range[0]...range[1]).contains(status) { return true }
      if range.count == 1, range[0] == status { return true }
    }
    return false
  }
}

/// A target group: where a listener sends requests, and the targets it health-checks.
public struct TargetGroup: Sendable, Equatable {
  public var arn: String
  public var name: String
  public var `protocol`: String?
  public var port: Int?
  public var vpcId: String?
  /// `instance`, `ip`, `lambda` or `alb`.
  public var targetType: String
  public var healthCheck: HealthCheck
  public var protocolVersion: String?
  public var attributes: [(key: String, value: String)]
  public var targets: [RegisteredTarget] = []
  public var tags: [Tag] = []

  public static func == (a: TargetGroup, b: TargetGroup) -> Bool {
    a.arn == b.arn && a.name == b.name && a.protocol == b.protocol && a.port == b.port
      && a.vpcId == b.vpcId && a.targetType == b.targetType && a.healthCheck == b.healthCheck
      && a.protocolVersion == b.protocolVersion
      && a.attributes.map(\.key) == b.attributes.map(\.key)
      && a.attributes.map(\.value) == b.attributes.map(\.value) && a.targets == b.targets
      && a.tags == b.tags
  }

  /// An attribute's value (`deregistration_delay.timeout_seconds`).
  public func attribute(_ key: String) -> String? { attributes.first { $0.key == key }?.value }

  /// Seconds a deregistered target drains (`deregistration_delay.timeout_seconds`, 300).
  public var deregistrationDelay: Int {
    Int(attribute("deregistration_delay.timeout_seconds") ?? "") ?? 300
  }
}

/// One target registered with a target group, and its health as the load balancer sees it.
public struct RegisteredTarget: Sendable, Equatable {
  /// An instance ID (`i-...`) or an IP address.
  public var id: String
  public var port: Int
  public var availabilityZone: String?
  /// `initial`, `healthy`, `unhealthy`, `unused`, `draining`.
  public var state: String = "initial"
  public var reason: String? = "Elb.RegistrationInProgress"
  public var description: String? = "Target registration is in progress"
  /// Consecutive passed and failed checks.
  public var passes = 0
  public var fails = 0
  /// When the next health check runs (nil while no listener uses the group).
  public var nextCheckAt: Int64?
  /// When draining ends and the target is gone.
  public var drainEndsAt: Int64?
  public var registeredAt: Int64
  /// The ECS task that registered this target, if a service did.
  public var taskId: String?
  /// When the target became unhealthy (for the service's replacement).
  public var unhealthySince: Int64?
}

/// A listener: a port and protocol on a load balancer, its default actions and its rules.
public struct Listener: Sendable, Equatable {
  public var arn: String
  public var loadBalancerArn: String
  public var port: Int
  public var `protocol`: String
  public var certificates: [String] = []
  public var sslPolicy: String?
  public var defaultActions: [ListenerAction]
  public var defaultRuleArn: String
  public var rules: [ListenerRule] = []
  public var tags: [Tag] = []
}

/// A listener rule other than the default one.
public struct ListenerRule: Sendable, Equatable {
  public var arn: String
  public var priority: Int
  public var conditions: [RuleCondition]
  public var actions: [ListenerAction]
  public var tags: [Tag] = []
}

/// What a listener or rule does with a request.
public struct ListenerAction: Sendable, Equatable {
  /// `forward`, `fixed-response` or `redirect`.
  public var type: String
  /// forward: target groups and weights.
  public var targetGroups: [(arn: String, weight: Int)] = []
  public var stickiness: Bool = false
  /// fixed-response and redirect: the raw config as the request gave it.
  public var config: JSONValue = .null
  public var order: Int?

  public static func == (a: ListenerAction, b: ListenerAction) -> Bool {
    a.type == b.type && a.targetGroups.map(\.arn) == b.targetGroups.map(\.arn)
      && a.targetGroups.map(\.weight) == b.targetGroups.map(\.weight)
      && a.stickiness == b.stickiness && a.config == b.config && a.order == b.order
  }
}

/// One condition of a rule.
public struct RuleCondition: Sendable, Equatable {
  /// `path-pattern`, `host-header`, `http-header`, `http-request-method`, `query-string`,
  /// `source-ip`.
  public var field: String
  public var values: [String]
  /// http-header: the header's name.
  public var headerName: String?
  /// query-string: key (optional) and value pairs.
  public var queryPairs: [QueryPair] = []

  public struct QueryPair: Sendable, Equatable {
    public var key: String?
    public var value: String
  }
}

extension World {
  /// A load balancer by ARN.
  public func loadBalancer(arn: String) -> LoadBalancer? {
    elb.loadBalancers.first { $0.arn == arn }
  }
  /// A target group by ARN.
  public func targetGroup(arn: String) -> TargetGroup? {
    elb.targetGroups.first { $0.arn == arn }
  }
  /// The load balancers whose listeners or rules forward to the target group.
  public func loadBalancerArns(using tgArn: String) -> [String] {
    var out: [String] = []
    for l in elb.listeners {
      let actions = l.defaultActions + l.rules.flatMap(\.actions)
      if actions.contains(where: { $0.targetGroups.contains { $0.arn == tgArn } }),
        !out.contains(l.loadBalancerArn)
      {
        out.append(l.loadBalancerArn)
      }
    }
    return out
  }
}
