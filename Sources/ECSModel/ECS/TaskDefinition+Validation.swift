/// A RegisterTaskDefinition request that passed every rule: the typed fields, the container
/// documents with ECS's defaults filled in, and what ECS computes (compatibilities, attributes).
struct TaskDefinitionDraft: Sendable, Equatable {
  var family: String
  var networkMode: NetworkMode
  var cpu: Int?
  var memory: Int?
  var taskRoleArn: String?
  var executionRoleArn: String?
  /// nil when the request left `requiresCompatibilities` out (the document then omits it).
  var requiresCompatibilities: [String]?
  var compatibilities: [String]
  var requiresAttributes: [String]
  var containers: [ContainerSpec]
  var containerDocuments: [JSONValue]
  var tags: [Tag]
}

/// The rules RegisterTaskDefinition applies (shared/ecs-facts.md §1–§3). Every failure is a
/// ClientException; texts marked UNCONFIRMED are our best wording where AWS's is not known.
enum TaskDefinitionValidation {
  static let compatibilityValues = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"]
  static let logDrivers = [
    "json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens",
  ]
  static let fargateLogDrivers = ["awslogs", "splunk", "awsfirelens"]
  static let dependencyConditions = ["START", "COMPLETE", "SUCCESS", "HEALTHY"]
  /// Container parameters Fargate refuses (DG:AWS_Fargate), checked when present and not
  /// false/empty.
  static let fargateUnsupportedContainerParameters = [
    "links", "privileged", "dockerSecurityOptions", "extraHosts", "dnsServers",
    "dnsSearchDomains", "disableNetworking",
  ]

