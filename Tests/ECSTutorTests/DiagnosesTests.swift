import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// Every diagnosis in lessons/diagnoses.yaml, triggered by the command lines a learner would
/// type: the last line of each case is the one whose error, events or stopped tasks show AWS's
/// words, and its output must carry the diagnosis.
@Suite struct DiagnosesTests {
  static let ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
  static let executionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
  static let subnet = "SUBNET=$(aws ec2 describe-subnets --query Subnets[0].SubnetId --output text)"
  static let fargate =
    "aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512"
  static let runFargate =
    "aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration \"awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}\""
  static let ecsAMI =
    "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
  static let awslogs =
    "logConfiguration={logDriver=awslogs,options={awslogs-group=/ecs/web,awslogs-region=us-east-1,awslogs-stream-prefix=web}}"

  static func role(trusting service: String) -> String {
    #"aws iam create-role --role-name ecsTaskExecutionRole --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":""#
      + service + #""},"Action":"sts:AssumeRole"}]}'"#
  }
  static func attach(_ policy: String) -> String {
    "aws iam attach-role-policy --role-name ecsTaskExecutionRole --policy-arn arn:aws:iam::aws:policy/\(policy)"
  }
  static let pushWeb = [
    "aws ecr create-repository --repository-name web",
    "docker build -t web .",
    "docker tag web:latest \(ecr)/web:v1",
    "aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin \(ecr)",
    "docker push \(ecr)/web:v1",
  ]
  static let cluster = ["aws ecs create-cluster --cluster-name demo"]
  static let ec2Cluster = cluster + ["capacity add --cluster demo --count 1"]
  static let nginx =
    "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256"

