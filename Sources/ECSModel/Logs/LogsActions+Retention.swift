/// PutRetentionPolicy and DeleteRetentionPolicy: how many days a log group keeps its events
/// (DescribeLogGroups prints `retentionInDays`; without a policy events never expire).
extension LogsActions {
  /// The values CloudWatch Logs accepts for `retentionInDays`.
  static let retentionDays = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
  ]

  static func putRetentionPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let days = req.int("retentionInDays") ?? 0
    guard retentionDays.contains(days) else {
      // UNCONFIRMED: the wording of the service's enum validation, from memory of real output.
      throw AWSError(
        "InvalidParameterException",
        "1 validation error detected: Value '\(days)' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [\(retentionDays.map(String.init).joined(separator: ", "))]"
      )
    }
    let name = req.string("logGroupName") ?? ""
    guard let i = world.logs.groups.firstIndex(where: { $0.name == name }) else { throw notFound }
    world.logs.groups[i].retentionInDays = days
    return [:]
  }

  static func deleteRetentionPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let name = req.string("logGroupName") ?? ""
    guard let i = world.logs.groups.firstIndex(where: { $0.name == name }) else { throw notFound }
    world.logs.groups[i].retentionInDays = nil
    return [:]
  }
}
