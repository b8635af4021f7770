/// RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions,
/// ListTaskDefinitionFamilies, DeregisterTaskDefinition, DeleteTaskDefinitions.
enum TaskDefinitionActions {
  static let table: [String: ActionHandler] = [
    "RegisterTaskDefinition": register,
    "DescribeTaskDefinition": describe,
    "ListTaskDefinitions": list,
    "ListTaskDefinitionFamilies": listFamilies,
    "DeregisterTaskDefinition": deregister,
    "DeleteTaskDefinitions": delete,
  ]

  static let unableToDescribe = AWSError.client("Unable to describe task definition.")
  static let doesNotExist = AWSError.client("The specified task definition does not exist.")

  static func register(_ world: inout World, _ request: Request) throws(AWSError) -> JSONValue {
    let draft = try TaskDefinitionValidation.validate(request)
    let revision = (world.lastRevision[draft.family] ?? 0) + 1
    let arn = world.arn(service: "ecs", resource: "task-definition/\(draft.family):\(revision)")
    // We register as the account's root user: the tutor has no IAM identities of its own.
    let registeredBy = "arn:aws:iam::\(world.account):root"
    let document = TaskDefinitionDocument.build(
      draft: draft, request: request, arn: arn, revision: revision,
      registeredAt: world.clock.json, registeredBy: registeredBy)

    var definition = TaskDefinition(
      family: draft.family, revision: revision, arn: arn, registeredAt: world.clock.nowMillis,
      networkMode: draft.networkMode, cpu: draft.cpu, memory: draft.memory,
      taskRoleArn: draft.taskRoleArn, executionRoleArn: draft.executionRoleArn,
      requiresCompatibilities: draft.requiresCompatibilities ?? [],
      compatibilities: draft.compatibilities, containers: draft.containers, document: document)
    definition.requiresAttributes = draft.requiresAttributes
    definition.tags = draft.tags

    world.taskDefinitions.append(definition)
    world.lastRevision[draft.family] = revision
    world.record(
      .taskDefinition, "Registered task definition \(definition.familyRevision).",
      .taskDefinitionRegistered(definition.familyRevision))

    var out: [(String, JSONValue)] = [("taskDefinition", document)]
    if request.has("tags") { out.append(("tags", tagsJSON(draft.tags))) }
    return .object(out)
  }

  static func describe(_ world: inout World, _ request: Request) throws(AWSError) -> JSONValue {
    let reference = request.string("taskDefinition") ?? ""
    guard let index = world.taskDefinitionIndex(reference: reference) else {
      throw unableToDescribe
    }
    let definition = world.taskDefinitions[index]
    var out: [(String, JSONValue)] = [("taskDefinition", definition.document)]
    let include = request.strings("include") ?? []
    for value in include where value != "TAGS" {
      // UNCONFIRMED: wording for an unknown include value.
      throw AWSError.invalidParameter("Invalid include value '\(value)'. Valid values: TAGS.")
    }
    if include.contains("TAGS") { out.append(("tags", tagsJSON(definition.tags))) }
    return .object(out)
  }

  static func deregister(_ world: inout World, _ request: Request) throws(AWSError) -> JSONValue {
    let reference = request.string("taskDefinition") ?? ""
    guard let parsed = TaskDefinitionReference(reference, in: world) else { throw doesNotExist }
    guard parsed.revision != nil else {
      // UNCONFIRMED: ECS requires family:revision or an ARN here; wording as moto has it.
      throw AWSError.client("Revision is missing.")
    }
    guard let index = world.taskDefinitionIndex(reference: reference) else { throw doesNotExist }
    guard world.taskDefinitions[index].status == .active else {
      // UNCONFIRMED: seen as ClientException "TaskDefinition is inactive" (ecs-facts §3).
      throw AWSError.client("TaskDefinition is inactive")
    }
    var definition = world.taskDefinitions[index]
    definition.status = .inactive
    definition.deregisteredAt = world.clock.nowMillis
    definition.document = TaskDefinitionDocument.setting(definition.document, "status", "INACTIVE")
    definition.document = TaskDefinitionDocument.setting(
      definition.document, "deregisteredAt", world.clock.json)
    world.taskDefinitions[index] = definition
    world.record(
      .taskDefinition, "Deregistered task definition \(definition.familyRevision).",
      .taskDefinitionDeregistered(definition.familyRevision))
    return ["taskDefinition": definition.document]
  }

