import Testing

@testable import ECSModel

/// One evaluation case: the policies (JSON text), the request, and the decision AWS documents.
struct EvalCase: CustomTestStringConvertible, Sendable {
  var name: String
  var policies: [String]
  var action: String
  var resource: String
  var context: [String: [String]] = [:]
  var expected: EvalDecision
  var testDescription: String { name }
}

private let acct = "123456789012"
private let param = "arn:aws:ssm:us-east-1:123456789012:parameter"
private let secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret"

/// Cases from the IAM User Guide's policy evaluation logic and element reference
/// (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
/// reference_policies_elements_notaction.html, _notresource.html, reference_policies_condition-keys).
private let cases: [EvalCase] = [
  EvalCase(
    name: "no statement names the action: implicit deny",
    policies: [#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#],
    action: "s3:PutObject", resource: "arn:aws:s3:::bucket/key", expected: .implicitDeny),
  EvalCase(
    name: "an Allow with a wildcard action",
    policies: [#"{"Statement":[{"Effect":"Allow","Action":"ssm:Get*","Resource":"*"}]}"#],
    action: "ssm:GetParameters", resource: "\(param)/app/db-pass", expected: .allowed),
  EvalCase(
    name: "actions compare case-insensitively",
    policies: [#"{"Statement":[{"Effect":"Allow","Action":"SSM:getparameters","Resource":"*"}]}"#],
    action: "ssm:GetParameters", resource: "\(param)/app/db-pass", expected: .allowed),
  EvalCase(
    name: "an explicit Deny overrides an Allow",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
      #"{"Statement":[{"Effect":"Deny","Action":"ssm:*","Resource":"*"}]}"#,
    ],
    action: "ssm:GetParameters", resource: "\(param)/x", expected: .explicitDeny),
  EvalCase(
    name: "Allow on parameter/other/* does not reach /app/db-pass",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:*:*:parameter/other/*"}]}"#
    ],
    action: "ssm:GetParameters", resource: "\(param)/app/db-pass", expected: .implicitDeny),
  EvalCase(
    name: "Allow on parameter/app/* reaches /app/db-pass",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:123456789012:parameter/app/*"}]}"#
    ],
    action: "ssm:GetParameters", resource: "\(param)/app/db-pass", expected: .allowed),
  EvalCase(
    name: "a wildcard does not cross an ARN's colon-separated parts",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:*parameter/app/*"}]}"#
    ],
    action: "ssm:GetParameters", resource: "\(param)/app/db-pass", expected: .implicitDeny),
  EvalCase(
    name: "NotAction with Allow allows everything else",
    policies: [#"{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#],
    action: "s3:ListBucket", resource: "arn:aws:s3:::b", expected: .allowed),
  EvalCase(
    name: "NotAction with Allow does not allow the excluded actions",
    policies: [#"{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#],
    action: "iam:CreateRole", resource: "arn:aws:iam::123456789012:role/x", expected: .implicitDeny),
  EvalCase(
    name: "Deny with NotAction denies everything not listed",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}]}"#
    ],
    action: "ecr:BatchGetImage", resource: "*", expected: .explicitDeny),
  EvalCase(
    name: "NotResource with Allow skips the listed resource",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","NotResource":"arn:aws:secretsmanager:*:*:secret:prod/*"}]}"#
    ],
    action: "secretsmanager:GetSecretValue", resource: "\(secret):prod/db-AbCdEf",
    expected: .implicitDeny),
  EvalCase(
    name: "NotResource with Allow allows the others",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","NotResource":"arn:aws:secretsmanager:*:*:secret:prod/*"}]}"#
    ],
    action: "secretsmanager:GetSecretValue", resource: "\(secret):dev/db-AbCdEf",
    expected: .allowed),
  EvalCase(
    name: "StringEquals on aws:SourceAccount holds",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"#
    ],
    action: "sts:AssumeRole", resource: "*", context: ["aws:SourceAccount": [acct]],
    expected: .allowed),
  EvalCase(
    name: "StringEquals on a missing key fails",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"#
    ],
    action: "sts:AssumeRole", resource: "*", expected: .implicitDeny),
  EvalCase(
    name: "ArnLike on aws:SourceArn with a wildcard",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:123456789012:*"}}}]}"#
    ],
    action: "sts:AssumeRole", resource: "*",
    context: ["aws:SourceArn": ["arn:aws:ecs:us-east-1:123456789012:task/demo/abc"]],
    expected: .allowed),
  EvalCase(
    name: "ArnEquals against another account fails",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:ecs:us-east-1:111122223333:*"}}}]}"#
    ],
    action: "sts:AssumeRole", resource: "*",
    context: ["aws:SourceArn": ["arn:aws:ecs:us-east-1:123456789012:task/demo/abc"]],
    expected: .implicitDeny),
  EvalCase(
    name: "StringLike on s3:prefix; any of the values may match (OR)",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringLike":{"s3:prefix":["home/","home/alice/*"]}}}]}"#
    ],
    action: "s3:ListBucket", resource: "arn:aws:s3:::b", context: ["s3:prefix": ["home/alice/x"]],
    expected: .allowed),
  EvalCase(
    name: "two keys in a condition must both hold (AND)",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/*","aws:PrincipalArn":"arn:aws:iam::*:role/app"}}}]}"#
    ],
    action: "s3:ListBucket", resource: "arn:aws:s3:::b",
    context: [
      "s3:prefix": ["home/a"], "aws:PrincipalArn": ["arn:aws:iam::123456789012:role/other"],
    ],
    expected: .implicitDeny),
  EvalCase(
    name: "secretsmanager:ResourceTag/<key>",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"StringEquals":{"secretsmanager:ResourceTag/app":"web"}}}]}"#
    ],
    action: "secretsmanager:GetSecretValue", resource: "\(secret):db-AbCdEf",
    context: ["secretsmanager:ResourceTag/app": ["web"]], expected: .allowed),
  EvalCase(
    name: "a condition on a key the simulation does not know: the statement does not apply",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"}}}]}"#
    ],
    action: "ssm:GetParameters", resource: "\(param)/x", expected: .implicitDeny),
  EvalCase(
    name: "a Deny with a condition that fails does not apply",
    policies: [
      #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/admin"}}}]}"#
    ],
    action: "ssm:GetParameters", resource: "\(param)/x",
    context: ["aws:PrincipalArn": ["arn:aws:iam::123456789012:role/admin"]], expected: .allowed),
]

@Suite struct PolicyEvaluatorTests {
  @Test(arguments: cases)
  func decision(_ c: EvalCase) throws {
    let sources = try c.policies.enumerated().map { i, text in
      PolicySource(id: "p\(i)", type: "IAM Policy", document: try JSONParser.parse(text))
    }
    let e = PolicyEvaluator.evaluate(
      sources, action: c.action, resource: c.resource, context: c.context)
    #expect(e.decision == c.expected)
    #expect(e.matched.isEmpty == (c.expected == .implicitDeny))
  }

  @Test func unknownConditionKeysAreReported() throws {
    let doc = try JSONParser.parse(
      #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#
    )
    let e = PolicyEvaluator.evaluate(
      [PolicySource(id: "p", type: "role", document: doc)], action: "s3:GetObject", resource: "*")
    #expect(e.missingContextKeys == ["aws:SecureTransport"])
  }

  @Test func simulatePrincipalPolicyPrintsAWSsShape() throws {
    var w = World()
    let out = try iam(
      &w, "SimulatePrincipalPolicy",
      [
        "PolicySourceArn": "arn:aws:iam::123456789012:role/ecsInstanceRole",
        "ActionNames": ["ecr:BatchGetImage", "ssm:GetParameters"],
      ])
    let results = out["EvaluationResults"]?.arrayValue ?? []
    #expect(results.count == 2)
    #expect(results.first?["EvalDecision"] == "allowed")
    #expect(
      results.first?["MatchedStatements"]?[0]?["SourcePolicyId"]
        == "AmazonEC2ContainerServiceforEC2Role")
    #expect(results.last?["EvalDecision"] == "implicitDeny")
  }

  @Test func customerManagedPolicyLifecycle() throws {
    var w = World()
    let doc = JSONValue.string(
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:*:*:parameter/other/*"}]}"#
    )
    let created = try iam(&w, "CreatePolicy", ["PolicyName": "read-other", "PolicyDocument": doc])
    let arn = created["Policy"]?["Arn"]?.stringValue ?? ""
    #expect(arn == "arn:aws:iam::123456789012:policy/read-other")
    let before = w
    #expect(
      throws: AWSError(
        "EntityAlreadyExists",
        "A policy called read-other already exists. Duplicate names are not allowed.")
    ) { try iam(&w, "CreatePolicy", ["PolicyName": "read-other", "PolicyDocument": doc]) }
    #expect(w == before)
    _ = try iam(&w, "AttachRolePolicy", ["RoleName": "ecsInstanceRole", "PolicyArn": .string(arn)])
    let entities = try iam(&w, "ListEntitiesForPolicy", ["PolicyArn": .string(arn)])
    #expect(entities["PolicyRoles"]?[0]?["RoleName"] == "ecsInstanceRole")
    #expect(
      !w.roleAllows(
        "ecsInstanceRole", action: "ssm:GetParameters", resource: "\(param)/app/db-pass"))
    #expect(
      w.roleAllows("ecsInstanceRole", action: "ssm:GetParameters", resource: "\(param)/other/x"))
    #expect(throws: AWSError("DeleteConflict", "Cannot delete a policy attached to entities.")) {
      try iam(&w, "DeletePolicy", ["PolicyArn": .string(arn)])
    }
    let v2 = JSONValue.string(
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:*:*:parameter/app/*"}]}"#
    )
    let version = try iam(
      &w, "CreatePolicyVersion",
      ["PolicyArn": .string(arn), "PolicyDocument": v2, "SetAsDefault": true])
    #expect(version["PolicyVersion"]?["VersionId"] == "v2")
    #expect(
      w.roleAllows("ecsInstanceRole", action: "ssm:GetParameters", resource: "\(param)/app/db-pass")
    )
    let local = try iam(&w, "ListPolicies", ["Scope": "Local", "OnlyAttached": true])
    #expect(local["Policies"]?[0]?["DefaultVersionId"] == "v2")
    #expect(local["Policies"]?[0]?["AttachmentCount"] == 1)
  }

  @Test func awsManagedPolicyVersionPrintsTheRealDocument() throws {
    var w = World()
    let out = try iam(
      &w, "GetPolicyVersion",
      [
        "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        "VersionId": "v1",
      ])
    let actions = out["PolicyVersion"]?["Document"]?["Statement"]?[0]?["Action"]?.arrayValue ?? []
    #expect(
      actions.compactMap(\.stringValue) == [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream",
        "logs:PutLogEvents",
      ])
    let names = [
      "AmazonECSTaskExecutionRolePolicy", "AmazonEC2ContainerServiceforEC2Role",
      "AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AmazonDynamoDBFullAccess",
      "AmazonDynamoDBReadOnlyAccess", "CloudWatchLogsFullAccess", "SecretsManagerReadWrite",
      "AmazonSSMReadOnlyAccess", "AmazonSQSFullAccess",
    ]
    let all = try iam(&w, "ListPolicies", ["Scope": "AWS"])
    let listed = Set(
      (all["Policies"]?.arrayValue ?? []).compactMap { $0["PolicyName"]?.stringValue })
    #expect(Set(names).isSubset(of: listed))
  }

  /// The confused-deputy trust policy AWS recommends for task roles, and variants.
  @Test(arguments: [
    (#"{"StringEquals":{"aws:SourceAccount":"123456789012"}}"#, true),
    (#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#, false),
    (#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:123456789012:*"}}"#, true),
    (#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:eu-west-1:123456789012:*"}}"#, false),
    (#"{"StringEquals":{"sts:ExternalId":"x"}}"#, false),
  ])
  func trustPolicyConditions(condition: String, trusted: Bool) throws {
    var w = World()
    let doc =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":"#
      + condition + "}]}"
    _ = try iam(&w, "CreateRole", ["RoleName": "app", "AssumeRolePolicyDocument": .string(doc)])
    #expect(w.roleTrusts("app", service: "ecs-tasks.amazonaws.com") == trusted)
  }
}

/// Statement positions, as the policy simulator reports them (IAM's documented example: a
/// Statement object opening at line 3, column 16 and closing before line 7, column 4).
@Suite struct PolicyTextTests {
  @Test func theDocumentedExample() {
    let text = """
      {
        "Version": "2012-10-17",
        "Statement": {
          "Effect": "Allow",
          "Action": "s3:*",
          "Resource": "*"
        }
      }
      """
    #expect(
      PolicyText.statementSpans(text) == [
        TextSpan(startLine: 3, startColumn: 16, endLine: 7, endColumn: 4)
      ])
  }

  @Test func aListOfStatementsOnOneLine() {
    let text =
      #"{"Statement":[{"Effect":"Allow","Action":"a:b","Resource":"*"},{"Effect":"Deny","Action":"c:d","Resource":"x}"}]}"#
    let spans = PolicyText.statementSpans(text)
    #expect(spans.count == 2)
    #expect(spans.first == TextSpan(startLine: 1, startColumn: 15, endLine: 1, endColumn: 63))
  }

  @Test func simulateCustomPolicyGivesPositions() throws {
    var w = World()
    let out = try iam(
      &w, "SimulateCustomPolicy",
      [
        "PolicyInputList": [
          .string(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
          )
        ],
        "ActionNames": ["s3:GetObject"],
      ])
    let m = out["EvaluationResults"]?[0]?["MatchedStatements"]?[0]
    #expect(m?["SourcePolicyId"] == "PolicyInputList.1")
    #expect(m?["StartPosition"] == ["Line": 1, "Column": 38])
    #expect(m?["EndPosition"] == ["Line": 1, "Column": 87])
  }
}
