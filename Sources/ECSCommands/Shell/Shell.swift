/// One external command the shell hands to its caller: the expanded argument vector, what was
/// piped into it, and the environment it would see (exported variables plus `NAME=v` prefixes).
public struct ShellCommand: Sendable, Equatable {
  public var argv: [String]
  public var stdin: String
  public var environment: [String: String]
  /// The words brace expansion split while making `argv` (`{a,b}` typed unquoted).
  public var braceSplits: [BraceSplit]
  /// Variables that expanded to nothing in `argv`'s words (`$SUBNET` unset or empty), in order.
  public var emptyVariables: [String]

  public init(
    argv: [String], stdin: String = "", environment: [String: String] = [:],
    braceSplits: [BraceSplit] = [], emptyVariables: [String] = []
  ) {
    self.argv = argv
    self.stdin = stdin
    self.environment = environment
    self.braceSplits = braceSplits
    self.emptyVariables = emptyVariables
  }
}

/// One word that bash's brace expansion turned into several: the argument `p={a,b}` typed
/// unquoted gives `p=a` and `p=b`.
public struct BraceSplit: Sendable, Equatable {
  /// The word as typed.
  public var typed: String
  /// The words it became (after the other expansions).
  public var words: [String]

  public init(typed: String, words: [String]) {
    self.typed = typed
    self.words = words
  }
}

/// The small bash the learner types AWS tutorial lines into: quoting, variables, `$(...)`, brace
/// expansion, `;` `&&` `||` `|`, `export`, `unset` and `echo`. Every other command goes to the caller.
///
/// ```swift
/// var env = ShellEnvironment(["HOME": "/home/me"])
/// let r = Shell.run("CLUSTER=demo; aws ecs create-cluster --cluster-name $CLUSTER", env: &env) {
///   argv, stdin in .ok("ran \(argv.joined(separator: " "))\n")
/// }
/// // r.stdout == "ran aws ecs create-cluster --cluster-name demo\n"; env["CLUSTER"] == "demo"
/// ```
public enum Shell {
  /// Whether `text` needs another line before it can run: a trailing unescaped `\`, an unclosed
  /// quote, `$(` or `${`, or a trailing `|`, `&&` or `||`. The REPL then reads on and joins the
  /// lines with "\n".
  public static func isIncomplete(_ text: String) -> Bool {
    var parser = ShellParser(text)
    do {
      _ = try parser.parse()
      return parser.trailingBackslash
    } catch {
      return error.incomplete
    }
  }

  /// Checks `text` without running it: nil when it parses, else the error bash-style.
  public static func syntaxError(_ text: String) -> ShellSyntaxError? {
    var parser = ShellParser(text)
    do {
      _ = try parser.parse()
      return nil
    } catch {
      return error
    }
  }

  /// Runs `text`, giving every external command's argv and piped stdin to `exec`.
  public static func run(
    _ text: String, env: inout ShellEnvironment,
    exec: (_ argv: [String], _ stdin: String) -> CommandResult
  ) -> CommandResult {
    run(text, env: &env, command: { exec($0.argv, $0.stdin) })
  }

  /// Runs `text`, giving every external command to `command` with the environment it would see.
  public static func run(
    _ text: String, env: inout ShellEnvironment, command: (ShellCommand) -> CommandResult
  ) -> CommandResult {
    var parser = ShellParser(text)
    let script: ShellScript
    do {
      script = try parser.parse()
    } catch {
      env.lastStatus = error.status
      return .failure("ecs-tutor: \(error.message)\n", status: error.status)
    }
    // The runner only calls `command` while this function runs; it never keeps it.
    return withoutActuallyEscaping(command) { exec in
      var runner = ShellRunner(exec: exec)
      runner.run(script, env: &env)
      return CommandResult(stdout: runner.stdout, stderr: runner.stderr, status: env.lastStatus)
    }
  }
}

/// Executes a parsed script, collecting output.
private struct ShellRunner {
  let exec: (ShellCommand) -> CommandResult
  var stdout = ""
  var stderr = ""

  mutating func run(_ script: ShellScript, env: inout ShellEnvironment) {
    for statement in script.statements {
      var status = runPipeline(statement.first, env: &env)
      env.lastStatus = status
      for (connector, pipeline) in statement.rest {
        switch connector {
        case .and where status != 0: continue
        case .or where status == 0: continue
        default: break
        }
        status = runPipeline(pipeline, env: &env)
        env.lastStatus = status
      }
    }
  }

