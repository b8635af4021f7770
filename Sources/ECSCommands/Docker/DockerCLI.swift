import ECSModel

/// The learner's `docker`, simulated: build, tag, images, login, logout, push, pull and rmi act
/// on the local image store and logins in `world.registry` and on ECR, each change through the
/// registry family's `docker` operations (`DockerActions`, performed by `AWSCall` like an API
/// call); `run` explains that containers run in ECS here. Output and errors are worded as docker (27, BuildKit) words them.
///
/// ```swift
/// var world = World()
/// DockerCLI.run(["docker", "build", "-t", "web", "."], stdin: "", world: &world)
/// DockerCLI.run(["docker", "images"], stdin: "", world: &world).stdout
/// // REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE
/// // web          latest    5d0b3b7c9a41   Less than a second ago   47.9MB
/// ```
public enum DockerCLI {
  /// The version `docker --version` reports.
  public static let version = "Docker version 27.3.1, build ce12230"
  /// What a `docker build` without a readable Dockerfile builds: the simulation has no files,
  /// so every build is this Dockerfile with the learner's context.
  public static let simulatedDockerfile = "FROM nginx:alpine\nCOPY . /usr/share/nginx/html\n"
  /// Seconds the simulated clock moves for a command that talks to a registry or builds.
  public static let secondsPerCommand: Double = 1

  /// The tutor's own explanations among docker's messages (docker's messages stay as docker
  /// prints them): the caller words them in the learner's language.
  public enum Note: Sendable, Equatable {
    /// `docker run` and the like: containers run in ECS here.
    case runsInECS(command: String)
    /// A real docker command the simulation does not have.
    case notSimulated(command: String)

    /// The English wording.
    public var english: String {
      switch self {
      case .runsInECS(let command):
        "docker \(command): containers do not run on this machine in ecs-tutor: here they run in "
          + "Amazon ECS.\nRegister a task definition whose container uses the image, then start it "
          + "with `aws ecs run-task` or an ECS service."
      case .notSimulated(let command):
        "docker \(command) is not simulated in ecs-tutor (only build, tag, images, push, pull, "
          + "login, logout and rmi are)."
      }
    }
  }

  /// Runs one `docker ...` command line; `stdin` is what a pipe feeds it
  /// (`aws ecr get-login-password | docker login ... --password-stdin`). `say` words the tutor's
  /// notes (English by default).
  public static func run(
    _ argv: [String], stdin: String, world: inout World,
    say: (Note) -> String = { $0.english }
  ) -> CommandResult {
    var args = Array(argv.dropFirst())
    guard let first = args.first else { return ok(usage) }
    switch first {
    case "--version", "-v": return ok(version + "\n")
    case "--help", "-h", "help": return ok(usage)
    default: break
    }
    if first.hasPrefix("-") {
      return fail("unknown flag: \(first)\nSee 'docker --help'.\n", status: 125)
    }
    args.removeFirst()
    var command = first
    // `docker image ls|build|push|pull|tag|rm` are the same commands under the management name.
    if command == "image", let sub = args.first {
      let map = [
        "ls": "images", "list": "images", "build": "build", "push": "push",
        "pull": "pull", "tag": "tag", "rm": "rmi", "remove": "rmi",
      ]
      if let mapped = map[sub] {
        command = mapped
        args.removeFirst()
      }
    }
    switch command {
    case "build": return build(args, world: &world)
    case "tag": return tag(args, world: &world)
    case "images": return images(args, world: world)
    case "push": return push(args, world: &world)
    case "pull": return pull(args, world: &world)
    case "login": return login(args, stdin: stdin, world: &world)
    case "logout": return logout(args, world: &world)
    case "rmi": return rmi(args, world: &world)
    case "run", "start", "exec", "compose", "create":
      return fail(say(.runsInECS(command: command)) + "\n", status: 1)
    case "version": return ok(version + "\n")
    default:
      if knownUnsimulated.contains(command) {
        return fail(say(.notSimulated(command: command)) + "\n", status: 1)
      }
      return fail("docker: '\(command)' is not a docker command.\nSee 'docker --help'\n", status: 1)
    }
  }

