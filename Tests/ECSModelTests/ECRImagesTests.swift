import Testing

@testable import ECSModel

private let host = "123456789012.dkr.ecr.us-east-1.amazonaws.com"

@Suite struct ImageReferenceTests {
  @Test(
    arguments: [
      (
        "nginx", "docker.io", "library/nginx", nil, "docker.io/library/nginx:latest", "nginx:latest"
      ),
      (
        "nginx:1.27", "docker.io", "library/nginx", "1.27", "docker.io/library/nginx:1.27",
        "nginx:1.27"
      ),
      (
        "amazon/aws-cli", "docker.io", "amazon/aws-cli", nil, "docker.io/amazon/aws-cli:latest",
        "amazon/aws-cli:latest"
      ),
      (
        "public.ecr.aws/nginx/nginx:alpine", "public.ecr.aws", "nginx/nginx", "alpine",
        "public.ecr.aws/nginx/nginx:alpine", "public.ecr.aws/nginx/nginx:alpine"
      ),
      (host + "/team/web:v1", host, "team/web", "v1", host + "/team/web:v1", host + "/team/web:v1"),
      (
        "localhost:5000/web", "localhost:5000", "web", nil, "localhost:5000/web:latest",
        "localhost:5000/web:latest"
      ),
    ] as [(String, String, String, String?, String, String)])
  func parsesLikeDocker(
    text: String, domain: String, path: String, tag: String?, canonical: String, familiar: String
  ) throws {
    let r = try ImageReference.parse(text)
    #expect(r.domain == domain)
    #expect(r.path == path)
    #expect(r.tag == tag)
    #expect(r.canonical == canonical)
    #expect(r.familiar == familiar)
  }

  @Test func readsADigest() throws {
    let d = "sha256:" + String(repeating: "0", count: 64)
    let r = try ImageReference.parse("nginx@" + d)
    #expect(r.digest == d)
    #expect(r.tag == nil)
    #expect(r.canonical == "docker.io/library/nginx@" + d)
  }

  @Test(arguments: [
    ("", ImageReference.ParseError.invalidFormat),
    ("nginx:", .invalidFormat),
    ("nginx:-bad", .invalidFormat),
    ("ngi nx", .invalidFormat),
    ("nginx@sha256:abc", .invalidFormat),
    ("web//x", .invalidFormat),
    ("Web", .uppercase(path: "library/Web")),
  ])
  func rejectsWhatDockerRejects(text: String, error: ImageReference.ParseError) {
    #expect(throws: error) { try ImageReference.parse(text) }
  }

  @Test func uppercaseMessageNamesThePath() {
    #expect(
      ImageReference.ParseError.uppercase(path: "library/Web").message
        == "invalid reference format: repository name (library/Web) must be lowercase")
  }

  @Test func recognisesPrivateECRHosts() throws {
    let r = try ImageReference.parse(host + "/web")
    #expect(r.ecrRegistry?.account == "123456789012")
    #expect(r.ecrRegistry?.region == "us-east-1")
    #expect(try ImageReference.parse("public.ecr.aws/nginx/nginx").ecrRegistry == nil)
    #expect(
      try ImageReference.parse("12345.dkr.ecr.us-east-1.amazonaws.com/web").ecrRegistry == nil)
  }
}

@Suite struct ImageCatalogueTests {
  @Test(arguments: [
    "docker.io/library/nginx:latest", "docker.io/library/nginx:1.27",
    "docker.io/library/nginx:1.25",
    "docker.io/library/nginx:alpine", "docker.io/library/httpd:latest",
    "docker.io/library/busybox:latest",
    "docker.io/library/alpine:latest", "docker.io/amazon/amazon-ecs-agent:latest",
    "docker.io/library/redis:latest", "docker.io/library/postgres:16", "docker.io/library/node:20",
    "docker.io/library/python:3.12", "public.ecr.aws/nginx/nginx:latest",
    "public.ecr.aws/docker/library/httpd:latest",
    "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "docker.io/amazon/aws-cli:latest",
  ])
  func catalogueHas(reference: String) throws {
    let r = try ImageReference.parse(reference)
    let image = try #require(ImageCatalogue.find(name: r.name, tag: r.effectiveTag))
    #expect(image.digest.count == 71)
    #expect(image.digest.hasPrefix("sha256:"))
    #expect(image.size > image.compressedSize)
    #expect(!image.layers.isEmpty)
  }

