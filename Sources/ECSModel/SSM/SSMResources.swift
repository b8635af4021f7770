/// Parameter Store's resource kinds: `parameter: NAME` selects a parameter as `get-parameter`
/// prints it (a SecureString's value stays encrypted, as without `--with-decryption`).
enum SSMResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(name: "parameter", selectors: [.one("parameter", select: select)])
  ]

  @Sendable static func select(_ world: World, _ params: JSONValue) -> [JSONValue] {
    guard let name = params.stringValue ?? params["name"]?.stringValue,
      let doc = world.parameterDocument(name, decrypt: false)
    else { return [] }
    return [doc]
  }
}
