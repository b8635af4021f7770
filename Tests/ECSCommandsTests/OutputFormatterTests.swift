import ECSModel
import Testing

@testable import ECSCommands

struct FormatCase: CustomTestStringConvertible, Sendable {
  var name: String
  var value: JSONValue
  /// nil where awscli itself raises (a ragged table, a list mixing lists and dicts).
  var text: String?
  var table: String?
  var json: String
  var testDescription: String { name }

  init(_ name: String, _ value: JSONValue, text: String?, table: String?, json: String) {
    self.name = name
    self.value = value
    self.text = text
    self.table = table
    self.json = json
  }
}

// Every expected string below was produced by awscli's own formatters (TextFormatter,
// TableFormatter with color off and an 80-column fallback width, JSONFormatter) in python3 and
// frozen here; the generator wrapped each value as `{"r": value}` with `--query r`.
@Suite struct OutputFormatterTests {
  static let cases: [FormatCase] = [
    FormatCase(
      "list-clusters",
      JSONValue.object([
        (
          "clusterArns",
          JSONValue.array([
            "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
            "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
          ])
        )
      ]),
      text:
        "CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\nCLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/prod\n",
      table:
        "-------------------------------------------------------\n|                  DescribeClusters                   |\n+-----------------------------------------------------+\n||                    clusterArns                    ||\n|+---------------------------------------------------+|\n||  arn:aws:ecs:us-east-1:123456789012:cluster/demo  ||\n||  arn:aws:ecs:us-east-1:123456789012:cluster/prod  ||\n|+---------------------------------------------------+|\n",
      json:
        "{\n    \"clusterArns\": [\n        \"arn:aws:ecs:us-east-1:123456789012:cluster/demo\",\n        \"arn:aws:ecs:us-east-1:123456789012:cluster/prod\"\n    ]\n}\n"
    ),
    FormatCase(
      "describe-clusters",
      JSONValue.object([
        (
          "clusters",
          JSONValue.array([
            JSONValue.object([
              ("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/demo"),
              ("clusterName", "demo"), ("status", "ACTIVE"),
              ("registeredContainerInstancesCount", 2), ("runningTasksCount", 3),
              ("pendingTasksCount", 0), ("activeServicesCount", 1),
              ("statistics", JSONValue.array([])),
              ("tags", JSONValue.array([JSONValue.object([("key", "env"), ("value", "dev")])])),
              (
                "settings",
                JSONValue.array([
                  JSONValue.object([("name", "containerInsights"), ("value", "disabled")])
                ])
              ), ("capacityProviders", JSONValue.array([])),
            ]),
            JSONValue.object([
              ("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/prod"),
              ("clusterName", "prod"), ("status", "ACTIVE"),
              ("registeredContainerInstancesCount", 0), ("runningTasksCount", 0),
              ("pendingTasksCount", 0), ("activeServicesCount", 0),
              ("statistics", JSONValue.array([])), ("tags", JSONValue.array([])),
              (
                "settings",
                JSONValue.array([
                  JSONValue.object([("name", "containerInsights"), ("value", "enabled")])
                ])
              ), ("capacityProviders", JSONValue.array(["FARGATE"])),
            ]),
          ])
        ), ("failures", JSONValue.array([])),
      ]),
      text:
        "CLUSTERS\t1\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\tdemo\t0\t2\t3\tACTIVE\nSETTINGS\tcontainerInsights\tdisabled\nTAGS\tenv\tdev\nCLUSTERS\t0\tarn:aws:ecs:us-east-1:123456789012:cluster/prod\tprod\t0\t0\t0\tACTIVE\nCAPACITYPROVIDERS\tFARGATE\nSETTINGS\tcontainerInsights\tenabled\n",
      table:
        "--------------------------------------------------------------------------------------------\n|                                     DescribeClusters                                     |\n+------------------------------------------------------------------------------------------+\n||                                        clusters                                        ||\n|+------------------------------------+---------------------------------------------------+|\n||  activeServicesCount               |  1                                                ||\n||  clusterArn                        |  arn:aws:ecs:us-east-1:123456789012:cluster/demo  ||\n||  clusterName                       |  demo                                             ||\n||  pendingTasksCount                 |  0                                                ||\n||  registeredContainerInstancesCount |  2                                                ||\n||  runningTasksCount                 |  3                                                ||\n||  status                            |  ACTIVE                                           ||\n|+------------------------------------+---------------------------------------------------+|\n|||                                       settings                                       |||\n||+------------------------+-------------------------------------------------------------+||\n|||  name                  |  containerInsights                                          |||\n|||  value                 |  disabled                                                   |||\n||+------------------------+-------------------------------------------------------------+||\n|||                                         tags                                         |||\n||+------------------------------------------------+-------------------------------------+||\n|||  key                                           |  env                                |||\n|||  value                                         |  dev                                |||\n||+------------------------------------------------+-------------------------------------+||\n||                                        clusters                                        ||\n|+------------------------------------+---------------------------------------------------+|\n||  activeServicesCount               |  0                                                ||\n||  clusterArn                        |  arn:aws:ecs:us-east-1:123456789012:cluster/prod  ||\n||  clusterName                       |  prod                                             ||\n||  pendingTasksCount                 |  0                                                ||\n||  registeredContainerInstancesCount |  0                                                ||\n||  runningTasksCount                 |  0                                                ||\n||  status                            |  ACTIVE                                           ||\n|+------------------------------------+---------------------------------------------------+|\n|||                                   capacityProviders                                  |||\n||+--------------------------------------------------------------------------------------+||\n|||  FARGATE                                                                             |||\n||+--------------------------------------------------------------------------------------+||\n|||                                       settings                                       |||\n||+------------------------+-------------------------------------------------------------+||\n|||  name                  |  containerInsights                                          |||\n|||  value                 |  enabled                                                    |||\n||+------------------------+-------------------------------------------------------------+||\n",
      json:
        "{\n    \"clusters\": [\n        {\n            \"clusterArn\": \"arn:aws:ecs:us-east-1:123456789012:cluster/demo\",\n            \"clusterName\": \"demo\",\n            \"status\": \"ACTIVE\",\n            \"registeredContainerInstancesCount\": 2,\n            \"runningTasksCount\": 3,\n            \"pendingTasksCount\": 0,\n            \"activeServicesCount\": 1,\n            \"statistics\": [],\n            \"tags\": [\n                {\n                    \"key\": \"env\",\n                    \"value\": \"dev\"\n                }\n            ],\n            \"settings\": [\n                {\n                    \"name\": \"containerInsights\",\n                    \"value\": \"disabled\"\n                }\n            ],\n            \"capacityProviders\": []\n        },\n        {\n            \"clusterArn\": \"arn:aws:ecs:us-east-1:123456789012:cluster/prod\",\n            \"clusterName\": \"prod\",\n            \"status\": \"ACTIVE\",\n            \"registeredContainerInstancesCount\": 0,\n            \"runningTasksCount\": 0,\n            \"pendingTasksCount\": 0,\n            \"activeServicesCount\": 0,\n            \"statistics\": [],\n            \"tags\": [],\n            \"settings\": [\n                {\n                    \"name\": \"containerInsights\",\n                    \"value\": \"enabled\"\n                }\n            ],\n            \"capacityProviders\": [\n                \"FARGATE\"\n            ]\n        }\n    ],\n    \"failures\": []\n}\n"
    ),
    FormatCase(
      "task-definition",
      JSONValue.object([
        (
          "taskDefinition",
          JSONValue.object([
            ("taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"),
            (
              "containerDefinitions",
              JSONValue.array([
                JSONValue.object([
                  ("name", "web"), ("image", "nginx"), ("cpu", 0), ("memory", 256),
                  (
                    "portMappings",
                    JSONValue.array([
                      JSONValue.object([
                        ("containerPort", 80), ("hostPort", 0), ("protocol", "tcp"),
                      ])
                    ])
                  ), ("essential", true), ("environment", JSONValue.array([])),
                  ("mountPoints", JSONValue.array([])), ("volumesFrom", JSONValue.array([])),
                ])
              ])
            ), ("family", "web"), ("networkMode", "bridge"), ("revision", 2),
            ("volumes", JSONValue.array([])), ("status", "ACTIVE"),
            (
              "requiresAttributes",
              JSONValue.array([
                JSONValue.object([("name", "com.amazonaws.ecs.capability.docker-remote-api.1.18")])
              ])
            ), ("compatibilities", JSONValue.array(["EC2"])),
            ("registeredAt", "2024-05-01T12:00:00.000000+00:00"),
          ])
        )
      ]),
      text:
        "TASKDEFINITION\tweb\tbridge\t2024-05-01T12:00:00.000000+00:00\t2\tACTIVE\tarn:aws:ecs:us-east-1:123456789012:task-definition/web:2\nCOMPATIBILITIES\tEC2\nCONTAINERDEFINITIONS\t0\tTrue\tnginx\t256\tweb\nPORTMAPPINGS\t80\t0\ttcp\nREQUIRESATTRIBUTES\tcom.amazonaws.ecs.capability.docker-remote-api.1.18\n",
      table:
        "-------------------------------------------------------------------------------------\n|                                 DescribeClusters                                  |\n+-----------------------------------------------------------------------------------+\n||                                 taskDefinition                                  ||\n|+--------------------+------------------------------------------------------------+|\n||  family            |  web                                                       ||\n||  networkMode       |  bridge                                                    ||\n||  registeredAt      |  2024-05-01T12:00:00.000000+00:00                          ||\n||  revision          |  2                                                         ||\n||  status            |  ACTIVE                                                    ||\n||  taskDefinitionArn |  arn:aws:ecs:us-east-1:123456789012:task-definition/web:2  ||\n|+--------------------+------------------------------------------------------------+|\n|||                                compatibilities                                |||\n||+-------------------------------------------------------------------------------+||\n|||  EC2                                                                          |||\n||+-------------------------------------------------------------------------------+||\n|||                             containerDefinitions                              |||\n||+----------------------------------------------+--------------------------------+||\n|||  cpu                                         |  0                             |||\n|||  essential                                   |  True                          |||\n|||  image                                       |  nginx                         |||\n|||  memory                                      |  256                           |||\n|||  name                                        |  web                           |||\n||+----------------------------------------------+--------------------------------+||\n||||                                portMappings                                 ||||\n|||+------------------------------------------------------+----------------------+|||\n||||  containerPort                                       |  80                  ||||\n||||  hostPort                                            |  0                   ||||\n||||  protocol                                            |  tcp                 ||||\n|||+------------------------------------------------------+----------------------+|||\n|||                              requiresAttributes                               |||\n||+--------+----------------------------------------------------------------------+||\n|||  name  |  com.amazonaws.ecs.capability.docker-remote-api.1.18                 |||\n||+--------+----------------------------------------------------------------------+||\n",
      json:
        "{\n    \"taskDefinition\": {\n        \"taskDefinitionArn\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/web:2\",\n        \"containerDefinitions\": [\n            {\n                \"name\": \"web\",\n                \"image\": \"nginx\",\n                \"cpu\": 0,\n                \"memory\": 256,\n                \"portMappings\": [\n                    {\n                        \"containerPort\": 80,\n                        \"hostPort\": 0,\n                        \"protocol\": \"tcp\"\n                    }\n                ],\n                \"essential\": true,\n                \"environment\": [],\n                \"mountPoints\": [],\n                \"volumesFrom\": []\n            }\n        ],\n        \"family\": \"web\",\n        \"networkMode\": \"bridge\",\n        \"revision\": 2,\n        \"volumes\": [],\n        \"status\": \"ACTIVE\",\n        \"requiresAttributes\": [\n            {\n                \"name\": \"com.amazonaws.ecs.capability.docker-remote-api.1.18\"\n            }\n        ],\n        \"compatibilities\": [\n            \"EC2\"\n        ],\n        \"registeredAt\": \"2024-05-01T12:00:00.000000+00:00\"\n    }\n}\n"
    ),
    FormatCase(
      "query-list-of-lists",
      JSONValue.array([
        JSONValue.array(["demo", "ACTIVE", 2]), JSONValue.array(["prod", "INACTIVE", 0]),
      ]),
      text: "demo\tACTIVE\t2\nprod\tINACTIVE\t0\n",
      table:
        "---------------------------\n|    DescribeClusters     |\n+-------+------------+----+\n|  demo |  ACTIVE    |  2 |\n|  prod |  INACTIVE  |  0 |\n+-------+------------+----+\n",
      json:
        "[\n    [\n        \"demo\",\n        \"ACTIVE\",\n        2\n    ],\n    [\n        \"prod\",\n        \"INACTIVE\",\n        0\n    ]\n]\n"
    ),
    FormatCase(
      "query-scalar",
      "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
      text: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\n",
      table: "------------------\n|DescribeClusters|\n+----------------+\n",
      json: "\"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\"\n"),
    FormatCase(
      "query-list",
      JSONValue.array(["a", "b", 1, .double(2.5), true, nil]),
      text: "a\tb\t1\t2.5\tTrue\tNone\n",
      table:
        "------------------\n|DescribeClusters|\n+----------------+\n|  a             |\n|  b             |\n|  1             |\n|  2.5           |\n|  True          |\n|  None          |\n+----------------+\n",
      json: "[\n    \"a\",\n    \"b\",\n    1,\n    2.5,\n    true,\n    null\n]\n"),
    FormatCase(
      "null",
      nil,
      text: "None\n",
      table: "",
      json: "null\n"),
    FormatCase(
      "empty-object",
      JSONValue.object([]),
      text: "",
      table: "",
      json: ""),
    FormatCase(
      "empty-list",
      JSONValue.array([]),
      text: "",
      table: "",
      json: "[]\n"),
    FormatCase(
      "mixed-keys",
      JSONValue.object([
        (
          "items",
          JSONValue.array([
            JSONValue.object([("a", 1), ("b", JSONValue.array([1, 2]))]),
            JSONValue.object([("a", JSONValue.array([3])), ("c", "x")]),
          ])
        ), ("z", false), ("y", .double(0.0001)), ("x", .double(1e-05)),
      ]),
      text: "1e-05\t0.0001\tFalse\nITEMS\t1\t\nB\t1\nB\t2\nITEMS\t[3]\tx\n",
      table:
        "------------------------------\n|      DescribeClusters      |\n+-------+----------+---------+\n|   x   |    y     |    z    |\n+-------+----------+---------+\n|  1e-05|  0.0001  |  False  |\n+-------+----------+---------+\n||           items          ||\n|+------------+-------------+|\n||      a     |      c      ||\n|+------------+-------------+|\n||  1         |             ||\n|+------------+-------------+|\n|||            a           |||\n||+------------------------+||\n|||            b           |||\n||+------------------------+||\n|||  1                     |||\n|||  2                     |||\n||+------------------------+||\n||           items          ||\n|+--------------+-----------+|\n||       a      |     c     ||\n|+--------------+-----------+|\n||  [3]         |  x        ||\n|+--------------+-----------+|\n|||            a           |||\n||+------------------------+||\n|||  3                     |||\n||+------------------------+||\n",
      json:
        "{\n    \"items\": [\n        {\n            \"a\": 1,\n            \"b\": [\n                1,\n                2\n            ]\n        },\n        {\n            \"a\": [\n                3\n            ],\n            \"c\": \"x\"\n        }\n    ],\n    \"z\": false,\n    \"y\": 0.0001,\n    \"x\": 1e-05\n}\n"
    ),
    FormatCase(
      "japanese",
      JSONValue.object([
        (
          "tags",
          JSONValue.array([
            JSONValue.object([("key", "名前"), ("value", "ウェブサーバー")]),
            JSONValue.object([("key", "owner"), ("value", "α")]),
          ])
        )
      ]),
      text: "TAGS\t名前\tウェブサーバー\nTAGS\towner\tα\n",
      table:
        "-------------------------------\n|      DescribeClusters       |\n+-----------------------------+\n||           tags            ||\n|+--------+------------------+|\n||   key  |      value       ||\n|+--------+------------------+|\n||  名前  |  ウェブサーバー  ||\n||  owner |  α              ||\n|+--------+------------------+|\n",
      json:
        "{\n    \"tags\": [\n        {\n            \"key\": \"名前\",\n            \"value\": \"ウェブサーバー\"\n        },\n        {\n            \"key\": \"owner\",\n            \"value\": \"α\"\n        }\n    ]\n}\n"
    ),
    FormatCase(
      "wide",
      JSONValue.object([
        (
          "service",
          JSONValue.object([
            ("serviceName", "web-service-with-a-long-name"),
            (
              "serviceArn",
              "arn:aws:ecs:us-east-1:123456789012:service/demo/web-service-with-a-long-name"
            ), ("desiredCount", 3), ("runningCount", 3), ("launchType", "FARGATE"),
          ])
        )
      ]),
      text:
        "SERVICE\t3\tFARGATE\t3\tarn:aws:ecs:us-east-1:123456789012:service/demo/web-service-with-a-long-name\tweb-service-with-a-long-name\n",
      table:
        "----------------------------------------------------------------------------------------------------\n|                                         DescribeClusters                                         |\n+--------------------------------------------------------------------------------------------------+\n||                                             service                                            ||\n|+--------------+---------------------------------------------------------------------------------+|\n||  desiredCount|  3                                                                              ||\n||  launchType  |  FARGATE                                                                        ||\n||  runningCount|  3                                                                              ||\n||  serviceArn  |  arn:aws:ecs:us-east-1:123456789012:service/demo/web-service-with-a-long-name   ||\n||  serviceName |  web-service-with-a-long-name                                                   ||\n|+--------------+---------------------------------------------------------------------------------+|\n",
      json:
        "{\n    \"service\": {\n        \"serviceName\": \"web-service-with-a-long-name\",\n        \"serviceArn\": \"arn:aws:ecs:us-east-1:123456789012:service/demo/web-service-with-a-long-name\",\n        \"desiredCount\": 3,\n        \"runningCount\": 3,\n        \"launchType\": \"FARGATE\"\n    }\n}\n"
    ),
    FormatCase(
      "single-key",
      JSONValue.object([("taskArn", "arn:aws:ecs:us-east-1:123456789012:task/demo/abc")]),
      text: "arn:aws:ecs:us-east-1:123456789012:task/demo/abc\n",
      table:
        "-----------------------------------------------------------------\n|                       DescribeClusters                        |\n+---------+-----------------------------------------------------+\n|  taskArn|  arn:aws:ecs:us-east-1:123456789012:task/demo/abc   |\n+---------+-----------------------------------------------------+\n",
      json: "{\n    \"taskArn\": \"arn:aws:ecs:us-east-1:123456789012:task/demo/abc\"\n}\n"),
    FormatCase(
      "nested-lists",
      JSONValue.object([
        (
          "a",
          JSONValue.array([
            JSONValue.array([1, 2]), JSONValue.array([3, JSONValue.array([4, 5])]), "s",
          ])
        ),
        (
          "b",
          JSONValue.object([("c", JSONValue.object([("d", "deep")])), ("e", JSONValue.object([]))])
        ),
      ]),
      text: "A\ts\nA\t1\nA\t2\nA\t3\nA\t4\nA\t5\nC\tdeep\n",
      table: nil,
      json:
        "{\n    \"a\": [\n        [\n            1,\n            2\n        ],\n        [\n            3,\n            [\n                4,\n                5\n            ]\n        ],\n        \"s\"\n    ],\n    \"b\": {\n        \"c\": {\n            \"d\": \"deep\"\n        },\n        \"e\": {}\n    }\n}\n"
    ),
    FormatCase(
      "bare-nested",
      JSONValue.array([
        JSONValue.array([1, JSONValue.array([2, 3])]), 4, JSONValue.object([("k", "v")]),
      ]),
      text: nil,
      table: nil,
      json:
        "[\n    [\n        1,\n        [\n            2,\n            3\n        ]\n    ],\n    4,\n    {\n        \"k\": \"v\"\n    }\n]\n"
    ),
  ]

