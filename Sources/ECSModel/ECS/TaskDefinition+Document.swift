/// The task definition document as ECS returns it: members in the order AWS prints them, with the
/// defaults ECS fills in.
///
/// Order follows botocore's TaskDefinition and ContainerDefinition shapes, which current
/// DescribeTaskDefinition output matches. Defaults echoed for every container: `cpu` 0,
/// `portMappings` [], `essential` true, `environment` [], `mountPoints` [], `volumesFrom` [],
/// `systemControls` [] (present in every describe output since 2023).
enum TaskDefinitionDocument {
  static let containerOrder = [
    "name", "image", "repositoryCredentials", "cpu", "memory", "memoryReservation", "links",
    "portMappings", "essential", "restartPolicy", "entryPoint", "command", "environment",
    "environmentFiles", "mountPoints", "volumesFrom", "linuxParameters", "secrets", "dependsOn",
    "startTimeout", "stopTimeout", "versionConsistency", "hostname", "user", "workingDirectory",
    "disableNetworking", "privileged", "readonlyRootFilesystem", "dnsServers", "dnsSearchDomains",
    "extraHosts", "dockerSecurityOptions", "interactive", "pseudoTerminal", "dockerLabels",
    "ulimits", "logConfiguration", "healthCheck", "systemControls", "resourceRequirements",
    "firelensConfiguration", "credentialSpecs",
  ]

  static let containerDefaults: [String: JSONValue] = [
    "cpu": 0, "portMappings": [], "essential": true, "environment": [], "mountPoints": [],
    "volumesFrom": [], "systemControls": [],
  ]

  static let topLevelOrder = [
    "taskDefinitionArn", "containerDefinitions", "family", "taskRoleArn", "executionRoleArn",
    "networkMode", "revision", "volumes", "status", "requiresAttributes", "placementConstraints",
    "compatibilities", "runtimePlatform", "requiresCompatibilities", "cpu", "memory",
    "inferenceAccelerators", "pidMode", "ipcMode", "proxyConfiguration", "registeredAt",
    "deregisteredAt", "deleteRequestedAt", "registeredBy", "ephemeralStorage",
    "enableFaultInjection",
  ]

  /// One container definition echoed with defaults; `portMappings` and `healthCheck` replaced by
  /// their normalized forms. Members the tutor does not know are kept, after the known ones.
  static func container(_ input: JSONValue, portMappings: [JSONValue], healthCheck: JSONValue?)
    -> JSONValue
  {
    var given: [(String, JSONValue)] = (input.objectValue ?? []).filter { !$0.1.isNull }
    given = given.map { key, value in
      switch key {
      case "portMappings": return (key, .array(portMappings))
      case "healthCheck": return (key, healthCheck ?? value)
      default: return (key, value)
      }
    }
    return ordered(given, by: containerOrder, defaults: containerDefaults)
  }

  /// A port mapping as ECS stores it: name, containerPort, hostPort, protocol, then the rest.
  static func portMapping(_ input: JSONValue, hostPort: Int?, protocol proto: String) -> JSONValue {
    var members = (input.objectValue ?? []).filter { !$0.1.isNull }
    members.removeAll { $0.0 == "hostPort" || $0.0 == "protocol" }
    if let hostPort { members.append(("hostPort", .int(hostPort))) }
    members.append(("protocol", .string(proto)))
    return ordered(
      members,
      by: ["name", "containerPort", "hostPort", "protocol", "appProtocol", "containerPortRange"],
      defaults: [:])
  }

  /// The whole document for a new revision.
  static func build(
    draft: TaskDefinitionDraft, request: Request, arn: String, revision: Int,
    registeredAt: JSONValue, registeredBy: String
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("taskDefinitionArn", .string(arn)),
      ("containerDefinitions", .array(draft.containerDocuments)),
      ("family", .string(draft.family)),
      ("networkMode", .string(draft.networkMode.rawValue)),
      ("revision", .int(revision)),
      ("volumes", request["volumes"] ?? []),
      ("status", "ACTIVE"),
      ("placementConstraints", request["placementConstraints"] ?? []),
      ("compatibilities", .array(draft.compatibilities.map(JSONValue.string))),
      ("registeredAt", registeredAt),
      ("registeredBy", .string(registeredBy)),
      ("enableFaultInjection", request["enableFaultInjection"] ?? false),
    ]
    if let role = draft.taskRoleArn { members.append(("taskRoleArn", .string(role))) }
    if let role = draft.executionRoleArn { members.append(("executionRoleArn", .string(role))) }
    if !draft.requiresAttributes.isEmpty {
      members.append(
        ("requiresAttributes", .array(draft.requiresAttributes.map { ["name": .string($0)] })))
    }
    if let requires = draft.requiresCompatibilities {
      members.append(("requiresCompatibilities", .array(requires.map(JSONValue.string))))
    }
    if let cpu = draft.cpu { members.append(("cpu", .string(String(cpu)))) }
    if let memory = draft.memory { members.append(("memory", .string(String(memory)))) }
    for key in [
      "runtimePlatform", "inferenceAccelerators", "pidMode", "ipcMode", "proxyConfiguration",
      "ephemeralStorage",
    ] {
      if let value = request[key] { members.append((key, value)) }
    }
    return ordered(members, by: topLevelOrder, defaults: [:])
  }

  /// `document` with `key` set and the members put back in AWS's order.
  static func setting(_ document: JSONValue, _ key: String, _ value: JSONValue) -> JSONValue {
    ordered(document.setting(key, value).objectValue ?? [], by: topLevelOrder, defaults: [:])
  }

  /// Members sorted by `order`, defaults added for missing known keys, unknown keys last.
  static func ordered(
    _ members: [(String, JSONValue)], by order: [String], defaults: [String: JSONValue]
  ) -> JSONValue {
    var out: [(String, JSONValue)] = []
    for key in order {
      if let member = members.first(where: { $0.0 == key }) {
        out.append(member)
      } else if let value = defaults[key] {
        out.append((key, value))
      }
    }
    out.append(contentsOf: members.filter { !order.contains($0.0) })
    return .object(out)
  }
}
