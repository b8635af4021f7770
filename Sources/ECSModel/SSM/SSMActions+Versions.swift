/// Parameter versions, labels and the rest of Parameter Store's calls on the learner's
/// parameters: DeleteParameter(s), DescribeParameters, GetParameterHistory, GetParametersByPath,
/// LabelParameterVersion, UnlabelParameterVersion; `NAME:2` and `NAME:label` selectors.
extension SSMActions {
  static let notFound = AWSError("ParameterNotFound", "")

  /// `NAME:2` → (NAME, "2"); `NAME` → (NAME, nil). ARNs keep their colons.
  static func splitSelector(_ ref: String) -> (String, String?) {
    let start =
      ref.hasPrefix("arn:")
      ? ref.index(ref.startIndex, offsetBy: min(ref.count, 4)) : ref.startIndex
    let tail = ref[start...]
    if ref.hasPrefix("arn:") {
      let parts = ref.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 7 else { return (ref, nil) }
      return (parts[0..<6].joined(separator: ":"), String(parts[6]))
    }
    guard let colon = tail.lastIndex(of: ":") else { return (ref, nil) }
    return (String(ref[..<colon]), String(ref[ref.index(after: colon)...]))
  }

  static func applyTier(_ req: Request, to p: inout SSMParameter) throws(AWSError) {
    if let tier = req.string("Tier") {
      let allowed = ["Standard", "Advanced", "Intelligent-Tiering"]
      guard allowed.contains(tier) else {
        throw AWSError(
          "ValidationException",
          "1 validation error detected: Value '\(tier)' at 'tier' failed to satisfy constraint: Member must satisfy enum value set: [Standard, Advanced, Intelligent-Tiering]"
        )
      }
      if p.tier == "Advanced" && tier == "Standard" {
        throw AWSError(
          "ValidationException",
          "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter."
        )
      }
      p.tier = tier == "Intelligent-Tiering" ? "Standard" : tier
    }
    if let policies = req.string("Policies") {
      guard p.tier == "Advanced" else {
        throw AWSError(
          "InvalidPolicyTypeException", "Parameter policies are only supported on Advanced tier.")
      }
      p.policies = try? JSONParser.parse(policies)
    }
  }

  static func deleteParameter(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("Name") ?? ""
    guard let p = world.ssmParameter(name) else { throw notFound }
    world.ssm.parameters.removeAll { $0.name == p.name }
    return [:]
  }

  static func deleteParameters(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    var deleted: [JSONValue] = []
    var invalid: [JSONValue] = []
    for name in req.strings("Names") ?? [] {
      if let p = world.ssmParameter(name) {
        world.ssm.parameters.removeAll { $0.name == p.name }
        deleted.append(.string(name))
      } else {
        invalid.append(.string(name))
      }
    }
    return ["DeletedParameters": .array(deleted), "InvalidParameters": .array(invalid)]
  }

  static func describeParameters(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    var params = world.ssm.parameters.sorted { $0.name < $1.name }
    for filter in req.array("ParameterFilters") ?? [] {
      let key = filter["Key"]?.stringValue ?? ""
      let option = filter["Option"]?.stringValue ?? "Equals"
      let values = filter["Values"]?.arrayValue?.compactMap(\.stringValue) ?? []
      params = params.filter { p in
        let field: String
        switch key {
        case "Name": field = p.name
        case "Type": field = p.type
        case "Tier": field = p.tier
        case "Path": field = p.name
        default: return true
        }
        if key == "Path" {
          return values.contains { v in
            let dir = v.hasSuffix("/") ? v : v + "/"
            return p.name.hasPrefix(dir)
              && (option == "Recursive" || !p.name.dropFirst(dir.count).contains("/"))
          }
        }
        return values.contains { option == "BeginsWith" ? field.hasPrefix($0) : field == $0 }
      }
    }
    let docs: [JSONValue] = params.map { p in
      jsonObject([
        ("Name", .string(p.name)), ("ARN", .string(world.parameterArn(p.name))),
        ("Type", .string(p.type)),
        ("KeyId", p.type == "SecureString" ? "alias/aws/ssm" : nil),
        ("LastModifiedDate", .string(Timestamp.iso8601(millis: p.lastModified))),
        ("LastModifiedUser", .string("arn:aws:iam::\(world.account):root")),
        ("Description", p.description.map { .string($0) }),
        ("Version", .int(p.version)), ("Tier", .string(p.tier)),
        ("Policies", .array(policyDocuments(p))), ("DataType", .string(p.dataType)),
      ])
    }
    return ["Parameters": .array(docs)]
  }

  static func policyDocuments(_ p: SSMParameter) -> [JSONValue] {
    (p.policies?.arrayValue ?? []).map { policy in
      [
        "PolicyText": .string(JSONPrinter.compact(policy)),
        "PolicyType": policy["Type"] ?? "Expiration", "PolicyStatus": "Pending",
      ]
    }
  }