  static func delete(_ world: inout World, _ request: Request) throws(AWSError) -> JSONValue {
    let references = request.strings("taskDefinitions") ?? []
    guard (1...10).contains(references.count) else {
      // UNCONFIRMED
      throw AWSError.invalidParameter("taskDefinitions must contain between 1 and 10 entries.")
    }
    var deleted: [JSONValue] = []
    var failures: [JSONValue] = []
    // UNCONFIRMED: the three failure reasons below.
    func fail(_ reference: String, _ reason: String) {
      failures.append(["arn": .string(reference), "reason": .string(reason)])
    }
    for reference in references {
      guard let parsed = TaskDefinitionReference(reference, in: world), parsed.revision != nil
      else {
        fail(
          reference,
          "The specified task definition identifier is invalid. Specify a valid name or ARN and"
            + " try again.")
        continue
      }
      guard let index = world.taskDefinitionIndex(reference: reference) else {
        fail(
          reference,
          "The specified task definition does not exist. Specify a valid account, family,"
            + " revision and try again.")
        continue
      }
      var definition = world.taskDefinitions[index]
      if definition.status == .active {
        fail(
          reference,
          "The specified task definition is still in ACTIVE status. Please deregister the target"
            + " and try again.")
        continue
      }
      if definition.status == .inactive {
        definition.status = .deleteInProgress
        definition.deleteRequestedAt = world.clock.nowMillis
        definition.document = TaskDefinitionDocument.setting(
          definition.document, "status", "DELETE_IN_PROGRESS")
        definition.document = TaskDefinitionDocument.setting(
          definition.document, "deleteRequestedAt", world.clock.json)
        world.taskDefinitions[index] = definition
        world.record(
          .taskDefinition, "Deleting task definition \(definition.familyRevision).",
          .taskDefinitionDeleting(definition.familyRevision))
      }
      deleted.append(definition.document)
    }
    return ["taskDefinitions": .array(deleted), "failures": .array(failures)]
  }

  static func list(_ world: inout World, _ request: Request) throws(AWSError) -> JSONValue {
    let status = request.string("status") ?? "ACTIVE"
    guard ["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"].contains(status) else {
      // UNCONFIRMED
      throw AWSError.client(
        "Invalid status '\(status)'. Valid values are ACTIVE, INACTIVE and DELETE_IN_PROGRESS.")
    }
    let sort = request.string("sort") ?? "ASC"
    guard sort == "ASC" || sort == "DESC" else {
      // UNCONFIRMED
      throw AWSError.client("Invalid sort '\(sort)'. Valid values are ASC and DESC.")
    }
    let family = request.string("familyPrefix")
    // The API calls it a prefix but documents it as "the full family name": match exactly.
    var matching = world.taskDefinitions.filter {
      $0.status.rawValue == status && (family == nil || $0.family == family)
    }
    matching.sort { ($0.family, $0.revision) < ($1.family, $1.revision) }
    if sort == "DESC" { matching.reverse() }
    let keys = matching.map(\.familyRevision)
    let scope = "ListTaskDefinitions|\(status)|\(sort)|\(family ?? "")"
    let (page, next) = try paginate(keys, scope: scope, request: request)
    let arns = page.map { key in matching.first { $0.familyRevision == key }?.arn ?? key }
    return jsonObject([
      ("taskDefinitionArns", .array(arns.map(JSONValue.string))),
      ("nextToken", next.map(JSONValue.string)),
    ])
  }

  static func listFamilies(_ world: inout World, _ request: Request) throws(AWSError) -> JSONValue {
    let status = request.string("status") ?? "ALL"
    guard ["ACTIVE", "INACTIVE", "ALL"].contains(status) else {
      // UNCONFIRMED
      throw AWSError.client(
        "Invalid status '\(status)'. Valid values are ACTIVE, INACTIVE and ALL.")
    }
    let prefix = request.string("familyPrefix") ?? ""
    var families: [String] = []
    for definition in world.taskDefinitions
    where definition.family.hasPrefix(prefix) && !families.contains(definition.family) {
      families.append(definition.family)
    }
    families = families.filter { family in
      let active = world.taskDefinitions.contains { $0.family == family && $0.status == .active }
      switch status {
      case "ACTIVE": return active
      case "INACTIVE": return !active
      default: return true
      }
    }
    families.sort()
    let (page, next) = try paginate(
      families, scope: "ListTaskDefinitionFamilies|\(status)|\(prefix)", request: request)
    return jsonObject([
      ("families", .array(page.map(JSONValue.string))),
      ("nextToken", next.map(JSONValue.string)),
    ])
  }

  // MARK: - Helpers

  static func tagsJSON(_ tags: [Tag]) -> JSONValue {
    .array(tags.map { ["key": .string($0.key), "value": .string($0.value)] })
  }

