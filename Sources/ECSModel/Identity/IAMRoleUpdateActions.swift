/// IAM calls on roles, instance profiles and policy versions beside the core ones: UpdateRole,
/// UpdateRoleDescription, role and instance profile tags, ListInstanceProfilesForRole,
/// SetDefaultPolicyVersion, DeletePolicyVersion, DeleteServiceLinkedRole and its status.
enum IAMRoleUpdateActions {
  static let table: [String: ActionHandler] = [
    "UpdateRole": updateRole,
    "UpdateRoleDescription": updateRoleDescription,
    "TagRole": tagRole,
    "UntagRole": untagRole,
    "ListRoleTags": listRoleTags,
    "TagInstanceProfile": tagInstanceProfile,
    "UntagInstanceProfile": untagInstanceProfile,
    "ListInstanceProfileTags": listInstanceProfileTags,
    "ListInstanceProfilesForRole": listInstanceProfilesForRole,
    "SetDefaultPolicyVersion": setDefaultPolicyVersion,
    "DeletePolicyVersion": deletePolicyVersion,
    "DeleteServiceLinkedRole": deleteServiceLinkedRole,
    "GetServiceLinkedRoleDeletionStatus": getServiceLinkedRoleDeletionStatus,
  ]

  /// iam's waiters (botocore `waiters-2.json`) for what the tutor simulates.
  static let waiters: JSONValue =
    (try? JSONParser.parse(
      #"""
      {"InstanceProfileExists":{"delay":1,"operation":"GetInstanceProfile","maxAttempts":40,"acceptors":[{"expected":200,"matcher":"status","state":"success"},{"state":"retry","matcher":"status","expected":404}]},"PolicyExists":{"delay":1,"operation":"GetPolicy","maxAttempts":20,"acceptors":[{"state":"success","matcher":"status","expected":200},{"state":"retry","matcher":"error","expected":"NoSuchEntity"}]},"RoleExists":{"delay":1,"operation":"GetRole","maxAttempts":20,"acceptors":[{"state":"success","matcher":"status","expected":200},{"state":"retry","matcher":"error","expected":"NoSuchEntity"}]}}
      """#)) ?? .null

  static func updateRole(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("RoleName") ?? ""
    if let d = req.int("MaxSessionDuration"), !(3600...43200).contains(d) {
      throw AWSError(
        "ValidationError",
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
    }
    try checkDescription(req.string("Description"))
    try world.updateRole(name) { r in
      if let d = req.string("Description") { r.description = d }
      if let m = req.int("MaxSessionDuration") { r.maxSessionDuration = m }
    }
    return [:]
  }

  static func updateRoleDescription(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let name = req.string("RoleName") ?? ""
    try checkDescription(req.string("Description"))
    try world.updateRole(name) { $0.description = req.string("Description") }
    let role = try IAMActions.findRole(world, name)
    return ["Role": IAMActions.roleDocument(role, detail: .created)]
  }

  static func checkDescription(_ d: String?) throws(AWSError) {
    if let d, d.count > 1000 {
      throw AWSError(
        "ValidationError",
        "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000"
      )
    }
  }

  // MARK: tags

  /// IAM's tags: `Key`/`Value`; a key again replaces its value; at most 50.
  static func merged(_ tags: [Tag], _ items: [JSONValue]) throws(AWSError) -> [Tag] {
    var out = tags
    for item in items {
      guard let key = item["Key"]?.stringValue, !key.isEmpty, key.count <= 128 else {
        throw AWSError(
          "InvalidInput",
          "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1"
        )
      }
      let value = item["Value"]?.stringValue ?? ""
      if let i = out.firstIndex(where: { $0.key == key }) {
        out[i].value = value
      } else {
        out.append(Tag(key: key, value: value))
      }
    }
    guard out.count <= 50 else {
      throw AWSError("LimitExceeded", "Cannot exceed quota for TagsPerRole: 50.")
    }
    return out
  }

  static func tagsDocument(_ tags: [Tag]) -> JSONValue {
    [
      "Tags": .array(tags.map { ["Key": .string($0.key), "Value": .string($0.value)] }),
      "IsTruncated": false,
    ]
  }

  static func tagRole(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let role = try IAMActions.findRole(world, req.string("RoleName") ?? "")
    let tags = try merged(role.tags, req.array("Tags") ?? [])
    try world.updateRole(role.name) { $0.tags = tags }
    return [:]
  }

  static func untagRole(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let keys = Set(req.strings("TagKeys") ?? [])
    try world.updateRole(req.string("RoleName") ?? "") {
      $0.tags.removeAll { keys.contains($0.key) }
    }
    return [:]
  }

  static func listRoleTags(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    tagsDocument(try IAMActions.findRole(world, req.string("RoleName") ?? "").tags)
  }

  static func profileIndex(_ world: World, _ name: String) throws(AWSError) -> Int {
    guard let i = world.identity.instanceProfiles.firstIndex(where: { $0.name == name }) else {
      throw AWSError("NoSuchEntity", "Instance Profile \(name) cannot be found.")
    }
    return i
  }

  static func tagInstanceProfile(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try profileIndex(world, req.string("InstanceProfileName") ?? "")
    world.identity.instanceProfiles[i].tags = try merged(
      world.identity.instanceProfiles[i].tags, req.array("Tags") ?? [])
    return [:]
  }

  static func untagInstanceProfile(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try profileIndex(world, req.string("InstanceProfileName") ?? "")
    let keys = Set(req.strings("TagKeys") ?? [])
    world.identity.instanceProfiles[i].tags.removeAll { keys.contains($0.key) }
    return [:]
  }

  static func listInstanceProfileTags(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let i = try profileIndex(world, req.string("InstanceProfileName") ?? "")
    return tagsDocument(world.identity.instanceProfiles[i].tags)
  }

  static func listInstanceProfilesForRole(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let role = try IAMActions.findRole(world, req.string("RoleName") ?? "")
    let profiles = world.identity.instanceProfiles.filter { $0.roleNames.contains(role.name) }
    return [
      "InstanceProfiles": .array(profiles.map { world.instanceProfileDocument($0) }),
      "IsTruncated": false,
    ]
  }

  // MARK: policy versions

  static func versioned(_ world: World, _ req: Request) throws(AWSError) -> (Int, String) {
    let arn = req.string("PolicyArn") ?? ""
    try IAMActions.validatePolicyArn(arn)
    guard let i = world.identity.policies.firstIndex(where: { $0.arn == arn }) else {
      throw IAMPolicyActions.notFound(arn)
    }
    let version = req.string("VersionId") ?? ""
    guard world.identity.policies[i].versions.contains(where: { $0.versionId == version }) else {
      throw IAMPolicyActions.versionNotFound(arn, version)
    }
    return (i, version)
  }

  static func setDefaultPolicyVersion(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, version) = try versioned(world, req)
    world.identity.policies[i].defaultVersionId = version
    world.identity.policies[i].updateDate = world.clock.nowMillis
    return [:]
  }

  static func deletePolicyVersion(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (i, version) = try versioned(world, req)
    guard world.identity.policies[i].defaultVersionId != version else {
      throw AWSError("DeleteConflict", "Cannot delete the default version of a policy.")
    }
    world.identity.policies[i].versions.removeAll { $0.versionId == version }
    return [:]
  }

  // MARK: service-linked roles

  static func deleteServiceLinkedRole(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let role = try IAMActions.findRole(world, req.string("RoleName") ?? "")
    guard role.path.hasPrefix("/aws-service-role/") else {
      throw AWSError(
        "InvalidInput",
        "Role \(role.name) is not a service-linked role and cannot be deleted with DeleteServiceLinkedRole."
      )
    }
    if role.name == "AWSServiceRoleForECS", !world.clusters.filter({ $0.status == .active }).isEmpty
    {
      // ECS refuses while it still uses the role (the deletion task then fails).
      throw AWSError(
        "DeleteConflict",
        "Service-linked role AWSServiceRoleForECS is in use by ECS clusters in this account.")
    }
    let service = role.path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
    let id = "task/aws-service-role/\(service)/\(role.name)/\(world.random.uuid())"
    world.identity.roles.removeAll { $0.name == role.name }
    world.identity.slrDeletionTasks.append(id)
    return ["DeletionTaskId": .string(id)]
  }

  static func getServiceLinkedRoleDeletionStatus(_ world: inout World, _ req: Request)
    throws(AWSError) -> JSONValue
  {
    let id = req.string("DeletionTaskId") ?? ""
    guard world.identity.slrDeletionTasks.contains(id) else {
      throw AWSError("NoSuchEntity", "Deletion task \(id) cannot be found.")
    }
    return ["Status": "SUCCEEDED"]
  }
}
