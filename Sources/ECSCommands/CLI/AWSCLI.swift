import ECSModel

/// Region and output format used when the command line gives none (the tutor's "config file").
public struct CLIDefaults: Sendable, Equatable {
  public var region: String
  public var output: String
  public init(region: String = "us-east-1", output: String = "json") {
    self.region = region
    self.output = output
  }
}

/// The AWS CLI's global options, as given (or defaulted).
public struct GlobalOptions: Sendable, Equatable {
  public var region: String?
  /// `json`, `text`, `table` (also `yaml`, `yaml-stream` as v2 accepts them).
  public var output: String?
  public var query: String?
  public var noCliPager = false
  public var profile: String?
  public var debug = false
  public var endpointURL: String?
  public var noPaginate = false
  public var color: String?
  /// The request came (partly) from `--cli-input-json`.
  public var cliInputJSONUsed = false
  /// Client-side pagination options of paginated operations.
  public var startingToken: String?
  public var pageSize: Int?
  public var maxItems: Int?

  public init(region: String? = nil, output: String? = nil, query: String? = nil) {
    self.region = region
    self.output = output
    self.query = query
  }
}

/// A parsed, validated `aws` command ready for the simulation.
public struct AWSInvocation: Sendable, Equatable {
  /// CLI service name, e.g. `ecs`.
  public var service: String
  /// botocore operation name, e.g. `CreateCluster`.
  public var operation: String
  /// The request with botocore member names, e.g. `{"clusterName": "demo"}`.
  public var request: JSONValue
  public var globals: GlobalOptions

  public init(service: String, operation: String, request: JSONValue, globals: GlobalOptions) {
    self.service = service
    self.operation = operation
    self.request = request
    self.globals = globals
  }
}

/// What an `aws` command line turned into: a call to make, or text the CLI prints by itself
/// (help, skeletons, `--version`, every client-side error).
public enum AWSCLIParse: Sendable, Equatable {
  case invoke(AWSInvocation)
  case output(stdout: String, stderr: String, status: Int32)
}

/// The AWS CLI v2 command-line surface, driven by the botocore service models.
///
/// ```swift
/// let r = AWSCLI.parse(["aws", "ecs", "create-cluster", "--cluster-name", "demo"],
///                      files: MemoryFiles(), defaults: CLIDefaults())
/// // .invoke(AWSInvocation(service: "ecs", operation: "CreateCluster",
/// //                       request: ["clusterName": "demo"], globals: ...))
/// ```
public enum AWSCLI {
  /// What `aws --version` prints.
  public static let version =
    "aws-cli/2.27.50 Python/3.13.4 Linux/6.8.0 exe/x86_64 (ecs-tutor simulation)"

  static let usageBlock =
    "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
    + "To see help text, you can run:\n\n  aws help\n  aws <command> help\n"
    + "  aws <command> <subcommand> help\n"

  /// Global options in awscli's cli.json (v2) order: the order ambiguity messages list them in.
  static let globalOptions: [ArgParser.Option] = [
    .init(name: "--debug", arity: .flag),
    .init(name: "--endpoint-url", arity: .one),
    .init(name: "--no-verify-ssl", arity: .flag),
    .init(name: "--no-paginate", arity: .flag),
    .init(
      name: "--output", arity: .one, choices: ["json", "text", "table", "yaml", "yaml-stream"]),
    .init(name: "--query", arity: .one),
    .init(name: "--profile", arity: .one),
    .init(name: "--region", arity: .one),
    .init(name: "--version", arity: .flag),
    .init(name: "--color", arity: .one, choices: ["on", "off", "auto"]),
    .init(name: "--no-sign-request", arity: .flag),
    .init(name: "--ca-bundle", arity: .one),
    .init(name: "--cli-read-timeout", arity: .one, isInt: true),
    .init(name: "--cli-connect-timeout", arity: .one, isInt: true),
    .init(name: "--cli-binary-format", arity: .one, choices: ["base64", "raw-in-base64-out"]),
    .init(name: "--no-cli-pager", arity: .flag),
    .init(name: "--cli-auto-prompt", arity: .flag),
    .init(name: "--no-cli-auto-prompt", arity: .flag),
  ]

  /// Parses `argv` (shell words, starting with `aws`) the way the AWS CLI does.
  public static func parse(_ argv: [String], files: any FileAccess, defaults: CLIDefaults)
    -> AWSCLIParse
  {
    do {
      return try run(Array(argv.dropFirst()), files: files, defaults: defaults)
    } catch let e as CLIUsageError {
      return usageError(e.message)
    } catch let e as ArgumentError {
      return .output(stdout: "", stderr: "\n\(e.message)\n", status: e.status)
    } catch {
      return .output(stdout: "", stderr: "\n\(error)\n", status: 255)
    }
  }

