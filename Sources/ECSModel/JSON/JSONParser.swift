/// A JSON syntax error worded and positioned as Python's `json` module reports it, because the AWS
/// CLI shows that text to the learner: `Expecting value: line 1 column 1 (char 0)`.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Python's message without the position, e.g. `Expecting ',' delimiter`.
  public var message: String
  /// Offset in Unicode scalars (Python's `char`), 0-based.
  public var position: Int
  /// 1-based line and column of `position`.
  public var line: Int
  public var column: Int

  public init(message: String, position: Int, line: Int, column: Int) {
    self.message = message
    self.position = position
    self.line = line
    self.column = column
  }

  /// `Expecting value: line 1 column 1 (char 0)`
  public var description: String {
    "\(message): line \(line) column \(column) (char \(position))"
  }
}

/// Parses JSON text into a `JSONValue`, keeping object member order.
///
/// Numbers without fraction or exponent that fit in `Int` become `.int`, all others `.double`.
/// Like Python's `json.loads`, `NaN`, `Infinity` and `-Infinity` are accepted and duplicate keys
/// keep the last value. Nesting deeper than `maxDepth` is an error, never a stack overflow.
///
/// ```swift
/// let v = try JSONParser.parse(#"{"family": "web", "cpu": 256}"#)
/// v["cpu"]  // .int(256)
/// ```
public enum JSONParser {
  /// Nesting depth beyond which parsing fails (Python fails near its recursion limit).
  public static let maxDepth = 500

  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var parser = Parser(Array(text.unicodeScalars))
    return try parser.document()
  }
}

private struct Parser {
  let s: [Unicode.Scalar]
  var i = 0
  var depth = 0

  init(_ s: [Unicode.Scalar]) { self.s = s }

  func error(_ message: String, at pos: Int) -> JSONParseError {
    var line = 1
    var lastNewline = -1
    var k = 0
    while k < pos && k < s.count {
      if s[k] == "\n" {
        line += 1
        lastNewline = k
      }
      k += 1
    }
    return JSONParseError(message: message, position: pos, line: line, column: pos - lastNewline)
  }

  func peek(_ at: Int) -> Unicode.Scalar? { at < s.count ? s[at] : nil }

  mutating func skipWhitespace() {
    while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 }
  }

  mutating func document() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    let v = try value()
    skipWhitespace()
    if i != s.count { throw error("Extra data", at: i) }
    return v
  }

  mutating func value() throws(JSONParseError) -> JSONValue {
    guard let c = peek(i) else { throw error("Expecting value", at: i) }
    switch c {
    case "\"":
      return .string(try string())
    case "{":
      return try object()
    case "[":
      return try array()
    case "n" where matches("null"):
      i += 4
      return .null
    case "t" where matches("true"):
      i += 4
      return .bool(true)
    case "f" where matches("false"):
      i += 5
      return .bool(false)
    case "N" where matches("NaN"):
      i += 3
      return .double(.nan)
    case "I" where matches("Infinity"):
      i += 8
      return .double(.infinity)
    case "-" where matches("-Infinity"):
      i += 9
      return .double(-.infinity)
    case "-", "0"..."9":
      if let n = number() { return n }
      throw error("Expecting value", at: i)
    default:
      throw error("Expecting value", at: i)
    }
  }

  func matches(_ word: String) -> Bool {
    var k = i
    for u in word.unicodeScalars {
      guard k < s.count, s[k] == u else { return false }
      k += 1
    }
    return true
  }

  func isDigit(_ at: Int) -> Bool {
    guard let c = peek(at) else { return false }
    return c >= "0" && c <= "9"
  }

  // Python's NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?
  mutating func number() -> JSONValue? {
    var k = i
    if peek(k) == "-" { k += 1 }
    guard isDigit(k) else { return nil }
    if peek(k) == "0" {
      k += 1
    } else {
      while isDigit(k) { k += 1 }
    }
    var isInteger = true
    if peek(k) == ".", isDigit(k + 1) {
      isInteger = false
      k += 1
      while isDigit(k) { k += 1 }
    }
    if peek(k) == "e" || peek(k) == "E" {
      var e = k + 1
      if peek(e) == "+" || peek(e) == "-" { e += 1 }
      if isDigit(e) {
        isInteger = false
        k = e
        while isDigit(k) { k += 1 }
      }
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: s[i..<k])
    i = k
    if isInteger, let n = Int(text) { return .int(n) }
    return .double(Double(text) ?? .nan)
  }

  mutating func string() throws(JSONParseError) -> String {
    let begin = i
    i += 1
    var out = String.UnicodeScalarView()
    while true {
      guard let c = peek(i) else { throw error("Unterminated string starting at", at: begin) }
      if c == "\"" {
        i += 1
        return String(out)
      }
      if c == "\\" {
        guard let e = peek(i + 1) else {
          throw error("Unterminated string starting at", at: begin)
        }
        switch e {
        case "\"": out.append("\"")
        case "\\": out.append("\\")
        case "/": out.append("/")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "u":
          guard var code = hex4(at: i + 2) else {
            throw error("Invalid \\uXXXX escape", at: i + 1)
          }
          i += 6
          if (0xD800...0xDBFF).contains(code), peek(i) == "\\", peek(i + 1) == "u",
            let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
          {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            i += 6
          }
          // Python keeps lone surrogates; Swift strings cannot, so they become U+FFFD.
          out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
          continue
        default:
          throw error("Invalid \\escape", at: i)
        }
        i += 2
        continue
      }
      if c.value < 0x20 { throw error("Invalid control character at", at: i) }
      out.append(c)
      i += 1
    }
  }

  func hex4(at k: Int) -> UInt32? {
    guard k + 4 <= s.count else { return nil }
    var v: UInt32 = 0
    for j in k..<(k + 4) {
      guard let d = hexDigit(s[j]) else { return nil }
      v = v * 16 + d
    }
    return v
  }

  func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 87
    case "A"..."F": return c.value - 55
    default: return nil
    }
  }

  mutating func enter() throws(JSONParseError) {
    depth += 1
    if depth > JSONParser.maxDepth {
      throw error("Too deeply nested (more than \(JSONParser.maxDepth) levels)", at: i)
    }
  }

  mutating func object() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    i += 1
    var members: [(String, JSONValue)] = []
    skipWhitespace()
    if peek(i) == "}" {
      i += 1
      return .object([])
    }
    while true {
      guard peek(i) == "\"" else {
        throw error("Expecting property name enclosed in double quotes", at: i)
      }
      let key = try string()
      skipWhitespace()
      guard peek(i) == ":" else { throw error("Expecting ':' delimiter", at: i) }
      i += 1
      skipWhitespace()
      let v = try value()
      if let existing = members.firstIndex(where: { $0.0 == key }) {
        members[existing].1 = v
      } else {
        members.append((key, v))
      }
      skipWhitespace()
      guard let c = peek(i) else { throw error("Expecting ',' delimiter", at: i) }
      i += 1
      if c == "}" { return .object(members) }
      guard c == "," else { throw error("Expecting ',' delimiter", at: i - 1) }
      skipWhitespace()
    }
  }

  mutating func array() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    i += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if peek(i) == "]" {
      i += 1
      return .array([])
    }
    while true {
      items.append(try value())
      skipWhitespace()
      guard let c = peek(i) else { throw error("Expecting ',' delimiter", at: i) }
      i += 1
      if c == "]" { return .array(items) }
      guard c == "," else { throw error("Expecting ',' delimiter", at: i - 1) }
      skipWhitespace()
    }
  }
}
