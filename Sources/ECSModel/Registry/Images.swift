/// Container images: how a reference such as `nginx:1.27` or
/// `123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1` is read, the public images that exist
/// without a push, and what a task's pull finds.
///
/// ```swift
/// let world = World()
/// world.resolveImage("nginx:alpine")  // .found(digest: "sha256:…", size: …, isECR: false, …)
/// world.resolveImage("nginx:nope")    // .notFound(message: "CannotPullContainerError: …")
/// ```

// MARK: - References

/// An image reference, read the way docker reads one: `nginx` is `docker.io/library/nginx:latest`.
///
/// ```swift
/// let r = try ImageReference.parse("web:v1")
/// r.canonical      // "docker.io/library/web:v1"
/// r.familiarName   // "web"
/// ```
public struct ImageReference: Sendable, Equatable, Hashable {
  /// `docker.io`, `public.ecr.aws`, `123456789012.dkr.ecr.us-east-1.amazonaws.com`, ...
  public var domain: String
  /// The repository path inside the registry: `library/nginx`, `web`, `nginx/nginx`.
  public var path: String
  /// The tag as written; nil when none was given (docker then uses `latest`).
  public var tag: String?
  /// `sha256:...` when the reference pins a digest.
  public var digest: String?

  public init(domain: String, path: String, tag: String?, digest: String?) {
    self.domain = domain
    self.path = path
    self.tag = tag
    self.digest = digest
  }

  /// Why a string is not an image reference.
  public enum ParseError: Error, Sendable, Equatable {
    case invalidFormat
    /// The repository name has capital letters: docker names the offending path.
    case uppercase(path: String)

    /// docker's wording: `invalid reference format: repository name (library/Web) must be
    /// lowercase`.
    public var message: String {
      switch self {
      case .invalidFormat: return "invalid reference format"
      case .uppercase(let path):
        return "invalid reference format: repository name (\(path)) must be lowercase"
      }
    }
  }

