import ECSModel

/// The AWS CLI's `--output` choices.
public enum OutputFormat: String, Sendable, CaseIterable {
  case json, text, table
}

/// Renders a response the way the AWS CLI prints it for `--output json|text|table`, ported from
/// awscli's formatter.py, text.py and table.py (color off).
///
/// ```swift
/// let v: JSONValue = ["clusterArns": ["arn:aws:ecs:us-east-1:123456789012:cluster/demo"]]
/// OutputFormatter.render(v, format: .text)
/// // "CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\n"
/// OutputFormatter.render(v, format: .table, title: "ListClusters")
/// ```
public enum OutputFormatter {
  /// The full text the CLI writes to stdout, trailing newline included; "" for an empty response
  /// (`{}` in every format, and anything Python calls false in the table format).
  ///
  /// `title` is the operation name the table format shows on top (`DescribeClusters`);
  /// `terminalWidth` is where the table format turns wide tables vertical (80 off a terminal).
  public static func render(
    _ v: JSONValue, format: OutputFormat, title: String = "", terminalWidth: Int = 80
  ) -> String {
    switch format {
    case .json: return json(v)
    case .text: return text(v)
    case .table: return table(v, title: title, terminalWidth: terminalWidth)
    }
  }

  /// `--output json`: indented JSON and a newline; nothing for `{}` (a response without a body).
  public static func json(_ v: JSONValue) -> String {
    if case .object(let members) = v, members.isEmpty { return "" }
    return JSONPrinter.print(v) + "\n"
  }

  // MARK: - Text (awscli/text.py)

  /// `--output text`: tab-separated scalars, one line per object, list identifiers upper-cased.
  public static func text(_ v: JSONValue) -> String {
    var out = ""
    formatText(v, identifier: nil, scalarKeys: nil, into: &out)
    return out
  }

  private static func formatText(
    _ item: JSONValue, identifier: String?, scalarKeys: [String]?, into out: inout String
  ) {
    switch item {
    case .object(let members):
      formatDict(members, identifier: identifier, scalarKeys: scalarKeys, into: &out)
    case .array(let elements):
      formatList(elements, identifier: identifier, into: &out)
    default:
      out += pythonStr(item) + "\n"
    }
  }

  private static func isScalar(_ v: JSONValue) -> Bool {
    switch v {
    case .array, .object: return false
    default: return true
    }
  }

  private static func formatList(_ items: [JSONValue], identifier: String?, into out: inout String)
  {
    if items.isEmpty { return }
    if items.contains(where: { $0.objectValue != nil }) {
      let allKeys = allScalarKeys(items)
      for element in items {
        formatText(element, identifier: identifier, scalarKeys: allKeys, into: &out)
      }
    } else if items.contains(where: { $0.arrayValue != nil }) {
      let scalars = items.filter(isScalar)
      if !scalars.isEmpty { formatScalarList(scalars, identifier: identifier, into: &out) }
      for nonScalar in items where !isScalar(nonScalar) {
        formatText(nonScalar, identifier: identifier, scalarKeys: nil, into: &out)
      }
    } else {
      formatScalarList(items, identifier: identifier, into: &out)
    }
  }

  private static func formatScalarList(
    _ items: [JSONValue], identifier: String?, into out: inout String
  ) {
    if let identifier {
      for item in items { out += "\(pythonUpper(identifier))\t\(pythonStr(item))\n" }
    } else {
      out += items.map(pythonStr).joined(separator: "\t") + "\n"
    }
  }

  private static func formatDict(
    _ members: [(String, JSONValue)], identifier: String?, scalarKeys: [String]?,
    into out: inout String
  ) {
    var scalars: [String] = []
    var nonScalars: [(String, JSONValue)] = []
    if let scalarKeys {
      for key in scalarKeys {
        scalars.append(pythonStr(members.first(where: { $0.0 == key })?.1 ?? .string("")))
      }
      let known = Set(scalarKeys)
      for (key, value) in sortedMembers(members) where !known.contains(key) {
        nonScalars.append((key, value))
      }
    } else {
      for (key, value) in sortedMembers(members) {
        if isScalar(value) {
          scalars.append(pythonStr(value))
        } else {
          nonScalars.append((key, value))
        }
      }
    }
    if !scalars.isEmpty {
      if let identifier { scalars.insert(pythonUpper(identifier), at: 0) }
      out += scalars.joined(separator: "\t") + "\n"
    }
    for (key, value) in nonScalars {
      formatText(value, identifier: key, scalarKeys: nil, into: &out)
    }
  }

