/// Secrets Manager's resource kinds: `secret: NAME` selects a secret as `describe-secret`
/// prints it.
enum SecretsManagerResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "secret", selectors: [.one("secret", select: select)],
      completions: [(.secrets, { w in w.secrets.secrets.map(\.name) })])
  ]

  @Sendable static func select(_ world: World, _ params: JSONValue) -> [JSONValue] {
    guard let name = params.stringValue ?? params["name"]?.stringValue,
      let s = world.secret(name)
    else { return [] }
    return [SecretsManagerActions.document(s, listed: false)]
  }
}
