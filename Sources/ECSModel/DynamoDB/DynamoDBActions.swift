/// dynamodb CreateTable, DescribeTable, ListTables, PutItem, GetItem, DeleteItem, Scan,
/// DeleteTable, with DynamoDB's error codes and messages.
enum DynamoDBActions {
  static let table: [String: ActionHandler] = [
    "CreateTable": createTable,
    "DescribeTable": describeTable,
    "ListTables": listTables,
    "PutItem": putItem,
    "GetItem": getItem,
    "DeleteItem": deleteItem,
    "Scan": scan,
    "DeleteTable": deleteTable,
  ]

  /// The data-plane operations' error for a table that does not exist.
  static let notFound = AWSError("ResourceNotFoundException", "Requested resource not found")

  static func validation(_ message: String) -> AWSError { AWSError("ValidationException", message) }

  static func status(_ world: World, _ t: DynamoTable) -> String {
    world.clock.nowMillis >= t.createdAt + DynamoTable.creatingSeconds * 1000
      ? "ACTIVE" : "CREATING"
  }

  /// The table as `describe-table` prints it.
  static func describe(_ world: World, _ t: DynamoTable, status: String? = nil) -> JSONValue {
    let bytes = t.items.reduce(0) { $0 + JSONPrinter.compact($1).utf8.count }
    return jsonObject([
      (
        "AttributeDefinitions",
        .array(
          t.attributeDefinitions.map {
            ["AttributeName": .string($0.name), "AttributeType": .string($0.value)]
          })
      ),
      ("TableName", .string(t.name)),
      (
        "KeySchema",
        .array(
          t.keySchema.map { ["AttributeName": .string($0.name), "KeyType": .string($0.value)] })
      ),
      ("TableStatus", .string(status ?? self.status(world, t))),
      ("CreationDateTime", .string(Timestamp.iso8601(millis: t.createdAt))),
      (
        "ProvisionedThroughput",
        [
          "NumberOfDecreasesToday": 0, "ReadCapacityUnits": .int(t.readCapacity),
          "WriteCapacityUnits": .int(t.writeCapacity),
        ]
      ),
      ("TableSizeBytes", .int(bytes)),
      ("ItemCount", .int(t.items.count)),
      ("TableArn", .string(world.arn(service: "dynamodb", resource: "table/\(t.name)"))),
      ("TableId", .string(t.tableId)),
      (
        "BillingModeSummary",
        t.billingMode == "PAY_PER_REQUEST"
          ? [
            "BillingMode": "PAY_PER_REQUEST",
            "LastUpdateToPayPerRequestDateTime": .string(Timestamp.iso8601(millis: t.createdAt)),
          ] : nil
      ),
      ("DeletionProtectionEnabled", false),
    ])
  }

  static func pairs(_ list: [JSONValue]?, _ a: String, _ b: String) -> [NameValue] {
    (list ?? []).map {
      NameValue(name: $0[a]?.stringValue ?? "", value: $0[b]?.stringValue ?? "")
    }
  }

  static func createTable(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("TableName") ?? ""
    let keys = pairs(req.array("KeySchema"), "AttributeName", "KeyType")
    let defs = pairs(req.array("AttributeDefinitions"), "AttributeName", "AttributeType")
    let mode = req.string("BillingMode") ?? "PROVISIONED"
    let throughput = req["ProvisionedThroughput"]
    if mode == "PROVISIONED" && throughput == nil {
      throw validation(
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
      )
    }
    if mode == "PAY_PER_REQUEST" && throughput != nil {
      throw validation(
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
      )
    }
    guard keys.first?.value == "HASH", keys.count <= 2,
      keys.count == 1 || keys[1].value == "RANGE"
    else {
      throw validation(
        "1 validation error detected: Invalid KeySchema: The first KeySchemaElement is not a HASH key type"
      )
    }
    let keyNames = Set(keys.map(\.name))
    let defNames = Set(defs.map(\.name))
    if keyNames != defNames {
      throw validation(
        "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
      )
    }
    guard world.dynamoTable(name) == nil else {
      throw AWSError(
        "ResourceInUseException",
        "Table already exists: \(name)")
    }
    let t = DynamoTable(
      name: name, tableId: world.random.uuid(), createdAt: world.clock.nowMillis, keySchema: keys,
      attributeDefinitions: defs, billingMode: mode,
      readCapacity: throughput?["ReadCapacityUnits"]?.intValue ?? 0,
      writeCapacity: throughput?["WriteCapacityUnits"]?.intValue ?? 0)
    world.dynamodb.tables.append(t)
    return ["TableDescription": describe(world, t, status: "CREATING")]
  }

