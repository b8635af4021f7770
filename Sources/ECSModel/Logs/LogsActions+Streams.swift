/// CreateLogStream, DeleteLogStream, PutLogEvents, and the tags of log groups (TagResource,
/// UntagResource, ListTagsForResource by ARN; the older TagLogGroup, UntagLogGroup,
/// ListTagsLogGroup by name).
extension LogsActions {
  static let streamNotFound = AWSError(
    "ResourceNotFoundException", "The specified log stream does not exist.")

  static func createLogStream(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logs.groups.firstIndex(where: { $0.name == req.string("logGroupName") })
    else { throw notFound }
    let name = req.string("logStreamName") ?? ""
    guard !name.isEmpty, name.count <= 512, !name.contains(":"), !name.contains("*") else {
      throw AWSError(
        "InvalidParameterException",
        "1 validation error detected: Value '\(name)' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*"
      )
    }
    guard !world.logs.groups[g].streams.contains(where: { $0.name == name }) else {
      throw AWSError("ResourceAlreadyExistsException", "The specified log stream already exists")
    }
    world.logs.groups[g].streams.append(LogStream(name: name, createdAt: world.clock.nowMillis))
    return [:]
  }

  static func deleteLogStream(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logs.groups.firstIndex(where: { $0.name == req.string("logGroupName") })
    else { throw notFound }
    let name = req.string("logStreamName") ?? ""
    guard let s = world.logs.groups[g].streams.firstIndex(where: { $0.name == name }) else {
      throw streamNotFound
    }
    world.logs.groups[g].streams.remove(at: s)
    return [:]
  }

  /// Stores the events of the accepted time window (not older than 14 days or the retention,
  /// not more than 2 hours ahead); the others are reported in `rejectedLogEventsInfo`, as
  /// CloudWatch Logs does. The sequence token is accepted and no longer checked, as today.
  static func putLogEvents(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logs.groups.firstIndex(where: { $0.name == req.string("logGroupName") })
    else { throw notFound }
    guard
      let s = world.logs.groups[g].streams.firstIndex(where: {
        $0.name == req.string("logStreamName")
      })
    else { throw streamNotFound }
    let events = req.array("logEvents") ?? []
    let now = world.clock.nowMillis
    let day: Int64 = 86_400_000
    let oldest = now - day * Int64(min(14, world.logs.groups[g].retentionInDays ?? 14))
    let newest = now + 2 * 3_600_000
    var last: Int64 = .min
    var tooOld: Int?
    var tooNew: Int?
    var accepted: [LogEvent] = []
    for (i, e) in events.enumerated() {
      let ts = Int64(e["timestamp"]?.intValue ?? 0)
      guard ts >= last else {
        throw AWSError(
          "InvalidParameterException",
          "Log events in a single PutLogEvents request must be in chronological order.")
      }
      last = ts
      if ts < oldest {
        tooOld = i
      } else if ts > newest {
        if tooNew == nil { tooNew = i }
      } else {
        accepted.append(LogEvent(timestamp: ts, message: e["message"]?.stringValue ?? ""))
      }
    }
    world.logs.groups[g].streams[s].events += accepted
    world.logs.groups[g].streams[s].events.sort { $0.timestamp < $1.timestamp }
    world.logs.groups[g].streams[s].puts += 1
    var rejected: [(String, JSONValue?)] = []
    if let tooOld { rejected.append(("tooOldLogEventEndIndex", .int(tooOld + 1))) }
    if let tooNew { rejected.append(("tooNewLogEventStartIndex", .int(tooNew))) }
    return jsonObject([
      ("nextSequenceToken", .string(sequenceToken(world.logs.groups[g].streams[s]))),
      ("rejectedLogEventsInfo", rejected.isEmpty ? JSONValue?.none : jsonObject(rejected)),
    ])
  }

  /// A 56-digit token that changes with every put, the same on every run.
  static func sequenceToken(_ s: LogStream) -> String {
    "4954267248683107400957960456" + String(s.puts * 7_919 + s.events.count).leftPadded(to: 28)
  }

  // MARK: tags

  static func groupIndex(_ world: World, arn: String) throws(AWSError) -> Int {
    let prefix = world.arn(service: "logs", resource: "log-group:")
    guard arn.hasPrefix(prefix) else {
      throw AWSError("InvalidParameterException", "Invalid ARN: \(arn)")
    }
    var name = String(arn.dropFirst(prefix.count))
    if name.hasSuffix(":*") { name.removeLast(2) }
    guard let g = world.logs.groups.firstIndex(where: { $0.name == name }) else { throw notFound }
    return g
  }

  static func tagResource(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let g = try groupIndex(world, arn: req.string("resourceArn") ?? "")
    for (k, v) in req["tags"]?.objectValue ?? [] {
      world.logs.groups[g].tags[k] = v.stringValue ?? ""
    }
    return [:]
  }

  static func untagResource(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let g = try groupIndex(world, arn: req.string("resourceArn") ?? "")
    for k in req.strings("tagKeys") ?? [] { world.logs.groups[g].tags[k] = nil }
    return [:]
  }

  static func listTagsForResource(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let g = try groupIndex(world, arn: req.string("resourceArn") ?? "")
    return ["tags": tagsObject(world.logs.groups[g].tags)]
  }

  static func tagLogGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logs.groups.firstIndex(where: { $0.name == req.string("logGroupName") })
    else { throw notFound }
    for (k, v) in req["tags"]?.objectValue ?? [] {
      world.logs.groups[g].tags[k] = v.stringValue ?? ""
    }
    return [:]
  }

  static func untagLogGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logs.groups.firstIndex(where: { $0.name == req.string("logGroupName") })
    else { throw notFound }
    for k in req.strings("tags") ?? [] { world.logs.groups[g].tags[k] = nil }
    return [:]
  }

  static func listTagsLogGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logs.groups.first(where: { $0.name == req.string("logGroupName") }) else {
      throw notFound
    }
    return ["tags": tagsObject(g.tags)]
  }

  static func tagsObject(_ tags: [String: String]) -> JSONValue {
    .object(tags.keys.sorted().map { ($0, .string(tags[$0] ?? "")) })
  }
}
