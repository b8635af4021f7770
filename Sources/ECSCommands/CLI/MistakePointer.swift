import ECSModel

/// A common mistake the tutor points out after a command, in a line of its own beside what the
/// AWS CLI printed (which stays exactly as AWS CLI v2 prints it). The tutor words each case in
/// English and Japanese.
public enum MistakePointer: Sendable, Equatable {
  /// An `aws ecs` command without `--cluster` used the cluster named `default`, which explains
  /// its ClusterNotFoundException or empty list; `clusters` are the clusters there are.
  case defaultClusterUsed(clusters: [String])
  /// An option of a sibling operation: `update-service --service-name` where `update-service`
  /// takes `--service`. `owner` is an operation that does take `given`.
  case optionOfAnotherOperation(given: String, correct: String, operation: String, owner: String?)
  /// `aws ecs update-task-definition`: there is none; a revision never changes.
  case noUpdateTaskDefinition
  /// `$NAME` expanded to nothing in a failing command.
  case emptyVariables([String])
  /// A key one edit away from a valid one, in shorthand or JSON: `portMapping` → `portMappings`.
  case closeKey(given: String, key: String)
  /// `aws ... | jq` or `| grep`: not here; `--query` (JMESPath) picks fields. `command` is the
  /// aws command rewritten with `--query` when it could be derived.
  case useQuery(program: String, command: String?)
  /// Brace expansion split `typed` into `words`, as bash would; `quoted` is the word in quotes.
  case braceSplit(typed: String, words: [String], quoted: String?)
}

/// Finds ``MistakePointer``s in a finished command: its words, what it printed, and (asked only
/// when needed) the names of the clusters that exist.
///
/// ```swift
/// let cmd = ShellCommand(argv: ["aws", "ecs", "update-task-definition"])
/// MistakePointers.find(cmd, result: .failure("...", status: 252), clusters: { [] })
/// // [.noUpdateTaskDefinition]
/// ```
public enum MistakePointers {
  /// The pointers for one `aws` command and its result.
  public static func find(
    _ command: ShellCommand, result: CommandResult, clusters: () -> [String]
  ) -> [MistakePointer] {
    let argv = command.argv
    guard argv.first == "aws" else { return [] }
    var out: [MistakePointer] = []
    let failed = result.status != 0
    if failed {
      for split in command.braceSplits {
        out.append(.braceSplit(typed: split.typed, words: split.words, quoted: quoted(split.typed)))
      }
      var names: [String] = []
      for name in command.emptyVariables where !names.contains(name) { names.append(name) }
      if !names.isEmpty { out.append(.emptyVariables(names)) }
    }
    let (service, operation, rest) = serviceAndOperation(argv)
    if service == "ecs" && operation == "update-task-definition" {
      out.append(.noUpdateTaskDefinition)
    }
    if failed, let service, let operation {
      out += siblingOptions(service: service, operation: operation, words: rest)
    }
    if failed { out += closeKeys(in: result.stderr) }
    if service == "ecs", let operation,
      usedDefaultCluster(operation: operation, words: rest, result: result)
    {
      let others = clusters().filter { $0 != "default" }
      if !others.isEmpty { out.append(.defaultClusterUsed(clusters: others)) }
    }
    return out
  }

  /// The pointer for `jq` or `grep` that is not found here, after `previous` (an `aws` command in
  /// the same pipeline) printed `input`.
  public static func notFound(_ program: String, _ command: ShellCommand, previous: ShellCommand?)
    -> MistakePointer?
  {
    guard ["jq", "grep", "egrep", "fgrep"].contains(program),
      let previous, previous.argv.first == "aws"
    else { return nil }
    let args = Array(command.argv.dropFirst())
    var query: String?
    var text = false
    if program == "jq" {
      text = args.contains { $0 == "-r" || $0 == "--raw-output" }
      if let filter = args.first(where: { !$0.hasPrefix("-") }) { query = jmesPath(ofJQ: filter) }
    } else if let pattern = args.first(where: { !$0.hasPrefix("-") }),
      let key = singleListKey(command.stdin),
      pattern.unicodeScalars.allSatisfy({ !"`'\\\"$!".unicodeScalars.contains($0) })
    {
      query = "\(key)[?contains(@, '\(pattern)')]"
      text = true
    }
    guard let query else { return .useQuery(program: program, command: nil) }
    var argv = previous.argv.filter { $0 != "--query" }
    if let i = previous.argv.firstIndex(of: "--query"), i + 1 < previous.argv.count {
      argv = previous.argv
      argv.removeSubrange(i...(i + 1))
    }
    argv += ["--query", query]
    if text && !argv.contains("--output") { argv += ["--output", "text"] }
    return .useQuery(program: program, command: ShellQuote.command(argv))
  }

  // MARK: - Parts

  /// The service, the operation and the words after it (global options before them skipped).
  static func serviceAndOperation(_ argv: [String]) -> (String?, String?, [String]) {
    let valued = Set(AWSCLI.globalOptions.filter { $0.arity == .one }.map(\.name))
    var free: [Int] = []
    var i = 1
    while i < argv.count && free.count < 2 {
      if valued.contains(argv[i]) {
        i += 2
        continue
      }
      if !argv[i].hasPrefix("-") { free.append(i) }
      i += 1
    }
    let service = free.first.map { argv[$0] }
    let operation = free.count > 1 ? argv[free[1]] : nil
    let rest = free.count > 1 ? Array(argv[(free[1] + 1)...]) : []
    return (service, operation, rest)
  }

