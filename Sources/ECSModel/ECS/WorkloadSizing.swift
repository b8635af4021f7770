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
      platformVersion: target.launchType == .fargate ? "1.4.0" : nil, enableExecuteCommand: false,
      cpu: cpu, memory: memory, containerSizes: containerSizes, taskRoleArn: taskRoleArn,
      executionRoleArn: executionRoleArn, securityGroups: net.securityGroups)
  }
}

func saturatingAdd(_ a: Int, _ b: Int) -> Int {
  let (r, overflow) = a.addingReportingOverflow(b)
  return overflow ? Int.max : r
}