  static func validate(_ request: Request) throws(AWSError) -> TaskDefinitionDraft {
    let family = request.string("family") ?? ""
    guard isResourceName(family) else {
      // UNCONFIRMED: exact wording for a bad family name.
      throw .client(
        "Family contains invalid characters or is too long. Up to 255 letters (uppercase and"
          + " lowercase), numbers, underscores, and hyphens are allowed.")
    }

    let networkModeText = request.string("networkMode") ?? "bridge"
    guard let networkMode = NetworkMode(rawValue: networkModeText) else {
      // UNCONFIRMED: ECS's text for an unknown network mode (ecs-facts §11.11).
      throw .client(
        "Invalid networkMode '\(networkModeText)'. Valid values are bridge, host, awsvpc and none.")
    }

    let requires = request.strings("requiresCompatibilities")
    for value in requires ?? [] where !compatibilityValues.contains(value) {
      // UNCONFIRMED: wording for an unknown compatibility.
      throw .client(
        "Invalid requiresCompatibilities value '\(value)'. Valid values are EC2, FARGATE,"
          + " EXTERNAL and MANAGED_INSTANCES.")
    }
    let wantsFargate = requires?.contains("FARGATE") ?? false

    let taskRoleArn = nonEmpty(request.string("taskRoleArn"))
    let executionRoleArn = nonEmpty(request.string("executionRoleArn"))

    var cpu: Int?
    // The model types both as strings; an integer is read the same way rather than dropped.
    if let text = request.string("cpu") ?? request.int("cpu").map(String.init) {
      // Confirmed text: DG task-cpu-memory-error ("Invalid 'cpu' setting for task. ...").
      guard let units = TaskSize.cpuUnits(text), wantsFargate || (128...196_608).contains(units)
      else { throw .client(invalidTaskSetting("cpu")) }
      cpu = units
    }
    var memory: Int?
    if let text = request.string("memory") ?? request.int("memory").map(String.init) {
      // UNCONFIRMED: the memory twin of the confirmed cpu text.
      guard let mib = TaskSize.memoryMiB(text), mib >= 6 else {
        throw .client(invalidTaskSetting("memory"))
      }
      memory = mib
    }

    let inputs = request.array("containerDefinitions") ?? []
    guard !inputs.isEmpty else {
      // UNCONFIRMED: wording for an empty container list.
      throw .client("Container list cannot be empty.")
    }
    if let error = FireLens.registrationError(inputs) { throw error }
    var names: [String] = []
    for input in inputs {
      let name = input.presentMember("name")?.stringValue ?? ""
      guard !name.isEmpty else {
        // UNCONFIRMED: modelled on the confirmed image text below.
        throw .client("Container.name should not be null or empty.")
      }
      guard isResourceName(name) else {
        // UNCONFIRMED
        throw .client(
          "Invalid container name '\(name)'. Up to 255 letters (uppercase and lowercase),"
            + " numbers, underscores, and hyphens are allowed.")
      }
      guard !(input.presentMember("image")?.stringValue ?? "").isEmpty else {
        throw .client("Container.image should not be null or empty.")
      }
      guard !names.contains(name) else {
        // UNCONFIRMED
        throw .client("Duplicate container name '\(name)'. Container names must be unique.")
      }
      names.append(name)
    }

    if wantsFargate {
      // UNCONFIRMED quotes: reports differ; most copies of real output (and
      // shared/ecs-pain-points.md) show curly ones, so we print ‘awsvpc’.
      guard networkMode == .awsvpc else {
        throw .client("Fargate only supports network mode ‘awsvpc’.")
      }
      guard let cpu else {
        throw .client("Fargate requires that 'cpu' be defined at the task level.")
      }
      // UNCONFIRMED (partly confirmed): the memory twin of the cpu text.
      guard let memory else {
        throw .client("Fargate requires that 'memory' be defined at the task level.")
      }
      guard TaskSize.isFargateSize(cpu: cpu, memory: memory) else {
        throw .client(
          "No Fargate configuration exists for given values: \(cpu) CPU, \(memory) memory."
            + " See the Amazon ECS documentation for the valid values.")
      }
    }

    var containers: [ContainerSpec] = []
    var documents: [JSONValue] = []
    for input in inputs {
      let (spec, document) = try container(input, networkMode: networkMode, taskMemory: memory)
      containers.append(spec)
      documents.append(document)
    }
    try checkDependencies(containers)
    try checkSizes(containers, taskCPU: cpu, taskMemory: memory)
    try checkVolumes(inputs, request: request)
    guard containers.contains(where: \.essential) else {
      // UNCONFIRMED: ECS's text; the wording follows the Developer Guide's rule.
      throw .client("All tasks must have at least one essential container.")
    }
    if containers.contains(where: { !$0.secrets.isEmpty }), executionRoleArn == nil {
      throw .client(
        "When you are specifying container secrets, you must also specify a value for"
          + " 'executionRoleArn'.")
    }

    let usesECR = containers.contains { isECRImage($0.image) }
    let usesAwslogs = containers.contains { $0.logDriver == "awslogs" }
    let unsupported = fargateUnsupported(inputs, request: request)
    if wantsFargate {
      if usesECR, executionRoleArn == nil {
        throw .client(
          "Fargate requires task definition to have execution role ARN to support ECR images.")
      }
      if usesAwslogs, executionRoleArn == nil {
        throw .client(
          "Fargate requires task definition to have execution role ARN to support log driver awslogs."
        )
      }
      if let driver = containers.compactMap(\.logDriver).first(where: {
        !fargateLogDrivers.contains($0)
      }) {
        // UNCONFIRMED
        throw .client(
          "Log driver '\(driver)' is not supported on Fargate. Supported log drivers are awslogs,"
            + " splunk and awsfirelens.")
      }
      if let parameter = unsupported {
        // UNCONFIRMED
        throw .client("Fargate does not support the '\(parameter)' parameter.")
      }
    }

    let fargateFit =
      networkMode == .awsvpc && unsupported == nil
      && cpu.flatMap { c in memory.map { TaskSize.isFargateSize(cpu: c, memory: $0) } } == true
      && containers.allSatisfy { $0.logDriver.map(fargateLogDrivers.contains) ?? true }
      && (executionRoleArn != nil || (!usesECR && !usesAwslogs))
    var compatibilities = networkMode == .awsvpc ? ["EC2"] : ["EXTERNAL", "EC2"]
    if fargateFit { compatibilities.append("FARGATE") }
    if requires?.contains("MANAGED_INSTANCES") == true {
      compatibilities.append("MANAGED_INSTANCES")
    }
    for value in requires ?? [] where !compatibilities.contains(value) {
      // UNCONFIRMED: reached for EXTERNAL with awsvpc (ECS Anywhere has no awsvpc).
      throw .client(
        "Task definition does not support launch type \(value) with network mode '\(networkMode.rawValue)'."
      )
    }

    return TaskDefinitionDraft(
      family: family, networkMode: networkMode, cpu: cpu, memory: memory,
      taskRoleArn: taskRoleArn, executionRoleArn: executionRoleArn,
      requiresCompatibilities: requires, compatibilities: compatibilities,
      requiresAttributes: requiredAttributes(
        containers: containers, networkMode: networkMode, taskRoleArn: taskRoleArn,
        executionRoleArn: executionRoleArn),
      containers: containers, containerDocuments: documents,
      tags: (request.array("tags") ?? []).map {
        Tag(
          key: $0.presentMember("key")?.stringValue ?? "",
          value: $0.presentMember("value")?.stringValue ?? "")
      })
  }

