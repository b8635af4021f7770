/// A parsed command line: statements separated by `;` or newlines.
struct ShellScript: Sendable, Equatable {
  var statements: [AndOrList] = []
}

/// `a && b || c`: pipelines joined by `&&` / `||`, evaluated left to right with equal precedence.
struct AndOrList: Sendable, Equatable {
  enum Connector: Sendable, Equatable {
    case and, or
  }
  var first: Pipeline
  var rest: [(Connector, Pipeline)] = []

  static func == (a: AndOrList, b: AndOrList) -> Bool {
    a.first == b.first && a.rest.count == b.rest.count
      && zip(a.rest, b.rest).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
  }
}

/// `a | b | c`: each command's stdout is the next one's stdin.
struct Pipeline: Sendable, Equatable {
  var commands: [SimpleCommand]
}

/// `NAME=value ... word word ...`
struct SimpleCommand: Sendable, Equatable {
  var assignments: [Assignment] = []
  var words: [ShellWord] = []
}

struct Assignment: Sendable, Equatable {
  var name: String
  var value: ShellWord
}

/// One word as typed, before expansion.
struct ShellWord: Sendable, Equatable {
  var parts: [WordPart] = []
  /// `NAME` when the word reads `NAME=...` with an unquoted valid name: an assignment in
  /// command-prefix position (or an argument of `export`).
  var assignmentName: String?
  /// The word exactly as typed, quotes included (for messages about it).
  var text = ""
  /// The value part of an assignment word (what follows `NAME=`).
  var assignmentValue: ShellWord {
    guard assignmentName != nil else { return self }
    var rest = parts
    // The name and `=` are always the leading unquoted literal; drop through the first `=`.
    if case .literal(let text, quoted: false) = rest.first,
      let eq = text.unicodeScalars.firstIndex(of: "=")
    {
      let tail = String(text.unicodeScalars[text.unicodeScalars.index(after: eq)...])
      if tail.isEmpty {
        rest.removeFirst()
      } else {
        rest[0] = .literal(tail, quoted: false)
      }
    }
    return ShellWord(parts: rest, assignmentName: nil)
  }

  /// The word's text when it is one unquoted literal (to recognise `export`, keywords ...).
  var plainText: String? {
    if parts.count == 1, case .literal(let t, quoted: false) = parts[0] { return t }
    return nil
  }
}

indirect enum WordPart: Sendable, Equatable {
  case literal(String, quoted: Bool)
  case parameter(ParameterExpansion, quoted: Bool)
  case command(ShellScript, quoted: Bool)
  /// `~` at the start of a word (or of an assignment value): `$HOME`.
  case tilde
}

/// `$NAME`, `${NAME}`, `${NAME:-word}`, `${#NAME}` ...
struct ParameterExpansion: Sendable, Equatable {
  enum Operator: String, Sendable, Equatable {
    case useDefault = "-"
    case assignDefault = "="
    case useAlternative = "+"
    case errorIfUnset = "?"
  }
  var name: String
  var op: Operator?
  /// `:` before the operator: also applies when the variable is set but empty.
  var colon = false
  var operand: ShellWord?
  /// `${#NAME}`: the length of the value.
  var length = false
}

/// A line that cannot run: an unbalanced quote, an unsupported operator, a misplaced `;`.
public struct ShellSyntaxError: Error, Sendable, Equatable {
  /// The message without the `ecs-tutor: ` prefix.
  public var message: String
  /// The exit status bash uses for it (2 for syntax errors).
  public var status: Int32
  /// True when more input could complete the line (an unclosed quote or `$(`, a trailing `&&`).
  public var incomplete: Bool

  public init(_ message: String, status: Int32 = 2, incomplete: Bool = false) {
    self.message = message
    self.status = status
    self.incomplete = incomplete
  }
}
