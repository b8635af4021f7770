/// ssm GetParameter, GetParameters, PutParameter: the public ECS-optimized AMI parameters and the
/// learner's own parameters (later used as task secrets).
enum SSMActions {
  static let table: [String: ActionHandler] = [
    "GetParameter": getParameter,
    "GetParameters": getParameters,
    "PutParameter": putParameter,
    "DeleteParameter": deleteParameter,
    "DeleteParameters": deleteParameters,
    "DescribeParameters": describeParameters,
    "GetParameterHistory": getParameterHistory,
    "GetParametersByPath": getParametersByPath,
    "LabelParameterVersion": labelParameterVersion,
    "UnlabelParameterVersion": unlabelParameterVersion,
  ]

  /// When AWS last updated the public AMI parameters (a fixed moment before the clock starts).
  static let publicParameterDate: Int64 = SimClock.defaultStart - 55 * 86_400_000 + 37_123

  static func getParameter(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("Name") ?? ""
    guard let doc = world.parameterDocument(name, decrypt: req.bool("WithDecryption") ?? false)
    else {
      // Real CLI transcripts show an empty message here; some SDK logs show "Parameter NAME not
      // found." (UNCONFIRMED which one current SSM sends).
      throw AWSError("ParameterNotFound", "")
    }
    return ["Parameter": doc]
  }

  static func getParameters(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let names = req.strings("Names") ?? []
    guard (1...10).contains(names.count) else {
      throw AWSError(
        "ValidationException",
        "1 validation error detected: Value '[\(names.joined(separator: ", "))]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10"
      )
    }
    let decrypt = req.bool("WithDecryption") ?? false
    var found: [JSONValue] = []
    var invalid: [JSONValue] = []
    for name in names {
      if let doc = world.parameterDocument(name, decrypt: decrypt) {
        found.append(doc)
      } else if !invalid.contains(.string(name)) {
        invalid.append(.string(name))
      }
    }
    return ["Parameters": .array(found), "InvalidParameters": .array(invalid)]
  }

  static func putParameter(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("Name") ?? ""
    let value = req.string("Value") ?? ""
    let trimmed = name.hasPrefix("/") ? String(name.dropFirst()) : name
    let lower = trimmed.lowercased()
    if lower.hasPrefix("aws") || lower.hasPrefix("ssm") {
      throw AWSError(
        "ValidationException",
        "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).")
    }
    let nameOK =
      !trimmed.isEmpty && name.count <= 1011
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-/".contains($0)) }
    guard nameOK else {
      throw AWSError(
        "ValidationException",
        "Parameter name must only include letters, numbers, and the following symbols: _ . - /"
      )
    }
    if value.isEmpty {
      throw AWSError(
        "ValidationException",
        "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1"
      )
    }
    if let type = req.string("Type"), !["String", "StringList", "SecureString"].contains(type) {
      throw AWSError(
        "ValidationException",
        "1 validation error detected: Value '\(type)' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"
      )
    }
    let now = world.clock.nowMillis
    if let i = world.ssm.parameters.firstIndex(where: { $0.name == name }) {
      guard req.bool("Overwrite") == true else {
        throw AWSError(
          "ParameterAlreadyExists",
          "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."
        )
      }
      var p = world.ssm.parameters[i]
      p.value = value
      p.type = req.string("Type") ?? p.type
      p.version += 1
      p.lastModified = now
      if let d = req.string("Description") { p.description = d }
      try applyTier(req, to: &p)
      p.recordVersion()
      world.ssm.parameters[i] = p
      return ["Version": .int(p.version), "Tier": .string(p.tier)]
    }
    guard let type = req.string("Type") else {
      throw AWSError(
        "ValidationException", "A parameter type is required when you create a parameter.")
    }
    var p = SSMParameter(name: name, type: type, value: value, version: 1, lastModified: now)
    p.description = req.string("Description")
    p.dataType = req.string("DataType") ?? "text"
    try applyTier(req, to: &p)
    p.recordVersion()
    world.ssm.parameters.append(p)
    return ["Version": 1, "Tier": .string(p.tier)]
  }