  static func usageError(_ message: String) -> AWSCLIParse {
    .output(stdout: "", stderr: usageBlock + "\naws: error: \(message)\n", status: 252)
  }

  /// `argument operation: Found invalid choice 'x'` plus difflib suggestions.
  static func invalidChoice(_ argument: String, _ value: String, _ choices: [String]) -> String {
    let possible = CloseMatches.find(value, in: choices)
    guard !possible.isEmpty else {
      return "argument \(argument): Found invalid choice \(PythonText.repr(value))"
    }
    return "argument \(argument): Invalid choice: \(PythonText.repr(value)), maybe you meant:\n\n"
      + possible.map { "  * \($0)" }.joined(separator: "\n")
  }

  private static func run(_ args: [String], files: any FileAccess, defaults: CLIDefaults) throws
    -> AWSCLIParse
  {
    // Stage 1: global options anywhere, then the service (argparse "command").
    let main = try ArgParser(options: globalOptions).parse(args)
    if main.has("--version") { return .output(stdout: version + "\n", stderr: "", status: 0) }
    var globals = GlobalOptions()
    globals.region = main.last("--region")?.first ?? defaults.region
    globals.output = main.last("--output")?.first ?? defaults.output
    globals.query = main.last("--query")?.first
    globals.profile = main.last("--profile")?.first
    globals.endpointURL = main.last("--endpoint-url")?.first
    globals.color = main.last("--color")?.first
    globals.debug = main.has("--debug")
    globals.noPaginate = main.has("--no-paginate")
    globals.noCliPager = main.has("--no-cli-pager")
    guard let commandIndex = main.freeWordIndexes.first else {
      throw CLIUsageError("the following arguments are required: command")
    }
    let service = main.extras[commandIndex]
    var rest = main.extras
    rest.remove(at: commandIndex)
    if service == "help" { return .output(stdout: AWSHelp.top(), stderr: "", status: 0) }
    guard ServiceModel.serviceNames.contains(service) else {
      if ServiceModel.allAWSServiceNames.contains(service) {
        throw CLIUsageError(
          "argument command: \(PythonText.repr(service)) is an AWS CLI service that ecs-tutor "
            + "does not simulate; it simulates: "
            + ServiceModel.serviceNames.joined(separator: ", "))
      }
      throw CLIUsageError(invalidChoice("command", service, ServiceModel.serviceNames))
    }
    let model = try ServiceModel.named(service)

    // Stage 2: the operation.
    let svc = try ArgParser(options: []).parse(rest)
    guard let opIndex = svc.freeWordIndexes.first else {
      throw CLIUsageError("the following arguments are required: operation")
    }
    let opName = svc.extras[opIndex]
    rest = svc.extras
    rest.remove(at: opIndex)
    if opName == "help" {
      return .output(stdout: AWSHelp.service(model), stderr: "", status: 0)
    }
    guard let operation = model.operation(cliName: opName) else {
      throw CLIUsageError(invalidChoice("operation", opName, model.cliOperationNames))
    }
    let spec = try OperationSpec(model: model, operation: operation)
    if rest == ["help"] { return .output(stdout: AWSHelp.operation(spec), stderr: "", status: 0) }
    guard spec.model.operation(operation)?.hasShapes == true else {
      return .output(
        stdout: "",
        stderr: "\naws \(service) \(opName): this operation is not part of the ecs-tutor "
          + "simulation.\n", status: 255)
    }
    return try invocation(spec, rest, globals: globals, files: files)
  }

