/// CloudWatch Logs: CreateLogGroup, DeleteLogGroup, DescribeLogGroups, DescribeLogStreams,
/// GetLogEvents, FilterLogEvents, PutRetentionPolicy, DeleteRetentionPolicy. Times are epoch milliseconds, as the Logs API returns them.
enum LogsActions {
  static let table: [String: ActionHandler] = [
    "CreateLogGroup": createLogGroup,
    "DeleteLogGroup": deleteLogGroup,
    "DescribeLogGroups": describeLogGroups,
    "DescribeLogStreams": describeLogStreams,
    "GetLogEvents": getLogEvents,
    "FilterLogEvents": filterLogEvents,
    "PutRetentionPolicy": putRetentionPolicy,
    "DeleteRetentionPolicy": deleteRetentionPolicy,
    "CreateLogStream": createLogStream,
    "DeleteLogStream": deleteLogStream,
    "PutLogEvents": putLogEvents,
    "TagResource": tagResource,
    "UntagResource": untagResource,
    "ListTagsForResource": listTagsForResource,
    "TagLogGroup": tagLogGroup,
    "UntagLogGroup": untagLogGroup,
    "ListTagsLogGroup": listTagsLogGroup,
  ]

  static let notFound = AWSError(
    "ResourceNotFoundException", "The specified log group does not exist.")

  static func createLogGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("logGroupName") ?? ""
    let ok =
      !name.isEmpty && name.count <= 512
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-/.#".contains($0)) }
    guard ok else {
      throw AWSError(
        "InvalidParameterException",
        "1 validation error detected: Value '\(name)' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+"
      )
    }
    guard world.logGroup(name) == nil else {
      throw AWSError("ResourceAlreadyExistsException", "The specified log group already exists")
    }
    var group = LogGroup(name: name, createdAt: world.clock.nowMillis)
    for (k, v) in req["tags"]?.objectValue ?? [] { group.tags[k] = v.stringValue ?? "" }
    world.logs.groups.append(group)
    world.record(.task, "Log group \(name) created.", .logGroupCreated(name))
    return [:]
  }

  static func deleteLogGroup(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("logGroupName") ?? ""
    guard world.logGroup(name) != nil else { throw notFound }
    world.logs.groups.removeAll { $0.name == name }
    return [:]
  }

  static func groupArn(_ world: World, _ name: String) -> String {
    world.arn(service: "logs", resource: "log-group:\(name)")
  }

  static func describeLogGroups(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let prefix = req.string("logGroupNamePrefix") ?? ""
    let pattern = req.string("logGroupNamePattern")
    let groups = world.logs.groups.filter { g in
      g.name.hasPrefix(prefix) && (pattern.map { g.name.contains($0) } ?? true)
    }.sorted { $0.name < $1.name }
    let docs: [JSONValue] = groups.map { g in
      let bytes = g.streams.flatMap(\.events).reduce(0) { $0 + $1.message.utf8.count }
      return jsonObject([
        ("logGroupName", .string(g.name)),
        ("creationTime", .int(Int(g.createdAt))),
        ("retentionInDays", g.retentionInDays.map { .int($0) }),
        ("metricFilterCount", 0),
        ("arn", .string(groupArn(world, g.name) + ":*")),
        ("storedBytes", .int(bytes)),
        ("logGroupClass", "STANDARD"),
        ("logGroupArn", .string(groupArn(world, g.name))),
      ])
    }
    return ["logGroups": .array(docs)]
  }

  static func describeLogStreams(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    guard let g = world.logGroup(req.string("logGroupName") ?? "") else { throw notFound }
    let prefix = req.string("logStreamNamePrefix") ?? ""
    var streams = g.streams.filter { $0.name.hasPrefix(prefix) }
    if req.string("orderBy") == "LastEventTime" {
      streams.sort { ($0.events.last?.timestamp ?? 0) < ($1.events.last?.timestamp ?? 0) }
    } else {
      streams.sort { $0.name < $1.name }
    }
    if req.bool("descending") == true { streams.reverse() }
    return [
      "logStreams": .array(
        streams.map { s in
          jsonObject([
            ("logStreamName", .string(s.name)),
            ("creationTime", .int(Int(s.createdAt))),
            ("firstEventTimestamp", s.events.first.map { .int(Int($0.timestamp)) }),
            ("lastEventTimestamp", s.events.last.map { .int(Int($0.timestamp)) }),
            ("lastIngestionTime", s.events.last.map { .int(Int($0.timestamp) + 40) }),
            ("arn", .string(groupArn(world, g.name) + ":log-stream:" + s.name)),
            ("storedBytes", 0),
            ("uploadSequenceToken", s.puts > 0 ? .string(sequenceToken(s)) : nil),
          ])
        })
    ]
  }

  static func getLogEvents(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logGroup(req.string("logGroupName") ?? "") else { throw notFound }
    let name = req.string("logStreamName") ?? ""
    guard let s = g.streams.first(where: { $0.name == name }) else {
      throw AWSError("ResourceNotFoundException", "The specified log stream does not exist.")
    }
    let limit = req.int("limit") ?? 10000
    let events = s.events.suffix(max(0, min(limit, 10000)))
    let token = String(s.events.count).leftPadded(to: 56)
    return [
      "events": .array(
        events.map {
          [
            "timestamp": .int(Int($0.timestamp)), "message": .string($0.message),
            "ingestionTime": .int(Int($0.timestamp) + 40),
          ]
        }),
      "nextForwardToken": .string("f/" + token),
      "nextBackwardToken": .string("b/" + String(0).leftPadded(to: 56)),
    ]
  }

  static func filterLogEvents(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let g = world.logGroup(req.string("logGroupName") ?? "") else { throw notFound }
    let names = req.strings("logStreamNames")
    let prefix = req.string("logStreamNamePrefix") ?? ""
    // Plain terms only: every term must appear (CloudWatch's simplest filter pattern).
    let terms = (req.string("filterPattern") ?? "").split(separator: " ").map {
      String($0).trimmingCharacters(in: "\"")
    }
    var out: [(LogStream, LogEvent)] = []
    for s in g.streams where (names?.contains(s.name) ?? true) && s.name.hasPrefix(prefix) {
      for e in s.events where terms.allSatisfy({ $0.isEmpty || e.message.contains($0) }) {
        out.append((s, e))
      }
    }
    out.sort { $0.1.timestamp < $1.1.timestamp }
    return [
      "events": .array(
        out.enumerated().map { i, pair in
          [
            "logStreamName": .string(pair.0.name), "timestamp": .int(Int(pair.1.timestamp)),
            "message": .string(pair.1.message), "ingestionTime": .int(Int(pair.1.timestamp) + 40),
            "eventId": .string(
              String(pair.1.timestamp).leftPadded(to: 20) + String(i).leftPadded(to: 36)),
          ]
        }),
      "searchedLogStreams": [],
    ]
  }
}

extension String {
  /// The number text padded with zeros on the left to `width` digits.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }

  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}
