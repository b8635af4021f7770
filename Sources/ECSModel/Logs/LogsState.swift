/// CloudWatch Logs: log groups, their streams and events. The awslogs driver writes here.
public struct LogsState: Sendable, Equatable {
  public var groups: [LogGroup] = []
  public init() {}
}

public struct LogGroup: Sendable, Equatable {
  public var name: String
  public var createdAt: Int64
  public var retentionInDays: Int?
  public var streams: [LogStream] = []
  /// Tags by key (TagResource / TagLogGroup).
  public var tags: [String: String] = [:]
}

public struct LogStream: Sendable, Equatable {
  public var name: String
  public var createdAt: Int64
  public var events: [LogEvent] = []
  /// How many PutLogEvents calls it took (its sequence token counts them).
  public var puts = 0
}

public struct LogEvent: Sendable, Equatable {
  public var timestamp: Int64
  public var message: String
}

extension World {
  public func logGroup(_ name: String) -> LogGroup? { logs.groups.first { $0.name == name } }

  /// What the awslogs driver of a task's containers does when the task starts: one stream per
  /// container (`prefix/container/taskId`), created in the group (the group itself only with
  /// `awslogs-create-group`), and the lines the image prints on start-up.
  mutating func writeStartupLogs(_ t: ECSTask, at millis: Int64) {
    guard let def = taskDefinitions.first(where: { $0.arn == t.taskDefinitionArn }) else { return }
    for spec in def.containers where spec.logDriver == "awslogs" {
      let option = { (name: String) in spec.logOptions.first { $0.name == name }?.value }
      guard let group = option("awslogs-group") else { continue }
      let stream = [option("awslogs-stream-prefix"), spec.name, t.id].compactMap { $0 }
        .filter { !$0.isEmpty }.joined(separator: "/")
      var gi = logs.groups.firstIndex { $0.name == group }
      if gi == nil, option("awslogs-create-group") == "true" {
        logs.groups.append(LogGroup(name: group, createdAt: millis))
        gi = logs.groups.count - 1
      }
      guard let gi else { continue }
      let image = t.containers.first { $0.name == spec.name }?.image ?? spec.image
      let lines = StartupLines.forImage(image, at: millis)
      let events = lines.enumerated().map { i, line in
        LogEvent(timestamp: millis + Int64(i) * 3, message: line)
      }
      if let si = logs.groups[gi].streams.firstIndex(where: { $0.name == stream }) {
        logs.groups[gi].streams[si].events += events
      } else {
        logs.groups[gi].streams.append(LogStream(name: stream, createdAt: millis, events: events))
      }
    }
  }
}

/// What common images print when they start, so `aws logs get-log-events` shows a container's
/// own words.
enum StartupLines {
  static func forImage(_ image: String, at millis: Int64) -> [String] {
    // nginx stamps its own lines as yyyy/MM/dd HH:mm:ss.
    let iso = Timestamp.iso8601(millis: millis)
    let stamp =
      iso.prefix(10).split(separator: "-").joined(separator: "/") + " "
      + iso.dropFirst(11).prefix(8)

    let name =
      image.split(separator: "/").last.map { String($0.split(separator: ":").first ?? "") } ?? image
    switch name {
    case "nginx", "web":
      return [
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Configuration complete; ready for start up",
        "\(stamp) [notice] 1#1: start worker processes",
      ]
    case "httpd":
      return [
        "AH00558: httpd: Could not reliably determine the server's fully qualified domain name. Set the 'ServerName' directive globally to suppress this message",
        "[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations",
        "[core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
      ]
    case "redis":
      return ["1:M * Ready to accept connections tcp"]
    default:
      return ["(\(name) started)"]
    }
  }
}