  static func index(_ world: World, _ req: Request, describe: Bool = false) throws(AWSError) -> Int
  {
    let name = req.string("TableName") ?? ""
    guard let i = world.dynamodb.tables.firstIndex(where: { $0.name == name }) else {
      if describe {
        throw AWSError(
          "ResourceNotFoundException", "Requested resource not found: Table: \(name) not found")
      }
      throw notFound
    }
    return i
  }

  static func describeTable(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let t = world.dynamodb.tables[try index(world, req, describe: true)]
    return ["Table": describe(world, t)]
  }

  static func listTables(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    ["TableNames": .array(world.dynamodb.tables.map(\.name).sorted().map { .string($0) })]
  }

  /// The key's attribute values must be present and of the defined type.
  static func checkKey(_ t: DynamoTable, _ item: JSONValue, what: String) throws(AWSError) {
    for k in t.keySchema {
      guard let v = item[k.name] else {
        throw validation(
          what == "item"
            ? "One or more parameter values were invalid: Missing the key \(k.name) in the item"
            : "The provided key element does not match the schema")
      }
      let type = t.attributeDefinitions.first { $0.name == k.name }?.value ?? "S"
      guard v.objectValue?.first?.0 == type else {
        throw validation(
          what == "item"
            ? "One or more parameter values were invalid: Type mismatch for key \(k.name) expected: \(type) actual: \(v.objectValue?.first?.0 ?? "")"
            : "The provided key element does not match the schema")
      }
    }
  }

  static func putItem(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try index(world, req)
    let item = req["Item"] ?? [:]
    let t = world.dynamodb.tables[i]
    try checkKey(t, item, what: "item")
    let key = t.key(of: item)
    if let k = world.dynamodb.tables[i].items.firstIndex(where: { t.key(of: $0) == key }) {
      world.dynamodb.tables[i].items[k] = item
    } else {
      world.dynamodb.tables[i].items.append(item)
    }
    return [:]
  }

  static func getItem(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let t = world.dynamodb.tables[try index(world, req)]
    let key = req["Key"] ?? [:]
    try checkKey(t, key, what: "key")
    guard (key.objectValue?.count ?? 0) == t.keySchema.count else {
      throw validation("The provided key element does not match the schema")
    }
    guard let item = t.items.first(where: { t.key(of: $0) == t.key(of: key) }) else { return [:] }
    return ["Item": item]
  }

  static func deleteItem(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try index(world, req)
    let t = world.dynamodb.tables[i]
    let key = req["Key"] ?? [:]
    try checkKey(t, key, what: "key")
    world.dynamodb.tables[i].items.removeAll { t.key(of: $0) == t.key(of: key) }
    return [:]
  }

  static func scan(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let t = world.dynamodb.tables[try index(world, req)]
    let limit = req.int("Limit") ?? t.items.count
    let items = Array(t.items.prefix(limit))
    return [
      "Items": .array(items), "Count": .int(items.count), "ScannedCount": .int(items.count),
      "ConsumedCapacity": .null,
    ]
  }

  static func deleteTable(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try index(world, req)
    let t = world.dynamodb.tables[i]
    world.dynamodb.tables.remove(at: i)
    return ["TableDescription": describe(world, t, status: "DELETING")]
  }
}
