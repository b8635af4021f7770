/// IAM: roles, their trust and permission policies, and instance profiles.
public struct IdentityState: Sendable, Equatable {
  /// DeleteServiceLinkedRole's deletion task IDs (GetServiceLinkedRoleDeletionStatus).
  public var slrDeletionTasks: [String] = []
  public var roles: [Role] = []
  public var instanceProfiles: [InstanceProfile] = []
  /// Customer managed policies (`iam create-policy`), in the order they were created.
  public var policies: [CustomerPolicy] = []
  /// The IAM user the learner's CLI calls as (`sts get-caller-identity`).
  public var userName = "learner"
  /// The user's unique ID (`AIDA...`).
  public var userId = "AIDA"

  public init() {}

  /// A fresh account's IAM, as the ECS console's first run leaves it: `ecsInstanceRole` with its
  /// instance profile and the ECS service-linked role. `ecsTaskExecutionRole` is not there: the
  /// learner creates it. IDs come from their own generator, so the world's sequence is unchanged.
  ///
  /// ```swift
  /// let iam = IdentityState(account: "123456789012", seed: 1, at: SimClock.defaultStart)
  /// iam.roles.map(\.name)  // ["AWSServiceRoleForECS", "ecsInstanceRole"]
  /// ```
  public init(account: String, seed: UInt64, at now: Int64) {
    var rng = SeededRandom(seed: seed ^ 0x1A11_5EED)
    let created = now - 30 * 86_400_000
    userId = "AIDA" + rng.upperAlphanumeric(17)
    var slr = Role(
      name: "AWSServiceRoleForECS", path: "/aws-service-role/ecs.amazonaws.com/",
      roleId: "AROA" + rng.upperAlphanumeric(17), account: account, createDate: created,
      trust: Role.trustPolicy(service: "ecs.amazonaws.com"))
    slr.description = "Role to enable Amazon ECS to manage your cluster."
    slr.attachedPolicyArns = [ManagedPolicy.ecsServiceRolePolicy]
    var instanceRole = Role(
      name: "ecsInstanceRole", path: "/", roleId: "AROA" + rng.upperAlphanumeric(17),
      account: account,
      createDate: created, trust: Role.trustPolicy(service: "ec2.amazonaws.com"))
    instanceRole.attachedPolicyArns = [ManagedPolicy.ec2ContainerServiceForEC2Role]
    roles = [slr, instanceRole]
    instanceProfiles = [
      InstanceProfile(
        name: "ecsInstanceRole", path: "/", id: "AIPA" + rng.upperAlphanumeric(17),
        account: account,
        createDate: created, roleNames: ["ecsInstanceRole"])
    ]
  }
}

/// An IAM role: who may assume it (trust policy) and what it may do (managed and inline policies).
public struct Role: Sendable, Equatable {
  public var name: String
  public var path: String
  /// `AROA` and 17 uppercase letters and digits.
  public var roleId: String
  public var arn: String
  public var createDate: Int64
  /// The trust policy as the learner wrote it (object member order kept).
  public var assumeRolePolicy: JSONValue
  public var description: String?
  public var maxSessionDuration = 3600
  public var attachedPolicyArns: [String] = []
  /// Inline policies by name, in the order they were put.
  public var inlinePolicies: [InlinePolicy] = []
  public var tags: [Tag] = []

  public init(
    name: String, path: String, roleId: String, account: String, createDate: Int64, trust: JSONValue
  ) {
    self.name = name
    self.path = path
    self.roleId = roleId
    self.arn = "arn:aws:iam::\(account):role\(path)\(name)"
    self.createDate = createDate
    self.assumeRolePolicy = trust
  }

  /// A trust policy that lets one AWS service assume the role.
  public static func trustPolicy(service: String) -> JSONValue {
    [
      "Version": "2012-10-17",
      "Statement": [
        ["Effect": "Allow", "Principal": ["Service": .string(service)], "Action": "sts:AssumeRole"]
      ],
    ]
  }
}