  private mutating func runPipeline(_ pipeline: Pipeline, env: inout ShellEnvironment) -> Int32 {
    if pipeline.commands.count == 1, let only = pipeline.commands.first {
      let r = runCommand(only, stdin: "", env: &env)
      stdout += r.stdout
      stderr += r.stderr
      return r.status
    }
    // Each stage of a real pipeline runs in a subshell: its assignments do not persist.
    var input = ""
    var status: Int32 = 0
    for command in pipeline.commands {
      var stageEnv = env
      let r = runCommand(command, stdin: input, env: &stageEnv)
      stderr += r.stderr
      input = r.stdout
      status = r.status
    }
    stdout += input
    return status
  }

  private static let declarationBuiltins: Set<String> = [
    "export", "declare", "typeset", "local",
    "readonly",
  ]

  private mutating func runCommand(
    _ command: SimpleCommand, stdin: String, env: inout ShellEnvironment
  ) -> CommandResult {
    var expander = Expander(exec: exec)
    var argv: [String] = []
    let isDeclaration =
      command.words.first?.plainText.map(Self.declarationBuiltins.contains) ?? false
    for (k, word) in command.words.enumerated() {
      if isDeclaration && k > 0 && word.assignmentName != nil {
        argv += expander.assignmentWords(word, env: &env)
      } else {
        argv += expander.fields(word, env: &env)
      }
    }
    let braceSplits = expander.braceSplits
    let emptyVariables = expander.emptyVariables
    // Assignments take effect left to right; before a command they only reach that command.
    var assigned: [(String, String)] = []
    var scratch = env
    for a in command.assignments {
      if argv.isEmpty {
        let value = expander.string(a.value, env: &env)
        env.set(a.name, value)
      } else {
        let value = expander.string(a.value, env: &scratch)
        scratch.set(a.name, value)
        assigned.append((a.name, value))
      }
    }
    let prefix = expander.stderr
    guard let name = argv.first else {
      return CommandResult(stdout: "", stderr: prefix, status: expander.substitutionStatus ?? 0)
    }
    var result: CommandResult
    switch name {
    case "echo": result = Builtins.echo(Array(argv.dropFirst()))
    case "export": result = Builtins.export(Array(argv.dropFirst()), env: &env)
    case "unset": result = Builtins.unset(Array(argv.dropFirst()), env: &env)
    default:
      var environment = env.exported
      for (k, v) in assigned { environment[k] = v }
      result = exec(
        ShellCommand(
          argv: argv, stdin: stdin, environment: environment, braceSplits: braceSplits,
          emptyVariables: emptyVariables))
    }
    result.stderr = prefix + result.stderr
    return result
  }
}

/// Expands words: braces, then parameters, `$(...)`, `~`, then splits unquoted expansions on
/// blanks.
private struct Expander {
  let exec: (ShellCommand) -> CommandResult
  var stderr = ""
  /// The status of the last `$(...)`, which becomes the status of an assignment-only line.
  var substitutionStatus: Int32?
  /// Words that brace expansion split, for the tutor to explain.
  var braceSplits: [BraceSplit] = []
  /// `$NAME` / `${NAME}` expansions that gave nothing (unset or empty), in order.
  var emptyVariables: [String] = []

  private struct Segment {
    var text: String
    var quoted: Bool
    var split: Bool
  }

  /// The fields a word expands to (none for an unquoted empty expansion), after brace expansion.
  mutating func fields(_ word: ShellWord, env: inout ShellEnvironment) -> [String] {
    let words = braces(word)
    if words.count == 1 { return splitFields(words[0], env: &env) }
    var out: [String] = []
    for w in words { out += splitFields(w, env: &env) }
    braceSplits.append(BraceSplit(typed: word.text, words: out))
    return out
  }

  /// An assignment-like argument of `export` (`export X={a,b}` expands the braces, not the
  /// blanks): one string per brace-expanded word.
  mutating func assignmentWords(_ word: ShellWord, env: inout ShellEnvironment) -> [String] {
    let words = braces(word)
    var out: [String] = []
    for w in words { out.append(string(w, env: &env)) }
    if words.count != 1 { braceSplits.append(BraceSplit(typed: word.text, words: out)) }
    return out
  }