  /// A diagnosis, the command lines that show it (the last one triggers it) and the other
  /// diagnoses the same output rightly shows.
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var lines: [String]
    var also: [String] = []
    var testDescription: String { id }
  }

  static let trustTasks =
    #"'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'"#
  static let lister =
    #"--container-definitions '[{"name":"app","image":"public.ecr.aws/ecs-tutor/s3-lister","memory":128,"environment":[{"name":"BUCKET","value":"demo-data"}]}]'"#
  static let appRole =
    "aws iam create-role --role-name appRole --assume-role-policy-document \(trustTasks)"
  static let webExec =
    #"--task-role-arn arn:aws:iam::123456789012:role/appRole --container-definitions '[{"name":"web","image":"public.ecr.aws/ecs-tutor/web"}]'"#

  static let cases: [Case] = [
    Case(
      id: "app-no-credentials",
      lines: cluster + [
        subnet, "aws s3 mb s3://demo-data", "\(fargate) \(lister)", runFargate, "wait 30s",
      ]
    ),
    Case(
      id: "app-access-denied",
      lines: cluster + [
        subnet, "aws s3 mb s3://demo-data", appRole,
        "\(fargate) --task-role-arn arn:aws:iam::123456789012:role/appRole \(lister)", runFargate,
        "wait 30s",
      ]
    ),
    Case(
      id: "app-uses-instance-role",
      lines: ec2Cluster + [
        "wait 2m", "aws s3 mb s3://demo-data",
        "aws ecs register-task-definition --family web --network-mode bridge \(lister)",
        "aws ecs run-task --cluster demo --task-definition web", "wait 30s",
      ]
    ),
    Case(
      id: "exec-not-enabled",
      lines: cluster + [
        subnet, appRole, "\(fargate) \(webExec)", runFargate, "wait 1m",
        "aws ecs execute-command --cluster demo --task $(aws ecs list-tasks --cluster demo --query taskArns[0] --output text) --interactive --command /bin/sh",
      ]
    ),
    Case(
      id: "exec-not-connected",
      lines: cluster + [
        subnet, appRole, "\(fargate) \(webExec)", runFargate + " --enable-execute-command",
        "wait 1m",
        "aws ecs execute-command --cluster demo --task $(aws ecs list-tasks --cluster demo --query taskArns[0] --output text) --interactive --command /bin/sh",
      ]
    ),
    Case(
      id: "empty-cluster",
      lines: cluster + [nginx, "aws ecs run-task --cluster demo --task-definition web"]
    ),
    Case(
      id: "awsvpc-host-port",
      lines: [
        "aws ecs register-task-definition --family web --network-mode awsvpc --container-definitions 'name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=8080}]'"
      ]
    ),
    Case(id: "push-without-login", lines: Array(pushWeb.prefix(3)) + ["docker push \(ecr)/web:v1"]),
    Case(
      id: "fargate-no-egress",
      lines: cluster + [
        "\(fargate) --container-definitions name=web,image=nginx", subnet,
        "aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[$SUBNET]}",
      ]
    ),
    Case(
      id: "fargate-needs-awsvpc",
      lines: [
        "aws ecs register-task-definition --family web --requires-compatibilities FARGATE --cpu 256 --memory 512 --container-definitions name=web,image=nginx"
      ]
    ),
    Case(
      id: "fargate-task-size",
      lines: [
        "aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --container-definitions name=web,image=nginx,memory=512"
      ]
    ),
    Case(
      id: "fargate-invalid-size",
      lines: [
        "aws ecs register-task-definition --family web --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 4096 --container-definitions name=web,image=nginx"
      ]
    ),
    Case(
      id: "fargate-ecr-needs-execution-role",
      lines: ["\(fargate) --container-definitions name=web,image=\(ecr)/web:v1"]
    ),
    Case(
      id: "awslogs-needs-execution-role",
      lines: ["\(fargate) --container-definitions 'name=web,image=nginx,\(awslogs)'"]
    ),
    Case(
      id: "execution-role-ecr-denied",
      lines: cluster + pushWeb + [
        role(trusting: "ecs-tasks.amazonaws.com"),
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions name=web,image=\(ecr)/web:v1",
        subnet, runFargate,
      ]
    ),
    Case(
      id: "logs-access-denied",
      lines: cluster + [
        role(trusting: "ecs-tasks.amazonaws.com"), attach("AmazonEC2ContainerRegistryReadOnly"),
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions 'name=web,image=nginx,\(awslogs)'",
        subnet, runFargate,
      ]
    ),
    Case(
      id: "log-group-missing",
      lines: ec2Cluster + [
        "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=256,\(awslogs)'",
        "aws ecs run-task --cluster demo --task-definition web",
      ]
    ),
    Case(
      id: "role-trust-policy",
      lines: cluster + [
        role(trusting: "ec2.amazonaws.com"),
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions name=web,image=nginx",
        subnet, runFargate,
      ]
    ),
    Case(
      id: "secrets-permission",
      lines: cluster + [
        "aws ssm put-parameter --name /app/db-password --type SecureString --value s3cret",
        role(trusting: "ecs-tasks.amazonaws.com"),
        attach("service-role/AmazonECSTaskExecutionRolePolicy"),
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions 'name=web,image=nginx,secrets=[{name=DB_PASSWORD,valueFrom=/app/db-password}]'",
        subnet, runFargate,
      ]
    ),
    Case(
      id: "instance-role-ecr-denied",
      lines: ec2Cluster + pushWeb + [
        "aws iam detach-role-policy --role-name ecsInstanceRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
        "aws iam put-role-policy --role-name ecsInstanceRole --policy-name agent --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecs:*\",\"logs:*\",\"ecr:GetAuthorizationToken\"],\"Resource\":\"*\"}]}'",
        "aws ecs register-task-definition --family web --container-definitions name=web,image=\(ecr)/web:v1,memory=256",
        "aws ecs run-task --cluster demo --task-definition web",
      ]
    ),
    Case(
      id: "secret-not-found",
      lines: cluster + [
        role(trusting: "ecs-tasks.amazonaws.com"),
        attach("service-role/AmazonECSTaskExecutionRolePolicy"),
        "aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name secrets --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameters\",\"Resource\":\"*\"}]}'",
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions 'name=web,image=nginx,secrets=[{name=DB_PASSWORD,valueFrom=/app/nothing}]'",
        subnet, runFargate,
      ]
    ),
    Case(
      id: "secret-kms-denied",
      lines: cluster + [
        "aws secretsmanager create-secret --name db --kms-key-id 1234abcd-12ab-34cd-56ef-1234567890ab --secret-string s3cret",
        "ARN=$(aws secretsmanager describe-secret --secret-id db --query ARN --output text)",
        role(trusting: "ecs-tasks.amazonaws.com"),
        attach("service-role/AmazonECSTaskExecutionRolePolicy"),
        "aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name secrets --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}'",
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions \"name=web,image=nginx,secrets=[{name=DB_PASSWORD,valueFrom=$ARN}]\"",
        subnet, runFargate,
      ]
    ),
    Case(
      id: "image-not-found",
      lines: ec2Cluster + [
        "aws ecr create-repository --repository-name web",
        "aws ecs register-task-definition --family web --container-definitions name=web,image=\(ecr)/web:v1,memory=256",
        "aws ecs run-task --cluster demo --task-definition web",
      ]
    ),
    Case(
      id: "none-port-mappings",
      lines: [
        "aws ecs register-task-definition --family job --network-mode none --container-definitions name=job,image=busybox,memory=64,portMappings=[{containerPort=80}]"
      ]
    ),
    Case(
      id: "host-mode-host-port",
      lines: [
        "aws ecs register-task-definition --family web --network-mode host --container-definitions 'name=web,image=nginx,memory=64,portMappings=[{containerPort=80,hostPort=8080}]'"
      ]
    ),
    Case(
      id: "eni-exhaustion",
      lines: cluster + [
        "capacity add --cluster demo --count 1", subnet,
        "aws ecs register-task-definition --family web --network-mode awsvpc --container-definitions name=web,image=nginx,memory=64,portMappings=[{containerPort=80}]",
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 3 --network-configuration awsvpcConfiguration={subnets=[$SUBNET]}",
      ]
    ),
    Case(
      id: "static-host-port",
      lines: cluster + [
        "capacity add --cluster demo --count 2",
        "aws ecs register-task-definition --family web --network-mode bridge --container-definitions 'name=web,image=nginx,memory=256,portMappings=[{containerPort=80,hostPort=80}]'",
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 3",
      ]
    ),
    Case(
      id: "insufficient-resources",
      lines: ec2Cluster + [
        "aws ecs register-task-definition --family big --container-definitions name=big,image=nginx,memory=16384",
        "aws ecs create-service --cluster demo --service-name big --task-definition big --desired-count 1",
      ]
    ),
    Case(
      id: "container-memory",
      lines: [
        "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx"
      ]
    ),
    Case(
      id: "public-ip-on-ec2",
      lines: ec2Cluster + [
        "aws ecs register-task-definition --family web --network-mode awsvpc --container-definitions name=web,image=nginx,memory=256",
        subnet,
        "aws ecs run-task --cluster demo --task-definition web --launch-type EC2 --network-configuration \"awsvpcConfiguration={subnets=[$SUBNET],assignPublicIp=ENABLED}\"",
      ]
    ),
    Case(
      id: "awsvpc-needs-network-configuration",
      lines: cluster + [
        "\(fargate) --container-definitions name=web,image=nginx",
        "aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE",
      ]
    ),
    Case(
      id: "network-configuration-not-valid",
      lines: ec2Cluster + [
        "aws ecs register-task-definition --family web --network-mode bridge --container-definitions name=web,image=nginx,memory=256",
        subnet,
        "aws ecs run-task --cluster demo --task-definition web --network-configuration awsvpcConfiguration={subnets=[$SUBNET]}",
      ]
    ),
    Case(
      id: "instance-in-default-cluster",
      lines: cluster + [
        "aws ec2 run-instances --image-id \(ecsAMI) --instance-type t3.medium --iam-instance-profile Name=ecsInstanceRole"
      ]
    ),
    Case(
      id: "instance-without-credentials",
      lines: cluster + [
        "aws ec2 run-instances --image-id \(ecsAMI) --instance-type t3.medium --user-data 'echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config'"
      ]
    ),
    Case(
      id: "non-ecs-ami",
      lines: cluster + [
        "aws ec2 run-instances --image-id resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --instance-type t3.medium --iam-instance-profile Name=ecsInstanceRole --user-data 'echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config'"
      ]
    ),
    Case(
      id: "delete-cluster-in-use", lines: ec2Cluster + ["aws ecs delete-cluster --cluster demo"]),
    Case(
      id: "delete-service-scaled-up",
      lines: ec2Cluster + [
        nginx,
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1",
        "aws ecs delete-service --cluster demo --service web",
      ]
    ),
    Case(
      id: "service-cannot-start-tasks",
      lines: ec2Cluster + [
        "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx:no-such-tag,memory=256",
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1",
      ],
      also: ["image-not-found"]
    ),
    Case(
      id: "service-not-idempotent",
      lines: ec2Cluster + [
        nginx,
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1",
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2",
      ]
    ),
    Case(
      id: "circuit-breaker-rollback",
      lines: cluster + [
        "capacity add --cluster demo --count 2", nginx,
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2 --deployment-configuration 'deploymentCircuitBreaker={enable=true,rollback=true}'",
        "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx:no-such-tag,memory=256",
        "aws ecs update-service --cluster demo --service web --task-definition web:2",
      ],
      also: ["image-not-found"]
    ),
    // VPC egress (issue 8): each missing hop of a private subnet, one endpoint at a time.
    Case(id: "vpc-no-path-to-ecr-api", lines: privateECRTask + [runPrivate]),
    Case(
      id: "vpc-no-path-to-ecr-dkr",
      lines: privateECRTask + [endpoint("ecr.api"), "wait 1m", runPrivate]),
    Case(
      id: "vpc-no-s3-gateway-endpoint",
      lines: privateECRTask + [endpoint("ecr.api"), endpoint("ecr.dkr"), "wait 1m", runPrivate]),
    Case(
      id: "vpc-no-path-to-logs",
      lines: privateECRTask + [
        endpoint("ecr.api"), endpoint("ecr.dkr"),
        "aws ec2 create-vpc-endpoint --vpc-id $VPC --service-name com.amazonaws.us-east-1.s3 --route-table-ids $RTB",
        "wait 1m", runPrivate,
      ]),
    Case(
      id: "vpc-agent-cannot-reach-ecs",
      lines: cluster + privateVPC + [
        "aws ec2 run-instances --image-id \(ecsAMI) --instance-type t3.medium --subnet-id $SUBNET --iam-instance-profile Name=ecsInstanceRole --user-data 'echo ECS_CLUSTER=demo >> /etc/ecs/ecs.config'"
      ]),
    Case(
      id: "vpc-no-path-to-secrets",
      lines: cluster + [
        "aws secretsmanager create-secret --name db --secret-string s3cret",
        "ARN=$(aws secretsmanager describe-secret --secret-id db --query ARN --output text)",
        role(trusting: "ecs-tasks.amazonaws.com"),
        attach("service-role/AmazonECSTaskExecutionRolePolicy"),
        "aws iam put-role-policy --role-name ecsTaskExecutionRole --policy-name secrets --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}'",
        "\(fargate) --execution-role-arn \(executionRole) --container-definitions \"name=web,image=nginx,secrets=[{name=DB_PASSWORD,valueFrom=$ARN}]\"",
      ] + privateVPC + [runPrivate]),
    Case(
      id: "vpc-gateway-not-attached",
      lines: privateVPC + [
        "IGW=$(aws ec2 create-internet-gateway --query InternetGateway.InternetGatewayId --output text)",
        "aws ec2 create-route --route-table-id $RTB --destination-cidr-block 0.0.0.0/0 --gateway-id $IGW",
      ]),
    Case(
      id: "vpc-instance-no-path-to-registry",
      lines: cluster + pushWeb + privateVPC + [
        endpoint("ecs"), endpoint("ecs-agent"),
        "aws ec2 run-instances --image-id \(ecsAMI) --instance-type t3.medium --subnet-id $SUBNET --iam-instance-profile Name=ecsInstanceRole --user-data '#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config'",
        "wait 2m",
        "aws ecs register-task-definition --family web --container-definitions name=web,image=\(ecr)/web:v1,memory=256",
        "aws ecs run-task --cluster demo --task-definition web",
      ]),
    Case(
      id: "target-group-without-load-balancer",
      lines: albBase + [
        "aws elbv2 create-target-group --name lonely --protocol HTTP --port 80 --vpc-id $VPC",
        "LONELY=$(aws elbv2 describe-target-groups --names lonely --query 'TargetGroups[0].TargetGroupArn' --output text)",
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1 --load-balancers targetGroupArn=$LONELY,containerName=web,containerPort=80",
      ]),
    Case(
      id: "target-type-network-mode",
      lines: albBase + [
        "aws ecs register-task-definition --family vpc --network-mode awsvpc --container-definitions 'name=web,image=nginx,memory=128,portMappings=[{containerPort=80}]'",
        subnet,
        "aws ecs create-service --cluster demo --service-name vpc --task-definition vpc --desired-count 1 --network-configuration awsvpcConfiguration={subnets=[$SUBNET]} --load-balancers targetGroupArn=$TG,containerName=web,containerPort=80",
      ]),
    Case(
      id: "elb-health-response-code",
      lines: albBase + [
        albService,
        "aws elbv2 modify-target-group --target-group-arn $TG --health-check-path /health",
      ]),
    Case(
      id: "elb-health-timeout",
      lines: albBase + [
        "aws ec2 revoke-security-group-ingress --group-id $SG --protocol all --source-group $SG",
        albService,
      ]),
    Case(
      id: "container-health-check-failed",
      lines: ec2Cluster + [
        "aws ecs register-task-definition --family hc --container-definitions '[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"healthCheck\":{\"command\":[\"CMD-SHELL\",\"curl -f http://localhost/health || exit 1\"]}}]'",
        "aws ecs create-service --cluster demo --service-name hc --task-definition hc --desired-count 1",
      ]),
    Case(
      id: "elb-health-refused",
      lines: albBase + [
        "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=128,portMappings=[{containerPort=8080,hostPort=0}]'",
        "aws ecs create-service --cluster demo --service-name web --task-definition web:2 --desired-count 1 --load-balancers targetGroupArn=$TG,containerName=web,containerPort=8080",
      ]),
    Case(id: "app-no-path-to-s3", lines: awsvpcOnEC2("s3-lister", "BUCKET", "demo-data")),
    Case(id: "app-no-path-to-dynamodb", lines: awsvpcOnEC2("orders", "TABLE", "orders")),
    Case(
      id: "app-no-path-to-service",
      lines: awsvpcOnEC2(
        "secret-reader", "SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db",
        wait: false)),
  ]

  /// An awsvpc task on an EC2 instance of the default VPC (its ENI has no public IP, so no way
  /// out), running the demo app `app` with the task role appRole and `ENV=value`; a minute
  /// later, unless the app calls only at start (during run-task).
  static func awsvpcOnEC2(_ app: String, _ env: String, _ value: String, wait: Bool = true)
    -> [String]
  {
    ec2Cluster + [
      "wait 2m", subnet, appRole,
      "aws ecs register-task-definition --family app --network-mode awsvpc --task-role-arn arn:aws:iam::123456789012:role/appRole --container-definitions '[{\"name\":\"app\",\"image\":\"public.ecr.aws/ecs-tutor/\(app)\",\"memory\":128,\"environment\":[{\"name\":\"\(env)\",\"value\":\"\(value)\"}]}]'",
      "aws ecs run-task --cluster demo --task-definition app --network-configuration awsvpcConfiguration={subnets=[$SUBNET]}",
    ] + (wait ? ["wait 1m"] : [])
  }

  /// A new VPC with one private subnet (its main route table: local only) and DNS hostnames on.
  static let privateVPC = [
    "VPC=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)",
    "aws ec2 modify-vpc-attribute --vpc-id $VPC --enable-dns-hostnames",
    "SUBNET=$(aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.1.0/24 --query Subnet.SubnetId --output text)",
    "RTB=$(aws ec2 describe-route-tables --filters Name=vpc-id,Values=$VPC --query RouteTables[0].RouteTableId --output text)",
  ]
  /// A Fargate task definition for a private ECR image with awslogs, and the private VPC.
  static let privateECRTask =
    cluster + pushWeb + [
      role(trusting: "ecs-tasks.amazonaws.com"),
      attach("service-role/AmazonECSTaskExecutionRolePolicy"),
      "aws logs create-log-group --log-group-name /ecs/web",
      "\(fargate) --execution-role-arn \(executionRole) --container-definitions 'name=web,image=\(ecr)/web:v1,\(awslogs)'",
    ] + privateVPC
  static let runPrivate =
    "aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[$SUBNET]}"
  static func endpoint(_ service: String) -> String {
    "aws ec2 create-vpc-endpoint --vpc-id $VPC --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.\(service) --subnet-ids $SUBNET"
  }

  /// Two instances, an ALB in the default group with a listener forwarding to target group
  /// `$TG` (instance), and task definition web (nginx, dynamic host port).
  static let albBase =
    cluster + [
      "capacity add --cluster demo --count 2",
      "VPC=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)",
      "S1=$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)",
      "S2=$(aws ec2 describe-subnets --query 'Subnets[1].SubnetId' --output text)",
      "SG=$(aws ec2 describe-security-groups --group-names default --query 'SecurityGroups[0].GroupId' --output text)",
      "LB=$(aws elbv2 create-load-balancer --name web --subnets $S1 $S2 --query 'LoadBalancers[0].LoadBalancerArn' --output text)",
      "TG=$(aws elbv2 create-target-group --name web --protocol HTTP --port 80 --vpc-id $VPC --query 'TargetGroups[0].TargetGroupArn' --output text)",
      "aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG",
      "aws ecs register-task-definition --family web --container-definitions 'name=web,image=nginx,memory=128,portMappings=[{containerPort=80,hostPort=0}]'",
    ]
  static let albService =
    "aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 1 --load-balancers targetGroupArn=$TG,containerName=web,containerPort=80"

  static func session(_ lang: Language = .en) throws -> Session {
    Session(config: SessionConfig(language: lang), lessons: try repositoryLessons())
  }

  /// The first `**bold**` phrase of a text: the concept the diagnosis names.
  static func boldPhrase(_ text: String) -> String? {
    let parts = text.components(separatedBy: "**")
    return parts.count >= 3 ? parts[1] : nil
  }

  /// Runs the lines and returns what the last one said.
  static func run(_ lines: [String], _ lang: Language = .en) throws -> String {
    var s = try session(lang)
    for line in lines.dropLast() { _ = s.handle(line) }
    return s.handle(lines.last ?? "").text
  }

  /// The diagnoses whose concept (first bold phrase) appears in `said`, in file order.
  static func fired(in said: String, _ library: LessonLibrary, _ lang: Language = .en) -> [String] {
    library.diagnoses.filter { d in
      Self.boldPhrase(d.text.text(lang)).map { said.contains($0) } ?? false
    }.map(\.id)
  }

  @Test(arguments: cases)
  func theLastCommandShowsTheDiagnosis(_ c: Case) throws {
    let library = try repositoryLessons()
    let diagnosis = try #require(
      library.diagnoses.first { $0.id == c.id }, "no diagnosis '\(c.id)'")
    let phrase = try #require(Self.boldPhrase(diagnosis.text.text(.en)))
    let said = try Self.run(c.lines)
    #expect(said.contains("→ **" + phrase + "**"), "\(c.id): \(said)")
    // No other diagnosis claims the same output, unless it is rightly part of it.
    #expect(Set(Self.fired(in: said, library)) == Set([c.id] + c.also), "\(c.id): \(said)")
  }

  @Test func everyDiagnosisIsTriggeredByACase() throws {
    let ids = try repositoryLessons().diagnoses.map(\.id)
    #expect(ids.count >= 20)
    let tested = Set(Self.cases.map(\.id))
    #expect(ids.filter { !tested.contains($0) } == [])
    #expect(tested.subtracting(ids) == [])
  }

  @Test func everyDiagnosisNamesItsConceptInBothLanguages() throws {
    for d in try repositoryLessons().diagnoses {
      #expect(Self.boldPhrase(d.text.text(.en)) != nil, "\(d.id) en")
      #expect(Self.boldPhrase(d.text.text(.ja)) != nil, "\(d.id) ja")
      #expect(d.text.text(.ja) != d.text.text(.en), "\(d.id) has no Japanese text")
    }
  }

  @Test func japaneseLearnersGetTheJapaneseDiagnosis() throws {
    let said = try Self.run(
      [
        "aws ecs register-task-definition --family web --container-definitions name=web,image=nginx"
      ],
      .ja)
    #expect(said.contains("EC2 では、スケジューラがコンテナを配置するためにメモリの予約が必要です。"))
    #expect(!said.contains("the scheduler needs a memory reservation"))
    // AWS's own words stay English.
    #expect(said.contains("At least one of 'memory' or 'memoryReservation' must be specified."))
  }

  @Test func inManualTimeTheWaitThatShowsTheFailureDiagnosesIt() throws {
    let lines =
      ["time manual"] + Self.cluster + [
        "\(Self.fargate) --container-definitions name=web,image=nginx", Self.subnet,
        "aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[$SUBNET]}",
      ]
    var s = try Self.session()
    for line in lines {
      #expect(!s.handle(line).text.contains("→ "), "\(line)")
    }
    let said = s.handle("wait 60s").text
    #expect(said.contains("→ **A Fargate task pulls, fetches secrets and logs"), "\(said)")
    #expect(!s.handle("wait 60s").text.contains("→ "), "a failure is diagnosed once")
  }

  @Test func aHealthyFargateRunIsNotDiagnosed() throws {
    let said = try Self.run(
      Self.cluster + [
        "\(Self.fargate) --container-definitions name=web,image=nginx", Self.subnet,
        Self.runFargate,
      ])
    #expect(said.contains("\"lastStatus\""))
    #expect(!said.contains("→ "), "\(said)")
  }
}