/// A policy embedded in one role.
public struct InlinePolicy: Sendable, Equatable {
  public var name: String
  public var document: JSONValue
  public init(name: String, document: JSONValue) {
    self.name = name
    self.document = document
  }
}

/// An instance profile: the container that hands a role to an EC2 instance (at most one role).
public struct InstanceProfile: Sendable, Equatable {
  public var name: String
  public var path: String
  /// `AIPA` and 17 uppercase letters and digits.
  public var id: String
  public var arn: String
  public var createDate: Int64
  public var roleNames: [String]
  public var tags: [Tag] = []

  public init(
    name: String, path: String, id: String, account: String, createDate: Int64, roleNames: [String]
  ) {
    self.name = name
    self.path = path
    self.id = id
    self.arn = "arn:aws:iam::\(account):instance-profile\(path)\(name)"
    self.createDate = createDate
    self.roleNames = roleNames
  }
}

/// An AWS managed policy the simulation knows: its real ARN and its default version's document.
public struct ManagedPolicy: Sendable, Equatable {
  public var name: String
  public var arn: String
  public var path: String
  /// The default version's policy document, as AWS's managed policy reference prints it.
  public var document: JSONValue
  /// The default version (`v3`), where the reference gives it.
  public var versionId = "v1"

  static let ecsServiceRolePolicy =
    "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy"
  static let ec2ContainerServiceForEC2Role =
    "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"

  /// The policy with `arn`, if the simulation knows it.
  public static func find(_ arn: String) -> ManagedPolicy? { all.first { $0.arn == arn } }

  /// The actions the document's Allow statements name (for listings; evaluation reads `document`).
  public var actions: [String] {
    PolicyEvaluator.statements(document).filter { $0["Effect"]?.stringValue == "Allow" }
      .flatMap { $0["Action"].map(PolicyStatement.strings) ?? [] }
  }

  /// A policy of one Allow statement on every resource.
  static func aws(_ path: String, _ name: String, _ actions: [String], version: String = "v1")
    -> ManagedPolicy
  {
    aws(
      path, name,
      statements: [
        ["Effect": "Allow", "Action": .array(actions.map { .string($0) }), "Resource": "*"]
      ], version: version)
  }

  static func aws(_ path: String, _ name: String, statements: [JSONValue], version: String)
    -> ManagedPolicy
  {
    ManagedPolicy(
      name: name, arn: "arn:aws:iam::aws:policy\(path)\(name)", path: path,
      document: ["Version": "2012-10-17", "Statement": .array(statements)], versionId: version)
  }

