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
    var parser = Parser(Array(text.utf8))
    return try parser.document()
  }
}

/// Works on UTF-8 bytes (strings are copied out in runs, not scalar by scalar); positions in
/// errors are converted to Python's character offsets only when an error is thrown.
private struct Parser {
  let s: [UInt8]
  var i = 0
  var depth = 0

  init(_ s: [UInt8]) { self.s = s }

  /// `pos` is a byte offset; the error carries Python's character offset, line and column.
  func error(_ message: String, at pos: Int) -> JSONParseError {
    var line = 1
    var chars = 0
    var lastNewline = -1
    var k = 0
    while k < pos && k < s.count {
      if s[k] & 0xC0 != 0x80 {
        if s[k] == 0x0A {
          line += 1
          lastNewline = chars
        }
        chars += 1
      }
      k += 1
    }
    return JSONParseError(
      message: message, position: chars, line: line, column: chars - lastNewline)
  }

  func peek(_ at: Int) -> UInt8? { at < s.count ? s[at] : nil }

  mutating func skipWhitespace() {
    while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0A || s[i] == 0x0D { i += 1 }
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
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "{"):
      return try object()
    case UInt8(ascii: "["):
      return try array()
    case UInt8(ascii: "n") where matches("null"):
      i += 4
      return .null
    case UInt8(ascii: "t") where matches("true"):
      i += 4
      return .bool(true)
    case UInt8(ascii: "f") where matches("false"):
      i += 5
      return .bool(false)
    case UInt8(ascii: "N") where matches("NaN"):
      i += 3
      return .double(.nan)
    case UInt8(ascii: "I") where matches("Infinity"):
      i += 8
      return .double(.infinity)
    case UInt8(ascii: "-") where matches("-Infinity"):
      i += 9
      return .double(-.infinity)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let n = number() { return n }
      throw error("Expecting value", at: i)
    default:
      throw error("Expecting value", at: i)
    }
  }

  func matches(_ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard i + n <= s.count else { return false }
    let w = word.utf8Start
    for j in 0..<n where s[i + j] != w[j] { return false }
    return true
  }

  func isDigit(_ at: Int) -> Bool {
    guard let c = peek(at) else { return false }
    return c >= 0x30 && c <= 0x39
  }

  // Python's NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?
  mutating func number() -> JSONValue? {
    var k = i
    if peek(k) == UInt8(ascii: "-") { k += 1 }
    guard isDigit(k) else { return nil }
    if peek(k) == UInt8(ascii: "0") {
      k += 1
    } else {
      while isDigit(k) { k += 1 }
    }
    var isInteger = true
    if peek(k) == UInt8(ascii: "."), isDigit(k + 1) {
      isInteger = false
      k += 1
      while isDigit(k) { k += 1 }
    }
    if peek(k) == UInt8(ascii: "e") || peek(k) == UInt8(ascii: "E") {
      var e = k + 1
      if peek(e) == UInt8(ascii: "+") || peek(e) == UInt8(ascii: "-") { e += 1 }
      if isDigit(e) {
        isInteger = false
        k = e
        while isDigit(k) { k += 1 }
      }
    }
    let text = String(decoding: s[i..<k], as: UTF8.self)
    i = k
    if isInteger, let n = Int(text) { return .int(n) }
    return .double(Double(text) ?? .nan)
  }

  mutating func string() throws(JSONParseError) -> String {
    let begin = i
    i += 1
    // The common case: no escapes, so the whole string is one copy of its bytes.
    var run = i
    while run < s.count, s[run] != 0x22, s[run] != 0x5C, s[run] >= 0x20 { run += 1 }
    if run < s.count, s[run] == 0x22 {
      let out = String(decoding: s[i..<run], as: UTF8.self)
      i = run + 1
      return out
    }
    var out = String.UnicodeScalarView()
    var bytes: [UInt8] = []
    func flush() {
      if !bytes.isEmpty {
        out.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
        bytes.removeAll(keepingCapacity: true)
      }
    }
    while true {
      guard let c = peek(i) else { throw error("Unterminated string starting at", at: begin) }
      if c == 0x22 {
        i += 1
        flush()
        return String(out)
      }
      if c == 0x5C {
        guard let e = peek(i + 1) else {
          throw error("Unterminated string starting at", at: begin)
        }
        flush()
        switch e {
        case UInt8(ascii: "\""): out.append("\"")
        case UInt8(ascii: "\\"): out.append("\\")
        case UInt8(ascii: "/"): out.append("/")
        case UInt8(ascii: "b"): out.append("\u{08}")
        case UInt8(ascii: "f"): out.append("\u{0C}")
        case UInt8(ascii: "n"): out.append("\n")
        case UInt8(ascii: "r"): out.append("\r")
        case UInt8(ascii: "t"): out.append("\t")
        case UInt8(ascii: "u"):
          guard var code = hex4(at: i + 2) else {
            throw error("Invalid \\uXXXX escape", at: i + 1)
          }
          i += 6
          if (0xD800...0xDBFF).contains(code), peek(i) == 0x5C, peek(i + 1) == UInt8(ascii: "u"),
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
      if c < 0x20 { throw error("Invalid control character at", at: i) }
      bytes.append(c)
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

  func hexDigit(_ c: UInt8) -> UInt32? {
    switch c {
    case 0x30...0x39: return UInt32(c) - 48
    case 0x61...0x66: return UInt32(c) - 87
    case 0x41...0x46: return UInt32(c) - 55
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
    // Index of each key once an object grows past a handful of members (duplicate keys keep the
    // last value, in the first one's place, as Python's dict does).
    var index: [String: Int] = [:]
    skipWhitespace()
    if peek(i) == UInt8(ascii: "}") {
      i += 1
      return .object([])
    }
    while true {
      guard peek(i) == UInt8(ascii: "\"") else {
        throw error("Expecting property name enclosed in double quotes", at: i)
      }
      let key = try string()
      skipWhitespace()
      guard peek(i) == UInt8(ascii: ":") else { throw error("Expecting ':' delimiter", at: i) }
      i += 1
      skipWhitespace()
      let v = try value()
      let existing: Int?
      if members.count < 8 {
        existing = members.firstIndex { $0.0 == key }
      } else {
        if index.isEmpty {
          for (n, m) in members.enumerated() where index[m.0] == nil { index[m.0] = n }
        }
        existing = index[key]
      }
      if let existing {
        members[existing].1 = v
      } else {
        if !index.isEmpty || members.count >= 8 { index[key] = members.count }
        members.append((key, v))
      }
      skipWhitespace()
      guard let c = peek(i) else { throw error("Expecting ',' delimiter", at: i) }
      i += 1
      if c == UInt8(ascii: "}") { return .object(members) }
      guard c == UInt8(ascii: ",") else { throw error("Expecting ',' delimiter", at: i - 1) }
      skipWhitespace()
    }
  }

  mutating func array() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    i += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if peek(i) == UInt8(ascii: "]") {
      i += 1
      return .array([])
    }
    while true {
      items.append(try value())
      skipWhitespace()
      guard let c = peek(i) else { throw error("Expecting ',' delimiter", at: i) }
      i += 1
      if c == UInt8(ascii: "]") { return .array(items) }
      guard c == UInt8(ascii: ",") else { throw error("Expecting ',' delimiter", at: i - 1) }
      skipWhitespace()
    }
  }
}
