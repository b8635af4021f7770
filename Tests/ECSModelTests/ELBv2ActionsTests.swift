import Testing

@testable import ECSModel

/// elbv2's operations: AWS's defaults and errors; a failing call leaves the world unchanged.
@Suite struct ELBv2ActionsTests {
  static func world() throws -> (World, lb: String, tg: String) {
    var w = World()
    let subnets = w.subnets.prefix(2).map { JSONValue.string($0.subnetId) }
    let lb = try w.perform(
      service: "elbv2", operation: "CreateLoadBalancer",
      ["Name": "web", "Subnets": .array(subnets)])
    let tg = try w.perform(
      service: "elbv2", operation: "CreateTargetGroup",
      ["Name": "web-tg", "Protocol": "HTTP", "Port": 80, "VpcId": .string(w.vpcs[0].vpcId)])
    return (
      w, lb["LoadBalancers"]?[0]?["LoadBalancerArn"]?.stringValue ?? "",
      tg["TargetGroups"]?[0]?["TargetGroupArn"]?.stringValue ?? ""
    )
  }

  @Test func defaultsAreAWSs() throws {
    let (w, lbArn, tgArn) = try Self.world()
    let lb = try #require(w.loadBalancer(arn: lbArn))
    #expect(lb.scheme == "internet-facing" && lb.type == "application")
    #expect(lb.dnsName.hasPrefix("web-") && lb.dnsName.hasSuffix(".us-east-1.elb.amazonaws.com"))
    #expect(lb.securityGroups == [w.securityGroups[0].groupId])
    let doc = w.targetGroupDocument(try #require(w.targetGroup(arn: tgArn)))
    #expect(doc["HealthCheckPort"] == "traffic-port")
    #expect(doc["HealthCheckIntervalSeconds"] == 30 && doc["HealthCheckTimeoutSeconds"] == 5)
    #expect(doc["HealthyThresholdCount"] == 5 && doc["UnhealthyThresholdCount"] == 2)
    #expect(doc["Matcher"] == ["HttpCode": "200"] && doc["TargetType"] == "instance")
    #expect(w.targetGroup(arn: tgArn)?.deregistrationDelay == 300)
  }

  /// A network load balancer's subnet mapping with an Elastic IP address prints the address in
  /// its zone (the elbv2/create-load-balancer page); an unknown allocation is refused.
  @Test func networkLoadBalancersShowTheirElasticIPAddresses() throws {
    var w = World()
    let subnet = w.subnets[0].subnetId
    let eip = try w.perform(service: "ec2", operation: "AllocateAddress", [:])
    let id = eip["AllocationId"]?.stringValue ?? ""
    let out = try w.perform(
      service: "elbv2", operation: "CreateLoadBalancer",
      [
        "Name": "nlb", "Type": "network",
        "SubnetMappings": [["SubnetId": .string(subnet), "AllocationId": .string(id)]],
      ])
    let zone = out["LoadBalancers"]?[0]?["AvailabilityZones"]?[0]
    #expect(zone?["LoadBalancerAddresses"]?[0]?["AllocationId"]?.stringValue == id)
    #expect(zone?["LoadBalancerAddresses"]?[0]?["IpAddress"] == eip["PublicIp"])
    #expect(throws: AWSError("AllocationIdNotFound", "The specified allocation ID does not exist."))
    {
      try w.perform(
        service: "elbv2", operation: "CreateLoadBalancer",
        [
          "Name": "nlb2", "Type": "network",
          "SubnetMappings": [["SubnetId": .string(subnet), "AllocationId": "eipalloc-0nope"]],
        ])
    }
  }

  struct ErrorCase: Sendable, CustomStringConvertible {
    var name: String
    var operation: String
    /// `$LB`, `$TG`, `$S1`, `$VPC` are replaced.
    var request: JSONValue
    var code: String
    var message: String
    var description: String { name }
  }

  static let errors: [ErrorCase] = [
    ErrorCase(
      name: "one subnet", operation: "CreateLoadBalancer",
      request: ["Name": "x", "Subnets": ["$S1"]], code: "ValidationError",
      message: "At least two subnets in two different Availability Zones must be specified"),
    ErrorCase(
      name: "unknown subnet", operation: "CreateLoadBalancer",
      request: ["Name": "x", "Subnets": ["subnet-nope", "$S1"]], code: "SubnetNotFound",
      message: "The specified subnet does not exist."),
    ErrorCase(
      name: "duplicate target group", operation: "CreateTargetGroup",
      request: ["Name": "web-tg", "Protocol": "HTTP", "Port": 8080, "VpcId": "$VPC"],
      code: "DuplicateTargetGroupName",
      message: "A target group with the specified name already exists."),
    ErrorCase(
      name: "no VPC", operation: "CreateTargetGroup",
      request: ["Name": "t2", "Protocol": "HTTP", "Port": 80], code: "ValidationError",
      message: "A VPC ID must be specified"),
    ErrorCase(
      name: "interval too short", operation: "CreateTargetGroup",
      request: [
        "Name": "t2", "Protocol": "HTTP", "Port": 80, "VpcId": "$VPC",
        "HealthCheckIntervalSeconds": 4,
      ], code: "ValidationError",
      message:
        "1 validation error detected: Value '4' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value greater than or equal to 5"
    ),
    ErrorCase(
      name: "HTTPS listener without certificate", operation: "CreateListener",
      request: [
        "LoadBalancerArn": "$LB", "Protocol": "HTTPS", "Port": 443,
        "DefaultActions": [["Type": "forward", "TargetGroupArn": "$TG"]],
      ], code: "CertificateNotFound", message: "A certificate must be specified for HTTPS listeners"
    ),
    ErrorCase(
      name: "TCP on an ALB", operation: "CreateListener",
      request: [
        "LoadBalancerArn": "$LB", "Protocol": "TCP", "Port": 80,
        "DefaultActions": [["Type": "forward", "TargetGroupArn": "$TG"]],
      ], code: "ValidationError", message: "Listener protocol 'TCP' must be one of 'HTTP, HTTPS'"),
    ErrorCase(
      name: "unknown target group", operation: "CreateListener",
      request: [
        "LoadBalancerArn": "$LB", "Protocol": "HTTP", "Port": 80,
        "DefaultActions": [["Type": "forward", "TargetGroupArn": "arn:nope"]],
      ], code: "TargetGroupNotFound", message: "One or more target groups not found"),
    ErrorCase(
      name: "instance that does not exist", operation: "RegisterTargets",
      request: ["TargetGroupArn": "$TG", "Targets": [["Id": "i-0123"]]], code: "InvalidTarget",
      message:
        "The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type."
    ),
  ]

  static func fill(_ v: JSONValue, _ w: World, lb: String, tg: String) -> JSONValue {
    switch v {
    case .string(let s):
      return .string(
        s.replacing("$LB", with: lb).replacing("$TG", with: tg)
          .replacing("$S1", with: w.subnets[0].subnetId).replacing("$VPC", with: w.vpcs[0].vpcId))
    case .array(let a): return .array(a.map { fill($0, w, lb: lb, tg: tg) })
    case .object(let o): return .object(o.map { ($0.0, fill($0.1, w, lb: lb, tg: tg)) })
    default: return v
    }
  }

  @Test(arguments: errors)
  func errorsAreAWSs(_ c: ErrorCase) throws {
    var (w, lb, tg) = try Self.world()
    let before = w
    #expect(throws: AWSError(c.code, c.message)) {
      try w.perform(
        service: "elbv2", operation: c.operation, Self.fill(c.request, w, lb: lb, tg: tg))
    }
    #expect(w == before)
  }

