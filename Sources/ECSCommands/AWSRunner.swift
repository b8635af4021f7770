import ECSModel

/// Runs one `aws ...` command line against the world, printing what the AWS CLI prints.
///
/// ```swift
/// var world = World()
/// let r = AWSRunner.run(["aws", "ecs", "list-clusters"], world: &world, files: MemoryFiles())
/// r.stdout  // "{\n    \"clusterArns\": []\n}\n"
/// ```
public enum AWSRunner {
  /// Seconds the simulated clock moves for each API call (`AWSCall.secondsPerCall`).
  public static let secondsPerCall = AWSCall.secondsPerCall

  public static func run(
    _ argv: [String], stdin: String = "", world: inout World, files: any FileAccess,
    environment: [String: String] = [:]
  ) -> CommandResult {
    let defaults = CLIDefaults(
      region: environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? world.region,
      output: environment["AWS_DEFAULT_OUTPUT"] ?? "json")
    if let r = customization(argv, world: &world, defaults: defaults) { return r }
    if let r = logsTail(argv, world: &world) { return r }
    if let r = S3Commands.run(argv, world: &world, files: files) { return r }
    if let r = Waiters.run(argv, world: &world, files: files, defaults: defaults) { return r }
    let argv_: [String]
    let outfile: String?
    switch S3Commands.s3api(argv, files: files) {
    case .failure(let r): return r
    case .success(let (a, o)): (argv_, outfile) = (a, o)
    }
    switch AWSCLI.parse(argv_, files: files, defaults: defaults) {
    case .output(let stdout, let stderr, let status):
      return CommandResult(stdout: stdout, stderr: stderr, status: status)
    case .invoke(let inv):
      let region = inv.globals.region ?? defaults.region
      if region != world.region {
        return CommandResult(
          stdout: "",
          stderr:
            "\nThis ecs-tutor session simulates one region, \(world.region); --region \(region) "
            + "would reach resources that do not exist here. Start ecs-tutor with --region \(region) "
            + "to work in that region.\n",
          status: 255)
      }
      switch AWSCall.perform(&world, inv.service, inv.operation, inv.request) {
      case .failure(let result): return result
      case .success(var response):
        if inv.operation == "ExecuteCommand" {
          return ExecShell.opened(response, world: &world, files: files)
        }
        if let outfile {
          do {
            try files.write(outfile, response["Body"]?.stringValue ?? "")
          } catch {
            return .failure("\n\(error.message)\n", status: 255)
          }
          response = response.removing("Body")
        }
        return render(response, globals: inv.globals, defaults: defaults, operation: inv.operation)
      }
    }
  }

  /// Commands the AWS CLI adds on top of the service APIs (awscli customizations):
  /// `aws ecr get-login-password`, which prints a registry password for `docker login`.
  static func customization(_ argv: [String], world: inout World, defaults: CLIDefaults)
    -> CommandResult?
  {
    let words = argv.dropFirst()
    guard let i = words.firstIndex(of: "ecr"), words.index(after: i) < words.endIndex,
      words[words.index(after: i)] == "get-login-password"
    else { return nil }
    var region = defaults.region
    var rest = Array(words[words.index(i, offsetBy: 2)...]) + Array(words[..<i])
    while let first = rest.first {
      rest.removeFirst()
      switch first {
      case "--region":
        guard let r = rest.first else {
          return .failure("\naws: error: argument --region: expected one argument\n", status: 252)
        }
        region = r
        rest.removeFirst()
      case "--profile", "--output", "--query":
        if !rest.isEmpty { rest.removeFirst() }
      case "--no-cli-pager", "--debug", "--no-paginate": break
      default:
        return .failure("\naws: error: Unknown options: \(first)\n", status: 252)
      }
    }
    if region != world.region {
      return .failure(
        "\nThis ecs-tutor session simulates one region, \(world.region); start ecs-tutor with --region \(region) to work there.\n",
        status: 255)
    }
    switch AWSCall.perform(&world, "awscli", "EcrGetLoginPassword", [:]) {
    case .failure(let result): return result
    case .success(let response): return .ok((response["password"]?.stringValue ?? "") + "\n")
    }
  }

  /// `aws logs tail GROUP [--follow] [--log-stream-names ...] [--format detailed|short]` (an AWS CLI
  /// v2 customization): the group's events, oldest first. `--follow` prints what is there now and
  /// returns, since simulated time moves only between commands.
  static func logsTail(_ argv: [String], world: inout World) -> CommandResult? {
    guard let i = argv.firstIndex(of: "logs"), i + 1 < argv.count, argv[i + 1] == "tail" else {
      return nil
    }
    var rest = Array(argv[(i + 2)...])
    guard let group = rest.first, !group.hasPrefix("-") else {
      return .failure(
        "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          + "aws: error: the following arguments are required: group_name\n", status: 252)
    }
    rest.removeFirst()
    var streams: [String]?
    var short = false
    while let flag = rest.first {
      rest.removeFirst()
      switch flag {
      case "--follow", "--no-cli-pager": break
      case "--format":
        short = rest.first == "short"
        if !rest.isEmpty { rest.removeFirst() }
      case "--since", "--region", "--profile", "--filter-pattern", "--log-stream-name-prefix":
        if !rest.isEmpty { rest.removeFirst() }
      case "--log-stream-names":
        var names: [String] = []
        while let n = rest.first, !n.hasPrefix("--") {
          names.append(n)
          rest.removeFirst()
        }
        streams = names
      default:
        return .failure("\naws: error: Unknown options: \(flag)\n", status: 252)
      }
    }
    // The CLI's tail reads the events with FilterLogEvents, oldest first.
    var request: JSONValue = ["logGroupName": .string(group)]
    if let streams {
      request = request.setting("logStreamNames", .array(streams.map { .string($0) }))
    }
    switch AWSCall.perform(&world, "logs", "FilterLogEvents", request) {
    case .failure(let result): return result
    case .success(let response):
      let lines = (response["events"]?.arrayValue ?? []).map { e -> String in
        let time = Timestamp.iso8601(millis: Int64(e["timestamp"]?.intValue ?? 0))
        let message = e["message"]?.stringValue ?? ""
        let stream = e["logStreamName"]?.stringValue ?? ""
        return short ? "\(time.prefix(19)) \(message)" : "\(time) \(stream) \(message)"
      }
      return .ok(lines.map { $0 + "\n" }.joined())
    }
  }

  /// Applies `--query` and `--output` to a response.
  static func render(
    _ response: JSONValue, globals: GlobalOptions, defaults: CLIDefaults, operation: String
  ) -> CommandResult {
    var value = response
    if let query = globals.query {
      do {
        value = try JMESPath.search(query, in: response)
      } catch {
        return CommandResult(
          stdout: "", stderr: "\nBad value for --query \(query): \(error.message)\n", status: 255)
      }
    } else if case .object(let members) = response, members.isEmpty {
      return CommandResult(stdout: "", stderr: "", status: 0)
    }
    let format = OutputFormat(rawValue: globals.output ?? defaults.output) ?? .json
    let text = OutputFormatter.render(value, format: format, title: operation)
    return CommandResult(stdout: text, stderr: "", status: 0)
  }
}