  @Test func tagsOfOneImageAndMirrorsShareADigest() throws {
    let latest = try #require(ImageCatalogue.find(name: "docker.io/library/nginx", tag: "latest"))
    #expect(
      ImageCatalogue.find(name: "docker.io/library/nginx", tag: "1.27")?.digest == latest.digest)
    #expect(
      ImageCatalogue.find(name: "public.ecr.aws/nginx/nginx", tag: "latest")?.digest
        == latest.digest)
    #expect(
      ImageCatalogue.find(name: "public.ecr.aws/docker/library/nginx", tag: "latest")?.digest
        == latest.digest)
    #expect(
      ImageCatalogue.find(name: "docker.io/library/nginx", tag: "1.25")?.digest != latest.digest)
    #expect(Set(ImageCatalogue.all.map(\.digest)).count > 20)
  }
}

@Suite struct ResolveImageTests {
  static let prefix = "CannotPullContainerError: pull image manifest has been retried 1 time(s): "

  static func world() throws -> World {
    var w = World()
    _ = try w.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
    try w.pushImage(
      repositoryName: "web", tag: "v1", digest: "sha256:" + String(repeating: "c", count: 64),
      layers: [], sizeInBytes: 4242)
    return w
  }

  @Test func publicImagesAreFoundWithoutECR() throws {
    let w = try Self.world()
    let nginx = try #require(ImageCatalogue.find(name: "docker.io/library/nginx", tag: "alpine"))
    #expect(
      w.resolveImage("nginx:alpine")
        == .found(
          digest: nginx.digest, size: nginx.compressedSize, isECR: false, repositoryArn: nil))
    #expect(
      w.resolveImage("nginx@" + nginx.digest)
        == .found(
          digest: nginx.digest, size: nginx.compressedSize, isECR: false, repositoryArn: nil))
  }

  @Test func pushedECRImagesAreFoundWithTheirRepository() throws {
    let w = try Self.world()
    #expect(
      w.resolveImage(host + "/web:v1")
        == .found(
          digest: "sha256:" + String(repeating: "c", count: 64), size: 4242, isECR: true,
          repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/web"))
  }

  @Test(arguments: [
    (host + "/web:v2", prefix + "failed to resolve ref \(host)/web:v2: \(host)/web:v2: not found"),
    (
      host + "/web",
      prefix + "failed to resolve ref \(host)/web:latest: \(host)/web:latest: not found"
    ),
    (host + "/api:v1", prefix + "failed to resolve ref \(host)/api:v1: \(host)/api:v1: not found"),
    (
      "111122223333.dkr.ecr.us-east-1.amazonaws.com/web:v1",
      prefix
        + "failed to resolve ref 111122223333.dkr.ecr.us-east-1.amazonaws.com/web:v1: 111122223333.dkr.ecr.us-east-1.amazonaws.com/web:v1: not found"
    ),
    (
      "nginx:nope",
      prefix
        + "failed to resolve ref docker.io/library/nginx:nope: docker.io/library/nginx:nope: not found"
    ),
    (
      "ngnix",
      prefix
        + "failed to resolve ref docker.io/library/ngnix:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
    ),
    (
      "public.ecr.aws/nginx/nginx:nope",
      prefix
        + "failed to resolve ref public.ecr.aws/nginx/nginx:nope: public.ecr.aws/nginx/nginx:nope: not found"
    ),
    (
      "Nginx",
      "CannotPullContainerError: invalid reference format: repository name (library/Nginx) must be lowercase"
    ),
  ])
  func missingImagesGiveTheStoppedReason(image: String, message: String) throws {
    let w = try Self.world()
    #expect(w.resolveImage(image) == .notFound(message: message))
  }
}

@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func matchesTheStandardVectors(text: String, hex: String) {
    #expect(SHA256.hex(text) == hex)
  }

  @Test func handlesMultiBlockInput() {
    #expect(
      SHA256.hex(String(repeating: "a", count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
