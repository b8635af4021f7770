/// iam customer managed policies (create, get, versions, list, delete, entities) and the policy
/// simulator (`simulate-principal-policy`, `simulate-custom-policy`).
enum IAMPolicyActions {
  static let table: [String: ActionHandler] = [
    "CreatePolicy": createPolicy,
    "GetPolicy": getPolicy,
    "GetPolicyVersion": getPolicyVersion,
    "ListPolicies": listPolicies,
    "ListPolicyVersions": listPolicyVersions,
    "CreatePolicyVersion": createPolicyVersion,
    "DeletePolicy": deletePolicy,
    "ListEntitiesForPolicy": listEntitiesForPolicy,
    "SimulatePrincipalPolicy": simulatePrincipalPolicy,
    "SimulateCustomPolicy": simulateCustomPolicy,
  ]

  // MARK: customer managed policies

  static func createPolicy(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("PolicyName") ?? ""
    try IAMActions.validateName(name, member: "policyName", max: 128)
    let path = req.string("Path") ?? "/"
    try IAMActions.validatePath(path)
    let doc = try IAMActions.policyDocument(req["PolicyDocument"], trust: false)
    if world.identity.policies.contains(where: { $0.name.lowercased() == name.lowercased() }) {
      throw AWSError(
        "EntityAlreadyExists",
        "A policy called \(name) already exists. Duplicate names are not allowed.")
    }
    var policy = CustomerPolicy(
      name: name, path: path, policyId: "ANPA" + world.random.upperAlphanumeric(17),
      account: world.account, createDate: world.clock.nowMillis, document: doc)
    policy.description = req.string("Description")
    world.identity.policies.append(policy)
    return ["Policy": world.policyDocument(customer: policy, withDescription: false)]
  }

  static func getPolicy(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("PolicyArn") ?? ""
    try IAMActions.validatePolicyArn(arn)
    if let p = world.customerPolicy(arn) {
      return ["Policy": world.policyDocument(customer: p, withDescription: true)]
    }
    if let p = ManagedPolicy.find(arn) { return ["Policy": world.policyDocument(aws: p)] }
    throw notFound(arn)
  }

  static func getPolicyVersion(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("PolicyArn") ?? ""
    let versionId = req.string("VersionId") ?? ""
    try IAMActions.validatePolicyArn(arn)
    if let p = world.customerPolicy(arn) {
      guard let v = p.versions.first(where: { $0.versionId == versionId }) else {
        throw versionNotFound(arn, versionId)
      }
      return ["PolicyVersion": versionDocument(v, isDefault: v.versionId == p.defaultVersionId)]
    }
    if let p = ManagedPolicy.find(arn) {
      guard versionId == p.versionId else { throw versionNotFound(arn, versionId) }
      return [
        "PolicyVersion": jsonObject([
          ("Document", p.document), ("VersionId", .string(p.versionId)),
          ("IsDefaultVersion", .bool(true)),
          ("CreateDate", .string(Timestamp.iso8601(millis: awsPolicyDate))),
        ])
      ]
    }
    throw notFound(arn)
  }

  static func listPolicyVersions(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let arn = req.string("PolicyArn") ?? ""
    try IAMActions.validatePolicyArn(arn)
    guard let p = world.customerPolicy(arn) else { throw notFound(arn) }
    let versions = p.versions.reversed().map { v in
      jsonObject([
        ("VersionId", .string(v.versionId)),
        ("IsDefaultVersion", .bool(v.versionId == p.defaultVersionId)),
        ("CreateDate", .string(Timestamp.iso8601(millis: v.createDate))),
      ])
    }
    return ["Versions": .array(versions), "IsTruncated": false]
  }

  static func listPolicies(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let scope = req.string("Scope") ?? "All"
    let onlyAttached = req.bool("OnlyAttached") ?? false
    let prefix = req.string("PathPrefix") ?? "/"
    var items: [(name: String, doc: JSONValue)] = []
    if scope != "Local" {
      for p in ManagedPolicy.all where p.path.hasPrefix(prefix) {
        if onlyAttached && world.attachmentCount(p.arn) == 0 { continue }
        items.append((p.name, world.policyDocument(aws: p, listed: true)))
      }
    }
    if scope != "AWS" {
      for p in world.identity.policies where p.path.hasPrefix(prefix) {
        if onlyAttached && world.attachmentCount(p.arn) == 0 { continue }
        items.append((p.name, world.policyDocument(customer: p, withDescription: false)))
      }
    }
    items.sort { $0.name.lowercased() < $1.name.lowercased() }
    return ["Policies": .array(items.map(\.doc)), "IsTruncated": false]
  }

