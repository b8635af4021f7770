/// ECR lifecycle policies (put, get, delete, and a preview that applies the rules to the
/// repository's images), repository policies (set, get, delete), image scanning configuration,
/// and repository tags.
extension ECRActions {
  static let policyTable: [String: ActionHandler] = [
    "PutLifecyclePolicy": putLifecyclePolicy,
    "GetLifecyclePolicy": getLifecyclePolicy,
    "DeleteLifecyclePolicy": deleteLifecyclePolicy,
    "StartLifecyclePolicyPreview": startLifecyclePolicyPreview,
    "GetLifecyclePolicyPreview": getLifecyclePolicyPreview,
    "SetRepositoryPolicy": setRepositoryPolicy,
    "GetRepositoryPolicy": getRepositoryPolicy,
    "DeleteRepositoryPolicy": deleteRepositoryPolicy,
    "PutImageScanningConfiguration": putImageScanningConfiguration,
    "TagResource": tagResource,
    "UntagResource": untagResource,
    "ListTagsForResource": listTagsForResource,
  ]

  // MARK: Lifecycle policies

  static func lifecycleNotFound(_ repo: Repository) -> AWSError {
    AWSError(
      "LifecyclePolicyNotFoundException",
      "Lifecycle policy does not exist for the repository with name '\(repo.name)' in the registry with id '\(repo.registryId)'"
    )
  }

  static func putLifecyclePolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let text = req.string("lifecyclePolicyText") ?? ""
    _ = try LifecyclePolicy(text)
    world.registry.repositories[i].lifecyclePolicyText = text
    return [
      "registryId": .string(registryId),
      "repositoryName": .string(world.registry.repositories[i].name),
      "lifecyclePolicyText": .string(text),
    ]
  }

  static func getLifecyclePolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    guard let text = repo.lifecyclePolicyText else { throw lifecycleNotFound(repo) }
    return [
      "registryId": .string(registryId), "repositoryName": .string(repo.name),
      "lifecyclePolicyText": .string(text),
      "lastEvaluatedAt": .string(Timestamp.iso8601(millis: repo.lifecycleEvaluatedAt ?? 0)),
    ]
  }

  static func deleteLifecyclePolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    guard let text = repo.lifecyclePolicyText else { throw lifecycleNotFound(repo) }
    world.registry.repositories[i].lifecyclePolicyText = nil
    return [
      "registryId": .string(registryId), "repositoryName": .string(repo.name),
      "lifecyclePolicyText": .string(text),
      "lastEvaluatedAt": .string(Timestamp.iso8601(millis: repo.lifecycleEvaluatedAt ?? 0)),
    ]
  }

  static func startLifecyclePolicyPreview(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    guard let text = req.string("lifecyclePolicyText") ?? repo.lifecyclePolicyText else {
      throw lifecycleNotFound(repo)
    }
    _ = try LifecyclePolicy(text)
    world.registry.repositories[i].lifecyclePreviewText = text
    world.registry.repositories[i].lifecyclePreviewAt = world.clock.nowMillis
    return [
      "registryId": .string(registryId), "repositoryName": .string(repo.name),
      "lifecyclePolicyText": .string(text), "status": "IN_PROGRESS",
    ]
  }

  /// The preview: which images the rules would expire now, by rule priority.
  static func getLifecyclePolicyPreview(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    guard let text = repo.lifecyclePreviewText else {
      throw AWSError(
        "LifecyclePolicyPreviewNotFoundException",
        "There is no dry run for the repository with name '\(repo.name)' in the registry with id '\(repo.registryId)'"
      )
    }
    let policy = try LifecyclePolicy(text)
    let expiring = policy.expiring(repo.images, now: world.clock.nowMillis)
    let results: [JSONValue] = expiring.map { image, priority in
      jsonObject([
        ("imageTags", .array(image.tags.map { .string($0) })),
        ("imageDigest", .string(image.digest)),
        ("imagePushedAt", .string(Timestamp.iso8601(millis: image.pushedAt))),
        ("action", ["type": "EXPIRE"]), ("appliedRulePriority", .int(priority)),
      ])
    }
    return [
      "registryId": .string(registryId), "repositoryName": .string(repo.name),
      "lifecyclePolicyText": .string(text), "status": "COMPLETE",
      "previewResults": .array(results),
      "summary": ["expiringImageTotalCount": .int(results.count)],
    ]
  }

  // MARK: Repository policies

  static func setRepositoryPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let text = req.string("policyText") ?? ""
    guard let doc = try? JSONParser.parse(text), doc["Statement"] != nil else {
      throw AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'"
      )
    }
    world.registry.repositories[i].policyText = text
    return [
      "registryId": .string(registryId),
      "repositoryName": .string(world.registry.repositories[i].name),
      "policyText": .string(text),
    ]
  }

  static func repositoryPolicyNotFound(_ repo: Repository) -> AWSError {
    AWSError(
      "RepositoryPolicyNotFoundException",
      "Repository policy does not exist for the repository with name '\(repo.name)' in the registry with id '\(repo.registryId)'"
    )
  }

  static func getRepositoryPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    guard let text = repo.policyText else { throw repositoryPolicyNotFound(repo) }
    return [
      "registryId": .string(registryId), "repositoryName": .string(repo.name),
      "policyText": .string(text),
    ]
  }

  static func deleteRepositoryPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[i]
    guard let text = repo.policyText else { throw repositoryPolicyNotFound(repo) }
    world.registry.repositories[i].policyText = nil
    return [
      "registryId": .string(registryId), "repositoryName": .string(repo.name),
      "policyText": .string(text),
    ]
  }

  // MARK: Scanning configuration

  static func putImageScanningConfiguration(_ world: inout World, _ req: Request)
    throws(AWSError) -> JSONValue
  {
    let (i, registryId) = try repositoryIndex(world, req)
    let scan = req["imageScanningConfiguration"]?["scanOnPush"]?.boolValue ?? false
    world.registry.repositories[i].scanOnPush = scan
    return [
      "registryId": .string(registryId),
      "repositoryName": .string(world.registry.repositories[i].name),
      "imageScanningConfiguration": ["scanOnPush": .bool(scan)],
    ]
  }

  // MARK: Tags

  static func taggedRepository(_ world: World, _ req: Request) throws(AWSError) -> Int {
    let arn = req.string("resourceArn") ?? ""
    guard let i = world.registry.repositories.firstIndex(where: { $0.arn == arn }) else {
      let name = arn.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? arn
      throw repositoryNotFound(name, world.account)
    }
    return i
  }

  static func tagResource(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try taggedRepository(world, req)
    for item in req.array("tags") ?? [] {
      guard let key = item["Key"]?.stringValue, !key.isEmpty else {
        throw AWSError("InvalidTagParameterException", "Invalid parameter: tag key cannot be empty")
      }
      let value = item["Value"]?.stringValue ?? ""
      if let k = world.registry.repositories[i].tags.firstIndex(where: { $0.key == key }) {
        world.registry.repositories[i].tags[k].value = value
      } else {
        world.registry.repositories[i].tags.append(Tag(key: key, value: value))
      }
    }
    guard world.registry.repositories[i].tags.count <= 50 else {
      throw AWSError("TooManyTagsException", "A repository can have at most 50 tags.")
    }
    return [:]
  }

  static func untagResource(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try taggedRepository(world, req)
    let keys = Set(req.strings("tagKeys") ?? [])
    world.registry.repositories[i].tags.removeAll { keys.contains($0.key) }
    return [:]
  }

  static func listTagsForResource(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try taggedRepository(world, req)
    return [
      "tags": .array(
        world.registry.repositories[i].tags.map {
          ["Key": .string($0.key), "Value": .string($0.value)]
        })
    ]
  }
}

