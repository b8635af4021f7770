import Testing

@testable import ECSModel

@Suite struct RegistryPolicyTests {
  /// A repository with images pushed at day 0, 1 and 2 (one untagged by a later push).
  static func repository() throws -> World {
    var w = World()
    _ = try w.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
    for (day, tag) in [(0, "v1"), (1, "v2"), (2, "v2")] {
      w.clock.nowMillis = SimClock.defaultStart + Int64(day) * 86_400_000
      try w.pushImage(
        repositoryName: "web", tag: tag, digest: "sha256:" + SHA256.hex("image \(day)"),
        layers: ["sha256:" + SHA256.hex("layer \(day)")], sizeInBytes: 1000)
    }
    w.clock.nowMillis = SimClock.defaultStart + 30 * 86_400_000
    return w
  }

  @Test(arguments: [
    (
      #"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}"#,
      1
    ),
    (
      #"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}"#,
      2
    ),
    (
      #"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["v1"],"countType":"imageCountMoreThan","countNumber":5},"action":{"type":"expire"}}]}"#,
      0
    ),
  ])
  func lifecyclePreviewAppliesTheRules(policy: String, expiring: Int) throws {
    var w = try Self.repository()
    _ = try w.perform(
      service: "ecr", operation: "StartLifecyclePolicyPreview",
      ["repositoryName": "web", "lifecyclePolicyText": .string(policy)])
    let out = try w.perform(
      service: "ecr", operation: "GetLifecyclePolicyPreview", ["repositoryName": "web"])
    #expect(out["summary"]?["expiringImageTotalCount"] == .int(expiring))
    #expect(out["previewResults"]?.arrayValue?.count == expiring)
  }

  @Test func repositoryPolicyRoundTripAndMissingPolicyError() throws {
    var w = try Self.repository()
    let before = w
    #expect(throws: AWSError.self) {
      _ = try w.perform(service: "ecr", operation: "GetRepositoryPolicy", ["repositoryName": "web"])
    }
    #expect(w == before)
    let text =
      #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"}]}"#
    _ = try w.perform(
      service: "ecr", operation: "SetRepositoryPolicy",
      ["repositoryName": "web", "policyText": .string(text)])
    let got = try w.perform(
      service: "ecr", operation: "GetRepositoryPolicy", ["repositoryName": "web"])
    #expect(got["policyText"] == .string(text))
  }

  @Test func scanFindingsAreTheSameForTheSameImage() throws {
    var w = try Self.repository()
    let id: JSONValue = ["imageTag": "v2"]
    _ = try w.perform(
      service: "ecr", operation: "StartImageScan", ["repositoryName": "web", "imageId": id])
    let a = try w.perform(
      service: "ecr", operation: "DescribeImageScanFindings",
      ["repositoryName": "web", "imageId": id])
    let b = try w.perform(
      service: "ecr", operation: "DescribeImageScanFindings",
      ["repositoryName": "web", "imageId": id])
    #expect(a == b)
    #expect(a["imageScanStatus"]?["status"] == "COMPLETE")
    #expect((a["imageScanFindings"]?["findings"]?.arrayValue?.count ?? 0) > 0)
  }

  @Test func layerUploadGivesTheContentDigest() throws {
    var w = try Self.repository()
    let up = try w.perform(
      service: "ecr", operation: "InitiateLayerUpload", ["repositoryName": "web"])
    let id = up["uploadId"] ?? .null
    _ = try w.perform(
      service: "ecr", operation: "UploadLayerPart",
      [
        "repositoryName": "web", "uploadId": id, "partFirstByte": 0, "partLastByte": 3,
        "layerPartBlob": "abcd",
      ])
    #expect(throws: AWSError.self) {
      _ = try w.perform(
        service: "ecr", operation: "UploadLayerPart",
        [
          "repositoryName": "web", "uploadId": id, "partFirstByte": 9, "partLastByte": 12,
          "layerPartBlob": "x",
        ])
    }
    let done = try w.perform(
      service: "ecr", operation: "CompleteLayerUpload",
      ["repositoryName": "web", "uploadId": id, "layerDigests": ["sha256:00"]])
    let digest = done["layerDigest"] ?? .null
    let check = try w.perform(
      service: "ecr", operation: "BatchCheckLayerAvailability",
      ["repositoryName": "web", "layerDigests": [digest]])
    #expect(check["layers"]?[0]?["layerAvailability"] == "AVAILABLE")
    #expect(check["layers"]?[0]?["layerSize"] == 4)
  }
}
