/// What the learner's `docker` does to the world, as actions of the registry family: they run
/// through `World.perform` like every API call (validate, then change a copy), under the
/// pseudo-service `docker`, which botocore does not use. `DockerCLI` reads the command line,
/// words docker's output and errors, and calls these for every change.
///
/// ```swift
/// var world = World()
/// let built = try world.perform(service: "docker", operation: "Build", ["tags": ["web"]])
/// built["imageId"]  // "sha256:…"
/// ```
public enum DockerActions {
  /// The docker operations by name (the pseudo-service `docker` of `RegistryFamily`).
  public static let table: [String: ActionHandler] = [
    "Build": build,
    "Tag": tag,
    "Push": push,
    "Pull": pull,
    "Login": login,
    "Logout": logout,
    "RemoveImage": removeImage,
  ]

  /// The AWS CLI's own commands that change the world (awscli customizations, pseudo-service
  /// `awscli`): `aws ecr get-login-password`.
  public static let cliTable: [String: ActionHandler] = [
    "EcrGetLoginPassword": ecrGetLoginPassword
  ]

  /// `docker build -t TAG...`: a new local image from the simulated Dockerfile, named by `tags`
  /// (reference texts); responds with `imageId` and whether the base layers were cached.
  static func build(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let refs = try (req.strings("tags") ?? []).map(reference)
    guard let base = ImageCatalogue.find(name: "docker.io/library/nginx", tag: "alpine") else {
      throw AWSError("ImageNotFound", "nginx:alpine: not found")
    }
    world.registry.buildCount += 1
    let n = world.registry.buildCount
    let key = "build|\(refs.first?.canonical ?? "")|\(n)"
    let image = LocalImage(
      id: "sha256:" + SHA256.hex("config|" + key),
      references: [], manifestDigest: "sha256:" + SHA256.hex("manifest|" + key),
      size: base.size + 1_240, compressedSize: base.compressedSize + 620,
      layers: base.layers + ["sha256:" + SHA256.hex("layer|" + key)],
      created: world.clock.nowMillis)
    world.registry.localImages.append(image)
    for r in refs { world.registry.attach(r.canonical, to: image.id) }
    let names = refs.isEmpty ? "" : " as " + refs.map(\.familiar).joined(separator: ", ")
    let short = String(image.id.dropFirst(7).prefix(12))
    world.record(
      .image, "Built image \(short)\(names).", .imageBuilt(id: short, names: refs.map(\.familiar)))
    return ["imageId": .string(image.id), "cached": .bool(n > 1)]
  }

  /// `docker tag SOURCE TARGET`: `reference` (a reference text) now names the local image
  /// `imageId`.
  static func tag(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = try localImageID(world, req)
    let target = try reference(req.string("reference") ?? "")
    world.registry.attach(target.canonical, to: id)
    return [:]
  }

  /// `docker push`: the registry stores the image's manifest under `tag` in `repositoryName`
  /// (`World.pushImage`: ECR's tag mutability rules and errors).
  static func push(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    try world.pushImage(
      repositoryName: req.string("repositoryName") ?? "", tag: req.string("tag") ?? "",
      digest: req.string("digest") ?? "", layers: req.strings("layers") ?? [],
      sizeInBytes: req.int("sizeInBytes") ?? 0)
    return [:]
  }

  /// `docker pull`: the pulled `image` (a local image document) joins the local store, named by
  /// `reference` (canonical or pinned).
  static func pull(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    guard let image = req["image"].flatMap(localImage), let reference = req.string("reference")
    else { throw AWSError.invalidParameter("Pull needs an image and a reference.") }
    if !world.registry.localImages.contains(where: { $0.id == image.id }) {
      world.registry.localImages.append(image)
    }
    world.registry.attach(reference, to: image.id)
    return [:]
  }

