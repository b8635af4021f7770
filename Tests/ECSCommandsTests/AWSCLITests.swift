import ECSModel
import Testing

@testable import ECSCommands

private let usage =
  "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
  + "To see help text, you can run:\n\n  aws help\n  aws <command> help\n"
  + "  aws <command> <subcommand> help\n"

private let files = MemoryFiles([
  "td.json": #"[{"name":"web","image":"nginx","memory":256}]"#,
  "input.json":
    #"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx"}],"cpu":"256"}"#,
  "list.json": #"["x"]"#,
])

private func parse(_ argv: [String]) -> AWSCLIParse {
  AWSCLI.parse(argv, files: files, defaults: CLIDefaults(region: "us-east-1", output: "json"))
}

private func request(_ argv: [String]) -> (String, JSONValue)? {
  guard case .invoke(let inv) = parse(argv) else { return nil }
  return (inv.operation, inv.request)
}

@Suite struct AWSCLITests {
  // Expected requests are what awscli 1.45.11 hands to botocore for the same words
  // (CLIOperationCaller.invoke patched to print its parameters).
  @Test(
    arguments: [
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "web", "--container-definitions",
          "name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=0}]",
        ],
        "RegisterTaskDefinition",
        #"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx","memory":256,"portMappings":[{"containerPort":80,"hostPort":0}]}]}"#
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "web", "--container-definitions",
          #"[{"name":"web","image":"nginx","memory":256,"portMappings":[{"containerPort":80,"hostPort":0}]}]"#,
        ],
        "RegisterTaskDefinition",
        #"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx","memory":256,"portMappings":[{"containerPort":80,"hostPort":0}]}]}"#
      ),
      (
        [
          "aws", "ecs", "create-service", "--cluster", "demo", "--service-name", "web",
          "--task-definition", "web", "--desired-count", "2", "--network-configuration",
          "awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED}",
        ],
        "CreateService",
        #"{"cluster":"demo","serviceName":"web","taskDefinition":"web","desiredCount":2,"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1","subnet-2"],"securityGroups":["sg-1"],"assignPublicIp":"ENABLED"}}}"#
      ),
      (
        [
          "aws", "elbv2", "create-rule", "--listener-arn", "arn:l", "--priority", "10",
          "--conditions", "Field=path-pattern,Values=/img/*", "--actions",
          "Type=forward,TargetGroupArn=arn:tg",
        ],
        "CreateRule",
        #"{"ListenerArn":"arn:l","Conditions":[{"Field":"path-pattern","Values":["/img/*"]}],"Priority":10,"Actions":[{"Type":"forward","TargetGroupArn":"arn:tg"}]}"#
      ),
      (
        [
          "aws", "elbv2", "register-targets", "--target-group-arn", "arn:tg", "--targets",
          "Id=i-1,Port=32768", "Id=i-2,Port=32769",
        ],
        "RegisterTargets",
        #"{"TargetGroupArn":"arn:tg","Targets":[{"Id":"i-1","Port":32768},{"Id":"i-2","Port":32769}]}"#
      ),
      (
        ["aws", "ec2", "run-instances", "--image-id", "ami-1", "--count", "2:3"],
        "RunInstances", #"{"ImageId":"ami-1","MinCount":2,"MaxCount":3}"#
      ),
      (
        ["aws", "ec2", "run-instances", "--image-id", "ami-1"],
        "RunInstances", #"{"ImageId":"ami-1","MinCount":1,"MaxCount":1}"#
      ),
      (
        [
          "aws", "ecs", "update-service", "--service", "web", "--no-force-new-deployment",
          "--force-new-deployment", "--enable-execute-command",
        ],
        "UpdateService", #"{"service":"web","forceNewDeployment":true,"enableExecuteCommand":true}"#
      ),
      // Globals anywhere; unambiguous prefixes; --opt=value.
      (
        [
          "aws", "--region", "eu-west-1", "ecs", "create-cluster", "--cluster-n=demo", "--output",
          "text",
        ],
        "CreateCluster", #"{"clusterName":"demo"}"#
      ),
      (
        ["aws", "ecs", "describe-services", "--cluster", "demo", "--services", "a", "b"],
        "DescribeServices", #"{"cluster":"demo","services":["a","b"]}"#
      ),
      (
        ["aws", "ecs", "list-tasks", "--desired-status", "RUNNING", "--family", "web"],
        "ListTasks", #"{"family":"web","desiredStatus":"RUNNING"}"#
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "web", "--container-definitions",
          "file://td.json",
        ],
        "RegisterTaskDefinition",
        #"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx","memory":256}]}"#
      ),
      // Explicit options win over --cli-input-json members.
      (
        [
          "aws", "ecs", "register-task-definition", "--cli-input-json", "file://input.json",
          "--cpu", "512",
        ],
        "RegisterTaskDefinition",
        #"{"cpu":"512","family":"web","containerDefinitions":[{"name":"web","image":"nginx"}]}"#
      ),
      (
        ["aws", "ecs", "create-cluster", "--tags", "key=a,value=1", "key=b,value=2"],
        "CreateCluster", #"{"tags":[{"key":"a","value":"1"},{"key":"b","value":"2"}]}"#
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "w", "--requires-compatibilities",
          "FARGATE", "--container-definitions", "name=w,image=i,essential=true,cpu=10",
        ],
        "RegisterTaskDefinition",
        #"{"family":"w","containerDefinitions":[{"name":"w","image":"i","essential":true,"cpu":10}],"requiresCompatibilities":["FARGATE"]}"#
      ),
      (["aws", "sts", "get-caller-identity"], "GetCallerIdentity", "{}"),
      (
        ["aws", "ecs", "describe-services", "--services", "file://list.json"],
        "DescribeServices", #"{"services":["x"]}"#
      ),
      (
        ["aws", "ecs", "describe-services", "--services", #"["a","b"]"#],
        "DescribeServices", #"{"services":["a","b"]}"#
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "w", "--container-definitions",
          "name=w,environment=[{name=A,value=1}],command=echo,dockerLabels={a=b}", "name=x,image=y",
        ],
        "RegisterTaskDefinition",
        #"{"family":"w","containerDefinitions":[{"name":"w","environment":[{"name":"A","value":"1"}],"command":["echo"],"dockerLabels":{"a":"b"}},{"name":"x","image":"y"}]}"#
      ),
      (
        [
          "aws", "ecs", "run-task", "--task-definition", "web", "--count", "3", "--overrides",
          #"{"containerOverrides":[{"name":"web","command":["sh"]}]}"#, "--network-configuration",
          "awsvpcConfiguration={subnets=subnet-1,assignPublicIp=DISABLED}",
        ],
        "RunTask",
        #"{"count":3,"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"assignPublicIp":"DISABLED"}},"overrides":{"containerOverrides":[{"name":"web","command":["sh"]}]},"taskDefinition":"web"}"#
      ),
      (
        [
          "aws", "ecs", "put-cluster-capacity-providers", "--cluster", "c", "--capacity-providers",
          "FARGATE", "FARGATE_SPOT", "--default-capacity-provider-strategy",
          "capacityProvider=FARGATE,weight=1,base=0",
        ],
        "PutClusterCapacityProviders",
        #"{"cluster":"c","capacityProviders":["FARGATE","FARGATE_SPOT"],"defaultCapacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":1,"base":0}]}"#
      ),
      (
        [
          "aws", "elbv2", "modify-target-group-attributes", "--target-group-arn", "a",
          "--attributes", "Key=deregistration_delay.timeout_seconds,Value=30",
        ],
        "ModifyTargetGroupAttributes",
        #"{"TargetGroupArn":"a","Attributes":[{"Key":"deregistration_delay.timeout_seconds","Value":"30"}]}"#
      ),
      (
        [
          "aws", "ssm", "put-parameter", "--name", "n", "--value", "v", "--type", "String",
          "--overwrite",
        ],
        "PutParameter", #"{"Name":"n","Value":"v","Type":"String","Overwrite":true}"#
      ),
    ] as [([String], String, String)])
  func buildsRequests(argv: [String], operation: String, expected: String) throws {
    let r = request(argv)
    #expect(r?.0 == operation)
    #expect(r?.1 == (try JSONParser.parse(expected)))
  }

  @Test func requestMemberOrderFollowsTheModel() {
    let r = request(["aws", "ecs", "list-tasks", "--desired-status", "RUNNING", "--family", "web"])
    #expect(r?.1.objectValue?.map(\.0) == ["family", "desiredStatus"])
  }

  @Test func globalOptions() {
    guard
      case .invoke(let inv) = parse([
        "aws", "ecs", "list-clusters", "--query", "clusterArns[0]", "--no-cli-pager", "--output",
        "table", "--profile", "dev", "--debug", "--max-items", "5",
      ])
    else {
      Issue.record("expected an invocation")
      return
    }
    #expect(inv.globals.query == "clusterArns[0]")
    #expect(inv.globals.output == "table")
    #expect(inv.globals.region == "us-east-1")
    #expect(inv.globals.noCliPager)
    #expect(inv.globals.profile == "dev")
    #expect(inv.globals.maxItems == 5)
    #expect(inv.service == "ecs")
  }

  @Test(
    arguments: [
      (
        ["aws", "ecs", "register-task-definition"],
        "the following arguments are required: --family, --container-definitions"
      ),
      (
        ["aws", "ecs", "create-service", "--service", "web"],
        "ambiguous option: --service could match --service-name, --service-registries, "
          + "--service-connect-configuration"
      ),
      (
        ["aws", "ecs", "list-clusters", "--c", "x"],
        "ambiguous option: --c could match --color, --ca-bundle, --cli-read-timeout, "
          + "--cli-connect-timeout, --cli-binary-format, --cli-auto-prompt"
      ),
      (
        ["aws", "ecs", "create-servic"],
        "argument operation: Invalid choice: 'create-servic', maybe you meant:\n\n  * create-service"
      ),
      (["aws", "ecs", "frobnicate"], "argument operation: Found invalid choice 'frobnicate'"),
      (
        ["aws", "ecss", "list-clusters"],
        "argument command: Invalid choice: 'ecss', maybe you meant:\n\n  * ecs"
      ),
      (
        // `aws s3 ...` is the AWS CLI's own command set (S3Commands), answered before parsing.
        ["aws", "sqs", "list-queues"],
        "argument command: 'sqs' is an AWS CLI service that ecs-tutor does not simulate; it "
          + "simulates: acm, application-autoscaling, dynamodb, ec2, ecr, ecs, elbv2, iam, logs, "
          + "s3api, secretsmanager, ssm, sts"
      ),
      (
        ["aws", "ecs", "list-clusters", "--max-items", "ten"],
        "argument --max-items: invalid int value: 'ten'"
      ),
      (
        ["aws", "ecs", "list-clusters", "--cli-read-timeout", "1.5"],
        "argument --cli-read-timeout: invalid int value: '1.5'"
      ),
      (["aws"], "the following arguments are required: command"),
      (["aws", "ecs"], "the following arguments are required: operation"),
      (
        ["aws", "ecs", "create-cluster", "--cluster-name"],
        "argument --cluster-name: expected one argument"
      ),
      (
        ["aws", "ecs", "describe-clusters", "--clusters"],
        "argument --clusters: expected at least one argument"
      ),
      (
        ["aws", "ecs", "list-clusters", "--output", "xml"],
        "argument --output: Invalid choice, valid choices are:\n\n"
          + "json                                     | text                                    \n"
          + "table                                    | yaml                                    \n"
          + "yaml-stream                             "
      ),
    ] as [([String], String)])
  func usageErrors(argv: [String], message: String) {
    #expect(
      parse(argv) == .output(stdout: "", stderr: usage + "\naws: error: \(message)\n", status: 252))
  }

  @Test func unknownOptionsSuggestCloseNames() {
    #expect(
      parse(["aws", "ecs", "create-service", "--service-name", "s", "--desired-cout", "2"])
        == .output(
          stdout: "",
          stderr: usage + "\nUnknown options: --desired-cout, 2\n\nMaybe you meant:\n\n"
            + "  * --desired-count\n", status: 252))
  }

  @Test func unknownOptions() {
    #expect(
      parse(["aws", "ecs", "list-clusters", "--bogus", "1"])
        == .output(stdout: "", stderr: usage + "\nUnknown options: --bogus, 1\n", status: 252))
  }

  @Test(
    arguments: [
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "x", "--container-definitions",
          #"[{"name":"web",}]"#,
        ],
        "Error parsing parameter '--container-definitions': Invalid JSON: Expecting property name "
          + "enclosed in double quotes: line 1 column 16 (char 15)\nJSON received: [{\"name\":\"web\",}]",
        Int32(252)
      ),
      (
        ["aws", "ecs", "register-task-definition", "--cli-input-json", "file://nope.json"],
        "Error parsing parameter '--cli-input-json': Unable to load paramfile file://nope.json: "
          + "[Errno 2] No such file or directory: 'nope.json'", 252
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "x", "--container-definitions",
          #"[{"name":"web","memroy":1,"memory":"lots"}]"#,
        ],
        "Parameter validation failed:\nUnknown parameter in containerDefinitions[0]: \"memroy\", "
          + "must be one of: name, image, repositoryCredentials, cpu, memory, memoryReservation, "
          + "links, portMappings, essential, restartPolicy, entryPoint, command, environment, "
          + "environmentFiles, mountPoints, volumesFrom, linuxParameters, secrets, dependsOn, "
          + "startTimeout, stopTimeout, versionConsistency, hostname, user, workingDirectory, "
          + "disableNetworking, privileged, readonlyRootFilesystem, dnsServers, dnsSearchDomains, "
          + "extraHosts, dockerSecurityOptions, interactive, pseudoTerminal, dockerLabels, ulimits, "
          + "logConfiguration, healthCheck, systemControls, resourceRequirements, "
          + "firelensConfiguration, credentialSpecs\nInvalid type for parameter "
          + "containerDefinitions[0].memory, value: lots, type: <class 'str'>, valid types: "
          + "<class 'int'>", 252
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "x", "--container-definitions",
          #"[{"image":"n"}]"#, "--cpu", "", "--volumes", "name=", "--tags", "key=",
        ],
        "Parameter validation failed:\nInvalid length for parameter tags[0].key, value: 0, valid "
          + "min length: 1", 252
      ),
      (
        [
          "aws", "elbv2", "create-target-group", "--name", "x", "--port", "0",
          "--health-check-interval-seconds", "1", "--matcher", "{}",
        ],
        "Parameter validation failed:\nInvalid value for parameter Port, value: 0, valid min "
          + "value: 1\nInvalid value for parameter HealthCheckIntervalSeconds, value: 1, valid min "
          + "value: 5", 252
      ),
      (
        ["aws", "sts", "get-caller-identity", "--cli-input-json", #"{"Bogus":1}"#],
        "Parameter validation failed:\nUnknown parameter in input: \"Bogus\", must be one of: ",
        252
      ),
      (
        ["aws", "ecr", "describe-images", "--repository-name", "rr", "--max-results", "0"],
        "Parameter validation failed:\nInvalid value for parameter maxResults, value: 0, valid min "
          + "value: 1", 252
      ),
      (
        ["aws", "ecs", "create-service", "--service-name", "s", "--desired-count", "abc"],
        "invalid literal for int() with base 10: 'abc'", 255
      ),
      (
        [
          "aws", "ecs", "create-service", "--service-name", "s", "--desired-count",
          "99999999999999999999999",
        ],
        "Python int too large to convert to C long", 255
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "w", "--container-definitions",
          "name=w,memory=eighty",
        ],
        "invalid literal for int() with base 10: 'eighty'", 255
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "w", "--container-definitions",
          "name,w",
        ],
        "Error parsing parameter '--container-definitions': Expected: '=', received: ',' for "
          + "input:\nname,w\n    ^", 252
      ),
      (
        [
          "aws", "ecs", "register-task-definition", "--family", "w", "--container-definitions",
          "name=w,portMappings={containerPort=80}",
        ],
        "Parameter validation failed:\nInvalid type for parameter "
          + "containerDefinitions[0].portMappings[0].containerPort, value: 80, type: <class 'str'>, "
          + "valid types: <class 'int'>", 252
      ),
    ] as [([String], String, Int32)])
  func parameterErrors(argv: [String], message: String, status: Int32) {
    #expect(parse(argv) == .output(stdout: "", stderr: "\n\(message)\n", status: status))
  }

  @Test func enumValuesAreNotCheckedClientSide() {
    let r = request([
      "aws", "ecs", "register-task-definition", "--family", "w", "--network-mode", "foo",
      "--container-definitions", "name=w",
    ])
    #expect(r?.1["networkMode"] == "foo")
  }

  @Test func version() {
    guard case .output(let out, _, let status) = parse(["aws", "ecs", "--version"]) else {
      Issue.record("expected output")
      return
    }
    #expect(status == 0)
    #expect(out.hasPrefix("aws-cli/2."))
    #expect(out.contains("ecs-tutor"))
  }

  @Test func skeletonListsEveryMemberWithPlaceholders() throws {
    guard
      case .output(let out, "", 0) = parse([
        "aws", "ecs", "create-cluster", "--generate-cli-skeleton",
      ])
    else {
      Issue.record("expected a skeleton")
      return
    }
    #expect(out.hasPrefix("{\n    \"clusterName\": \"\",\n    \"tags\": [\n        {\n"))
    let v = try JSONParser.parse(out)
    #expect(v["settings"]?[0]?["name"] == "containerInsights")
    #expect(
      v["configuration"]?["executeCommandConfiguration"]?["logConfiguration"]?[
        "cloudWatchEncryptionEnabled"] == true)
  }

  @Test func skeletonDoesNotNeedRequiredOptions() {
    guard
      case .output(let out, _, 0) = parse([
        "aws", "ecs", "register-task-definition", "--generate-cli-skeleton", "input",
      ])
    else {
      Issue.record("expected a skeleton")
      return
    }
    #expect(out.contains("\"containerDefinitions\": ["))
  }

  @Test func helpTexts() {
    guard case .output(let top, _, 0) = parse(["aws", "help"]),
      case .output(let svc, _, 0) = parse(["aws", "ecs", "help"]),
      case .output(let op, _, 0) = parse(["aws", "ecs", "create-service", "help"])
    else {
      Issue.record("expected help")
      return
    }
    #expect(top.contains("elbv2"))
    #expect(svc.contains("  create-service\n"))
    #expect(op.contains("    --service-name <value>\n"))
    #expect(op.contains("    [--cluster <value>]\n"))
    #expect(op.contains("[--enable-ecs-managed-tags | --no-enable-ecs-managed-tags]"))
    #expect(op.contains("--launch-type (string)"))
    #expect(op.contains("Possible values: EC2, FARGATE, EXTERNAL"))
    // Required options come first in the synopsis.
    let lines = op.split(separator: "\n")
    let nameLine = lines.firstIndex { $0.contains("--service-name <value>") } ?? Int.max
    let clusterLine = lines.firstIndex { $0.contains("[--cluster <value>]") } ?? -1
    #expect(nameLine < clusterLine)
  }

  /// Hostile values must come back as CLI errors, never traps.
  @Test(arguments: [
    "", " ", "[", "{", "]", "}", "[{", "a=[{", "\\", "'", "\"", "=", ",", "a=b,", "file://",
    "fileb://nope", String(repeating: "[", count: 100_000), String(repeating: "a={", count: 50_000),
    "\u{0}", "-", "--", "9223372036854775808", "-9223372036854775809", "1e999", "nan", "é=ü",
  ])
  func hostileValuesDoNotCrash(value: String) {
    let options = [
      "--container-definitions", "--desired-count", "--network-configuration", "--tags",
      "--services", "--enable-execute-command", "--cli-input-json", "--docker-labels",
    ]
    for option in options {
      let argv = ["aws", "ecs", "create-service", "--service-name", "s", option, value]
      switch parse(argv) {
      case .invoke(let inv): #expect(inv.operation == "CreateService")
      case .output(_, let stderr, let status):
        #expect(!stderr.isEmpty)
        #expect(status == 252 || status == 255)
      }
    }
  }
}
