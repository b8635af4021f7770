import Testing

@testable import ECSModel

func sm(_ w: inout World, _ op: String, _ req: JSONValue) throws(AWSError) -> JSONValue {
  try w.perform(service: "secretsmanager", operation: op, req)
}

@Suite struct SecretsManagerActionsTests {
  @Test func createReadRotateAndDescribe() throws {
    var w = World()
    let created = try sm(
      &w, "CreateSecret", ["Name": "prod/db", "SecretString": #"{"password":"a"}"#])
    let arn = created["ARN"]?.stringValue ?? ""
    #expect(arn.hasPrefix("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-"))
    #expect(arn.count == "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-".count + 6)
    // By name, by full ARN and by the ARN without its random suffix.
    for ref in ["prod/db", arn, String(arn.dropLast(7))] {
      let v = try sm(&w, "GetSecretValue", ["SecretId": .string(ref)])
      #expect(v["SecretString"] == #"{"password":"a"}"#)
    }
    let put = try sm(&w, "PutSecretValue", ["SecretId": "prod/db", "SecretString": "b"])
    let v = try sm(&w, "GetSecretValue", ["SecretId": "prod/db"])
    #expect(v["SecretString"] == "b")
    #expect(v["VersionId"] == put["VersionId"])
    let previous = try sm(
      &w, "GetSecretValue", ["SecretId": "prod/db", "VersionStage": "AWSPREVIOUS"])
    #expect(previous["SecretString"] == #"{"password":"a"}"#)
    let d = try sm(&w, "DescribeSecret", ["SecretId": "prod/db"])
    #expect(d["VersionIdsToStages"]?.objectValue?.count == 2)
  }

  static let errorCases: [(String, JSONValue, AWSError)] = [
    (
      "CreateSecret", ["Name": "prod/db", "SecretString": "x"],
      AWSError(
        "ResourceExistsException", "The operation failed because the secret prod/db already exists."
      )
    ),
    (
      "GetSecretValue", ["SecretId": "nope"],
      AWSError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
    ),
    (
      "DeleteSecret", ["SecretId": "prod/db", "RecoveryWindowInDays": 3],
      AWSError(
        "InvalidParameterException",
        "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")
    ),
    (
      "DeleteSecret",
      ["SecretId": "prod/db", "RecoveryWindowInDays": 7, "ForceDeleteWithoutRecovery": true],
      AWSError(
        "InvalidParameterException",
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")
    ),
  ]

  @Test(arguments: errorCases)
  func errorsChangeNothing(op: String, req: JSONValue, error: AWSError) throws {
    var w = World()
    _ = try sm(&w, "CreateSecret", ["Name": "prod/db", "SecretString": "x"])
    let before = w
    #expect(throws: error) { try sm(&w, op, req) }
    #expect(w == before)
  }

  @Test func deletionHasARecoveryWindow() throws {
    var w = World()
    _ = try sm(&w, "CreateSecret", ["Name": "prod/db", "SecretString": "x"])
    _ = try sm(&w, "DeleteSecret", ["SecretId": "prod/db", "RecoveryWindowInDays": 7])
    #expect(throws: SecretsManagerActions.markedForDeletion) {
      try sm(&w, "GetSecretValue", ["SecretId": "prod/db"])
    }
    #expect(try sm(&w, "ListSecrets", [:])["SecretList"]?.arrayValue?.isEmpty == true)
    #expect(
      try sm(&w, "ListSecrets", ["IncludePlannedDeletion": true])["SecretList"]?.arrayValue?.count
        == 1)
    _ = try sm(&w, "RestoreSecret", ["SecretId": "prod/db"])
    #expect(try sm(&w, "GetSecretValue", ["SecretId": "prod/db"])["SecretString"] == "x")
    _ = try sm(&w, "DeleteSecret", ["SecretId": "prod/db", "RecoveryWindowInDays": 7])
    w.clock.advance(seconds: 7 * 86_400)
    #expect(w.secret("prod/db") == nil)
  }
}