  private static func allScalarKeys(_ items: [JSONValue]) -> [String] {
    var seen = Set<String>()
    for item in items {
      for (key, value) in item.objectValue ?? [] where isScalar(value) { seen.insert(key) }
    }
    return seen.sorted(by: pythonLess)
  }

  // MARK: - Table (awscli/formatter.py TableFormatter, awscli/table.py MultiTable)

  /// `--output table`: the boxed tables, titled with the operation name.
  public static func table(_ v: JSONValue, title: String, terminalWidth: Int = 80) -> String {
    var builder = TableBuilder()
    guard builder.build(title: title, current: v, indent: 0) else { return "" }
    return builder.table.render(terminalWidth: terminalWidth)
  }

  private struct TableBuilder {
    var table = MultiTable()

    mutating func build(title: String?, current: JSONValue, indent: Int) -> Bool {
      guard OutputFormatter.isTruthy(current) else { return false }
      if let title { table.newSection(title, indent: indent) }
      switch current {
      case .array(let items):
        if let first = items.first, first.objectValue != nil {
          buildFromList(items, indent: indent, title: title ?? "")
        } else {
          for item in items {
            switch item {
            case .array(let els) where els.allSatisfy(OutputFormatter.isScalar):
              table.addRow(els.map(OutputFormatter.pythonStr))
            case .object(let members):
              // Iterating a dict yields its keys, so Python adds them as the row.
              table.addRow(members.map(\.0))
            case .array:
              _ = build(title: nil, current: item, indent: 0)
            default:
              table.addRow([OutputFormatter.pythonStr(item)])
            }
          }
        }
      case .object(let members):
        buildFromDict(members, indent: indent)
      default:
        break
      }
      return true
    }

    private mutating func buildFromDict(_ members: [(String, JSONValue)], indent: Int) {
      let (headers, more) = OutputFormatter.groupScalarKeys(members)
      if headers.count == 1, let only = headers.first {
        table.addRow([only, OutputFormatter.pythonStr(OutputFormatter.member(members, only))])
      } else if !headers.isEmpty {
        table.addHeader(headers)
        table.addRow(headers.map { OutputFormatter.pythonStr(OutputFormatter.member(members, $0)) })
      }
      for key in more {
        _ = build(title: key, current: OutputFormatter.member(members, key), indent: indent + 1)
      }
    }

    private mutating func buildFromList(_ items: [JSONValue], indent: Int, title: String) {
      var headerSet = Set<String>()
      var moreSet = Set<String>()
      for item in items {
        let (h, m) = OutputFormatter.groupScalarKeys(item.objectValue ?? [])
        headerSet.formUnion(h)
        moreSet.formUnion(m)
      }
      let headers = headerSet.sorted(by: OutputFormatter.pythonLess)
      let more = moreSet.sorted(by: OutputFormatter.pythonLess)
      table.addHeader(headers)
      var first = true
      for element in items {
        let members = element.objectValue ?? []
        if !first && !more.isEmpty {
          table.newSection(title, indent: indent)
          table.addHeader(headers)
        }
        first = false
        table.addRow(
          headers.map { h in
            OutputFormatter.pythonStr(members.first(where: { $0.0 == h })?.1 ?? .string(""))
          })
        for key in more {
          if let value = members.first(where: { $0.0 == key })?.1 {
            _ = build(title: key, current: value, indent: indent + 1)
          }
        }
      }
    }
  }

  private static func member(_ members: [(String, JSONValue)], _ key: String) -> JSONValue {
    members.first(where: { $0.0 == key })?.1 ?? .null
  }

  private static func groupScalarKeys(_ members: [(String, JSONValue)]) -> ([String], [String]) {
    var headers: [String] = []
    var more: [String] = []
    for (key, value) in members {
      if isScalar(value) {
        headers.append(key)
      } else {
        more.append(key)
      }
    }
    return (headers.sorted(by: pythonLess), more.sorted(by: pythonLess))
  }