  static let knownUnsimulated: Set<String> = [
    "ps", "stop", "kill", "rm", "logs", "inspect", "container", "network", "volume", "system",
    "info", "cp", "save", "load", "search", "buildx", "history", "attach", "commit", "diff",
    "events", "export", "import", "pause", "unpause", "port", "rename", "restart", "stats", "top",
    "update", "wait", "context", "manifest", "plugin", "swarm", "trust", "init", "scout",
  ]

  static let usage = """
    Usage:  docker [OPTIONS] COMMAND

    A self-sufficient runtime for containers

    Commands simulated in ecs-tutor:
      build       Build an image from a Dockerfile
      images      List images
      login       Log in to a registry
      logout      Log out from a registry
      pull        Download an image from a registry
      push        Upload an image to a registry
      rmi         Remove one or more images
      tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

    Containers do not run locally here: `docker run` is Amazon ECS's job.

    """

  // MARK: build

  static func build(_ args: [String], world: inout World) -> CommandResult {
    let spec = FlagSpec(
      command: "docker buildx build",
      valued: [
        "-t": "tag", "--tag": "tag", "-f": "file", "--file": "file", "--platform": "platform",
        "--build-arg": "build-arg", "--target": "target", "--progress": "progress",
        "--label": "label",
      ],
      boolean: [
        "-q": "quiet", "--quiet": "quiet", "--no-cache": "no-cache", "--pull": "pull",
        "--load": "load", "--push": "push",
      ])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard parsed.positional.count == 1 else {
      return fail(
        "ERROR: \"docker buildx build\" requires exactly 1 argument.\n"
          + "See 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -"
          + "\n\nStart a build\n", status: 1)
    }
    var refs: [ImageReference] = []
    for t in parsed.values["tag"] ?? [] {
      do {
        let r = try ImageReference.parse(t)
        guard r.digest == nil else {
          return fail("ERROR: invalid tag \"\(t)\": invalid reference format\n", status: 1)
        }
        refs.append(r)
      } catch {
        let why: String
        switch error {
        case .uppercase: why = "repository name must be lowercase"
        case .invalidFormat: why = "invalid reference format"
        }
        return fail("ERROR: invalid tag \"\(t)\": \(why)\n", status: 1)
      }
    }
    guard let base = ImageCatalogue.find(name: "docker.io/library/nginx", tag: "alpine") else {
      return fail("ERROR: failed to solve: nginx:alpine: not found\n", status: 1)
    }
    let tags = JSONValue.array((parsed.values["tag"] ?? []).map { .string($0) })
    let built: JSONValue
    switch change(&world, "Build", ["tags": tags], seconds: secondsPerCommand) {
    case .failure(let error): return fail("ERROR: failed to solve: \(error.message)\n", status: 1)
    case .success(let response): built = response
    }
    guard
      let image = world.registry.localImages.first(where: {
        $0.id == built["imageId"]?.stringValue
      })
    else { return fail("ERROR: failed to solve: image not stored\n", status: 1) }
    if parsed.flags.contains("quiet") { return ok(image.id + "\n") }
    let cached = built["cached"]?.boolValue ?? false
    return CommandResult(
      stdout: "", stderr: buildLog(image: image, base: base, refs: refs, cached: cached), status: 0)
  }