  /// Reads `[DOMAIN/]PATH[:TAG][@sha256:DIGEST]`.
  public static func parse(_ text: String) throws(ParseError) -> ImageReference {
    var rest = Substring(text)
    var digest: String?
    if let at = rest.firstIndex(of: "@") {
      let d = String(rest[rest.index(after: at)...])
      guard d.hasPrefix("sha256:"), d.count == 71, d.dropFirst(7).allSatisfy(\.isHexDigitLower)
      else { throw .invalidFormat }
      digest = d
      rest = rest[..<at]
    }
    var tag: String?
    let lastSlash = rest.lastIndex(of: "/")
    if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
      let t = String(rest[rest.index(after: colon)...])
      guard isValidTag(t) else { throw .invalidFormat }
      tag = t
      rest = rest[..<colon]
    }
    guard !rest.isEmpty else { throw .invalidFormat }
    var domain = "docker.io"
    var path = String(rest)
    if let slash = rest.firstIndex(of: "/") {
      let first = rest[..<slash]
      if first.contains(".") || first.contains(":") || first == "localhost" {
        domain = String(first)
        path = String(rest[rest.index(after: slash)...])
      }
    }
    if domain == "docker.io" && !path.contains("/") { path = "library/" + path }
    guard !domain.isEmpty, !path.isEmpty else { throw .invalidFormat }
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    for c in components where !isValidComponent(c.lowercased()) { throw .invalidFormat }
    if path != path.lowercased() { throw .uppercase(path: path) }
    return ImageReference(domain: domain, path: path, tag: tag, digest: digest)
  }

  /// `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`
  static func isValidTag(_ t: String) -> Bool {
    guard let first = t.first, t.count <= 128, first.isASCII,
      first.isLetter || first.isNumber || first == "_"
    else { return false }
    return t.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
  }

  /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`: docker's path component and one segment of an ECR
  /// repository name.
  static func isValidComponent<S: StringProtocol>(_ c: S) -> Bool {
    let chars = Array(c)
    guard let first = chars.first, let last = chars.last, isAlnum(first), isAlnum(last) else {
      return false
    }
    var i = 0
    while i < chars.count {
      if isAlnum(chars[i]) {
        i += 1
        continue
      }
      // A separator run: ".", "_", "__" or one or more "-", followed by an alphanumeric.
      var j = i
      while j < chars.count && !isAlnum(chars[j]) { j += 1 }
      let sep = String(chars[i..<j])
      guard sep == "." || sep == "_" || sep == "__" || sep.allSatisfy({ $0 == "-" }) else {
        return false
      }
      i = j
    }
    return true
  }

  static func isAlnum(_ ch: Character) -> Bool {
    ch.isASCII && (ch.isNumber || (ch.isLetter && ch.isLowercase))
  }

  /// The tag docker uses: the given one, or `latest`.
  public var effectiveTag: String { tag ?? "latest" }

  /// `docker.io/library/nginx`
  public var name: String { domain + "/" + path }

  /// The short name docker prints: `nginx`, `amazon/aws-cli`, `public.ecr.aws/nginx/nginx`.
  public var familiarName: String {
    guard domain == "docker.io" else { return name }
    if path.hasPrefix("library/"), path.dropFirst(8).contains("/") == false {
      return String(path.dropFirst(8))
    }
    return path
  }

  /// `docker.io/library/nginx:latest` (or `...@sha256:...` when pinned by digest without a tag).
  public var canonical: String {
    if let digest, tag == nil { return name + "@" + digest }
    return name + ":" + effectiveTag
  }

  /// Everything the reference pins: `docker.io/library/nginx:1.27`, `…/web@sha256:…`, or
  /// `…/web:v1@sha256:…` when both are given.
  public var pinned: String {
    guard let digest else { return name + ":" + effectiveTag }
    return name + (tag.map { ":" + $0 } ?? "") + "@" + digest
  }

  /// `nginx:latest` (or `nginx@sha256:...`).
  public var familiar: String {
    if let digest, tag == nil { return familiarName + "@" + digest }
    return familiarName + ":" + effectiveTag
  }

  /// The account and region of a private ECR host (`ACCOUNT.dkr.ecr.REGION.amazonaws.com`).
  public var ecrRegistry: (account: String, region: String)? {
    let parts = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 6, parts[1] == "dkr", parts[2] == "ecr", parts[4] == "amazonaws",
      parts[5] == "com", parts[0].count == 12, parts[0].allSatisfy(\.isNumber), !parts[3].isEmpty
    else { return nil }
    return (String(parts[0]), String(parts[3]))
  }
}

extension Character {
  fileprivate var isHexDigitLower: Bool { isHexDigit && !isUppercase }
}

// MARK: - The public catalogue

/// One tag of a public image that exists without a push (Docker Hub, Amazon ECR Public).
public struct CatalogueImage: Sendable, Equatable {
  /// `docker.io/library/nginx`, `public.ecr.aws/aws-observability/aws-for-fluent-bit`.
  public var name: String
  public var tag: String
  /// The manifest digest; mirrors of the same image (Docker Hub and ECR Public) share it.
  public var digest: String
  /// The image config digest (`docker images` IMAGE ID).
  public var id: String
  /// Uncompressed size (`docker images`).
  public var size: Int
  /// Compressed size (what a registry stores and a pull downloads).
  public var compressedSize: Int
  public var layers: [String]
  /// When the upstream image was built.
  public var created: Int64
}

/// The public images the simulation knows. Unknown Docker Hub names are "not found", as a typo
/// would be on the real Docker Hub.
///
/// ```swift
/// ImageCatalogue.find(name: "docker.io/library/nginx", tag: "alpine")?.digest  // "sha256:…"
/// ```
public enum ImageCatalogue {
  /// (repository, tag groups that share one image, uncompressed MB of each group, layers, age
  /// in days). A group like ["latest", "1.27"] is one image with two tags, as on Docker Hub.
  private static let table: [(String, [[String]], [Double], Int, Int)] = [
    (
      "library/nginx", [["latest", "1.27", "mainline"], ["1.25"], ["alpine", "1.27-alpine"]],
      [192, 187, 47.9], 7, 12
    ),
    ("library/httpd", [["latest", "2.4"], ["alpine", "2.4-alpine"]], [148, 62.3], 5, 20),
    ("library/busybox", [["latest", "1.36", "stable"]], [4.26], 1, 40),
    ("library/alpine", [["latest", "3.20"], ["3.19"]], [7.8, 7.38], 1, 33),
    ("library/redis", [["latest", "7"], ["alpine", "7-alpine"]], [117, 41.2], 6, 9),
    (
      "library/postgres", [["latest", "16"], ["15"], ["alpine", "16-alpine"]], [432, 425, 243],
      8, 15
    ),
    (
      "library/node", [["latest", "22"], ["20", "lts"], ["20-alpine"], ["22-alpine"]],
      [1100, 1090, 135, 157], 7, 6
    ),
    ("library/python", [["latest", "3.12"], ["3.12-slim"], ["3.11"]], [1020, 130, 1010], 6, 8),
    ("amazon/amazon-ecs-agent", [["latest"]], [78.4], 3, 18),
    ("amazon/aws-cli", [["latest"]], [420], 5, 4),
  ]

  /// Repositories on Amazon ECR Public that mirror a Docker Hub repository (same digests).
  private static let publicECRMirrors: [(String, String)] =
    ["nginx", "httpd", "busybox", "alpine", "redis", "postgres", "node", "python"].map {
      ("public.ecr.aws/docker/library/" + $0, "library/" + $0)
    } + [("public.ecr.aws/nginx/nginx", "library/nginx")]

