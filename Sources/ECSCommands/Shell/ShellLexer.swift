/// The line being typed, split into words for completion.
public struct PartialWords: Sendable, Equatable {
  /// The finished words of the command under the cursor (after the last `|`, `;`, `&&`, `||` or
  /// `$(`), quotes removed, `$` expansions left as typed, leading `NAME=value` words dropped.
  public var words: [String]
  /// The unfinished word under the cursor, quotes removed; "" when the line ends in a blank.
  public var current: String
  /// The unfinished word exactly as typed (with its quotes and backslashes).
  public var currentRaw: String
  /// The quote the cursor is inside: `'` or `"`; nil outside quotes.
  public var openQuote: Character?

  public var inQuote: Bool { openQuote != nil }

  public init(words: [String], current: String, currentRaw: String, openQuote: Character?) {
    self.words = words
    self.current = current
    self.currentRaw = currentRaw
    self.openQuote = openQuote
  }
}

/// Tolerant word splitting for completion: never fails, whatever was typed.
public enum ShellLexer {
  /// Splits `text` (the line up to the cursor) into the current command's words.
  ///
  /// ```swift
  /// let p = ShellLexer.partialWords("aws ecs list-tasks --cluster 'my cl")
  /// // p.words == ["aws", "ecs", "list-tasks", "--cluster"], p.current == "my cl",
  /// // p.openQuote == "'"
  /// ```
  public static func partialWords(_ text: String) -> PartialWords {
    let s = Array(text.unicodeScalars)
    var words: [String] = []
    var current = ""
    var raw = ""
    var inWord = false
    var quote: Unicode.Scalar?
    var i = 0

    func endWord() {
      if inWord { words.append(current) }
      current = ""
      raw = ""
      inWord = false
    }
    func newCommand() {
      words = []
      current = ""
      raw = ""
      inWord = false
    }

    while i < s.count {
      let c = s[i]
      if let q = quote {
        raw.unicodeScalars.append(c)
        if c == q {
          quote = nil
        } else if q == "\"" && c == "\\" && i + 1 < s.count {
          let n = s[i + 1]
          raw.unicodeScalars.append(n)
          if n == "$" || n == "`" || n == "\"" || n == "\\" {
            current.unicodeScalars.append(n)
          } else if n != "\n" {
            current.unicodeScalars.append(c)
            current.unicodeScalars.append(n)
          }
          i += 1
        } else if q == "\"" && c == "$" && i + 1 < s.count && s[i + 1] == "(" {
          quote = nil
          i += 1
          newCommand()
        } else {
          current.unicodeScalars.append(c)
        }
        i += 1
        continue
      }
      switch c {
      case " ", "\t", "\n":
        endWord()
      case "\\":
        if i + 1 < s.count {
          let n = s[i + 1]
          i += 1
          if n != "\n" {
            raw.unicodeScalars.append(c)
            raw.unicodeScalars.append(n)
            current.unicodeScalars.append(n)
            inWord = true
          }
        } else {
          raw.unicodeScalars.append(c)
          inWord = true
        }
      case "'", "\"":
        quote = c
        raw.unicodeScalars.append(c)
        inWord = true
      case ";", "|", "&", "(", ")", "<", ">":
        newCommand()
      case "$" where i + 1 < s.count && s[i + 1] == "(":
        i += 1
        newCommand()
      case "#" where !inWord:
        // A comment runs to the end of the line.
        while i + 1 < s.count && s[i + 1] != "\n" { i += 1 }
      default:
        current.unicodeScalars.append(c)
        raw.unicodeScalars.append(c)
        inWord = true
      }
      i += 1
    }
    while let first = words.first, let eq = first.firstIndex(of: "="),
      ShellEnvironment.isValidName(first[..<eq])
    {
      words.removeFirst()
    }
    return PartialWords(
      words: words, current: current, currentRaw: raw,
      openQuote: quote.map { Character($0) })
  }
}