  static func createPolicyVersion(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let arn = req.string("PolicyArn") ?? ""
    try IAMActions.validatePolicyArn(arn)
    let doc = try IAMActions.policyDocument(req["PolicyDocument"], trust: false)
    guard let i = world.identity.policies.firstIndex(where: { $0.arn == arn }) else {
      throw notFound(arn)
    }
    guard world.identity.policies[i].versions.count < 5 else {
      throw AWSError(
        "LimitExceeded",
        "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version."
      )
    }
    let now = world.clock.nowMillis
    var p = world.identity.policies[i]
    let v = PolicyVersion(versionId: "v\(p.nextVersion)", document: doc, createDate: now)
    p.nextVersion += 1
    p.versions.append(v)
    let makeDefault = req.bool("SetAsDefault") ?? false
    if makeDefault {
      p.defaultVersionId = v.versionId
      p.updateDate = now
    }
    world.identity.policies[i] = p
    return [
      "PolicyVersion": jsonObject([
        ("VersionId", .string(v.versionId)), ("IsDefaultVersion", .bool(makeDefault)),
        ("CreateDate", .string(Timestamp.iso8601(millis: now))),
      ])
    ]
  }

  static func deletePolicy(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("PolicyArn") ?? ""
    try IAMActions.validatePolicyArn(arn)
    guard world.customerPolicy(arn) != nil else { throw notFound(arn) }
    if world.attachmentCount(arn) > 0 {
      throw AWSError("DeleteConflict", "Cannot delete a policy attached to entities.")
    }
    world.identity.policies.removeAll { $0.arn == arn }
    return [:]
  }

  static func listEntitiesForPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let arn = req.string("PolicyArn") ?? ""
    try IAMActions.validatePolicyArn(arn)
    guard world.customerPolicy(arn) != nil || ManagedPolicy.find(arn) != nil else {
      throw notFound(arn)
    }
    let roles = world.identity.roles.filter { $0.attachedPolicyArns.contains(arn) }
    return [
      "PolicyGroups": [], "PolicyUsers": [],
      "PolicyRoles": .array(
        roles.map { ["RoleName": .string($0.name), "RoleId": .string($0.roleId)] }),
      "IsTruncated": false,
    ]
  }

  // MARK: the policy simulator

  static func simulatePrincipalPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let source = req.string("PolicySourceArn") ?? ""
    guard source.contains(":role/"), let role = world.role(source) else {
      // UNCONFIRMED: IAM's wording for a principal it cannot find.
      throw AWSError("NoSuchEntity", "The principal \(source) cannot be found.")
    }
    let extra = try inputPolicies(req)
    var context = contextEntries(req)
    if !context.keys.contains(where: { $0.lowercased() == "aws:principalarn" }) {
      context["aws:PrincipalArn"] = [role.arn]
    }
    return simulate(world.identityPolicies(of: role) + extra, req, context: context)
  }

  static func simulateCustomPolicy(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    simulate(try inputPolicies(req), req, context: contextEntries(req))
  }

  /// `PolicyInputList`, named `PolicyInputList.1`, `.2`, ... as the simulator names them.
  static func inputPolicies(_ req: Request) throws(AWSError) -> [PolicySource] {
    var out: [PolicySource] = []
    for (i, text) in (req.array("PolicyInputList") ?? []).enumerated() {
      let doc = try IAMActions.policyDocument(text, trust: false)
      var source = PolicySource(id: "PolicyInputList.\(i + 1)", type: "IAM Policy", document: doc)
      if let text = text.stringValue { source.spans = PolicyText.statementSpans(text) }
      out.append(source)
    }
    return out
  }

  static func contextEntries(_ req: Request) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for e in req.array("ContextEntries") ?? [] {
      guard let key = e["ContextKeyName"]?.stringValue else { continue }
      out[key] = e["ContextKeyValues"].map(PolicyStatement.strings) ?? []
    }
    return out
  }

  static func simulate(_ policies: [PolicySource], _ req: Request, context: [String: [String]])
    -> JSONValue
  {
    let resources = req.strings("ResourceArns") ?? ["*"]
    var results: [JSONValue] = []
    for action in req.strings("ActionNames") ?? [] {
      for resource in resources {
        let e = PolicyEvaluator.evaluate(
          policies, action: action, resource: resource, context: context)
        results.append(evaluationResult(e, action: action, resource: resource, policies))
      }
    }
    return ["EvaluationResults": .array(results), "IsTruncated": false]
  }

  /// One `EvaluationResult` in botocore's member order. A matched statement's StartPosition and
  /// EndPosition are given for the policies whose text the request carried (`PolicyInputList`);
  /// the simulation keeps attached and inline policies as parsed documents, so theirs are left out.
  static func evaluationResult(
    _ e: PolicyEvaluation, action: String, resource: String, _ policies: [PolicySource] = []
  ) -> JSONValue {
    jsonObject([
      ("EvalActionName", .string(action)),
      ("EvalResourceName", .string(resource)),
      ("EvalDecision", .string(e.decision.rawValue)),
      (
        "MatchedStatements",
        .array(
          e.matched.map { m in
            let span = policies.first { $0.id == m.sourcePolicyId }?.spans
              .dropFirst(m.index).first
            let position = { (line: Int, column: Int) -> JSONValue in
              ["Line": .int(line), "Column": .int(column)]
            }
            return jsonObject([
              ("SourcePolicyId", .string(m.sourcePolicyId)),
              ("SourcePolicyType", .string(m.sourcePolicyType)),
              ("StartPosition", span.map { position($0.startLine, $0.startColumn) }),
              ("EndPosition", span.map { position($0.endLine, $0.endColumn) }),
            ])
          })
      ),
      ("MissingContextValues", .array(e.missingContextKeys.map { .string($0) })),
    ])
  }

  // MARK: helpers

  /// When the simulated AWS managed policies were created (their real dates differ per policy).
  static let awsPolicyDate: Int64 = 1_423_248_000_000

  static func notFound(_ arn: String) -> AWSError {
    // UNCONFIRMED: IAM's GetPolicy wording for a missing policy.
    AWSError("NoSuchEntity", "Policy \(arn) was not found.")
  }

  static func versionNotFound(_ arn: String, _ version: String) -> AWSError {
    // UNCONFIRMED: IAM's GetPolicyVersion wording for a missing version.
    AWSError(
      "NoSuchEntity", "Policy \(arn) version \(version) does not exist or is not attachable.")
  }

  static func versionDocument(_ v: PolicyVersion, isDefault: Bool) -> JSONValue {
    jsonObject([
      ("Document", v.document), ("VersionId", .string(v.versionId)),
      ("IsDefaultVersion", .bool(isDefault)),
      ("CreateDate", .string(Timestamp.iso8601(millis: v.createDate))),
    ])
  }
}