  /// `docker login --username AWS --password ... HOST`: accepted when the password is an
  /// unexpired one this account's ECR issued for this region; otherwise the registry refuses with
  /// `LoginRefused` ("400 Bad Request").
  static func login(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let host = req.string("host") ?? ""
    let password = req.string("password") ?? ""
    let probe = ImageReference(domain: host, path: "x", tag: nil, digest: nil)
    // A token works only for the region (and, here, the account) it was issued in: a
    // get-login-password from another region gives exactly this 400 (aws/aws-cli#5317).
    guard req.string("username") == "AWS", let (account, region) = probe.ecrRegistry,
      account == world.account, region == world.region,
      let token = world.registry.issuedTokens.first(where: { $0.password == password }),
      token.expiresAt > world.clock.nowMillis
    else { throw AWSError("LoginRefused", "400 Bad Request") }
    world.registry.logins[host] = password
    return [:]
  }

  /// `docker logout HOST`: forgets the login; `removed` says whether there was one.
  static func logout(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let removed = world.registry.logins.removeValue(forKey: req.string("host") ?? "") != nil
    return ["removed": .bool(removed)]
  }

  /// `docker rmi`: untags `reference` (canonical) from the local image `imageId`, or every name
  /// when no reference is given (refused for an image with several names unless `force`); the
  /// image goes when its last name does. Responds with the `untagged` names and `deleted`.
  static func removeImage(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let id = try localImageID(world, req)
    guard let i = world.registry.localImages.firstIndex(where: { $0.id == id }) else {
      throw noSuchImage(id)
    }
    let names = world.registry.localImages[i].references
    var untagged: [String]
    if let reference = req.string("reference") {
      untagged = names.filter { $0 == reference }
      world.registry.localImages[i].references.removeAll { $0 == reference }
    } else if names.count > 1 && req.bool("force") != true {
      throw AWSError(
        "Conflict",
        "conflict: unable to delete \(String(id.dropFirst(7).prefix(12))) (must be forced) - "
          + "image is referenced in multiple repositories")
    } else {
      untagged = names
      world.registry.localImages[i].references = []
    }
    let deleted = world.registry.localImages[i].references.isEmpty
    if deleted { world.registry.localImages.remove(at: i) }
    return ["untagged": .array(untagged.map { .string($0) }), "deleted": .bool(deleted)]
  }

  /// `aws ecr get-login-password`: a new registry password (`ECRActions.loginPassword`).
  static func ecrGetLoginPassword(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    ["password": .string(ECRActions.loginPassword(world: &world))]
  }

  // MARK: Helpers

  static func reference(_ text: String) throws(AWSError) -> ImageReference {
    do {
      return try ImageReference.parse(text)
    } catch {
      throw AWSError.invalidParameter("invalid reference format: \(text)")
    }
  }

  static func localImageID(_ world: World, _ req: Request) throws(AWSError) -> String {
    let id = req.string("imageId") ?? ""
    guard world.registry.localImages.contains(where: { $0.id == id }) else {
      throw noSuchImage(id)
    }
    return id
  }

  static func noSuchImage(_ id: String) -> AWSError {
    AWSError("NoSuchImage", "No such image: \(id)")
  }

  /// A local image as a request document (the fields of `LocalImage`), for `Pull`.
  public static func document(_ image: LocalImage) -> JSONValue {
    [
      "id": .string(image.id), "manifestDigest": .string(image.manifestDigest),
      "size": .int(image.size), "compressedSize": .int(image.compressedSize),
      "layers": .array(image.layers.map { .string($0) }), "created": .int(Int(image.created)),
    ]
  }

  static func localImage(_ doc: JSONValue) -> LocalImage? {
    guard let id = doc["id"]?.stringValue, let digest = doc["manifestDigest"]?.stringValue,
      let size = doc["size"]?.intValue, let compressed = doc["compressedSize"]?.intValue,
      let created = doc["created"]?.intValue
    else { return nil }
    return LocalImage(
      id: id, references: [], manifestDigest: digest, size: size, compressedSize: compressed,
      layers: doc["layers"]?.arrayValue?.compactMap(\.stringValue) ?? [], created: Int64(created))
  }
}

extension RegistryState {
  /// Points `reference` at the local image `id`, taking it from any image that had it (which
  /// becomes `<none>` when it was its last name, as after a rebuild).
  mutating func attach(_ reference: String, to id: String) {
    for i in localImages.indices {
      localImages[i].references.removeAll { $0 == reference }
    }
    if let i = localImages.firstIndex(where: { $0.id == id }) {
      localImages[i].references.append(reference)
    }
  }
}
