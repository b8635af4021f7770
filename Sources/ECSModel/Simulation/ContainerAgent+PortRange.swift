extension ContainerAgent {
  /// The dynamic host port range of the ECS-optimized AMI (ecs-facts §1).
  public static let defaultDynamicPortRange = 32768...61000

  /// `ECS_DYNAMIC_HOST_PORT_RANGE=FROM-TO` from the user data's ecs.config lines; nil when absent
  /// or malformed (the agent then keeps its default).
  public static func dynamicPortRange(userData: String?) -> ClosedRange<Int>? {
    guard let text = userData else { return nil }
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      guard let r = line.range(of: "ECS_DYNAMIC_HOST_PORT_RANGE=") else { continue }
      let value = line[r.upperBound...].prefix { $0.isNumber || $0 == "-" }
      let parts = value.split(separator: "-")
      guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), 1 <= lo, lo <= hi,
        hi <= 65535
      else { return nil }
      return lo...hi
    }
    return nil
  }
}
