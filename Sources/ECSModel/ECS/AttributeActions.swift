/// ECS custom attributes on container instances: PutAttributes, ListAttributes,
/// DeleteAttributes. `memberOf` placement constraints (`attribute:stack == prod`) read them
/// (`ClusterQuery.attribute`).
enum AttributeActions {
  static let table: [String: ActionHandler] = [
    "PutAttributes": putAttributes,
    "ListAttributes": listAttributes,
    "DeleteAttributes": deleteAttributes,
  ]

  /// Custom attributes per resource (ECS's AttributeLimitExceededException beyond this).
  static let limit = 10

  static func putAttributes(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    var out: [JSONValue] = []
    for item in req.array("attributes") ?? [] {
      let name = item["name"]?.stringValue ?? ""
      let value = item["value"]?.stringValue
      try validate(name: name, value: value)
      let i = try targetIndex(world, item, cluster: cluster)
      var ci = world.capacity.containerInstances[i]
      ci.attributes[name] = value ?? ""
      let custom = ci.attributes.keys.filter { !$0.hasPrefix("ecs.") }
      guard custom.count <= limit else {
        throw AWSError(
          "AttributeLimitExceededException",
          "You can apply up to 10 custom attributes for each resource.")
      }
      world.capacity.containerInstances[i] = ci
      out.append(document(name: name, value: value, targetId: ci.arn))
    }
    return ["attributes": .array(out)]
  }

  static func listAttributes(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    guard req.string("targetType") == "container-instance" else {
      throw .invalidParameter("targetType must be container-instance.")
    }
    let name = req.string("attributeName")
    let value = req.string("attributeValue")
    if value != nil && name == nil {
      // UNCONFIRMED wording.
      throw .invalidParameter("attributeName must be specified with attributeValue.")
    }
    var out: [JSONValue] = []
    for ci in world.registeredContainerInstances(in: cluster.arn) {
      for key in ci.attributes.keys.sorted() {
        let v = ci.attributes[key] ?? ""
        if let name, key != name { continue }
        if let value, v != value { continue }
        out.append(document(name: key, value: v.isEmpty ? nil : v, targetId: ci.arn))
      }
    }
    return try paginate(out, key: "attributes", req)
  }

  static func deleteAttributes(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let cluster = try world.requireCluster(req.string("cluster"))
    var out: [JSONValue] = []
    for item in req.array("attributes") ?? [] {
      let name = item["name"]?.stringValue ?? ""
      let i = try targetIndex(world, item, cluster: cluster)
      guard let old = world.capacity.containerInstances[i].attributes[name] else {
        throw AWSError(
          "TargetNotFoundException",
          "Could not find the attribute \(name) on the target \(world.capacity.containerInstances[i].arn)."
        )
      }
      world.capacity.containerInstances[i].attributes[name] = nil
      out.append(
        document(
          name: name, value: old.isEmpty ? nil : old,
          targetId: world.capacity.containerInstances[i].arn))
    }
    return ["attributes": .array(out)]
  }

  static func document(name: String, value: String?, targetId: String) -> JSONValue {
    jsonObject([
      ("name", .string(name)), ("targetId", .string(targetId)),
      ("value", value.map { .string($0) }),
    ])
  }

  /// ECS's rules for a custom attribute: a name of letters, digits, `-_./@` (up to 128) not in
  /// the `ecs.` namespace, a value up to 128 characters.
  static func validate(name: String, value: String?) throws(AWSError) {
    let allowed: (Character) -> Bool = {
      $0.isASCII && ($0.isLetter || $0.isNumber || "-_./@".contains($0))
    }
    guard !name.isEmpty, name.count <= 128, name.allSatisfy(allowed) else {
      throw .invalidParameter("Attribute name \(name) is invalid.")
    }
    guard !name.hasPrefix("ecs.") else {
      throw .invalidParameter("Attributes with the prefix ecs. are reserved.")
    }
    if let value, value.count > 128 {
      throw .invalidParameter("Attribute value \(value) is invalid.")
    }
  }

  /// The container instance an attribute's targetId names (ARN, or ID in the cluster).
  static func targetIndex(_ world: World, _ item: JSONValue, cluster: Cluster) throws(AWSError)
    -> Int
  {
    if let type = item["targetType"]?.stringValue, type != "container-instance" {
      throw .invalidParameter("targetType must be container-instance.")
    }
    let ref = item["targetId"]?.stringValue ?? ""
    guard
      let i = world.capacity.containerInstances.firstIndex(where: {
        $0.status != .inactive && ($0.arn == ref || ($0.id == ref && $0.clusterArn == cluster.arn))
      })
    else {
      throw AWSError("TargetNotFoundException", "Could not find \(ref).")
    }
    return i
  }
}
