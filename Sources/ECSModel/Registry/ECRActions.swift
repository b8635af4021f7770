/// ECR: CreateRepository, DescribeRepositories, DeleteRepository, PutImageTagMutability,
/// DescribeImages, ListImages, BatchDeleteImage, GetAuthorizationToken; plus `loginPassword`,
/// what `aws ecr get-login-password` prints (an awscli customization, not an API operation).
///
/// ```swift
/// var world = World()
/// _ = try world.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
/// let password = ECRActions.loginPassword(world: &world)  // accepted by `docker login`
/// ```
public enum ECRActions {
  static let table: [String: ActionHandler] = [
    "CreateRepository": createRepository,
    "DescribeRepositories": describeRepositories,
    "DeleteRepository": deleteRepository,
    "PutImageTagMutability": putImageTagMutability,
    "DescribeImages": describeImages,
    "ListImages": listImages,
    "BatchDeleteImage": batchDeleteImage,
    "GetAuthorizationToken": getAuthorizationToken,
  ]
  .merging(policyTable) { a, _ in a }.merging(imageTable) { a, _ in a }

  /// GetAuthorizationToken tokens last 12 hours.
  public static let tokenLifetimeMillis: Int64 = 12 * 3600 * 1000

  // MARK: Repositories

  static func createRepository(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("repositoryName") ?? ""
    try validateRepositoryName(name)
    let registryId = req.string("registryId") ?? world.account
    if world.registry.repository(name) != nil {
      throw AWSError(
        "RepositoryAlreadyExistsException",
        "The repository with name '\(name)' already exists in the registry with id '\(registryId)'")
    }
    let mutability = try tagMutability(req.string("imageTagMutability") ?? "MUTABLE")
    let scanOnPush = req["imageScanningConfiguration"]?["scanOnPush"]?.boolValue ?? false
    var encryption = "AES256"
    var kmsKey: String?
    if let enc = req["encryptionConfiguration"] {
      encryption = enc["encryptionType"]?.stringValue ?? "AES256"
      let allowed = ["AES256", "KMS", "KMS_DSSE"]
      guard allowed.contains(encryption) else {
        throw enumError(encryption, "encryptionConfiguration.encryptionType", allowed)
      }
      kmsKey = enc["kmsKey"]?.stringValue
      if encryption == "AES256", kmsKey != nil {
        // UNCONFIRMED wording; ECR rejects a KMS key with AES256 encryption.
        throw AWSError(
          "InvalidParameterException",
          "Invalid parameter at 'encryptionConfiguration' failed to satisfy constraint: "
            + "'KMS key should not be specified when encryption type is AES256'")
      }
      if encryption != "AES256", kmsKey == nil {
        // Without a key ECR uses the AWS managed key aws/ecr.
        kmsKey = "arn:aws:kms:\(world.region):\(world.account):key/\(world.random.uuid())"
      }
    }
    var tags: [Tag] = []
    for item in req.array("tags") ?? [] {
      guard let key = item["Key"]?.stringValue, !key.isEmpty else {
        throw AWSError("InvalidTagParameterException", "Invalid parameter: tag key cannot be empty")
      }
      tags.append(Tag(key: key, value: item["Value"]?.stringValue ?? ""))
    }
    let repo = Repository(
      name: name, arn: world.arn(service: "ecr", resource: "repository/" + name),
      registryId: world.account, uri: world.ecrHost + "/" + name,
      createdAt: world.clock.nowMillis, imageTagMutability: mutability, scanOnPush: scanOnPush,
      encryptionType: encryption, kmsKey: kmsKey, tags: tags)
    world.registry.repositories.append(repo)
    world.record(.image, "Repository \(name) created.", .repositoryCreated(name))
    return ["repository": repositoryDocument(repo)]
  }

  static func describeRepositories(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let registryId = req.string("registryId") ?? world.account
    var repos: [Repository] = []
    if let names = req.strings("repositoryNames") {
      for name in names {
        guard registryId == world.account, let repo = world.registry.repository(name) else {
          throw repositoryNotFound(name, registryId)
        }
        repos.append(repo)
      }
    } else if registryId == world.account {
      repos = world.registry.repositories
    }
    return try page(repos.map(repositoryDocument), key: "repositories", req)
  }