  /// The managed policies ECS lessons use. Documents from AWS's managed policy reference
  /// (docs.aws.amazon.com/aws-managed-policy/latest/reference/NAME.html) where noted ✓; the others
  /// are abridged to the statements that matter here (UNCONFIRMED as full documents).
  public static let all: [ManagedPolicy] = [
    // ✓ DG:task_execution_IAM_role, ecs-facts §4.
    aws(
      "/service-role/", "AmazonECSTaskExecutionRolePolicy",
      [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents",
      ]),
    // Actions ✓ ecs-facts §4 (DG:instance_IAM_role); the TagResource condition's exact values
    // are UNCONFIRMED.
    aws(
      "/service-role/", "AmazonEC2ContainerServiceforEC2Role",
      statements: [
        [
          "Effect": "Allow",
          "Action": [
            "ec2:DescribeTags", "ecs:CreateCluster", "ecs:DeregisterContainerInstance",
            "ecs:DiscoverPollEndpoint", "ecs:Poll", "ecs:RegisterContainerInstance",
            "ecs:StartTelemetrySession", "ecs:UpdateContainerInstancesState", "ecs:Submit*",
            "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream",
            "logs:PutLogEvents",
          ],
          "Resource": "*",
        ],
        [
          "Effect": "Allow", "Action": "ecs:TagResource", "Resource": "*",
          "Condition": [
            "StringEquals": ["ecs:CreateAction": ["CreateCluster", "RegisterContainerInstance"]]
          ],
        ],
      ], version: "v10"),
    aws(
      "/aws-service-role/", "AmazonECSServiceRolePolicy",
      [
        "ec2:AttachNetworkInterface", "ec2:CreateNetworkInterface",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission", "ec2:Describe*",
        "ec2:DetachNetworkInterface", "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
        "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:Describe*",
        "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
        "elasticloadbalancing:RegisterTargets",
        "route53:ChangeResourceRecordSets", "servicediscovery:*", "logs:CreateLogGroup",
        "logs:DescribeLogGroups", "logs:PutLogEvents", "autoscaling:Describe*",
      ]),
    aws(
      "/", "AmazonECS_FullAccess",
      [
        "ecs:*", "application-autoscaling:*", "autoscaling:*", "cloudwatch:*", "ec2:Describe*",
        "ec2:CreateLaunchTemplate", "ec2:RunInstances", "ec2:TerminateInstances", "ecr:*",
        "elasticloadbalancing:*", "iam:ListRoles", "iam:ListInstanceProfiles", "iam:PassRole",
        "logs:CreateLogGroup", "logs:DescribeLogGroups", "logs:FilterLogEvents",
        "servicediscovery:*", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
      ]),
    // ✓ v3.
    aws(
      "/", "AmazonS3ReadOnlyAccess",
      ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"],
      version: "v3"),
    aws("/", "AmazonS3FullAccess", ["s3:*", "s3-object-lambda:*"], version: "v2"),
    aws("/", "AmazonDynamoDBFullAccess", ["dynamodb:*"]),
    // v15's GeneralReadOnlyAccess statement, reduced to its dynamodb actions (it also names
    // application-autoscaling, cloudwatch, datapipeline, dax and ec2 actions, and more).
    aws(
      "/", "AmazonDynamoDBReadOnlyAccess",
      statements: [
        [
          "Sid": "GeneralReadOnlyAccess",
          "Action": [
            "dynamodb:BatchGetItem", "dynamodb:Describe*", "dynamodb:List*",
            "dynamodb:GetAbacStatus", "dynamodb:GetItem", "dynamodb:GetResourcePolicy",
            "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect",
          ],
          "Effect": "Allow", "Resource": "*",
        ]
      ], version: "v15"),
    // ✓ v1.
    aws("/", "AmazonSSMReadOnlyAccess", ["ssm:Describe*", "ssm:Get*", "ssm:List*"]),
    aws("/", "AmazonSQSFullAccess", ["sqs:*"]),
    // ✓ v5, BasePermissions statement; its Lambda and serverlessrepo statements are left out.
    aws(
      "/", "SecretsManagerReadWrite",
      statements: [
        [
          "Sid": "BasePermissions", "Effect": "Allow",
          "Action": [
            "secretsmanager:*", "cloudformation:CreateChangeSet",
            "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackResource",
            "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet",
            "docdb-elastic:GetCluster", "docdb-elastic:ListClusters",
            "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
            "kms:DescribeKey", "kms:ListAliases", "kms:ListKeys", "lambda:ListFunctions",
            "rds:DescribeDBClusters", "rds:DescribeDBInstances", "redshift:DescribeClusters",
            "redshift-serverless:ListWorkgroups", "redshift-serverless:GetNamespace",
            "tag:GetResources",
          ],
          "Resource": "*",
        ]
      ], version: "v5"),
    aws("/", "CloudWatchLogsFullAccess", ["logs:*", "cloudwatch:GenerateQuery"]),
    aws(
      "/", "AmazonEC2ContainerRegistryReadOnly",
      [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:GetRepositoryPolicy", "ecr:DescribeRepositories", "ecr:ListImages",
        "ecr:DescribeImages",
        "ecr:BatchGetImage", "ecr:GetLifecyclePolicy", "ecr:GetLifecyclePolicyPreview",
        "ecr:ListTagsForResource", "ecr:DescribeImageScanFindings",
      ]),
    aws("/", "AdministratorAccess", ["*"]),
    // Abridged (default version numbers UNCONFIRMED): the real documents list read actions of every service (thousands of
    // lines); these keep the services the simulation has, in the documents' own wildcard style.
    aws(
      "/", "ReadOnlyAccess",
      statements: [
        [
          "Sid": "ReadOnlyActions", "Effect": "Allow",
          "Action": [
            "application-autoscaling:Describe*", "dynamodb:BatchGet*", "dynamodb:Describe*",
            "dynamodb:Get*", "dynamodb:List*", "dynamodb:Query", "dynamodb:Scan", "ec2:Describe*",
            "ec2:Get*", "ecr:BatchCheck*", "ecr:BatchGet*", "ecr:Describe*", "ecr:Get*",
            "ecr:List*", "ecs:Describe*", "ecs:List*", "elasticloadbalancing:Describe*",
            "iam:Generate*", "iam:Get*", "iam:List*", "iam:Simulate*", "logs:Describe*",
            "logs:FilterLogEvents", "logs:Get*", "logs:ListTagsForResource",
            "logs:StartQuery", "s3:Describe*", "s3:Get*", "s3:List*",
            "secretsmanager:Describe*", "secretsmanager:GetResourcePolicy",
            "secretsmanager:List*", "ssm:Describe*", "ssm:Get*", "ssm:List*",
            "sts:GetCallerIdentity",
          ],
          "Resource": "*",
        ]
      ], version: "v120"),
    // Abridged likewise: SecurityAudit reads configuration (Describe/List/GetPolicy...), not data:
    // no s3:GetObject, dynamodb:Scan or secretsmanager:GetSecretValue.
    aws(
      "/", "SecurityAudit",
      statements: [
        [
          "Sid": "BaseSecurityAuditStatement", "Effect": "Allow",
          "Action": [
            "application-autoscaling:Describe*", "dynamodb:DescribeTable", "dynamodb:ListTables",
            "ec2:Describe*", "ecr:DescribeImageScanFindings", "ecr:DescribeImages",
            "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy",
            "ecr:ListImages", "ecs:Describe*", "ecs:List*", "elasticloadbalancing:Describe*",
            "iam:GenerateCredentialReport", "iam:Get*", "iam:List*", "iam:SimulateCustomPolicy",
            "iam:SimulatePrincipalPolicy", "logs:Describe*", "logs:ListTagsForResource",
            "s3:GetBucket*", "s3:GetEncryptionConfiguration", "s3:ListAllMyBuckets",
            "s3:ListBucket", "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy",
            "secretsmanager:ListSecrets", "ssm:Describe*", "ssm:ListTagsForResource",
          ],
          "Resource": "*",
        ]
      ], version: "v40"),
  ]
}

