/// RunTask, StartTask, StopTask, DescribeTasks, ListTasks.
enum TaskActions {
  static let table: [String: ActionHandler] = [
    "RunTask": runTask,
    "StartTask": startTask,
    "StopTask": stopTask,
    "DescribeTasks": describeTasks,
    "ListTasks": listTasks,
  ]

  static func runTask(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let def = try world.runnableDefinition(req.string("taskDefinition") ?? "")
    let count = req.int("count") ?? 1
    guard (1...10).contains(count) else {
      // UNCONFIRMED wording; the limit is from botocore (RunTaskRequest.count).
      throw .invalidParameter("The count must be between 1 and 10.")
    }
    let target = try world.launchTarget(
      launchType: req.string("launchType"),
      strategy: CapacityProviderStrategyItem.list(req.array("capacityProviderStrategy")),
      cluster: cluster)
    try world.checkCompatibility(def, launchType: target.launchType)
    let net = try world.networkSettings(
      NetworkConfiguration(req["networkConfiguration"]), definition: def,
      launchType: target.launchType)
    let sizing = try WorkloadSizing(definition: def, overrides: req["overrides"])
    let constraints = try parseConstraints(req.array("placementConstraints") ?? [])
    let strategies = parseStrategies(req.array("placementStrategy") ?? [])
    if target.launchType == .fargate && (!constraints.isEmpty || !strategies.isEmpty) {
      // UNCONFIRMED wording: Fargate does not support task placement (ecs-facts §2).
      throw .invalidParameter(
        "Task placement is not supported for tasks using the Fargate launch type.")
    }
    let group = req.string("group") ?? "family:\(def.family)"
    let tags = try ClusterActions.parseTags(req.array("tags") ?? [])
    if let message = world.unassumableRole(sizing) { throw .client(message) }
    var ctx = PlacementContext(world: world, clusterArn: cluster.arn)
    if target.launchType == .ec2 && ctx.eligible.isEmpty {
      throw .invalidParameter("No Container Instances were found in your cluster.")
    }
    var tasks: [JSONValue] = []
    var failures: [JSONValue] = []
    var spread = FargateSpread(world: world, group: group)
    for _ in 0..<count {
      var launch = sizing.launch(
        definition: def, clusterArn: cluster.arn, target: target, net: net, group: group)
      launch.startedBy = req.string("startedBy")
      launch.tags = tags
      launch.enableExecuteCommand = req.bool("enableExecuteCommand") ?? false
      if target.launchType == .fargate {
        launch.subnet = spread.pick(net.subnets)
      } else {
        let need = PlacementNeed(
          cpu: sizing.cpu, memory: sizing.memory, portMappings: def.containers.map(\.portMappings),
          networkMode: def.networkMode, group: group, constraints: constraints,
          strategies: strategies.isEmpty ? [PlacementStrategy(type: "random")] : strategies)
        switch Scheduler.place(need, in: &ctx) {
        case .placed(let ci, let bindings):
          launch.instance = ci
          launch.bindings = bindings
          launch.subnet = net.subnets.first
        case .failed(let rejected):
          for r in rejected {
            let f: JSONValue = [
              "arn": .string(r.instance.arn), "reason": .string(r.reason.rawValue),
            ]
            if !failures.contains(f) { failures.append(f) }
          }
          continue
        case .noInstances:
          failures.append(["reason": "No Container Instances were found in your cluster."])
          continue
        }
      }
      world.random = ctx.random
      let i = world.launchTask(launch)
      ctx.random = world.random
      tasks.append(world.taskDocument(world.workloads.tasks[i]))
    }
    world.random = ctx.random
    return ["tasks": .array(tasks), "failures": .array(failures)]
  }

