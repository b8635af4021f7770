import Testing

@testable import ECSModel

/// Builds worlds the way a learner's commands would.
private func ecr(_ w: inout World, _ op: String, _ req: JSONValue = [:]) throws(AWSError)
  -> JSONValue
{
  try w.perform(service: "ecr", operation: op, req)
}

private let host = "123456789012.dkr.ecr.us-east-1.amazonaws.com"

private func worldWithImage(
  tag: String = "v1", digest: String = "sha256:" + String(repeating: "a", count: 64),
  mutability: String = "MUTABLE"
) throws -> World {
  var w = World()
  _ = try ecr(
    &w, "CreateRepository", ["repositoryName": "web", "imageTagMutability": .string(mutability)])
  try w.pushImage(
    repositoryName: "web", tag: tag, digest: digest, layers: ["sha256:l1"], sizeInBytes: 1000)
  return w
}

@Suite struct ECRRepositoryTests {
  @Test func createReturnsTheRepositoryWithAWSDefaults() throws {
    var w = World()
    let out = try ecr(&w, "CreateRepository", ["repositoryName": "project-a/web"])
    let r = try #require(out["repository"])
    #expect(
      r.objectValue?.map(\.0) == [
        "repositoryArn", "registryId", "repositoryName", "repositoryUri", "createdAt",
        "imageTagMutability", "imageScanningConfiguration", "encryptionConfiguration",
      ])
    #expect(r["repositoryArn"] == "arn:aws:ecr:us-east-1:123456789012:repository/project-a/web")
    #expect(r["registryId"] == "123456789012")
    #expect(r["repositoryUri"] == .string(host + "/project-a/web"))
    #expect(r["createdAt"] == "2026-01-05T09:00:00+00:00")
    #expect(r["imageTagMutability"] == "MUTABLE")
    #expect(r["imageScanningConfiguration"] == ["scanOnPush": false])
    #expect(r["encryptionConfiguration"] == ["encryptionType": "AES256"])
    #expect(w.registry.repositories.map(\.name) == ["project-a/web"])
  }

  @Test func createTakesMutabilityScanningAndKMS() throws {
    var w = World()
    let out = try ecr(
      &w, "CreateRepository",
      [
        "repositoryName": "web", "imageTagMutability": "IMMUTABLE",
        "imageScanningConfiguration": ["scanOnPush": true],
        "encryptionConfiguration": ["encryptionType": "KMS"],
        "tags": [["Key": "team", "Value": "a"]],
      ])
    #expect(out["repository"]?["imageTagMutability"] == "IMMUTABLE")
    #expect(out["repository"]?["imageScanningConfiguration"] == ["scanOnPush": true])
    let key = out["repository"]?["encryptionConfiguration"]?["kmsKey"]?.stringValue ?? ""
    #expect(key.hasPrefix("arn:aws:kms:us-east-1:123456789012:key/"))
    #expect(w.registry.repository("web")?.tags == [Tag(key: "team", value: "a")])
  }

  @Test func createTwiceIsRepositoryAlreadyExists() throws {
    var w = World()
    _ = try ecr(&w, "CreateRepository", ["repositoryName": "web"])
    let before = w
    #expect(
      throws: AWSError(
        "RepositoryAlreadyExistsException",
        "The repository with name 'web' already exists in the registry with id '123456789012'")
    ) { try ecr(&w, "CreateRepository", ["repositoryName": "web"]) }
    #expect(w == before)
  }

  static let pattern =
    "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular "
    + "expression '[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*''"

  @Test(arguments: [
    ("Web", pattern), ("web/", pattern), ("/web", pattern), ("we b", pattern), ("web..x", pattern),
    ("-web", pattern), ("web___x", pattern), ("ウェブ", pattern),
    (
      "w",
      "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must be between 2 and 256 characters long'"
    ),
    (
      String(repeating: "a", count: 257),
      "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must be between 2 and 256 characters long'"
    ),
  ])
  func badNamesAreInvalidParameterAndChangeNothing(name: String, message: String) {
    var w = World()
    let before = w
    #expect(throws: AWSError("InvalidParameterException", message)) {
      try ecr(&w, "CreateRepository", ["repositoryName": .string(name)])
    }
    #expect(w == before)
  }

  @Test(arguments: [
    "ab", "web", "a/b/c", "web-app", "web--app", "web.app", "web_app", "web__app", "0x",
  ])
  func goodNamesAreAccepted(name: String) throws {
    var w = World()
    _ = try ecr(&w, "CreateRepository", ["repositoryName": .string(name)])
    #expect(w.registry.repository(name) != nil)
  }

  @Test func badMutabilityIsAValidationException() {
    var w = World()
    #expect(
      throws: AWSError(
        "ValidationException",
        "1 validation error detected: Value 'FROZEN' at 'imageTagMutability' failed to satisfy constraint: Member must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]"
      )
    ) {
      try ecr(&w, "CreateRepository", ["repositoryName": "web", "imageTagMutability": "FROZEN"])
    }
  }

  @Test func describeListsAllOrTheNamedOnes() throws {
    var w = World()
    for n in ["a1", "b2", "c3"] {
      _ = try ecr(&w, "CreateRepository", ["repositoryName": .string(n)])
    }
    let all = try ecr(&w, "DescribeRepositories")
    #expect(
      all["repositories"]?.arrayValue?.compactMap { $0["repositoryName"]?.stringValue } == [
        "a1", "b2", "c3",
      ])
    let named = try ecr(&w, "DescribeRepositories", ["repositoryNames": ["c3"]])
    #expect(named["repositories"]?[0]?["repositoryName"] == "c3")
    let page = try ecr(&w, "DescribeRepositories", ["maxResults": 2])
    #expect(page["repositories"]?.arrayValue?.count == 2)
    let next = try ecr(
      &w, "DescribeRepositories", ["maxResults": 2, "nextToken": page["nextToken"] ?? nil])
    #expect(next["repositories"]?[0]?["repositoryName"] == "c3")
    #expect(next["nextToken"] == nil)
  }

  @Test func describeOfAMissingRepositoryIsRepositoryNotFound() {
    var w = World()
    #expect(
      throws: AWSError(
        "RepositoryNotFoundException",
        "The repository with name 'nope' does not exist in the registry with id '123456789012'")
    ) { try ecr(&w, "DescribeRepositories", ["repositoryNames": ["nope"]]) }
  }

  @Test func deleteOfANonEmptyRepositoryNeedsForce() throws {
    var w = try worldWithImage()
    let before = w
    #expect(
      throws: AWSError(
        "RepositoryNotEmptyException",
        "The repository with name 'web' in registry with id '123456789012' cannot be deleted because it still contains images"
      )
    ) { try ecr(&w, "DeleteRepository", ["repositoryName": "web"]) }
    #expect(w == before)
    let out = try ecr(&w, "DeleteRepository", ["repositoryName": "web", "force": true])
    #expect(out["repository"]?["repositoryName"] == "web")
    #expect(w.registry.repositories.isEmpty)
    #expect(throws: AWSError.self) { try ecr(&w, "DeleteRepository", ["repositoryName": "web"]) }
  }

  @Test func putImageTagMutabilityChangesTheSetting() throws {
    var w = World()
    _ = try ecr(&w, "CreateRepository", ["repositoryName": "web"])
    let out = try ecr(
      &w, "PutImageTagMutability", ["repositoryName": "web", "imageTagMutability": "IMMUTABLE"])
    #expect(
      out == [
        "registryId": "123456789012", "repositoryName": "web", "imageTagMutability": "IMMUTABLE",
      ])
    #expect(w.registry.repository("web")?.imageTagMutability == "IMMUTABLE")
  }
}

