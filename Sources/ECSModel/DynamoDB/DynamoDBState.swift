/// Amazon DynamoDB: tables and their items (a minimal model: no indexes, streams or
/// expressions; items are kept in DynamoDB's attribute-value JSON, `{"id": {"S": "1"}}`).
public struct DynamoDBState: Sendable, Equatable {
  public var tables: [DynamoTable] = []
  public init() {}
}

/// One table: its key schema, attribute definitions and items.
public struct DynamoTable: Sendable, Equatable {
  public var name: String
  public var tableId: String
  public var createdAt: Int64
  /// `[(AttributeName, KeyType)]`, HASH first.
  public var keySchema: [NameValue]
  /// `[(AttributeName, AttributeType)]`.
  public var attributeDefinitions: [NameValue]
  public var billingMode: String
  public var readCapacity: Int
  public var writeCapacity: Int
  /// Items in attribute-value form, in the order they were first written.
  public var items: [JSONValue] = []

  /// The seconds a new table stays CREATING (UNCONFIRMED: a few seconds for a small table).
  static let creatingSeconds: Int64 = 5

  /// The table's key attributes' values in `item` (nil when one is missing).
  func key(of item: JSONValue) -> [JSONValue]? {
    var out: [JSONValue] = []
    for k in keySchema {
      guard let v = item[k.name] else { return nil }
      out.append(v)
    }
    return out
  }
}

extension World {
  /// The table named `name`.
  public func dynamoTable(_ name: String) -> DynamoTable? {
    dynamodb.tables.first { $0.name == name }
  }
}
