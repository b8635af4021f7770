/// Task sets of services with the EXTERNAL deployment controller: CreateTaskSet,
/// DescribeTaskSets, UpdateTaskSet, DeleteTaskSet, UpdateServicePrimaryTaskSet; and CreateService
/// with `deploymentController type=EXTERNAL` (no task definition, no deployments).
enum TaskSetActions {
  static let table: [String: ActionHandler] = [
    "CreateTaskSet": createTaskSet,
    "DescribeTaskSets": describeTaskSets,
    "UpdateTaskSet": updateTaskSet,
    "DeleteTaskSet": deleteTaskSet,
    "UpdateServicePrimaryTaskSet": updateServicePrimaryTaskSet,
  ]

  static let externalOnly = AWSError.invalidParameter(
    "Amazon ECS only supports task set management on services configured to use external "
      + "deployment controllers.")

  /// CreateService for an EXTERNAL service: the task sets bring the task definitions later.
  static func createExternalService(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try world.requireCluster(req.string("cluster"))
    let name = req.string("serviceName") ?? ""
    if world.workloads.services.contains(where: {
      $0.clusterArn == cluster.arn && $0.name == name && $0.status != .inactive
    }) {
      throw .invalidParameter("Creation of service was not idempotent.")
    }
    if req.has("taskDefinition") {
      // UNCONFIRMED wording: AWS refuses a task definition on an EXTERNAL service.
      throw .invalidParameter(
        "Task definition is not supported for services using the EXTERNAL deployment controller.")
    }
    let count = req.int("desiredCount") ?? 0
    guard count >= 0 else {
      throw .invalidParameter("desiredCount must be greater than or equal to 0.")
    }
    let config = try ServiceActions.deploymentConfig(
      req["deploymentConfiguration"], strategy: "REPLICA", base: nil)
    var svc = Service(
      arn: world.arn(service: "ecs", resource: "service/\(cluster.name)/\(name)"), name: name,
      clusterArn: cluster.arn, desiredCount: count,
      launchType: LaunchType(rawValue: req.string("launchType") ?? "EC2"),
      taskDefinitionArn: "", deploymentConfiguration: config, deployments: [],
      schedulingStrategy: "REPLICA", createdAt: world.clock.nowMillis,
      createdBy: "arn:aws:iam::\(world.account):root")
    svc.deploymentController = "EXTERNAL"
    svc.roleArn = world.serviceLinkedRoleArn
    svc.tags = try ClusterActions.parseTags(req.array("tags") ?? [])
    svc.availabilityZoneRebalancing = "DISABLED"
    world.workloads.services.append(svc)
    world.record(
      .service, "Service \(name) created in cluster \(cluster.name).",
      .serviceCreated(name, cluster: cluster.name))
    return ["service": world.serviceDocument(svc)]
  }

  static func createTaskSet(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (s, cluster) = try externalService(world, req)
    let def = try world.runnableDefinition(req.string("taskDefinition") ?? "")
    let strategy = CapacityProviderStrategyItem.list(req.array("capacityProviderStrategy"))
    let launchType = req.string("launchType").flatMap(LaunchType.init(rawValue:))
    let network = NetworkConfiguration(req["networkConfiguration"])
    if launchType == .fargate
      || strategy.contains(where: { $0.capacityProvider.hasPrefix("FARGATE") })
    {
      try world.checkCompatibility(def, launchType: .fargate)
      _ = try world.networkSettings(network, definition: def, launchType: .fargate)
    }
    let scale = try scaleValue(req["scale"]) ?? 100
    let now = world.clock.nowMillis
    let id = "ecs-svc/" + world.random.digits(19)
    let svc = world.workloads.services[s]
    var set = TaskSet(
      id: id,
      arn: world.arn(service: "ecs", resource: "task-set/\(cluster.name)/\(svc.name)/\(id)"),
      status: svc.taskSets.contains { $0.status == "PRIMARY" } ? "ACTIVE" : "PRIMARY",
      taskDefinitionArn: def.arn, externalId: req.string("externalId"),
      launchType: strategy.isEmpty ? (launchType ?? .ec2) : nil,
      capacityProviderStrategy: strategy,
      platformVersion: launchType == .fargate ? (req.string("platformVersion") ?? "LATEST") : nil,
      networkConfiguration: network, scale: scale, createdAt: now, updatedAt: now,
      stabilityStatusAt: now)
    set.loadBalancers = req.array("loadBalancers") ?? []
    set.serviceRegistries = req.array("serviceRegistries") ?? []
    set.tags = try ClusterActions.parseTags(req.array("tags") ?? [])
    world.workloads.services[s].taskSets.append(set)
    return ["taskSet": world.taskSetDocument(set, of: world.workloads.services[s])]
  }

