import ECSModel
import Testing

@testable import ECSCommands

private let host = "123456789012.dkr.ecr.us-east-1.amazonaws.com"

/// Runs `line` (split on spaces) as the learner's docker.
@discardableResult
private func docker(_ line: String, stdin: String = "", _ w: inout World) -> CommandResult {
  DockerCLI.run(line.split(separator: " ").map(String.init), stdin: stdin, world: &w)
}

/// A world with repository `web`, a built `web:latest`, and a login to this account's registry.
private func loggedIn() throws -> World {
  var w = World()
  _ = try w.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
  docker("docker build -t web .", &w)
  let password = ECRActions.loginPassword(world: &w)
  docker("docker login --username AWS --password-stdin \(host)", stdin: password + "\n", &w)
  return w
}

@Suite struct DockerFlowTests {
  /// build → tag → login → push → describe-images, as a lesson walks it.
  static func flow() throws -> (World, [CommandResult]) {
    var w = World()
    var results: [CommandResult] = []
    _ = try w.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
    results.append(docker("docker build -t web:latest .", &w))
    results.append(docker("docker tag web:latest \(host)/web:v1", &w))
    results.append(docker("docker push \(host)/web:v1", &w))
    let password = ECRActions.loginPassword(world: &w)
    results.append(
      docker("docker login --username AWS --password-stdin \(host)", stdin: password + "\n", &w))
    results.append(docker("docker push \(host)/web:v1", &w))
    results.append(docker("docker images", &w))
    return (w, results)
  }

  @Test func buildTagLoginPushDescribe() throws {
    var (w, r) = try Self.flow()
    #expect(r.map(\.status) == [0, 0, 1, 0, 0, 0])
    #expect(r[0].stderr.contains(" => => naming to docker.io/library/web:latest"))
    #expect(r[0].stderr.hasPrefix("[+] Building 1.9s (7/7) FINISHED"))
    #expect(r[1] == CommandResult(stdout: "", stderr: "", status: 0))
    #expect(r[2].stdout.hasPrefix("The push refers to repository [\(host)/web]\n"))
    #expect(r[2].stderr == "no basic auth credentials\n")
    #expect(r[3].stdout == "Login Succeeded\n")
    let image = try #require(w.registry.localImage(reference: "\(host)/web:v1"))
    let lines = r[4].stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "The push refers to repository [\(host)/web]")
    #expect(
      lines.last
        == "v1: digest: \(image.manifestDigest) size: \(DockerCLI.manifestSize(image.layers.count))"
    )
    #expect(lines.filter { $0.hasSuffix(": Pushed") }.count == image.layers.count)
    let out = try w.perform(service: "ecr", operation: "DescribeImages", ["repositoryName": "web"])
    #expect(out["imageDetails"]?[0]?["imageDigest"] == .string(image.manifestDigest))
    #expect(out["imageDetails"]?[0]?["imageTags"] == ["v1"])
    #expect(out["imageDetails"]?[0]?["imageSizeInBytes"] == .int(image.compressedSize))
    #expect(
      w.resolveImage("\(host)/web:v1")
        == .found(
          digest: image.manifestDigest, size: image.compressedSize, isECR: true,
          repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/web"))
  }

  @Test func theSameStepsGiveTheSameDigestsAndOutput() throws {
    let (a, ra) = try Self.flow()
    let (b, rb) = try Self.flow()
    #expect(ra == rb)
    #expect(a == b)
    #expect(a.registry.repository("web")?.images.first?.digest.count == 71)
  }

  @Test func rebuildingGivesANewImageAndLeavesTheOldOneDangling() throws {
    var w = World()
    docker("docker build -t web .", &w)
    let first = try #require(w.registry.localImage(reference: "docker.io/library/web:latest"))
    docker("docker build -t web .", &w)
    let second = try #require(w.registry.localImage(reference: "docker.io/library/web:latest"))
    #expect(first.id != second.id)
    #expect(first.manifestDigest != second.manifestDigest)
    #expect(w.registry.localImages.first { $0.id == first.id }?.references == [])
    let table = docker("docker images", &w).stdout
    #expect(table.contains("<none>"))
  }

  @Test func pushingAgainSaysLayersAlreadyExist() throws {
    var w = try loggedIn()
    docker("docker tag web \(host)/web:v1", &w)
    docker("docker push \(host)/web:v1", &w)
    docker("docker tag web \(host)/web:v2", &w)
    let again = docker("docker push \(host)/web:v2", &w)
    #expect(again.status == 0)
    #expect(!again.stdout.contains(": Pushed"))
    #expect(again.stdout.contains(": Layer already exists"))
    #expect(w.registry.repository("web")?.images.count == 1)
    #expect(w.registry.repository("web")?.images.first?.tags == ["v1", "v2"])
  }

  @Test func pushWithoutATagUsesLatest() throws {
    var w = try loggedIn()
    docker("docker tag web \(host)/web", &w)
    let r = docker("docker push \(host)/web", &w)
    #expect(r.stdout.hasPrefix("Using default tag: latest\nThe push refers to repository"))
    #expect(r.stdout.contains("\nlatest: digest: sha256:"))
  }
}