  static func deleteRepository(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("repositoryName") ?? ""
    let registryId = req.string("registryId") ?? world.account
    guard registryId == world.account,
      let i = world.registry.repositories.firstIndex(where: { $0.name == name })
    else { throw repositoryNotFound(name, registryId) }
    let repo = world.registry.repositories[i]
    if req.bool("force") != true, let error = world.deleteBlocker("repository", name) {
      throw error
    }
    world.registry.repositories.remove(at: i)
    world.record(.image, "Repository \(name) deleted.", .repositoryDeleted(name))
    // DeleteRepository prints the repository without its scanning and encryption settings.
    let printed = (repositoryDocument(repo).objectValue ?? []).filter {
      $0.0 != "imageScanningConfiguration" && $0.0 != "encryptionConfiguration"
    }
    return ["repository": .object(printed)]
  }

  static func putImageTagMutability(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let mutability = try tagMutability(req.string("imageTagMutability") ?? "")
    world.registry.repositories[i].imageTagMutability = mutability
    return [
      "registryId": .string(registryId),
      "repositoryName": .string(world.registry.repositories[i].name),
      "imageTagMutability": .string(mutability),
    ]
  }

  // MARK: Images

  static func describeImages(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (i, _) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    var images: [ECRImage] = []
    if let ids = req.array("imageIds") {
      for id in ids {
        guard let image = try find(id, in: repo) else {
          let digest = id["imageDigest"]?.stringValue.map { "'\($0)'" } ?? "'null'"
          let tag = id["imageTag"]?.stringValue.map { "'\($0)'" } ?? "'null'"
          throw AWSError(
            "ImageNotFoundException",
            "The image with imageId {imageDigest:\(digest), imageTag:\(tag)} does not exist within "
              + "the repository with name '\(repo.name)' in the registry with id '\(repo.registryId)'"
          )
        }
        if !images.contains(image) { images.append(image) }
      }
    } else {
      images = try filtered(repo.images, req)
    }
    let docs = images.map { imageDocument($0, repo) }
    return try page(docs, key: "imageDetails", req)
  }

  static func listImages(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (i, _) = try repositoryIndex(world, req)
    let images = try filtered(world.registry.repositories[i].images, req)
    var ids: [JSONValue] = []
    for image in images {
      if image.tags.isEmpty { ids.append(["imageDigest": .string(image.digest)]) }
      for tag in image.tags {
        ids.append(["imageDigest": .string(image.digest), "imageTag": .string(tag)])
      }
    }
    return try page(ids, key: "imageIds", req)
  }

  static func batchDeleteImage(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (r, _) = try repositoryIndex(world, req)
    var repo = world.registry.repositories[r]
    var deleted: [JSONValue] = []
    var failures: [JSONValue] = []
    for id in req.array("imageIds") ?? [] {
      let digest = id["imageDigest"]?.stringValue
      let tag = id["imageTag"]?.stringValue
      func fail(_ code: String, _ reason: String) {
        failures.append([
          "imageId": id, "failureCode": .string(code), "failureReason": .string(reason),
        ])
      }
      if digest == nil && tag == nil {
        // UNCONFIRMED wording.
        fail(
          "MissingDigestAndTag", "Invalid request parameters: both tag and digest cannot be null")
        continue
      }
      if let digest, !isDigest(digest) {
        // UNCONFIRMED wording.
        fail(
          "InvalidImageDigest",
          "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'"
        )
        continue
      }
      if let digest {
        guard let i = repo.images.firstIndex(where: { $0.digest == digest }) else {
          fail("ImageNotFound", "Requested image not found")
          continue
        }
        if let tag, !repo.images[i].tags.contains(tag) {
          fail("ImageTagDoesNotMatchDigest", "Invalid image tag for image digest")
          continue
        }
        let image = repo.images.remove(at: i)
        if image.tags.isEmpty { deleted.append(["imageDigest": .string(image.digest)]) }
        for t in image.tags {
          deleted.append(["imageDigest": .string(image.digest), "imageTag": .string(t)])
        }
      } else if let tag {
        guard let i = repo.images.firstIndex(where: { $0.tags.contains(tag) }) else {
          fail("ImageNotFound", "Requested image not found")
          continue
        }
        // Removing a tag deletes the image only when it was the image's last tag.
        repo.images[i].tags.removeAll { $0 == tag }
        deleted.append(["imageDigest": .string(repo.images[i].digest), "imageTag": .string(tag)])
        if repo.images[i].tags.isEmpty { repo.images.remove(at: i) }
      }
    }
    world.registry.repositories[r] = repo
    if !deleted.isEmpty {
      world.record(
        .image, "Deleted \(deleted.count) image ID(s) from \(repo.name).",
        .imagesDeleted(count: deleted.count, repository: repo.name))
    }
    return ["imageIds": .array(deleted), "failures": .array(failures)]
  }