  // MARK: - One container

  static func container(_ input: JSONValue, networkMode: NetworkMode, taskMemory: Int?)
    throws(AWSError) -> (ContainerSpec, JSONValue)
  {
    let name = input.presentMember("name")?.stringValue ?? ""
    let image = input.presentMember("image")?.stringValue ?? ""
    func bad(_ detail: String) -> AWSError {
      .client("Invalid setting for container '\(name)'. \(detail)")
    }

    let cpu = input.presentMember("cpu")?.intValue ?? 0
    let memory = input.presentMember("memory")?.intValue
    let reservation = input.presentMember("memoryReservation")?.intValue
    // UNCONFIRMED: texts for negative values.
    guard cpu >= 0 else { throw bad("'cpu' must not be negative.") }
    if taskMemory == nil, memory == nil, reservation == nil {
      throw bad("At least one of 'memory' or 'memoryReservation' must be specified.")
    }
    if let memory, memory <= 0 { throw bad("'memory' must be greater than 0.") }
    if let reservation, reservation <= 0 {
      throw bad("'memoryReservation' must be greater than 0.")
    }
    if let memory, let reservation, memory <= reservation {
      // UNCONFIRMED: the model says memory must be greater than memoryReservation (facts §11.6).
      throw bad("'memory' must be greater than 'memoryReservation'.")
    }

    if input.presentMember("links") != nil, networkMode != .bridge,
      !(input.presentMember("links")?.arrayValue?.isEmpty ?? true)
    {
      // UNCONFIRMED
      throw bad("'links' are only supported when networkMode=bridge.")
    }

    let (ports, portDocuments) = try portMappings(
      input.presentMember("portMappings")?.arrayValue ?? [], networkMode: networkMode, bad: bad)

    var environment: [NameValue] = []
    for pair in input.presentMember("environment")?.arrayValue ?? [] {
      environment.append(
        NameValue(
          name: pair.presentMember("name")?.stringValue ?? "",
          value: pair.presentMember("value")?.stringValue ?? ""))
    }

    var secrets: [NameValue] = []
    for secret in input.presentMember("secrets")?.arrayValue ?? [] {
      let secretName = secret.presentMember("name")?.stringValue ?? ""
      let valueFrom = secret.presentMember("valueFrom")?.stringValue ?? ""
      guard !secretName.isEmpty, !valueFrom.isEmpty else {
        // UNCONFIRMED
        throw bad("Each secret must specify both 'name' and 'valueFrom'.")
      }
      secrets.append(NameValue(name: secretName, value: valueFrom))
    }

    var logDriver: String?
    var logOptions: [NameValue] = []
    if let log = input.presentMember("logConfiguration") {
      let driver = log.presentMember("logDriver")?.stringValue ?? ""
      guard logDrivers.contains(driver) else {
        // UNCONFIRMED
        throw bad(
          "Log driver '\(driver)' is not valid. Valid values are json-file, syslog, journald,"
            + " gelf, fluentd, awslogs, splunk and awsfirelens.")
      }
      for (key, value) in log.presentMember("options")?.objectValue ?? [] {
        logOptions.append(NameValue(name: key, value: value.stringValue ?? ""))
      }
      if driver == "awslogs" {
        let missing = ["awslogs-group", "awslogs-region"].filter { option in
          !logOptions.contains { $0.name == option && !$0.value.isEmpty }
        }
        if !missing.isEmpty {
          // UNCONFIRMED
          throw bad(
            "The awslogs log driver requires the option(s) "
              + missing.map { "'\($0)'" }.joined(separator: " and ") + ".")
        }
      }
      logDriver = driver
    }

    var healthCheck: HealthCheckSpec?
    var healthDocument: JSONValue?
    if let check = input.presentMember("healthCheck") {
      let spec = try self.healthCheck(check, bad: bad)
      healthCheck = spec
      healthDocument = jsonObject([
        ("command", .array(spec.command.map(JSONValue.string))),
        ("interval", .int(spec.interval)),
        ("timeout", .int(spec.timeout)),
        ("retries", .int(spec.retries)),
        ("startPeriod", spec.startPeriod.map(JSONValue.int)),
      ])
    }

    var dependsOn: [NameValue] = []
    for dependency in input.presentMember("dependsOn")?.arrayValue ?? [] {
      dependsOn.append(
        NameValue(
          name: dependency.presentMember("containerName")?.stringValue ?? "",
          value: dependency.presentMember("condition")?.stringValue ?? ""))
    }

    var spec = ContainerSpec(
      name: name, image: image, cpu: cpu, memory: memory, memoryReservation: reservation,
      essential: input.presentMember("essential")?.boolValue ?? true, portMappings: ports)
    spec.environmentPairs = environment
    spec.secrets = secrets
    spec.logDriver = logDriver
    spec.logOptions = logOptions
    spec.dependsOn = dependsOn
    spec.healthCheck = healthCheck

    let document = TaskDefinitionDocument.container(
      input, portMappings: portDocuments, healthCheck: healthDocument)
    return (spec, document)
  }

