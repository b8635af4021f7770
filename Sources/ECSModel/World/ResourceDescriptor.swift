/// One kind of resource, described once beside its family: how lessons select it (as the
/// describe call prints it), what Tab completes for it, and what blocks its deletion.
///
/// ```swift
/// ResourceDescriptor(
///   name: "repository",
///   selectors: [.one("repository", select: repositories), .many("repositories", select: repositories)],
///   completions: [.repositories: { w in w.registry.repositories.map(\.name) }])
/// ```
public struct ResourceDescriptor: Sendable {
  /// The kind's name (`cluster`, `taskDefinition`).
  public var name: String
  /// The lesson selectors over this kind (`cluster`, `clusters`).
  public var selectors: [ResourceSelector]
  /// The names Tab completes, by the kind of parameter that takes them.
  public var completions: [(kind: ResourceKind, names: @Sendable (World) -> [String])]
  /// Checks run before the resource named (or ARN'd) by the string is deleted; each returns the
  /// AWS error that blocks the deletion, in order.
  public var deleteBlockers: [@Sendable (World, String) -> AWSError?]

  public init(
    name: String, selectors: [ResourceSelector] = [],
    completions: [(kind: ResourceKind, names: @Sendable (World) -> [String])] = [],
    deleteBlockers: [@Sendable (World, String) -> AWSError?] = []
  ) {
    self.name = name
    self.selectors = selectors
    self.completions = completions
    self.deleteBlockers = deleteBlockers
  }
}

/// A lesson selector: `cluster: demo` selects one resource (missing fails), `clusters: {}` a list;
/// `select` returns the resources the parameters pick, as the describe call prints them.
public struct ResourceSelector: Sendable {
  /// The key a lesson assertion uses (`cluster`, `tasks`).
  public var name: String
  /// Plural selectors select a list; singular ones exactly one resource.
  public var plural: Bool
  public var select: @Sendable (World, JSONValue) -> [JSONValue]

  /// A singular selector.
  public static func one(
    _ name: String, select: @escaping @Sendable (World, JSONValue) -> [JSONValue]
  )
    -> ResourceSelector
  { ResourceSelector(name: name, plural: false, select: select) }

  /// A plural selector.
  public static func many(
    _ name: String, select: @escaping @Sendable (World, JSONValue) -> [JSONValue]
  ) -> ResourceSelector { ResourceSelector(name: name, plural: true, select: select) }
}

extension World {
  /// Every family's resource descriptors, in the order of `World.families`.
  public static let resources: [ResourceDescriptor] = families.flatMap(\.resources)

  /// The descriptor named `name` (`cluster`).
  public static func resource(_ name: String) -> ResourceDescriptor? {
    resources.first { $0.name == name }
  }

  /// The first error of `name`'s delete blockers for the resource `ref`, if any.
  func deleteBlocker(_ name: String, _ ref: String) -> AWSError? {
    for check in World.resource(name)?.deleteBlockers ?? [] {
      if let error = check(self, ref) { return error }
    }
    return nil
  }
}