  /// Brace expansion of `word`; the word unchanged (and a message) when it would make too many.
  private mutating func braces(_ word: ShellWord) -> [ShellWord] {
    if let words = BraceExpansion.expand(word) { return words }
    stderr +=
      "ecs-tutor: brace expansion of \(ShellQuote.shortened(word.text)) would make more than "
      + "\(BraceExpansion.maxWords) words; it was left as typed\n"
    return [word]
  }

  private mutating func splitFields(_ word: ShellWord, env: inout ShellEnvironment) -> [String] {
    var segments: [Segment] = []
    expand(word, quoted: false, env: &env, into: &segments)
    var fields: [String] = []
    var current = ""
    var have = false
    for seg in segments {
      if !seg.split {
        current += seg.text
        if seg.quoted || !seg.text.isEmpty { have = true }
        continue
      }
      for c in seg.text.unicodeScalars {
        if c == " " || c == "\t" || c == "\n" {
          if have {
            fields.append(current)
            current = ""
            have = false
          }
        } else {
          current.unicodeScalars.append(c)
          have = true
        }
      }
    }
    if have { fields.append(current) }
    return fields
  }

  /// The word expanded as one string, without splitting (assignment values).
  mutating func string(_ word: ShellWord, env: inout ShellEnvironment) -> String {
    var segments: [Segment] = []
    expand(word, quoted: true, env: &env, into: &segments)
    return segments.map(\.text).joined()
  }

  private mutating func expand(
    _ word: ShellWord, quoted outer: Bool, env: inout ShellEnvironment, into out: inout [Segment]
  ) {
    for part in word.parts {
      switch part {
      case .literal(let text, let quoted):
        out.append(Segment(text: text, quoted: quoted || outer, split: false))
      case .tilde:
        out.append(Segment(text: env["HOME"] ?? "~", quoted: false, split: false))
      case .parameter(let p, let quoted):
        expandParameter(p, quoted: quoted || outer, env: &env, into: &out)
      case .command(let script, let quoted):
        // $(...) runs in a subshell: it sees the variables but cannot change them.
        var sub = env
        var runner = ShellRunner(exec: exec)
        runner.run(script, env: &sub)
        stderr += runner.stderr
        substitutionStatus = sub.lastStatus
        env.lastStatus = sub.lastStatus
        var text = runner.stdout
        while text.unicodeScalars.last == "\n" { text.unicodeScalars.removeLast() }
        let q = quoted || outer
        out.append(Segment(text: text, quoted: q, split: !q))
      }
    }
  }

  private mutating func expandParameter(
    _ p: ParameterExpansion, quoted: Bool, env: inout ShellEnvironment, into out: inout [Segment]
  ) {
    let value = Self.lookup(p.name, env: env)
    if p.length {
      out.append(Segment(text: String(value?.count ?? 0), quoted: quoted, split: !quoted))
      return
    }
    if p.name == "@" || p.name == "*" {
      // No positional parameters: even "$@" expands to no field at all.
      return
    }
    guard let op = p.op else {
      if (value ?? "").isEmpty && ShellEnvironment.isValidName(p.name) {
        emptyVariables.append(p.name)
      }
      out.append(Segment(text: value ?? "", quoted: quoted, split: !quoted))
      return
    }
    let isSet = p.colon ? !(value ?? "").isEmpty : value != nil
    let operand = p.operand ?? ShellWord()
    switch op {
    case .useDefault:
      if isSet {
        out.append(Segment(text: value ?? "", quoted: quoted, split: !quoted))
      } else {
        expand(operand, quoted: quoted, env: &env, into: &out)
      }
    case .assignDefault:
      if isSet {
        out.append(Segment(text: value ?? "", quoted: quoted, split: !quoted))
      } else {
        let text = string(operand, env: &env)
        if ShellEnvironment.isValidName(p.name) { env.set(p.name, text) }
        out.append(Segment(text: text, quoted: quoted, split: !quoted))
      }
    case .useAlternative:
      if isSet { expand(operand, quoted: quoted, env: &env, into: &out) }
    case .errorIfUnset:
      if isSet {
        out.append(Segment(text: value ?? "", quoted: quoted, split: !quoted))
      } else {
        let text = string(operand, env: &env)
        let message =
          text.isEmpty ? (p.colon ? "parameter null or not set" : "parameter not set") : text
        stderr += "ecs-tutor: \(p.name): \(message)\n"
      }
    }
  }