  /// BuildKit's final TTY frame for the simulated Dockerfile.
  static func buildLog(
    image: LocalImage, base: CatalogueImage, refs: [ImageReference], cached: Bool
  )
    -> String
  {
    var rows: [(String, String)] = [
      ("[internal] load build definition from Dockerfile", "0.0s"),
      ("=> transferring dockerfile: \(simulatedDockerfile.utf8.count)B", "0.0s"),
      ("[internal] load metadata for docker.io/library/nginx:alpine", "0.8s"),
      ("[internal] load .dockerignore", "0.0s"),
      ("=> transferring context: 2B", "0.0s"),
      ("[internal] load build context", "0.0s"),
      ("=> transferring context: 1.24kB", "0.0s"),
      (
        (cached ? "CACHED " : "") + "[1/2] FROM docker.io/library/nginx:alpine@\(base.digest)",
        cached ? "0.0s" : "0.6s"
      ),
      ("[2/2] COPY . /usr/share/nginx/html", "0.1s"),
      ("exporting to image", "0.1s"),
      ("=> exporting layers", "0.0s"),
      ("=> writing image \(image.id)", "0.0s"),
    ]
    for r in refs { rows.append(("=> naming to \(r.canonical)", "0.0s")) }
    let total = cached ? "1.1s" : "1.9s"
    var out = pad("[+] Building \(total) (7/7) FINISHED", right: "docker:default") + "\n"
    for (text, time) in rows { out += pad(" => " + text, right: time) + "\n" }
    return out
  }

  /// `left` and `right` on one 80-column line, as BuildKit draws them on an 80-column terminal
  /// (a long name is cut to fit).
  static func pad(_ left: String, right: String) -> String {
    let room = 80 - right.count - 1
    let text = left.count > room ? String(left.prefix(room)) : left
    return text + String(repeating: " ", count: 80 - text.count - right.count) + right
  }

  // MARK: tag

  static func tag(_ args: [String], world: inout World) -> CommandResult {
    let spec = FlagSpec(command: "docker tag", valued: [:], boolean: [:])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard parsed.positional.count == 2 else {
      return fail(
        "\"docker tag\" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\n"
          + "Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\n"
          + "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n", status: 1)
    }
    let source = parsed.positional[0]
    let targetText = parsed.positional[1]
    guard let image = findLocal(source, in: world.registry) else {
      return fail("Error response from daemon: No such image: \(displayName(source))\n", status: 1)
    }
    let target: ImageReference
    do throws(ImageReference.ParseError) {
      target = try ImageReference.parse(targetText)
      guard target.digest == nil else { throw ImageReference.ParseError.invalidFormat }
    } catch {
      return fail(
        "Error parsing reference: \"\(targetText)\" is not a valid repository/tag: \(error.message)\n",
        status: 1)
    }
    let request: JSONValue = ["imageId": .string(image.id), "reference": .string(targetText)]
    if case .failure(let error) = change(&world, "Tag", request, seconds: 0) {
      return fail("Error response from daemon: \(error.message)\n", status: 1)
    }
    return ok("")
  }

  // MARK: images

