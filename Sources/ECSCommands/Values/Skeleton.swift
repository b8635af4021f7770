import ECSModel

/// `--generate-cli-skeleton`: botocore's ArgumentGenerator placeholder input for a shape.
///
/// ```swift
/// Skeleton.input(for: createClusterInput, model: ecs)["clusterName"]  // .string("")
/// ```
public enum Skeleton {
  /// Placeholder values: "" for strings (the first enum value where botocore picks a random one,
  /// so output stays deterministic), 0, 0.0, true, one list element, map key `KeyName`.
  public static func input(for shape: Shape?, model: ServiceModel) -> JSONValue {
    guard let shape else { return .object([]) }
    var stack: [String] = []
    return generate(shape, model, &stack)
  }

  private static func generate(_ shape: Shape, _ model: ServiceModel, _ stack: inout [String])
    -> JSONValue
  {
    stack.append(shape.name)
    defer { stack.removeLast() }
    switch shape.type {
    case .structure:
      if stack.filter({ $0 == shape.name }).count > 1 { return .object([]) }
      return .object(
        shape.members.compactMap { m in
          model.shape(m.shape).map { (m.name, generate($0, model, &stack)) }
        })
    case .list:
      guard let member = shape.member.flatMap(model.shape) else { return .array([]) }
      return .array([generate(member, model, &stack)])
    case .map:
      guard let value = shape.value.flatMap(model.shape) else { return .object([]) }
      return .object([("KeyName", generate(value, model, &stack))])
    case .string: return .string(shape.enumValues.first ?? "")
    case .integer, .long: return .int(0)
    case .double, .float: return .double(0)
    case .boolean: return .bool(true)
    case .timestamp: return .string("1970-01-01T00:00:00")
    case .blob: return .null
    }
  }

  /// Python's `json.dumps(value, indent=4)`, which the CLI uses for the skeleton. Kept in one
  /// function so the shared JSON printer can replace it.
  public static func pythonJSON(_ value: JSONValue, indent: Int = 4) -> String {
    var out = ""
    write(value, 0, indent, &out)
    return out
  }

  private static func write(_ v: JSONValue, _ level: Int, _ indent: Int, _ out: inout String) {
    let pad = String(repeating: " ", count: (level + 1) * indent)
    let closePad = String(repeating: " ", count: level * indent)
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
      out += d.isNaN ? "NaN" : d.isInfinite ? (d < 0 ? "-Infinity" : "Infinity") : d.description
    case .string(let s): out += quoted(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        write(item, level + 1, indent, &out)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += closePad + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (k, item)) in members.enumerated() {
        out += pad + quoted(k) + ": "
        write(item, level + 1, indent, &out)
        out += i == members.count - 1 ? "\n" : ",\n"
      }
      out += closePad + "}"
    }
  }

  /// A JSON string with Python's ensure_ascii escapes.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if u.value < 0x20 || u.value > 0x7F {
          for unit in String(u).utf16 { out += "\\u" + hex4(unit) }
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  private static func hex4(_ v: UInt16) -> String {
    let digits = Array("0123456789abcdef")
    return String((0..<4).reversed().map { digits[Int(v >> (UInt16($0) * 4)) & 15] })
  }
}
