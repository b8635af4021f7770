/// EC2 describe calls for the default network: DescribeVpcs, DescribeSubnets,
/// DescribeSecurityGroups.
enum NetworkActions {
  static let table: [String: ActionHandler] = [:]
}