/// One statement of a policy document, reduced to what evaluation needs.
struct PolicyStatement {
  var allow: Bool
  var actions: [String]
  var notActions: [String]?
  /// Service principals (`Principal.Service`), for trust policies.
  var services: [String]
  /// Every other principal value (`AWS`, `Federated`, `*`).
  var otherPrincipals: [String]

  /// The statements of a policy document (`Statement` may be one object or a list).
  static func parse(_ document: JSONValue) -> [PolicyStatement] {
    let raw: [JSONValue]
    switch document["Statement"] {
    case .array(let items)?: raw = items
    case .object(let o)?: raw = [.object(o)]
    default: raw = []
    }
    return raw.map { s in
      var services: [String] = []
      var others: [String] = []
      switch s["Principal"] {
      case .string(let p)?: others.append(p)
      case .object(let members)?:
        for (k, v) in members {
          let values = strings(v)
          if k == "Service" { services += values } else { others += values }
        }
      default: break
      }
      return PolicyStatement(
        allow: s["Effect"]?.stringValue == "Allow", actions: s["Action"].map(strings) ?? [],
        notActions: s["NotAction"].map(strings), services: services, otherPrincipals: others)
    }
  }

  static func strings(_ v: JSONValue) -> [String] {
    if let s = v.stringValue { return [s] }
    return v.arrayValue?.compactMap(\.stringValue) ?? []
  }

