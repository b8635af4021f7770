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

  /// Python's `json.dumps(value, indent=4)`, which the CLI uses for the skeleton (placeholders
  /// are ASCII, so ensure_ascii makes no difference).
  public static func pythonJSON(_ value: JSONValue, indent: Int = 4) -> String {
    JSONPrinter.print(value, indent: indent)
  }

}
