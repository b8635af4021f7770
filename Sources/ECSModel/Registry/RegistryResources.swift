/// ECR's resource kinds: repositories and their images.
enum RegistryResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "repository",
      selectors: [
        .one("repository", select: repositories), .many("repositories", select: repositories),
      ],
      completions: [(.repositories, { w in w.registry.repositories.map(\.name) })],
      // Without `--force`, a repository with images cannot be deleted.
      deleteBlockers: [
        { w, name in
          guard let repo = w.registry.repository(name), !repo.images.isEmpty else { return nil }
          return AWSError(
            "RepositoryNotEmptyException",
            "The repository with name '\(name)' in registry with id '\(w.account)' cannot be "
              + "deleted because it still contains images")
        }
      ]),
    ResourceDescriptor(name: "image", selectors: [.many("images", select: images)]),
  ]

  /// `repository: web` — as describe-repositories prints it.
  static func repositories(_ w: World, _ p: JSONValue) -> [JSONValue] {
    let name = p.stringValue ?? p["name"]?.stringValue
    return w.repositoryDocuments().filter {
      name == nil || $0["repositoryName"]?.stringValue == name
    }
  }

  /// `images: {repository: web}` — as describe-images prints them.
  static func images(_ w: World, _ p: JSONValue) -> [JSONValue] {
    guard let repo = p["repository"]?.stringValue ?? p.stringValue else { return [] }
    return w.imageDocuments(repository: repo) ?? []
  }
}