@Suite struct ECRImageTests {
  static let d1 = "sha256:" + String(repeating: "a", count: 64)
  static let d2 = "sha256:" + String(repeating: "b", count: 64)

  @Test func describeImagesPrintsTheImageDetail() throws {
    var w = try worldWithImage()
    let out = try ecr(&w, "DescribeImages", ["repositoryName": "web"])
    let d = try #require(out["imageDetails"]?[0])
    #expect(
      d.objectValue?.map(\.0) == [
        "registryId", "repositoryName", "imageDigest", "imageTags", "imageSizeInBytes",
        "imagePushedAt", "imageManifestMediaType", "artifactMediaType",
      ])
    #expect(d["imageDigest"] == .string(Self.d1))
    #expect(d["imageTags"] == ["v1"])
    #expect(d["imageSizeInBytes"] == 1000)
    #expect(d["imageManifestMediaType"] == "application/vnd.docker.distribution.manifest.v2+json")
    #expect(d["artifactMediaType"] == "application/vnd.docker.container.image.v1+json")
  }

  @Test func queryDocumentsMatchTheDescribeOperations() throws {
    var w = try worldWithImage()
    let images = try ecr(&w, "DescribeImages", ["repositoryName": "web"])
    #expect(
      w.imageDocuments(repository: "web").map { JSONValue.array($0) } == images["imageDetails"])
    #expect(w.imageDocuments(repository: "nope") == nil)
    let repos = try ecr(&w, "DescribeRepositories")
    #expect(JSONValue.array(w.repositoryDocuments()) == repos["repositories"])
  }

  @Test func describeImagesOfAMissingTagIsImageNotFound() throws {
    var w = try worldWithImage()
    #expect(
      throws: AWSError(
        "ImageNotFoundException",
        "The image with imageId {imageDigest:'null', imageTag:'nope'} does not exist within the repository with name 'web' in the registry with id '123456789012'"
      )
    ) {
      try ecr(&w, "DescribeImages", ["repositoryName": "web", "imageIds": [["imageTag": "nope"]]])
    }
    #expect(throws: AWSError.self) { try ecr(&w, "DescribeImages", ["repositoryName": "nope"]) }
  }

  @Test func aMutableTagMovesAndLeavesTheOldImageUntagged() throws {
    var w = try worldWithImage()
    try w.pushImage(repositoryName: "web", tag: "v1", digest: Self.d2, layers: [], sizeInBytes: 5)
    let list = try ecr(&w, "ListImages", ["repositoryName": "web"])
    #expect(
      list["imageIds"] == [
        ["imageDigest": .string(Self.d1)], ["imageDigest": .string(Self.d2), "imageTag": "v1"],
      ])
    let untagged = try ecr(
      &w, "ListImages", ["repositoryName": "web", "filter": ["tagStatus": "UNTAGGED"]])
    #expect(untagged["imageIds"]?.arrayValue?.count == 1)
  }

  @Test func anImmutableTagCannotBeOverwritten() throws {
    var w = try worldWithImage(mutability: "IMMUTABLE")
    let before = w
    #expect(
      throws: AWSError(
        "ImageTagAlreadyExistsException",
        "The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable."
      )
    ) {
      try w.pushImage(repositoryName: "web", tag: "v1", digest: Self.d2, layers: [], sizeInBytes: 5)
    }
    #expect(w == before)
    // The same image again under the same tag is not an overwrite.
    try w.pushImage(repositoryName: "web", tag: "v1", digest: Self.d1, layers: [], sizeInBytes: 5)
    try w.pushImage(repositoryName: "web", tag: "v2", digest: Self.d2, layers: [], sizeInBytes: 5)
    #expect(w.registry.repository("web")?.images.count == 2)
  }

  @Test func pushToAMissingRepositoryIsRepositoryNotFound() {
    var w = World()
    #expect(
      throws: AWSError(
        "RepositoryNotFoundException",
        "The repository with name 'web' does not exist in the registry with id '123456789012'")
    ) {
      try w.pushImage(repositoryName: "web", tag: "v1", digest: Self.d1, layers: [], sizeInBytes: 5)
    }
  }

  @Test func batchDeleteByTagUntagsAndReportsMissingImages() throws {
    var w = try worldWithImage()
    try w.pushImage(
      repositoryName: "web", tag: "latest", digest: Self.d1, layers: [], sizeInBytes: 5)
    let out = try ecr(
      &w, "BatchDeleteImage",
      ["repositoryName": "web", "imageIds": [["imageTag": "v1"], ["imageTag": "nope"]]])
    #expect(out["imageIds"] == [["imageDigest": .string(Self.d1), "imageTag": "v1"]])
    #expect(
      out["failures"] == [
        [
          "imageId": ["imageTag": "nope"], "failureCode": "ImageNotFound",
          "failureReason": "Requested image not found",
        ]
      ])
    #expect(w.registry.repository("web")?.images.first?.tags == ["latest"])
    // Removing the last tag deletes the image.
    _ = try ecr(
      &w, "BatchDeleteImage", ["repositoryName": "web", "imageIds": [["imageTag": "latest"]]])
    #expect(w.registry.repository("web")?.images.isEmpty == true)
  }

  @Test func batchDeleteByDigestRemovesEveryTag() throws {
    var w = try worldWithImage()
    try w.pushImage(
      repositoryName: "web", tag: "latest", digest: Self.d1, layers: [], sizeInBytes: 5)
    let out = try ecr(
      &w, "BatchDeleteImage",
      ["repositoryName": "web", "imageIds": [["imageDigest": .string(Self.d1)]]])
    #expect(out["imageIds"]?.arrayValue?.count == 2)
    #expect(out["failures"] == [])
    #expect(w.registry.repository("web")?.images.isEmpty == true)
  }
}