  private static func invocation(
    _ spec: OperationSpec, _ args: [String], globals: GlobalOptions, files: any FileAccess
  ) throws -> AWSCLIParse {
    var globals = globals
    // Stage 3: the operation's own options (argparse over the argument table).
    let options = spec.arguments.map { a -> ArgParser.Option in
      switch a.kind {
      case .flag(true) where a.shape.flatMap { spec.model.shape($0) }?.type == .structure:
        // awscli's PositiveBooleanArgument: `--enable-dns-hostnames` or, as AWS's older docs
        // write it, `--enable-dns-hostnames '{"Value":true}'`.
        return .init(name: a.cliName, arity: .optional(const: ""))
      case .flag: return .init(name: a.cliName, arity: .flag)
      case .value: return .init(name: a.cliName, arity: a.takesMany ? .many : .one)
      case .special:
        if a.name == "generate-cli-skeleton" {
          return .init(
            name: a.cliName, arity: .optional(const: "input"),
            choices: ["input", "yaml-input", "output"])
        }
        return .init(
          name: a.cliName, arity: .one, isInt: ["page-size", "max-items"].contains(a.name))
      }
    }
    let parsed = try ArgParser(options: options).parse(args)
    // --cli-input-json and --generate-cli-skeleton lift the required options (exact words only).
    let lifted = args.contains("--cli-input-json") || args.contains("--generate-cli-skeleton")
    if !lifted {
      // A required boolean is given by either form (`--protection-enabled` or `--no-...`).
      let missing = spec.arguments.filter {
        $0.required && !parsed.has($0.cliName) && !parsed.has("--no-" + $0.name)
      }
      if !missing.isEmpty {
        throw CLIUsageError(
          "the following arguments are required: "
            + missing.map(\.cliName).joined(separator: ", "))
      }
    }
    if !parsed.extras.isEmpty {
      return .output(
        stdout: "",
        stderr: usageBlock + "\nUnknown options: " + parsed.extras.joined(separator: ", ") + "\n"
          + optionSuggestions(parsed.extras, spec), status: 252)
    }

    // Values become request members, in argument-table order; the last of --x/--no-x wins.
    var request: [(String, JSONValue)] = []
    func set(_ member: String, _ value: JSONValue) {
      if let i = request.firstIndex(where: { $0.0 == member }) {
        request[i].1 = value
      } else {
        request.append((member, value))
      }
    }
    let given = Dictionary(
      parsed.values.enumerated().map { ($0.element.option, $0.offset) }, uniquingKeysWith: max)
    for arg in spec.arguments {
      guard let member = arg.member, let words = parsed.last(arg.cliName) else { continue }
      switch arg.kind {
      case .flag(let b):
        let other = arg.name.hasPrefix("no-") ? String(arg.name.dropFirst(3)) : "no-" + arg.name
        if let o = given["--" + other], let mine = given[arg.cliName], o > mine { continue }
        let structure = arg.shape.flatMap { spec.model.shape($0) }
        if let structure, structure.type == .structure, let given = words.first, !given.isEmpty {
          set(
            member,
            try ArgumentValue.unpack(
              [given], shape: structure, model: spec.model, cliName: arg.cliName, files: files))
        } else {
          set(member, structure?.type == .structure ? ["Value": .bool(b)] : .bool(b))
        }
      case .value:
        guard let shapeName = arg.shape, let shape = spec.model.shape(shapeName) else { continue }
        set(
          member,
          try ArgumentValue.unpack(
            words, shape: shape, model: spec.model, cliName: arg.cliName, files: files))
      case .special:
        continue
      }
    }
    let isRunInstances = spec.model.cliName == "ec2" && spec.operation == "RunInstances"
    if isRunInstances, let count = parsed.last("--count")?.first {
      let (lo, hi) = try runInstancesCount(count)
      set("MinCount", .int(lo))
      set("MaxCount", .int(hi))
    }
    if isRunInstances {
      try associatePublicIp(parsed, &request)
    }
    if SecurityGroupOptions.applies(spec.model.cliName, spec.operation),
      let permissions = try SecurityGroupOptions.permissions(
        { parsed.last("--" + $0)?.first }, hasIpPermissions: parsed.has("--ip-permissions"))
    {
      set("IpPermissions", permissions)
    }
    if let v = parsed.last("--starting-token")?.first { globals.startingToken = v }
    if let v = parsed.last("--page-size")?.first { globals.pageSize = try PythonText.int(v) }
    if let v = parsed.last("--max-items")?.first { globals.maxItems = try PythonText.int(v) }

    if let mode = parsed.last("--generate-cli-skeleton")?.first {
      guard mode != "output" else {
        return .output(
          stdout: "",
          stderr: "\n--generate-cli-skeleton output is not available in the ecs-tutor "
            + "simulation; use input.\n", status: 252)
      }
      let skeleton = Skeleton.input(for: spec.input, model: spec.model)
      return .output(stdout: Skeleton.pythonJSON(skeleton) + "\n", stderr: "", status: 0)
    }

    if let source = parsed.last("--cli-input-json")?.first {
      let text =
        try ArgumentValue.paramfile(source, cliName: "--cli-input-json", files: files) ?? source
      let data: JSONValue
      do {
        data = try JSONParser.parse(text)
      } catch {
        throw ArgumentError.param(
          cliName: "cli-input-json", message: "Invalid JSON: \(error)\nJSON received: \(text)")
      }
      guard case .object(let members) = data else {
        throw ArgumentError.python(
          "'\(PythonText.shortTypeName(data))' object has no attribute 'keys'")
      }
      for (k, v) in members where !request.contains(where: { $0.0 == k }) { request.append((k, v)) }
      globals.cliInputJSONUsed = true
    }
    if isRunInstances {
      if !request.contains(where: { $0.0 == "MinCount" }) { set("MinCount", .int(1)) }
      if !request.contains(where: { $0.0 == "MaxCount" }) { set("MaxCount", .int(1)) }
    }

    let body = JSONValue.object(request)
    if let input = spec.input {
      let problems = ParamValidator.validate(body, shape: input, model: spec.model)
      if !problems.isEmpty { throw ArgumentError.validation(problems) }
    } else if !request.isEmpty {
      throw ArgumentError.validation(
        request.map { "Unknown parameter in input: \"\($0.0)\", must be one of: " })
    }
    return .invoke(
      AWSInvocation(
        service: spec.model.cliName, operation: spec.operation, request: body, globals: globals))
  }