@Suite struct DockerFailureTests {
  @Test func pushToAMissingRepositoryIsNameUnknown() throws {
    var w = try loggedIn()
    docker("docker tag web \(host)/api:v1", &w)
    let before = w.registry.repositories
    let r = docker("docker push \(host)/api:v1", &w)
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "name unknown: The repository with name 'api' does not exist in the registry with id '123456789012'\n"
    )
    #expect(w.registry.repositories == before)
  }

  @Test func pushOverAnImmutableTagIsTagInvalid() throws {
    var w = try loggedIn()
    _ = try w.perform(
      service: "ecr", operation: "PutImageTagMutability",
      ["repositoryName": "web", "imageTagMutability": "IMMUTABLE"])
    docker("docker tag web \(host)/web:v1", &w)
    #expect(docker("docker push \(host)/web:v1", &w).status == 0)
    docker("docker build -t \(host)/web:v1 .", &w)
    let r = docker("docker push \(host)/web:v1", &w)
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "tag invalid: The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.\n"
    )
  }

  @Test func anExpiredLoginIsDeniedAtPush() throws {
    var w = try loggedIn()
    docker("docker tag web \(host)/web:v1", &w)
    w.clock.advance(seconds: 13 * 3600)
    let r = docker("docker push \(host)/web:v1", &w)
    #expect(
      r.stderr == "denied: Your authorization token has expired. Reauthenticate and try again.\n")
  }

  @Test func pushOfAnImageThatIsNotLocal() throws {
    var w = try loggedIn()
    let r = docker("docker push \(host)/web:v9", &w)
    #expect(r.stderr == "An image does not exist locally with the tag: \(host)/web\n")
    #expect(r.status == 1)
  }

  @Test func pushToDockerHubIsDenied() throws {
    var w = try loggedIn()
    let r = docker("docker push web", &w)
    #expect(
      r.stdout.hasPrefix(
        "Using default tag: latest\nThe push refers to repository [docker.io/library/web]\n"))
    #expect(r.stderr == "denied: requested access to the resource is denied\n")
  }

  @Test(arguments: [
    (
      "not-a-token", "AWS", host,
      "Error response from daemon: login attempt to https://\(host)/v2/ failed with status: 400 Bad Request\n"
    ),
    (
      "ISSUED", "admin", host,
      "Error response from daemon: login attempt to https://\(host)/v2/ failed with status: 400 Bad Request\n"
    ),
    (
      "ISSUED", "AWS", "123456789012.dkr.ecr.us-west-2.amazonaws.com",
      "Error response from daemon: login attempt to https://123456789012.dkr.ecr.us-west-2.amazonaws.com/v2/ failed with status: 400 Bad Request\n"
    ),
    (
      "ISSUED", "AWS", "",
      "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or password\n"
    ),
  ])
  func loginRefusesPasswordsECRDidNotIssue(
    password: String, user: String, server: String, message: String
  ) {
    var w = World()
    let issued = ECRActions.loginPassword(world: &w)
    let pw = password == "ISSUED" ? issued : password
    let r = docker("docker login -u \(user) --password-stdin \(server)", stdin: pw + "\n", &w)
    #expect(r == CommandResult(stdout: "", stderr: message, status: 1))
    #expect(w.registry.logins.isEmpty)
  }

  @Test func anExpiredTokenCannotLogIn() {
    var w = World()
    let pw = ECRActions.loginPassword(world: &w)
    w.clock.advance(seconds: 12 * 3600)
    let r = docker("docker login -u AWS --password-stdin \(host)", stdin: pw, &w)
    #expect(r.status == 1)
    #expect(r.stderr.hasSuffix("failed with status: 400 Bad Request\n"))
  }

  @Test func passwordOnTheCommandLineWarns() {
    var w = World()
    let pw = ECRActions.loginPassword(world: &w)
    let r = docker("docker login -u AWS -p \(pw) \(host)", &w)
    #expect(
      r
        == CommandResult(
          stdout: "Login Succeeded\n",
          stderr: "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n",
          status: 0))
    #expect(w.registry.logins[host] == pw)
    #expect(
      docker("docker logout \(host)", &w).stdout == "Removing login credentials for \(host)\n")
    #expect(w.registry.logins.isEmpty)
  }

  @Test(arguments: [
    ("docker login --password-stdin \(host)", "Must provide --username with --password-stdin\n"),
    (
      "docker login -u AWS -p x --password-stdin \(host)",
      "--password and --password-stdin are mutually exclusive\n"
    ),
    (
      "docker login -u AWS \(host)",
      "Error: Cannot perform an interactive login from a non TTY device\n"
    ),
  ])
  func loginUsageErrors(line: String, message: String) {
    var w = World()
    let r = docker(line, &w)
    #expect(r.stderr == message)
    #expect(r.status == 1)
  }

  @Test(arguments: [
    (
      "docker pull ngnix", "Using default tag: latest\n",
      "Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n"
    ),
    (
      "docker pull nginx:nope", "",
      "Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\n"
    ),
    (
      "docker pull \(host)/api:v1", "",
      "Error response from daemon: repository \(host)/api not found: name unknown: The repository with name 'api' does not exist in the registry with id '123456789012'\n"
    ),
    (
      "docker pull \(host)/web:v7", "",
      "Error response from daemon: manifest for \(host)/web:v7 not found: manifest unknown: Requested image not found\n"
    ),
    (
      "docker pull ghcr.io/acme/app:1", "",
      "Error response from daemon: Get \"https://ghcr.io/v2/\": dial tcp: lookup ghcr.io: no such host\n"
    ),
    (
      "docker pull Nginx", "",
      "invalid reference format: repository name (library/Nginx) must be lowercase\n"
    ),
  ])
  func pullFailures(line: String, stdout: String, stderr: String) throws {
    var w = try loggedIn()
    let before = w.registry.localImages
    let r = docker(line, &w)
    #expect(r == CommandResult(stdout: stdout, stderr: stderr, status: 1))
    #expect(w.registry.localImages == before)
  }

  @Test func pullFromECRWithoutLoginHasNoCredentials() throws {
    var w = World()
    _ = try w.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
    let r = docker("docker pull \(host)/web:v1", &w)
    #expect(
      r.stderr
        == "Error response from daemon: Head \"https://\(host)/v2/web/manifests/v1\": no basic auth credentials\n"
    )
  }

  @Test(
    arguments: [
      (
        "docker frobnicate", "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n",
        1
      ),
      (
        "docker build -t web",
        "ERROR: \"docker buildx build\" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n",
        1
      ),
      (
        "docker build -t Web .", "ERROR: invalid tag \"Web\": repository name must be lowercase\n",
        1
      ),
      ("docker build -t web: .", "ERROR: invalid tag \"web:\": invalid reference format\n", 1),
      ("docker build --nope .", "unknown flag: --nope\nSee 'docker buildx build --help'.\n", 125),
      (
        "docker build . -t",
        "flag needs an argument: 't' in -t\nSee 'docker buildx build --help'.\n", 125
      ),
      ("docker tag nope:1 web:2", "Error response from daemon: No such image: nope:1\n", 1),
      (
        "docker tag web",
        "\"docker tag\" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n",
        1
      ),
      (
        "docker push",
        "\"docker push\" requires exactly 1 argument.\nSee 'docker push --help'.\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n",
        1
      ),
      ("docker rmi nope", "Error response from daemon: No such image: nope:latest\n", 1),
    ] as [(String, String, Int32)])
  func commandErrors(line: String, stderr: String, status: Int32) throws {
    var w = World()
    docker("docker build -t web .", &w)
    let before = w
    let r = docker(line, &w)
    #expect(r == CommandResult(stdout: "", stderr: stderr, status: status))
    #expect(w == before)
  }

  @Test func tagToAnInvalidNameNamesTheReason() {
    var w = World()
    docker("docker build -t web .", &w)
    let r = docker("docker tag web Web:1", &w)
    #expect(
      r.stderr
        == "Error parsing reference: \"Web:1\" is not a valid repository/tag: invalid reference format: repository name (library/Web) must be lowercase\n"
    )
  }

  @Test func runExplainsThatContainersRunInECS() {
    var w = World()
    let r = docker("docker run -p 80:80 nginx", &w)
    #expect(r.status == 1)
    #expect(r.stderr.contains("containers do not run on this machine"))
    #expect(r.stderr.contains("aws ecs run-task"))
  }

  @Test func unsimulatedDockerCommandsSaySo() {
    var w = World()
    let r = docker("docker ps", &w)
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("docker ps is not simulated in ecs-tutor"))
  }
}