  // MARK: Authorization

  static func getAuthorizationToken(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let issued = issueToken(&world)
    return [
      "authorizationData": [
        [
          "authorizationToken": .string(Base64.encode(Array(("AWS:" + issued.password).utf8))),
          "expiresAt": .string(Timestamp.iso8601(millis: issued.expiresAt)),
          "proxyEndpoint": .string("https://" + world.ecrHost),
        ]
      ]
    ]
  }

  /// What `aws ecr get-login-password` prints (without the newline): a new password for
  /// `docker login --username AWS`, valid 12 hours of simulated time. The same steps on the same
  /// seed always issue the same password.
  ///
  /// ```swift
  /// let password = ECRActions.loginPassword(world: &world)
  /// DockerCLI.run(["docker", "login", "--username", "AWS", "--password-stdin", world.ecrHost],
  ///               stdin: password + "\n", world: &world)  // Login Succeeded
  /// ```
  public static func loginPassword(world: inout World) -> String {
    issueToken(&world).password
  }

  /// Issues and remembers a password. Like ECR's, it is base64 of a JSON document with an
  /// encrypted payload and data key (here: seeded random bytes) and the expiry.
  static func issueToken(_ world: inout World) -> IssuedToken {
    let expires = world.clock.nowMillis + tokenLifetimeMillis
    let payload = Base64.encode(
      (0..<192).map { _ in UInt8(truncatingIfNeeded: world.random.next()) })
    let datakey = Base64.encode(
      (0..<96).map { _ in UInt8(truncatingIfNeeded: world.random.next()) })
    let json =
      "{\"payload\":\"\(payload)\",\"datakey\":\"\(datakey)\",\"version\":\"2\","
      + "\"type\":\"DATA_KEY\",\"expiration\":\(expires / 1000)}"
    let token = IssuedToken(password: Base64.encode(Array(json.utf8)), expiresAt: expires)
    world.registry.issuedTokens.append(token)
    return token
  }

  // MARK: Documents

  static func repositoryDocument(_ repo: Repository) -> JSONValue {
    jsonObject([
      ("repositoryArn", .string(repo.arn)),
      ("registryId", .string(repo.registryId)),
      ("repositoryName", .string(repo.name)),
      ("repositoryUri", .string(repo.uri)),
      ("createdAt", .string(Timestamp.iso8601(millis: repo.createdAt))),
      ("imageTagMutability", .string(repo.imageTagMutability)),
      ("imageScanningConfiguration", ["scanOnPush": .bool(repo.scanOnPush)]),
      (
        "encryptionConfiguration",
        jsonObject([
          ("encryptionType", .string(repo.encryptionType)),
          ("kmsKey", repo.kmsKey.map { .string($0) }),
        ])
      ),
    ])
  }