extension World {
  /// How many roles have the policy attached.
  func attachmentCount(_ arn: String) -> Int {
    identity.roles.filter { $0.attachedPolicyArns.contains(arn) }.count
  }

  /// A customer managed policy as IAM prints it (botocore's `Policy` member order).
  func policyDocument(customer p: CustomerPolicy, withDescription: Bool) -> JSONValue {
    jsonObject([
      ("PolicyName", .string(p.name)),
      ("PolicyId", .string(p.policyId)),
      ("Arn", .string(p.arn)),
      ("Path", .string(p.path)),
      ("DefaultVersionId", .string(p.defaultVersionId)),
      ("AttachmentCount", .int(attachmentCount(p.arn))),
      ("PermissionsBoundaryUsageCount", .int(0)),
      ("IsAttachable", .bool(true)),
      ("Description", withDescription ? p.description.map { .string($0) } : nil),
      ("CreateDate", .string(Timestamp.iso8601(millis: p.createDate))),
      ("UpdateDate", .string(Timestamp.iso8601(millis: p.updateDate))),
    ])
  }

  /// An AWS managed policy as IAM prints it. Its PolicyId is derived from its name (the real IDs
  /// are not in the simulation).
  func policyDocument(aws p: ManagedPolicy, listed: Bool = false) -> JSONValue {
    var rng = SeededRandom(
      seed: UInt64(truncatingIfNeeded: p.name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
    let date = Timestamp.iso8601(millis: IAMPolicyActions.awsPolicyDate)
    return jsonObject([
      ("PolicyName", .string(p.name)),
      ("PolicyId", .string("ANPA" + rng.upperAlphanumeric(17))),
      ("Arn", .string(p.arn)),
      ("Path", .string(p.path)),
      ("DefaultVersionId", .string(p.versionId)),
      ("AttachmentCount", .int(attachmentCount(p.arn))),
      ("PermissionsBoundaryUsageCount", .int(0)),
      ("IsAttachable", .bool(!p.path.hasPrefix("/aws-service-role/"))),
      ("CreateDate", .string(date)),
      ("UpdateDate", .string(date)),
    ])
  }
}
