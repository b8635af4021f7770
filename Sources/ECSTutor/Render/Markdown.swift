import ECSCommands
import Foundation

/// The small Markdown subset lesson text uses, rendered for a terminal: paragraphs, `-` lists,
/// `code`, **bold**, indented code blocks and `|` tables. Inline marks are left for the
/// executable to style; tables are aligned here (Japanese counts two columns).
enum Markdown {
  static func render(_ text: String) -> String {
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