  static func getParameterHistory(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    guard let p = world.ssmParameter(req.string("Name") ?? "") else { throw notFound }
    let decrypt = req.bool("WithDecryption") ?? false
    let docs: [JSONValue] = p.history.map { v in
      jsonObject([
        ("Name", .string(p.name)), ("Type", .string(v.type)),
        ("KeyId", v.type == "SecureString" ? "alias/aws/ssm" : nil),
        ("LastModifiedDate", .string(Timestamp.iso8601(millis: v.lastModified))),
        ("LastModifiedUser", .string("arn:aws:iam::\(world.account):root")),
        ("Description", v.description.map { .string($0) }),
        ("Value", .string(v.type == "SecureString" && !decrypt ? ciphertext(v.value) : v.value)),
        ("Version", .int(v.version)), ("Labels", .array(v.labels.map { .string($0) })),
        ("Tier", .string(p.tier)), ("Policies", .array(policyDocuments(p))),
        ("DataType", .string(p.dataType)),
      ])
    }
    return ["Parameters": .array(docs)]
  }

  static func getParametersByPath(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let path = req.string("Path") ?? ""
    guard path.hasPrefix("/") else {
      throw AWSError(
        "ValidationException",
        "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\"."
      )
    }
    let dir = path.hasSuffix("/") ? path : path + "/"
    let recursive = req.bool("Recursive") ?? false
    let decrypt = req.bool("WithDecryption") ?? false
    let docs = world.ssm.parameters.filter { p in
      p.name.hasPrefix(dir) && (recursive || !p.name.dropFirst(dir.count).contains("/"))
    }.sorted { $0.name < $1.name }.compactMap { world.parameterDocument($0.name, decrypt: decrypt) }
    return ["Parameters": .array(docs)]
  }

  static func labelParameterVersion(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    guard
      let i = world.ssm.parameters.firstIndex(where: {
        $0.name == world.ssmParameter(req.string("Name") ?? "")?.name
      })
    else { throw notFound }
    var p = world.ssm.parameters[i]
    let version = req.int("ParameterVersion") ?? p.version
    guard let k = p.history.firstIndex(where: { $0.version == version }) else {
      throw AWSError(
        "ParameterVersionNotFound",
        "Systems Manager could not find version \(version) of \(p.name). Verify the version and try again."
      )
    }
    var invalid: [JSONValue] = []
    for label in req.strings("Labels") ?? [] {
      let ok =
        !label.isEmpty && label.count <= 100 && Int(label) == nil
        && !label.lowercased().hasPrefix("aws") && !label.lowercased().hasPrefix("ssm")
        && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
      guard ok else {
        invalid.append(.string(label))
        continue
      }
      // A label moves to the version it is put on.
      for j in p.history.indices { p.history[j].labels.removeAll { $0 == label } }
      p.history[k].labels.append(label)
    }
    world.ssm.parameters[i] = p
    return ["InvalidLabels": .array(invalid), "ParameterVersion": .int(version)]
  }

  static func unlabelParameterVersion(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    guard
      let i = world.ssm.parameters.firstIndex(where: {
        $0.name == world.ssmParameter(req.string("Name") ?? "")?.name
      })
    else { throw notFound }
    let version = req.int("ParameterVersion") ?? 0
    guard let k = world.ssm.parameters[i].history.firstIndex(where: { $0.version == version })
    else {
      throw AWSError(
        "ParameterVersionNotFound",
        "Systems Manager could not find version \(version) of \(world.ssm.parameters[i].name). Verify the version and try again."
      )
    }
    var removed: [JSONValue] = []
    var invalid: [JSONValue] = []
    for label in req.strings("Labels") ?? [] {
      if world.ssm.parameters[i].history[k].labels.contains(label) {
        world.ssm.parameters[i].history[k].labels.removeAll { $0 == label }
        removed.append(.string(label))
      } else {
        invalid.append(.string(label))
      }
    }
    return ["RemovedLabels": .array(removed), "InvalidLabels": .array(invalid)]
  }
}

extension SSMParameter {
  /// The current version as a history entry.
  var current: SSMParameterVersion {
    history.last
      ?? SSMParameterVersion(
        version: version, type: type, value: value, description: description,
        lastModified: lastModified)
  }

  /// Appends the current value as a new version.
  mutating func recordVersion() {
    history.append(
      SSMParameterVersion(
        version: version, type: type, value: value, description: description,
        lastModified: lastModified))
  }
}

extension World {
  func parameterArn(_ name: String) -> String {
    arn(service: "ssm", resource: "parameter" + (name.hasPrefix("/") ? name : "/" + name))
  }
}
