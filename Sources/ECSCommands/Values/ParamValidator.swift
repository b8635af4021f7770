import ECSModel

/// botocore's `ParamValidator` (botocore/validate.py): checks a request against its input shape
/// and collects every problem, worded as botocore words them.
///
/// ```swift
/// ParamValidator.validate(["family": 1], shape: input, model: ecs)
/// // ["Missing required parameter in input: \"containerDefinitions\"",
/// //  "Invalid type for parameter family, value: 1, type: <class 'int'>, valid types: <class 'str'>"]
/// ```
public enum ParamValidator {
  /// All problems with `params`; empty when it is valid.
  public static func validate(_ params: JSONValue, shape: Shape, model: ServiceModel) -> [String] {
    var errors: [String] = []
    validate(params, shape, model, "", &errors)
    return errors
  }

  private static func display(_ name: String) -> String {
    if name.isEmpty { return "input" }
    if name.hasPrefix(".") { return String(name.dropFirst()) }
    return name
  }

  private static func validTypes(_ type: ShapeType) -> String {
    switch type {
    case .string: return "<class 'str'>"
    case .integer, .long: return "<class 'int'>"
    case .double, .float: return "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"
    case .boolean: return "<class 'bool'>"
    case .structure, .map: return "<class 'dict'>"
    case .list: return "<class 'list'>, <class 'tuple'>"
    case .blob: return "<class 'bytes'>, <class 'bytearray'>, file-like object"
    case .timestamp: return "<class 'datetime.datetime'>, timestamp-string"
    }
  }

  private static func typeMatches(_ v: JSONValue, _ type: ShapeType) -> Bool {
    switch (type, v) {
    case (.string, .string): return true
    // Python's bool is an int, so botocore lets `true` through for integers; the service then
    // rejects it. We report it here instead, which tells the learner more.
    case (.integer, .int), (.long, .int): return true
    case (.double, .int), (.double, .double), (.float, .int), (.float, .double): return true
    case (.boolean, .bool): return true
    case (.structure, .object), (.map, .object): return true
    case (.list, .array): return true
    case (.blob, .string): return true
    case (.timestamp, .string), (.timestamp, .int), (.timestamp, .double): return true
    default: return false
    }
  }

  private static func invalidType(_ v: JSONValue, _ type: ShapeType, _ name: String) -> String {
    "Invalid type for parameter \(display(name)), value: \(PythonText.str(v)), "
      + "type: \(PythonText.typeName(v)), valid types: \(validTypes(type))"
  }

  private static func number(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : PythonText.float(d)
  }

  private static func validate(
    _ v: JSONValue, _ shape: Shape, _ model: ServiceModel, _ name: String,
    _ errors: inout [String]
  ) {
    if shape.isDocument { return }
    guard typeMatches(v, shape.type) else {
      errors.append(invalidType(v, shape.type, name))
      return
    }
    switch v {
    case .object(let params) where shape.type == .structure:
      for r in shape.required where !params.contains(where: { $0.0 == r }) {
        errors.append("Missing required parameter in \(display(name)): \"\(r)\"")
      }
      var known: [(String, JSONValue, Shape)] = []
      for (k, value) in params {
        if let m = shape.member(named: k) {
          if let s = model.shape(m.shape) { known.append((k, value, s)) }
        } else {
          let valid = shape.members.map(\.name).joined(separator: ", ")
          errors.append(
            "Unknown parameter in \(display(name)): \"\(k)\", must be one of: \(valid)")
        }
      }
      for (k, value, s) in known { validate(value, s, model, "\(name).\(k)", &errors) }
    case .object(let params):  // map
      let keyShape = shape.key.flatMap(model.shape)
      let valueShape = shape.value.flatMap(model.shape)
      for (k, value) in params {
        if let keyShape { validate(.string(k), keyShape, model, "\(name) (key: \(k))", &errors) }
        if let valueShape { validate(value, valueShape, model, "\(name).\(k)", &errors) }
      }
    case .array(let items):
      lengthCheck(items.count, shape, name, &errors)
      guard let member = shape.member.flatMap(model.shape) else { return }
      let constrained = member.min != nil || !member.required.isEmpty || member.isDocument
      if member.type.isScalar && !constrained {
        for (i, item) in items.enumerated() where !typeMatches(item, member.type) {
          errors.append(invalidType(item, member.type, "\(name)[\(i)]"))
        }
        return
      }
      for (i, item) in items.enumerated() {
        validate(item, member, model, "\(name)[\(i)]", &errors)
      }
    case .string(let s) where shape.type == .string:
      lengthCheck(s.unicodeScalars.count, shape, name, &errors)
    case .int, .double:
      guard shape.type != .timestamp, let d = v.doubleValue, let min = shape.min, d < min
      else { return }
      errors.append(
        "Invalid value for parameter \(display(name)), value: \(PythonText.str(v)), "
          + "valid min value: \(number(min))")
    default:
      return
    }
  }

  private static func lengthCheck(
    _ length: Int, _ shape: Shape, _ name: String, _ errors: inout [String]
  ) {
    guard let min = shape.min, Double(length) < min else { return }
    errors.append(
      "Invalid length for parameter \(display(name)), value: \(length), "
        + "valid min length: \(number(min))")
  }
}
