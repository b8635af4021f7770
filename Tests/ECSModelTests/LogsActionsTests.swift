import Testing

@testable import ECSModel

@Suite struct LogsActionsTests {
  static func awslogsDefinition(_ w: inout World, options: [String: String]) throws {
    var opts: [(String, JSONValue)] = [
      ("awslogs-group", "/ecs/web"), ("awslogs-region", "us-east-1"),
      ("awslogs-stream-prefix", "ecs"),
    ]
    for (k, v) in options.sorted(by: { $0.key < $1.key }) { opts.append((k, .string(v))) }
    _ = try w.ecs(
      "RegisterTaskDefinition",
      [
        "family": "web",
        "containerDefinitions": [
          [
            "name": "web", "image": "nginx", "memory": 256,
            "logConfiguration": ["logDriver": "awslogs", "options": .object(opts)],
          ]
        ],
      ])
  }

  @Test func groupsAreCreatedOnceAndDescribedAsLogsPrintsThem() throws {
    var w = World()
    _ = try w.perform(service: "logs", operation: "CreateLogGroup", ["logGroupName": "/ecs/web"])
    #expect(
      throws: AWSError("ResourceAlreadyExistsException", "The specified log group already exists")
    ) {
      try w.perform(service: "logs", operation: "CreateLogGroup", ["logGroupName": "/ecs/web"])
    }
    let out = try w.perform(
      service: "logs", operation: "DescribeLogGroups", ["logGroupNamePrefix": "/ecs"])
    let g = try #require(out["logGroups"]?[0])
    #expect(g["logGroupName"] == "/ecs/web")
    #expect(g["creationTime"] == .int(Int(w.clock.nowMillis)))
    #expect(g["arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*")
    #expect(throws: LogsActions.notFound) {
      try w.perform(service: "logs", operation: "DeleteLogGroup", ["logGroupName": "/nope"])
    }
  }

  @Test func aTaskWithoutItsLogGroupFailsToStartWithTheDriversError() throws {
    var w = try World.workloads(instances: 1)
    try Self.awslogsDefinition(&w, options: [:])
    _ = try w.ecs("RunTask", ["taskDefinition": "web"])
    w.settle(maxSeconds: 300)
    let t = try #require(w.workloads.tasks.first)
    #expect(t.lastStatus == .stopped)
    #expect(t.stopCode == "TaskFailedToStart")
    #expect(
      t.stoppedReason
        == "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist."
    )
  }

  @Test func aRunningTaskWritesItsStartupLinesToItsStream() throws {
    var w = try World.workloads(instances: 1)
    try Self.awslogsDefinition(&w, options: [:])
    _ = try w.perform(service: "logs", operation: "CreateLogGroup", ["logGroupName": "/ecs/web"])
    _ = try w.ecs("RunTask", ["taskDefinition": "web"])
    w.settle(maxSeconds: 300)
    let t = try #require(w.workloads.tasks.first)
    #expect(t.lastStatus == .running)
    let stream = "ecs/web/\(t.id)"
    let out = try w.perform(
      service: "logs", operation: "GetLogEvents",
      ["logGroupName": "/ecs/web", "logStreamName": .string(stream)])
    let messages = out["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } ?? []
    #expect(messages.contains("/docker-entrypoint.sh: Configuration complete; ready for start up"))
    let filtered = try w.perform(
      service: "logs", operation: "FilterLogEvents",
      ["logGroupName": "/ecs/web", "filterPattern": "worker"])
    #expect(filtered["events"]?.arrayValue?.count == 1)
  }

  @Test func createGroupNeedsThePermissionOnTheRoleThatWrites() throws {
    var w = try World.workloads(instances: 1)
    try Self.awslogsDefinition(&w, options: ["awslogs-create-group": "true"])
    _ = try w.ecs("RunTask", ["taskDefinition": "web"])
    w.settle(maxSeconds: 300)
    // The test fixture's instances have no EC2 instance behind them, so no instance role denies
    // it: the driver creates the group.
    #expect(w.logGroup("/ecs/web") != nil)
    #expect(w.workloads.tasks.first?.lastStatus == .running)
  }

  @Test(arguments: [(30, 30), (3653, 3653)])
  func retentionIsSetAndDescribed(days: Int, shown: Int) throws {
    var w = World()
    _ = try w.perform(service: "logs", operation: "CreateLogGroup", ["logGroupName": "/ecs/web"])
    _ = try w.perform(
      service: "logs", operation: "PutRetentionPolicy",
      ["logGroupName": "/ecs/web", "retentionInDays": .int(days)])
    let out = try w.perform(service: "logs", operation: "DescribeLogGroups", [:])
    #expect(out["logGroups"]?[0]?["retentionInDays"] == .int(shown))
    _ = try w.perform(
      service: "logs", operation: "DeleteRetentionPolicy", ["logGroupName": "/ecs/web"])
    let after = try w.perform(service: "logs", operation: "DescribeLogGroups", [:])
    #expect(after["logGroups"]?[0]?["retentionInDays"] == nil)
  }

  @Test(arguments: [
    ("/ecs/web", 2, "InvalidParameterException"), ("/nope", 30, "ResourceNotFoundException"),
  ])
  func badRetentionChangesNothing(group: String, days: Int, code: String) throws {
    var w = World()
    _ = try w.perform(service: "logs", operation: "CreateLogGroup", ["logGroupName": "/ecs/web"])
    let before = w
    do {
      _ = try w.perform(
        service: "logs", operation: "PutRetentionPolicy",
        ["logGroupName": .string(group), "retentionInDays": .int(days)])
      Issue.record("PutRetentionPolicy accepted \(group) \(days)")
    } catch {
      #expect(error.code == code)
    }
    #expect(w == before)
  }
}
