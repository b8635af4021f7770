/// FireLens: a container whose `logConfiguration.logDriver` is `awsfirelens` sends its output to
/// the task's log router (the container with `firelensConfiguration`, usually
/// `public.ecr.aws/aws-observability/aws-for-fluent-bit`), which delivers it with the **task
/// role** (DG:using_firelens: "the task role must have the permissions to route logs"); both
/// images are pulled with the execution role like any other.
enum FireLens {
  /// RegisterTaskDefinition's two FireLens checks, worded as ECS words them (quoted in
  /// fabfuel/ecs-deploy#164 and aws/amazon-cloudwatch-logs-for-fluent-bit#20).
  static func registrationError(_ containers: [JSONValue]) -> AWSError? {
    let usesDriver = containers.contains {
      $0["logConfiguration"]?["logDriver"]?.stringValue == "awsfirelens"
    }
    let hasRouter = containers.contains {
      $0["firelensConfiguration"].map { !$0.isNull } ?? false
    }
    if usesDriver && !hasRouter {
      return .client(
        "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be configured in one of the containers."
      )
    }
    if hasRouter && !usesDriver {
      return .client(
        "When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver."
      )
    }
    return nil
  }
}

extension World {
  /// The log router of a task: its container with `firelensConfiguration`.
  func logRouter(_ def: TaskDefinition) -> String? {
    let containers = def.document["containerDefinitions"]?.arrayValue ?? []
    return containers.first { $0["firelensConfiguration"].map { !$0.isNull } ?? false }?["name"]?
      .stringValue
  }

  /// The router delivers one line of `spec`'s output with the Fluent Bit `cloudwatch_logs` output
  /// the options name (`Name cloudwatch_logs`, `region`, `log_group_name`, `log_stream_prefix`,
  /// `auto_create_group`), as the task role. A denied call is an error line in the router's own
  /// output; a stopped router delivers nothing.
  mutating func deliverThroughFireLens(
    _ line: String, task: ECSTask, spec: ContainerSpec, at millis: Int64
  ) {
    guard let def = taskDefinitions.first(where: { $0.arn == task.taskDefinitionArn }),
      let router = logRouter(def),
      task.containers.first(where: { $0.name == router })?.lastStatus == "RUNNING"
    else { return }
    let option = { (name: String) in spec.logOptions.first { $0.name == name }?.value }
    guard let plugin = option("Name"), plugin == "cloudwatch_logs" || plugin == "cloudwatch",
      let group = option("log_group_name")
    else { return }
    // The cloudwatch_logs plugin names the stream prefix + the FireLens tag CONTAINER-firelens-TASKID.
    let stream =
      option("log_stream_name")
      ?? ((option("log_stream_prefix") ?? "") + "\(spec.name)-firelens-\(task.id)")
    let streamArn = arn(service: "logs", resource: "log-group:\(group):log-stream:\(stream)")
    let credentials = appCredentials(task)
    func denied(_ action: String, _ resource: String) -> Bool {
      guard let role = credentials.roleName else { return true }
      return !roleAllows(role, action: action, resource: resource)
    }
    func routerError(_ text: String) {
      let key = "\(task.id)/\(router)"
      var lines = applications.output[key] ?? []
      lines.append(LogEvent(timestamp: millis, message: text))
      applications.output[key] = Array(lines.suffix(ApplicationState.keep))
    }
    let principal = credentials.principal(account: account, taskId: task.id) ?? ""
    // UNCONFIRMED: Fluent Bit's error line, after its cloudwatch_logs plugin's format.
    let prefix = "[error] [output:cloudwatch_logs:cloudwatch_logs.0] "
    guard credentials.roleName != nil else {
      routerError(
        prefix + "Failed to create log stream: NoCredentialProviders: no valid providers in chain")
      return
    }
    // The router sends from the task's network: it needs a path to CloudWatch Logs.
    if let source = egressSource(task: task),
      case .refused = egress(from: source, to: .service("logs"))
    {
      // UNCONFIRMED: Fluent Bit's upstream connection timeout line.
      routerError(
        "[error] [upstream] connection #1 to tcp://logs.\(region).amazonaws.com:443 timed out after 10 seconds (connection timeout)"
      )
      return
    }
    var gi = logs.groups.firstIndex { $0.name == group }
    if gi == nil {
      let groupArn = arn(service: "logs", resource: "log-group:\(group)")
      guard option("auto_create_group") == "true" else {
        routerError(
          prefix
            + "CreateLogStream API responded with error='ResourceNotFoundException', message='The specified log group does not exist.'"
        )
        return
      }
      guard !denied("logs:CreateLogGroup", groupArn) else {
        routerError(
          prefix
            + "CreateLogGroup API responded with error='AccessDeniedException', message='User: \(principal) is not authorized to perform: logs:CreateLogGroup on resource: \(groupArn)'"
        )
        return
      }
      logs.groups.append(LogGroup(name: group, createdAt: millis))
      gi = logs.groups.count - 1
    }
    guard let gi else { return }
    for action in ["logs:CreateLogStream", "logs:PutLogEvents"] where denied(action, streamArn) {
      routerError(
        prefix
          + "\(action.dropFirst(5)) API responded with error='AccessDeniedException', message='User: \(principal) is not authorized to perform: \(action) on resource: \(streamArn)'"
      )
      return
    }
    if let si = logs.groups[gi].streams.firstIndex(where: { $0.name == stream }) {
      logs.groups[gi].streams[si].events.append(LogEvent(timestamp: millis, message: line))
    } else {
      logs.groups[gi].streams.append(
        LogStream(
          name: stream, createdAt: millis, events: [LogEvent(timestamp: millis, message: line)]))
    }
  }
}