  /// Every catalogue image, one entry per tag.
  public static let all: [CatalogueImage] = build()

  private static func build() -> [CatalogueImage] {
    var out: [CatalogueImage] = []
    func add(name: String, key: String, tags: [String], mb: Double, layerCount: Int, age: Int) {
      let size = Int(mb * 1_000_000)
      let layers = (0..<layerCount).map { "sha256:" + SHA256.hex("layer|\(key)|\($0)") }
      for tag in tags {
        out.append(
          CatalogueImage(
            name: name, tag: tag, digest: "sha256:" + SHA256.hex("manifest|" + key),
            id: "sha256:" + SHA256.hex("config|" + key), size: size,
            compressedSize: size * 2 / 5, layers: layers,
            created: SimClock.defaultStart - Int64(age) * 86_400_000))
      }
    }
    for (repo, groups, sizes, layerCount, age) in table {
      for (i, group) in groups.enumerated() {
        let key = repo + ":" + group[0]
        let mb = sizes[min(i, sizes.count - 1)]
        add(
          name: "docker.io/" + repo, key: key, tags: group, mb: mb, layerCount: layerCount,
          age: age)
        for (mirror, source) in publicECRMirrors where source == repo {
          add(name: mirror, key: key, tags: group, mb: mb, layerCount: layerCount, age: age)
        }
      }
    }
    // AWS for Fluent Bit: the FireLens log router image, published on ECR Public only.
    let fluent = "public.ecr.aws/aws-observability/aws-for-fluent-bit"
    add(
      name: fluent, key: "fluent:stable", tags: ["stable", "latest"], mb: 262, layerCount: 6,
      age: 10)
    add(name: fluent, key: "fluent:init", tags: ["init-latest"], mb: 271, layerCount: 7, age: 10)
    // ecs-tutor's demo programs (AppBehaviour.swift says what each does), on ECR Public.
    for (demo, mb) in [
      ("web", 52.1), ("api", 52.4), ("s3-lister", 61.7), ("orders", 58.3), ("secret-reader", 60.2),
    ] {
      add(
        name: "public.ecr.aws/ecs-tutor/" + demo, key: "ecs-tutor/" + demo, tags: ["latest", "1"],
        mb: mb, layerCount: 4, age: 3)
    }
    return out
  }

  /// The image `name` (`docker.io/library/nginx`) tagged `tag`.
  public static func find(name: String, tag: String) -> CatalogueImage? {
    all.first { $0.name == name && $0.tag == tag }
  }

  /// The image `name` whose manifest digest is `digest`.
  public static func find(name: String, digest: String) -> CatalogueImage? {
    all.first { $0.name == name && $0.digest == digest }
  }

  /// The repository of a catalogue name without its registry: `docker.io/library/nginx` and
  /// `public.ecr.aws/docker/library/nginx` are `library/nginx`; `public.ecr.aws/ecs-tutor/web` is
  /// `ecs-tutor/web`.
  public static func repositoryKey(_ name: String) -> String {
    for prefix in ["docker.io/", "public.ecr.aws/docker/", "public.ecr.aws/"]
    where name.hasPrefix(prefix) {
      return String(name.dropFirst(prefix.count))
    }
    return name
  }

  /// Whether the catalogue has any tag of `name`.
  public static func hasRepository(_ name: String) -> Bool { all.contains { $0.name == name } }
}

// MARK: - Looking an image up

/// What a registry has for a reference: the one lookup `docker pull` and a task's pull share.
public enum ImageLookup: Sendable, Equatable {
  /// A public image from the catalogue.
  case catalogue(CatalogueImage)
  /// An image pushed to one of this account's ECR repositories.
  case ecr(repository: Repository, image: ECRImage)
  /// This account's registry has no repository of that name.
  case ecrRepositoryMissing(name: String)
  /// The repository exists but has no such tag or digest.
  case ecrImageMissing(repository: Repository)
  /// A private ECR registry of another account or region: nothing exists there in this world.
  case otherECRRegistry
  /// A public registry (Docker Hub, ECR Public) without that repository.
  case publicRepositoryMissing
  /// A public repository without that tag or digest.
  case publicTagMissing
  /// Any other registry host (ghcr.io, quay.io ...): not simulated, so nothing is found.
  case unknownRegistry
}

/// What a task's image pull finds: the image, or the reason the task stops.
public enum ImageResolution: Sendable, Equatable {
  /// `isECR` is true for this account's private ECR (the puller then needs ECR permissions,
  /// checked by the caller); `repositoryArn` names the repository for that check.
  case found(digest: String, size: Int, isECR: Bool, repositoryArn: String?)
  /// `message` is the task's stoppedReason.
  case notFound(message: String)
}