@Suite struct ECRAuthorizationTests {
  @Test func authorizationTokenIsAWSColonPasswordAndIsRemembered() throws {
    var w = World()
    let out = try ecr(&w, "GetAuthorizationToken")
    let data = try #require(out["authorizationData"]?[0])
    #expect(data["proxyEndpoint"] == .string("https://" + host))
    #expect(data["expiresAt"] == "2026-01-05T21:00:00+00:00")
    let token = try #require(data["authorizationToken"]?.stringValue)
    let decoded = String(decoding: try #require(Base64.decode(token)), as: UTF8.self)
    #expect(decoded.hasPrefix("AWS:"))
    #expect(w.registry.issuedTokens.map(\.password) == [String(decoded.dropFirst(4))])
  }

  @Test func loginPasswordIsDeterministicAndLooksLikeECRs() throws {
    var a = World()
    var b = World()
    let p1 = ECRActions.loginPassword(world: &a)
    #expect(p1 == ECRActions.loginPassword(world: &b))
    #expect(p1 != ECRActions.loginPassword(world: &a))
    #expect(a.registry.issuedTokens.count == 2)
    let json = String(decoding: try #require(Base64.decode(p1)), as: UTF8.self)
    #expect(json.hasPrefix("{\"payload\":\""))
    #expect(json.hasSuffix("\"version\":\"2\",\"type\":\"DATA_KEY\",\"expiration\":1767646800}"))
    #expect(World(seed: 7).registry == World().registry)
    var c = World(seed: 7)
    #expect(ECRActions.loginPassword(world: &c) != p1)
  }

  @Test(arguments: [
    [UInt8](), [0x41], [0x41, 0x42], [0x41, 0x42, 0x43], [0xff, 0x00, 0x7f, 0x80],
  ])
  func base64RoundTrips(bytes: [UInt8]) {
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
  }

  @Test func base64MatchesTheStandardAlphabet() {
    #expect(Base64.encode(Array("AWS:pw".utf8)) == "QVdTOnB3")
    #expect(Base64.encode(Array("ab".utf8)) == "YWI=")
    #expect(Base64.decode("not base64!") == nil)
  }
}
