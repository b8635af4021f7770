/// secretsmanager CreateSecret, GetSecretValue, PutSecretValue, DescribeSecret, ListSecrets,
/// DeleteSecret (with a recovery window) and RestoreSecret.
enum SecretsManagerActions {
  static let table: [String: ActionHandler] = [
    "CreateSecret": createSecret,
    "GetSecretValue": getSecretValue,
    "PutSecretValue": putSecretValue,
    "DescribeSecret": describeSecret,
    "ListSecrets": listSecrets,
    "DeleteSecret": deleteSecret,
    "RestoreSecret": restoreSecret,
  ]

  static let notFound = AWSError(
    "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
  static let markedForDeletion = AWSError(
    "InvalidRequestException",
    "You can't perform this operation on the secret because it was marked for deletion.")

  static func createSecret(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("Name") ?? ""
    let nameOK = name.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "/_+=.@-".contains($0))
    }
    guard nameOK, !name.isEmpty else {
      // UNCONFIRMED: Secrets Manager's wording for a name with characters it refuses.
      throw AWSError(
        "ValidationException",
        "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"
      )
    }
    if let existing = world.secret(name) {
      if existing.deletedDate != nil {
        throw AWSError(
          "InvalidRequestException",
          "You can't create this secret because a secret with this name is already scheduled for deletion."
        )
      }
      throw AWSError(
        "ResourceExistsException", "The operation failed because the secret \(name) already exists."
      )
    }
    let now = world.clock.nowMillis
    let suffix = world.random.mixedAlphanumeric(6)
    var secret = Secret(
      name: name, arn: world.arn(service: "secretsmanager", resource: "secret:\(name)-\(suffix)"),
      description: req.string("Description"), kmsKeyId: req.string("KmsKeyId"), createdDate: now,
      lastChangedDate: now)
    secret.tags = (req.array("Tags") ?? []).compactMap { t in
      t["Key"]?.stringValue.map { Tag(key: $0, value: t["Value"]?.stringValue ?? "") }
    }
    var versionId: String?
    if let value = req.string("SecretString") {
      let id = req.string("ClientRequestToken") ?? world.random.uuid()
      secret.versions = [
        SecretVersion(versionId: id, secretString: value, stages: ["AWSCURRENT"], createdDate: now)
      ]
      versionId = id
    }
    world.secrets.secrets.append(secret)
    return jsonObject([
      ("ARN", .string(secret.arn)), ("Name", .string(name)),
      ("VersionId", versionId.map { .string($0) }),
    ])
  }

  static func getSecretValue(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try index(world, req)
    let s = world.secrets.secrets[i]
    if s.deletedDate != nil { throw markedForDeletion }
    let version: SecretVersion?
    if let id = req.string("VersionId") {
      version = s.versions.first { $0.versionId == id }
    } else {
      let stage = req.string("VersionStage") ?? "AWSCURRENT"
      version = s.versions.first { $0.stages.contains(stage) }
    }
    guard let version else {
      throw AWSError(
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for staging label: \(req.string("VersionStage") ?? "AWSCURRENT")"
      )
    }
    world.secrets.secrets[i].lastAccessedDate = world.clock.nowMillis / 86_400_000 * 86_400_000
    return jsonObject([
      ("ARN", .string(s.arn)), ("Name", .string(s.name)),
      ("VersionId", .string(version.versionId)),
      ("SecretString", version.secretString.map { .string($0) }),
      ("VersionStages", .array(version.stages.map { .string($0) })),
      ("CreatedDate", .string(Timestamp.iso8601(millis: version.createdDate))),
    ])
  }

  static func putSecretValue(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try index(world, req)
    if world.secrets.secrets[i].deletedDate != nil { throw markedForDeletion }
    let now = world.clock.nowMillis
    let id = req.string("ClientRequestToken") ?? world.random.uuid()
    var s = world.secrets.secrets[i]
    // The old AWSCURRENT becomes AWSPREVIOUS; the one before loses its label.
    for j in s.versions.indices {
      s.versions[j].stages.removeAll { $0 == "AWSPREVIOUS" }
      if let k = s.versions[j].stages.firstIndex(of: "AWSCURRENT") {
        s.versions[j].stages[k] = "AWSPREVIOUS"
      }
    }
    s.versions.removeAll { $0.stages.isEmpty }
    s.versions.append(
      SecretVersion(
        versionId: id, secretString: req.string("SecretString"), stages: ["AWSCURRENT"],
        createdDate: now))
    s.lastChangedDate = now
    world.secrets.secrets[i] = s
    return [
      "ARN": .string(s.arn), "Name": .string(s.name), "VersionId": .string(id),
      "VersionStages": ["AWSCURRENT"],
    ]
  }

  static func describeSecret(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let s = world.secrets.secrets[try index(world, req)]
    return document(s, listed: false)
  }

  static func listSecrets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let withDeleted = req.bool("IncludePlannedDeletion") ?? false
    let list = world.secrets.secrets.filter { s in
      if let gone = s.deletionDate, world.clock.nowMillis >= gone { return false }
      return withDeleted || s.deletedDate == nil
    }
    return ["SecretList": .array(list.map { document($0, listed: true) })]
  }

  static func deleteSecret(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let force = req.bool("ForceDeleteWithoutRecovery") ?? false
    let window = req.int("RecoveryWindowInDays")
    if force && window != nil {
      throw AWSError(
        "InvalidParameterException",
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")
    }
    if let window, !(7...30).contains(window) {
      throw AWSError(
        "InvalidParameterException",
        "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")
    }
    let i = try index(world, req)
    let s = world.secrets.secrets[i]
    if s.deletedDate != nil && !force { throw markedForDeletion }
    let now = world.clock.nowMillis
    let deletion = force ? now : now + Int64(window ?? 30) * 86_400_000
    if force {
      world.secrets.secrets.remove(at: i)
    } else {
      world.secrets.secrets[i].deletedDate = now
      world.secrets.secrets[i].deletionDate = deletion
    }
    return [
      "ARN": .string(s.arn), "Name": .string(s.name),
      "DeletionDate": .string(Timestamp.iso8601(millis: deletion)),
    ]
  }

  static func restoreSecret(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try index(world, req)
    world.secrets.secrets[i].deletedDate = nil
    world.secrets.secrets[i].deletionDate = nil
    let s = world.secrets.secrets[i]
    return ["ARN": .string(s.arn), "Name": .string(s.name)]
  }

  // MARK: helpers

  static func index(_ world: World, _ req: Request) throws(AWSError) -> Int {
    let ref = req.string("SecretId") ?? ""
    guard let s = world.secret(ref),
      let i = world.secrets.secrets.firstIndex(where: { $0.arn == s.arn })
    else { throw notFound }
    return i
  }

  /// A secret as DescribeSecret (or, `listed`, ListSecrets) prints it, in botocore member order.
  static func document(_ s: Secret, listed: Bool) -> JSONValue {
    let stages = jsonObject(
      s.versions.map { v in (v.versionId, .array(v.stages.map { .string($0) })) })
    let date = { (ms: Int64?) in ms.map { JSONValue.string(Timestamp.iso8601(millis: $0)) } }
    return jsonObject([
      ("ARN", .string(s.arn)),
      ("Name", .string(s.name)),
      ("Description", s.description.map { .string($0) }),
      ("KmsKeyId", s.kmsKeyId.map { .string($0) }),
      ("LastChangedDate", date(s.lastChangedDate)),
      ("LastAccessedDate", date(s.lastAccessedDate)),
      ("DeletedDate", date(s.deletedDate)),
      (
        "Tags",
        s.tags.isEmpty
          ? nil : .array(s.tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })
      ),
      (listed ? "SecretVersionsToStages" : "VersionIdsToStages", s.versions.isEmpty ? nil : stages),
      ("CreatedDate", date(s.createdDate)),
    ])
  }
}

extension SeededRandom {
  /// `count` characters from a-z, A-Z and 0-9, as Secrets Manager's ARN suffixes use.
  mutating func mixedAlphanumeric(_ count: Int) -> String {
    let chars = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var out = ""
    for _ in 0..<count { out.append(chars[Int(next() % UInt64(chars.count))]) }
    return out
  }
}