  static func portMappings(
    _ inputs: [JSONValue], networkMode: NetworkMode, bad: (String) -> AWSError
  ) throws(AWSError) -> ([PortMapping], [JSONValue]) {
    if networkMode == .none, !inputs.isEmpty {
      // UNCONFIRMED (ecs-facts §11.11): modelled on the confirmed awsvpc text.
      throw .client("When networkMode=none, port mappings are not supported.")
    }
    var ports: [PortMapping] = []
    var documents: [JSONValue] = []
    var seen: [Int] = []
    for input in inputs {
      let proto = input.presentMember("protocol")?.stringValue ?? "tcp"
      guard proto == "tcp" || proto == "udp" else {
        // UNCONFIRMED
        throw bad("Port mapping protocol '\(proto)' is not valid. Valid values are tcp and udp.")
      }
      if let app = input.presentMember("appProtocol")?.stringValue,
        !["http", "http2", "grpc"].contains(app)
      {
        // UNCONFIRMED
        throw bad(
          "Port mapping appProtocol '\(app)' is not valid. Valid values are http, http2 and grpc.")
      }
      let portName = input.presentMember("name")?.stringValue
      if let portName, !isPortMappingName(portName) {
        // UNCONFIRMED
        throw bad(
          "Port mapping name '\(portName)' is not valid. Up to 64 lowercase letters, numbers,"
            + " underscores, and hyphens are allowed, and it cannot start with a hyphen.")
      }
      let range = input.presentMember("containerPortRange")?.stringValue
      guard let containerPort = input.presentMember("containerPort")?.intValue else {
        guard let range else {
          // UNCONFIRMED
          throw bad("A port mapping must specify 'containerPort' or 'containerPortRange'.")
        }
        guard networkMode == .bridge || networkMode == .awsvpc, isPortRange(range) else {
          // UNCONFIRMED
          throw bad("Invalid containerPortRange '\(range)'.")
        }
        documents.append(TaskDefinitionDocument.portMapping(input, hostPort: nil, protocol: proto))
        continue
      }
      guard (0...65535).contains(containerPort) else {
        // UNCONFIRMED
        throw bad("Port mapping containerPort \(containerPort) must be between 0 and 65535.")
      }
      let given = input.presentMember("hostPort")?.intValue
      if let given, !(0...65535).contains(given) {
        // UNCONFIRMED
        throw bad("Port mapping hostPort \(given) must be between 0 and 65535.")
      }
      let hostPort: Int
      switch networkMode {
      case .awsvpc, .host:
        if let given, given != containerPort {
          // awsvpc text confirmed; the host twin is UNCONFIRMED (ecs-facts §11.1).
          throw .client(
            "When networkMode=\(networkMode.rawValue), the host ports and container ports in port mappings"
              + " must match.")
        }
        hostPort = containerPort
      default:
        // Bridge: an omitted hostPort comes back as 0 (dynamic), as terraform-provider-aws's
        // equivalence tests show AWS returning {"containerPort":80,"hostPort":0,"protocol":"tcp"}.
        hostPort = given ?? 0
      }
      guard !seen.contains(containerPort) else {
        // UNCONFIRMED: the model forbids exposing one containerPort twice (ecs-facts §1).
        throw bad("Container port \(containerPort) is mapped more than once.")
      }
      seen.append(containerPort)
      ports.append(
        PortMapping(
          containerPort: containerPort, hostPort: hostPort, protocol: proto, name: portName))
      documents.append(
        TaskDefinitionDocument.portMapping(input, hostPort: hostPort, protocol: proto))
    }
    return (ports, documents)
  }

