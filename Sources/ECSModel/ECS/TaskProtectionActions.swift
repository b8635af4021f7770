/// GetTaskProtection and UpdateTaskProtection: a protected task of a service is not chosen when
/// the service scales in (the reconciler skips it) until its protection expires.
enum TaskProtectionActions {
  static let table: [String: ActionHandler] = [
    "GetTaskProtection": getTaskProtection,
    "UpdateTaskProtection": updateTaskProtection,
  ]

  /// ECS's default and longest protection (minutes).
  static let defaultMinutes = 120
  static let maxMinutes = 2880

  static func getTaskProtection(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let cluster = try world.requireCluster(req.string("cluster"))
    var protected: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in req.strings("tasks") ?? [] {
      if let i = world.taskIndex(ref, clusterArn: cluster.arn) {
        protected.append(world.protectionDocument(world.workloads.tasks[i]))
      } else {
        failures.append(["arn": .string(ref), "reason": "MISSING"])
      }
    }
    return ["protectedTasks": .array(protected), "failures": .array(failures)]
  }

  static func updateTaskProtection(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let cluster = try world.requireCluster(req.string("cluster"))
    let enabled = req.bool("protectionEnabled") ?? false
    let minutes = req.int("expiresInMinutes") ?? defaultMinutes
    guard (1...maxMinutes).contains(minutes) else {
      throw .invalidParameter("expiresInMinutes must be between 1 and 2880.")
    }
    var protected: [JSONValue] = []
    var failures: [JSONValue] = []
    for ref in req.strings("tasks") ?? [] {
      guard let i = world.taskIndex(ref, clusterArn: cluster.arn),
        world.workloads.tasks[i].lastStatus != .stopped
      else {
        failures.append(["arn": .string(ref), "reason": "MISSING"])
        continue
      }
      guard world.workloads.tasks[i].serviceArn != nil || !enabled else {
        // Only tasks of a service can be protected (ECS's failure reason).
        failures.append([
          "arn": .string(world.workloads.tasks[i].arn), "reason": "TASK_NOT_VALID",
          "detail": "The task is not part of a service.",
        ])
        continue
      }
      world.workloads.tasks[i].protectedUntil =
        enabled ? world.clock.nowMillis + Int64(minutes) * 60_000 : nil
      protected.append(world.protectionDocument(world.workloads.tasks[i]))
    }
    return ["protectedTasks": .array(protected), "failures": .array(failures)]
  }
}

extension World {
  func protectionDocument(_ t: ECSTask) -> JSONValue {
    let on = t.isProtected(at: clock.nowMillis)
    return jsonObject([
      ("taskArn", .string(t.arn)), ("protectionEnabled", .bool(on)),
      (
        "expirationDate", on ? t.protectedUntil.map { .string(Timestamp.iso8601(millis: $0)) } : nil
      ),
    ])
  }
}

extension ECSTask {
  /// Whether scale-in protection holds at `now`.
  public func isProtected(at now: Int64) -> Bool { (protectedUntil ?? 0) > now }
}
