/// Where a statement sits in a policy's text, as the policy simulator reports it: the line and
/// column (1-based) of its opening `{`, and of the character after its closing `}`.
public struct TextSpan: Sendable, Equatable {
  public var startLine: Int
  public var startColumn: Int
  public var endLine: Int
  public var endColumn: Int
}

enum PolicyText {
  /// The spans of the statements of the policy `text` (`Statement` as one object or a list), in
  /// order; empty when the text is not a policy the scanner understands.
  ///
  /// ```swift
  /// PolicyText.statementSpans("{\n  \"Statement\": {\n    \"Effect\": \"Allow\"\n  }\n}")
  /// // [TextSpan(startLine: 2, startColumn: 16, endLine: 4, endColumn: 4)]
  /// ```
  static func statementSpans(_ text: String) -> [TextSpan] {
    let chars = Array(text)
    var i = 0
    var line = 1
    var column = 1
    func advance() {
      if chars[i] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      i += 1
    }
    func skipString() {
      advance()  // opening quote
      while i < chars.count && chars[i] != "\"" {
        if chars[i] == "\\" && i + 1 < chars.count { advance() }
        advance()
      }
      if i < chars.count { advance() }
    }
    func skipSpace() { while i < chars.count && chars[i].isWhitespace { advance() } }
    /// Skips one JSON value, returning its span when it is an object.
    func value() -> TextSpan? {
      skipSpace()
      guard i < chars.count else { return nil }
      let (l, c) = (line, column)
      switch chars[i] {
      case "\"": skipString()
      case "{", "[":
        var depth = 0
        repeat {
          if chars[i] == "\"" {
            skipString()
            continue
          }
          if chars[i] == "{" || chars[i] == "[" { depth += 1 }
          if chars[i] == "}" || chars[i] == "]" { depth -= 1 }
          advance()
        } while i < chars.count && depth > 0
      default:
        while i < chars.count && !",}]".contains(chars[i]) && !chars[i].isWhitespace { advance() }
      }
      return TextSpan(startLine: l, startColumn: c, endLine: line, endColumn: column)
    }
    skipSpace()
    guard i < chars.count, chars[i] == "{" else { return [] }
    advance()
    while i < chars.count {
      skipSpace()
      guard i < chars.count, chars[i] == "\"" else { return [] }
      let keyStart = i
      skipString()
      let key = String(chars[(keyStart + 1)..<(i - 1)])
      skipSpace()
      guard i < chars.count, chars[i] == ":" else { return [] }
      advance()
      skipSpace()
      if key == "Statement" {
        guard i < chars.count else { return [] }
        if chars[i] == "{" { return value().map { [$0] } ?? [] }
        guard chars[i] == "[" else { return [] }
        advance()
        var spans: [TextSpan] = []
        while i < chars.count {
          skipSpace()
          if i < chars.count && chars[i] == "]" { break }
          if let s = value() { spans.append(s) }
          skipSpace()
          if i < chars.count && chars[i] == "," { advance() }
        }
        return spans
      }
      _ = value()
      skipSpace()
      if i < chars.count && chars[i] == "," { advance() } else { break }
    }
    return []
  }
}