  /// The tutor's addition to "Unknown options": the closest real option names, in the style of
  /// CLI v2's "Maybe you meant" list. Empty when nothing is close.
  static func optionSuggestions(_ extras: [String], _ spec: OperationSpec) -> String {
    let names = spec.arguments.filter { !$0.hidden }.map(\.cliName) + globalOptions.map(\.name)
    var seen: Set<String> = []
    var lines: [String] = []
    for word in extras where word.hasPrefix("--") {
      let head = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
      for match in CloseMatches.find(head, in: names, n: 1, cutoff: 0.75)
      where seen.insert(match).inserted {
        lines.append("  * \(match)")
      }
    }
    return lines.isEmpty ? "" : "\nMaybe you meant:\n\n" + lines.joined(separator: "\n") + "\n"
  }

  /// ec2 run-instances `--count N` or `--count MIN:MAX`.
  /// ec2 run-instances `--associate-public-ip-address` / `--no-associate-public-ip-address`, as
  /// awscli/customizations/ec2/runinstances.py builds them: `AssociatePublicIpAddress` in the
  /// first of `NetworkInterfaces` (created as `{DeviceIndex: 0}`), and then, as EC2 wants
  /// networking on the interface alone, `SubnetId`, `SecurityGroupIds` and `PrivateIpAddress`
  /// moved into it. The first form cannot be mixed with `--network-interfaces`.
  static func associatePublicIp(_ parsed: ArgParser.Result, _ request: inout [(String, JSONValue)])
    throws(ArgumentError)
  {
    let value: Bool? =
      parsed.has("--no-associate-public-ip-address")
      ? false : parsed.has("--associate-public-ip-address") ? true : nil
    let index = request.firstIndex { $0.0 == "NetworkInterfaces" }
    if let value {
      if value, index != nil {
        throw ArgumentError.python(
          "Mixing the --network-interfaces option with the simple, scalar options is not supported."
        )
      }
      var list = index.flatMap { request[$0].1.arrayValue } ?? []
      var first = list.first ?? ["DeviceIndex": 0]
      first = first.setting("AssociatePublicIpAddress", .bool(value))
      if list.isEmpty { list = [first] } else { list[0] = first }
      if let index {
        request[index].1 = .array(list)
      } else {
        request.append(("NetworkInterfaces", .array(list)))
      }
    }
    // _fix_args: only when the first interface carries one of the scalar options' members.
    guard let i = request.firstIndex(where: { $0.0 == "NetworkInterfaces" }),
      var list = request[i].1.arrayValue, var first = list.first,
      ["PrivateIpAddresses", "SecondaryPrivateIpAddressCount", "AssociatePublicIpAddress"]
        .contains(where: { first[$0] != nil })
    else { return }
    for (from, to) in [("SubnetId", "SubnetId"), ("SecurityGroupIds", "Groups")] {
      guard let j = request.firstIndex(where: { $0.0 == from }) else { continue }
      first = first.setting(to, request[j].1)
      request.remove(at: j)
    }
    if let j = request.firstIndex(where: { $0.0 == "PrivateIpAddress" }) {
      first = first.setting(
        "PrivateIpAddresses", [["PrivateIpAddress": request[j].1, "Primary": true]])
      request.remove(at: j)
    }
    list[0] = first
    if let k = request.firstIndex(where: { $0.0 == "NetworkInterfaces" }) {
      request[k].1 = .array(list)
    }
  }

  static func runInstancesCount(_ value: String) throws(ArgumentError) -> (Int, Int) {
    let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    do {
      if parts.count == 1 {
        let n = try PythonText.int(parts[0])
        return (n, n)
      }
      if parts.count == 2 { return (try PythonText.int(parts[0]), try PythonText.int(parts[1])) }
    } catch {}
    throw .param(cliName: "--count", message: "count parameter should be of form min[:max]")
  }
}
