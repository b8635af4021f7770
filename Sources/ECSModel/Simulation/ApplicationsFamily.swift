/// The applications in tasks have no API of their own; this family only declares what lessons
/// can select of them: `appOutput: {family: F}` (or `{task: ID}`), each line a running or
/// stopped task's program printed, as `{taskId, family, container, timestamp, message}`.
enum ApplicationsFamily {
  static let family = APIFamily(
    name: "Applications", operations: [],
    resources: [
      ResourceDescriptor(name: "appOutput", selectors: [.many("appOutput", select: select)]),
      ResourceDescriptor(
        name: "execSession", selectors: [.many("execSessions", select: selectSessions)]),
    ])

  /// `execSessions: {family: F}`: the ECS Exec sessions opened into tasks of the family, as
  /// `{sessionId, taskArn, family, container, command}`.
  @Sendable static func selectSessions(_ world: World, _ params: JSONValue) -> [JSONValue] {
    let family = params["family"]?.stringValue ?? params.stringValue
    return world.applications.execHistory.compactMap { s in
      let t = world.workloads.tasks.first { $0.arn == s.taskArn }
      if let family, t?.family != family { return nil }
      return [
        "sessionId": .string(s.sessionId), "taskArn": .string(s.taskArn),
        "family": .string(t?.family ?? ""), "container": .string(s.container),
        "command": .string(s.command),
      ]
    }
  }

  @Sendable static func select(_ world: World, _ params: JSONValue) -> [JSONValue] {
    let family = params["family"]?.stringValue ?? params.stringValue
    let taskId = params["task"]?.stringValue
    var out: [JSONValue] = []
    for t in world.workloads.tasks {
      if let family, t.family != family { continue }
      if let taskId, t.id != taskId && t.arn != taskId { continue }
      for c in t.containers {
        for e in world.applications.lines(taskId: t.id, container: c.name) {
          out.append([
            "taskId": .string(t.id), "family": .string(t.family), "container": .string(c.name),
            "timestamp": .int(Int(e.timestamp)), "message": .string(e.message),
          ])
        }
      }
    }
    return out
  }
}