  /// StartTask: like RunTask, on the container instances the caller names.
  static func startTask(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let def = try world.runnableDefinition(req.string("taskDefinition") ?? "")
    try world.checkCompatibility(def, launchType: .ec2)
    let net = try world.networkSettings(
      NetworkConfiguration(req["networkConfiguration"]), definition: def, launchType: .ec2)
    let sizing = try WorkloadSizing(definition: def, overrides: req["overrides"])
    let refs = req.strings("containerInstances") ?? []
    let group = req.string("group") ?? "family:\(def.family)"
    let tags = try ClusterActions.parseTags(req.array("tags") ?? [])
    var tasks: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      guard
        let ci = world.capacity.containerInstances.first(where: {
          $0.clusterArn == cluster.arn && ($0.arn == ref || $0.id == ref)
        })
      else {
        failures.append(["arn": .string(ref), "reason": "MISSING"])
        continue
      }
      var ctx = PlacementContext(world: world, clusterArn: cluster.arn)
      ctx.only = ctx.index(of: ci.arn).map { [$0] } ?? []
      let need = PlacementNeed(
        cpu: sizing.cpu, memory: sizing.memory, portMappings: def.containers.map(\.portMappings),
        networkMode: def.networkMode, group: group, constraints: [], strategies: [])
      switch Scheduler.place(need, in: &ctx) {
      case .placed(let placed, let bindings):
        var launch = sizing.launch(
          definition: def, clusterArn: cluster.arn,
          target: LaunchTarget(launchType: .ec2, capacityProviderName: nil), net: net, group: group
        )
        launch.instance = placed
        launch.bindings = bindings
        launch.subnet = net.subnets.first
        launch.startedBy = req.string("startedBy")
        launch.tags = tags
        let i = world.launchTask(launch)
        tasks.append(world.taskDocument(world.workloads.tasks[i]))
      case .failed(let rejected):
        for r in rejected {
          failures.append(["arn": .string(r.instance.arn), "reason": .string(r.reason.rawValue)])
        }
      case .noInstances:
        failures.append(["arn": .string(ci.arn), "reason": "INACTIVE"])
      }
    }
    return ["tasks": .array(tasks), "failures": .array(failures)]
  }

  static func stopTask(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let ref = req.string("task") ?? ""
    guard let i = world.taskIndex(ref, clusterArn: cluster.arn) else {
      throw .invalidParameter("The referenced task was not found.")
    }
    let reason = req.string("reason") ?? "Task stopped by user"
    world.requestStop(taskIndex: i, code: "UserInitiated", reason: reason)
    return ["task": world.taskDocument(world.workloads.tasks[i])]
  }

  static func describeTasks(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let refs = req.strings("tasks") ?? []
    guard refs.count <= 100 else {
      throw .invalidParameter("Tasks cannot have more than 100 elements")
    }
    var found: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in refs {
      if let i = world.taskIndex(ref, clusterArn: cluster.arn) {
        found.append(world.taskDocument(world.workloads.tasks[i]))
      } else {
        let arn =
          ref.hasPrefix("arn:")
          ? ref : world.arn(service: "ecs", resource: "task/\(cluster.name)/\(ref)")
        failures.append(["arn": .string(arn), "reason": "MISSING"])
      }
    }
    return ["tasks": .array(found), "failures": .array(failures)]
  }

  static func listTasks(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    let desired = req.string("desiredStatus") ?? "RUNNING"
    var serviceGroup: String?
    if let s = req.string("serviceName") {
      let name = s.hasPrefix("arn:") ? String(s.split(separator: "/").last ?? "") : s
      serviceGroup = "service:" + name
    }
    let ciRef = req.string("containerInstance")
    let arns = world.workloads.tasks.filter { t in
      guard t.clusterArn == cluster.arn else { return false }
      // ECS accepts PENDING as a filter but no task is ever desired PENDING.
      guard t.desiredStatus.rawValue == desired else { return false }
      if let f = req.string("family"), t.family != f { return false }
      if let g = serviceGroup, t.group != g { return false }
      if let s = req.string("startedBy"), t.startedBy != s { return false }
      if let l = req.string("launchType"), t.launchType.rawValue != l { return false }
      if let c = ciRef, t.containerInstanceArn != c,
        t.containerInstanceArn?.hasSuffix("/" + c) != true
      {
        return false
      }
      return true
    }.map { JSONValue.string($0.arn) }
    return try paginate(arns, key: "taskArns", req)
  }

  static func parseConstraints(_ items: [JSONValue]) throws(AWSError) -> [PlacementConstraint] {
    var out: [PlacementConstraint] = []
    for item in items {
      let type = item["type"]?.stringValue ?? ""
      let expr = item["expression"]?.stringValue
      switch type {
      case "distinctInstance":
        if expr != nil {
          // UNCONFIRMED wording.
          throw .invalidParameter(
            "Expression is not supported with the distinctInstance constraint type.")
        }
      case "memberOf":
        guard let e = expr else {
          throw .invalidParameter("Expression must be specified for the memberOf constraint type.")
        }
        do { _ = try ClusterQuery.parse(e) } catch {
          // UNCONFIRMED wording.
          throw .invalidParameter("Invalid placement constraint expression: \(e)")
        }
      default:
        throw .invalidParameter("Invalid placement constraint type: \(type)")
      }
      out.append(PlacementConstraint(type: type, expression: expr))
    }
    if out.count > 10 {
      throw .invalidParameter("Too many placement constraints. The limit is 10.")
    }
    return out
  }

  static func parseStrategies(_ items: [JSONValue]) -> [PlacementStrategy] {
    items.map {
      PlacementStrategy(type: $0["type"]?.stringValue ?? "", field: $0["field"]?.stringValue)
    }
  }
}

extension World {
  /// The ACTIVE cluster named by `ref` (default "default"), or ClusterNotFoundException.
  func requireCluster(_ ref: String?) throws(AWSError) -> Cluster {
    guard let c = cluster(ref ?? "default") else { throw .clusterNotFound }
    return c
  }

  /// The task definition a task or service may use (family = latest ACTIVE revision).
  func runnableDefinition(_ reference: String) throws(AWSError) -> TaskDefinition {
    guard let i = taskDefinitionIndex(reference: reference) else {
      throw .client("TaskDefinition not found.")
    }
    guard taskDefinitions[i].status == .active else {
      // UNCONFIRMED: ECS runs INACTIVE revisions named explicitly; we ask for ACTIVE ones.
      throw .client("TaskDefinition is inactive")
    }
    return taskDefinitions[i]
  }

