/// Secrets Manager's resource kinds.
enum SecretsManagerResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "secret", completions: [(.secrets, { w in w.secrets.secrets.map(\.name) })])
  ]
}
