import ECSCommands
import ECSTutor
import Foundation

/// Turns the session's outputs into terminal text: tutor lines wrapped to the width, `**bold**`
/// and `` `code` `` styled, and each style coloured — colour only when asked for.
struct Renderer {
  /// Whether to emit ANSI colour and bold.
  var color: Bool
  /// Columns to wrap tutor text at; nil leaves lines whole (not a terminal).
  var width: Int?

  /// The text of a tutor output, ready to print.
  func tutor(_ text: String, style: Output.Style) -> String {
    var text = text
    if style == .success && !text.drop(while: { $0 == " " }).hasPrefix("✓") { text = "✓ " + text }
    var lines: [String] = []
    for line in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    {
      let line = String(line)
      // A `check` report (failure) indents prose, not code.
      let isCode = line.prefix { $0 == " " }.count >= 4 && style != .failure
      let open = color ? Self.open(style) : ""
      let styled = isCode ? line : spans(line, restore: open)
      let wrapped =
        width.map { TextWidth.wrap(styled, width: $0, codeIndent: style != .failure) } ?? [styled]
      for piece in wrapped {
        let piece = piece.replacingOccurrences(of: "\u{A0}", with: " ")
        lines.append(color && !open.isEmpty ? open + piece + Self.reset : piece)
      }
    }
    return lines.joined(separator: "\n")
  }

  static let reset = "\u{1B}[0m"

  static func open(_ style: Output.Style) -> String {
    switch style {
    case .plain: ""
    case .success: "\u{1B}[32m"
    case .failure: "\u{1B}[31m"
    case .hint, .pointer: "\u{1B}[33m"
    case .heading: "\u{1B}[1m"
    case .dim: "\u{1B}[90m"
    }
  }

  /// Replaces `**bold**` and `` `code` `` spans by ANSI styles (or, without colour, drops the
  /// `**` and keeps the backticks so code still stands out). Unpaired markers stay as typed.
  func spans(_ line: String, restore: String) -> String {
    let characters = Array(line)
    var result = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "`", let end = characters[(index + 1)...].firstIndex(of: "`"), end > index + 1
      {
        // No-break spaces keep a code span on one line when wrapping; `tutor` turns them back.
        let code = String(characters[(index + 1)..<end]).replacingOccurrences(
          of: " ", with: "\u{A0}")
        result += color ? "\u{1B}[36m" + code + Self.reset + restore : "`" + code + "`"
        index = end + 1
        continue
      }
      if character == "*", index + 1 < characters.count, characters[index + 1] == "*",
        let end = Self.closingBold(characters, from: index + 2)
      {
        let bold = spans(String(characters[(index + 2)..<end]), restore: restore + "\u{1B}[1m")
        result += color ? "\u{1B}[1m" + bold + Self.reset + restore : bold
        index = end + 2
        continue
      }
      if character == "*", let end = Self.closingEmphasis(characters, from: index) {
        // *emphasis*: not part of the subset lessons use, but never shown with its asterisks.
        let inner = String(characters[(index + 1)..<end])
        result += color ? "\u{1B}[4m" + inner + Self.reset + restore : inner
        index = end + 1
        continue
      }
      result.append(character)
      index += 1
    }
    return result
  }

  /// The closing `*` of a single-asterisk span opened at `start`: the opening one is followed
  /// by a non-space, the closing one preceded by one, and neither is part of `**`.
  private static func closingEmphasis(_ characters: [Character], from start: Int) -> Int? {
    let after = start + 1
    guard after < characters.count, characters[after] != " ", characters[after] != "*",
      start == 0
        || (characters[start - 1] != "*"
          && !(characters[start - 1].isASCII && characters[start - 1].isLetter))
    else { return nil }
    var index = after + 1
    while index < characters.count {
      if characters[index] == "`" { return nil }
      if characters[index] == "*" {
        let next = index + 1 < characters.count ? characters[index + 1] : " "
        if characters[index - 1] != " " && next != "*" { return index }
        return nil
      }
      index += 1
    }
    return nil
  }

  private static func closingBold(_ characters: [Character], from start: Int) -> Int? {
    var index = start
    while index + 1 < characters.count {
      if characters[index] == "*" && characters[index + 1] == "*" {
        return index > start ? index : nil
      }
      index += 1
    }
    return nil
  }
}
