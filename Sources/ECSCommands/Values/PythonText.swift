import ECSModel

/// How Python shows values in the CLI's messages: `str()` of a parameter, `repr()` of a string and
/// `<class 'int'>` type names. botocore's and awscli's messages embed these.
enum PythonText {
  /// `repr(s)`: single quotes unless the text holds `'` and no `"`.
  static func repr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for u in s.unicodeScalars {
      switch u {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(u) == quote {
          out += "\\" + String(quote)
        } else if u.value < 0x20 || u.value == 0x7F {
          out += "\\x" + hex2(u.value)
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out.append(quote)
    return out
  }

  private static func hex2(_ v: UInt32) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(v >> 4) & 15], digits[Int(v) & 15]])
  }

  /// `str(value)` of a value as Python holds it after parsing.
  static func str(_ v: JSONValue) -> String {
    if case .string(let s) = v { return s }
    return reprValue(v)
  }

  static func reprValue(_ v: JSONValue) -> String {
    switch v {
    case .null: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .double(let d): return float(d)
    case .string(let s): return repr(s)
    case .array(let items): return "[" + items.map(reprValue).joined(separator: ", ") + "]"
    case .object(let members):
      return "{" + members.map { repr($0.0) + ": " + reprValue($0.1) }.joined(separator: ", ")
        + "}"
    }
  }

  /// Python's `repr(float)`: `256.0`, `1e+20`, `nan`, `inf`.
  static func float(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    return d.description
  }

  /// `<class 'str'>` and friends.
  static func typeName(_ v: JSONValue) -> String {
    switch v {
    case .null: return "<class 'NoneType'>"
    case .bool: return "<class 'bool'>"
    case .int: return "<class 'int'>"
    case .double: return "<class 'float'>"
    case .string: return "<class 'str'>"
    case .array: return "<class 'list'>"
    case .object: return "<class 'dict'>"
    }
  }

  /// The bare type name Python uses inside messages (`'list'`).
  static func shortTypeName(_ v: JSONValue) -> String {
    switch v {
    case .null: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .double: return "float"
    case .string: return "str"
    case .array: return "list"
    case .object: return "dict"
    }
  }

  /// `int(s)` for a string: surrounding whitespace, a sign and `_` between digits are allowed.
  static func int(_ s: String) throws(ArgumentError) -> Int {
    var t = s.trimmingPythonWhitespace()
    var negative = false
    if t.hasPrefix("+") || t.hasPrefix("-") {
      negative = t.hasPrefix("-")
      t.removeFirst()
    }
    let chars = Array(t)
    let valid =
      !chars.isEmpty && chars.first != "_" && chars.last != "_"
      && chars.allSatisfy { ($0 >= "0" && $0 <= "9") || $0 == "_" }
      && !t.contains("__")
    guard valid else {
      throw .python("invalid literal for int() with base 10: \(repr(s))")
    }
    let digits = t.replacingAll("_", with: "")
    guard let n = Int((negative ? "-" : "") + digits) else {
      // Python ints have no limit; the services' integers are 64-bit at most.
      throw .python("Python int too large to convert to C long")
    }
    return n
  }

  /// `float(s)` for a string.
  static func float(_ s: String) throws(ArgumentError) -> Double {
    let t = s.trimmingPythonWhitespace()
    let lower = t.lowercased()
    let isHex = lower.contains("x")
    if !isHex, !t.contains("__"), !t.hasPrefix("_"), !t.hasSuffix("_"),
      let d = Double(t.replacingAll("_", with: ""))
    {
      return d
    }
    throw .python("could not convert string to float: \(repr(s))")
  }
}

extension String {
  func trimmingPythonWhitespace() -> String {
    var scalars = Substring(self).unicodeScalars
    while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
    while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
