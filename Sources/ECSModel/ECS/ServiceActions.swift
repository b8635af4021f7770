/// CreateService, UpdateService, DeleteService, DescribeServices, ListServices.
enum ServiceActions {
  static let table: [String: ActionHandler] = [
    "CreateService": createService,
    "UpdateService": updateService,
    "DeleteService": deleteService,
    "DescribeServices": describeServices,
    "ListServices": listServices,
  ]

  static let notActive = AWSError("ServiceNotActiveException", "Service was not ACTIVE.")

  static func createService(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    if req["deploymentController"]?["type"]?.stringValue == "EXTERNAL" {
      return try TaskSetActions.createExternalService(&world, req)
    }
    let cluster = try world.requireCluster(req.string("cluster"))
    let name = req.string("serviceName") ?? ""
    let nameOK =
      !name.isEmpty && name.count <= 255
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    guard nameOK else {
      // UNCONFIRMED wording.
      throw .invalidParameter(
        "Invalid service name. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed."
      )
    }
    if world.workloads.services.contains(where: {
      $0.clusterArn == cluster.arn && $0.name == name && $0.status != .inactive
    }) {
      throw .invalidParameter("Creation of service was not idempotent.")
    }
    guard let tdRef = req.string("taskDefinition") else {
      throw .invalidParameter(
        "TaskDefinition must be specified for services using the ECS deployment controller.")
    }
    let def = try world.runnableDefinition(tdRef)
    let strategy = req.string("schedulingStrategy") ?? "REPLICA"
    guard strategy == "REPLICA" || strategy == "DAEMON" else {
      throw .invalidParameter("schedulingStrategy must be one of REPLICA, DAEMON.")
    }
    let requestedStrategy = CapacityProviderStrategyItem.list(req.array("capacityProviderStrategy"))
    let network = NetworkConfiguration(req["networkConfiguration"])
    let target = try world.launchTarget(
      launchType: req.string("launchType"), strategy: requestedStrategy, cluster: cluster)
    var desired = req.int("desiredCount")
    if strategy == "DAEMON" {
      if desired != nil {
        // UNCONFIRMED wording.
        throw .invalidParameter(
          "The daemon scheduling strategy does not support a desired count for services.")
      }
      if target.launchType == .fargate {
        // UNCONFIRMED wording.
        throw .invalidParameter(
          "The daemon scheduling strategy does not support the FARGATE launch type.")
      }
      desired = 0
    }
    guard let count = desired else {
      // UNCONFIRMED wording; desiredCount is required for REPLICA (botocore).
      throw .invalidParameter(
        "The desired count must be specified for services using the REPLICA scheduling strategy.")
    }
    guard count >= 0 else {
      throw .invalidParameter("desiredCount must be greater than or equal to 0.")
    }
    try world.checkCompatibility(def, launchType: target.launchType)
    _ = try world.networkSettings(network, definition: def, launchType: target.launchType)
    let config = try deploymentConfig(req["deploymentConfiguration"], strategy: strategy, base: nil)
    let loadBalancers = try validateLoadBalancers(
      (req.array("loadBalancers") ?? []).map(ServiceLoadBalancer.init), def: def, world: world)
    let constraints = req.array("placementConstraints") ?? []
    let strategies = req.array("placementStrategy") ?? []
    _ = try TaskActions.parseConstraints(constraints)
    try validateStrategies(strategies)
    if target.launchType == .fargate && (!constraints.isEmpty || !strategies.isEmpty) {
      // UNCONFIRMED wording.
      throw .invalidParameter(
        "Task placement is not supported for services using the Fargate launch type.")
    }
    var roleArn: String?
    if let role = req.string("role") {
      if loadBalancers.isEmpty {
        // UNCONFIRMED wording: a role is only for a service with a load balancer.
        throw .invalidParameter(
          "You cannot specify an IAM role for services that do not use a load balancer.")
      }
      if def.networkMode == .awsvpc {
        throw .invalidParameter(
          "You cannot specify an IAM role for services that require a service linked role.")
      }
      roleArn = role.hasPrefix("arn:") ? role : "arn:aws:iam::\(world.account):role/\(role)"
    } else {
      roleArn = world.serviceLinkedRoleArn
    }
    let tags = try ClusterActions.parseTags(req.array("tags") ?? [])
    let propagate = req.string("propagateTags") ?? "NONE"
    guard ["NONE", "SERVICE", "TASK_DEFINITION"].contains(propagate) else {
      throw .invalidParameter("propagateTags must be one of NONE, SERVICE, TASK_DEFINITION.")
    }

    let now = world.clock.nowMillis
    let deployment = world.newDeployment(
      def: def, desired: count, target: target,
      strategy: requestedStrategy, network: network)
    var svc = Service(
      arn: world.arn(service: "ecs", resource: "service/\(cluster.name)/\(name)"), name: name,
      clusterArn: cluster.arn, desiredCount: count,
      launchType: req.has("capacityProviderStrategy") ? nil : target.launchType,
      capacityProviderStrategy: requestedStrategy,
      platformVersion: target.launchType == .fargate
        ? (req.string("platformVersion") ?? "LATEST") : nil,
      taskDefinitionArn: def.arn, deploymentConfiguration: config, deployments: [deployment],
      schedulingStrategy: strategy, createdAt: now, createdBy: "arn:aws:iam::\(world.account):root")
    svc.loadBalancers = loadBalancers
    svc.serviceRegistries = req.array("serviceRegistries") ?? []
    svc.placementConstraints = constraints
    svc.placementStrategy = strategies
    svc.networkConfiguration = network
    svc.roleArn = roleArn
    svc.healthCheckGracePeriodSeconds = req.int("healthCheckGracePeriodSeconds")
    svc.enableECSManagedTags = req.bool("enableECSManagedTags") ?? false
    svc.propagateTags = propagate
    svc.enableExecuteCommand = req.bool("enableExecuteCommand") ?? false
    svc.tags = tags
    try ServiceShape.apply(req, to: &svc, creating: true)
    world.workloads.services.append(svc)
    world.record(
      .service, "Service \(name) created in cluster \(cluster.name).",
      .serviceCreated(name, cluster: cluster.name))
    return ["service": world.serviceDocument(svc)]
  }

