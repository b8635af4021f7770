import Testing

@testable import ECSModel

/// The resource descriptors are the one table of resource kinds: every completion kind and every
/// lesson selector is declared exactly once.
@Suite struct ResourceDescriptorTests {
  @Test(arguments: ResourceKind.allCases)
  func everyCompletionKindHasExactlyOneSource(_ kind: ResourceKind) {
    let sources = World.resources.filter { $0.completions.contains { $0.kind == kind } }
    #expect(sources.count == 1, "\(kind) is answered by \(sources.map(\.name))")
  }

  @Test func selectorsAndNamesAreDeclaredOnce() {
    let selectors = World.resources.flatMap(\.selectors).map(\.name)
    #expect(Set(selectors).count == selectors.count, "\(selectors.sorted())")
    let names = World.resources.map(\.name)
    #expect(Set(names).count == names.count, "\(names.sorted())")
  }

  /// The delete blockers the delete operations use, with the error each gives.
  @Test func blockersGiveTheDeleteOperationsErrors() throws {
    var w = World()
    _ = try w.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
    #expect(w.deleteBlocker("repository", "web") == nil)
    try w.pushImage(
      repositoryName: "web", tag: "v1", digest: "sha256:00", layers: [], sizeInBytes: 1)
    #expect(w.deleteBlocker("repository", "web")?.code == "RepositoryNotEmptyException")
    let before = w
    #expect(throws: AWSError.self) {
      _ = try w.perform(service: "ecr", operation: "DeleteRepository", ["repositoryName": "web"])
    }
    #expect(w == before)
    #expect(World.resource("cluster")?.deleteBlockers.count == 3)
  }
}
