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
      launchType: req.string("launchType"), strategy: req.array("capacityProviderStrategy"),
      cluster: cluster)
    try world.checkCompatibility(def, launchType: target.launchType)
    let net = try world.networkSettings(
      req["networkConfiguration"], definition: def, launchType: target.launchType)
    let sizing = try WorkloadSizing(definition: def, overrides: req["overrides"])
    let constraints = try parseConstraints(req.array("placementConstraints") ?? [])
    let strategies = parseStrategies(req.array("placementStrategy") ?? [])
    if target.launchType == "FARGATE" && (!constraints.isEmpty || !strategies.isEmpty) {
      // UNCONFIRMED wording: Fargate does not support task placement (ecs-facts §2).
      throw .invalidParameter(
        "Task placement is not supported for tasks using the Fargate launch type.")
    }
    let group = req.string("group") ?? "family:\(def.family)"
    let tags = try ClusterActions.parseTags(req.array("tags") ?? [])
    if let message = world.unassumableRole(sizing) { throw .client(message) }
    var ctx = PlacementContext(world: world, clusterArn: cluster.arn)
    if target.launchType == "EC2" && ctx.eligible.isEmpty {
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
      if target.launchType == "FARGATE" {
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
    try world.checkCompatibility(def, launchType: "EC2")
    let net = try world.networkSettings(
      req["networkConfiguration"], definition: def, launchType: "EC2")
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
          target: LaunchTarget(launchType: "EC2", capacityProviderName: nil), net: net, group: group
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
      guard t.desiredStatus == desired else { return false }
      if let f = req.string("family"), t.family != f { return false }
      if let g = serviceGroup, t.group != g { return false }
      if let s = req.string("startedBy"), t.startedBy != s { return false }
      if let l = req.string("launchType"), t.launchType != l { return false }
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

func saturatingAdd(_ a: Int, _ b: Int) -> Int {
  let (r, overflow) = a.addingReportingOverflow(b)
  return overflow ? Int.max : r
}

/// Where a task runs: EC2 instances or Fargate, and through which capacity provider.
struct LaunchTarget {
  var launchType: String
  var capacityProviderName: String?
}

/// The awsvpc settings of a task.
struct NetworkSettings {
  var subnets: [Subnet] = []
  var securityGroups: [String] = []
  var assignPublicIp = false
}

/// CPU and memory a task reserves, after overrides.
struct WorkloadSizing {
  var cpu: Int
  var memory: Int
  var containerSizes: [(Int, Int?, Int?)]
  var overrides: JSONValue
  var taskRoleArn: String?
  var executionRoleArn: String?

  init(definition def: TaskDefinition, overrides: JSONValue?) throws(AWSError) {
    let o = overrides ?? .object([])
    var sizes = def.containers.map { ($0.cpu, $0.memory, $0.memoryReservation) }
    var containerOverrides: [JSONValue] = []
    for co in o["containerOverrides"]?.arrayValue ?? [] {
      guard let name = co["name"]?.stringValue,
        let k = def.containers.firstIndex(where: { $0.name == name })
      else {
        throw .invalidParameter(
          "Override for container named \(co["name"]?.stringValue ?? "") is not a container in the TaskDefinition."
        )
      }
      if let c = co["cpu"]?.intValue { sizes[k].0 = c }
      if let m = co["memory"]?.intValue { sizes[k].1 = m }
      if let r = co["memoryReservation"]?.intValue { sizes[k].2 = r }
      containerOverrides.append(co)
    }
    // DescribeTasks lists every container in overrides, with at least its name.
    let listed = def.containers.map { c -> JSONValue in
      containerOverrides.first { $0["name"]?.stringValue == c.name } ?? ["name": .string(c.name)]
    }
    let taskCpu = o["cpu"]?.stringValue.flatMap(TaskSize.cpuUnits) ?? def.cpu
    let taskMemory = o["memory"]?.stringValue.flatMap(TaskSize.memoryMiB) ?? def.memory
    // Saturating sums: an absurd override must fail placement, not trap.
    cpu = taskCpu ?? sizes.reduce(0) { saturatingAdd($0, max(0, $1.0)) }
    memory = taskMemory ?? sizes.reduce(0) { saturatingAdd($0, max(0, $1.2 ?? $1.1 ?? 0)) }
    containerSizes = sizes
    taskRoleArn = o["taskRoleArn"]?.stringValue ?? def.taskRoleArn
    executionRoleArn = o["executionRoleArn"]?.stringValue ?? def.executionRoleArn
    self.overrides = jsonObject([
      ("containerOverrides", .array(listed)),
      ("cpu", o["cpu"]), ("executionRoleArn", o["executionRoleArn"]),
      ("inferenceAcceleratorOverrides", .array([])),
      ("memory", o["memory"]), ("taskRoleArn", o["taskRoleArn"]),
    ])
  }

  func launch(
    definition: TaskDefinition, clusterArn: String, target: LaunchTarget, net: NetworkSettings,
    group: String
  ) -> TaskLaunch {
    TaskLaunch(
      definition: definition, clusterArn: clusterArn, launchType: target.launchType,
      capacityProviderName: target.capacityProviderName, instance: nil, bindings: [],
      subnet: nil, assignPublicIp: net.assignPublicIp, overrides: overrides, group: group,
      startedBy: nil, serviceArn: nil, deploymentId: nil, tags: [],
      platformVersion: target.launchType == "FARGATE" ? "1.4.0" : nil, enableExecuteCommand: false,
      cpu: cpu, memory: memory, containerSizes: containerSizes, taskRoleArn: taskRoleArn,
      executionRoleArn: executionRoleArn, securityGroups: net.securityGroups)
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
    guard taskDefinitions[i].status == "ACTIVE" else {
      // UNCONFIRMED: ECS runs INACTIVE revisions named explicitly; we ask for ACTIVE ones.
      throw .client("TaskDefinition is inactive")
    }
    return taskDefinitions[i]
  }

  /// The launch type from `launchType`, a capacity provider strategy, or the cluster default.
  func launchTarget(launchType: String?, strategy: [JSONValue]?, cluster: Cluster)
    throws(AWSError) -> LaunchTarget
  {
    if launchType != nil && !(strategy ?? []).isEmpty {
      throw .invalidParameter(
        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again."
      )
    }
    if let lt = launchType {
      guard ["EC2", "FARGATE", "EXTERNAL"].contains(lt) else {
        throw .invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL.")
      }
      return LaunchTarget(launchType: lt == "EXTERNAL" ? "EC2" : lt, capacityProviderName: nil)
    }
    let items =
      (strategy ?? []).isEmpty ? cluster.defaultCapacityProviderStrategy : (strategy ?? [])
    // The provider with the largest base, then weight, takes the (first) task.
    let ranked = items.sorted {
      ($0["base"]?.intValue ?? 0, $0["weight"]?.intValue ?? 0)
        > ($1["base"]?.intValue ?? 0, $1["weight"]?.intValue ?? 0)
    }
    if let name = ranked.first?["capacityProvider"]?.stringValue {
      if !(strategy ?? []).isEmpty && !cluster.capacityProviders.contains(name) {
        throw .invalidParameter(
          "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again."
        )
      }
      let fargate = name == "FARGATE" || name == "FARGATE_SPOT"
      return LaunchTarget(launchType: fargate ? "FARGATE" : "EC2", capacityProviderName: name)
    }
    return LaunchTarget(launchType: "EC2", capacityProviderName: nil)
  }

  func checkCompatibility(_ def: TaskDefinition, launchType: String) throws(AWSError) {
    if !def.compatibilities.contains(launchType) {
      throw .invalidParameter("Task definition does not support launch_type \(launchType).")
    }
  }

  /// Validates `networkConfiguration` against the task definition's network mode (ecs-facts §5).
  func networkSettings(_ config: JSONValue?, definition def: TaskDefinition, launchType: String)
    throws(AWSError) -> NetworkSettings
  {
    let vpc = config?["awsvpcConfiguration"]
    guard def.networkMode == "awsvpc" else {
      if vpc != nil {
        throw .invalidParameter(
          "Network Configuration is not valid for the given networkMode of this task definition.")
      }
      return NetworkSettings()
    }
    guard let vpc else {
      throw .invalidParameter(
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.")
    }
    var out = NetworkSettings()
    out.assignPublicIp = vpc["assignPublicIp"]?.stringValue == "ENABLED"
    if out.assignPublicIp && launchType != "FARGATE" {
      throw .invalidParameter("Assign public IP is not supported for this launch type.")
    }
    let ids = vpc["subnets"]?.arrayValue?.compactMap(\.stringValue) ?? []
    guard !ids.isEmpty else { throw .invalidParameter("subnets can not be empty.") }
    guard ids.count <= 16 else {
      throw .invalidParameter("subnets can have at most 16 items.")
    }
    for id in ids {
      guard let s = subnets.first(where: { $0.subnetId == id }) else {
        // UNCONFIRMED: AWS wraps the EC2 error; shortened.
        throw .invalidParameter(
          "Error retrieving subnet information for [\(id)]: The subnet ID '\(id)' does not exist")
      }
      out.subnets.append(s)
    }
    out.securityGroups = vpc["securityGroups"]?.arrayValue?.compactMap(\.stringValue) ?? []
    guard out.securityGroups.count <= 5 else {
      throw .invalidParameter("securityGroups can have at most 5 items.")
    }
    for g in out.securityGroups where !securityGroups.contains(where: { $0.groupId == g }) {
      // UNCONFIRMED: AWS wraps the EC2 error; shortened.
      throw .invalidParameter(
        "Error retrieving security group information for [\(g)]: The security group '\(g)' does not exist"
      )
    }
    return out
  }

  /// The message ECS gives when the task or execution role cannot be assumed by ECS tasks (missing,
  /// or a trust policy without ecs-tasks.amazonaws.com); nil when both are fine (ecs-facts §4).
  func unassumableRole(_ sizing: WorkloadSizing) -> String? {
    for ref in [sizing.taskRoleArn, sizing.executionRoleArn].compactMap({ $0 }) {
      if !roleTrusts(ref, service: "ecs-tasks.amazonaws.com") {
        return
          "ECS was unable to assume the role '\(ref)' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role."
      }
    }
    return nil
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
        (
          "networkBindings",
          .array(
            t.lastStatus == "RUNNING" || t.eni == nil && c.runtimeId != nil
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
    let fargate = t.launchType == "FARGATE"
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
      ("desiredStatus", .string(t.desiredStatus)),
      ("enableExecuteCommand", .bool(t.enableExecuteCommand)),
      ("ephemeralStorage", fargate ? ["sizeInGiB": 20] : JSONValue?.none),
      ("executionStoppedAt", ts(t.executionStoppedAt)),
      ("group", .string(t.group)),
      ("healthStatus", .string(t.healthStatus)),
      ("lastStatus", .string(t.lastStatus)),
      ("launchType", .string(t.launchType)),
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