  static func describeTaskSets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (s, _) = try externalService(world, req)
    let svc = world.workloads.services[s]
    let withTags = (req.strings("include") ?? []).contains("TAGS")
    guard let refs = req.strings("taskSets") else {
      return [
        "taskSets": .array(svc.taskSets.map { world.taskSetDocument($0, of: svc, tags: withTags) }),
        "failures": [],
      ]
    }
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      if let set = svc.taskSets.first(where: { $0.arn == ref || $0.id == ref }) {
        found.append(world.taskSetDocument(set, of: svc, tags: withTags))
      } else {
        failures.append(["arn": .string(ref), "reason": "MISSING"])
      }
    }
    return ["taskSets": .array(found), "failures": .array(failures)]
  }

  static func updateTaskSet(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (s, k) = try taskSetIndex(world, req, "taskSet")
    guard let scale = try scaleValue(req["scale"]) else {
      throw .invalidParameter("Scale must be specified.")
    }
    world.workloads.services[s].taskSets[k].scale = scale
    world.workloads.services[s].taskSets[k].updatedAt = world.clock.nowMillis
    world.workloads.services[s].taskSets[k].stabilityStatusAt = world.clock.nowMillis
    let svc = world.workloads.services[s]
    return ["taskSet": world.taskSetDocument(svc.taskSets[k], of: svc)]
  }

  static func deleteTaskSet(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (s, k) = try taskSetIndex(world, req, "taskSet")
    var set = world.workloads.services[s].taskSets[k]
    if set.scale > 0 && req.bool("force") != true {
      // UNCONFIRMED wording: without force a task set must be scaled to zero first.
      throw .invalidParameter(
        "The task set cannot be deleted while it is scaled above 0. Use force to delete it.")
    }
    set.status = "DRAINING"
    set.scale = 0
    set.updatedAt = world.clock.nowMillis
    set.stabilityStatusAt = world.clock.nowMillis
    world.workloads.services[s].taskSets.remove(at: k)
    for t in world.workloads.tasks.indices
    where world.workloads.tasks[t].deploymentId == set.id && world.workloads.tasks[t].isLive {
      world.requestStop(
        taskIndex: t, code: "ServiceSchedulerInitiated", reason: "Task set \(set.id) deleted")
    }
    return ["taskSet": world.taskSetDocument(set, of: world.workloads.services[s])]
  }

  static func updateServicePrimaryTaskSet(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (s, k) = try taskSetIndex(world, req, "primaryTaskSet")
    for j in world.workloads.services[s].taskSets.indices {
      world.workloads.services[s].taskSets[j].status = j == k ? "PRIMARY" : "ACTIVE"
    }
    world.workloads.services[s].taskSets[k].updatedAt = world.clock.nowMillis
    world.workloads.services[s].taskDefinitionArn =
      world.workloads.services[s].taskSets[k].taskDefinitionArn
    let svc = world.workloads.services[s]
    return ["taskSet": world.taskSetDocument(svc.taskSets[k], of: svc)]
  }

  // MARK: helpers

  static func externalService(_ world: World, _ req: Request) throws(AWSError) -> (Int, Cluster) {
    let cluster = try world.requireCluster(req.string("cluster"))
    let s = try world.serviceIndex(req.string("service") ?? "", cluster: cluster)
    guard world.workloads.services[s].isActive else { throw ServiceActions.notActive }
    guard world.workloads.services[s].deploymentController == "EXTERNAL" else { throw externalOnly }
    return (s, cluster)
  }

  static func taskSetIndex(_ world: World, _ req: Request, _ key: String) throws(AWSError) -> (
    Int, Int
  ) {
    let (s, _) = try externalService(world, req)
    let ref = req.string(key) ?? ""
    guard
      let k = world.workloads.services[s].taskSets.firstIndex(where: {
        $0.arn == ref || $0.id == ref
      })
    else {
      throw AWSError("TaskSetNotFoundException", "The specified task set does not exist.")
    }
    return (s, k)
  }

  /// `scale` as a percentage (0–100); nil when absent.
  static func scaleValue(_ json: JSONValue?) throws(AWSError) -> Double? {
    guard let json else { return nil }
    let value = json["value"]?.doubleValue ?? 0
    guard value >= 0, value <= 100 else {
      // UNCONFIRMED wording.
      throw .invalidParameter("Scale value must be between 0 and 100.")
    }
    return value
  }
}

extension World {
  /// A task set as DescribeTaskSets prints it.
  func taskSetDocument(_ set: TaskSet, of svc: Service, tags: Bool = false) -> JSONValue {
    func ts(_ ms: Int64) -> JSONValue { .string(Timestamp.iso8601(millis: ms)) }
    var running = 0
    var pending = 0
    for t in workloads.tasks where t.deploymentId == set.id && t.lastStatus != .stopped {
      if t.lastStatus == .running { running += 1 } else { pending += 1 }
    }
    let desired = set.computedDesiredCount(serviceDesired: svc.desiredCount)
    let steady = running == desired && pending == 0
    return jsonObject([
      ("id", .string(set.id)), ("taskSetArn", .string(set.arn)),
      ("serviceArn", .string(svc.arn)), ("clusterArn", .string(svc.clusterArn)),
      ("externalId", set.externalId.map { .string($0) }),
      ("status", .string(set.status)), ("taskDefinition", .string(set.taskDefinitionArn)),
      ("computedDesiredCount", .int(desired)), ("pendingCount", .int(pending)),
      ("runningCount", .int(running)), ("createdAt", ts(set.createdAt)),
      ("updatedAt", ts(set.updatedAt)),
      ("launchType", set.launchType.map { .string($0.rawValue) }),
      (
        "capacityProviderStrategy",
        set.capacityProviderStrategy.isEmpty
          ? JSONValue?.none : .array(set.capacityProviderStrategy.map(\.document))
      ),
      ("platformVersion", set.platformVersion.map { .string($0) }),
      ("networkConfiguration", set.networkConfiguration?.document),
      ("loadBalancers", .array(set.loadBalancers)),
      ("serviceRegistries", .array(set.serviceRegistries)),
      ("scale", ["value": .double(set.scale), "unit": "PERCENT"]),
      ("stabilityStatus", .string(steady ? "STEADY_STATE" : "STABILIZING")),
      ("stabilityStatusAt", ts(set.stabilityStatusAt)),
      ("tags", tags ? TaskDefinitionActions.tagsJSON(set.tags) : JSONValue?.none),
    ])
  }
}