  @Test(arguments: cases)
  func textMatchesAWSCLI(_ c: FormatCase) {
    let got = OutputFormatter.render(c.value, format: .text)
    if let expected = c.text { #expect(got == expected) }
  }

  @Test(arguments: cases)
  func tableMatchesAWSCLI(_ c: FormatCase) {
    let got = OutputFormatter.render(c.value, format: .table, title: "DescribeClusters")
    if let expected = c.table { #expect(got == expected) }
  }

  @Test(arguments: cases)
  func jsonMatchesAWSCLI(_ c: FormatCase) {
    #expect(OutputFormatter.render(c.value, format: .json) == c.json)
  }

  // awscli output with its `_terminal_width` set to 10 and 200, frozen.
  @Test func terminalWidthDecidesVerticalRows() {
    let v: JSONValue = ["service": ["serviceName": "web", "desiredCount": 3]]
    let narrow = OutputFormatter.table(v, title: "CreateService", terminalWidth: 10)
    let wide = OutputFormatter.table(v, title: "CreateService", terminalWidth: 200)
    #expect(
      narrow == """
        ---------------------------
        |      CreateService      |
        +-------------------------+
        ||        service        ||
        |+---------------+-------+|
        ||  desiredCount |  3    ||
        ||  serviceName  |  web  ||
        |+---------------+-------+|

        """)
    #expect(
      wide == """
        -----------------------------------
        |          CreateService          |
        +---------------------------------+
        ||            service            ||
        |+---------------+---------------+|
        || desiredCount  |  serviceName  ||
        |+---------------+---------------+|
        ||  3            |  web          ||
        |+---------------+---------------+|

        """)
  }

  @Test(arguments: [
    (JSONValue.null, "None"), (.bool(true), "True"), (.double(1.0), "1.0"), (.int(3), "3"),
    (.string("it's"), "it's"), (["a", 1, nil] as JSONValue, "['a', 1, None]"),
    (.array([.string("it's")]), "[\"it's\"]"), (["k": false] as JSONValue, "{'k': False}"),
  ])
  func pythonStr(_ v: JSONValue, _ expected: String) {
    #expect(OutputFormatter.pythonStr(v) == expected)
  }

  @Test(arguments: [("abc", 3), ("名前", 4), ("α", 2), ("ｱ", 1), ("é", 2)])
  func eastAsianWidth(_ s: String, _ width: Int) {
    #expect(OutputFormatter.textWidth(s) == width)
  }
}