  static func updateService(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let s = try world.serviceIndex(req.string("service") ?? "", cluster: cluster)
    var svc = world.workloads.services[s]
    guard svc.isActive else { throw notActive }
    var newDeployment = req.bool("forceNewDeployment") ?? false
    var def = try world.runnableDefinition(svc.taskDefinitionArn)
    if let ref = req.string("taskDefinition") {
      let next = try world.runnableDefinition(ref)
      if next.arn != svc.taskDefinitionArn { newDeployment = true }
      def = next
    }
    if let d = req.int("desiredCount") {
      if svc.schedulingStrategy == "DAEMON" {
        // UNCONFIRMED wording.
        throw .invalidParameter(
          "The daemon scheduling strategy does not support a desired count for services.")
      }
      guard d >= 0 else {
        throw .invalidParameter("desiredCount must be greater than or equal to 0.")
      }
      svc.desiredCount = d
    }
    var launchType = svc.deployments.first?.launchType?.rawValue
    var strategy = svc.capacityProviderStrategy
    if req.has("capacityProviderStrategy") || req.has("launchType") {
      strategy = CapacityProviderStrategyItem.list(req.array("capacityProviderStrategy"))
      launchType = req.string("launchType")
      newDeployment = true
    }
    let target = try world.launchTarget(
      launchType: strategy.isEmpty ? (launchType ?? "EC2") : nil, strategy: strategy,
      cluster: cluster)
    try world.checkCompatibility(def, launchType: target.launchType)
    var network = svc.networkConfiguration
    if let n = NetworkConfiguration(req["networkConfiguration"]) {
      network = n
      newDeployment = true
    }
    _ = try world.networkSettings(network, definition: def, launchType: target.launchType)
    if let dc = req["deploymentConfiguration"] {
      svc.deploymentConfiguration = try deploymentConfig(
        dc, strategy: svc.schedulingStrategy, base: svc.deploymentConfiguration)
    }
    if let lbs = req.array("loadBalancers") {
      svc.loadBalancers = try validateLoadBalancers(
        lbs.map(ServiceLoadBalancer.init), def: def, world: world)
      newDeployment = true
    } else if newDeployment {
      _ = try validateLoadBalancers(svc.loadBalancers, def: def, world: world)
    }
    if let c = req.array("placementConstraints") {
      _ = try TaskActions.parseConstraints(c)
      svc.placementConstraints = c
    }
    if let p = req.array("placementStrategy") {
      try validateStrategies(p)
      svc.placementStrategy = p
    }
    if let g = req.int("healthCheckGracePeriodSeconds") { svc.healthCheckGracePeriodSeconds = g }
    if let e = req.bool("enableExecuteCommand") { svc.enableExecuteCommand = e }
    if let e = req.bool("enableECSManagedTags") { svc.enableECSManagedTags = e }
    if let p = req.string("propagateTags") { svc.propagateTags = p }
    try ServiceShape.apply(req, to: &svc, creating: false)
    if let pv = req.string("platformVersion"), target.launchType == .fargate {
      svc.platformVersion = pv
      newDeployment = true
    }
    svc.networkConfiguration = network
    if req.has("capacityProviderStrategy") || req.has("launchType") {
      svc.capacityProviderStrategy = strategy
      svc.launchType = strategy.isEmpty ? target.launchType : nil
    }
    if newDeployment {
      for k in svc.deployments.indices { svc.deployments[k].status = .active }
      let d = world.newDeployment(
        def: def, desired: svc.desiredCount, target: target, strategy: strategy, network: network)
      svc.deployments.insert(d, at: 0)
      svc.deployments[0].volumeConfigurations = svc.volumeConfigurations
      svc.taskDefinitionArn = def.arn
      // A new deployment ends throttled scheduling at once (ecs-facts §5).
      svc.consecutiveStartFailures = 0
      svc.nextLaunchAt = nil
    } else if !svc.deployments.isEmpty {
      svc.deployments[0].desiredCount = svc.desiredCount
      svc.deployments[0].updatedAt = world.clock.nowMillis
      svc.nextLaunchAt = nil
    }
    svc.placementBlocked = false
    world.workloads.services[s] = svc
    world.record(.service, "Service \(svc.name) updated.", .serviceUpdated(svc.name))
    return ["service": world.serviceDocument(svc)]
  }

