import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// The demo applications' AWS calls need a network path to the service's endpoint, asked of the
/// one egress function (`World.egress`): from the task's ENI (awsvpc) or its instance (bridge).
/// Without one the SDK's connect times out and the app logs botocore's ConnectTimeoutError; the
/// task keeps running, and the next call after the fix goes through.
@Suite struct AppEgressTests {
  static let trust =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'"#
  static let userData = "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n"
  static let blockIMDS = userData + "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config\n"
  static let timeout = "botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "

  enum Launch: Sendable { case fargate, ec2 }

  struct Case: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var launch: Launch
    var networkMode = "awsvpc"
    /// s3-lister, orders or secret-reader.
    var app = "s3-lister"
    var taskRole = true
    var blockIMDS = false
    /// Lines run once the task is RUNNING (`$SG`, `$VPC`, `$RTB` are set).
    var after: [String] = []
    /// The app's last line starts with this.
    var expected: String
  }

  static let s3URL = "\"https://demo-data.s3.amazonaws.com/?list-type=2&encoding-type=url\""
  static let cases: [Case] = [
    Case(
      testDescription: "Fargate with a public IP reaches S3 through the internet gateway",
      launch: .fargate, expected: "listed s3://demo-data: 1 object(s) a.txt"),
    Case(
      testDescription: "a security group that lets nothing out stops the call, not the task",
      launch: .fargate,
      after: [
        "aws ec2 revoke-security-group-egress --group-id $SG --protocol all --cidr 0.0.0.0/0"
      ],
      expected: timeout + s3URL),
    Case(
      testDescription: "a bridge task goes out through its instance's public IP", launch: .ec2,
      networkMode: "bridge", expected: "listed s3://demo-data: 1 object(s) a.txt"),
    Case(
      testDescription: "an awsvpc task on EC2 has no public IP of its own", launch: .ec2,
      expected: timeout + s3URL),
    Case(
      testDescription: "the S3 gateway endpoint on the route table is the task's path to S3",
      launch: .ec2,
      after: [
        "aws ec2 create-vpc-endpoint --vpc-id $VPC --service-name com.amazonaws.us-east-1.s3 --route-table-ids $RTB"
      ],
      expected: "listed s3://demo-data: 1 object(s) a.txt"),
    Case(
      testDescription: "DynamoDB without a path", launch: .ec2, app: "orders",
      expected: timeout + "\"https://dynamodb.us-east-1.amazonaws.com/\""),
    Case(
      testDescription: "the S3 endpoint is no path to DynamoDB", launch: .ec2, app: "orders",
      after: [
        "aws ec2 create-vpc-endpoint --vpc-id $VPC --service-name com.amazonaws.us-east-1.s3 --route-table-ids $RTB"
      ],
      expected: timeout + "\"https://dynamodb.us-east-1.amazonaws.com/\""),
    Case(
      testDescription: "the DynamoDB gateway endpoint", launch: .ec2, app: "orders",
      after: [
        "aws ec2 create-vpc-endpoint --vpc-id $VPC --service-name com.amazonaws.us-east-1.dynamodb --route-table-ids $RTB"
      ],
      expected: "saved order-"),
    Case(
      testDescription: "Secrets Manager without a path", launch: .ec2, app: "secret-reader",
      expected: timeout + "\"https://secretsmanager.us-east-1.amazonaws.com/\""),
    Case(
      testDescription: "credentials come before the connection", launch: .ec2, taskRole: false,
      blockIMDS: true,
      expected: "botocore.exceptions.NoCredentialsError: Unable to locate credentials"
    ),
  ]

  @Test(arguments: cases)
  func theAppsCallNeedsAPath(_ c: Case) throws {
    let files = MemoryFiles([
      "a.txt": "hello\n", "user-data.sh": c.blockIMDS ? Self.blockIMDS : Self.userData,
    ])
    var s = Session(config: SessionConfig(language: .en, files: files), lessons: LessonLibrary())
    let ok = { (s: inout Session, line: String) in
      let out = s.handle(line)
      #expect(s.lastStatus == 0, "`\(line)` failed: \(out.text)")
    }
    ok(&s, "aws ecs create-cluster --cluster-name demo")
    ok(&s, "aws s3 mb s3://demo-data")
    ok(&s, "aws s3 cp a.txt s3://demo-data/a.txt")
    ok(
      &s,
      "aws dynamodb create-table --table-name orders --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST"
    )
    ok(&s, "aws secretsmanager create-secret --name db --secret-string s3cr3t")
    ok(&s, "aws iam create-role --role-name appRole --assume-role-policy-document \(Self.trust)")
    for p in ["AmazonS3ReadOnlyAccess", "AmazonDynamoDBFullAccess", "SecretsManagerReadWrite"] {
      ok(
        &s,
        "aws iam attach-role-policy --role-name appRole --policy-arn arn:aws:iam::aws:policy/\(p)")
    }
    ok(&s, "VPC=$(aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text)")
    ok(
      &s,
      "SUBNET=$(aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query Subnets[0].SubnetId --output text)"
    )
    ok(
      &s,
      "SG=$(aws ec2 describe-security-groups --group-names default --query SecurityGroups[0].GroupId --output text)"
    )
    ok(
      &s,
      "RTB=$(aws ec2 describe-route-tables --filters Name=vpc-id,Values=$VPC --query RouteTables[0].RouteTableId --output text)"
    )
    let role = c.taskRole ? " --task-role-arn arn:aws:iam::123456789012:role/appRole" : ""
    let compat =
      c.launch == .fargate ? " --requires-compatibilities FARGATE --cpu 256 --memory 512" : ""
    let secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"
    let env =
      c.app == "orders"
      ? "TABLE" : c.app == "secret-reader" ? "SECRET_ARN" : "BUCKET"
    let value = c.app == "orders" ? "orders" : c.app == "secret-reader" ? "$ARN" : "demo-data"
    ok(&s, "ARN=$(aws secretsmanager describe-secret --secret-id db --query ARN --output text)")
    #expect(ScenarioTests.text(&s, "echo $ARN").hasPrefix(secret))
    ok(
      &s,
      "aws ecs register-task-definition --family app --network-mode \(c.networkMode)\(role)\(compat) "
        + "--container-definitions \"[{\\\"name\\\":\\\"app\\\",\\\"image\\\":\\\"public.ecr.aws/ecs-tutor/\(c.app)\\\",\\\"memory\\\":128,"
        + "\\\"environment\\\":[{\\\"name\\\":\\\"\(env)\\\",\\\"value\\\":\\\"\(value)\\\"}]}]\"")
    if c.launch == .fargate {
      ok(
        &s,
        "aws ecs run-task --cluster demo --task-definition app --launch-type FARGATE --network-configuration \"awsvpcConfiguration={subnets=[$SUBNET],securityGroups=[$SG],assignPublicIp=ENABLED}\""
      )
    } else {
      ok(
        &s,
        "aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --instance-type t3.medium --subnet-id $SUBNET --iam-instance-profile Name=ecsInstanceRole --user-data file://user-data.sh"
      )
      ok(&s, "wait 2m")
      let net =
        c.networkMode == "awsvpc"
        ? " --network-configuration \"awsvpcConfiguration={subnets=[$SUBNET]}\"" : ""
      ok(&s, "aws ecs run-task --cluster demo --task-definition app --launch-type EC2\(net)")
    }
    ok(&s, "wait 45s")
    for line in c.after { ok(&s, line) }
    ok(&s, "wait 1m")
    let world = s.world
    let task = try #require(world.workloads.tasks.first { $0.lastStatus == .running })
    let last = world.applications.lines(taskId: task.id, container: "app").last?.message ?? ""
    #expect(last.hasPrefix(c.expected), "\(last)")
    #expect(task.lastStatus == .running)
  }

  struct URLCase: Sendable, CustomTestStringConvertible {
    var action: String
    var operation: String
    var resource: String
    var region: String
    var delimitedPrefix: String? = nil
    var url: String
    var testDescription: String { url }
  }

  /// The endpoint URLs botocore prints (each checked against the URL boto3 1.43 sends the request
  /// to, in a `before-send` hook).
  static let urls: [URLCase] = [
    URLCase(
      action: "s3:ListBucket", operation: "ListObjectsV2", resource: "arn:aws:s3:::my-bucket",
      region: "us-east-1", url: "https://my-bucket.s3.amazonaws.com/?list-type=2&encoding-type=url"),
    URLCase(
      action: "s3:ListBucket", operation: "ListObjectsV2", resource: "arn:aws:s3:::my-bucket",
      region: "ap-northeast-1",
      url: "https://my-bucket.s3.ap-northeast-1.amazonaws.com/?list-type=2&encoding-type=url"),
    URLCase(
      action: "s3:GetObject", operation: "GetObject", resource: "arn:aws:s3:::my-bucket/env/a.env",
      region: "us-east-1", url: "https://my-bucket.s3.amazonaws.com/env/a.env"),
    URLCase(
      action: "dynamodb:PutItem", operation: "PutItem",
      resource: "arn:aws:dynamodb:ap-northeast-1:123456789012:table/t", region: "ap-northeast-1",
      url: "https://dynamodb.ap-northeast-1.amazonaws.com/"),
    URLCase(
      action: "secretsmanager:GetSecretValue", operation: "GetSecretValue",
      resource: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db", region: "us-east-1",
      url: "https://secretsmanager.us-east-1.amazonaws.com/"),
    URLCase(
      action: "s3:ListBucket", operation: "ListObjectsV2", resource: "arn:aws:s3:::my.bucket",
      region: "us-east-1", url: "https://s3.amazonaws.com/my.bucket?list-type=2&encoding-type=url"),
    URLCase(
      action: "s3:GetObject", operation: "GetObject", resource: "arn:aws:s3:::my.bucket/a/b.txt",
      region: "eu-west-1", url: "https://s3.eu-west-1.amazonaws.com/my.bucket/a/b.txt"),
    URLCase(
      action: "s3:PutObject", operation: "PutObject", resource: "arn:aws:s3:::demo-data/a b/c.txt",
      region: "us-east-1", url: "https://demo-data.s3.amazonaws.com/a%20b/c.txt"),
    URLCase(
      action: "s3:ListAllMyBuckets", operation: "ListBuckets", resource: "*", region: "eu-west-1",
      url: "https://s3.eu-west-1.amazonaws.com/"),
    URLCase(
      action: "s3:ListBucket", operation: "ListObjectsV2", resource: "arn:aws:s3:::demo-data",
      region: "us-east-1", delimitedPrefix: "reports/",
      url:
        "https://demo-data.s3.amazonaws.com/?list-type=2&prefix=reports%2F&delimiter=%2F&encoding-type=url"
    ),
    URLCase(
      action: "sts:GetCallerIdentity", operation: "GetCallerIdentity", resource: "*",
      region: "us-east-1", url: "https://sts.us-east-1.amazonaws.com/"),
  ]

  @Test(arguments: urls)
  func endpointURLs(_ c: URLCase) {
    let call = AppCall(.atStart, "X", c.operation, action: c.action, resource: c.resource)
    #expect(call.egressService == String(c.action.prefix { $0 != ":" }))
    #expect(
      call.endpointURL(resource: c.resource, region: c.region, delimitedPrefix: c.delimitedPrefix)
        == c.url)
  }

  /// FireLens's log router sends from the task's network too: without a path to CloudWatch Logs
  /// it logs a connection timeout instead of delivering.
  @Test func theLogRouterNeedsAPathToLogs() throws {
    var s = Session(config: SessionConfig(language: .en), lessons: LessonLibrary())
    let policy =
      #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}'"#
    for line in [
      "aws ecs create-cluster --cluster-name demo",
      "aws s3 mb s3://demo-data",
      "aws logs create-log-group --log-group-name /app/lister",
      "aws iam create-role --role-name appRole --assume-role-policy-document \(Self.trust)",
      "aws iam put-role-policy --role-name appRole --policy-name firelens --policy-document \(policy)",
      "SUBNET=$(aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query Subnets[0].SubnetId --output text)",
      "SG=$(aws ec2 describe-security-groups --group-names default --query SecurityGroups[0].GroupId --output text)",
      #"aws ecs register-task-definition --family lister --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --task-role-arn arn:aws:iam::123456789012:role/appRole --container-definitions '[{"name":"log_router","image":"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable","essential":true,"firelensConfiguration":{"type":"fluentbit"}},{"name":"lister","image":"public.ecr.aws/ecs-tutor/s3-lister","essential":true,"environment":[{"name":"BUCKET","value":"demo-data"}],"logConfiguration":{"logDriver":"awsfirelens","options":{"Name":"cloudwatch_logs","region":"us-east-1","log_group_name":"/app/lister","log_stream_prefix":"lister/"}}}]'"#,
      #"aws ecs run-task --cluster demo --task-definition lister --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$SUBNET],securityGroups=[$SG],assignPublicIp=ENABLED}""#,
      "wait 45s",
    ] {
      ScenarioTests.ok(&s, line)
    }
    let task = try #require(s.world.workloads.tasks.first { $0.lastStatus == .running })
    let delivered = s.world.logs.groups.first { $0.name == "/app/lister" }?.streams.count ?? 0
    #expect(delivered == 1)
    ScenarioTests.ok(
      &s, "aws ec2 revoke-security-group-egress --group-id $SG --protocol all --cidr 0.0.0.0/0")
    ScenarioTests.ok(&s, "wait 1m")
    let router = s.world.applications.lines(taskId: task.id, container: "log_router").last?.message
    #expect(
      router
        == "[error] [upstream] connection #1 to tcp://logs.us-east-1.amazonaws.com:443 timed out after 10 seconds (connection timeout)"
    )
  }
}