@Suite struct DockerLocalStoreTests {
  @Test func pullOfAPublicImagePrintsProgressAndStoresIt() throws {
    var w = World()
    let nginx = try #require(ImageCatalogue.find(name: "docker.io/library/nginx", tag: "1.27"))
    let r = docker("docker pull nginx:1.27", &w)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "1.27: Pulling from library/nginx")
    #expect(lines.filter { $0.hasSuffix(": Pull complete") }.count == nginx.layers.count)
    #expect(
      lines.suffix(3) == [
        "Digest: \(nginx.digest)", "Status: Downloaded newer image for nginx:1.27",
        "docker.io/library/nginx:1.27",
      ])
    let again = docker("docker pull nginx:1.27", &w)
    #expect(again.stdout.contains("Status: Image is up to date for nginx:1.27\n"))
    #expect(!again.stdout.contains("Pull complete"))
    // Another tag of the same image shares every layer.
    let latest = docker("docker pull nginx", &w)
    #expect(
      latest.stdout.hasPrefix("Using default tag: latest\nlatest: Pulling from library/nginx\n"))
    #expect(w.registry.localImages.count == 1)
  }

  @Test func pullOfAPushedImageNeedsLoginAndFindsIt() throws {
    var w = try loggedIn()
    docker("docker tag web \(host)/web:v1", &w)
    docker("docker push \(host)/web:v1", &w)
    let r = docker("docker pull \(host)/web:v1", &w)
    #expect(r.status == 0)
    #expect(r.stdout.contains("v1: Pulling from web\n"))
    #expect(r.stdout.contains("Status: Image is up to date for \(host)/web:v1\n"))
  }

  @Test func imagesPrintsDockersTable() throws {
    var w = World()
    docker("docker pull busybox", &w)
    w.clock.advance(seconds: 120)
    docker("docker build -t web:v1 .", &w)
    docker("docker tag web:v1 \(host)/web:v1", &w)
    w.clock.advance(seconds: 30)
    let r = docker("docker images", &w)
    let web = try #require(w.registry.localImage(reference: "docker.io/library/web:v1"))
    let busy = try #require(w.registry.localImage(reference: "docker.io/library/busybox:latest"))
    let id = String(web.id.dropFirst(7).prefix(12))
    let bid = String(busy.id.dropFirst(7).prefix(12))
    let pad = String(repeating: " ", count: host.count + 4 - "REPOSITORY".count)
    #expect(
      r.stdout == """
        REPOSITORY\(pad)   TAG       IMAGE ID       CREATED          SIZE
        \(host)/web   v1        \(id)   30 seconds ago   47.9MB
        web\(String(repeating: " ", count: host.count + 4 - 3))   v1        \(id)   30 seconds ago   47.9MB
        busybox\(String(repeating: " ", count: host.count + 4 - 7))   latest    \(bid)   5 weeks ago      4.26MB

        """)
    #expect(docker("docker images -q", &w).stdout == "\(id)\n\(bid)\n")
    #expect(docker("docker image ls busybox", &w).stdout.contains("busybox"))
    #expect(!docker("docker image ls busybox", &w).stdout.contains("web"))
  }

  @Test func rmiUntagsThenDeletes() throws {
    var w = World()
    docker("docker build -t web:v1 .", &w)
    docker("docker tag web:v1 web:v2", &w)
    let id = try #require(w.registry.localImage(reference: "docker.io/library/web:v1")?.id)
    #expect(docker("docker rmi web:v1", &w).stdout == "Untagged: web:v1\n")
    #expect(docker("docker rmi web:v2", &w).stdout == "Untagged: web:v2\nDeleted: \(id)\n")
    #expect(w.registry.localImages.isEmpty)
  }

  @Test(
    arguments: [
      (0, "Less than a second"), (1000, "1 second"), (42_000, "42 seconds"),
      (60_000, "About a minute"),
      (59 * 60_000, "59 minutes"), (3_600_000, "About an hour"), (47 * 3_600_000, "47 hours"),
      (3 * 86_400_000, "3 days"), (20 * 86_400_000, "2 weeks"), (90 * 86_400_000, "3 months"),
      (800 * 86_400_000, "2 years"),
    ] as [(Int64, String)])
  func humanDurationMatchesGoUnits(millis: Int64, text: String) {
    #expect(DockerCLI.humanDuration(millis) == text)
  }

  @Test(
    arguments: [
      (0, "0B"), (999, "999B"), (4_260_000, "4.26MB"), (7_800_000, "7.8MB"), (47_900_000, "47.9MB"),
      (192_000_000, "192MB"), (1_100_000_000, "1.1GB"), (42_000_000, "42MB"), (1_240, "1.24kB"),
    ] as [(Int, String)])
  func humanSizeMatchesGoUnits(bytes: Int, text: String) {
    #expect(DockerCLI.humanSize(bytes) == text)
  }

  @Test func versionAndHelp() {
    var w = World()
    #expect(docker("docker --version", &w).stdout == "Docker version 27.3.1, build ce12230\n")
    #expect(docker("docker", &w).stdout.hasPrefix("Usage:  docker [OPTIONS] COMMAND"))
  }
}

