import ECSModel

/// `aws ecs wait ...`: botocore's waiter definitions run against the simulated world. Each attempt
/// calls the waiter's operation, checks the acceptors with JMESPath and, if none decides, lets the
/// simulated clock run for the waiter's delay — so a wait that takes minutes on AWS takes no real
/// time here but the same simulated time.
public enum Waiters {
  /// Waiter definitions by service and name, from the API families' declarations.
  static var definitions: [String: [String: JSONValue]] { World.api.waiters }

  /// The CLI names (`services-stable`) of `service`'s waiters.
  public static func names(_ service: String) -> [String] {
    (definitions[service] ?? [:]).keys.map { ServiceModel.cliName(of: $0) }.sorted()
  }

  /// Runs `aws ecs wait NAME [params]`; nil when argv is not a wait command.
  static func run(
    _ argv: [String], world: inout World, files: any FileAccess, defaults: CLIDefaults
  )
    -> CommandResult?
  {
    guard let i = argv.firstIndex(of: "wait"), i >= 2, definitions[argv[i - 1]] != nil else {
      return nil
    }
    let service = argv[i - 1]
    let names = names(service)
    guard i + 1 < argv.count, !argv[i + 1].hasPrefix("-") else {
      return .failure(
        "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          + "aws: error: the following arguments are required: waiter_name (choose from "
          + names.joined(separator: ", ") + ")\n", status: 252)
    }
    let cliName = argv[i + 1]
    guard
      let (name, waiter) = definitions[service]?.first(where: {
        ServiceModel.cliName(of: $0.key) == cliName
      })
    else {
      let close = CloseMatches.find(cliName, in: names)
      let hint =
        close.isEmpty
        ? "" : ", maybe you meant:\n\n" + close.map { "  * " + $0 }.joined(separator: "\n")
      return .failure(
        "\naws: error: argument waiter_name: Invalid choice: '\(cliName)'\(hint)\n", status: 252)
    }
    guard let operation = waiter["operation"]?.stringValue,
      let delay = waiter["delay"]?.intValue, let attempts = waiter["maxAttempts"]?.intValue,
      let acceptors = waiter["acceptors"]?.arrayValue
    else { return .failure("\nWaiter \(name) is not defined.\n", status: 255) }
    // The waiter takes its operation's parameters: parse them as that operation's.
    var opArgv = Array(argv[..<i]) + [ServiceModel.cliName(of: operation)] + Array(argv[(i + 2)...])
    opArgv.removeAll { $0 == "--output" }
    let invocation: AWSInvocation
    switch AWSCLI.parse(opArgv, files: files, defaults: defaults) {
    case .output(let out, let err, let status):
      return CommandResult(stdout: out, stderr: err, status: status)
    case .invoke(let inv): invocation = inv
    }
    for attempt in 1...attempts {
      let response: JSONValue
      var errorCode: String?
      var errorMessage = ""
      switch AWSCall.attempt(&world, invocation.service, operation, invocation.request) {
      case .success(let r): response = r
      case .failure(let error):
        response = .null
        errorCode = error.code
        errorMessage = error.message
      }
      for acceptor in acceptors {
        guard let state = acceptor["state"]?.stringValue, matches(acceptor, response, errorCode)
        else { continue }
        if state == "success" { return .ok() }
        if state == "failure" {
          let argument = acceptor["argument"]?.stringValue ?? ""
          let expected = acceptor["expected"].map(JSONPrinter.compact) ?? ""
          let how = acceptor["matcher"]?.stringValue == "pathAny" ? " at least once" : ""
          return .failure(
            "\nWaiter \(name) failed: Waiter encountered a terminal failure state: For expression \"\(argument)\" we matched expected path: \(expected)\(how)\n",
            status: 255)
        }
      }
      if errorCode != nil
        && !acceptors.contains(where: { ["error", "status"].contains($0["matcher"]?.stringValue) })
      {
        return .failure(
          "\nWaiter \(name) failed: An error occurred (\(errorCode ?? "")): \(errorMessage)\n",
          status: 255)
      }
      if attempt < attempts { world.advance(seconds: Double(delay)) }
    }
    return .failure("\nWaiter \(name) failed: Max attempts exceeded\n", status: 255)
  }

  /// botocore's acceptor matchers: path, pathAll, pathAny, error, status.
  static func matches(_ acceptor: JSONValue, _ response: JSONValue, _ errorCode: String?) -> Bool {
    let expected = acceptor["expected"] ?? .null
    switch acceptor["matcher"]?.stringValue {
    case "error": return errorCode != nil && expected.stringValue == errorCode
    // The HTTP status: 200 for an answer, 404 for a missing resource (the only two iam's and
    // the tutor's waiters ask about).
    case "status":
      return expected.intValue == 200
        ? errorCode == nil
        : errorCode.map { $0 == "NoSuchEntity" || $0.hasSuffix("NotFound") } ?? false
    case "path", "pathAll", "pathAny":
      guard errorCode == nil, let argument = acceptor["argument"]?.stringValue,
        let value = try? JMESPath.search(argument, in: response)
      else { return false }
      switch acceptor["matcher"]?.stringValue {
      case "path": return value == expected
      case "pathAll":
        guard let items = value.arrayValue, !items.isEmpty else { return false }
        return items.allSatisfy { $0 == expected }
      default: return value.arrayValue?.contains(expected) ?? false
      }
    default: return false
    }
  }
}