  static func imageDocument(_ image: ECRImage, _ repo: Repository) -> JSONValue {
    jsonObject([
      ("registryId", .string(repo.registryId)),
      ("repositoryName", .string(repo.name)),
      ("imageDigest", .string(image.digest)),
      ("imageTags", image.tags.isEmpty ? nil : .array(image.tags.map { .string($0) })),
      ("imageSizeInBytes", .int(image.sizeInBytes)),
      ("imagePushedAt", .string(Timestamp.iso8601(millis: image.pushedAt))),
      (
        "imageScanStatus",
        image.scanStartedAt != nil
          ? ["status": "COMPLETE", "description": "The scan was completed successfully."] : nil
      ),
      (
        "imageScanFindingsSummary",
        image.scanStartedAt.map { started in
          let findings = ScanFindings.of(image)
          return [
            "imageScanCompletedAt": .string(Timestamp.iso8601(millis: started + 7_000)),
            "vulnerabilitySourceUpdatedAt": .string(
              Timestamp.iso8601(millis: ScanFindings.sourceUpdatedAt)),
            "findingSeverityCounts": ScanFindings.counts(findings),
          ]
        }
      ),
      ("imageManifestMediaType", .string(image.manifestMediaType)),
      ("artifactMediaType", .string(image.artifactMediaType)),
    ])
  }

  // MARK: Validation and lookup

  /// The pattern AWS prints in its own message (botocore's RepositoryName pattern).
  static let namePattern =
    "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*"

  static func validateRepositoryName(_ name: String) throws(AWSError) {
    if name.count < 2 || name.count > 256 {
      // UNCONFIRMED wording for the length rule (the CLI normally rejects it client-side).
      throw AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'repositoryName' failed to satisfy constraint: "
          + "'must be between 2 and 256 characters long'")
    }
    let segments = name.split(separator: "/", omittingEmptySubsequences: false)
    if !segments.allSatisfy({ ImageReference.isValidComponent($0) }) {
      throw AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'repositoryName' failed to satisfy constraint: "
          + "'must satisfy regular expression '\(namePattern)''")
    }
  }

  static func tagMutability(_ value: String) throws(AWSError) -> String {
    let allowed = ["MUTABLE", "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"]
    guard allowed.contains(value) else { throw enumError(value, "imageTagMutability", allowed) }
    return value
  }

  /// The AWS JSON protocol's message for a value outside an enum.
  static func enumError(_ value: String, _ member: String, _ allowed: [String]) -> AWSError {
    AWSError(
      "ValidationException",
      "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: "
        + "Member must satisfy enum value set: [\(allowed.joined(separator: ", "))]")
  }

  static func repositoryNotFound(_ name: String, _ registryId: String) -> AWSError {
    AWSError(
      "RepositoryNotFoundException",
      "The repository with name '\(name)' does not exist in the registry with id '\(registryId)'")
  }

  static func repositoryIndex(_ world: World, _ req: Request) throws(AWSError) -> (Int, String) {
    let name = req.string("repositoryName") ?? ""
    let registryId = req.string("registryId") ?? world.account
    guard registryId == world.account,
      let i = world.registry.repositories.firstIndex(where: { $0.name == name })
    else { throw repositoryNotFound(name, registryId) }
    return (i, registryId)
  }

  static func isDigest(_ s: String) -> Bool {
    guard let colon = s.firstIndex(of: ":") else { return false }
    let algo = s[..<colon]
    let hex = s[s.index(after: colon)...]
    return !algo.isEmpty && !hex.isEmpty && hex.allSatisfy(\.isHexDigit)
      && algo.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_+.".contains($0)) }
  }

  /// The image an ImageIdentifier names (digest first, then tag); nil when there is none.
  static func find(_ id: JSONValue, in repo: Repository) throws(AWSError) -> ECRImage? {
    let digest = id["imageDigest"]?.stringValue
    let tag = id["imageTag"]?.stringValue
    if digest == nil && tag == nil {
      // UNCONFIRMED wording.
      throw AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'imageIds' failed to satisfy constraint: "
          + "'imageId must contain an imageDigest or an imageTag'")
    }
    if let digest {
      guard let image = repo.image(digest: digest) else { return nil }
      if let tag, !image.tags.contains(tag) { return nil }
      return image
    }
    return tag.flatMap { repo.image(tag: $0) }
  }

  static func filtered(_ images: [ECRImage], _ req: Request) throws(AWSError) -> [ECRImage] {
    guard let status = req["filter"]?["tagStatus"]?.stringValue else { return images }
    switch status {
    case "TAGGED": return images.filter { !$0.tags.isEmpty }
    case "UNTAGGED": return images.filter { $0.tags.isEmpty }
    case "ANY": return images
    default: throw enumError(status, "filter.tagStatus", ["TAGGED", "UNTAGGED", "ANY"])
    }
  }

  /// maxResults (1–1000) / nextToken paging with tokens that are the same on every run.
  static func page(_ items: [JSONValue], key: String, _ req: Request) throws(AWSError) -> JSONValue
  {
    var start = 0
    if let token = req.string("nextToken") {
      guard token.hasPrefix("ecr-"), let n = Int(token.dropFirst(4)), n >= 0, n <= items.count
      else {
        throw AWSError(
          "InvalidParameterException",
          "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid pagination token'"
        )
      }
      start = n
    }
    let limit = req.int("maxResults") ?? 1000
    guard (1...1000).contains(limit) else {
      throw AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'maxResults' failed to satisfy constraint: "
          + "'Member must have value between 1 and 1000'")
    }
    let end = min(items.count, start + limit)
    return jsonObject([
      (key, .array(Array(items[start..<end]))),
      ("nextToken", end < items.count ? .string("ecr-\(end)") : nil),
    ])
  }
}