  static func images(_ args: [String], world: World) -> CommandResult {
    let spec = FlagSpec(
      command: "docker images",
      valued: ["--format": "format", "-f": "filter", "--filter": "filter"],
      boolean: [
        "-q": "quiet", "--quiet": "quiet", "-a": "all", "--all": "all",
        "--digests": "digests", "--no-trunc": "no-trunc",
      ])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard parsed.positional.count <= 1 else {
      return fail(
        "\"docker images\" accepts at most 1 argument.\nSee 'docker images --help'.\n\n"
          + "Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n", status: 1)
    }
    let filter = parsed.positional.first.flatMap { try? ImageReference.parse($0) }
    if parsed.positional.first != nil && filter == nil {
      return ok(parsed.flags.contains("quiet") ? "" : header)
    }
    let now = world.clock.nowMillis
    var rows: [(created: Int64, repo: String, tag: String, id: String, size: Int)] = []
    for image in world.registry.localImages {
      if image.references.isEmpty {
        if filter == nil { rows.append((image.created, "<none>", "<none>", image.id, image.size)) }
        continue
      }
      for text in image.references {
        guard let r = try? ImageReference.parse(text) else { continue }
        if let filter, filter.name != r.name || (filter.tag != nil && filter.tag != r.tag) {
          continue
        }
        // An image pulled by digest alone has no tag: docker shows `<none>`.
        let tag = r.tag == nil && r.digest != nil ? "<none>" : r.effectiveTag
        rows.append((image.created, r.familiarName, tag, image.id, image.size))
      }
    }
    rows.sort { a, b in
      a.created != b.created ? a.created > b.created : (a.repo, a.tag) < (b.repo, b.tag)
    }
    if parsed.flags.contains("quiet") {
      var seen: Set<String> = []
      let ids = rows.map { short($0.id) }.filter { seen.insert($0).inserted }
      return ok(ids.map { $0 + "\n" }.joined())
    }
    let table =
      [["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]]
      + rows.map {
        [
          $0.repo, $0.tag, short($0.id), humanDuration(now - $0.created) + " ago",
          humanSize($0.size),
        ]
      }
    return ok(tabulate(table))
  }

  static let header = "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n"

  /// docker's tabwriter: min width 10, padding 3, the last column unpadded.
  static func tabulate(_ rows: [[String]]) -> String {
    guard let columns = rows.first?.count else { return "" }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], max(cell.count + 3, 10)) }
    }
    var out = ""
    for row in rows {
      for (i, cell) in row.enumerated() {
        out +=
          i == columns - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
      }
      out += "\n"
    }
    return out
  }

  // MARK: push

  static func push(_ args: [String], world: inout World) -> CommandResult {
    let spec = FlagSpec(
      command: "docker push", valued: ["--platform": "platform"],
      boolean: [
        "-q": "quiet", "--quiet": "quiet", "-a": "all-tags", "--all-tags": "all-tags",
        "--disable-content-trust": "dct",
      ])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard parsed.positional.count == 1, let text = parsed.positional.first else {
      return fail(
        "\"docker push\" requires exactly 1 argument.\nSee 'docker push --help'.\n\n"
          + "Usage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n", status: 1
      )
    }
    let ref: ImageReference
    do {
      ref = try ImageReference.parse(text)
    } catch {
      return fail(error.message + "\n", status: 1)
    }
    var out = ref.tag == nil && ref.digest == nil ? "Using default tag: latest\n" : ""
    guard let image = world.registry.localImage(reference: ref.canonical) else {
      return CommandResult(
        stdout: out,
        stderr: "An image does not exist locally with the tag: \(ref.familiarName)\n", status: 1)
    }
    out += "The push refers to repository [\(ref.name)]\n"
    let layerIDs = image.layers.reversed().map { short($0) }
    out += layerIDs.map { $0 + ": Preparing\n" }.joined()
    func failed(_ message: String) -> CommandResult {
      CommandResult(stdout: out, stderr: message + "\n", status: 1)
    }
    guard let (account, region) = ref.ecrRegistry else {
      return failed("denied: requested access to the resource is denied")
    }
    guard let password = world.registry.logins[ref.domain] else {
      return failed("no basic auth credentials")
    }
    guard account == world.account, region == world.region,
      let token = world.registry.issuedTokens.first(where: { $0.password == password }),
      token.expiresAt > world.clock.nowMillis
    else {
      return failed("denied: Your authorization token has expired. Reauthenticate and try again.")
    }
    guard let repo = world.registry.repository(ref.path) else {
      return failed(
        "name unknown: The repository with name '\(ref.path)' does not exist in the registry "
          + "with id '\(world.account)'")
    }
    let existing = Set(repo.images.flatMap(\.layers))
    let request: JSONValue = [
      "repositoryName": .string(repo.name), "tag": .string(ref.effectiveTag),
      "digest": .string(image.manifestDigest), "layers": .array(image.layers.map { .string($0) }),
      "sizeInBytes": .int(image.compressedSize),
    ]
    if case .failure(let error) = change(&world, "Push", request, seconds: secondsPerCommand) {
      if error.code == "ImageTagAlreadyExistsException" {
        return failed("tag invalid: " + error.message)
      }
      return failed(error.message)
    }
    for (layer, id) in zip(image.layers.reversed(), layerIDs) {
      out += id + (existing.contains(layer) ? ": Layer already exists\n" : ": Pushed\n")
    }
    out +=
      "\(ref.effectiveTag): digest: \(image.manifestDigest) size: \(manifestSize(image.layers.count))\n"
    return ok(out)
  }

  /// The size of a Docker v2 manifest with `layers` layers (what `docker push` prints last).
  static func manifestSize(_ layers: Int) -> Int { 427 + 193 * layers }

  // MARK: pull

  static func pull(_ args: [String], world: inout World) -> CommandResult {
    let spec = FlagSpec(
      command: "docker pull", valued: ["--platform": "platform"],
      boolean: [
        "-q": "quiet", "--quiet": "quiet", "-a": "all-tags", "--all-tags": "all-tags",
        "--disable-content-trust": "dct",
      ])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard parsed.positional.count == 1, let text = parsed.positional.first else {
      return fail(
        "\"docker pull\" requires exactly 1 argument.\nSee 'docker pull --help'.\n\n"
          + "Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\n"
          + "Download an image from a registry\n", status: 1)
    }
    let ref: ImageReference
    do {
      ref = try ImageReference.parse(text)
    } catch {
      return fail(error.message + "\n", status: 1)
    }
    var out = ref.tag == nil && ref.digest == nil ? "Using default tag: latest\n" : ""
    func failed(_ message: String) -> CommandResult {
      CommandResult(stdout: out, stderr: "Error response from daemon: " + message + "\n", status: 1)
    }
    let manifestURL =
      "https://\(ref.domain)/v2/\(ref.path)/manifests/\(ref.digest ?? ref.effectiveTag)"
    if ref.ecrRegistry != nil {
      guard let password = world.registry.logins[ref.domain] else {
        return failed("Head \"\(manifestURL)\": no basic auth credentials")
      }
      guard let token = world.registry.issuedTokens.first(where: { $0.password == password }),
        token.expiresAt > world.clock.nowMillis
      else {
        return failed(
          "Head \"\(manifestURL)\": denied: Your authorization token has expired. "
            + "Reauthenticate and try again.")
      }
    }
    let image: LocalImage
    switch world.lookupImage(ref) {
    case .catalogue(let c):
      image = LocalImage(
        id: c.id, references: [], manifestDigest: c.digest, size: c.size,
        compressedSize: c.compressedSize, layers: c.layers, created: c.created)
    case .ecr(_, let e):
      let built = world.registry.localImages.first { $0.manifestDigest == e.digest }
      image =
        built
        ?? LocalImage(
          id: "sha256:" + SHA256.hex("config|" + e.digest), references: [],
          manifestDigest: e.digest, size: e.sizeInBytes * 5 / 2, compressedSize: e.sizeInBytes,
          layers: e.layers, created: e.pushedAt)
    case .ecrRepositoryMissing(let name):
      return failed(
        "repository \(ref.name) not found: name unknown: The repository with name '\(name)' does "
          + "not exist in the registry with id '\(world.account)'")
    case .ecrImageMissing:
      return failed(
        "manifest for \(ref.familiar) not found: manifest unknown: Requested image not found")
    case .otherECRRegistry:
      return failed("Head \"\(manifestURL)\": no basic auth credentials")
    case .publicRepositoryMissing:
      return failed(
        "pull access denied for \(ref.familiarName), repository does not exist or may require "
          + "'docker login': denied: requested access to the resource is denied")
    case .publicTagMissing:
      return failed("manifest for \(ref.familiar) not found: manifest unknown: manifest unknown")
    case .unknownRegistry:
      return failed(
        "Get \"https://\(ref.domain)/v2/\": dial tcp: lookup \(ref.domain): no such host")
    }
    let reference = ref.digest == nil ? ref.canonical : ref.pinned
    let upToDate = world.registry.localImage(reference: reference)?.id == image.id
    out += "\(ref.digest ?? ref.effectiveTag): Pulling from \(ref.path)\n"
    if !upToDate {
      let have = Set(world.registry.localImages.flatMap(\.layers))
      for layer in image.layers {
        out += short(layer) + (have.contains(layer) ? ": Already exists\n" : ": Pull complete\n")
      }
    }
    out += "Digest: \(image.manifestDigest)\n"
    out +=
      (upToDate ? "Status: Image is up to date for " : "Status: Downloaded newer image for ")
      + ref.familiar + "\n"
    out += reference + "\n"
    // The local store does not change with the clock: what was there decides the output above.
    let request: JSONValue = [
      "image": DockerActions.document(image), "reference": .string(reference),
    ]
    if case .failure(let error) = change(&world, "Pull", request, seconds: secondsPerCommand) {
      return failed(error.message)
    }
    if parsed.flags.contains("quiet") { return ok(reference + "\n") }
    return ok(out)
  }

  // MARK: login / logout

  static func login(_ args: [String], stdin: String, world: inout World) -> CommandResult {
    let spec = FlagSpec(
      command: "docker login",
      valued: [
        "-u": "username", "--username": "username", "-p": "password", "--password": "password",
      ],
      boolean: ["--password-stdin": "password-stdin"])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard parsed.positional.count <= 1 else {
      return fail(
        "\"docker login\" requires at most 1 argument.\nSee 'docker login --help'.\n\n"
          + "Usage:  docker login [OPTIONS] [SERVER]\n\n"
          + "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.\n",
        status: 1)
    }
    let username = parsed.values["username"]?.last
    var password = parsed.values["password"]?.last
    var warning = ""
    if parsed.flags.contains("password-stdin") {
      if password != nil {
        return fail("--password and --password-stdin are mutually exclusive\n", status: 1)
      }
      guard username != nil else {
        return fail("Must provide --username with --password-stdin\n", status: 1)
      }
      var text = Substring(stdin)
      while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
      password = String(text)
    } else if password != nil {
      warning = "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
    }
    guard let username, let password, !username.isEmpty, !password.isEmpty else {
      return fail(
        warning + "Error: Cannot perform an interactive login from a non TTY device\n", status: 1)
    }
    let host = registryHost(parsed.positional.first)
    func refused(_ status: String) -> CommandResult {
      CommandResult(
        stdout: "",
        stderr: warning
          + "Error response from daemon: login attempt to https://\(host)/v2/ failed with "
          + "status: \(status)\n", status: 1)
    }
    if host == dockerHub {
      return CommandResult(
        stdout: "",
        stderr: warning + "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": "
          + "unauthorized: incorrect username or password\n", status: 1)
    }
    let probe = ImageReference(domain: host, path: "x", tag: nil, digest: nil)
    guard probe.ecrRegistry != nil else {
      if host == "public.ecr.aws" { return refused("400 Bad Request") }
      return CommandResult(
        stdout: "",
        stderr: warning + "Error response from daemon: Get \"https://\(host)/v2/\": dial tcp: "
          + "lookup \(host): no such host\n", status: 1)
    }
    let request: JSONValue = [
      "host": .string(host), "username": .string(username), "password": .string(password),
    ]
    // The registry checks the password (DockerActions.login): a refusal is its 400.
    if case .failure(let error) = change(&world, "Login", request, seconds: secondsPerCommand) {
      return refused(error.message)
    }
    return CommandResult(stdout: "Login Succeeded\n", stderr: warning, status: 0)
  }

  static func logout(_ args: [String], world: inout World) -> CommandResult {
    let spec = FlagSpec(command: "docker logout", valued: [:], boolean: [:])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    let host = registryHost(parsed.positional.first)
    let shown = host == dockerHub ? "https://index.docker.io/v1/" : host
    let removed =
      (try? change(&world, "Logout", ["host": .string(host)], seconds: 0).get())?["removed"]?
      .boolValue ?? false
    guard removed else {
      return ok("Not logged in to \(shown)\n")
    }
    return ok("Removing login credentials for \(shown)\n")
  }

  static let dockerHub = "docker.io"

  /// `https://HOST/` or `HOST` → `HOST`; none → Docker Hub.
  static func registryHost(_ server: String?) -> String {
    guard var s = server, !s.isEmpty else { return dockerHub }
    for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s.removeFirst(scheme.count) }
    if let slash = s.firstIndex(of: "/") { s = String(s[..<slash]) }
    return ["index.docker.io", "registry-1.docker.io", "docker.io"].contains(s) ? dockerHub : s
  }

  // MARK: rmi

  static func rmi(_ args: [String], world: inout World) -> CommandResult {
    let spec = FlagSpec(
      command: "docker rmi", valued: [:],
      boolean: ["-f": "force", "--force": "force", "--no-prune": "no-prune"])
    let parsed: ParsedFlags
    switch spec.parse(args) {
    case .failure(let e): return e.result
    case .success(let p): parsed = p
    }
    guard !parsed.positional.isEmpty else {
      return fail(
        "\"docker rmi\" requires at least 1 argument.\nSee 'docker rmi --help'.\n\n"
          + "Usage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n\nRemove one or more images\n",
        status: 1)
    }
    var out = ""
    var err = ""
    for text in parsed.positional {
      guard let image = findLocal(text, in: world.registry) else {
        err += "Error response from daemon: No such image: \(displayName(text))\n"
        continue
      }
      let named = (try? ImageReference.parse(text)).flatMap {
        image.references.contains($0.canonical) ? $0 : nil
      }
      var request: JSONValue = [
        "imageId": .string(image.id), "force": .bool(parsed.flags.contains("force")),
      ]
      if let named { request = request.setting("reference", .string(named.canonical)) }
      let removed: JSONValue
      switch change(&world, "RemoveImage", request, seconds: 0) {
      case .failure(let error):
        err += "Error response from daemon: \(error.message)\n"
        continue
      case .success(let response): removed = response
      }
      if let named {
        out += "Untagged: \(named.familiar)\n"
      } else {
        for ref in removed["untagged"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
          out += "Untagged: \((try? ImageReference.parse(ref))?.familiar ?? ref)\n"
        }
      }
      if removed["deleted"]?.boolValue == true {
        out += "Deleted: \(image.id)\n"
      }
    }
    return CommandResult(stdout: out, stderr: err, status: err.isEmpty ? 0 : 1)
  }

  // MARK: Local store helpers

  /// One change to the world: the registry family's `docker` operation, through the one call
  /// path (the clock moves `seconds` first; validate, then change a copy).
  static func change(
    _ world: inout World, _ operation: String, _ request: JSONValue, seconds: Double
  ) -> Result<JSONValue, AWSError> {
    AWSCall.attempt(&world, "docker", operation, request, seconds: seconds)
  }

  /// The local image `text` names: a reference, or an image ID (full or a prefix of 4+ hex).
  static func findLocal(_ text: String, in registry: RegistryState) -> LocalImage? {
    if let r = try? ImageReference.parse(text), let image = registry.localImage(reference: r.pinned)
    {
      return image
    }
    let hex = text.hasPrefix("sha256:") ? String(text.dropFirst(7)) : text
    guard hex.count >= 4, hex.allSatisfy(\.isHexDigit) else { return nil }
    return registry.localImages.first { $0.id.dropFirst(7).hasPrefix(hex.lowercased()) }
  }

  /// How docker names a missing image in "No such image": `web:latest`.
  static func displayName(_ text: String) -> String {
    guard let r = try? ImageReference.parse(text) else { return text }
    return r.familiar
  }

  /// The 12 hex digits docker shows for a `sha256:` ID.
  static func short(_ id: String) -> String {
    let hex = id.hasPrefix("sha256:") ? id.dropFirst(7) : Substring(id)
    return String(hex.prefix(12))
  }

  // MARK: Human units (github.com/docker/go-units)

  /// `Less than a second`, `5 seconds`, `About a minute`, `3 hours`, `2 weeks` ...
  static func humanDuration(_ millis: Int64) -> String {
    let seconds = millis / 1000
    if seconds < 1 { return "Less than a second" }
    if seconds == 1 { return "1 second" }
    if seconds < 60 { return "\(seconds) seconds" }
    let minutes = seconds / 60
    if minutes == 1 { return "About a minute" }
    if minutes < 60 { return "\(minutes) minutes" }
    let hours = Int64((Double(millis) / 3_600_000 + 0.5).rounded(.down))
    if hours == 1 { return "About an hour" }
    if hours < 48 { return "\(hours) hours" }
    if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
    if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
    if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
    return "\(millis / 3_600_000 / 24 / 365) years"
  }

  /// Decimal units with 3 significant digits, like `%.3g`: `4.26MB`, `47.9MB`, `192MB`, `1.1GB`.
  static func humanSize(_ bytes: Int) -> String {
    let units = ["B", "kB", "MB", "GB", "TB", "PB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000 && unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    var text = String(scaled / Int(scale))
    if decimals > 0 {
      var frac = String(scaled % Int(scale))
      while frac.count < decimals { frac = "0" + frac }
      while frac.hasSuffix("0") { frac.removeLast() }
      if !frac.isEmpty { text += "." + frac }
    }
    return text + units[unit]
  }

  // MARK: Results

  static func ok(_ stdout: String) -> CommandResult {
    CommandResult(stdout: stdout, stderr: "", status: 0)
  }
  static func fail(_ stderr: String, status: Int32) -> CommandResult {
    CommandResult(stdout: "", stderr: stderr, status: status)
  }
}