extension World {
  /// Looks `ref` up in this account's ECR and the public catalogue.
  public func lookupImage(_ ref: ImageReference) -> ImageLookup {
    if let (account, region) = ref.ecrRegistry {
      guard account == self.account && region == self.region else { return .otherECRRegistry }
      guard let repo = registry.repository(ref.path) else {
        return .ecrRepositoryMissing(name: ref.path)
      }
      let image = ref.digest.map { repo.image(digest: $0) } ?? repo.image(tag: ref.effectiveTag)
      guard let image else { return .ecrImageMissing(repository: repo) }
      return .ecr(repository: repo, image: image)
    }
    guard ref.domain == "docker.io" || ref.domain == "public.ecr.aws" else {
      return .unknownRegistry
    }
    guard ImageCatalogue.hasRepository(ref.name) else { return .publicRepositoryMissing }
    let found =
      ref.digest.map { ImageCatalogue.find(name: ref.name, digest: $0) }
      ?? ImageCatalogue.find(name: ref.name, tag: ref.effectiveTag)
    guard let found else { return .publicTagMissing }
    return .catalogue(found)
  }

  /// What a task's pull of `image` (as written in the container definition) finds.
  ///
  /// Failure texts follow the containerd era (Fargate platform 1.4.0 and later, which is what
  /// new tasks run on): `CannotPullContainerError: pull image manifest has been retried 1
  /// time(s): failed to resolve ref REF: REF: not found` (shared/ecs-facts.md §9). The
  /// Docker-era "API error (404)" wording is not used anywhere.
  public func resolveImage(_ image: String) -> ImageResolution {
    let prefix = "CannotPullContainerError: pull image manifest has been retried 1 time(s): "
    let ref: ImageReference
    do {
      ref = try ImageReference.parse(image)
    } catch {
      // UNCONFIRMED: the exact stoppedReason for a malformed reference; this is containerd's
      // own parse error behind the usual prefix.
      return .notFound(message: "CannotPullContainerError: " + error.message)
    }
    let shownRef = ref.pinned
    let notFound = ImageResolution.notFound(
      message: prefix + "failed to resolve ref \(shownRef): \(shownRef): not found")
    switch lookupImage(ref) {
    case .catalogue(let c):
      return .found(digest: c.digest, size: c.compressedSize, isECR: false, repositoryArn: nil)
    case .ecr(let repo, let img):
      return .found(digest: img.digest, size: img.sizeInBytes, isECR: true, repositoryArn: repo.arn)
    case .publicRepositoryMissing where ref.domain == "docker.io":
      return .notFound(
        message: prefix + "failed to resolve ref \(shownRef): pull access denied, repository does "
          + "not exist or may require authorization: server message: insufficient_scope: "
          + "authorization failed")
    case .ecrRepositoryMissing, .ecrImageMissing, .otherECRRegistry, .publicRepositoryMissing,
      .publicTagMissing, .unknownRegistry:
      return notFound
    }
  }
}

// MARK: - Digests

/// SHA-256 (FIPS 180-4), so digests are real 64-hex values derived from content and the same on
/// every machine.
///
/// ```swift
/// SHA256.hex("abc")  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public enum SHA256 {
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// The digest of `text`'s UTF-8 bytes as 64 lowercase hex digits.
  public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

  /// The digest of `bytes` as 64 lowercase hex digits.
  public static func hex(_ bytes: [UInt8]) -> String {
    var h: [UInt32] = [
      0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
      0x5be0_cd19,
    ]
    var msg = bytes
    let bitLength = UInt64(bytes.count) &* 8
    msg.append(0x80)
    while msg.count % 64 != 56 { msg.append(0) }
    for i in (0..<8).reversed() {
      msg.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)))
    }
    var w = [UInt32](repeating: 0, count: 64)
    for chunk in stride(from: 0, to: msg.count, by: 64) {
      for i in 0..<16 {
        let b = chunk + i * 4
        w[i] =
          UInt32(msg[b]) << 24 | UInt32(msg[b + 1]) << 16 | UInt32(msg[b + 2]) << 8
          | UInt32(msg[b + 3])
      }
      for i in 16..<64 {
        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
      for i in 0..<64 {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = (e & f) ^ (~e & g)
        let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) ^ (a & c) ^ (b & c)
        let t2 = s0 &+ maj
        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
      }
      h[0] = h[0] &+ a
      h[1] = h[1] &+ b
      h[2] = h[2] &+ c
      h[3] = h[3] &+ d
      h[4] = h[4] &+ e
      h[5] = h[5] &+ f
      h[6] = h[6] &+ g
      h[7] = h[7] &+ hh
    }
    let digits = Array("0123456789abcdef")
    var out = ""
    for word in h {
      for shift in stride(from: 28, through: 0, by: -4) {
        out.append(digits[Int((word >> UInt32(shift)) & 0xf)])
      }
    }
    return out
  }

  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
