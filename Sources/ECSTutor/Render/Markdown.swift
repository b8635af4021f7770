import ECSCommands
import Foundation

/// The small Markdown subset lesson text uses, rendered for a terminal: paragraphs, `-` lists,
/// `code`, **bold**, indented code blocks and `|` tables. Inline marks are left for the
/// executable to style; tables are aligned here (Japanese counts two columns). The line breaks
/// inside a paragraph or list item are the YAML's, not the reader's: they are joined, so the
/// executable wraps at the terminal's width instead.
enum Markdown {
  static func render(_ text: String) -> String {
    renderLines(joinParagraphs(text))
  }

  /// Joins each paragraph's (and list item's) lines into one line: with a space, except between
  /// two Japanese characters or next to Japanese punctuation, where Japanese has none.
  static func joinParagraphs(_ text: String) -> String {
    var out: [String] = []
    var open = false  // whether the last line is prose that may continue
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let indent = line.prefix { $0 == " " }.count
      // As in Markdown, a code block starts after a blank line; an indented line right after
      // prose continues it.
      let isCode = indent >= 4 && !open
      // A line all in bold is a heading.
      let heading = trimmed.count > 4 && trimmed.hasPrefix("**") && trimmed.hasSuffix("**")
      let startsBlock =
        trimmed.isEmpty || isCode || trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ")
        || trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || trimmed.hasPrefix("• ")
        || heading
      if open, !startsBlock, let last = out.last {
        out[out.count - 1] = join(last, trimmed)
        continue
      }
      out.append(line)
      open =
        !trimmed.isEmpty && !isCode && !heading && !trimmed.hasPrefix("|")
        && !trimmed.hasPrefix("#")
    }
    return out.joined(separator: "\n")
  }

  static func join(_ a: String, _ b: String) -> String {
    let a = a.replacingTrailingSpaces()
    // `**` marks vanish on screen: look at the characters beside them.
    guard let x = a.last(where: { $0 != "*" }), let y = b.first(where: { $0 != "*" }) else {
      return a + b
    }
    let tight =
      (TextWidth.columns(of: x) == 2 && TextWidth.columns(of: y) == 2)
      || japanesePunctuation.contains(x) || japanesePunctuation.contains(y)
    return a + (tight ? "" : " ") + b
  }

  static let japanesePunctuation: Set<Character> = [
    "、", "。", "「", "」", "（", "）", "『", "』", "：", "？", "！",
  ]

  static func renderLines(_ text: String) -> String {
    var out: [String] = []
    var tableRows: [[String]] = []
    func flushTable() {
      if !tableRows.isEmpty { out.append(table(tableRows, indent: 2)) }
      tableRows = []
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count > 1 {
        let cells = trimmed.dropFirst().dropLast().split(
          separator: "|", omittingEmptySubsequences: false
        )
        .map { $0.trimmingCharacters(in: .whitespaces) }
        // The |---|---| separator row carries no content.
        if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }
        tableRows.append(cells)
        continue
      }
      flushTable()
      if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
        let indent = String(line.prefix { $0 == " " })
        out.append(indent + "• " + trimmed.dropFirst(2))
      } else if trimmed.hasPrefix("#") {
        out.append("**" + trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) + "**")
      } else {
        out.append(line)
      }
    }
    flushTable()
    while out.last?.isEmpty == true { out.removeLast() }
    return out.joined(separator: "\n")
  }

  /// Rows as aligned columns; the first row of a Markdown table is its header.
  static func table(_ rows: [[String]], indent: Int) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.enumerated() {
        widths[i] = max(widths[i], TextWidth.columns(of: strip(cell)))
      }
    }
    return rows.map { row in
      var line = String(repeating: " ", count: indent)
      for (i, cell) in row.enumerated() {
        let pad = i == row.count - 1 ? 0 : widths[i] - TextWidth.columns(of: strip(cell)) + 2
        line += cell + String(repeating: " ", count: max(pad, 0))
      }
      return line.replacingTrailingSpaces()
    }.joined(separator: "\n")
  }

  /// The text as shown, without `**` and backtick marks.
  static func strip(_ s: String) -> String {
    s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
  }
}

extension String {
  func replacingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
