import ECSModel

/// `aws ecs wait ...`: botocore's waiter definitions run against the simulated world. Each attempt
/// calls the waiter's operation, checks the acceptors with JMESPath and, if none decides, lets the
/// simulated clock run for the waiter's delay — so a wait that takes minutes on AWS takes no real
/// time here but the same simulated time.
public enum Waiters {
  /// Waiters by service, copied from botocore's `<service>/<version>/waiters-2.json` (data, not
  /// code): ECS's four and EC2's instance waiters.
  static let definitions: [String: JSONValue] = [
    "ecs":
      (try? JSONParser.parse(
        #"""
        {"ServicesStable":{"delay":15,"maxAttempts":40,"operation":"DescribeServices","acceptors":[{"matcher":"pathAny","argument":"failures[].reason","state":"failure","expected":"MISSING"},{"matcher":"pathAny","argument":"services[].status","state":"failure","expected":"DRAINING"},{"matcher":"pathAny","argument":"services[].status","state":"failure","expected":"INACTIVE"},{"matcher":"path","argument":"length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`","state":"success","expected":true}]},"ServicesInactive":{"delay":15,"maxAttempts":40,"operation":"DescribeServices","acceptors":[{"matcher":"pathAny","argument":"failures[].reason","state":"failure","expected":"MISSING"},{"matcher":"pathAny","argument":"services[].status","state":"success","expected":"INACTIVE"}]},"TasksRunning":{"delay":6,"maxAttempts":100,"operation":"DescribeTasks","acceptors":[{"matcher":"pathAny","argument":"tasks[].lastStatus","state":"failure","expected":"STOPPED"},{"matcher":"pathAny","argument":"failures[].reason","state":"failure","expected":"MISSING"},{"matcher":"pathAll","argument":"tasks[].lastStatus","state":"success","expected":"RUNNING"}]},"TasksStopped":{"delay":6,"maxAttempts":100,"operation":"DescribeTasks","acceptors":[{"matcher":"pathAll","argument":"tasks[].lastStatus","state":"success","expected":"STOPPED"}]}}
        """#)) ?? .null,
    "ec2":
      (try? JSONParser.parse(
        #"""
        {"InstanceRunning":{"delay":15,"operation":"DescribeInstances","maxAttempts":40,"acceptors":[{"expected":"running","matcher":"pathAll","state":"success","argument":"Reservations[].Instances[].State.Name"},{"expected":"shutting-down","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"},{"expected":"terminated","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"},{"expected":"stopping","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"},{"matcher":"error","expected":"InvalidInstanceID.NotFound","state":"retry"}]},"InstanceTerminated":{"delay":15,"operation":"DescribeInstances","maxAttempts":40,"acceptors":[{"expected":"terminated","matcher":"pathAll","state":"success","argument":"Reservations[].Instances[].State.Name"},{"expected":"pending","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"},{"expected":"stopping","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"}]},"InstanceStopped":{"delay":15,"operation":"DescribeInstances","maxAttempts":40,"acceptors":[{"expected":"stopped","matcher":"pathAll","state":"success","argument":"Reservations[].Instances[].State.Name"},{"expected":"pending","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"},{"expected":"terminated","matcher":"pathAny","state":"failure","argument":"Reservations[].Instances[].State.Name"}]},"InstanceExists":{"delay":5,"maxAttempts":40,"operation":"DescribeInstances","acceptors":[{"matcher":"path","expected":true,"argument":"length(Reservations[]) > `0`","state":"success"},{"matcher":"error","expected":"InvalidInstanceID.NotFound","state":"retry"}]}}
        """#)) ?? .null,
  ]

  /// The CLI names (`services-stable`) of `service`'s waiters.
  public static func names(_ service: String) -> [String] {
    (definitions[service]?.objectValue ?? []).map { ServiceModel.cliName(of: $0.0) }.sorted()
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
      let (name, waiter) = definitions[service]?.objectValue?.first(where: {
        ServiceModel.cliName(of: $0.0) == cliName
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
      world.advance(seconds: AWSRunner.secondsPerCall)
      let response: JSONValue
      var errorCode: String?
      var errorMessage = ""
      do {
        response = try world.perform(
          service: invocation.service, operation: operation, invocation.request)
      } catch {
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
      if errorCode != nil && !acceptors.contains(where: { $0["matcher"]?.stringValue == "error" }) {
        return .failure(
          "\nWaiter \(name) failed: An error occurred (\(errorCode ?? "")): \(errorMessage)\n",
          status: 255)
      }
      if attempt < attempts { world.advance(seconds: Double(delay)) }
    }
    return .failure("\nWaiter \(name) failed: Max attempts exceeded\n", status: 255)
  }

  /// botocore's acceptor matchers: path, pathAll, pathAny, error.
  static func matches(_ acceptor: JSONValue, _ response: JSONValue, _ errorCode: String?) -> Bool {
    let expected = acceptor["expected"] ?? .null
    switch acceptor["matcher"]?.stringValue {
    case "error": return errorCode != nil && expected.stringValue == errorCode
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
