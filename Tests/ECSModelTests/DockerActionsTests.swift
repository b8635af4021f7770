import Testing

@testable import ECSModel

private let host = "123456789012.dkr.ecr.us-east-1.amazonaws.com"

/// docker's changes are operations of the registry family: through `World.perform`, a refused
/// one leaves the world exactly as it was.
@Suite struct DockerActionsTests {
  /// A world with a built `web:latest`, a second name `web:v2`, and a password ECR issued.
  static func world() throws -> (World, imageId: String, password: String) {
    var w = World()
    let built = try w.perform(service: "docker", operation: "Build", ["tags": ["web"]])
    let id = try #require(built["imageId"]?.stringValue)
    _ = try w.perform(
      service: "docker", operation: "Tag", ["imageId": .string(id), "reference": "web:v2"])
    let password = try #require(
      try w.perform(service: "awscli", operation: "EcrGetLoginPassword", [:])["password"]?
        .stringValue)
    return (w, id, password)
  }

  /// Refused operations and the error each gives.
  static let refused: [(String, @Sendable (String, String) -> JSONValue, String)] = [
    (
      "Login", { _, _ in ["host": .string(host), "username": "AWS", "password": "wrong"] },
      "LoginRefused"
    ),
    (
      "Login", { _, p in ["host": "public.ecr.aws", "username": "AWS", "password": .string(p)] },
      "LoginRefused"
    ),
    (
      "Login", { _, p in ["host": .string(host), "username": "bob", "password": .string(p)] },
      "LoginRefused"
    ),
    ("Tag", { _, _ in ["imageId": "sha256:00", "reference": "web:v3"] }, "NoSuchImage"),
    ("RemoveImage", { id, _ in ["imageId": .string(id)] }, "Conflict"),
    (
      "Push", { _, _ in ["repositoryName": "web", "tag": "v1", "digest": "sha256:00"] },
      "RepositoryNotFoundException"
    ),
  ]

  @Test(arguments: refused.indices)
  func aRefusedOperationLeavesTheWorldUnchanged(_ i: Int) throws {
    let (operation, request, code) = Self.refused[i]
    var (w, id, password) = try Self.world()
    let before = w
    #expect(throws: AWSError.self) {
      _ = try w.perform(service: "docker", operation: operation, request(id, password))
    }
    do {
      _ = try w.perform(service: "docker", operation: operation, request(id, password))
    } catch {
      #expect(error.code == code)
    }
    #expect(w == before)
  }

  @Test func loginThenLogoutChangesOnlyTheLogins() throws {
    var (w, _, password) = try Self.world()
    _ = try w.perform(
      service: "docker", operation: "Login",
      ["host": .string(host), "username": "AWS", "password": .string(password)])
    #expect(w.registry.logins == [host: password])
    let out = try w.perform(service: "docker", operation: "Logout", ["host": .string(host)])
    #expect(out["removed"] == .bool(true))
    #expect(w.registry.logins.isEmpty)
  }

  @Test func removingEveryNameDeletesTheImage() throws {
    var (w, id, _) = try Self.world()
    let out = try w.perform(
      service: "docker", operation: "RemoveImage", ["imageId": .string(id), "force": true])
    #expect(
      out["untagged"]
        == ["docker.io/library/web:latest", "docker.io/library/web:v2"])
    #expect(out["deleted"] == .bool(true))
    #expect(w.registry.localImages.isEmpty)
  }

  @Test func dockerIsAnInternalServiceOfTheRegistryFamily() {
    #expect(World.api.internalServices == ["awscli", "docker"])
    #expect(World.api.handlers["docker"]?.keys.sorted() == DockerActions.table.keys.sorted())
  }
}