@Suite struct DockerBuildLogTests {
  @Test func everyLineFitsEightyColumnsWithTheTimeAtTheRight() {
    var w = World()
    let log = DockerCLI.run(["docker", "build", "-t", "web", "."], stdin: "", world: &w).stderr
    let lines = log.split(separator: "\n")
    #expect(lines.count == 14)
    #expect(lines.allSatisfy { $0.count == 80 })
    #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("s") && $0.hasPrefix(" => ") })
    #expect(
      lines.contains { $0.hasPrefix(" => [1/2] FROM docker.io/library/nginx:alpine@sha256:") })
    let again = DockerCLI.run(["docker", "build", "-t", "web", "."], stdin: "", world: &w).stderr
    #expect(again.contains(" => CACHED [1/2] FROM docker.io/library/nginx:alpine"))
  }

  @Test func quietBuildPrintsOnlyTheImageID() throws {
    var w = World()
    let r = DockerCLI.run(["docker", "build", "-q", "-t", "web", "."], stdin: "", world: &w)
    let id = try #require(w.registry.localImage(reference: "docker.io/library/web:latest")?.id)
    #expect(r == CommandResult(stdout: id + "\n", stderr: "", status: 0))
  }
}

@Suite struct DockerDigestPullTests {
  @Test func pullByDigestListsTheImageWithoutATag() throws {
    var w = World()
    let nginx = try #require(ImageCatalogue.find(name: "docker.io/library/nginx", tag: "1.25"))
    let r = DockerCLI.run(["docker", "pull", "nginx@" + nginx.digest], stdin: "", world: &w)
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("\(nginx.digest): Pulling from library/nginx\n"))
    #expect(r.stdout.hasSuffix("docker.io/library/nginx@\(nginx.digest)\n"))
    let table = DockerCLI.run(["docker", "images"], stdin: "", world: &w).stdout
    #expect(table.split(separator: "\n").last?.hasPrefix("nginx        <none>    ") == true)
  }
}
