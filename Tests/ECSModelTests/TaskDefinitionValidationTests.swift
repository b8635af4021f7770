import Testing

@testable import ECSModel

/// Requests for the task definition tests: a valid bridge registration of family `web`, changed
/// member by member.
enum TDFixture {
  /// `{"name":"web","image":"nginx","memory":256}` with `changes` applied (`.null` removes).
  static func container(_ changes: (String, JSONValue)...) -> JSONValue {
    apply(["name": "web", "image": "nginx", "memory": 256], changes)
  }

  /// A RegisterTaskDefinition request for `web` with one default container.
  static func register(_ changes: (String, JSONValue)...) -> JSONValue {
    apply(["family": "web", "containerDefinitions": [container()]], changes)
  }

  /// A valid Fargate request: awsvpc, 256/512, one nginx container.
  static func fargate(_ changes: (String, JSONValue)...) -> JSONValue {
    apply(
      [
        "family": "api", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
        "cpu": "256", "memory": "512",
        "containerDefinitions": [["name": "api", "image": "nginx"]],
      ], changes)
  }

  static func apply(_ base: JSONValue, _ changes: [(String, JSONValue)]) -> JSONValue {
    var out = base
    for (key, value) in changes {
      if value.isNull {
        out = .object((out.objectValue ?? []).filter { $0.0 != key })
      } else {
        out = out.setting(key, value)
      }
    }
    return out
  }

  static let ecrImage = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1"
  static let executionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  static let awslogs: JSONValue = [
    "logDriver": "awslogs",
    "options": ["awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"],
  ]

  /// Runs one operation; the error when it fails.
  static func error(_ world: inout World, _ operation: String, _ request: JSONValue) -> AWSError? {
    do {
      _ = try world.perform(service: "ecs", operation: operation, request)
      return nil
    } catch {
      return error
    }
  }
}

struct RegisterRejection: Sendable, CustomTestStringConvertible {
  var rule: String
  var request: JSONValue
  var message: String
  var code = "ClientException"
  var testDescription: String { rule }
}

@Suite struct TaskDefinitionValidationTests {
  static let invalidSetting = "Invalid setting for container 'web'. "

