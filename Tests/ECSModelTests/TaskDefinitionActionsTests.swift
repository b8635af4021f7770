import Testing

@testable import ECSModel

@Suite struct TaskDefinitionActionsTests {
  func perform(_ world: inout World, _ operation: String, _ request: JSONValue) throws -> JSONValue
  {
    try world.perform(service: "ecs", operation: operation, request)
  }

  func keys(_ value: JSONValue?) -> [String] { value?.objectValue?.map(\.0) ?? [] }

  // MARK: - Register: the document

  @Test func minimalBridgeDocumentHasAWSMembersInAWSOrder() throws {
    var world = World()
    let out = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    #expect(keys(out) == ["taskDefinition"])
    let doc = try #require(out["taskDefinition"])
    #expect(
      keys(doc) == [
        "taskDefinitionArn", "containerDefinitions", "family", "networkMode", "revision",
        "volumes", "status", "placementConstraints", "compatibilities", "registeredAt",
        "registeredBy", "enableFaultInjection",
      ])
    #expect(doc["taskDefinitionArn"] == "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1")
    #expect(doc["networkMode"] == "bridge")
    #expect(doc["revision"] == 1)
    #expect(doc["status"] == "ACTIVE")
    #expect(doc["compatibilities"] == ["EXTERNAL", "EC2"])
    #expect(doc["registeredAt"] == "2026-01-05T09:00:00+00:00")
    #expect(doc["registeredBy"] == "arn:aws:iam::123456789012:root")
    let container = try #require(doc["containerDefinitions"]?[0])
    #expect(
      keys(container) == [
        "name", "image", "cpu", "memory", "portMappings", "essential", "environment",
        "mountPoints", "volumesFrom", "systemControls",
      ])
    #expect(container["cpu"] == 0)
    #expect(container["essential"] == true)
    #expect(container["portMappings"] == [])
  }

  /// awscli/examples/ecs/register-task-definition.rst, Example 1 (sleep360).
  @Test func cliExampleSleep360() throws {
    var world = World()
    let request: JSONValue = [
      "family": "sleep360",
      "containerDefinitions": [
        [
          "name": "sleep", "image": "busybox", "cpu": 10, "command": ["sleep", "360"],
          "memory": 10, "essential": true,
        ]
      ],
    ]
    let doc = try #require(try perform(&world, "RegisterTaskDefinition", request)["taskDefinition"])
    let expected: JSONValue = [
      "environment": [], "name": "sleep", "mountPoints": [], "image": "busybox", "cpu": 10,
      "portMappings": [], "command": ["sleep", "360"], "memory": 10, "essential": true,
      "volumesFrom": [], "systemControls": [],
    ]
    #expect(doc["containerDefinitions"] == [expected])
    #expect(
      keys(doc["containerDefinitions"]?[0]) == [
        "name", "image", "cpu", "memory", "portMappings", "essential", "command", "environment",
        "mountPoints", "volumesFrom", "systemControls",
      ])
    #expect(doc["family"] == "sleep360")
    #expect(doc["compatibilities"] == ["EXTERNAL", "EC2"])
  }

  struct PortCase: Sendable, CustomTestStringConvertible {
    var networkMode: String?
    var mapping: JSONValue
    var expected: JSONValue
    var testDescription: String { "\(networkMode ?? "default") \(mapping)" }
  }

  static let portCases: [PortCase] = [
    .init(
      networkMode: nil, mapping: ["containerPort": 80],
      expected: ["containerPort": 80, "hostPort": 0, "protocol": "tcp"]),
    .init(
      networkMode: "bridge", mapping: ["containerPort": 80, "hostPort": 8080],
      expected: ["containerPort": 80, "hostPort": 8080, "protocol": "tcp"]),
    .init(
      networkMode: "awsvpc", mapping: ["containerPort": 80],
      expected: ["containerPort": 80, "hostPort": 80, "protocol": "tcp"]),
    .init(
      networkMode: "host", mapping: ["containerPort": 53, "protocol": "udp"],
      expected: ["containerPort": 53, "hostPort": 53, "protocol": "udp"]),
    .init(
      networkMode: "awsvpc", mapping: ["protocol": "tcp", "containerPort": 80, "name": "web-80"],
      expected: ["name": "web-80", "containerPort": 80, "hostPort": 80, "protocol": "tcp"]),
  ]

  @Test(arguments: portCases)
  func portMappingsComeBackWithHostPortAndProtocol(_ c: PortCase) throws {
    var world = World()
    var request = TDFixture.register(
      ("containerDefinitions", [TDFixture.container(("portMappings", [c.mapping]))]))
    if let mode = c.networkMode { request = request.setting("networkMode", .string(mode)) }
    let doc = try perform(&world, "RegisterTaskDefinition", request)["taskDefinition"]
    let mapping = try #require(doc?["containerDefinitions"]?[0]?["portMappings"]?[0])
    #expect(mapping == c.expected)
    #expect(keys(mapping) == keys(c.expected))
    let typed = try #require(world.taskDefinitions.first?.containers.first?.portMappings.first)
    #expect(typed.hostPort == c.expected["hostPort"]?.intValue)
    #expect(typed.protocol == c.expected["protocol"]?.stringValue)
  }

  @Test func fargateDocumentConvertsSizesAndComputesAttributes() throws {
    var world = World()
    let request = TDFixture.fargate(
      ("cpu", "0.25 vCPU"), ("memory", "0.5GB"),
      ("taskRoleArn", "arn:aws:iam::123456789012:role/app"),
      ("executionRoleArn", .string(TDFixture.executionRole)),
      (
        "containerDefinitions",
        [
          [
            "name": "api", "image": .string(TDFixture.ecrImage),
            "portMappings": [["containerPort": 8080]], "logConfiguration": TDFixture.awslogs,
          ]
        ]
      ))
    let doc = try #require(try perform(&world, "RegisterTaskDefinition", request)["taskDefinition"])
    #expect(
      keys(doc) == [
        "taskDefinitionArn", "containerDefinitions", "family", "taskRoleArn", "executionRoleArn",
        "networkMode", "revision", "volumes", "status", "requiresAttributes",
        "placementConstraints", "compatibilities", "requiresCompatibilities", "cpu", "memory",
        "registeredAt", "registeredBy", "enableFaultInjection",
      ])
    #expect(doc["cpu"] == "256")
    #expect(doc["memory"] == "512")
    #expect(doc["compatibilities"] == ["EC2", "FARGATE"])
    #expect(doc["requiresCompatibilities"] == ["FARGATE"])
    #expect(
      doc["requiresAttributes"]
        == .array(
          [
            "com.amazonaws.ecs.capability.logging-driver.awslogs",
            "ecs.capability.execution-role-awslogs",
            "com.amazonaws.ecs.capability.ecr-auth",
            "com.amazonaws.ecs.capability.docker-remote-api.1.19",
            "com.amazonaws.ecs.capability.task-iam-role",
            "ecs.capability.execution-role-ecr-pull",
            "com.amazonaws.ecs.capability.docker-remote-api.1.18",
            "ecs.capability.task-eni",
            "com.amazonaws.ecs.capability.docker-remote-api.1.29",
          ].map { ["name": .string($0)] }))
    let definition = try #require(world.taskDefinitions.first)
    #expect(definition.cpu == 256)
    #expect(definition.memory == 512)
    #expect(definition.compatibilities == ["EC2", "FARGATE"])
    #expect(definition.requiresAttributes.contains("ecs.capability.task-eni"))
  }

  @Test func awsvpcWithFargateSizeIsFargateCompatibleWithoutAsking() throws {
    var world = World()
    let request = TDFixture.register(("networkMode", "awsvpc"), ("cpu", "512"), ("memory", "1024"))
    let doc = try perform(&world, "RegisterTaskDefinition", request)["taskDefinition"]
    #expect(doc?["compatibilities"] == ["EC2", "FARGATE"])
    #expect(doc?["requiresCompatibilities"] == nil)
    let odd = TDFixture.register(
      ("family", "odd"), ("networkMode", "awsvpc"), ("cpu", "512"), ("memory", "700"))
    let oddDoc = try perform(&world, "RegisterTaskDefinition", odd)["taskDefinition"]
    #expect(oddDoc?["compatibilities"] == ["EC2"])
  }

  @Test func healthCheckDefaultsAreFilledIn() throws {
    var world = World()
    let request = TDFixture.register(
      (
        "containerDefinitions",
        [TDFixture.container(("healthCheck", ["command": ["CMD-SHELL", "curl -f localhost"]]))]
      ))
    let doc = try perform(&world, "RegisterTaskDefinition", request)["taskDefinition"]
    let check = try #require(doc?["containerDefinitions"]?[0]?["healthCheck"])
    #expect(
      check == [
        "command": ["CMD-SHELL", "curl -f localhost"], "interval": 30, "timeout": 5, "retries": 3,
      ])
    #expect(keys(check) == ["command", "interval", "timeout", "retries"])
    #expect(
      world.taskDefinitions.first?.containers.first?.healthCheck
        == HealthCheckSpec(command: ["CMD-SHELL", "curl -f localhost"]))
  }

  @Test func typedContainerFieldsMatchTheRequest() throws {
    var world = World()
    let request = TDFixture.register(
      ("executionRoleArn", .string(TDFixture.executionRole)),
      (
        "containerDefinitions",
        [
          TDFixture.container(
            ("cpu", 128), ("memoryReservation", 128),
            ("environment", [["name": "MODE", "value": "prod"]]),
            (
              "secrets",
              [["name": "PW", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/pw"]]
            ),
            ("logConfiguration", TDFixture.awslogs),
            ("dependsOn", [["containerName": "init", "condition": "SUCCESS"]])),
          TDFixture.container(("name", "init"), ("essential", false), ("memory", 64)),
        ]
      ))
    _ = try perform(&world, "RegisterTaskDefinition", request)
    let containers = try #require(world.taskDefinitions.first?.containers)
    #expect(containers.map(\.name) == ["web", "init"])
    #expect(containers[0].cpu == 128)
    #expect(containers[0].memory == 256)
    #expect(containers[0].memoryReservation == 128)
    #expect(containers[0].essential)
    #expect(!containers[1].essential)
    #expect(containers[0].environmentPairs == [NameValue(name: "MODE", value: "prod")])
    #expect(containers[0].secrets.map(\.name) == ["PW"])
    #expect(containers[0].logDriver == "awslogs")
    #expect(containers[0].logOptions.map(\.name) == ["awslogs-group", "awslogs-region"])
    #expect(containers[0].dependsOn == [NameValue(name: "init", value: "SUCCESS")])
    let attributes = world.taskDefinitions.first?.requiresAttributes ?? []
    #expect(attributes.contains("ecs.capability.secrets.ssm.environment-variables"))
    #expect(attributes.contains("ecs.capability.container-ordering"))
    #expect(attributes.contains("com.amazonaws.ecs.capability.docker-remote-api.1.21"))
  }

  @Test func tagsAreEchoedOnlyWhenGiven() throws {
    var world = World()
    let tagged = TDFixture.register(("tags", [["key": "team", "value": "web"]]))
    let out = try perform(&world, "RegisterTaskDefinition", tagged)
    #expect(keys(out) == ["taskDefinition", "tags"])
    #expect(out["tags"] == [["key": "team", "value": "web"]])
    let plain = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    #expect(plain["tags"] == nil)

    let described = try perform(
      &world, "DescribeTaskDefinition", ["taskDefinition": "web:1", "include": ["TAGS"]])
    #expect(described["tags"] == [["key": "team", "value": "web"]])
    let untagged = try perform(&world, "DescribeTaskDefinition", ["taskDefinition": "web:1"])
    #expect(keys(untagged) == ["taskDefinition"])
  }

  // MARK: - Revisions, describe, deregister

  @Test func revisionsKeepIncreasingAcrossDeregistration() throws {
    var world = World()
    for _ in 0..<2 { _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register()) }
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:2"])
    let third = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    #expect(third["taskDefinition"]?["revision"] == 3)
    #expect(world.lastRevision["web"] == 3)

    func latest() throws -> JSONValue? {
      try perform(&world, "DescribeTaskDefinition", ["taskDefinition": "web"])["taskDefinition"]?[
        "revision"]
    }
    #expect(try latest() == 3)
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:3"])
    #expect(try latest() == 1)
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:1"])
    #expect(
      TDFixture.error(&world, "DescribeTaskDefinition", ["taskDefinition": "web"])
        == AWSError.client("Unable to describe task definition."))
    // The family keeps counting even with no ACTIVE revision left.
    let fourth = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    #expect(fourth["taskDefinition"]?["revision"] == 4)
    #expect(world.events.filter { $0.kind == .taskDefinition }.count == 7)
  }

  @Test(arguments: [
    ("web", 2), ("web:1", 1), ("web:2", 2),
    ("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1", 1),
  ])
  func describeFindsARevision(_ reference: String, _ revision: Int) throws {
    var world = World()
    for _ in 0..<2 { _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register()) }
    let out = try perform(&world, "DescribeTaskDefinition", ["taskDefinition": .string(reference)])
    #expect(out["taskDefinition"]?["revision"] == .int(revision))
    #expect(world.taskDefinition(reference: reference)?.revision == revision)
  }

  @Test(arguments: [
    "web:3", "web:0", "web:x", "db", "", "web:1:2",
    "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1",
    "arn:aws:ecs:us-east-1:999999999999:task-definition/web:1",
  ])
  func describeRejectsUnknownReferences(_ reference: String) throws {
    var world = World()
    for _ in 0..<2 { _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register()) }
    #expect(
      TDFixture.error(&world, "DescribeTaskDefinition", ["taskDefinition": .string(reference)])
        == AWSError.client("Unable to describe task definition."))
  }

  @Test func describeShowsAnInactiveRevisionByNumber() throws {
    var world = World()
    _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:1"])
    let doc = try perform(&world, "DescribeTaskDefinition", ["taskDefinition": "web:1"])[
      "taskDefinition"]
    #expect(doc?["status"] == "INACTIVE")
  }

  @Test func deregisterReturnsTheInactiveDocument() throws {
    var world = World()
    _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    world.clock.advance(seconds: 90)
    let doc = try #require(
      try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:1"])["taskDefinition"]
    )
    #expect(doc["status"] == "INACTIVE")
    #expect(doc["deregisteredAt"] == "2026-01-05T09:01:30+00:00")
    let order = keys(doc)
    #expect(
      order.firstIndex(of: "deregisteredAt") == order.firstIndex(of: "registeredAt").map { $0 + 1 })
    #expect(world.taskDefinitions.first?.status == .inactive)
    #expect(world.taskDefinitions.first?.deregisteredAt == SimClock.defaultStart + 90_000)
  }

  @Test(arguments: [
    ("web", "Revision is missing."),
    ("web:9", "The specified task definition does not exist."),
    ("db:1", "The specified task definition does not exist."),
    ("web:1", "TaskDefinition is inactive"),
  ])
  func deregisterRejects(_ reference: String, _ message: String) throws {
    var world = World()
    _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register())
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:1"])
    let before = world
    #expect(
      TDFixture.error(&world, "DeregisterTaskDefinition", ["taskDefinition": .string(reference)])
        == AWSError.client(message))
    #expect(world == before)
  }

  @Test func deleteNeedsInactiveFirst() throws {
    var world = World()
    for _ in 0..<2 { _ = try perform(&world, "RegisterTaskDefinition", TDFixture.register()) }
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:1"])
    let out = try perform(
      &world, "DeleteTaskDefinitions", ["taskDefinitions": ["web:1", "web:2", "web:7", "web"]])
    #expect(out["taskDefinitions"]?.arrayValue?.count == 1)
    #expect(out["taskDefinitions"]?[0]?["status"] == "DELETE_IN_PROGRESS")
    #expect(out["taskDefinitions"]?[0]?["deleteRequestedAt"] != nil)
    #expect(
      out["failures"]?.arrayValue?.compactMap { $0["arn"]?.stringValue } == [
        "web:2", "web:7", "web",
      ])
    #expect(
      out["failures"]?[0]?["reason"]
        == "The specified task definition is still in ACTIVE status. Please deregister the target and try again."
    )
    #expect(world.taskDefinitions.map(\.status) == [.deleteInProgress, .active])
    let listed = try perform(&world, "ListTaskDefinitions", ["status": "DELETE_IN_PROGRESS"])
    #expect(listed["taskDefinitionArns"]?.arrayValue?.count == 1)
  }

  // MARK: - Lists

  /// web:1..3 (web:2 INACTIVE), api:1, worker:1 (INACTIVE).
  func listWorld() throws -> World {
    var world = World()
    for family in ["web", "api", "web", "worker", "web"] {
      _ = try perform(
        &world, "RegisterTaskDefinition", TDFixture.register(("family", .string(family))))
    }
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "web:2"])
    _ = try perform(&world, "DeregisterTaskDefinition", ["taskDefinition": "worker:1"])
    return world
  }

  func names(_ out: JSONValue, _ key: String) -> [String] {
    out[key]?.arrayValue?.compactMap { $0.stringValue?.split(separator: "/").last.map(String.init) }
      ?? []
  }

  static let listCases: [(JSONValue, [String])] = [
    ([:], ["api:1", "web:1", "web:3"]),
    (["sort": "DESC"], ["web:3", "web:1", "api:1"]),
    (["status": "INACTIVE"], ["web:2", "worker:1"]),
    (["familyPrefix": "web"], ["web:1", "web:3"]),
    (["familyPrefix": "we"], []),
  ]

  @Test(arguments: listCases)
  func listTaskDefinitionsFilters(_ request: JSONValue, _ expected: [String]) throws {
    var world = try listWorld()
    let out = try perform(&world, "ListTaskDefinitions", request)
    #expect(names(out, "taskDefinitionArns") == expected)
    #expect(out["nextToken"] == nil)
  }

  static let familyCases: [(JSONValue, [String])] = [
    ([:], ["api", "web", "worker"]),
    (["status": "ACTIVE"], ["api", "web"]),
    (["status": "INACTIVE"], ["worker"]),
    (["familyPrefix": "w"], ["web", "worker"]),
  ]

  @Test(arguments: familyCases)
  func listFamiliesFilters(_ request: JSONValue, _ expected: [String]) throws {
    var world = try listWorld()
    let out = try perform(&world, "ListTaskDefinitionFamilies", request)
    #expect(out["families"] == .array(expected.map(JSONValue.string)))
  }

  @Test(arguments: [1, 2, 3])
  func paginationVisitsEveryItemOnce(_ pageSize: Int) throws {
    var world = try listWorld()
    for (operation, key, status) in [
      ("ListTaskDefinitions", "taskDefinitionArns", "INACTIVE"),
      ("ListTaskDefinitionFamilies", "families", "ALL"),
    ] {
      let all = try perform(&world, operation, ["status": .string(status)])[key]?.arrayValue ?? []
      var seen: [JSONValue] = []
      var token: JSONValue? = nil
      var pages = 0
      repeat {
        var request: JSONValue = ["status": .string(status), "maxResults": .int(pageSize)]
        if let token { request = request.setting("nextToken", token) }
        let out = try perform(&world, operation, request)
        let page = out[key]?.arrayValue ?? []
        #expect(page.count <= pageSize)
        seen += page
        token = out["nextToken"]
        pages += 1
      } while token != nil && pages < 10
      #expect(seen == all)
      #expect(pages == (all.count + pageSize - 1) / pageSize)
    }
  }

  @Test func paginationTokensAreDeterministicAndScoped() throws {
    var world = try listWorld()
    let first = try perform(&world, "ListTaskDefinitions", ["maxResults": 1])
    let again = try perform(&world, "ListTaskDefinitions", ["maxResults": 1])
    let token = try #require(first["nextToken"])
    #expect(again["nextToken"] == token)
    #expect(
      TDFixture.error(&world, "ListTaskDefinitions", ["nextToken": token, "sort": "DESC"])
        == AWSError.invalidParameter("The nextToken is not valid."))
    #expect(
      TDFixture.error(&world, "ListTaskDefinitions", ["nextToken": "not a token"])
        == AWSError.invalidParameter("The nextToken is not valid."))
    #expect(
      TDFixture.error(&world, "ListTaskDefinitionFamilies", ["nextToken": token])
        == AWSError.invalidParameter("The nextToken is not valid."))
  }

  static let badListParameters: [(String, JSONValue, AWSError)] = [
    (
      "ListTaskDefinitions", ["maxResults": 0],
      AWSError.invalidParameter("maxResults must be between 1 and 100.")
    ),
    (
      "ListTaskDefinitionFamilies", ["maxResults": 101],
      AWSError.invalidParameter("maxResults must be between 1 and 100.")
    ),
    (
      "ListTaskDefinitions", ["status": "ALL"],
      AWSError.client(
        "Invalid status 'ALL'. Valid values are ACTIVE, INACTIVE and DELETE_IN_PROGRESS.")
    ),
    (
      "ListTaskDefinitions", ["sort": "UP"],
      AWSError.client("Invalid sort 'UP'. Valid values are ASC and DESC.")
    ),
    (
      "ListTaskDefinitionFamilies", ["status": "DELETE_IN_PROGRESS"],
      AWSError.client(
        "Invalid status 'DELETE_IN_PROGRESS'. Valid values are ACTIVE, INACTIVE and ALL.")
    ),
  ]

  @Test(arguments: badListParameters)
  func listsRejectBadParameters(_ operation: String, _ request: JSONValue, _ error: AWSError) throws
  {
    var world = try listWorld()
    #expect(TDFixture.error(&world, operation, request) == error)
  }

  @Test(arguments: ["", "a", "ab", "abc", "ListTaskDefinitions|ACTIVE|ASC||web:1", "日本語"])
  func pageTokensRoundTrip(_ text: String) {
    let token = PageToken.encode(text)
    #expect(PageToken.decode(token) == text)
    #expect(token.utf8.count % 4 == 0)
  }
}