  @Test func rulesKeepPrioritiesUnique() throws {
    var (w, lb, tg) = try Self.world()
    let l = try w.perform(
      service: "elbv2", operation: "CreateListener",
      [
        "LoadBalancerArn": .string(lb), "Protocol": "HTTP", "Port": 80,
        "DefaultActions": [["Type": "forward", "TargetGroupArn": .string(tg)]],
      ])
    let listener = l["Listeners"]?[0]?["ListenerArn"] ?? .null
    let rule: JSONValue = [
      "ListenerArn": listener, "Priority": 10,
      "Conditions": [["Field": "path-pattern", "Values": ["/api/*"]]],
      "Actions": [["Type": "forward", "TargetGroupArn": .string(tg)]],
    ]
    _ = try w.perform(service: "elbv2", operation: "CreateRule", rule)
    #expect(throws: AWSError("PriorityInUse", "The specified priority is in use.")) {
      try w.perform(service: "elbv2", operation: "CreateRule", rule)
    }
    let rules = try w.perform(
      service: "elbv2", operation: "DescribeRules", ["ListenerArn": listener])
    #expect(rules["Rules"]?.arrayValue?.map { $0["Priority"] } == ["10", "default"])
    #expect(
      throws: AWSError(
        "ResourceInUse", "Target group '\(tg)' is currently in use by a listener or a rule")
    ) {
      try w.perform(
        service: "elbv2", operation: "DeleteTargetGroup", ["TargetGroupArn": .string(tg)])
    }
  }

  /// ACM's stand-in: a requested certificate serves an HTTPS listener and cannot be deleted
  /// while it does; an unknown certificate ARN is refused.
  @Test func httpsListenersNameACMCertificates() throws {
    var (w, lb, tg) = try Self.world()
    let cert = try w.perform(
      service: "acm", operation: "RequestCertificate",
      ["DomainName": "www.example.com", "ValidationMethod": "DNS"])
    let arn = try #require(cert["CertificateArn"]?.stringValue)
    #expect(arn.hasPrefix("arn:aws:acm:us-east-1:123456789012:certificate/"))
    func listener(_ c: String) throws(AWSError) -> JSONValue {
      try w.perform(
        service: "elbv2", operation: "CreateListener",
        [
          "LoadBalancerArn": .string(lb), "Protocol": "HTTPS", "Port": 443,
          "Certificates": [["CertificateArn": .string(c)]],
          "DefaultActions": [["Type": "forward", "TargetGroupArn": .string(tg)]],
        ])
    }
    #expect(
      throws: AWSError(
        "CertificateNotFound",
        "Certificate 'arn:aws:acm:us-east-1:123456789012:certificate/nope' not found")
    ) {
      try listener("arn:aws:acm:us-east-1:123456789012:certificate/nope")
    }
    let out = try listener(arn)
    #expect(out["Listeners"]?[0]?["SslPolicy"] == "ELBSecurityPolicy-2016-08")
    let described = try w.perform(
      service: "acm", operation: "DescribeCertificate", ["CertificateArn": .string(arn)])
    #expect(described["Certificate"]?["InUseBy"] == [.string(lb)])
    #expect(throws: AWSError("ResourceInUseException", "Certificate \(arn) is in use.")) {
      try w.perform(
        service: "acm", operation: "DeleteCertificate", ["CertificateArn": .string(arn)])
    }
  }
}