  static func deleteService(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let s = try world.serviceIndex(req.string("service") ?? "", cluster: cluster)
    var svc = world.workloads.services[s]
    guard svc.isActive else { throw notActive }
    if svc.schedulingStrategy == "REPLICA" && svc.desiredCount > 0 && req.bool("force") != true {
      throw .invalidParameter("The service cannot be stopped while it is scaled above 0.")
    }
    svc.status = .draining
    svc.desiredCount = 0
    for k in svc.deployments.indices { svc.deployments[k].desiredCount = 0 }
    world.workloads.services[s] = svc
    world.workloads.scalableTargets.removeAll {
      $0.resourceId == "service/\(cluster.name)/\(svc.name)"
    }
    world.workloads.scalingPolicies.removeAll {
      $0.resourceId == "service/\(cluster.name)/\(svc.name)"
    }
    world.record(.service, "Service \(svc.name) deleted.", .serviceDeleted(svc.name))
    return ["service": world.serviceDocument(svc)]
  }

  static func describeServices(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let refs = req.strings("services") ?? []
    guard refs.count <= 10 else {
      throw .invalidParameter("Services cannot have more than 10 elements")
    }
    let withTags = (req.strings("include") ?? []).contains("TAGS")
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      if let s = try? world.serviceIndex(ref, cluster: cluster) {
        found.append(world.serviceDocument(world.workloads.services[s], tags: withTags))
      } else {
        let arn =
          ref.hasPrefix("arn:")
          ? ref : world.arn(service: "ecs", resource: "service/\(cluster.name)/\(ref)")
        failures.append(["arn": .string(arn), "reason": "MISSING"])
      }
    }
    return ["services": .array(found), "failures": .array(failures)]
  }

  static func listServices(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let arns = world.workloads.services.filter { s in
      s.clusterArn == cluster.arn && s.status != .inactive
        && (req.string("launchType").map { s.launchType?.rawValue == $0 } ?? true)
        && (req.string("schedulingStrategy").map { s.schedulingStrategy == $0 } ?? true)
    }.map { JSONValue.string($0.arn) }
    return try paginate(arns, key: "serviceArns", req)
  }

  static func deploymentConfig(_ json: JSONValue?, strategy: String, base: DeploymentConfig?)
    throws(AWSError) -> DeploymentConfig
  {
    var c =
      base
      ?? DeploymentConfig(
        maximumPercent: strategy == "DAEMON" ? 100 : 200,
        minimumHealthyPercent: strategy == "DAEMON" ? 0 : 100)
    if let m = json?["maximumPercent"]?.intValue { c.maximumPercent = m }
    if let m = json?["minimumHealthyPercent"]?.intValue { c.minimumHealthyPercent = m }
    if let cb = json?["deploymentCircuitBreaker"] {
      c.circuitBreakerEnable = cb["enable"]?.boolValue ?? false
      c.circuitBreakerRollback = cb["rollback"]?.boolValue ?? false
    }
    if let alarms = json?["alarms"] {
      c.alarmNames = alarms["alarmNames"]?.arrayValue?.compactMap(\.stringValue) ?? []
      c.alarmsEnable = alarms["enable"]?.boolValue ?? false
      c.alarmsRollback = alarms["rollback"]?.boolValue ?? false
    }
    if strategy == "DAEMON" && c.maximumPercent != 100 {
      // UNCONFIRMED wording; the rule is from botocore (DeploymentConfiguration.maximumPercent).
      throw .invalidParameter(
        "The maximumPercent parameter must be 100 for services using the DAEMON scheduling strategy."
      )
    }
    guard c.minimumHealthyPercent >= 0, c.minimumHealthyPercent <= 100 else {
      throw .invalidParameter("minimumHealthyPercent must be between 0 and 100.")
    }
    guard
      c.maximumPercent >= 100 || strategy == "REPLICA" && c.maximumPercent > c.minimumHealthyPercent
    else {
      throw .invalidParameter("maximumPercent must be greater than minimumHealthyPercent.")
    }
    return c
  }

  /// Validates ALB/NLB entries against the task definition (ecs-facts §5) and keeps them.
  static func validateLoadBalancers(
    _ items: [ServiceLoadBalancer], def: TaskDefinition, world: World
  )
    throws(AWSError) -> [ServiceLoadBalancer]
  {
    for lb in items {
      guard let name = lb.containerName, let port = lb.containerPort
      else {
        // UNCONFIRMED wording.
        throw .invalidParameter(
          "containerName and containerPort must be specified for a load balancer.")
      }
      guard let c = def.containers.first(where: { $0.name == name }) else {
        throw .invalidParameter("The container \(name) does not exist in the task definition.")
      }
      guard c.portMappings.contains(where: { $0.containerPort == port }) else {
        throw .invalidParameter(
          "The container \(name) did not have a container port \(port) defined.")
      }
      try world.checkServiceTargetGroup(lb, def: def)
    }
    return items
  }

  static func validateStrategies(_ items: [JSONValue]) throws(AWSError) {
    guard items.count <= 5 else {
      throw .invalidParameter("The maximum number of placement strategies is 5.")
    }
    for s in items {
      let type = s["type"]?.stringValue ?? ""
      guard ["random", "spread", "binpack"].contains(type) else {
        throw .invalidParameter("Invalid placement strategy type: \(type)")
      }
      if type == "binpack", let f = s["field"]?.stringValue, f != "cpu" && f != "memory" {
        // UNCONFIRMED wording.
        throw .invalidParameter("Invalid binpack field: \(f). Valid values: cpu, memory.")
      }
    }
  }
}