  /// What `get-parameter` shows for a SecureString without `--with-decryption`: a stand-in for the
  /// KMS ciphertext, base64 like the real one and the same for the same value.
  static func ciphertext(_ value: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var bytes: [UInt8] = [0x01, 0x02, 0x02, 0x00, 0x78]
    for b in value.utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    var state = h
    for _ in 0..<(43 + value.utf8.count) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 33))
    }
    return Base64.encode(bytes)
  }
}

extension World {
  /// A parameter as SSM prints it (`Name`, `Type`, `Value`, `Version`, `LastModifiedDate`, `ARN`,
  /// `DataType`), public or the learner's own; nil when it does not exist.
  func parameterDocument(_ ref: String, decrypt: Bool) -> JSONValue? {
    let name = parameterName(ref)
    if name.hasPrefix("/aws/service/") {
      for image in MachineImage.catalog(region: region) {
        for path in image.parameterPaths where path == name {
          return publicParameter(name, value: .string(image.imageId))
        }
        if let doc = image.recommended, let idPath = image.parameterPaths.first,
          idPath.hasSuffix("/image_id")
        {
          let base = String(idPath.dropLast("/image_id".count))
          if name == base {
            return publicParameter(name, value: .string(JSONPrinter.compact(doc)))
          }
          if name.hasPrefix(base + "/"), let v = doc[String(name.dropFirst(base.count + 1))] {
            return publicParameter(name, value: .string(v.stringValue ?? JSONPrinter.compact(v)))
          }
        }
      }
      return nil
    }
    let (base, selector) = SSMActions.splitSelector(name)
    guard let p = ssmParameter(base) else { return nil }
    var v = p.current
    if let selector {
      let found =
        Int(selector).flatMap { n in p.history.first { $0.version == n } }
        ?? p.history.first { $0.labels.contains(selector) }
      guard let found else { return nil }
      v = found
    }
    let shown = v.type == "SecureString" && !decrypt ? SSMActions.ciphertext(v.value) : v.value
    let resource = "parameter" + (p.name.hasPrefix("/") ? p.name : "/" + p.name)
    return jsonObject([
      ("Name", .string(p.name)),
      ("Type", .string(v.type)),
      ("Value", .string(shown)),
      ("Version", .int(v.version)),
      ("Selector", selector.map { .string(":" + $0) }),
      ("LastModifiedDate", .string(Timestamp.iso8601(millis: v.lastModified))),
      ("ARN", .string(arn(service: "ssm", resource: resource))),
      ("DataType", .string(p.dataType)),
    ])
  }

  /// The learner's own parameter named by `ref`: its name or its ARN, as a task definition's
  /// `secrets[].valueFrom` may give it.
  ///
  /// ```swift
  /// world.ssmParameter("arn:aws:ssm:us-east-1:123456789012:parameter/app/pw")?.name  // "/app/pw"
  /// ```
  public func ssmParameter(_ ref: String) -> SSMParameter? {
    let name = parameterName(ref)
    return ssm.parameters.first { $0.name == name || "/" + $0.name == name }
  }

  /// The name in a parameter ARN (`arn:aws:ssm:REGION:ACCOUNT:parameter/app/pw` → `/app/pw`,
  /// `.../parameter/pw` → `pw`), or `ref` itself.
  func parameterName(_ ref: String) -> String {
    guard ref.hasPrefix("arn:aws:ssm:") else { return ref }
    let parts = ref.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[5].hasPrefix("parameter/") else { return ref }
    let rest = String(parts[5].dropFirst("parameter/".count))
    if rest.hasPrefix("aws/") { return "/" + rest }
    return ssm.parameters.contains { $0.name == "/" + rest } ? "/" + rest : rest
  }

  func publicParameter(_ name: String, value: JSONValue) -> JSONValue {
    [
      "Name": .string(name),
      "Type": "String",
      "Value": value,
      "Version": 112,
      "LastModifiedDate": .string(Timestamp.iso8601(millis: SSMActions.publicParameterDate)),
      "ARN": .string("arn:aws:ssm:\(region)::parameter" + name),
      "DataType": "text",
    ]
  }

  /// The image ID the public SSM parameter `path` holds (`resolve:ssm:` in RunInstances).
  public func resolvePublicImageParameter(_ path: String) -> String? {
    parameterDocument(path, decrypt: false)?["Value"]?.stringValue.flatMap { v in
      v.hasPrefix("ami-") ? v : nil
    }
  }
}