  /// `--service-name` given where the operation takes `--service` (or `--cluster-name` for
  /// `--cluster`, `--services` for `--service` ...): names that differ by `-name` or a plural.
  static func siblingOptions(service: String, operation: String, words: [String])
    -> [MistakePointer]
  {
    guard let model = try? ServiceModel.named(service),
      let op = model.operation(cliName: operation),
      let spec = try? OperationSpec(model: model, operation: op)
    else { return [] }
    let own = Set(spec.arguments.map(\.cliName))
    var out: [MistakePointer] = []
    for word in words where word.hasPrefix("--") {
      let given = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
      guard !own.contains(given), !AWSCLI.globalOptions.contains(where: { $0.name == given })
      else { continue }
      guard let correct = own.first(where: { stem($0) == stem(given) }) else { continue }
      let owners = model.cliOperationNames.filter { name in
        guard name != operation, let other = model.operation(cliName: name),
          let otherSpec = try? OperationSpec(model: model, operation: other)
        else { return false }
        return otherSpec.arguments.contains { $0.cliName == given }
      }
      // The sibling on the same resource first (update-service → create-service).
      let noun = operation.split(separator: "-").dropFirst().joined(separator: "-")
      let owner =
        owners.first { $0.split(separator: "-").dropFirst().joined(separator: "-") == noun }
        ?? owners.min { $0.count < $1.count }
      out.append(
        .optionOfAnotherOperation(
          given: given, correct: correct, operation: operation, owner: owner))
    }
    return out
  }

  private static func stem(_ option: String) -> String {
    var s = Substring(option)
    if s.hasSuffix("-name") { s = s.dropLast(5) }
    if s.hasSuffix("-names") { s = s.dropLast(6) }
    if s.hasSuffix("s") { s = s.dropLast() }
    return String(s)
  }

  /// `Unknown parameter in containerDefinitions[0]: "portMapping", must be one of: ...` lines
  /// whose key is one edit (or only letter case) away from a valid one.
  static func closeKeys(in stderr: String) -> [MistakePointer] {
    var out: [MistakePointer] = []
    for line in stderr.split(separator: "\n") where line.hasPrefix("Unknown parameter in ") {
      let parts = line.split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false)
      let marker = ", must be one of: "
      guard parts.count == 3, parts[2].hasPrefix(marker) else { continue }
      let given = String(parts[1])
      let valid = parts[2].dropFirst(marker.count).split(separator: ",").map {
        String($0.drop(while: { $0 == " " }))
      }
      let close1 =
        valid.first { $0.lowercased() == given.lowercased() }
        ?? valid.first {
          CloseMatches.editDistance(Array($0.unicodeScalars), Array(given.unicodeScalars)) == 1
        }
      if let key = close1 { out.append(.closeKey(given: given, key: key)) }
    }
    return out
  }

  /// Whether an `ecs` operation that takes `--cluster` ran without it and failed for want of
  /// the cluster, or listed nothing.
  static func usedDefaultCluster(operation: String, words: [String], result: CommandResult)
    -> Bool
  {
    guard !words.contains(where: { $0 == "--cluster" || $0.hasPrefix("--cluster=") }),
      let model = try? ServiceModel.named("ecs"), let op = model.operation(cliName: operation),
      let spec = try? OperationSpec(model: model, operation: op),
      spec.arguments.contains(where: { $0.cliName == "--cluster" })
    else { return false }
    if result.stderr.contains("(ClusterNotFoundException)") { return true }
    guard result.status == 0, operation.hasPrefix("list-") else { return false }
    let out = result.stdout.filter { !$0.isWhitespace }
    if out.isEmpty || out == "[]" || out == "None" { return true }
    guard let json = try? JSONParser.parse(result.stdout), case .object(let members) = json
    else { return false }
    return !members.isEmpty
      && members.allSatisfy { member in
        if case .array(let items) = member.1 { return items.isEmpty }
        return member.0 == "nextToken"
      }
  }

  /// `.clusterArns`, `.services[0].status`, `.taskArns[]` → `clusterArns`, `services[0].status`,
  /// `taskArns[]`; nil for anything more than a path.
  static func jmesPath(ofJQ filter: String) -> String? {
    guard filter.hasPrefix("."), filter.count > 1 else { return nil }
    let path = filter.dropFirst()
    let allowed = path.unicodeScalars.allSatisfy {
      ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
        || $0 == "." || $0 == "[" || $0 == "]" || $0 == "_"
    }
    guard allowed, !path.hasPrefix("."), !path.hasPrefix("["), !path.contains("..") else {
      return nil
    }
    return String(path).replacingDotBrackets()
  }

  /// The key of a JSON object whose only member is a list (what `list-*` prints).
  static func singleListKey(_ text: String) -> String? {
    guard let json = try? JSONParser.parse(text), case .object(let members) = json else {
      return nil
    }
    let lists = members.filter { if case .array = $0.1 { return true } else { return false } }
    return lists.count == 1 ? lists[0].0 : nil
  }

  /// The word as typed, put in quotes so bash keeps it whole: single quotes when it has no
  /// quotes or `$`, double quotes when it has `$` (to keep the variables) but nothing else
  /// double quotes would change; nil when neither fits.
  static func quoted(_ typed: String) -> String? {
    let special: Set<Unicode.Scalar> = ["'", "\"", "\\", "`", "!"]
    guard !typed.unicodeScalars.contains(where: special.contains) else { return nil }
    return typed.contains("$") ? "\"" + typed + "\"" : "'" + typed + "'"
  }
}

extension String {
  /// jq's `.a.[0]` spelling is not JMESPath; `a.[0]` becomes `a[0]`.
  fileprivate func replacingDotBrackets() -> String {
    var out = ""
    var chars = self[...]
    while let c = chars.first {
      chars = chars.dropFirst()
      if c == ".", chars.first == "[" { continue }
      out.append(c)
    }
    return out
  }
}