  static let rejections: [RegisterRejection] = [
    .init(
      rule: "family with a space", request: TDFixture.register(("family", "my app")),
      message:
        "Family contains invalid characters or is too long. Up to 255 letters (uppercase and"
        + " lowercase), numbers, underscores, and hyphens are allowed."),
    .init(
      rule: "family of 256 characters",
      request: TDFixture.register(("family", .string(String(repeating: "a", count: 256)))),
      message:
        "Family contains invalid characters or is too long. Up to 255 letters (uppercase and"
        + " lowercase), numbers, underscores, and hyphens are allowed."),
    .init(
      rule: "unknown network mode", request: TDFixture.register(("networkMode", "nat")),
      message: "Invalid networkMode 'nat'. Valid values are bridge, host, awsvpc and none."),
    .init(
      rule: "unknown compatibility",
      request: TDFixture.register(("requiresCompatibilities", ["LAMBDA"])),
      message:
        "Invalid requiresCompatibilities value 'LAMBDA'. Valid values are EC2, FARGATE,"
        + " EXTERNAL and MANAGED_INSTANCES."),
    .init(
      rule: "unreadable task cpu", request: TDFixture.register(("cpu", "fast")),
      message:
        "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section"
        + " of the Amazon ECS Developer Guide."),
    .init(
      rule: "task cpu below 128 on EC2", request: TDFixture.register(("cpu", "64")),
      message:
        "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section"
        + " of the Amazon ECS Developer Guide."),
    .init(
      rule: "unreadable task memory", request: TDFixture.register(("memory", "lots")),
      message:
        "Invalid 'memory' setting for task. For more information, see the Troubleshooting"
        + " section of the Amazon ECS Developer Guide."),
    .init(
      rule: "no containers", request: TDFixture.register(("containerDefinitions", [])),
      message: "Container list cannot be empty."),
    .init(
      rule: "empty image",
      request: TDFixture.register(("containerDefinitions", [TDFixture.container(("image", ""))])),
      message: "Container.image should not be null or empty."),
    .init(
      rule: "missing image",
      request: TDFixture.register(("containerDefinitions", [TDFixture.container(("image", nil))])),
      message: "Container.image should not be null or empty."),
    .init(
      rule: "missing container name",
      request: TDFixture.register(("containerDefinitions", [TDFixture.container(("name", nil))])),
      message: "Container.name should not be null or empty."),
    .init(
      rule: "container name with a dot",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("name", "web.1"))])),
      message:
        "Invalid container name 'web.1'. Up to 255 letters (uppercase and lowercase), numbers,"
        + " underscores, and hyphens are allowed."),
    .init(
      rule: "duplicate container names",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(), TDFixture.container()])),
      message: "Duplicate container name 'web'. Container names must be unique."),
    .init(
      rule: "no memory anywhere on EC2",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("memory", nil))])),
      message: invalidSetting
        + "At least one of 'memory' or 'memoryReservation' must be specified."),
    .init(
      rule: "memory below memoryReservation",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("memoryReservation", 512))])),
      message: invalidSetting + "'memory' must be greater than 'memoryReservation'."),
    .init(
      rule: "memory equal to memoryReservation",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("memoryReservation", 256))])),
      message: invalidSetting + "'memory' must be greater than 'memoryReservation'."),
    .init(
      rule: "awsvpc with hostPort different from containerPort",
      request: TDFixture.register(
        ("networkMode", "awsvpc"),
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 80, "hostPort": 8080]]))]
        )),
      message:
        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."
    ),
    .init(
      rule: "awsvpc with dynamic hostPort 0",
      request: TDFixture.register(
        ("networkMode", "awsvpc"),
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 80, "hostPort": 0]]))]
        )),
      message:
        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."
    ),
    .init(
      rule: "host with hostPort different from containerPort",
      request: TDFixture.register(
        ("networkMode", "host"),
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 80, "hostPort": 81]]))]
        )),
      message:
        "When networkMode=host, the host ports and container ports in port mappings must match."),
    .init(
      rule: "port mappings with networkMode none",
      request: TDFixture.register(
        ("networkMode", "none"),
        ("containerDefinitions", [TDFixture.container(("portMappings", [["containerPort": 80]]))])
      ),
      message: "When networkMode=none, port mappings are not supported."),
    .init(
      rule: "sctp port mapping",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 80, "protocol": "sctp"]]))]
        )),
      message: invalidSetting + "Port mapping protocol 'sctp' is not valid. Valid values are tcp"
        + " and udp."),
    .init(
      rule: "containerPort above 65535",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 70000]]))]
        )
      ),
      message: invalidSetting + "Port mapping containerPort 70000 must be between 0 and 65535."),
    .init(
      rule: "hostPort above 65535",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 80, "hostPort": 65536]]))]
        )),
      message: invalidSetting + "Port mapping hostPort 65536 must be between 0 and 65535."),
    .init(
      rule: "the same containerPort twice",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(
              ("portMappings", [["containerPort": 53], ["containerPort": 53, "protocol": "udp"]]))
          ]
        )),
      message: invalidSetting + "Container port 53 is mapped more than once."),
    .init(
      rule: "port mapping without a port",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("portMappings", [["protocol": "tcp"]]))])),
      message: invalidSetting
        + "A port mapping must specify 'containerPort' or 'containerPortRange'."),
    .init(
      rule: "Fargate with bridge",
      request: TDFixture.fargate(("networkMode", "bridge")),
      message: "Fargate only supports network mode ‘awsvpc’."),
    .init(
      rule: "Fargate without networkMode (bridge by default)",
      request: TDFixture.fargate(("networkMode", nil)),
      message: "Fargate only supports network mode ‘awsvpc’."),
    .init(
      rule: "Fargate without task cpu", request: TDFixture.fargate(("cpu", nil)),
      message: "Fargate requires that 'cpu' be defined at the task level."),
    .init(
      rule: "Fargate without task memory", request: TDFixture.fargate(("memory", nil)),
      message: "Fargate requires that 'memory' be defined at the task level."),
    .init(
      rule: "Fargate 1024/1024", request: TDFixture.fargate(("cpu", "1024"), ("memory", "1024")),
      message:
        "No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon"
        + " ECS documentation for the valid values."),
    .init(
      rule: "Fargate sizes written as 1 vCPU and 1GB",
      request: TDFixture.fargate(("cpu", "1 vCPU"), ("memory", "1GB")),
      message:
        "No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon"
        + " ECS documentation for the valid values."),
    .init(
      rule: "Fargate ECR image without execution role",
      request: TDFixture.fargate(
        ("containerDefinitions", [["name": "api", "image": .string(TDFixture.ecrImage)]])),
      message: "Fargate requires task definition to have execution role ARN to support ECR images."
    ),
    .init(
      rule: "Fargate awslogs without execution role",
      request: TDFixture.fargate(
        (
          "containerDefinitions",
          [["name": "api", "image": "nginx", "logConfiguration": TDFixture.awslogs]]
        )),
      message:
        "Fargate requires task definition to have execution role ARN to support log driver"
        + " awslogs."),
    .init(
      rule: "Fargate with json-file logs",
      request: TDFixture.fargate(
        (
          "containerDefinitions",
          [["name": "api", "image": "nginx", "logConfiguration": ["logDriver": "json-file"]]]
        )),
      message:
        "Log driver 'json-file' is not supported on Fargate. Supported log drivers are awslogs,"
        + " splunk and awsfirelens."),
    .init(
      rule: "Fargate with a privileged container",
      request: TDFixture.fargate(
        ("containerDefinitions", [["name": "api", "image": "nginx", "privileged": true]])),
      message: "Fargate does not support the 'privileged' parameter."),
    .init(
      rule: "no essential container",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("essential", false))])),
      message: "All tasks must have at least one essential container."),
    .init(
      rule: "health check interval 1",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("healthCheck", ["command": ["CMD", "true"], "interval": 1]))]
        )),
      message: invalidSetting + "Health check interval must be between 5 and 300."),
    .init(
      rule: "health check timeout 61",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("healthCheck", ["command": ["CMD", "true"], "timeout": 61]))]
        )),
      message: invalidSetting + "Health check timeout must be between 2 and 60."),
    .init(
      rule: "health check retries 0",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("healthCheck", ["command": ["CMD", "true"], "retries": 0]))]
        )),
      message: invalidSetting + "Health check retries must be between 1 and 10."),
    .init(
      rule: "health check startPeriod 301",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("healthCheck", ["command": ["CMD", "true"], "startPeriod": 301]))]
        )),
      message: invalidSetting + "Health check startPeriod must be between 0 and 300."),
    .init(
      rule: "health check command without CMD",
      request: TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("healthCheck", ["command": ["curl"]]))])),
      message: invalidSetting + "The health check command must start with CMD or CMD-SHELL."),
    .init(
      rule: "dependsOn an unknown container",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(("dependsOn", [["containerName": "db", "condition": "START"]]))
          ]
        )),
      message: invalidSetting
        + "It depends on 'db', which is not another container in this task definition."),
    .init(
      rule: "dependsOn with an unknown condition",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(("dependsOn", [["containerName": "db", "condition": "READY"]])),
            TDFixture.container(("name", "db")),
          ]
        )),
      message: invalidSetting
        + "Dependency condition 'READY' is not valid. Valid values are START, COMPLETE, SUCCESS"
        + " and HEALTHY."),
    .init(
      rule: "COMPLETE on an essential container",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(
              ("dependsOn", [["containerName": "init", "condition": "COMPLETE"]])),
            TDFixture.container(("name", "init")),
          ]
        )),
      message: invalidSetting
        + "The COMPLETE condition cannot be used with an essential container ('init')."),
    .init(
      rule: "HEALTHY without a health check",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(("dependsOn", [["containerName": "db", "condition": "HEALTHY"]])),
            TDFixture.container(("name", "db")),
          ]
        )),
      message: invalidSetting
        + "The HEALTHY condition requires a health check on container 'db'."),
    .init(
      rule: "secret without valueFrom",
      request: TDFixture.register(
        ("executionRoleArn", .string(TDFixture.executionRole)),
        (
          "containerDefinitions",
          [TDFixture.container(("secrets", [["name": "DB_PASSWORD", "valueFrom": ""]]))]
        )),
      message: invalidSetting + "Each secret must specify both 'name' and 'valueFrom'."),
    .init(
      rule: "secrets without execution role",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("secrets", [["name": "DB_PASSWORD", "valueFrom": "db-password"]]))]
        )),
      message:
        "When you are specifying container secrets, you must also specify a value for"
        + " 'executionRoleArn'."),
    .init(
      rule: "awslogs without region",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(
              (
                "logConfiguration",
                ["logDriver": "awslogs", "options": ["awslogs-group": "/ecs/web"]]
              ))
          ]
        )),
      message: invalidSetting + "The awslogs log driver requires the option(s) 'awslogs-region'."),
    .init(
      rule: "unknown log driver",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("logConfiguration", ["logDriver": "files"]))]
        )
      ),
      message: invalidSetting
        + "Log driver 'files' is not valid. Valid values are json-file, syslog, journald, gelf,"
        + " fluentd, awslogs, splunk and awsfirelens."),
    .init(
      rule: "links with awsvpc",
      request: TDFixture.register(
        ("networkMode", "awsvpc"),
        ("containerDefinitions", [TDFixture.container(("links", ["db"]))])),
      message: invalidSetting + "'links' are only supported when networkMode=bridge."),
    .init(
      rule: "EXTERNAL with awsvpc",
      request: TDFixture.register(
        ("networkMode", "awsvpc"), ("requiresCompatibilities", ["EXTERNAL"])),
      message: "Task definition does not support launch type EXTERNAL with network mode 'awsvpc'."
    ),
    .init(
      rule: "container memory above task memory",
      request: TDFixture.register(
        ("memory", "512"), ("containerDefinitions", [TDFixture.container(("memory", 1024))])),
      message:
        "Invalid setting for container 'web'. Its 'memory' (1024 MiB) is greater than the task's"
        + " memory (512 MiB)."),
    .init(
      rule: "reservations above task memory",
      request: TDFixture.register(
        ("memory", "512"),
        (
          "containerDefinitions",
          [
            TDFixture.container(("memory", 300)),
            TDFixture.container(("name", "db"), ("memory", 300)),
          ]
        )),
      message:
        "The containers reserve 600 MiB of memory in total, more than the task's memory (512 MiB)."),
    .init(
      rule: "reservations that overflow Int",
      request: TDFixture.register(
        ("memory", "512"),
        (
          "containerDefinitions",
          [
            TDFixture.container(("memory", nil), ("memoryReservation", .int(Int.max))),
            TDFixture.container(("name", "db"), ("memory", nil), ("memoryReservation", 1)),
          ]
        )),
      message:
        "The containers reserve \(Int.max) MiB of memory in total, more than the task's memory"
        + " (512 MiB)."),
    .init(
      rule: "container cpu above task cpu",
      request: TDFixture.fargate(
        ("containerDefinitions", [["name": "api", "image": "nginx", "cpu": 512]])),
      message:
        "The containers reserve 512 CPU units in total, more than the task's cpu (256 units)."
    ),
    .init(
      rule: "mount point without a volume",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(
              ("mountPoints", [["sourceVolume": "data", "containerPath": "/data"]]))
          ]
        )),
      message: invalidSetting
        + "Mount point source volume 'data' is not defined in the task definition's volumes."),
    .init(
      rule: "volumesFrom an unknown container",
      request: TDFixture.register(
        (
          "containerDefinitions",
          [TDFixture.container(("volumesFrom", [["sourceContainer": "db"]]))]
        )
      ),
      message: invalidSetting
        + "volumesFrom source container 'db' is not another container in this task definition."),
  ]

  @Test(arguments: rejections)
  func rejectsAndLeavesTheWorldUnchanged(_ rejection: RegisterRejection) throws {
    var world = World()
    _ = try world.perform(
      service: "ecs", operation: "RegisterTaskDefinition", TDFixture.register())
    let before = world
    let error = TDFixture.error(&world, "RegisterTaskDefinition", rejection.request)
    #expect(error == AWSError(rejection.code, rejection.message))
    #expect(world == before)
  }

  static let acceptedEdges: [(String, JSONValue)] = [
    (
      "mount point on a declared volume",
      TDFixture.register(
        ("volumes", [["name": "data"]]),
        (
          "containerDefinitions",
          [TDFixture.container(("mountPoints", [["sourceVolume": "data", "containerPath": "/d"]]))]
        ))
    ),
    (
      "containers filling the task exactly",
      TDFixture.fargate(
        (
          "containerDefinitions",
          [
            ["name": "api", "image": "nginx", "cpu": 128, "memory": 256],
            ["name": "log", "image": "fluent-bit", "cpu": 128, "memoryReservation": 256],
          ]
        ))
    ),
    (
      "memoryReservation alone",
      TDFixture.register(
        ("containerDefinitions", [TDFixture.container(("memory", nil), ("memoryReservation", 128))])
      )
    ),
    (
      "task memory instead of container memory",
      TDFixture.register(
        ("memory", "512"), ("containerDefinitions", [TDFixture.container(("memory", nil))]))
    ),
    (
      "awsvpc with hostPort equal to containerPort",
      TDFixture.register(
        ("networkMode", "awsvpc"),
        (
          "containerDefinitions",
          [TDFixture.container(("portMappings", [["containerPort": 80, "hostPort": 80]]))]
        ))
    ),
    ("Fargate largest size", TDFixture.fargate(("cpu", "16 vCPU"), ("memory", "120GB"))),
    (
      "Fargate ECR image with execution role",
      TDFixture.fargate(
        ("executionRoleArn", .string(TDFixture.executionRole)),
        (
          "containerDefinitions",
          [
            [
              "name": "api", "image": .string(TDFixture.ecrImage),
              "logConfiguration": TDFixture.awslogs,
            ]
          ]
        ))
    ),
    (
      "COMPLETE on a non-essential container",
      TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(
              ("dependsOn", [["containerName": "init", "condition": "COMPLETE"]])),
            TDFixture.container(("name", "init"), ("essential", false)),
          ]
        ))
    ),
    (
      "HEALTHY on a container with a health check",
      TDFixture.register(
        (
          "containerDefinitions",
          [
            TDFixture.container(("dependsOn", [["containerName": "db", "condition": "HEALTHY"]])),
            TDFixture.container(
              ("name", "db"), ("healthCheck", ["command": ["CMD-SHELL", "true"]])),
          ]
        ))
    ),
  ]

  @Test(arguments: acceptedEdges.map(\.0))
  func acceptsTheEdgesOfEachRule(_ name: String) throws {
    let request = try #require(Self.acceptedEdges.first { $0.0 == name }?.1)
    var world = World()
    let error = TDFixture.error(&world, "RegisterTaskDefinition", request)
    #expect(error == nil)
    #expect(world.taskDefinitions.count == 1)
  }
}