  private struct Section {
    var title = ""
    var headers: [String] = []
    var rows: [[String]] = []
    var indent = 0
    var numCols: Int?
    var maxWidths: [Int] = []

    func columnWidths(padding: Int, maxWidth: Int?) -> [Int] {
      let unscaled = maxWidths.map { $0 + padding }
      guard let maxWidth, !unscaled.isEmpty else { return unscaled }
      let total = unscaled.reduce(0, +)
      guard total > 0 else { return unscaled }
      let scale = Double(maxWidth) / Double(total)
      // Python 3's round() rounds half to even.
      var scaled = unscaled.map { Int((scale * Double($0)).rounded(.toNearestOrEven)) }
      var offBy = scaled.reduce(0, +) - maxWidth
      while offBy != 0 {
        let order: [Int] =
          offBy < 0 ? Array(scaled.indices.reversed()) : Array(scaled.indices)
        for i in order {
          if offBy > 0 {
            scaled[i] -= 1
            offBy -= 1
          } else {
            scaled[i] += 1
            offBy += 1
          }
          if offBy == 0 { break }
        }
      }
      return scaled
    }

    func totalWidth(padding: Int, withBorder: Bool, outerPadding: Int) -> Int {
      var total = columnWidths(padding: 0, maxWidth: nil).reduce(0) { $0 + $1 + padding }
      if withBorder { total += 2 }
      total += 2 * outerPadding
      return max(OutputFormatter.textWidth(title) + 2 + 2 * outerPadding, total)
    }

    mutating func addHeader(_ h: [String]) {
      updateMaxWidths(h)
      if numCols == nil { numCols = h.count }
      headers = h
    }

    mutating func addRow(_ row: [String]) {
      if numCols == nil { numCols = row.count }
      // Python raises on a ragged row; pad or cut it instead so output still appears.
      var row = row
      if let n = numCols {
        if row.count < n { row += Array(repeating: "", count: n - row.count) }
        if row.count > n { row = Array(row.prefix(n)) }
      }
      rows.append(row)
      updateMaxWidths(row)
    }

    private mutating func updateMaxWidths(_ row: [String]) {
      if maxWidths.isEmpty {
        maxWidths = row.map(OutputFormatter.textWidth)
      } else {
        for (i, el) in row.enumerated() where i < maxWidths.count {
          maxWidths[i] = max(OutputFormatter.textWidth(el), maxWidths[i])
        }
      }
    }
  }

  private struct MultiTable {
    var sections: [Section] = []

    mutating func newSection(_ title: String, indent: Int) {
      var s = Section()
      s.title = title
      s.indent = indent
      sections.append(s)
    }

    mutating func addHeader(_ headers: [String]) {
      if sections.isEmpty { sections.append(Section()) }
      sections[sections.count - 1].addHeader(headers)
    }

    mutating func addRow(_ row: [String]) {
      if sections.isEmpty { sections.append(Section()) }
      sections[sections.count - 1].addRow(row)
    }

    private func maxWidth(_ sections: [Section]) -> Int {
      sections.map { $0.totalWidth(padding: 4, withBorder: true, outerPadding: $0.indent) }
        .max() ?? 0
    }

    func render(terminalWidth: Int) -> String {
      var sections = self.sections
      var width = maxWidth(sections)
      if width > terminalWidth {
        // Single-row sections turn vertical: one `header | value` row per column.
        for (i, section) in sections.enumerated()
        where section.rows.count == 1 && !section.headers.isEmpty {
          var vertical = Section()
          vertical.title = section.title
          vertical.indent = section.indent
          for (h, el) in zip(section.headers, section.rows[0]) { vertical.addRow([h, el]) }
          sections[i] = vertical
        }
        width = maxWidth(sections)
      }
      var out = String(repeating: "-", count: width) + "\n"
      for section in sections { renderSection(section, maxWidth: width, into: &out) }
      return out
    }

