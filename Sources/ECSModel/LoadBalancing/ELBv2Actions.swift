/// elbv2: load balancers and target groups (listeners, rules and targets are in the extensions).
/// Errors are AWS's codes with the texts of botocore's error shapes where AWS prints those, and
/// moto's (moto/elbv2) where botocore has none.
enum ELBv2Actions {
  static let table: [String: ActionHandler] = [
    "CreateLoadBalancer": createLoadBalancer,
    "DescribeLoadBalancers": describeLoadBalancers,
    "DeleteLoadBalancer": deleteLoadBalancer,
    "DescribeLoadBalancerAttributes": describeLoadBalancerAttributes,
    "ModifyLoadBalancerAttributes": modifyLoadBalancerAttributes,
    "SetSecurityGroups": setSecurityGroups,
    "SetSubnets": setSubnets,
    "CreateTargetGroup": createTargetGroup,
    "DescribeTargetGroups": describeTargetGroups,
    "ModifyTargetGroup": modifyTargetGroup,
    "DeleteTargetGroup": deleteTargetGroup,
    "DescribeTargetGroupAttributes": describeTargetGroupAttributes,
    "ModifyTargetGroupAttributes": modifyTargetGroupAttributes,
    "AddTags": addTags,
    "RemoveTags": removeTags,
    "DescribeTags": describeTags,
  ]

  static let lbNotFound = AWSError(
    "LoadBalancerNotFound", "One or more load balancers not found")
  static let tgNotFound = AWSError("TargetGroupNotFound", "One or more target groups not found")

  /// Seconds a new load balancer stays `provisioning` (real ones take a few minutes).
  static let provisioningSeconds: Int64 = 60

  static func validation(_ message: String) -> AWSError { AWSError("ValidationError", message) }

  // MARK: load balancers