  /// Whether this statement names `action` (IAM compares actions case-insensitively).
  func covers(_ action: String) -> Bool {
    let a = action.lowercased()
    if let notActions {
      return !notActions.contains { wildcardMatch($0.lowercased(), a) }
    }
    return actions.contains { wildcardMatch($0.lowercased(), a) }
  }
}

extension SeededRandom {
  /// `count` characters from A-Z and 0-9, as IAM unique IDs use.
  mutating func upperAlphanumeric(_ count: Int) -> String {
    let chars = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    var out = ""
    for _ in 0..<count { out.append(chars[Int(next() & 31)]) }
    return out
  }
}

extension World {
  /// The role named by `ref`: a role name (IAM names are case-insensitive) or a role ARN.
  ///
  /// ```swift
  /// world.role("ecsInstanceRole")?.arn  // "arn:aws:iam::123456789012:role/ecsInstanceRole"
  /// ```
  public func role(_ ref: String) -> Role? {
    if ref.hasPrefix("arn:") { return identity.roles.first { $0.arn == ref } }
    let lower = ref.lowercased()
    return identity.roles.first { $0.name.lowercased() == lower }
  }

  /// The instance profile named by `ref` (name or ARN).
  public func instanceProfile(_ ref: String) -> InstanceProfile? {
    if ref.hasPrefix("arn:") { return identity.instanceProfiles.first { $0.arn == ref } }
    let lower = ref.lowercased()
    return identity.instanceProfiles.first { $0.name.lowercased() == lower }
  }

  /// Whether the role's policies (attached managed and customer managed, and inline) allow
  /// `action` on `resource`, as `PolicyEvaluator` decides. A missing role allows nothing.
  ///
  /// ```swift
  /// world.roleAllows("ecsInstanceRole", action: "ecs:RegisterContainerInstance")  // true
  /// world.roleAllows("ecsInstanceRole", action: "ssm:GetParameters")              // false
  /// ```
  public func roleAllows(
    _ roleRef: String, action: String, resource: String = "*", context: [String: [String]] = [:]
  ) -> Bool {
    evaluate(role: roleRef, action: action, resource: resource, context: context)?.allowed ?? false
  }

  /// Whether the role's trust policy lets `service` (e.g. `ecs-tasks.amazonaws.com`) assume it,
  /// conditions included (`aws:SourceAccount`, `aws:SourceArn`), through `PolicyEvaluator`.
  ///
  /// ```swift
  /// world.roleTrusts("ecsInstanceRole", service: "ec2.amazonaws.com")        // true
  /// world.roleTrusts("ecsInstanceRole", service: "ecs-tasks.amazonaws.com")  // false
  /// ```
  public func roleTrusts(_ roleRef: String, service: String) -> Bool {
    guard let r = role(roleRef) else { return false }
    // Only the statements that name the service as a principal take part; their conditions are
    // evaluated with what the service tells IAM: its account and (ECS) a source ARN in it.
    // UNCONFIRMED: the exact aws:SourceArn ECS sends; any ARN of ECS in the account stands in.
    let raw = PolicyEvaluator.statements(r.assumeRolePolicy)
    let parsed = PolicyStatement.parse(r.assumeRolePolicy)
    let naming = zip(raw, parsed).filter { $1.services.contains(service) }.map(\.0)
    let context = [
      "aws:SourceAccount": [account],
      "aws:SourceArn": [
        arn(
          service: service.hasPrefix("ecs") ? "ecs" : String(service.prefix { $0 != "." }),
          resource: "*")
      ],
    ]
    let trust = PolicySource(id: "trust", type: "role", document: ["Statement": .array(naming)])
    return PolicyEvaluator.evaluate(
      [trust], action: "sts:AssumeRole", resource: r.arn, context: context
    ).allowed
  }

  /// The role an instance profile hands to its instances, if it holds one that exists.
  public func role(ofInstanceProfile ref: String) -> Role? {
    guard let p = instanceProfile(ref), let name = p.roleNames.first else { return nil }
    return role(name)
  }
}