  private static func lookup(_ name: String, env: ShellEnvironment) -> String? {
    switch name {
    case "?": return String(env.lastStatus)
    case "#": return "0"
    case "0": return "ecs-tutor"
    case "@", "*": return ""
    default:
      if let first = name.unicodeScalars.first, first >= "1" && first <= "9" { return nil }
      return env[name]
    }
  }
}

/// `echo`, `export` and `unset`, as bash prints them.
private enum Builtins {
  static func echo(_ args: [String]) -> CommandResult {
    var newline = true
    var escapes = false
    var rest = args[...]
    while let first = rest.first, first.count > 1, first.hasPrefix("-"),
      first.dropFirst().allSatisfy({ "neE".contains($0) })
    {
      for flag in first.dropFirst() {
        switch flag {
        case "n": newline = false
        case "e": escapes = true
        default: escapes = false
        }
      }
      rest = rest.dropFirst()
    }
    var text = rest.joined(separator: " ")
    if escapes {
      let (expanded, stop) = interpretEscapes(text)
      text = expanded
      if stop { return .ok(text) }
    }
    return .ok(newline ? text + "\n" : text)
  }

  /// `echo -e` escapes; the flag is true after `\c` (stop output, no newline).
  private static func interpretEscapes(_ text: String) -> (String, Bool) {
    var out = ""
    let s = Array(text.unicodeScalars)
    var i = 0
    while i < s.count {
      let c = s[i]
      i += 1
      guard c == "\\", i < s.count else {
        out.unicodeScalars.append(c)
        continue
      }
      let e = s[i]
      i += 1
      switch e {
      case "n": out += "\n"
      case "t": out += "\t"
      case "r": out += "\r"
      case "a": out += "\u{07}"
      case "b": out += "\u{08}"
      case "e", "E": out += "\u{1B}"
      case "f": out += "\u{0C}"
      case "v": out += "\u{0B}"
      case "\\": out += "\\"
      case "c": return (out, true)
      default:
        out += "\\"
        out.unicodeScalars.append(e)
      }
    }
    return (out, false)
  }

  static func export(_ args: [String], env: inout ShellEnvironment) -> CommandResult {
    var remove = false
    var rest = args[...]
    while let first = rest.first, first.hasPrefix("-"), first.count > 1 {
      if first == "--" {
        rest = rest.dropFirst()
        break
      }
      for flag in first.dropFirst() {
        switch flag {
        case "n": remove = true
        case "p": break
        default:
          return .failure(
            "ecs-tutor: export: -\(flag): invalid option\n"
              + "export: usage: export [-n] [-p] [name[=value] ...]\n", status: 2)
        }
      }
      rest = rest.dropFirst()
    }
    if rest.isEmpty {
      var lines = ""
      for name in env.variables.keys.sorted() {
        guard let v = env.variables[name], v.exported else { continue }
        if let value = v.value {
          lines += "declare -x \(name)=\"\(escapeDeclare(value))\"\n"
        } else {
          lines += "declare -x \(name)\n"
        }
      }
      return .ok(lines)
    }
    var errors = ""
    for arg in rest {
      let name: Substring
      let value: Substring?
      if let eq = arg.firstIndex(of: "=") {
        name = arg[..<eq]
        value = arg[arg.index(after: eq)...]
      } else {
        name = arg[...]
        value = nil
      }
      guard ShellEnvironment.isValidName(name) else {
        errors += "ecs-tutor: export: `\(ShellQuote.shortened(arg))': not a valid identifier\n"
        continue
      }
      let n = String(name)
      if remove {
        if let value { env.set(n, String(value)) }
        env.unexport(n)
      } else if let value {
        env.set(n, String(value), exported: true)
      } else {
        env.export(n)
      }
    }
    return errors.isEmpty ? .ok() : .failure(errors, status: 1)
  }

  private static func escapeDeclare(_ value: String) -> String {
    var out = ""
    for c in value.unicodeScalars {
      if c == "\"" || c == "\\" || c == "$" || c == "`" { out += "\\" }
      out.unicodeScalars.append(c)
    }
    return out
  }

  static func unset(_ args: [String], env: inout ShellEnvironment) -> CommandResult {
    var errors = ""
    for arg in args {
      if arg == "-v" || arg == "-f" || arg == "--" { continue }
      guard ShellEnvironment.isValidName(arg) else {
        errors += "ecs-tutor: unset: `\(ShellQuote.shortened(arg))': not a valid identifier\n"
        continue
      }
      env.unset(arg)
    }
    return errors.isEmpty ? .ok() : .failure(errors, status: 1)
  }
}