  static func createLoadBalancer(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let name = req.string("Name") ?? ""
    let type = req.string("Type") ?? "application"
    let scheme = req.string("Scheme") ?? "internet-facing"
    guard name.count <= 32, !name.isEmpty, !name.hasPrefix("-"), !name.hasSuffix("-"),
      !name.hasPrefix("internal-"),
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    else {
      // UNCONFIRMED wording.
      throw validation(
        "The load balancer name '\(name)' must not begin or end with a hyphen, and can contain only alphanumeric characters and hyphens, up to 32 characters."
      )
    }
    guard ["application", "network"].contains(type) else {
      throw validation(
        "1 validation error detected: Value '\(type)' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [application, network]"
      )
    }
    let subnetIds =
      (req.strings("Subnets") ?? [])
      + (req.array("SubnetMappings") ?? []).compactMap { $0["SubnetId"]?.stringValue }
    guard !subnetIds.isEmpty else {
      throw AWSError("SubnetNotFound", "The specified subnet does not exist.")
    }
    var subnets: [Subnet] = []
    for id in subnetIds {
      guard let s = world.subnets.first(where: { $0.subnetId == id }) else {
        throw AWSError("SubnetNotFound", "The specified subnet does not exist.")
      }
      subnets.append(s)
    }
    let vpcId = subnets[0].vpcId
    guard subnets.allSatisfy({ $0.vpcId == vpcId }) else {
      // UNCONFIRMED wording.
      throw AWSError("InvalidConfigurationRequest", "All subnets must belong to the same VPC.")
    }
    let zones = subnets.map(\.availabilityZone)
    if Set(zones).count != zones.count {
      // UNCONFIRMED wording.
      throw AWSError(
        "InvalidConfigurationRequest",
        "A load balancer cannot be attached to multiple subnets in the same Availability Zone")
    }
    if type == "application" && Set(zones).count < 2 {
      throw validation(
        "At least two subnets in two different Availability Zones must be specified")
    }
    if scheme == "internet-facing" && !world.internetGatewayAttached(to: vpcId) {
      throw AWSError("InvalidSubnet", "VPC \(vpcId) has no internet gateway")
    }
    var groups = req.strings("SecurityGroups") ?? []
    for g in groups
    where !world.securityGroups.contains(where: { $0.groupId == g && $0.vpcId == vpcId }) {
      // UNCONFIRMED wording.
      throw AWSError("InvalidSecurityGroup", "Security group '\(g)' does not exist")
    }
    if groups.isEmpty && type == "application" {
      groups = world.securityGroups.filter { $0.vpcId == vpcId && $0.groupName == "default" }
        .map(\.groupId)
    }
    // A network load balancer's Elastic IP addresses, one per subnet mapping that names one.
    var allocations: [String: String] = [:]
    for m in req.array("SubnetMappings") ?? [] {
      guard let id = m["AllocationId"]?.stringValue, let subnet = m["SubnetId"]?.stringValue
      else { continue }
      guard type == "network" else {
        // UNCONFIRMED wording.
        throw validation("Elastic IP addresses can be specified only for network load balancers")
      }
      guard world.network.addresses.contains(where: { $0.allocationId == id }) else {
        throw AWSError("AllocationIdNotFound", "The specified allocation ID does not exist.")
      }
      allocations[subnet] = id
    }
    let tags = parseTags(req)
    if let existing = world.elb.loadBalancers.first(where: { $0.name == name }) {
      // Idempotent when the settings are the same (botocore's CreateLoadBalancer doc).
      guard existing.type == type, existing.scheme == scheme,
        Set(existing.zones.map(\.subnetId)) == Set(subnetIds)
      else {
        throw AWSError(
          "DuplicateLoadBalancerName", "A load balancer with the specified name already exists.")
      }
      return ["LoadBalancers": [world.loadBalancerDocument(existing)]]
    }
    let id = world.random.hex(16)
    let kind = type == "network" ? "net" : "app"
    let arn = world.arn(
      service: "elasticloadbalancing", resource: "loadbalancer/\(kind)/\(name)/\(id)")
    let dns: String
    if type == "network" {
      dns = "\(name)-\(world.random.hex(16)).elb.\(world.region).amazonaws.com"
    } else {
      let n = world.random.int(in: 100_000_000...1_999_999_999)
      dns =
        (scheme == "internal" ? "internal-" : "") + "\(name)-\(n).\(world.region).elb.amazonaws.com"
    }
    let now = world.clock.nowMillis
    let attributes: [(key: String, value: String)] =
      type == "network"
      ? [
        ("access_logs.s3.enabled", "false"), ("access_logs.s3.bucket", ""),
        ("access_logs.s3.prefix", ""), ("deletion_protection.enabled", "false"),
        ("load_balancing.cross_zone.enabled", "false"),
      ]
      : [
        ("access_logs.s3.enabled", "false"), ("access_logs.s3.bucket", ""),
        ("access_logs.s3.prefix", ""), ("idle_timeout.timeout_seconds", "60"),
        ("deletion_protection.enabled", "false"), ("routing.http2.enabled", "true"),
      ]
    let lb = LoadBalancer(
      arn: arn, name: name, type: type, scheme: scheme, vpcId: vpcId,
      zones: subnets.map { ($0.subnetId, $0.availabilityZone) }.sorted { $0.1 < $1.1 },
      securityGroups: groups, dnsName: dns, createdAt: now,
      activeAt: now + provisioningSeconds * 1000,
      ipAddressType: req.string("IpAddressType") ?? "ipv4", attributes: attributes, tags: tags,
      allocations: allocations)
    world.elb.loadBalancers.append(lb)
    world.record(
      .loadBalancer, "Load balancer \(name) created: provisioning.",
      .loadBalancerCreated(name, type: type))
    return ["LoadBalancers": [world.loadBalancerDocument(lb)]]
  }

  static func describeLoadBalancers(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let selected = try narrow(
      world.elb.loadBalancers, all: world.elb.loadBalancers, req, arns: "LoadBalancerArns",
      arn: \.arn, name: \.name, notFound: lbNotFound,
      namesNotFound: { AWSError("LoadBalancerNotFound", "Load balancers '[\($0)]' not found") })
    return ["LoadBalancers": .array(selected.map { world.loadBalancerDocument($0) })]
  }