extension World {
  /// The service `ref` (name or ARN) in a cluster: the newest one with that name.
  func serviceIndex(_ ref: String, cluster: Cluster) throws(AWSError) -> Int {
    guard
      let i = workloads.services.lastIndex(where: {
        $0.clusterArn == cluster.arn && ($0.name == ref || $0.arn == ref)
      })
    else { throw .serviceNotFound }
    return i
  }

  mutating func newDeployment(
    def: TaskDefinition, desired: Int, target: LaunchTarget,
    strategy: [CapacityProviderStrategyItem], network: NetworkConfiguration?
  ) -> Deployment {
    let id = "ecs-svc/" + random.digits(19)
    return Deployment(
      id: id, status: .primary, taskDefinitionArn: def.arn, desiredCount: desired,
      createdAt: clock.nowMillis, updatedAt: clock.nowMillis,
      launchType: strategy.isEmpty ? target.launchType : nil,
      capacityProviderStrategy: strategy,
      platformVersion: target.launchType == .fargate ? "1.4.0" : nil,
      networkConfiguration: network,
      rolloutStateReason: "ECS deployment \(id) in progress.")
  }

  /// The service as DescribeServices prints it.
  public func serviceDocument(_ svc: Service, tags: Bool = true) -> JSONValue {
    func ts(_ ms: Int64) -> JSONValue { .string(Timestamp.iso8601(millis: ms)) }
    let counts = serviceCounts(svc)
    let dc = svc.deploymentConfiguration
    let deployments: [JSONValue] = svc.deployments.map { d in
      let c = counts.byDeployment[d.id] ?? (0, 0)
      return jsonObject([
        ("id", .string(d.id)), ("status", .string(d.status.rawValue)),
        ("taskDefinition", .string(d.taskDefinitionArn)),
        ("desiredCount", .int(d.desiredCount)), ("pendingCount", .int(c.1)),
        ("runningCount", .int(c.0)),
        ("failedTasks", .int(d.failedTasks)), ("createdAt", ts(d.createdAt)),
        ("updatedAt", ts(d.updatedAt)),
        (
          "capacityProviderStrategy",
          d.capacityProviderStrategy.isEmpty
            ? JSONValue?.none : .array(d.capacityProviderStrategy.map(\.document))
        ),
        ("launchType", d.launchType.map { .string($0.rawValue) }),
        ("platformVersion", d.platformVersion.map { .string($0) }),
        ("platformFamily", d.platformVersion.map { _ in "Linux" }),
        ("networkConfiguration", d.networkConfiguration?.document),
        ("rolloutState", .string(d.rolloutState.rawValue)),
        ("rolloutStateReason", .string(d.rolloutStateReason)),
        (
          "volumeConfigurations",
          d.volumeConfigurations.isEmpty ? nil : .array(d.volumeConfigurations)
        ),
      ])
    }
    return jsonObject([
      ("serviceArn", .string(svc.arn)), ("serviceName", .string(svc.name)),
      ("clusterArn", .string(svc.clusterArn)),
      ("loadBalancers", .array(svc.loadBalancers.map(\.document))),
      ("serviceRegistries", .array(svc.serviceRegistries)),
      ("status", .string(svc.status.rawValue)), ("desiredCount", .int(svc.desiredCount)),
      ("runningCount", .int(counts.running)), ("pendingCount", .int(counts.pending)),
      ("launchType", svc.launchType.map { .string($0.rawValue) }),
      (
        "capacityProviderStrategy",
        svc.capacityProviderStrategy.isEmpty
          ? JSONValue?.none : .array(svc.capacityProviderStrategy.map(\.document))
      ),
      ("platformVersion", svc.platformVersion.map { .string($0) }),
      ("platformFamily", svc.platformVersion.map { _ in "Linux" }),
      ("taskDefinition", svc.taskDefinitionArn.isEmpty ? nil : .string(svc.taskDefinitionArn)),
      (
        "deploymentConfiguration",
        [
          "deploymentCircuitBreaker": [
            "enable": .bool(dc.circuitBreakerEnable), "rollback": .bool(dc.circuitBreakerRollback),
          ],
          "maximumPercent": .int(dc.maximumPercent),
          "minimumHealthyPercent": .int(dc.minimumHealthyPercent),
          "alarms": ServiceShape.alarmsDocument(dc),
        ]
      ),
      (
        "taskSets",
        svc.deploymentController == "ECS"
          ? nil : .array(svc.taskSets.map { taskSetDocument($0, of: svc) })
      ),
      ("deployments", .array(deployments)),
      ("roleArn", svc.roleArn.map { .string($0) }),
      (
        "events",
        .array(
          svc.events.map {
            ["id": .string($0.id), "createdAt": ts($0.createdAt), "message": .string($0.message)]
          })
      ),
      ("createdAt", ts(svc.createdAt)),
      ("placementConstraints", .array(svc.placementConstraints)),
      ("placementStrategy", .array(svc.placementStrategy)),
      ("networkConfiguration", svc.networkConfiguration?.document),
      ("healthCheckGracePeriodSeconds", .int(svc.healthCheckGracePeriodSeconds ?? 0)),
      ("schedulingStrategy", .string(svc.schedulingStrategy)),
      ("deploymentController", ["type": .string(svc.deploymentController)]),
      (
        "tags",
        tags && !svc.tags.isEmpty ? TaskDefinitionActions.tagsJSON(svc.tags) : JSONValue?.none
      ),
      ("createdBy", .string(svc.createdBy)),
      ("enableECSManagedTags", .bool(svc.enableECSManagedTags)),
      ("propagateTags", .string(svc.propagateTags)),
      ("enableExecuteCommand", .bool(svc.enableExecuteCommand)),
      ("availabilityZoneRebalancing", .string(svc.availabilityZoneRebalancing)),
      ("serviceConnectConfiguration", svc.serviceConnectConfiguration),
    ])
  }

  /// Blocks DeleteCluster while services are active.
  static func servicesBlockDeletion(_ world: World, _ clusterArn: String) -> AWSError? {
    world.workloads.services.contains { $0.clusterArn == clusterArn && $0.status != .inactive }
      ? AWSError(
        "ClusterContainsServicesException",
        "The Cluster cannot be deleted while Services are active.")
      : nil
  }

  /// Blocks DeleteCluster while tasks run.
  static func tasksBlockDeletion(_ world: World, _ clusterArn: String) -> AWSError? {
    world.workloads.tasks.contains { $0.clusterArn == clusterArn && $0.lastStatus != .stopped }
      ? AWSError(
        "ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.")
      : nil
  }
}