  /// The index of the task `ref` (ID or ARN) in a cluster.
  func taskIndex(_ ref: String, clusterArn: String) -> Int? {
    workloads.tasks.lastIndex { $0.clusterArn == clusterArn && ($0.arn == ref || $0.id == ref) }
  }

  /// The task as DescribeTasks prints it.
  public func taskDocument(_ t: ECSTask) -> JSONValue {
    func ts(_ ms: Int64?) -> JSONValue? { ms.map { .string(Timestamp.iso8601(millis: $0)) } }
    var attachments: [JSONValue] = []
    if let e = t.eni {
      attachments.append([
        "id": .string(e.attachmentId), "type": "ElasticNetworkInterface",
        "status": .string(e.status),
        "details": [
          ["name": "subnetId", "value": .string(e.subnetId)],
          ["name": "networkInterfaceId", "value": .string(e.eniId)],
          ["name": "macAddress", "value": .string(e.macAddress)],
          [
            "name": "privateDnsName",
            "value": .string(
              "ip-\(e.privateIp.split(separator: ".").joined(separator: "-")).ec2.internal"),
          ],
          ["name": "privateIPv4Address", "value": .string(e.privateIp)],
        ],
      ])
    }
    let containers: [JSONValue] = t.containers.map { c in
      jsonObject([
        ("containerArn", .string(c.arn)), ("taskArn", .string(t.arn)), ("name", .string(c.name)),
        ("image", .string(c.image)), ("imageDigest", c.imageDigest.map { .string($0) }),
        ("runtimeId", c.runtimeId.map { .string($0) }), ("lastStatus", .string(c.lastStatus)),
        ("exitCode", c.exitCode.map { .int($0) }), ("reason", c.reason.map { .string($0) }),
        ("managedAgents", managedAgents(t, c)),
        (
          "networkBindings",
          .array(
            // awsvpc tasks (EC2 and Fargate) hold their ports on the ENI: networkBindings is [].
            t.eni == nil && (t.lastStatus == .running || c.runtimeId != nil)
              ? c.bindings.map {
                [
                  "bindIP": "0.0.0.0", "containerPort": .int($0.containerPort),
                  "hostPort": .int($0.hostPort), "protocol": .string($0.protocol),
                ]
              } : [])
        ),
        (
          "networkInterfaces",
          .array(
            t.eni.map {
              [
                [
                  "attachmentId": .string($0.attachmentId),
                  "privateIpv4Address": .string($0.privateIp),
                ]
              ]
            }
              ?? [])
        ),
        ("healthStatus", .string(c.healthStatus)), ("cpu", .string(String(c.cpu))),
        ("memory", c.memory.map { .string(String($0)) }),
        ("memoryReservation", c.memoryReservation.map { .string(String($0)) }),
      ])
    }
    let fargate = t.launchType == .fargate
    return jsonObject([
      ("attachments", .array(attachments)),
      ("attributes", [["name": "ecs.cpu-architecture", "value": "x86_64"]]),
      ("availabilityZone", .string(t.availabilityZone)),
      ("capacityProviderName", t.capacityProviderName.map { .string($0) }),
      ("clusterArn", .string(t.clusterArn)),
      ("connectivity", t.connectivityAt.map { _ in "CONNECTED" }),
      ("connectivityAt", ts(t.connectivityAt)),
      ("containerInstanceArn", t.containerInstanceArn.map { .string($0) }),
      ("containers", .array(containers)),
      ("cpu", .string(t.cpuText ?? String(t.cpu))),
      ("createdAt", ts(t.createdAt)),
      ("desiredStatus", .string(t.desiredStatus.rawValue)),
      ("enableExecuteCommand", .bool(t.enableExecuteCommand)),
      ("ephemeralStorage", fargate ? ["sizeInGiB": 20] : JSONValue?.none),
      ("executionStoppedAt", ts(t.executionStoppedAt)),
      ("group", .string(t.group)),
      ("healthStatus", .string(t.healthStatus)),
      ("lastStatus", .string(t.lastStatus.rawValue)),
      ("launchType", .string(t.launchType.rawValue)),
      ("memory", .string(t.memoryText ?? String(t.memory))),
      ("overrides", t.overrides),
      ("platformFamily", fargate ? "Linux" : JSONValue?.none),
      ("platformVersion", t.platformVersion.map { .string($0) }),
      ("pullStartedAt", ts(t.pullStartedAt)),
      ("pullStoppedAt", ts(t.pullStoppedAt)),
      ("startedAt", ts(t.startedAt)),
      ("startedBy", t.startedBy.map { .string($0) }),
      ("stopCode", t.stopCode.map { .string($0) }),
      ("stoppedAt", ts(t.stoppedAt)),
      ("stoppedReason", t.stoppedReason.map { .string($0) }),
      ("stoppingAt", ts(t.stoppingAt)),
      ("tags", TaskDefinitionActions.tagsJSON(t.tags)),
      ("taskArn", .string(t.arn)),
      ("taskDefinitionArn", .string(t.taskDefinitionArn)),
      ("version", .int(t.version)),
    ])
  }
}