  static func deleteLoadBalancer(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let arn = req.string("LoadBalancerArn") ?? ""
    // Deleting one that does not exist succeeds, as AWS does.
    guard let lb = world.loadBalancer(arn: arn) else { return .object([]) }
    if lb.attributes.contains(where: {
      $0.key == "deletion_protection.enabled" && $0.value == "true"
    }) {
      throw AWSError(
        "OperationNotPermitted",
        "Load balancer '\(arn)' cannot be deleted because deletion protection is enabled")
    }
    world.elb.loadBalancers.removeAll { $0.arn == arn }
    world.elb.listeners.removeAll { $0.loadBalancerArn == arn }
    world.record(
      .loadBalancer, "Load balancer \(lb.name) deleted (with its listeners).",
      .loadBalancerDeleted(lb.name))
    return .object([])
  }

  static func lbIndex(_ world: World, _ req: Request) throws(AWSError) -> Int {
    let arn = req.string("LoadBalancerArn") ?? ""
    guard let i = world.elb.loadBalancers.firstIndex(where: { $0.arn == arn }) else {
      throw lbNotFound
    }
    return i
  }

  static func attributesDocument(_ attrs: [(key: String, value: String)]) -> JSONValue {
    .array(attrs.map { ["Key": .string($0.key), "Value": .string($0.value)] })
  }

  static func describeLoadBalancerAttributes(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try lbIndex(world, req)
    return ["Attributes": attributesDocument(world.elb.loadBalancers[i].attributes)]
  }

  /// Applies `Attributes` to `attrs`: known keys only; the result is what AWS prints.
  static func modify(
    _ attrs: inout [(key: String, value: String)], _ req: Request, extraKeys: Set<String> = []
  ) throws(AWSError) {
    for a in req.array("Attributes") ?? [] {
      let key = a["Key"]?.stringValue ?? ""
      let value = a["Value"]?.stringValue ?? ""
      if let k = attrs.firstIndex(where: { $0.key == key }) {
        attrs[k].value = value
      } else if extraKeys.contains(key) {
        attrs.append((key, value))
      } else {
        throw AWSError("InvalidConfigurationRequest", "Key \(key) not valid")
      }
    }
  }

  static func modifyLoadBalancerAttributes(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try lbIndex(world, req)
    try modify(&world.elb.loadBalancers[i].attributes, req)
    return ["Attributes": attributesDocument(world.elb.loadBalancers[i].attributes)]
  }

  static func setSecurityGroups(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let i = try lbIndex(world, req)
    let groups = req.strings("SecurityGroups") ?? []
    let vpc = world.elb.loadBalancers[i].vpcId
    for g in groups
    where !world.securityGroups.contains(where: { $0.groupId == g && $0.vpcId == vpc }) {
      throw AWSError("InvalidSecurityGroup", "Security group '\(g)' does not exist")
    }
    world.elb.loadBalancers[i].securityGroups = groups
    return ["SecurityGroupIds": .array(groups.map { .string($0) })]
  }

