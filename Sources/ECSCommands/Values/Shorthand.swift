import ECSModel

/// A value as the shorthand grammar reads it, before the model decides types: every scalar is
/// still a string.
public indirect enum ShorthandValue: Sendable, Equatable {
  case string(String)
  case list([ShorthandValue])
  case object([(String, ShorthandValue)])

  public static func == (a: ShorthandValue, b: ShorthandValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): return x == y
    case (.list(let x), .list(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// Every scalar as a JSON string, structure kept.
  public var json: JSONValue {
    switch self {
    case .string(let s): return .string(s)
    case .list(let items): return .array(items.map(\.json))
    case .object(let members): return .object(members.map { ($0.0, $0.1.json) })
    }
  }
}

/// A shorthand syntax error, worded as awscli's `ShorthandParseError`, caret included:
///
/// ```
/// Expected: '=', received: ',' for input:
/// a,b
///  ^
/// ```
public struct ShorthandParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// awscli's `ShorthandParser` (awscli/shorthand.py): `key=value,key2=[a,b],key3={k=v}` with
/// quoted values, `\,` escapes and `key@=file://path` values, read purely by syntax.
///
/// ```swift
/// try ShorthandParser.parse("a=b,c")  // .object([("a", .list([.string("b"), .string("c")]))])
/// ```
public struct ShorthandParser {
  private let input: [Unicode.Scalar]
  private var index = 0
  private var resolveParamfiles = false
  private var depth = 0
  private let loadFile: ((String) throws(ShorthandParseError) -> String?)?

  private init(
    _ value: String, loadFile: ((String) throws(ShorthandParseError) -> String?)?
  ) {
    self.input = Array(value.unicodeScalars)
    self.loadFile = loadFile
  }

  /// Parses `value`; `loadFile` resolves `key@=file://...` values (nil result: not a file URL).
  public static func parse(
    _ value: String, loadFile: ((String) throws(ShorthandParseError) -> String?)? = nil
  ) throws(ShorthandParseError) -> ShorthandValue {
    var p = ShorthandParser(value, loadFile: loadFile)
    return try p.parameter()
  }

  private var text: String { String(String.UnicodeScalarView(input)) }

  private func location(_ index: Int) -> String {
    // awscli's _error_location: the caret goes under `index` on its own line.
    let before = Array(input[..<min(index, input.count)])
    var spaces = index
    if let nl = before.lastIndex(of: "\n") { spaces = index - nl - 1 }
    var consumed = text
    var remaining = ""
    if index <= input.count, let next = input[index...].firstIndex(of: "\n") {
      consumed = String(String.UnicodeScalarView(input[..<next]))
      remaining = String(String.UnicodeScalarView(input[next...]))
    }
    return consumed + "\n" + String(repeating: " ", count: spaces) + "^" + remaining
  }

  private func syntaxError(expected: String, actual: String, at index: Int)
    -> ShorthandParseError
  {
    ShorthandParseError(
      message: "Expected: '\(expected)', received: '\(actual)' for input:\n\(location(index))")
  }

  private var atEOF: Bool { index >= input.count }
  private var current: Unicode.Scalar? { index < input.count ? input[index] : nil }

  private mutating func parameter() throws(ShorthandParseError) -> ShorthandValue {
    var params: [(String, ShorthandValue)] = []
    let (key, val) = try keyval()
    params.append((key, val))
    var lastIndex = index
    while index < input.count {
      try expect(",", consumeWhitespace: true)
      let (k, v) = try keyval()
      if params.contains(where: { $0.0 == k }) {
        throw ShorthandParseError(
          message: "Second instance of key \"\(k)\" encountered for input:\n"
            + "\(location(lastIndex + 1))\nThis is often because there is a "
            + "preceding \",\" instead of a space.")
      }
      params.append((k, v))
      lastIndex = index
    }
    return .object(params)
  }

  private mutating func keyval() throws(ShorthandParseError) -> (String, ShorthandValue) {
    let k = key()
    try paramfileMarker()
    try expect("=", consumeWhitespace: true)
    return (k, try values())
  }

  private mutating func paramfileMarker() throws(ShorthandParseError) {
    resolveParamfiles = false
    let saved = index
    consumeWhitespace()
    if current == "@" {
      index += 1
      consumeWhitespace()
      resolveParamfiles = true
    } else {
      index = saved
    }
  }

  private mutating func key() -> String {
    let start = index
    while let c = current, c.isASCII,
      ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        || "-_.#/:".unicodeScalars.contains(c)
    {
      index += 1
    }
    return String(String.UnicodeScalarView(input[start..<index]))
  }

  private mutating func values() throws(ShorthandParseError) -> ShorthandValue {
    guard let c = current else { return .string("") }
    if c == "[" { return try explicitList() }
    if c == "{" { return try hashLiteral() }
    return try csvValue()
  }

  private mutating func csvValue() throws(ShorthandParseError) -> ShorthandValue {
    let first = try firstValue()
    consumeWhitespace()
    if atEOF || current != "," { return .string(first) }
    try expect(",", consumeWhitespace: true)
    var list = [first]
    while true {
      do {
        let value = try secondValue()
        consumeWhitespace()
        if atEOF {
          list.append(value)
          break
        }
        try expect(",", consumeWhitespace: true)
        list.append(value)
      } catch {
        if atEOF { throw error }
        backtrack(to: ",")
        break
      }
    }
    if list.count == 1 { return .string(first) }
    return .list(list.map { .string($0) })
  }

  /// Nesting deeper than this is an error rather than a stack overflow (Python would hit its
  /// recursion limit).
  static let maxDepth = 200

  private mutating func enter() throws(ShorthandParseError) {
    depth += 1
    if depth > ShorthandParser.maxDepth {
      throw ShorthandParseError(message: "maximum recursion depth exceeded")
    }
  }

  private mutating func explicitList() throws(ShorthandParseError) -> ShorthandValue {
    try enter()
    defer { depth -= 1 }
    try expect("[", consumeWhitespace: true)
    var items: [ShorthandValue] = []
    while current != "]" {
      items.append(try explicitValues())
      consumeWhitespace()
      if current != "]" {
        try expect(",")
        consumeWhitespace()
      }
    }
    try expect("]")
    return .list(items)
  }

  private mutating func explicitValues() throws(ShorthandParseError) -> ShorthandValue {
    if current == "[" { return try explicitList() }
    if current == "{" { return try hashLiteral() }
    return .string(try firstValue())
  }

  private mutating func hashLiteral() throws(ShorthandParseError) -> ShorthandValue {
    try enter()
    defer { depth -= 1 }
    try expect("{", consumeWhitespace: true)
    var members: [(String, ShorthandValue)] = []
    while current != "}" {
      let k = key()
      try paramfileMarker()
      try expect("=", consumeWhitespace: true)
      let v = try explicitValues()
      consumeWhitespace()
      if current != "}" {
        try expect(",")
        consumeWhitespace()
      }
      if let i = members.firstIndex(where: { $0.0 == k }) {
        members[i].1 = v
      } else {
        members.append((k, v))
      }
    }
    try expect("}")
    return .object(members)
  }

  private mutating func firstValue() throws(ShorthandParseError) -> String {
    if current == "'" { return try quoted("'") }
    if current == "\"" { return try quoted("\"") }
    let start = index
    matchWord(follow: ShorthandParser.isFirstFollow)
    return try resolve(cleaned(start))
  }

  private mutating func secondValue() throws(ShorthandParseError) -> String {
    if current == "'" { return try quoted("'") }
    if current == "\"" { return try quoted("\"") }
    let start = index
    matchWord(follow: ShorthandParser.isSecondFollow)
    if index == start { throw syntaxError(expected: "<second>", actual: "<none>", at: index) }
    return try resolve(cleaned(start))
  }

  /// `\,` becomes `,`, trailing whitespace goes (as `consumed.replace('\\,', ',').rstrip()`).
  private func cleaned(_ start: Int) -> String {
    var s = String(String.UnicodeScalarView(input[start..<index]))
    s = s.replacingAll("\\,", with: ",")
    while let last = s.unicodeScalars.last, last.properties.isWhitespace {
      s.unicodeScalars.removeLast()
    }
    return s
  }

  /// `(\\,|[start])(\\,|[follow])*`, matched greedily from `index`.
  private mutating func matchWord(follow: (Unicode.Scalar) -> Bool) {
    var first = true
    while index < input.count {
      if input[index] == "\\", index + 1 < input.count, input[index + 1] == "," {
        index += 2
      } else if first ? ShorthandParser.isStart(input[index]) : follow(input[index]) {
        index += 1
      } else {
        break
      }
      first = false
    }
  }

  private static func isStart(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v > 0xFFFF { return false }
    return v == 0x21 || (0x23...0x26).contains(v) || (0x28...0x2B).contains(v)
      || (0x2D...0x3C).contains(v) || (0x3E...0x5A).contains(v) || (0x5C...0x7A).contains(v)
      || v >= 0x7C
  }

  private static func isFirstFollow(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if c.properties.isWhitespace { return true }
    if v > 0xFFFF { return false }
    return v == 0x21 || (0x23...0x26).contains(v) || (0x28...0x2B).contains(v)
      || (0x2D...0x5C).contains(v) || (0x5E...0x7C).contains(v) || v >= 0x7E
  }

  private static func isSecondFollow(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if c.properties.isWhitespace { return true }
    if v > 0xFFFF { return false }
    return v == 0x21 || (0x23...0x26).contains(v) || (0x28...0x2B).contains(v)
      || (0x2D...0x3C).contains(v) || v >= 0x3E
  }

  private mutating func quoted(_ q: Unicode.Scalar) throws(ShorthandParseError) -> String {
    // '(?:\\'|[^'])*' : backslash-quote pairs do not end the value.
    let start = index
    var k = index + 1
    var closed = false
    while k < input.count {
      if input[k] == "\\", k + 1 < input.count, input[k + 1] == q {
        k += 2
        continue
      }
      if input[k] == q {
        closed = true
        break
      }
      k += 1
    }
    guard closed else {
      let name = q == "'" ? "singled quoted" : "double quoted"
      throw syntaxError(expected: "<\(name)>", actual: "<none>", at: start)
    }
    index = k + 1
    var value = String(String.UnicodeScalarView(input[(start + 1)..<k]))
    value = value.replacingAll("\\" + String(q), with: String(q))
    value = value.replacingAll("\\\\", with: "\\")
    return try resolve(value)
  }

  private func resolve(_ value: String) throws(ShorthandParseError) -> String {
    guard resolveParamfiles, let loadFile else { return value }
    return try loadFile(value) ?? value
  }

  private mutating func expect(_ char: Unicode.Scalar, consumeWhitespace ws: Bool = false)
    throws(ShorthandParseError)
  {
    if ws { consumeWhitespace() }
    guard index < input.count else {
      throw syntaxError(expected: String(char), actual: "EOF", at: index)
    }
    let actual = input[index]
    guard actual == char else {
      throw syntaxError(expected: String(char), actual: String(actual), at: index)
    }
    index += 1
    if ws { consumeWhitespace() }
  }

  private mutating func backtrack(to char: Unicode.Scalar) {
    while index >= 0, index < input.count, input[index] != char { index -= 1 }
    if index < 0 { index = 0 }
  }

  private mutating func consumeWhitespace() {
    while let c = current, " \t\n\r\u{0B}\u{0C}".unicodeScalars.contains(c) { index += 1 }
  }
}

extension String {
  /// Replaces every non-overlapping occurrence of `target`, left to right (Python's replace).
  func replacingAll(_ target: String, with replacement: String) -> String {
    let t = Array(target.unicodeScalars)
    guard !t.isEmpty else { return self }
    let s = Array(unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      if i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t {
        out.append(contentsOf: replacement.unicodeScalars)
        i += t.count
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return String(out)
  }
}
