/// Writes words back as bash reads them, for the commands the tutor shows ("this is the same
/// as ...", "try ..."): a learner who copies one into a real terminal gets the same words.
///
/// ```swift
/// ShellQuote.word("demo")                    // demo
/// ShellQuote.word("#!/bin/bash\necho hi")   // $'#!/bin/bash\necho hi'
/// ShellQuote.word("a{b,c}")                 // 'a{b,c}'
/// ShellQuote.command(["aws", "ecs", "list-tasks", "--cluster", "my cluster"])
/// // aws ecs list-tasks --cluster 'my cluster'
/// ```
public enum ShellQuote {
  /// `word` bare when bash would read it back unchanged, else in single quotes (ANSI-C `$'...'`
  /// when it holds a newline, tab or other control character, so the command stays on one line;
  /// double quotes when it holds a `'` and nothing that double quotes would change — never with
  /// `!`, which is history expansion in double quotes in an interactive bash).
  public static func word(_ word: String) -> String {
    if !word.isEmpty && word.unicodeScalars.allSatisfy(isSafe) {
      return word
    }
    if word.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      var out = "$'"
      for c in word.unicodeScalars {
        switch c {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\\": out += "\\\\"
        case "'": out += "\\'"
        default:
          if c.value < 0x20 || c.value == 0x7F {
            let hex = String(c.value, radix: 16)
            out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
          } else {
            out.unicodeScalars.append(c)
          }
        }
      }
      return out + "'"
    }
    // A `'` reads better in double quotes, when nothing in the word is special there.
    if word.contains("'")
      && !word.unicodeScalars.contains(where: { "\"$`\\!".unicodeScalars.contains($0) })
    {
      return "\"" + word + "\""
    }
    return "'" + word.replacingAll("'", with: "'\\''") + "'"
  }

  /// The words joined by spaces, each quoted as ``word(_:)`` does.
  public static func command(_ argv: [String]) -> String {
    argv.map(word).joined(separator: " ")
  }

  /// `text` cut to `limit` characters (with `…`) for a message that names it, so a pasted
  /// megabyte does not flood the screen.
  public static func shortened(_ text: String, limit: Int = 200) -> String {
    text.count > limit ? String(text.prefix(limit)) + "…" : text
  }

  /// Characters bash takes literally anywhere in an unquoted word (braces, `~`, `!`, globs and
  /// blanks are not among them).
  private static func isSafe(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "a"..."z", "A"..."Z", "0"..."9": return true
    case "-", "_", ".", "/", ":", "=", ",", "@", "%", "+": return true
    default: return c.value >= 0x80
    }
  }
}

extension String {
  /// Every `target` replaced by `replacement` (no Foundation in this module).
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for c in self {
      if c == target { out += replacement } else { out.append(c) }
    }
    return out
  }
}