  static func setSubnets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try lbIndex(world, req)
    let lb = world.elb.loadBalancers[i]
    let ids =
      (req.strings("Subnets") ?? [])
      + (req.array("SubnetMappings") ?? []).compactMap { $0["SubnetId"]?.stringValue }
    var zones: [(subnetId: String, zone: String)] = []
    for id in ids {
      guard let s = world.subnets.first(where: { $0.subnetId == id && $0.vpcId == lb.vpcId }) else {
        throw AWSError("SubnetNotFound", "The specified subnet does not exist.")
      }
      zones.append((s.subnetId, s.availabilityZone))
    }
    if lb.type == "application" && Set(zones.map(\.zone)).count < 2 {
      throw validation("At least two subnets in two different Availability Zones must be specified")
    }
    world.elb.loadBalancers[i].zones = zones.sorted { $0.zone < $1.zone }
    return [
      "AvailabilityZones": .array(
        world.elb.loadBalancers[i].zones.map {
          ["ZoneName": .string($0.zone), "SubnetId": .string($0.subnetId)]
        })
    ]
  }

  // MARK: target groups

  static func createTargetGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let name = req.string("Name") ?? ""
    if name.count > 32 {
      throw validation("Target group name '\(name)' cannot be longer than '32' characters")
    }
    if !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
      throw validation(
        "Target group name '\(name)' can only contain characters that are alphanumeric characters or hyphens(-)"
      )
    }
    if name.hasPrefix("-") || name.hasSuffix("-") {
      throw validation("Target group name '\(name)' cannot begin or end with '-'")
    }
    let type = req.string("TargetType") ?? "instance"
    let proto = req.string("Protocol")
    let port = req.int("Port")
    let vpcId = req.string("VpcId")
    if type != "lambda" {
      guard proto != nil else { throw validation("A protocol must be specified") }
      guard port != nil else { throw validation("A port must be specified") }
      guard let vpcId else { throw validation("A VPC ID must be specified") }
      guard world.vpcs.contains(where: { $0.vpcId == vpcId }) else {
        throw validation("The VPC ID '\(vpcId)' is not found")
      }
    }
    var hc = HealthCheck()
    if type == "lambda" {
      hc.enabled = false
      hc.intervalSeconds = 35
      hc.timeoutSeconds = 30
      hc.protocol = ""
      hc.port = ""
    } else if let proto, ["TCP", "UDP", "TLS", "TCP_UDP"].contains(proto) {
      hc.protocol = "TCP"
      hc.path = nil
      hc.matcher = nil
      hc.timeoutSeconds = 10
      hc.healthyThreshold = 5
      hc.unhealthyThreshold = 2
    } else if let proto {
      hc.protocol = proto
    }
    try applyHealthCheck(&hc, req)
    if let existing = world.elb.targetGroups.first(where: { $0.name == name }) {
      guard existing.protocol == proto, existing.port == port, existing.vpcId == vpcId,
        existing.targetType == type, existing.healthCheck == hc
      else {
        throw AWSError(
          "DuplicateTargetGroupName", "A target group with the specified name already exists.")
      }
      return ["TargetGroups": [world.targetGroupDocument(existing)]]
    }
    let arn = world.arn(
      service: "elasticloadbalancing", resource: "targetgroup/\(name)/\(world.random.hex(16))")
    let http = proto == "HTTP" || proto == "HTTPS"
    let attributes: [(key: String, value: String)] =
      type == "lambda"
      ? [("lambda.multi_value_headers.enabled", "false")]
      : http
        ? [
          ("stickiness.enabled", "false"), ("deregistration_delay.timeout_seconds", "300"),
          ("stickiness.type", "lb_cookie"), ("stickiness.lb_cookie.duration_seconds", "86400"),
          ("slow_start.duration_seconds", "0"),
        ]
        : [("proxy_protocol_v2.enabled", "false"), ("deregistration_delay.timeout_seconds", "300")]
    let tg = TargetGroup(
      arn: arn, name: name, protocol: proto, port: port, vpcId: vpcId, targetType: type,
      healthCheck: hc,
      protocolVersion: http ? (req.string("ProtocolVersion") ?? "HTTP1") : nil,
      attributes: attributes, tags: parseTags(req))
    world.elb.targetGroups.append(tg)
    let what = [proto, port.map(String.init)].compactMap { $0 }.joined(separator: ":")
    world.record(
      .loadBalancer,
      "Target group \(name) created (\(what.isEmpty ? "" : what + ", ")target type \(type)).",
      .targetGroupCreated(name, protocol: proto, port: port, targetType: type))
    return ["TargetGroups": [world.targetGroupDocument(tg)]]
  }

  /// Reads the health check members of CreateTargetGroup / ModifyTargetGroup, with AWS's ranges
  /// (ecs-facts §8).
  static func applyHealthCheck(_ hc: inout HealthCheck, _ req: Request) throws(AWSError) {
    func ranged(_ key: String, _ member: String, _ range: ClosedRange<Int>) throws(AWSError) -> Int?
    {
      guard let v = req.int(key) else { return nil }
      if v < range.lowerBound {
        throw validation(
          "1 validation error detected: Value '\(v)' at '\(member)' failed to satisfy constraint: Member must have value greater than or equal to \(range.lowerBound)"
        )
      }
      if v > range.upperBound {
        throw validation(
          "1 validation error detected: Value '\(v)' at '\(member)' failed to satisfy constraint: Member must have value less than or equal to \(range.upperBound)"
        )
      }
      return v
    }
    if let v = req.bool("HealthCheckEnabled") { hc.enabled = v }
    if let v = req.string("HealthCheckProtocol") { hc.protocol = v }
    if let v = req.string("HealthCheckPort") {
      guard v == "traffic-port" || Int(v).map({ (1...65535).contains($0) }) == true else {
        // UNCONFIRMED wording.
        throw validation(
          "Health check port '\(v)' must be 'traffic-port' or a port from 1 to 65535")
      }
      hc.port = v
    }
    if let v = req.string("HealthCheckPath") {
      guard v.hasPrefix("/") else {
        // UNCONFIRMED wording.
        throw validation("Health check path must begin with a '/' character")
      }
      hc.path = v
    }
    if let v = try ranged("HealthCheckIntervalSeconds", "healthCheckIntervalSeconds", 5...300) {
      hc.intervalSeconds = v
    }
    if let v = try ranged("HealthCheckTimeoutSeconds", "healthCheckTimeoutSeconds", 2...120) {
      hc.timeoutSeconds = v
    }
    if let v = try ranged("HealthyThresholdCount", "healthyThresholdCount", 2...10) {
      hc.healthyThreshold = v
    }
    if let v = try ranged("UnhealthyThresholdCount", "unhealthyThresholdCount", 2...10) {
      hc.unhealthyThreshold = v
    }
    if let code = req["Matcher"]?["HttpCode"]?.stringValue {
      let ok =
        !code.isEmpty
        && code.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
          let r = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
          return (1...2).contains(r.count)
            && r.allSatisfy { $0.map { (200...499).contains($0) } ?? false }
        }
      guard ok else {
        throw AWSError("InvalidParameterValue", "HttpCode must be like 200 | 200-399 | 200,201 ...")
      }
      hc.matcher = code
    }
    if hc.timeoutSeconds >= hc.intervalSeconds && hc.enabled && hc.protocol != "" {
      // UNCONFIRMED wording.
      throw validation(
        "Health check timeout '\(hc.timeoutSeconds)' must be smaller than the interval '\(hc.intervalSeconds)'"
      )
    }
  }

  /// What a describe call selects from `base`: the resources its ARN list names (replacing
  /// `base`; an unknown ARN is `notFound`), then those of them its `Names` list names (every name
  /// must exist in `all`, else `namesNotFound` with the missing ones, comma-separated).
  static func narrow<T>(
    _ base: [T], all: [T], _ req: Request, arns arnsKey: String, arn: (T) -> String,
    name: (T) -> String, notFound: AWSError, namesNotFound: (String) -> AWSError
  ) throws(AWSError) -> [T] {
    var selected = base
    if let arns = req.strings(arnsKey) {
      selected = []
      for a in arns {
        guard let found = all.first(where: { arn($0) == a }) else { throw notFound }
        selected.append(found)
      }
    }
    if let names = req.strings("Names") {
      let missing = names.filter { n in !all.contains { name($0) == n } }
      guard missing.isEmpty else { throw namesNotFound(missing.joined(separator: ", ")) }
      selected = selected.filter { names.contains(name($0)) }
    }
    return selected
  }

  static func describeTargetGroups(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var selected = world.elb.targetGroups
    if let lbArn = req.string("LoadBalancerArn") {
      guard world.loadBalancer(arn: lbArn) != nil else { throw lbNotFound }
      selected = selected.filter { world.loadBalancerArns(using: $0.arn).contains(lbArn) }
    }
    selected = try narrow(
      selected, all: world.elb.targetGroups, req, arns: "TargetGroupArns", arn: \.arn,
      name: \.name, notFound: tgNotFound,
      namesNotFound: { AWSError("TargetGroupNotFound", "Target groups '[\($0)]' not found") })
    return ["TargetGroups": .array(selected.map { world.targetGroupDocument($0) })]
  }

  static func tgIndex(_ world: World, _ req: Request) throws(AWSError) -> Int {
    let arn = req.string("TargetGroupArn") ?? ""
    guard let i = world.elb.targetGroups.firstIndex(where: { $0.arn == arn }) else {
      throw tgNotFound
    }
    return i
  }

  static func modifyTargetGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let i = try tgIndex(world, req)
    var hc = world.elb.targetGroups[i].healthCheck
    try applyHealthCheck(&hc, req)
    if hc != world.elb.targetGroups[i].healthCheck {
      world.elb.targetGroups[i].healthCheck = hc
      world.recheckSoon(group: i)
    }
    return ["TargetGroups": [world.targetGroupDocument(world.elb.targetGroups[i])]]
  }

  static func deleteTargetGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let arn = req.string("TargetGroupArn") ?? ""
    guard world.targetGroup(arn: arn) != nil else { return .object([]) }
    if !world.loadBalancerArns(using: arn).isEmpty {
      throw AWSError(
        "ResourceInUse", "Target group '\(arn)' is currently in use by a listener or a rule")
    }
    let name = world.targetGroup(arn: arn)?.name ?? arn
    world.elb.targetGroups.removeAll { $0.arn == arn }
    world.record(.loadBalancer, "Target group \(name) deleted.", .targetGroupDeleted(name))
    return .object([])
  }

  static func describeTargetGroupAttributes(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try tgIndex(world, req)
    return ["Attributes": attributesDocument(world.elb.targetGroups[i].attributes)]
  }

  static func modifyTargetGroupAttributes(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try tgIndex(world, req)
    var attrs = world.elb.targetGroups[i].attributes
    try modify(
      &attrs, req,
      extraKeys: [
        "load_balancing.algorithm.type", "stickiness.app_cookie.cookie_name",
        "stickiness.app_cookie.duration_seconds", "load_balancing.cross_zone.enabled",
      ])
    if let d = attrs.first(where: { $0.key == "deregistration_delay.timeout_seconds" }),
      Int(d.value).map({ (0...3600).contains($0) }) != true
    {
      // UNCONFIRMED wording.
      throw validation("Deregistration delay timeout must be between 0 and 3600 seconds")
    }
    world.elb.targetGroups[i].attributes = attrs
    return ["Attributes": attributesDocument(attrs)]
  }

  // MARK: tags

  static func parseTags(_ req: Request) -> [Tag] {
    (req.array("Tags") ?? []).compactMap { t in
      t["Key"]?.stringValue.map { Tag(key: $0, value: t["Value"]?.stringValue ?? "") }
    }
  }

  /// Reads or changes the tags of any elbv2 resource by ARN.
  static func withTags(_ world: inout World, _ arn: String, _ change: (inout [Tag]) -> Void)
    throws(AWSError)
  {
    if let i = world.elb.loadBalancers.firstIndex(where: { $0.arn == arn }) {
      change(&world.elb.loadBalancers[i].tags)
    } else if let i = world.elb.targetGroups.firstIndex(where: { $0.arn == arn }) {
      change(&world.elb.targetGroups[i].tags)
    } else if let i = world.elb.listeners.firstIndex(where: { $0.arn == arn }) {
      change(&world.elb.listeners[i].tags)
    } else if let (l, r) = world.ruleIndex(arn) {
      change(&world.elb.listeners[l].rules[r].tags)
    } else if arn.contains(":loadbalancer/") {
      throw lbNotFound
    } else if arn.contains(":targetgroup/") {
      throw tgNotFound
    } else {
      throw AWSError("ListenerNotFound", "The specified listener does not exist.")
    }
  }

  static func addTags(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let tags = parseTags(req)
    for arn in req.strings("ResourceArns") ?? [] {
      try withTags(&world, arn) { existing in
        for t in tags {
          if let k = existing.firstIndex(where: { $0.key == t.key }) {
            existing[k] = t
          } else {
            existing.append(t)
          }
        }
      }
    }
    return .object([])
  }

  static func removeTags(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let keys = Set(req.strings("TagKeys") ?? [])
    for arn in req.strings("ResourceArns") ?? [] {
      try withTags(&world, arn) { $0.removeAll { keys.contains($0.key) } }
    }
    return .object([])
  }

  static func describeTags(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    var out: [JSONValue] = []
    for arn in req.strings("ResourceArns") ?? [] {
      var found: [Tag] = []
      try withTags(&world, arn) { found = $0 }
      out.append([
        "ResourceArn": .string(arn),
        "Tags": .array(found.map { ["Key": .string($0.key), "Value": .string($0.value)] }),
      ])
    }
    return ["TagDescriptions": .array(out)]
  }
}
