/// What a Tab press does, decided from the line and the completer's candidates (no terminal
/// involved, so it can be tested).
///
/// ```swift
/// TabCompletion.action(word: "reg", candidates: ["register-task-definition"], repeated: false)
/// // .insert("ister-task-definition ")
/// ```
public enum TabCompletion {
  public enum Action: Sendable, Equatable {
    /// Type these characters at the cursor.
    case insert(String)
    /// Delete `deleting` characters before the cursor, then type `text`.
    case replace(deleting: Int, with: String)
    /// Show these candidates below the line.
    case list([String])
    /// Nothing to do: ring the bell.
    case beep
  }

  /// The word before the cursor: the bytes after the last space or tab up to `cursor`.
  public static func word(in line: String, cursorByteOffset: Int) -> String {
    let bytes = Array(line.utf8)
    let end = max(0, min(cursorByteOffset, bytes.count))
    var begin = end
    while begin > 0 && bytes[begin - 1] != UInt8(ascii: " ")
      && bytes[begin - 1] != UInt8(ascii: "\t")
    {
      begin -= 1
    }
    return String(decoding: bytes[begin..<end], as: UTF8.self)
  }

  /// One candidate: complete it (with a space unless it ends in `=`, `/`, `,` or `:`); several:
  /// extend to their common prefix, or list them when that adds nothing and Tab was pressed twice.
  public static func action(word: String, candidates: [String], repeated: Bool) -> Action {
    var unique: [String] = []
    for candidate in candidates where !candidate.isEmpty && !unique.contains(candidate) {
      unique.append(candidate)
    }
    guard let first = unique.first else { return .beep }
    if unique.count == 1 {
      let ending = first.last.map { "=/,:".contains($0) } ?? false
      let text = ending ? first : first + " "
      if first == word && ending { return .beep }
      if first.hasPrefix(word) { return .insert(String(text.dropFirst(word.count))) }
      return .replace(deleting: word.count, with: text)
    }
    let prefix = commonPrefix(unique)
    if prefix.count > word.count && prefix.hasPrefix(word) {
      return .insert(String(prefix.dropFirst(word.count)))
    }
    if prefix.count > 0 && !prefix.hasPrefix(word) && !word.hasPrefix(prefix) {
      return .replace(deleting: word.count, with: prefix)
    }
    return repeated ? .list(unique) : .beep
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
      prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
    }
    return prefix
  }

  /// Lays candidates out in columns for a terminal `width` columns wide.
  public static func columns(_ candidates: [String], width: Int) -> [String] {
    let longest = candidates.map(\.count).max() ?? 0
    let cell = longest + 2
    let perRow = max(1, width / max(1, cell))
    let rows = (candidates.count + perRow - 1) / perRow
    var lines: [String] = []
    for row in 0..<rows {
      var line = ""
      for column in 0..<perRow {
        let index = column * rows + row
        guard index < candidates.count else { break }
        let text = candidates[index]
        let isLast = (column + 1) * rows + row >= candidates.count || column == perRow - 1
        line += isLast ? text : text + String(repeating: " ", count: cell - text.count)
      }
      lines.append(line)
    }
    return lines
  }
}