// MARK: - docker push, at the registry

extension World {
  /// What the registry does when `docker push` uploads an image: stores the manifest under
  /// `tag` in this account's repository `repositoryName`. A tag on another image moves (MUTABLE)
  /// or is refused (IMMUTABLE) with ECR's ImageTagAlreadyExistsException.
  ///
  /// ```swift
  /// try world.pushImage(repositoryName: "web", tag: "v1", digest: d, layers: l, sizeInBytes: n)
  /// ```
  public mutating func pushImage(
    repositoryName: String, tag: String, digest: String, layers: [String], sizeInBytes: Int
  ) throws(AWSError) {
    guard let r = registry.repositories.firstIndex(where: { $0.name == repositoryName }) else {
      throw ECRActions.repositoryNotFound(repositoryName, account)
    }
    var repo = registry.repositories[r]
    if let holder = repo.image(tag: tag), holder.digest != digest,
      repo.imageTagMutability.hasPrefix("IMMUTABLE")
    {
      throw AWSError(
        "ImageTagAlreadyExistsException",
        "The image tag '\(tag)' already exists in the '\(repo.name)' repository and cannot be "
          + "overwritten because the repository is immutable.")
    }
    for i in repo.images.indices where repo.images[i].digest != digest {
      // The tag moves; the image it leaves stays in the repository, untagged.
      repo.images[i].tags.removeAll { $0 == tag }
    }
    if let i = repo.images.firstIndex(where: { $0.digest == digest }) {
      if !repo.images[i].tags.contains(tag) { repo.images[i].tags.append(tag) }
    } else {
      var image = ECRImage(
        digest: digest, tags: [tag], sizeInBytes: sizeInBytes, pushedAt: clock.nowMillis,
        layers: layers)
      if repo.scanOnPush { image.scanStartedAt = clock.nowMillis }
      repo.images.append(image)
    }
    registry.repositories[r] = repo
    record(
      .image, "Image \(repo.uri):\(tag) pushed (\(digest)).",
      .imagePushed(image: "\(repo.uri):\(tag)", digest: digest))
  }
}

// MARK: - Base64

// MARK: - Documents for lesson queries

extension World {
  /// Every repository as DescribeRepositories prints it (for lesson checks and `show`).
  ///
  /// ```swift
  /// world.repositoryDocuments().first?["repositoryUri"]  // "1234….dkr.ecr.us-east-1.amazonaws.com/web"
  /// ```
  public func repositoryDocuments() -> [JSONValue] {
    registry.repositories.map(ECRActions.repositoryDocument)
  }

  /// The images of repository `name` as DescribeImages prints them; nil when there is no such
  /// repository.
  ///
  /// ```swift
  /// world.imageDocuments(repository: "web")?.first?["imageTags"]  // ["v1"]
  /// ```
  public func imageDocuments(repository name: String) -> [JSONValue]? {
    guard let repo = registry.repository(name) else { return nil }
    return repo.images.map { ECRActions.imageDocument($0, repo) }
  }
}