/// A lifecycle policy's rules, read from its JSON text.
struct LifecyclePolicy {
  struct Rule {
    var priority: Int
    var tagStatus: String
    var tagPrefixes: [String]
    var countType: String
    var countNumber: Int
  }
  var rules: [Rule]

  init(_ text: String) throws(AWSError) {
    func invalid(_ why: String) -> AWSError {
      AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: '\(why)'")
    }
    guard let doc = try? JSONParser.parse(text), let items = doc["rules"]?.arrayValue,
      !items.isEmpty
    else { throw invalid("Lifecycle policy validation failure") }
    var rules: [Rule] = []
    for item in items {
      let selection = item["selection"]
      guard let priority = item["rulePriority"]?.intValue,
        let status = selection?["tagStatus"]?.stringValue,
        ["tagged", "untagged", "any"].contains(status),
        let countType = selection?["countType"]?.stringValue,
        ["imageCountMoreThan", "sinceImagePushed"].contains(countType),
        let count = selection?["countNumber"]?.intValue, count > 0
      else { throw invalid("Lifecycle policy validation failure") }
      let prefixes = selection?["tagPrefixList"]?.arrayValue?.compactMap(\.stringValue) ?? []
      if status == "tagged" && prefixes.isEmpty
        && (selection?["tagPatternList"]?.arrayValue ?? []).isEmpty
      {
        throw invalid(
          "Lifecycle policy validation failure: tagPrefixList is required for tagged images")
      }
      rules.append(
        Rule(
          priority: priority, tagStatus: status, tagPrefixes: prefixes, countType: countType,
          countNumber: count))
    }
    guard Set(rules.map(\.priority)).count == rules.count else {
      throw invalid("Lifecycle policy validation failure: rulePriority must be unique")
    }
    self.rules = rules.sorted { $0.priority < $1.priority }
  }

  /// The images the rules expire at `now`, each with the priority of the rule that took it
  /// (a lower priority number is applied first; an image is taken by one rule at most).
  func expiring(_ images: [ECRImage], now: Int64) -> [(ECRImage, Int)] {
    var taken: [String: Int] = [:]
    for rule in rules {
      let selected = images.filter { image in
        switch rule.tagStatus {
        case "untagged": return image.tags.isEmpty
        case "tagged":
          return image.tags.contains { t in rule.tagPrefixes.contains { t.hasPrefix($0) } }
        default: return true
        }
      }.sorted { $0.pushedAt > $1.pushedAt }
      let expire: [ECRImage]
      if rule.countType == "imageCountMoreThan" {
        expire = Array(selected.dropFirst(rule.countNumber))
      } else {
        let cutoff = now - Int64(rule.countNumber) * 86_400_000
        expire = selected.filter { $0.pushedAt < cutoff }
      }
      for image in expire where taken[image.digest] == nil { taken[image.digest] = rule.priority }
    }
    return images.compactMap { image in taken[image.digest].map { (image, $0) } }
  }
}
