import Testing

@testable import ECSModel

@Suite struct TaskProtectionTests {
  @Test func scaleInKeepsProtectedTasks() throws {
    var w = try World.workloads(instances: 2)
    try w.web(hostPort: 0)
    try w.ecs("CreateService", ["serviceName": "web", "taskDefinition": "web", "desiredCount": 3])
    w.settle(maxSeconds: 300)
    let running = w.workloads.tasks.filter { $0.lastStatus == .running }.map(\.arn)
    #expect(running.count == 3)
    let keep = Array(running.suffix(2))
    let out = try w.ecs(
      "UpdateTaskProtection",
      [
        "tasks": .array(keep.map { .string($0) }), "protectionEnabled": true,
        "expiresInMinutes": 60,
      ])
    #expect(out["protectedTasks"]?[0]?["protectionEnabled"] == true)
    try w.ecs("UpdateService", ["service": "web", "desiredCount": 1])
    w.settle(maxSeconds: 300)
    let left = w.workloads.tasks.filter { $0.lastStatus == .running }.map(\.arn)
    // The unprotected task goes; the protected two stay, above the desired count.
    #expect(Set(left) == Set(keep))
    let got = try w.ecs("GetTaskProtection", ["tasks": .array(keep.map { .string($0) })])
    #expect(got["protectedTasks"]?.arrayValue?.count == 2)
  }

  @Test func aStandaloneTaskCannotBeProtected() throws {
    var w = try World.workloads(instances: 1)
    try w.web()
    let arn = try w.ecs("RunTask", ["taskDefinition": "web"])["tasks"]?[0]?["taskArn"] ?? .null
    let out = try w.ecs("UpdateTaskProtection", ["tasks": [arn], "protectionEnabled": true])
    #expect(out["protectedTasks"] == [])
    #expect(out["failures"]?[0]?["reason"] == "TASK_NOT_VALID")
  }
}
