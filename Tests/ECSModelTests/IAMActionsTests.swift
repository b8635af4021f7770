import Testing

@testable import ECSModel

/// A trust policy as the learner writes it in trust.json.
func trustJSON(_ service: String) -> JSONValue {
  .string(
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"\#(service)"},"Action":"sts:AssumeRole"}]}"#
  )
}

func iam(_ w: inout World, _ op: String, _ req: JSONValue) throws(AWSError) -> JSONValue {
  try w.perform(service: "iam", operation: op, req)
}

@Suite struct IAMActionsTests {
  @Test func freshAccountHasTheInstanceRoleAndServiceLinkedRoleButNoExecutionRole() throws {
    var w = World()
    #expect(w.identity.roles.map(\.name) == ["AWSServiceRoleForECS", "ecsInstanceRole"])
    let profile = try iam(&w, "GetInstanceProfile", ["InstanceProfileName": "ecsInstanceRole"])
    #expect(profile["InstanceProfile"]?["Roles"]?[0]?["RoleName"] == "ecsInstanceRole")
    #expect(w.roleTrusts("ecsInstanceRole", service: "ec2.amazonaws.com"))
    #expect(w.roleAllows("ecsInstanceRole", action: "ecs:RegisterContainerInstance"))
    #expect(w.roleTrusts("AWSServiceRoleForECS", service: "ecs.amazonaws.com"))
    #expect(
      throws: AWSError("NoSuchEntity", "The role with name ecsTaskExecutionRole cannot be found.")
    ) {
      try iam(&w, "GetRole", ["RoleName": "ecsTaskExecutionRole"])
    }
  }

  @Test func freshAccountsDoNotShiftTheWorldsRandomSequence() {
    // IAM IDs come from their own generator: other families' IDs stay what they were.
    var a = World(seed: 7)
    var b = SeededRandom(seed: 7)
    _ = b.hex(17 * 4 + 17)  // the default network: VPC, three subnets, security group
    #expect(a.random.hex(8) == b.hex(8))
  }

  @Test func createRoleReturnsTheRoleAsIAMPrintsIt() throws {
    var w = World()
    let out = try iam(
      &w, "CreateRole",
      [
        "RoleName": "ecsTaskExecutionRole",
        "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com"),
      ])
    let r = try #require(out["Role"])
    #expect(
      r.objectValue?.map(\.0) == [
        "Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument",
      ])
    #expect(r["Arn"] == "arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
    #expect(r["Path"] == "/")
    #expect(r["CreateDate"] == "2026-01-05T09:00:00+00:00")
    let id = try #require(r["RoleId"]?.stringValue)
    #expect(
      id.hasPrefix("AROA") && id.count == 21 && id.allSatisfy { $0.isUppercase || $0.isNumber })
    #expect(
      r["AssumeRolePolicyDocument"]?["Statement"]?[0]?["Principal"]?["Service"]
        == "ecs-tasks.amazonaws.com")
    #expect(w.roleTrusts("ecsTaskExecutionRole", service: "ecs-tasks.amazonaws.com"))
    #expect(!w.roleTrusts("ecsTaskExecutionRole", service: "ec2.amazonaws.com"))
    let got = try iam(&w, "GetRole", ["RoleName": "ecsTaskExecutionRole"])
    #expect(got["Role"]?["MaxSessionDuration"] == 3600)
    #expect(got["Role"]?["RoleLastUsed"] == [:])
  }

  @Test(arguments: [
    (
      "ecsInstanceRole", trustJSON("ec2.amazonaws.com"),
      AWSError("EntityAlreadyExists", "Role with name ecsInstanceRole already exists.")
    ),
    (
      "ECSINSTANCEROLE", trustJSON("ec2.amazonaws.com"),
      AWSError("EntityAlreadyExists", "Role with name ecsInstanceRole already exists.")
    ),
    (
      "r", .string("{not json"),
      AWSError("MalformedPolicyDocument", "This policy contains invalid Json")
    ),
    (
      "r", trustJSON("ecs-task.amazonaws.com"),
      AWSError(
        "MalformedPolicyDocument",
        #"Invalid principal in policy: "SERVICE":"ecs-task.amazonaws.com""#)
    ),
    (
      "r",
      .string(
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#),
      AWSError("MalformedPolicyDocument", "Missing required field Principal")
    ),
    (
      "r",
      .string(
        #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}"#
      ),
      AWSError("MalformedPolicyDocument", "Has prohibited field Resource")
    ),
    (
      "r",
      .string(
        #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"AssumeRole"}]}"#
      ),
      AWSError(
        "MalformedPolicyDocument",
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.")
    ),
    (
      "bad name", trustJSON("ec2.amazonaws.com"),
      AWSError(
        "ValidationError",
        #"1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+"#
      )
    ),
  ])
  func createRoleRejectsAndChangesNothing(name: String, doc: JSONValue, error: AWSError) {
    var w = World()
    let before = w
    #expect(throws: error) {
      try iam(&w, "CreateRole", ["RoleName": .string(name), "AssumeRolePolicyDocument": doc])
    }
    #expect(w == before)
  }

  @Test func attachAndDetachManagedPolicies() throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "exec", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    #expect(!w.roleAllows("exec", action: "ecr:BatchGetImage"))
    let arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    _ = try iam(&w, "AttachRolePolicy", ["RoleName": "exec", "PolicyArn": .string(arn)])
    _ = try iam(&w, "AttachRolePolicy", ["RoleName": "exec", "PolicyArn": .string(arn)])
    let list = try iam(&w, "ListAttachedRolePolicies", ["RoleName": "exec"])
    #expect(
      list == [
        "AttachedPolicies": [
          ["PolicyName": "AmazonECSTaskExecutionRolePolicy", "PolicyArn": .string(arn)]
        ],
        "IsTruncated": false,
      ])
    #expect(w.roleAllows("exec", action: "ecr:BatchGetImage"))
    #expect(w.roleAllows("exec", action: "logs:PutLogEvents"))
    #expect(!w.roleAllows("exec", action: "ssm:GetParameters"))
    _ = try iam(&w, "DetachRolePolicy", ["RoleName": "exec", "PolicyArn": .string(arn)])
    #expect(!w.roleAllows("exec", action: "ecr:BatchGetImage"))
  }

  @Test(arguments: [
    (
      "AttachRolePolicy", "exec", "arn:aws:iam::aws:policy/NoSuchPolicy",
      AWSError(
        "NoSuchEntity",
        "Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.")
    ),
    (
      "AttachRolePolicy", "exec", "AmazonS3ReadOnlyAccess",
      AWSError("InvalidInput", "ARN AmazonS3ReadOnlyAccess is not valid.")
    ),
    (
      "AttachRolePolicy", "nobody", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
      AWSError("NoSuchEntity", "The role with name nobody cannot be found.")
    ),
    (
      "DetachRolePolicy", "exec", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
      AWSError(
        "NoSuchEntity", "Policy arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess was not found.")
    ),
    (
      "AttachRolePolicy", "AWSServiceRoleForECS", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
      AWSError(
        "UnmodifiableEntity",
        "Cannot perform the operation on the protected role 'AWSServiceRoleForECS' - this role is only modifiable by AWS"
      )
    ),
  ])
  func policyAttachmentErrors(op: String, role: String, arn: String, error: AWSError) throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "exec", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    let before = w
    #expect(throws: error) {
      try iam(&w, op, ["RoleName": .string(role), "PolicyArn": .string(arn)])
    }
    #expect(w == before)
  }

  @Test func inlinePoliciesAreStoredListedAndEvaluated() throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "exec", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    let doc =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParam*","secretsmanager:GetSecretValue"],"Resource":"*"}]}"#
    _ = try iam(
      &w, "PutRolePolicy",
      ["RoleName": "exec", "PolicyName": "secrets", "PolicyDocument": .string(doc)])
    #expect(w.roleAllows("exec", action: "ssm:GetParameters"))
    #expect(w.roleAllows("exec", action: "SSM:getparameters"))
    #expect(w.roleAllows("exec", action: "secretsmanager:GetSecretValue"))
    #expect(!w.roleAllows("exec", action: "ssm:PutParameter"))
    let got = try iam(&w, "GetRolePolicy", ["RoleName": "exec", "PolicyName": "secrets"])
    #expect(got["PolicyDocument"]?["Statement"]?[0]?["Resource"] == "*")
    #expect(try iam(&w, "ListRolePolicies", ["RoleName": "exec"]) == ["PolicyNames": ["secrets"]])
    let deny = #"{"Statement":{"Effect":"Deny","Action":"ssm:*","Resource":"*"}}"#
    _ = try iam(
      &w, "PutRolePolicy",
      ["RoleName": "exec", "PolicyName": "deny", "PolicyDocument": .string(deny)])
    #expect(!w.roleAllows("exec", action: "ssm:GetParameters"))
    _ = try iam(&w, "DeleteRolePolicy", ["RoleName": "exec", "PolicyName": "deny"])
    #expect(w.roleAllows("exec", action: "ssm:GetParameters"))
    #expect(throws: AWSError("NoSuchEntity", "The role policy with name deny cannot be found.")) {
      try iam(&w, "GetRolePolicy", ["RoleName": "exec", "PolicyName": "deny"])
    }
  }

  @Test(arguments: [
    (
      #"{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#,
      "Policy statement must contain resources."
    ),
    (
      #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}"#,
      "Policy document should not specify a principal."
    ),
    (
      #"{"Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}"#,
      "Syntax errors in policy."
    ),
    (#"{"Version":"2012-10-17"}"#, "Syntax errors in policy."),
  ])
  func malformedPermissionPolicies(doc: String, message: String) throws {
    var w = World()
    let before = w
    #expect(throws: AWSError("MalformedPolicyDocument", message)) {
      try iam(
        &w, "PutRolePolicy",
        ["RoleName": "ecsInstanceRole", "PolicyName": "p", "PolicyDocument": .string(doc)])
    }
    #expect(w == before)
  }

  @Test func deleteRoleNeedsPoliciesAndProfilesGoneFirst() throws {
    var w = World()
    #expect(
      throws: AWSError(
        "DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.")
    ) {
      try iam(&w, "DeleteRole", ["RoleName": "ecsInstanceRole"])
    }
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "exec", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    let arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    _ = try iam(&w, "AttachRolePolicy", ["RoleName": "exec", "PolicyArn": .string(arn)])
    #expect(
      throws: AWSError("DeleteConflict", "Cannot delete entity, must detach all policies first.")
    ) {
      try iam(&w, "DeleteRole", ["RoleName": "exec"])
    }
    _ = try iam(&w, "DetachRolePolicy", ["RoleName": "exec", "PolicyArn": .string(arn)])
    _ = try iam(&w, "DeleteRole", ["RoleName": "exec"])
    #expect(w.role("exec") == nil)
    #expect(throws: AWSError.self) {
      try iam(&w, "DeleteRole", ["RoleName": "AWSServiceRoleForECS"])
    }
  }

  @Test func listRolesIsSortedByName() throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "Zeta", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "app", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    let out = try iam(&w, "ListRoles", [:])
    let names = out["Roles"]?.arrayValue?.compactMap { $0["RoleName"]?.stringValue }
    #expect(names == ["app", "AWSServiceRoleForECS", "ecsInstanceRole", "Zeta"])
    #expect(out["Roles"]?[0]?["MaxSessionDuration"] == 3600)
  }

  @Test func instanceProfilesHoldOneRole() throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "nodes", "AssumeRolePolicyDocument": trustJSON("ec2.amazonaws.com")])
    let created = try iam(&w, "CreateInstanceProfile", ["InstanceProfileName": "nodes"])
    let p = try #require(created["InstanceProfile"])
    #expect(p["Arn"] == "arn:aws:iam::123456789012:instance-profile/nodes")
    #expect(p["Roles"] == [])
    #expect(p["InstanceProfileId"]?.stringValue?.hasPrefix("AIPA") == true)
    _ = try iam(
      &w, "AddRoleToInstanceProfile", ["InstanceProfileName": "nodes", "RoleName": "nodes"])
    let got = try iam(&w, "GetInstanceProfile", ["InstanceProfileName": "nodes"])
    #expect(got["InstanceProfile"]?["Roles"]?[0]?["Arn"] == "arn:aws:iam::123456789012:role/nodes")
    #expect(w.role(ofInstanceProfile: "nodes")?.name == "nodes")
    #expect(
      throws: AWSError(
        "LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1")
    ) {
      try iam(
        &w, "AddRoleToInstanceProfile",
        ["InstanceProfileName": "nodes", "RoleName": "ecsInstanceRole"])
    }
    #expect(throws: AWSError("EntityAlreadyExists", "Instance Profile nodes already exists.")) {
      try iam(&w, "CreateInstanceProfile", ["InstanceProfileName": "nodes"])
    }
    #expect(throws: AWSError("NoSuchEntity", "Instance Profile nope cannot be found.")) {
      try iam(&w, "GetInstanceProfile", ["InstanceProfileName": "nope"])
    }
  }

  @Test func profilesAndRolesComeApartInOrder() throws {
    var w = World()
    _ = try iam(
      &w, "RemoveRoleFromInstanceProfile",
      ["InstanceProfileName": "ecsInstanceRole", "RoleName": "ecsInstanceRole"])
    #expect(w.role(ofInstanceProfile: "ecsInstanceRole") == nil)
    #expect(
      throws: AWSError(
        "NoSuchEntity", "Role ecsInstanceRole in Instance Profile ecsInstanceRole cannot be found.")
    ) {
      try iam(
        &w, "RemoveRoleFromInstanceProfile",
        ["InstanceProfileName": "ecsInstanceRole", "RoleName": "ecsInstanceRole"])
    }
    let arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
    _ = try iam(&w, "DetachRolePolicy", ["RoleName": "ecsInstanceRole", "PolicyArn": .string(arn)])
    _ = try iam(&w, "DeleteRole", ["RoleName": "ecsInstanceRole"])
    let listed = try iam(&w, "ListInstanceProfiles", [:])
    #expect(listed["InstanceProfiles"]?[0]?["Roles"] == [])
    _ = try iam(&w, "DeleteInstanceProfile", ["InstanceProfileName": "ecsInstanceRole"])
    #expect(w.identity.instanceProfiles.isEmpty)
    #expect(try iam(&w, "ListInstanceProfiles", [:]) == ["InstanceProfiles": []])
  }

  @Test func updateAssumeRolePolicyFixesASwappedTrust() throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "exec", "AssumeRolePolicyDocument": trustJSON("ec2.amazonaws.com")])
    #expect(!w.roleTrusts("exec", service: "ecs-tasks.amazonaws.com"))
    _ = try iam(
      &w, "UpdateAssumeRolePolicy",
      ["RoleName": "exec", "PolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    #expect(w.roleTrusts("exec", service: "ecs-tasks.amazonaws.com"))
    let before = w
    #expect(throws: AWSError("MalformedPolicyDocument", "This policy contains invalid Json")) {
      try iam(&w, "UpdateAssumeRolePolicy", ["RoleName": "exec", "PolicyDocument": "{"])
    }
    #expect(w == before)
  }

  @Test func serviceLinkedRoles() throws {
    var w = World()
    #expect(
      throws: AWSError(
        "InvalidInput",
        "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix."
      )
    ) {
      try iam(&w, "CreateServiceLinkedRole", ["AWSServiceName": "ecs.amazonaws.com"])
    }
    let out = try iam(
      &w, "CreateServiceLinkedRole", ["AWSServiceName": "elasticloadbalancing.amazonaws.com"])
    #expect(
      out["Role"]?["Arn"]
        == "arn:aws:iam::123456789012:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"
    )
    #expect(
      w.roleTrusts(
        "AWSServiceRoleForElasticLoadBalancing", service: "elasticloadbalancing.amazonaws.com"))
  }

  @Test(arguments: [
    ("ecsInstanceRole", "ecs:RegisterContainerInstance", true),
    ("ecsInstanceRole", "ecs:SubmitTaskStateChange", true),
    ("ecsInstanceRole", "ecs:RunTask", false),
    ("ecsInstanceRole", "ecr:BatchGetImage", true),
    ("AWSServiceRoleForECS", "ec2:CreateNetworkInterface", true),
    ("nobody", "ecs:Poll", false),
  ])
  func roleAllowsTable(role: String, action: String, allowed: Bool) {
    #expect(World().roleAllows(role, action: action) == allowed)
  }

  @Test func callerIdentityIsTheLearner() throws {
    var w = World()
    let out = try w.perform(service: "sts", operation: "GetCallerIdentity", [:])
    #expect(out.objectValue?.map(\.0) == ["UserId", "Account", "Arn"])
    #expect(out["Account"] == "123456789012")
    #expect(out["Arn"] == "arn:aws:iam::123456789012:user/learner")
    #expect(out["UserId"]?.stringValue?.hasPrefix("AIDA") == true)
  }
}
