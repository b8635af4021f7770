/// DynamoDB's resource kinds: `table` / `tables` select tables as `describe-table` prints them,
/// with their items as `scan` prints them under `Items`.
enum DynamoDBResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "table",
      selectors: [.one("table", select: select), .many("tables", select: select)],
      completions: [(.tables, { w in w.dynamodb.tables.map(\.name) })])
  ]

  @Sendable static func select(_ world: World, _ params: JSONValue) -> [JSONValue] {
    let name = params.stringValue ?? params["name"]?.stringValue ?? params["TableName"]?.stringValue
    return world.dynamodb.tables.filter { name == nil || $0.name == name }.map { t in
      DynamoDBActions.describe(world, t).setting("Items", .array(t.items))
    }
  }
}
