/// Parses a command line into a `ShellScript`: POSIX quoting, `$` expansions, `$(...)`, `;` `&&`
/// `||` `|` and newlines. Everything else a real shell does is rejected with a clear message.
struct ShellParser {
  private enum Token: Equatable {
    case word(ShellWord)
    case op(String)  // ";" "&&" "||" "|" ";;"
    case newline
    case close  // ")"
    case eof
  }

  /// How deeply `$(...)` and `${...}` may nest; deeper input is refused instead of exhausting
  /// the stack.
  static let maxDepth = 64

  private let s: [Unicode.Scalar]
  private var i = 0
  private var depth = 0
  private var pending: Token?
  /// The input ended in an unescaped `\` outside quotes (bash keeps it literal; the REPL reads on).
  private(set) var trailingBackslash = false

  init(_ text: String) {
    s = Array(text.unicodeScalars)
  }

  /// Parses the whole input.
  mutating func parse() throws(ShellSyntaxError) -> ShellScript {
    try parseList(inSubstitution: false)
  }

  // MARK: - Grammar

  private mutating func parseList(inSubstitution: Bool) throws(ShellSyntaxError) -> ShellScript {
    var script = ShellScript()
    while true {
      switch try peekToken() {
      case .eof:
        if inSubstitution {
          throw ShellSyntaxError(
            "unexpected EOF while looking for matching `)'", incomplete: true)
        }
        return script
      case .close:
        take()
        if inSubstitution { return script }
        throw Self.unexpected(")")
      case .newline:
        take()
      case .op(let op):
        throw Self.unexpected(op)
      case .word:
        script.statements.append(try parseAndOr(inSubstitution: inSubstitution))
        switch try peekToken() {
        case .op(";"): take()
        case .op(let op) where op != ";": throw Self.unexpected(op)
        default: break
        }
      }
    }
  }

  private mutating func parseAndOr(inSubstitution: Bool) throws(ShellSyntaxError) -> AndOrList {
    var list = AndOrList(first: try parsePipeline(inSubstitution: inSubstitution))
    while case .op(let op) = try peekToken(), op == "&&" || op == "||" {
      take()
      try skipNewlines(afterOperator: op, inSubstitution: inSubstitution)
      list.rest.append((op == "&&" ? .and : .or, try parsePipeline(inSubstitution: inSubstitution)))
    }
    return list
  }

  private mutating func parsePipeline(inSubstitution: Bool) throws(ShellSyntaxError) -> Pipeline {
    var pipeline = Pipeline(commands: [try parseCommand()])
    while case .op("|") = try peekToken() {
      take()
      try skipNewlines(afterOperator: "|", inSubstitution: inSubstitution)
      pipeline.commands.append(try parseCommand())
    }
    return pipeline
  }

  private mutating func skipNewlines(afterOperator op: String, inSubstitution: Bool)
    throws(ShellSyntaxError)
  {
    while true {
      switch try peekToken() {
      case .newline: take()
      case .eof:
        if inSubstitution {
          throw ShellSyntaxError(
            "unexpected EOF while looking for matching `)'", incomplete: true)
        }
        throw ShellSyntaxError("syntax error: unexpected end of file", incomplete: true)
      default: return
      }
    }
  }

  private static let keywords: Set<String> = [
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
    "function", "select", "{", "}", "[[", "]]",
  ]

  private mutating func parseCommand() throws(ShellSyntaxError) -> SimpleCommand {
    var command = SimpleCommand()
    while case .word(let word) = try peekToken() {
      take()
      if command.words.isEmpty, let name = word.assignmentName {
        command.assignments.append(Assignment(name: name, value: word.assignmentValue))
      } else {
        if command.words.isEmpty, let text = word.plainText, Self.keywords.contains(text) {
          throw ShellSyntaxError(
            "`\(text)' is not supported: ecs-tutor runs no real shell (no loops, conditionals "
              + "or functions); run the commands one at a time")
        }
        command.words.append(word)
      }
    }
    if command.words.isEmpty && command.assignments.isEmpty {
      switch try peekToken() {
      case .op(let op): throw Self.unexpected(op)
      case .close: throw Self.unexpected(")")
      default: throw Self.unexpected("newline")
      }
    }
    return command
  }

  private static func unexpected(_ token: String) -> ShellSyntaxError {
    ShellSyntaxError("syntax error near unexpected token `\(token)'")
  }

  // MARK: - Tokens

  private mutating func take() { pending = nil }

  private mutating func peekToken() throws(ShellSyntaxError) -> Token {
    if let pending { return pending }
    let t = try readToken()
    pending = t
    return t
  }

