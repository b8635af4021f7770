/// Prints JSON exactly as the AWS CLI does: Python's
/// `json.dumps(obj, indent=4, ensure_ascii=False)` with keys in their given order.
///
/// The result has no trailing newline (like `json.dumps`); `OutputFormatter` adds the one the CLI
/// writes after it.
///
/// ```swift
/// JSONPrinter.print(["a": 1, "b": []])   // "{\n    \"a\": 1,\n    \"b\": []\n}"
/// JSONPrinter.compact(["a": [1, 2.5]])    // "{\"a\":[1,2.5]}"
/// ```
public enum JSONPrinter {
  /// `json.dumps(v, indent=indent, ensure_ascii=False)`.
  public static func print(_ v: JSONValue, indent: Int = 4) -> String {
    var out = ""
    write(v, into: &out, indent: max(0, indent), level: 0)
    return out
  }

  /// `json.dumps(v, separators=(',', ':'), ensure_ascii=False)`.
  public static func compact(_ v: JSONValue) -> String {
    var out = ""
    writeCompact(v, into: &out)
    return out
  }

  /// A string as a JSON literal, quoted and escaped as Python's `json` module does with
  /// `ensure_ascii=False`: `"` `\` and control characters are escaped, everything else is kept.
  public static func quote(_ s: String) -> String {
    var out = ""
    writeString(s, into: &out)
    return out
  }

  /// A double as Python's `repr(float)` prints it: `1.0`, `0.5`, `1e-05`, `1e+16`, `inf`, `nan`.
  public static func pythonRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    let sign = d.sign == .minus ? "-" : ""
    let (digits, decpt) = shortestDigits(abs(d))
    if digits.isEmpty { return sign + "0.0" }
    if decpt <= -4 || decpt > 16 {
      // Exponential: d[.ddd]e±XX, at least two exponent digits, no ".0" added.
      var s = String(digits.prefix(1))
      if digits.count > 1 { s += "." + digits.dropFirst() }
      let e = decpt - 1
      let ae = abs(e)
      s += (e < 0 ? "e-" : "e+") + (ae < 10 ? "0\(ae)" : "\(ae)")
      return sign + s
    }
    if decpt <= 0 {
      return sign + "0." + String(repeating: "0", count: -decpt) + digits
    }
    if decpt >= digits.count {
      return sign + digits + String(repeating: "0", count: decpt - digits.count) + ".0"
    }
    let i = digits.index(digits.startIndex, offsetBy: decpt)
    return sign + digits[..<i] + "." + digits[i...]
  }

  // MARK: - Writers

  private static func write(_ v: JSONValue, into out: inout String, indent: Int, level: Int) {
    switch v {
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      let inner = "\n" + String(repeating: " ", count: indent * (level + 1))
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        out += inner
        write(item, into: &out, indent: indent, level: level + 1)
      }
      out += "\n" + String(repeating: " ", count: indent * level) + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      let inner = "\n" + String(repeating: " ", count: indent * (level + 1))
      out += "{"
      for (i, (k, item)) in members.enumerated() {
        if i > 0 { out += "," }
        out += inner
        writeString(k, into: &out)
        out += ": "
        write(item, into: &out, indent: indent, level: level + 1)
      }
      out += "\n" + String(repeating: " ", count: indent * level) + "}"
    default:
      writeScalar(v, into: &out)
    }
  }

  private static func writeCompact(_ v: JSONValue, into out: inout String) {
    switch v {
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        writeCompact(item, into: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, (k, item)) in members.enumerated() {
        if i > 0 { out += "," }
        writeString(k, into: &out)
        out += ":"
        writeCompact(item, into: &out)
      }
      out += "}"
    default:
      writeScalar(v, into: &out)
    }
  }

  private static func writeScalar(_ v: JSONValue, into out: inout String) {
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
      // json.dumps spells the non-finite values as JavaScript does.
      if d.isNaN {
        out += "NaN"
      } else if d.isInfinite {
        out += d < 0 ? "-Infinity" : "Infinity"
      } else {
        out += pythonRepr(d)
      }
    case .string(let s): writeString(s, into: &out)
    case .array, .object: write(v, into: &out, indent: 0, level: 0)
    }
  }

  private static func writeString(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  /// The shortest round-trip decimal digits of a finite non-negative double and the position of
  /// the decimal point (value = 0.DIGITS × 10^decpt). Swift's `description` already yields the
  /// shortest round-trip digits; only its layout differs from Python's.
  private static func shortestDigits(_ d: Double) -> (String, Int) {
    let text = d.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var intPart = mantissa
    var fracPart: Substring = ""
    if let dot = mantissa.firstIndex(of: ".") {
      intPart = mantissa[..<dot]
      fracPart = mantissa[mantissa.index(after: dot)...]
    }
    var digits = String(intPart) + fracPart
    var decpt = intPart.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      decpt -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    return (digits, digits.isEmpty ? 0 : decpt)
  }
}
