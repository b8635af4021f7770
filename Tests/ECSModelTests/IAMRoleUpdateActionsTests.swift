import Testing

@testable import ECSModel

@Suite struct IAMRoleUpdateActionsTests {
  @Test(arguments: ["lex.amazonaws.com", "ecs-tasks.amazonaws.com", "glue.amazonaws.com"])
  func serviceLinkedAndTrustedServicesAreAccepted(_ service: String) throws {
    var w = World()
    let out = try iam(
      &w, "CreateRole", ["RoleName": "r", "AssumeRolePolicyDocument": trustJSON(service)])
    #expect(out["Role"]?["RoleName"] == "r")
  }

  @Test func updateRoleAndTagsChangeWhatGetRolePrints() throws {
    var w = World()
    _ = try iam(
      &w, "CreateRole",
      ["RoleName": "r", "AssumeRolePolicyDocument": trustJSON("ecs-tasks.amazonaws.com")])
    _ = try iam(
      &w, "UpdateRole", ["RoleName": "r", "Description": "main", "MaxSessionDuration": 43200])
    _ = try iam(
      &w, "TagRole",
      ["RoleName": "r", "Tags": [["Key": "team", "Value": "a"], ["Key": "env", "Value": "dev"]]])
    _ = try iam(&w, "UntagRole", ["RoleName": "r", "TagKeys": ["env"]])
    let role = try iam(&w, "GetRole", ["RoleName": "r"])["Role"]
    #expect(role?["Description"] == "main")
    #expect(role?["MaxSessionDuration"] == 43200)
    #expect(role?["Tags"] == [["Key": "team", "Value": "a"]])
    let before = w
    #expect(throws: AWSError.self) {
      _ = try iam(&w, "UpdateRole", ["RoleName": "r", "MaxSessionDuration": 60])
    }
    #expect(w == before)
  }

  @Test func deletingAServiceLinkedRoleLeavesADeletionTask() throws {
    var w = World()
    _ = try iam(&w, "CreateServiceLinkedRole", ["AWSServiceName": "lex.amazonaws.com"])
    let task = try iam(&w, "DeleteServiceLinkedRole", ["RoleName": "AWSServiceRoleForLexBots"])
    let id = try #require(task["DeletionTaskId"]?.stringValue)
    #expect(id.hasPrefix("task/aws-service-role/lex.amazonaws.com/AWSServiceRoleForLexBots/"))
    #expect(
      try iam(&w, "GetServiceLinkedRoleDeletionStatus", ["DeletionTaskId": .string(id)])["Status"]
        == "SUCCEEDED")
    #expect(w.role("AWSServiceRoleForLexBots") == nil)
  }

  @Test func theDefaultPolicyVersionCannotBeDeleted() throws {
    var w = World()
    let doc: JSONValue = .string(
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#
    )
    let arn =
      try iam(&w, "CreatePolicy", ["PolicyName": "p", "PolicyDocument": doc])["Policy"]?["Arn"]
      ?? .null
    _ = try iam(&w, "CreatePolicyVersion", ["PolicyArn": arn, "PolicyDocument": doc])
    _ = try iam(&w, "SetDefaultPolicyVersion", ["PolicyArn": arn, "VersionId": "v2"])
    #expect(throws: AWSError.self) {
      _ = try iam(&w, "DeletePolicyVersion", ["PolicyArn": arn, "VersionId": "v2"])
    }
    _ = try iam(&w, "DeletePolicyVersion", ["PolicyArn": arn, "VersionId": "v1"])
    #expect(w.customerPolicy(arn.stringValue ?? "")?.versions.map(\.versionId) == ["v2"])
  }
}