  private func peek(_ k: Int = 0) -> Unicode.Scalar? {
    i + k < s.count ? s[i + k] : nil
  }

  private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

  /// Characters that end an unquoted word.
  private static func isMeta(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case " ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")": return true
    default: return false
    }
  }

  private mutating func readToken() throws(ShellSyntaxError) -> Token {
    // Blanks, `\` newline continuations and comments between words.
    while let c = peek() {
      if Self.isBlank(c) {
        i += 1
      } else if c == "\\" && peek(1) == "\n" {
        i += 2
      } else if c == "#" {
        while let d = peek(), d != "\n" { i += 1 }
      } else {
        break
      }
    }
    guard let c = peek() else { return .eof }
    switch c {
    case "\n":
      i += 1
      return .newline
    case ";":
      if peek(1) == ";" {
        i += 2
        return .op(";;")
      }
      i += 1
      return .op(";")
    case "|":
      if peek(1) == "|" {
        i += 2
        return .op("||")
      }
      if peek(1) == "&" { throw Self.redirection("|&") }
      i += 1
      return .op("|")
    case "&":
      if peek(1) == "&" {
        i += 2
        return .op("&&")
      }
      if peek(1) == ">" {
        i += 1
        throw readRedirection(prefix: "&")
      }
      throw ShellSyntaxError(
        "`&' (background jobs) is not supported: ecs-tutor runs no real shell; "
          + "run the command without `&'")
    case "<", ">":
      throw readRedirection(prefix: "")
    case "(":
      throw ShellSyntaxError(
        "syntax error near unexpected token `(': ecs-tutor runs no real shell (no subshells or "
          + "functions); quote the text if it is part of an argument")
    case ")":
      i += 1
      return .close
    default:
      return .word(try readWord())
    }
  }

  /// Builds the error for a redirection operator starting at `i` (`>`, `>>`, `2>&1`, `<<` ...).
  private mutating func readRedirection(prefix: String) -> ShellSyntaxError {
    var op = prefix
    let start = i
    while let c = peek(), c == "<" || c == ">" || c == "&" || c == "|" || c == "-",
      i - start < 3
    {
      op.unicodeScalars.append(c)
      i += 1
    }
    if op.hasSuffix("&") {
      while let c = peek(), c >= "0" && c <= "9" {
        op.unicodeScalars.append(c)
        i += 1
      }
    }
    if peek() == "(" && (op == "<" || op == ">") {
      return ShellSyntaxError(
        "process substitution `\(op)(...)' is not supported: ecs-tutor runs no real shell")
    }
    if op.hasPrefix("<<") && !op.hasPrefix("<<<") {
      return ShellSyntaxError(
        "here-documents (`<<') are not supported: ecs-tutor runs no real shell; "
          + "put the text in single quotes instead (it may span several lines)")
    }
    return Self.redirection(op)
  }

  private static func redirection(_ op: String) -> ShellSyntaxError {
    ShellSyntaxError(
      "redirection `\(op)' is not supported: ecs-tutor runs no real shell, so there are no files "
        + "or streams to redirect; run the command without `\(op)' (or put the argument in "
        + "single quotes if `\(op)' is part of it)")
  }

  private static let backquoteError = ShellSyntaxError(
    "backquote command substitution `...` is not supported: ecs-tutor runs no real shell; "
      + "use $(...) instead (or, if the backquotes belong to a --query, put the query in single "
      + "quotes)")

  // MARK: - Words

  /// Collects a word's parts; literal text is buffered so long words build in linear time.
  private struct WordBuilder {
    private var done: [WordPart] = []
    private var text = ""
    private var textQuoted = false
    private var hasText = false
    /// The word so far is one unquoted literal (a candidate `NAME` of `NAME=value`).
    private var plain = true

    mutating func literal(_ t: String, quoted: Bool) {
      if !quoted && t.isEmpty { return }
      if hasText && textQuoted != quoted { flush() }
      if !hasText {
        hasText = true
        textQuoted = quoted
      }
      text += t
      if quoted { plain = false }
    }

    mutating func scalar(_ c: Unicode.Scalar, quoted: Bool) {
      if hasText && textQuoted != quoted { flush() }
      if !hasText {
        hasText = true
        textQuoted = quoted
      }
      text.unicodeScalars.append(c)
      if quoted { plain = false }
    }

    mutating func append(_ part: WordPart) {
      flush()
      done.append(part)
      plain = false
    }

    private mutating func flush() {
      guard hasText else { return }
      done.append(.literal(text, quoted: textQuoted))
      text = ""
      hasText = false
    }

    var isEmpty: Bool { done.isEmpty && !hasText }

    var parts: [WordPart] {
      mutating get {
        flush()
        return done
      }
    }

    var unquotedText: String? {
      guard plain else { return nil }
      if done.isEmpty { return hasText ? text : "" }
      return nil
    }
  }

  private mutating func readWord() throws(ShellSyntaxError) -> ShellWord {
    var w = WordBuilder()
    var assignmentName: String?
    let start = i
    while let c = peek() {
      if Self.isMeta(c) {
        if c == "<" || c == ">", let text = w.unquotedText, !text.isEmpty,
          text.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" })
        {
          throw readRedirection(prefix: text)
        }
        break
      }
      switch c {
      case "~" where w.isEmpty && tildeEnds(at: i + 1):
        i += 1
        w.append(.tilde)
      case "=" where assignmentName == nil:
        i += 1
        if let text = w.unquotedText, ShellEnvironment.isValidName(text) {
          assignmentName = text
          w.scalar("=", quoted: false)
          if peek() == "~" && tildeEnds(at: i + 1) {
            i += 1
            w.append(.tilde)
          }
        } else {
          w.scalar("=", quoted: false)
        }
      default:
        try readWordPiece(into: &w)
      }
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: s[start..<i])
    return ShellWord(parts: w.parts, assignmentName: assignmentName, text: text)
  }

  /// Whether a `~` ending just before `k` stands alone at the start of a word (`~`, `~/x`).
  private func tildeEnds(at k: Int) -> Bool {
    guard k < s.count else { return true }
    return s[k] == "/" || Self.isMeta(s[k])
  }

  /// Reads one character, quoted string or expansion of an unquoted word or `${x:-word}` operand.
  private mutating func readWordPiece(into w: inout WordBuilder)
    throws(ShellSyntaxError)
  {
    guard let c = peek() else { return }
    switch c {
    case "\\":
      if peek(1) == "\n" {
        i += 2
      } else if let next = peek(1) {
        i += 2
        w.scalar(next, quoted: true)
      } else {
        i += 1
        trailingBackslash = true
        w.scalar("\\", quoted: false)
      }
    case "'":
      i += 1
      var text = ""
      while true {
        guard let d = peek() else {
          throw ShellSyntaxError(
            "unexpected EOF while looking for matching `''", incomplete: true)
        }
        i += 1
        if d == "'" { break }
        text.unicodeScalars.append(d)
      }
      w.literal(text, quoted: true)
    case "\"":
      try readDoubleQuoted(into: &w)
    case "$":
      try readDollar(into: &w, quoted: false)
    case "`":
      throw Self.backquoteError
    default:
      i += 1
      w.scalar(c, quoted: false)
    }
  }

  private mutating func readDoubleQuoted(into w: inout WordBuilder) throws(ShellSyntaxError) {
    i += 1
    w.literal("", quoted: true)
    while true {
      guard let c = peek() else {
        throw ShellSyntaxError(
          "unexpected EOF while looking for matching `\"'", incomplete: true)
      }
      switch c {
      case "\"":
        i += 1
        return
      case "\\":
        let next = peek(1)
        if next == "\n" {
          i += 2
        } else if let next, next == "$" || next == "`" || next == "\"" || next == "\\" {
          i += 2
          w.scalar(next, quoted: true)
        } else {
          i += 1
          w.scalar("\\", quoted: true)
        }
      case "$":
        try readDollar(into: &w, quoted: true)
      case "`":
        throw Self.backquoteError
      default:
        i += 1
        w.scalar(c, quoted: true)
      }
    }
  }

  private mutating func readDollar(into w: inout WordBuilder, quoted: Bool)
    throws(ShellSyntaxError)
  {
    guard let n = peek(1) else {
      i += 1
      w.scalar("$", quoted: quoted)
      return
    }
    switch n {
    case "(":
      if peek(2) == "(" {
        throw ShellSyntaxError(
          "arithmetic expansion `$((...))' is not supported: ecs-tutor runs no real shell")
      }
      i += 2
      try enter()
      let saved = pending
      pending = nil
      let script = try parseList(inSubstitution: true)
      pending = saved
      depth -= 1
      w.append(.command(script, quoted: quoted))
    case "{":
      i += 2
      try enter()
      let p = try readBraced(quoted: quoted)
      depth -= 1
      w.append(.parameter(p, quoted: quoted))
    case "'" where !quoted:
      i += 2
      w.literal(try readANSIC(), quoted: true)
    case "\"" where !quoted:
      // $"..." (locale translation) reads as a plain double-quoted string.
      i += 1
    default:
      if ShellEnvironment.isNameStart(n) {
        i += 1
        var name = ""
        while let c = peek(), ShellEnvironment.isNameChar(c) {
          name.unicodeScalars.append(c)
          i += 1
        }
        w.append(.parameter(ParameterExpansion(name: name), quoted: quoted))
      } else if Self.isSpecialParameter(n) {
        i += 2
        w.append(.parameter(ParameterExpansion(name: String(n)), quoted: quoted))
      } else {
        i += 1
        w.scalar("$", quoted: quoted)
      }
    }
  }

  private static func isSpecialParameter(_ c: Unicode.Scalar) -> Bool {
    c == "?" || c == "#" || c == "@" || c == "*" || (c >= "0" && c <= "9")
  }

  private mutating func enter() throws(ShellSyntaxError) {
    depth += 1
    if depth > Self.maxDepth {
      throw ShellSyntaxError("expansions nested more than \(Self.maxDepth) levels deep")
    }
  }

  /// `${...}` after the `${`.
  private mutating func readBraced(quoted: Bool) throws(ShellSyntaxError) -> ParameterExpansion {
    let start = i
    var p = ParameterExpansion(name: "")
    if peek() == "#", let n = peek(1), n != "}" {
      p.length = true
      i += 1
    }
    if let c = peek(), ShellEnvironment.isNameStart(c) {
      while let d = peek(), ShellEnvironment.isNameChar(d) {
        p.name.unicodeScalars.append(d)
        i += 1
      }
    } else if let c = peek(), Self.isSpecialParameter(c) {
      p.name = String(c)
      i += 1
    }
    guard let c = peek() else { throw Self.unclosedBrace }
    if c == "}" && !p.name.isEmpty {
      i += 1
      return p
    }
    if !p.name.isEmpty && !p.length {
      if c == ":" {
        p.colon = true
        i += 1
      }
      if let o = peek(), let op = ParameterExpansion.Operator(rawValue: String(o)) {
        i += 1
        p.op = op
        var w = WordBuilder()
        while true {
          guard let d = peek() else { throw Self.unclosedBrace }
          if d == "}" {
            i += 1
            break
          }
          if quoted && d == "\"" {
            // Inside "${x:-...}" a double quote ends nothing; keep it simple and literal.
            i += 1
            w.scalar(d, quoted: true)
            continue
          }
          if Self.isMeta(d) {
            i += 1
            w.scalar(d, quoted: quoted)
            continue
          }
          try readWordPiece(into: &w)
        }
        p.operand = ShellWord(parts: quoted ? Self.quoting(w.parts) : w.parts)
        return p
      }
    }
    // Anything else bash would call a bad substitution; show what was typed.
    i = start
    var text = "${"
    while let d = peek(), d != "}" {
      text.unicodeScalars.append(d)
      i += 1
    }
    guard peek() == "}" else { throw Self.unclosedBrace }
    i += 1
    throw ShellSyntaxError("\(ShellQuote.shortened(text + "}")): bad substitution", status: 1)
  }

  private static let unclosedBrace = ShellSyntaxError(
    "unexpected EOF while looking for matching `}'", incomplete: true)

  private static func quoting(_ parts: [WordPart]) -> [WordPart] {
    parts.map { part in
      switch part {
      case .literal(let t, _): return .literal(t, quoted: true)
      case .parameter(let p, _): return .parameter(p, quoted: true)
      case .command(let c, _): return .command(c, quoted: true)
      case .tilde: return .tilde
      }
    }
  }

  /// `$'...'` after the `$'`: backslash escapes as bash's ANSI-C quoting reads them.
  private mutating func readANSIC() throws(ShellSyntaxError) -> String {
    var text = ""
    while true {
      guard let c = peek() else {
        throw ShellSyntaxError(
          "unexpected EOF while looking for matching `''", incomplete: true)
      }
      i += 1
      if c == "'" { return text }
      guard c == "\\", let e = peek() else {
        text.unicodeScalars.append(c)
        continue
      }
      i += 1
      switch e {
      case "n": text += "\n"
      case "t": text += "\t"
      case "r": text += "\r"
      case "a": text += "\u{07}"
      case "b": text += "\u{08}"
      case "e", "E": text += "\u{1B}"
      case "f": text += "\u{0C}"
      case "v": text += "\u{0B}"
      case "\\", "'", "\"", "?": text.unicodeScalars.append(e)
      case "x":
        var value: UInt32 = 0
        var count = 0
        while count < 2, let h = peek(), let d = Self.hexValue(h) {
          value = value * 16 + d
          i += 1
          count += 1
        }
        if count == 0 {
          text += "\\x"
        } else if let u = Unicode.Scalar(value) {
          text.unicodeScalars.append(u)
        }
      default:
        text += "\\"
        text.unicodeScalars.append(e)
      }
    }
  }

  private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 87
    case "A"..."F": return c.value - 55
    default: return nil
    }
  }
}