  static func healthCheck(_ input: JSONValue, bad: (String) -> AWSError) throws(AWSError)
    -> HealthCheckSpec
  {
    let command = (input.presentMember("command")?.arrayValue ?? []).compactMap(\.stringValue)
    guard let first = command.first, ["CMD", "CMD-SHELL", "NONE"].contains(first) else {
      // UNCONFIRMED
      throw bad("The health check command must start with CMD or CMD-SHELL.")
    }
    var spec = HealthCheckSpec(command: command)
    let limits: [(String, ClosedRange<Int>, WritableKeyPath<HealthCheckSpec, Int>)] = [
      ("interval", 5...300, \.interval), ("timeout", 2...60, \.timeout),
      ("retries", 1...10, \.retries),
    ]
    for (key, range, path) in limits {
      guard let value = input.presentMember(key)?.intValue else { continue }
      guard range.contains(value) else {
        // UNCONFIRMED
        throw bad(
          "Health check \(key) must be between \(range.lowerBound) and \(range.upperBound).")
      }
      spec[keyPath: path] = value
    }
    if let start = input.presentMember("startPeriod")?.intValue {
      guard (0...300).contains(start) else {
        // UNCONFIRMED
        throw bad("Health check startPeriod must be between 0 and 300.")
      }
      spec.startPeriod = start
    }
    return spec
  }

