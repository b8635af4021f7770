/// What the applications in running tasks did: when each declared AWS call last ran, and each
/// container's recent output.
public struct ApplicationState: Sendable, Equatable {
  /// When each call was last made, by `TASKID/container/index`.
  public var lastCall: [String: Int64] = [:]
  /// Each container's latest output lines (at most `ApplicationState.keep`), by `TASKID/container`.
  public var output: [String: [LogEvent]] = [:]
  /// The ECS Exec session open in the learner's terminal (`execute-command --interactive`).
  public var execSession: ExecSession?
  /// Every ECS Exec session opened, oldest first (lessons select them as `execSessions`).
  public var execHistory: [ExecSession] = []

  static let keep = 50
  public init() {}

  /// The output of `container` in the task with ID `taskId`, oldest first.
  public func lines(taskId: String, container: String) -> [LogEvent] {
    output["\(taskId)/\(container)"] ?? []
  }
}

/// The programs in running containers make their AWS calls (`AppBehaviour.calls`) on the
/// simulated clock, with the credentials the SDK finds (`World.appCredentials`). ECS never
/// checks the task role: a denied call is a line in the application's log, in the SDK's words,
/// and the task keeps running; an allowed call changes S3, DynamoDB or reads a secret.
enum Applications: SimulationProcess {
  static func tick(_ world: inout World) { world.runApplicationCalls(upTo: world.clock.nowMillis) }
  static func nextWake(_ world: World) -> Int64? {
    world.dueApplicationCalls().map(\.due).min()
  }
  /// Calls repeat for as long as a task runs; that is no transition, so the world is settled.
  static func isSettled(_ world: World) -> Bool { true }
}

/// One call due in one container.
struct DueAppCall {
  var taskIndex: Int
  var container: String
  var index: Int
  var call: AppCall
  var due: Int64
  var key: String
}

extension AppCall {
  /// The error code the service returns for a denied call (`AccessDenied` for S3,
  /// `AccessDeniedException` for DynamoDB and Secrets Manager).
  var accessDeniedCode: String { service == "S3" ? "AccessDenied" : "AccessDeniedException" }
}

extension World {
  /// The calls of running containers, each with when it is next due.
  func dueApplicationCalls() -> [DueAppCall] {
    var out: [DueAppCall] = []
    for (ti, t) in workloads.tasks.enumerated() where t.lastStatus == .running {
      for c in t.containers where c.lastStatus == "RUNNING" {
        guard let behaviour = appBehaviour(image: c.image), !behaviour.calls.isEmpty else {
          continue
        }
        let started = c.startedAt ?? t.startedAt ?? clock.nowMillis
        for (i, call) in behaviour.calls.enumerated() {
          let key = "\(t.id)/\(c.name)/\(i)"
          let due: Int64?
          switch (call.when, applications.lastCall[key]) {
          case (_, nil): due = started
          case (.atStart, _?): due = nil
          case (.every(let s), let last?): due = last + Int64(s) * 1000
          }
          if let due {
            out.append(
              DueAppCall(taskIndex: ti, container: c.name, index: i, call: call, due: due, key: key)
            )
          }
        }
      }
    }
    return out
  }

  /// Makes every call due at or before `now`, at the moment it was due.
  mutating func runApplicationCalls(upTo now: Int64) {
    for _ in 0..<100 {
      let due = dueApplicationCalls().filter { $0.due <= now }
      guard !due.isEmpty else { return }
      for d in due {
        let task = workloads.tasks[d.taskIndex]
        if d.index == 0 && applications.lastCall[d.key] == nil {
          appendOutput(
            environmentLine(task, container: d.container), task: task, container: d.container,
            at: d.due)
        }
        applications.lastCall[d.key] = d.due
        let line = performAppCall(d.call, task: task, container: d.container)
        appendOutput(line, task: task, container: d.container, at: d.due)
      }
    }
  }

