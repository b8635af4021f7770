/// ECS Exec: `execute-command` opens a Session Manager session into a running container. It works
/// only as on AWS: the task was started with `enableExecuteCommand` (its ExecuteCommandAgent runs),
/// the **task role** allows the four `ssmmessages` channel actions, and the task has a way out to
/// the ssmmessages endpoint (DG:ecs-exec).
enum ExecuteCommandActions {
  static let table: [String: ActionHandler] = ["ExecuteCommand": executeCommand]

  /// What the task role needs for the agent's channels (DG:ecs-exec, "IAM permissions required").
  static let channelActions = [
    "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
  ]

  static let notEnabled = AWSError.invalidParameter(
    "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again."
  )
  /// The answer when the agent in the container cannot reach Systems Manager (no permission on
  /// the task role, or no network path).
  static let notConnected = AWSError(
    "TargetNotConnectedException",
    "The execute command failed due to an internal error. Try again later.")

  static func executeCommand(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let cluster = world.cluster(req.string("cluster") ?? "default") else {
      throw .clusterNotFound
    }
    guard req.bool("interactive") == true else {
      throw .invalidParameter("Interactive is the only mode supported currently.")
    }
    let ref = req.string("task") ?? ""
    guard let ti = world.taskIndex(ref, clusterArn: cluster.arn) else {
      // UNCONFIRMED wording.
      throw .invalidParameter("The specified task was not found.")
    }
    let t = world.workloads.tasks[ti]
    guard t.enableExecuteCommand, t.lastStatus == .running else { throw notEnabled }
    let name: String
    if let c = req.string("container") {
      guard t.containers.contains(where: { $0.name == c }) else {
        // UNCONFIRMED wording.
        throw .invalidParameter("The specified container \(c) was not found in the task.")
      }
      name = c
    } else {
      guard t.containers.count == 1, let only = t.containers.first else {
        // UNCONFIRMED wording.
        throw .invalidParameter(
          "The container name must be specified when the task has more than one container.")
      }
      name = only.name
    }
    guard let c = t.containers.first(where: { $0.name == name }), c.lastStatus == "RUNNING" else {
      throw notEnabled
    }
    guard world.execChannelsAllowed(t), world.execEgressAvailable(t) else { throw notConnected }
    let sessionId = "ecs-execute-command-" + world.random.hex(17)
    let command = req.string("command") ?? ""
    let session = ExecSession(
      sessionId: sessionId, clusterArn: cluster.arn, taskArn: t.arn, container: name,
      command: command)
    world.applications.execSession = session
    world.applications.execHistory.append(session)
    let region = world.region
    return [
      "clusterArn": .string(cluster.arn), "containerArn": .string(c.arn),
      "containerName": .string(name), "interactive": true,
      "session": [
        "sessionId": .string(sessionId),
        "streamUrl": .string(
          "wss://ssmmessages.\(region).amazonaws.com/v1/data-channel/\(sessionId)?role=publish_subscribe&cell-number=AAEAAQ"
        ),
        "tokenValue": "HIDDEN_FOR_SENSITIVITY",
      ],
      "taskArn": .string(t.arn),
    ]
  }
}

/// An open ECS Exec session: which container the learner's terminal is in.
public struct ExecSession: Sendable, Equatable {
  public var sessionId: String
  public var clusterArn: String
  public var taskArn: String
  public var container: String
  /// The command the session runs (`/bin/sh`).
  public var command: String
}

extension World {
  /// Whether the task role allows the agent's four `ssmmessages` channel actions.
  func execChannelsAllowed(_ t: ECSTask) -> Bool {
    guard case .taskRole(let name) = appCredentials(t) else { return false }
    return ExecuteCommandActions.channelActions.allSatisfy {
      roleAllows(name, action: $0, resource: "*")
    }
  }

  /// Whether the task's SSM agent can reach the ssmmessages endpoint: from the task's ENI
  /// (awsvpc), or from its instance's network (bridge, host), by the one egress function.
  func execEgressAvailable(_ t: ECSTask) -> Bool {
    guard let source = egressSource(task: t) ?? instance(of: t).map(egressSource) else {
      return true
    }
    return egress(from: source, to: .service("ssmmessages")).isReachable
  }

  /// The ExecuteCommandAgent as describe-tasks lists it under a container, for tasks started with
  /// `enableExecuteCommand`.
  func managedAgents(_ t: ECSTask, _ c: TaskContainer) -> JSONValue? {
    guard t.enableExecuteCommand, c.startedAt != nil else { return nil }
    var agent: [(String, JSONValue)] = []
    if let s = c.startedAt {
      agent.append(("lastStartedAt", .string(Timestamp.iso8601(millis: s))))
    }
    agent.append(("name", "ExecuteCommandAgent"))
    agent.append(("lastStatus", .string(c.lastStatus == "RUNNING" ? "RUNNING" : "STOPPED")))
    return .array([.object(agent)])
  }
}