  static func checkDependencies(_ containers: [ContainerSpec]) throws(AWSError) {
    for container in containers {
      for dependency in container.dependsOn {
        func bad(_ detail: String) -> AWSError {
          .client("Invalid setting for container '\(container.name)'. \(detail)")
        }
        guard dependencyConditions.contains(dependency.value) else {
          // UNCONFIRMED
          throw bad(
            "Dependency condition '\(dependency.value)' is not valid. Valid values are START,"
              + " COMPLETE, SUCCESS and HEALTHY.")
        }
        guard dependency.name != container.name,
          let target = containers.first(where: { $0.name == dependency.name })
        else {
          // UNCONFIRMED
          throw bad(
            "It depends on '\(dependency.name)', which is not another container in this task definition."
          )
        }
        if dependency.value == "COMPLETE" || dependency.value == "SUCCESS", target.essential {
          // UNCONFIRMED: the rule is the model's (ecs-facts §3), the text is ours.
          throw bad(
            "The \(dependency.value) condition cannot be used with an essential container"
              + " ('\(target.name)').")
        }
        if dependency.value == "HEALTHY", target.healthCheck == nil {
          // UNCONFIRMED
          throw bad(
            "The HEALTHY condition requires a health check on container '\(target.name)'.")
        }
      }
    }
  }

  /// Containers must fit inside the task's size when the task has one.
  static func checkSizes(_ containers: [ContainerSpec], taskCPU: Int?, taskMemory: Int?)
    throws(AWSError)
  {
    if let taskMemory {
      for container in containers {
        if let memory = container.memory, memory > taskMemory {
          // UNCONFIRMED
          throw .client(
            "Invalid setting for container '\(container.name)'. Its 'memory' (\(memory) MiB) is"
              + " greater than the task's memory (\(taskMemory) MiB).")
        }
      }
      let reserved = saturatingSum(containers.map { $0.memoryReservation ?? $0.memory ?? 0 })
      if reserved > taskMemory {
        // UNCONFIRMED
        throw .client(
          "The containers reserve \(reserved) MiB of memory in total, more than the task's memory"
            + " (\(taskMemory) MiB).")
      }
    }
    if let taskCPU {
      let total = saturatingSum(containers.map(\.cpu))
      if total > taskCPU {
        // UNCONFIRMED
        throw .client(
          "The containers reserve \(total) CPU units in total, more than the task's cpu"
            + " (\(taskCPU) units).")
      }
    }
  }

  /// Every `mountPoints[].sourceVolume` names a task volume; every `volumesFrom[].sourceContainer`
  /// names another container.
  static func checkVolumes(_ inputs: [JSONValue], request: Request) throws(AWSError) {
    let volumes = (request.array("volumes") ?? []).compactMap {
      $0.presentMember("name")?.stringValue
    }
    let names = inputs.compactMap { $0.presentMember("name")?.stringValue }
    for input in inputs {
      let name = input.presentMember("name")?.stringValue ?? ""
      for mount in input.presentMember("mountPoints")?.arrayValue ?? [] {
        let source = mount.presentMember("sourceVolume")?.stringValue ?? ""
        guard volumes.contains(source) else {
          // UNCONFIRMED
          throw .client(
            "Invalid setting for container '\(name)'. Mount point source volume '\(source)' is"
              + " not defined in the task definition's volumes.")
        }
      }
      for from in input.presentMember("volumesFrom")?.arrayValue ?? [] {
        let source = from.presentMember("sourceContainer")?.stringValue ?? ""
        guard source != name, names.contains(source) else {
          // UNCONFIRMED
          throw .client(
            "Invalid setting for container '\(name)'. volumesFrom source container '\(source)'"
              + " is not another container in this task definition.")
        }
      }
    }
  }

  // MARK: - What ECS computes