// MARK: - Flags

/// docker's (cobra/pflag) flag reading for one subcommand: `-t x`, `--tag x`, `--tag=x`, booleans,
/// and `--` ending the flags.
struct FlagSpec {
  var command: String
  /// Flag spelling → value key, for flags that take a value.
  var valued: [String: String]
  /// Flag spelling → key, for flags that take none.
  var boolean: [String: String]

  func parse(_ args: [String]) -> Result<ParsedFlags, FlagError> {
    var out = ParsedFlags()
    var i = 0
    while i < args.count {
      let arg = args[i]
      i += 1
      if arg == "--" {
        out.positional += args[i...]
        break
      }
      guard arg.hasPrefix("-"), arg != "-" else {
        out.positional.append(arg)
        continue
      }
      var name = arg
      var inline: String?
      if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
        name = String(arg[..<eq])
        inline = String(arg[arg.index(after: eq)...])
      }
      let see = "\nSee '\(command) --help'.\n"
      if let key = boolean[name] {
        out.flags.insert(key)
      } else if let key = valued[name] {
        if let inline {
          out.values[key, default: []].append(inline)
        } else if i < args.count {
          out.values[key, default: []].append(args[i])
          i += 1
        } else {
          let shown = name.hasPrefix("--") ? name : "'\(name.dropFirst())' in \(name)"
          return .failure(FlagError("flag needs an argument: \(shown)" + see))
        }
      } else if name.hasPrefix("--") {
        return .failure(FlagError("unknown flag: \(name)" + see))
      } else {
        return .failure(
          FlagError("unknown shorthand flag: '\(name.dropFirst().prefix(1))' in \(name)" + see))
      }
    }
    return .success(out)
  }
}

struct ParsedFlags {
  var positional: [String] = []
  var flags: Set<String> = []
  var values: [String: [String]] = [:]
}

/// A flag error, exit status 125 as docker's.
struct FlagError: Error {
  var result: CommandResult
  init(_ message: String) { result = CommandResult(stdout: "", stderr: message, status: 125) }
}