  /// What a demo program prints first: the variables it was given (ECS's own left out), with
  /// the values of `secrets` masked, and whether the ECS credentials endpoint is set.
  func environmentLine(_ task: ECSTask, container: String) -> String {
    let env = containerEnvironment(task, container: container)
    let spec = taskDefinitions.first { $0.arn == task.taskDefinitionArn }?.containers.first {
      $0.name == container
    }
    let secretNames = Set(spec?.secrets.map(\.name) ?? [])
    let own = env.filter { !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("ECS_") }
      .sorted { $0.key < $1.key }
      .map {
        secretNames.contains($0.key)
          ? "\($0.key)=<secret, \($0.value.count) characters>" : "\($0.key)=\($0.value)"
      }
    let creds = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] == nil ? "unset" : "set"
    return "environment: " + (own.isEmpty ? "(none)" : own.joined(separator: " "))
      + "; AWS_CONTAINER_CREDENTIALS_RELATIVE_URI " + creds
  }

  /// Fills `${NAME}` from the container's environment (and the account and region the SDK
  /// would find); the names that have no value.
  func expand(_ template: String, _ env: [String: String]) -> (String, missing: [String]) {
    var out = ""
    var missing: [String] = []
    var rest = Substring(template)
    while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}")
    {
      out += rest[..<open.lowerBound]
      let name = String(rest[open.upperBound..<close])
      let fallback = ["AWS_REGION": region, "AWS_ACCOUNT_ID": account][name]
      if let v = env[name] ?? fallback { out += v } else { missing.append(name) }
      rest = rest[rest.index(after: close)...]
    }
    return (out + rest, missing)
  }

  /// Makes one call of the program in `container` with the task's credentials and returns the
  /// line the program logs: the SDK's error in its words (no credentials, no network path to the
  /// endpoint, access denied), or what the call did.
  ///
  /// ```swift
  /// world.performAppCall(call, task: t, container: "lister")
  /// // "An error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: ..."
  /// ```
  public mutating func performAppCall(_ call: AppCall, task: ECSTask, container: String) -> String {
    let env = containerEnvironment(task, container: container)
    let (resource, missing) = expand(call.resource, env)
    if let name = missing.first {
      return "ERROR environment variable \(name) is not set; skipping \(call.operation)"
    }
    let credentials = appCredentials(task)
    guard let principal = credentials.principal(account: account, taskId: task.id),
      let roleName = credentials.roleName
    else {
      return "botocore.exceptions.NoCredentialsError: Unable to locate credentials"
    }
    // The SDK finds credentials locally (the ECS credentials endpoint, IMDS), then connects.
    if let line = appCallUnreachable(call, resource: resource, task: task) { return line }
    let context = call.action.hasPrefix("secretsmanager:") ? secretContext(resource) : [:]
    guard
      let e = evaluate(role: roleName, action: call.action, resource: resource, context: context)
    else {
      return "botocore.exceptions.NoCredentialsError: Unable to locate credentials"
    }
    guard e.allowed else {
      // S3 quotes the resource in its AccessDenied message; DynamoDB and Secrets Manager do not.
      let shown = call.service == "S3" ? "\"\(resource)\"" : resource
      return
        "An error occurred (\(call.accessDeniedCode)) when calling the \(call.operation) operation: User: \(principal) is not authorized to perform: \(call.action) on resource: \(shown) \(World.denialReason(e, action: call.action))"
    }
    return appCallEffect(call, resource: resource)
  }

  /// What an allowed call does, and the line the program logs about it.
  mutating func appCallEffect(_ call: AppCall, resource: String) -> String {
    func failed(_ code: String, _ message: String) -> String {
      "An error occurred (\(code)) when calling the \(call.operation) operation: \(message)"
    }
    switch call.action {
    case "s3:ListBucket":
      let name = String(resource.dropFirst("arn:aws:s3:::".count))
      guard let b = bucket(name) else {
        return failed(S3Actions.noSuchBucket.code, S3Actions.noSuchBucket.message)
      }
      let keys = b.objects.map(\.key)
      return "listed s3://\(name): \(keys.count) object(s)"
        + (keys.isEmpty ? "" : " " + keys.prefix(5).joined(separator: ", "))
    case "dynamodb:PutItem":
      let name = resource.split(separator: "/").last.map(String.init) ?? ""
      guard let ti = dynamodb.tables.firstIndex(where: { $0.name == name }) else {
        return failed(DynamoDBActions.notFound.code, DynamoDBActions.notFound.message)
      }
      let t = dynamodb.tables[ti]
      let n = t.items.count + 1
      let id = "order-" + String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
      var item: [(String, JSONValue)] = []
      for k in t.keySchema {
        let type = t.attributeDefinitions.first { $0.name == k.name }?.value ?? "S"
        let value: String = k.value == "HASH" ? (type == "N" ? String(n) : id) : "0"
        item.append((k.name, [type: .string(value)]))
      }
      item.append(("createdAt", ["S": .string(Timestamp.iso8601(millis: clock.nowMillis))]))
      dynamodb.tables[ti].items.append(.object(item))
      return "saved \(id) to table \(name)"
    case "secretsmanager:GetSecretValue":
      guard let s = secret(resource) else {
        return failed(
          "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
      }
      if s.deletedDate != nil {
        return failed(
          "InvalidRequestException",
          "You can't perform this operation on the secret because it was marked for deletion.")
      }
      return "read secret \(s.name) (\(s.current?.secretString?.count ?? 0) characters)"
    default:
      return "\(call.operation) succeeded"
    }
  }

  /// Adds a line to the container's output and, with the awslogs driver, to its log stream.
  mutating func appendOutput(_ line: String, task: ECSTask, container: String, at millis: Int64) {
    let key = "\(task.id)/\(container)"
    var lines = applications.output[key] ?? []
    lines.append(LogEvent(timestamp: millis, message: line))
    applications.output[key] = Array(lines.suffix(ApplicationState.keep))
    guard let def = taskDefinitions.first(where: { $0.arn == task.taskDefinitionArn }),
      let spec = def.containers.first(where: { $0.name == container }),
      spec.logDriver == "awslogs" || spec.logDriver == "awsfirelens"
    else { return }
    if spec.logDriver == "awsfirelens" {
      deliverThroughFireLens(line, task: task, spec: spec, at: millis)
      return
    }
    let option = { (name: String) in spec.logOptions.first { $0.name == name }?.value }
    guard let group = option("awslogs-group"),
      let gi = logs.groups.firstIndex(where: { $0.name == group })
    else { return }
    let stream = [option("awslogs-stream-prefix"), spec.name, task.id].compactMap { $0 }
      .filter { !$0.isEmpty }.joined(separator: "/")
    guard let si = logs.groups[gi].streams.firstIndex(where: { $0.name == stream }) else { return }
    logs.groups[gi].streams[si].events.append(LogEvent(timestamp: millis, message: line))
  }
}