  /// One page of `keys` after the key the token names; the token is opaque to the learner but
  /// deterministic (base64 of the listing's scope and the last key shown).
  static func paginate(_ keys: [String], scope: String, request: Request) throws(AWSError)
    -> ([String], String?)
  {
    let limit = request.int("maxResults") ?? 100
    guard (1...100).contains(limit) else {
      // UNCONFIRMED
      throw AWSError.invalidParameter("maxResults must be between 1 and 100.")
    }
    var start = 0
    if let token = request.string("nextToken") {
      guard let decoded = PageToken.decode(token), decoded.hasPrefix(scope + "|") else {
        // UNCONFIRMED
        throw AWSError.invalidParameter("The nextToken is not valid.")
      }
      let last = String(decoded.dropFirst(scope.count + 1))
      start = (keys.firstIndex(of: last).map { $0 + 1 }) ?? keys.count
    }
    let end = min(start + limit, keys.count)
    let page = Array(keys[start..<end])
    let next = end < keys.count ? page.last.map { PageToken.encode(scope + "|" + $0) } : nil
    return (page, next)
  }
}

/// A task definition reference as the ECS API accepts it: `family`, `family:revision`, or
/// `arn:aws:ecs:REGION:ACCOUNT:task-definition/family:revision`.
struct TaskDefinitionReference: Equatable {
  var family: String
  var revision: Int?

  /// nil when `text` is not a well-formed reference for this world's account and region.
  init?(_ text: String, in world: World) {
    var body = Substring(text)
    if text.hasPrefix("arn:") {
      let prefix = world.arn(service: "ecs", resource: "task-definition/")
      guard text.hasPrefix(prefix) else { return nil }
      body = body.dropFirst(prefix.count)
    }
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard let first = parts.first, !first.isEmpty, parts.count <= 2 else { return nil }
    family = String(first)
    if parts.count == 2 {
      guard let number = Int(parts[1]), number > 0 else { return nil }
      revision = number
    } else {
      revision = nil
    }
  }
}

extension World {
  /// The index in `taskDefinitions` of the revision `reference` names: `family:revision`, a full
  /// ARN, or a bare `family` for its latest ACTIVE revision. nil when there is none.
  ///
  /// ```swift
  /// world.taskDefinitionIndex(reference: "web")    // latest ACTIVE revision of web
  /// world.taskDefinitionIndex(reference: "web:2")  // revision 2, whatever its status
  /// ```
  public func taskDefinitionIndex(reference: String) -> Int? {
    guard let parsed = TaskDefinitionReference(reference, in: self) else { return nil }
    if let revision = parsed.revision {
      return taskDefinitions.firstIndex { $0.family == parsed.family && $0.revision == revision }
    }
    return taskDefinitions.indices
      .filter {
        taskDefinitions[$0].family == parsed.family && taskDefinitions[$0].status == .active
      }
      .max { taskDefinitions[$0].revision < taskDefinitions[$1].revision }
  }

  /// The revision `reference` names (see `taskDefinitionIndex(reference:)`).
  ///
  /// ```swift
  /// world.taskDefinition(reference: "web:1")?.networkMode  // "bridge"
  /// ```
  public func taskDefinition(reference: String) -> TaskDefinition? {
    taskDefinitionIndex(reference: reference).map { taskDefinitions[$0] }
  }
}

/// Base64 without Foundation, for pagination tokens.
enum PageToken {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      let chunk = bytes[i..<min(i + 3, bytes.count)]
      var n = 0
      for (k, b) in chunk.enumerated() { n |= Int(b) << (16 - 8 * k) }
      for k in 0..<4 {
        out.append(k <= chunk.count ? alphabet[(n >> (18 - 6 * k)) & 63] : UInt8(ascii: "="))
      }
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func decode(_ token: String) -> String? {
    let chars = Array(token.utf8)
    guard chars.count % 4 == 0 else { return nil }
    var bytes: [UInt8] = []
    var i = 0
    while i < chars.count {
      var n = 0
      var padding = 0
      for k in 0..<4 {
        let c = chars[i + k]
        if c == UInt8(ascii: "=") {
          padding += 1
          continue
        }
        guard padding == 0, let v = alphabet.firstIndex(of: c) else { return nil }
        n |= v << (18 - 6 * k)
      }
      guard padding <= 2 else { return nil }
      for k in 0..<(3 - padding) { bytes.append(UInt8((n >> (16 - 8 * k)) & 255)) }
      i += 4
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return Array(text.utf8) == bytes ? text : nil
  }
}
