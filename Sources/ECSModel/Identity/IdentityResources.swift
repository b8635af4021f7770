/// IAM's resource kinds: roles and instance profiles.
enum IdentityResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "role", selectors: [.one("role", select: roles)],
      completions: [
        (.roles, { w in w.identity.roles.map(\.name) }),
        (.roleArns, { w in w.identity.roles.map(\.arn) }),
      ]),
    ResourceDescriptor(
      name: "instanceProfile",
      completions: [(.instanceProfiles, { w in w.identity.instanceProfiles.map(\.name) })]),
  ]

  /// `role: ecsTaskExecutionRole` — get-role's Role plus AttachedPolicies and InlinePolicyNames.
  static func roles(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let name = p.stringValue ?? p["name"]?.stringValue else { return [] }
    return w.roleCheckDocument(name).map { [$0] } ?? []
  }
}
