import Testing

@testable import ECSModel

func ssm(_ w: inout World, _ op: String, _ req: JSONValue) throws(AWSError) -> JSONValue {
  try w.perform(service: "ssm", operation: op, req)
}

let al2023ImageParameter = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"

@Suite struct SSMActionsTests {
  @Test(arguments: [
    al2023ImageParameter,
    "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
    "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id",
    "/aws/service/ecs/optimized-ami/amazon-linux-2/arm64/recommended/image_id",
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  ])
  func publicImageParametersHoldAMIIDs(name: String) throws {
    var w = World()
    let p = try #require(try ssm(&w, "GetParameter", ["Name": .string(name)])["Parameter"])
    #expect(
      p.objectValue?.map(\.0) == [
        "Name", "Type", "Value", "Version", "LastModifiedDate", "ARN", "DataType",
      ])
    #expect(p["Name"] == .string(name))
    #expect(p["Type"] == "String")
    #expect(p["ARN"] == .string("arn:aws:ssm:us-east-1::parameter" + name))
    let id = try #require(p["Value"]?.stringValue)
    #expect(id.hasPrefix("ami-0") && id.count == 21)
  }

  @Test func imageIDsAreDistinctAndStableAcrossWorlds() throws {
    var a = World(seed: 1)
    var b = World(seed: 99)
    let names: [JSONValue] = [
      .string(al2023ImageParameter),
      "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
      "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id",
    ]
    let va = try ssm(&a, "GetParameters", ["Names": .array(names)])["Parameters"]?.arrayValue?
      .compactMap { $0["Value"] }
    let vb = try ssm(&b, "GetParameters", ["Names": .array(names)])["Parameters"]?.arrayValue?
      .compactMap { $0["Value"] }
    #expect(va == vb)
    #expect(Set(va ?? []).count == 3)
  }

  @Test func recommendedIsAJSONStringNamingTheSameImage() throws {
    var w = World()
    let rec = try ssm(
      &w, "GetParameter", ["Name": "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended"])
    let text = try #require(rec["Parameter"]?["Value"]?.stringValue)
    let doc = try JSONParser.parse(text)
    let id = try ssm(&w, "GetParameter", ["Name": .string(al2023ImageParameter)])["Parameter"]?[
      "Value"]
    #expect(doc["image_id"] == id)
    #expect(doc["os"] == "Amazon Linux 2023")
    #expect(doc["image_name"]?.stringValue?.hasPrefix("al2023-ami-ecs-hvm-") == true)
    let name = try ssm(
      &w, "GetParameter",
      ["Name": "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_name"])
    #expect(name["Parameter"]?["Value"] == doc["image_name"])
  }

  @Test func getParametersSeparatesUnknownNames() throws {
    var w = World()
    let out = try ssm(
      &w, "GetParameters", ["Names": [.string(al2023ImageParameter), "/nope", "/nope"]])
    #expect(out["Parameters"]?.arrayValue?.count == 1)
    #expect(out["InvalidParameters"] == ["/nope"])
    #expect(throws: AWSError("ParameterNotFound", "")) {
      try ssm(&w, "GetParameter", ["Name": "/nope"])
    }
    #expect(throws: AWSError("ParameterNotFound", "")) {
      try ssm(
        &w, "GetParameter",
        ["Name": "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/bogus"])
    }
  }

  @Test func putThenGetOwnParameters() throws {
    var w = World()
    let put = try ssm(
      &w, "PutParameter", ["Name": "/app/db-host", "Value": "db.internal", "Type": "String"])
    #expect(put == ["Version": 1, "Tier": "Standard"])
    let p = try #require(try ssm(&w, "GetParameter", ["Name": "/app/db-host"])["Parameter"])
    #expect(p["Value"] == "db.internal")
    #expect(p["ARN"] == "arn:aws:ssm:us-east-1:123456789012:parameter/app/db-host")
    #expect(p["DataType"] == "text")
    #expect(p["LastModifiedDate"] == "2026-01-05T09:00:00+00:00")
    w.clock.advance(seconds: 5)
    let again = try ssm(
      &w, "PutParameter", ["Name": "/app/db-host", "Value": "db2", "Overwrite": true])
    #expect(again["Version"] == 2)
    let p2 = try ssm(&w, "GetParameter", ["Name": "/app/db-host"])["Parameter"]
    #expect(p2?["Value"] == "db2")
    #expect(p2?["Type"] == "String")
    #expect(p2?["LastModifiedDate"] == "2026-01-05T09:00:05+00:00")
  }

  @Test(arguments: [
    ("/app/pw", "/app/pw"), ("arn:aws:ssm:us-east-1:123456789012:parameter/app/pw", "/app/pw"),
    ("pw", "pw"), ("arn:aws:ssm:us-east-1:123456789012:parameter/pw", "pw"),
  ])
  func parametersByNameOrARN(ref: String, name: String) throws {
    var w = World()
    _ = try ssm(&w, "PutParameter", ["Name": "/app/pw", "Value": "a", "Type": "SecureString"])
    _ = try ssm(&w, "PutParameter", ["Name": "pw", "Value": "b", "Type": "String"])
    #expect(w.ssmParameter(ref)?.name == name)
    #expect(
      try ssm(&w, "GetParameter", ["Name": .string(ref)])["Parameter"]?["Name"] == .string(name))
  }

  @Test func secureStringsAreShownEncryptedUnlessDecrypted() throws {
    var w = World()
    _ = try ssm(
      &w, "PutParameter", ["Name": "DB_PASSWORD", "Value": "hunter2", "Type": "SecureString"])
    let hidden = try ssm(&w, "GetParameter", ["Name": "DB_PASSWORD"])["Parameter"]?["Value"]?
      .stringValue
    #expect(hidden != nil && hidden != "hunter2")
    #expect(hidden.flatMap(Base64.decode) != nil)
    let shown = try ssm(&w, "GetParameter", ["Name": "DB_PASSWORD", "WithDecryption": true])
    #expect(shown["Parameter"]?["Value"] == "hunter2")
    #expect(
      shown["Parameter"]?["ARN"] == "arn:aws:ssm:us-east-1:123456789012:parameter/DB_PASSWORD")
  }

  @Test(
    arguments: [
      (
        "/app/x", nil,
        AWSError("ValidationException", "A parameter type is required when you create a parameter.")
      ),
      (
        "/aws/mine", "String",
        AWSError(
          "ValidationException",
          #"Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive)."#)
      ),
      (
        "/app/x", "Secret",
        AWSError(
          "ValidationException",
          "1 validation error detected: Value 'Secret' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"
        )
      ),
      (
        "/app/taken", "String",
        AWSError(
          "ParameterAlreadyExists",
          "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."
        )
      ),
      (
        "bad name!", "String",
        AWSError(
          "ValidationException",
          "Parameter name must only include letters, numbers, and the following symbols: _ . - /")
      ),
    ] as [(String, String?, AWSError)])
  func putParameterErrors(name: String, type: String?, error: AWSError) throws {
    var w = World()
    _ = try ssm(&w, "PutParameter", ["Name": "/app/taken", "Value": "v", "Type": "String"])
    let before = w
    let req = jsonObject([
      ("Name", .string(name)), ("Value", "v"), ("Type", type.map { .string($0) }),
    ])
    #expect(throws: error) { try ssm(&w, "PutParameter", req) }
    #expect(w == before)
  }

  @Test(arguments: [
    "", "f", "fo", "foo", "foob", "fooba", "foobar", "#!/bin/bash\necho ECS_CLUSTER=demo",
  ])
  func base64RoundTrips(text: String) {
    let bytes = Array(text.utf8)
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
  }

  @Test func base64KnownValue() {
    #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
    #expect(Base64.decode("not base64!") == nil)
  }
}
