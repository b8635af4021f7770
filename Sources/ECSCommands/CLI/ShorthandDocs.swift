/// awscli's `ParamShorthandDocGen`: the "Shorthand Syntax" example shown in an option's help.
///
/// ```swift
/// ShorthandDocs.example(for: networkConfiguration, model: ecs)
/// // "awsvpcConfiguration={subnets=[string,string],securityGroups=[string,string],assignPublicIp=string}"
/// ```
public enum ShorthandDocs {
  private struct TooComplex: Error {}
  private static let maxStack = 3

  /// The example for an argument of `shape`; nil when the argument takes no shorthand (or it
  /// would be too deeply nested to be useful).
  public static func example(for shape: Shape, model: ServiceModel) -> String? {
    guard ArgumentValue.supportsShorthand(shape, model: model) else { return nil }
    if shape.type == .structure, shape.members.count == 1, shape.members.first?.name == "Value" {
      return nil
    }
    var stack: [String] = []
    do {
      if shape.type == .list, let member = shape.member.flatMap(model.shape) {
        return try docs(member, model, &stack) + " ..."
      }
      return try docs(shape, model, &stack)
    } catch {
      return nil
    }
  }

  private static func docs(_ shape: Shape, _ model: ServiceModel, _ stack: inout [String])
    throws(TooComplex) -> String
  {
    if stack.count > maxStack { throw TooComplex() }
    switch shape.type {
    case .structure:
      var parts: [String] = []
      for m in shape.members {
        guard let s = model.shape(m.shape) else { continue }
        if stack.contains(s.name) {
          parts.append("\(m.name)=( ... recursive ... )")
          continue
        }
        stack.append(s.name)
        defer { stack.removeLast() }
        parts.append("\(m.name)=" + (try docs(s, model, &stack)))
      }
      let inner = parts.joined(separator: ",")
      return stack.isEmpty ? inner : "{\(inner)}"
    case .list:
      guard let member = shape.member.flatMap(model.shape) else { return "" }
      stack.append(member.name)
      let element = try docs(member, model, &stack)
      stack.removeLast()
      return !member.type.isScalar || stack.count > 1
        ? "[\(element),\(element)]" : "\(element),\(element)"
    case .map:
      guard let value = shape.value.flatMap(model.shape) else { return "" }
      stack.append(value.name)
      let v = try docs(value, model, &stack)
      stack.removeLast()
      let start = "KeyName1=\(v),KeyName2=\(v)"
      return stack.isEmpty ? start : "{\(start)}"
    default:
      return shape.type.rawValue
    }
  }
}