    private func renderSection(_ section: Section, maxWidth: Int, into out: inout String) {
      let edge = String(repeating: "|", count: section.indent)
      func line(_ text: String) { out += edge + text + edge + "\n" }
      let width = maxWidth - section.indent * 2
      if !section.title.isEmpty {
        line(centerText(section.title, width, left: "|", right: "|"))
        if section.headers.isEmpty && section.rows.isEmpty {
          line("+" + String(repeating: "-", count: max(0, width - 2)) + "+")
        }
      }
      if !section.headers.isEmpty {
        let widths = section.columnWidths(padding: 4, maxWidth: width)
        var current = ""
        for (k, (w, header)) in zip(widths, section.headers).enumerated() {
          current += centerText(header, w, left: k == 0 ? "|" : "", right: "|")
        }
        line(lineBreak(widths))
        line(current)
      }
      if !section.rows.isEmpty {
        let widths = section.columnWidths(padding: 4, maxWidth: width)
        if widths.isEmpty { return }
        line(lineBreak(widths))
        for row in section.rows {
          var current = ""
          for (k, (w, element)) in zip(widths, row).enumerated() {
            current += alignLeft(element, w, left: k == 0 ? "|" : "", right: "|")
          }
          line(current)
        }
        line(lineBreak(widths))
      }
    }

    private func lineBreak(_ widths: [Int]) -> String {
      var parts = ""
      for (k, w) in widths.enumerated() {
        if k == 0 {
          parts += "+" + String(repeating: "-", count: max(0, w - 2)) + "+"
        } else {
          parts += String(repeating: "-", count: max(0, w - 1)) + "+"
        }
      }
      return parts
    }

    private func centerText(_ text: String, _ length: Int, left: String, right: String) -> String {
      let textLength = OutputFormatter.textWidth(text)
      let charStart = floorDiv(length, 2) - floorDiv(textLength, 2) - 1
      let soFar = left.count + charStart + textLength
      let rightSpaces = length - right.count - soFar
      return left + spaces(charStart) + text + spaces(rightSpaces) + right
    }

    private func alignLeft(_ text: String, _ length: Int, left: String, right: String) -> String {
      let textLength = OutputFormatter.textWidth(text)
      let computed = textLength + 2 + left.count + right.count
      let padding = length - computed >= 0 ? 2 : 0
      let soFar = left.count + padding + textLength
      return left + spaces(padding) + text + spaces(length - soFar - right.count) + right
    }

    private func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }

    private func floorDiv(_ a: Int, _ b: Int) -> Int {
      let q = a / b
      return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
  }

  // MARK: - Python's view of values

  /// Python's truth value: null, false, 0, "", [] and {} are false.
  static func isTruthy(_ v: JSONValue) -> Bool {
    switch v {
    case .null: return false
    case .bool(let b): return b
    case .int(let i): return i != 0
    case .double(let d): return d != 0
    case .string(let s): return !s.isEmpty
    case .array(let a): return !a.isEmpty
    case .object(let o): return !o.isEmpty
    }
  }

  /// `str(value)` in Python: `True`, `None`, `1.0`, strings unquoted, containers as their repr.
  public static func pythonStr(_ v: JSONValue) -> String {
    if case .string(let s) = v { return s }
    return pythonRepr(v)
  }

  /// `repr(value)` in Python: `'text'`, `['a', 1]`, `{'k': None}`.
  static func pythonRepr(_ v: JSONValue) -> String {
    switch v {
    case .null: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .double(let d): return JSONPrinter.pythonRepr(d)
    case .string(let s): return pythonStringRepr(s)
    case .array(let a): return "[" + a.map(pythonRepr).joined(separator: ", ") + "]"
    case .object(let o):
      return "{"
        + o.map { pythonStringRepr($0.0) + ": " + pythonRepr($0.1) }
        .joined(separator: ", ") + "}"
    }
  }

  private static func pythonStringRepr(_ s: String) -> String {
    let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for c in s.unicodeScalars {
      switch c {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if c == quote {
          out += "\\"
          out.unicodeScalars.append(c)
        } else if c.value < 0x20 || (c.value >= 0x7F && c.value < 0xA0) {
          let hex = String(c.value, radix: 16)
          out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
    out.unicodeScalars.append(quote)
    return out
  }

  /// Python's `str.upper()` for the identifiers text output prints (ASCII in practice).
  private static func pythonUpper(_ s: String) -> String { s.uppercased() }

  /// Python orders strings by code point.
  static func pythonLess(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
  }

  private static func sortedMembers(_ members: [(String, JSONValue)]) -> [(String, JSONValue)] {
    members.sorted { pythonLess($0.0, $1.0) }
  }
}