  /// The `requiresAttributes` ECS adds, for the features the tutor models, in the order real
  /// responses list them (observed Fargate/awsvpc describe outputs, 2023–2026).
  static func requiredAttributes(
    containers: [ContainerSpec], networkMode: NetworkMode, taskRoleArn: String?,
    executionRoleArn: String?
  ) -> [String] {
    let capability = "com.amazonaws.ecs.capability."
    var out: [String] = []
    func add(_ name: String, if condition: Bool) {
      if condition, !out.contains(name) { out.append(name) }
    }
    for driver in containers.compactMap(\.logDriver) {
      add(capability + "logging-driver." + driver, if: true)
    }
    let hasExecution = executionRoleArn != nil
    let usesECR = containers.contains { isECRImage($0.image) }
    add(
      "ecs.capability.execution-role-awslogs",
      if: hasExecution && containers.contains { $0.logDriver == "awslogs" })
    add(capability + "ecr-auth", if: usesECR)
    add(capability + "docker-remote-api.1.19", if: containers.contains { $0.logDriver != nil })
    let secrets = containers.flatMap(\.secrets)
    add(
      "ecs.capability.secrets.asm.environment-variables",
      if: secrets.contains { $0.value.contains(":secretsmanager:") })
    add(
      "ecs.capability.secrets.ssm.environment-variables",
      if: secrets.contains { !$0.value.contains(":secretsmanager:") })
    let healthChecks = containers.contains { $0.healthCheck != nil }
    add("ecs.capability.container-health-check", if: healthChecks)
    add(capability + "docker-remote-api.1.24", if: healthChecks)
    add("ecs.capability.container-ordering", if: containers.contains { !$0.dependsOn.isEmpty })
    add(
      capability + "docker-remote-api.1.21", if: containers.contains { $0.memoryReservation != nil }
    )
    add(capability + "task-iam-role", if: taskRoleArn != nil)
    add("ecs.capability.execution-role-ecr-pull", if: hasExecution && usesECR)
    add(capability + "docker-remote-api.1.18", if: networkMode == .awsvpc)
    add("ecs.capability.task-eni", if: networkMode == .awsvpc)
    add(capability + "docker-remote-api.1.29", if: networkMode == .awsvpc)
    return out
  }

  /// The first Fargate-unsupported parameter the request uses, or nil.
  static func fargateUnsupported(_ inputs: [JSONValue], request: Request) -> String? {
    if !(request.array("placementConstraints") ?? []).isEmpty { return "placementConstraints" }
    for input in inputs {
      for key in fargateUnsupportedContainerParameters {
        switch input.presentMember(key) {
        case nil, .bool(false): continue
        case .array(let items) where items.isEmpty: continue
        default: return key
        }
      }
    }
    return nil
  }

  // MARK: - Small predicates

  /// `ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo:tag` (or `.amazonaws.com.cn`).
  static func isECRImage(_ image: String) -> Bool {
    guard let slash = image.firstIndex(of: "/") else { return false }
    let host = image[..<slash]
    return host.contains(".dkr.ecr.") && host.contains(".amazonaws.com")
  }

  static func isResourceName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 255
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "_" || $0 == "-"
      }
  }

  static func isPortMappingName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64 && !name.hasPrefix("-")
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
      }
  }

  static func isPortRange(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else { return false }
    return 1 <= low && low < high && high <= 65535
  }

  static func invalidTaskSetting(_ field: String) -> String {
    "Invalid '\(field)' setting for task. For more information, see the Troubleshooting section"
      + " of the Amazon ECS Developer Guide."
  }

  // Sizes come from the learner: Int.max + 1 must be an error message, not a trap.
  static func saturatingSum(_ values: [Int]) -> Int {
    values.reduce(0) { total, value in
      let (sum, overflow) = total.addingReportingOverflow(value)
      return overflow ? Int.max : sum
    }
  }

  static func nonEmpty(_ s: String?) -> String? { s?.isEmpty == false ? s : nil }
}

extension JSONValue {
  /// The member named `key`, treating an explicit JSON `null` as absent (as ECS does).
  func presentMember(_ key: String) -> JSONValue? {
    guard let value = self[key], !value.isNull else { return nil }
    return value
  }
}
