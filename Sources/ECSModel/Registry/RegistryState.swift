/// ECR: private repositories and the images pushed to them, plus the local docker state of the
/// learner's machine (built images, tags, registry logins) that `docker` commands change.
///
/// ```swift
/// var world = World()
/// _ = try world.perform(service: "ecr", operation: "CreateRepository", ["repositoryName": "web"])
/// world.registry.repository("web")?.uri  // "123456789012.dkr.ecr.us-east-1.amazonaws.com/web"
/// ```
public struct RegistryState: Sendable, Equatable, Codable {
  /// Private ECR repositories of this account and region, in creation order.
  public var repositories: [Repository] = []
  /// The learner's local docker image store (`docker images`).
  public var localImages: [LocalImage] = []
  /// Registry host → the password `docker login` accepted for it.
  public var logins: [String: String] = [:]
  /// Every password GetAuthorizationToken / get-login-password handed out, with its expiry.
  public var issuedTokens: [IssuedToken] = []
  /// How many `docker build`s ran: part of each build's digest, so rebuilding gives a new image.
  public var buildCount = 0
  /// Layer uploads in progress (InitiateLayerUpload … CompleteLayerUpload), in start order.
  public var layerUploads: [LayerUpload] = []

  public init() {}

  /// The repository named `name`.
  public func repository(_ name: String) -> Repository? {
    repositories.first { $0.name == name }
  }

  /// The local image that `reference` (canonical, `docker.io/library/web:latest`) names.
  public func localImage(reference: String) -> LocalImage? {
    localImages.first { $0.references.contains(reference) }
  }
}

/// An ECR private repository and its images.
public struct Repository: Sendable, Equatable, Codable {
  public var name: String
  public var arn: String
  public var registryId: String
  /// `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME`: what `docker push` and task definitions use.
  public var uri: String
  public var createdAt: Int64
  /// MUTABLE or IMMUTABLE.
  public var imageTagMutability: String
  public var scanOnPush: Bool
  /// AES256 (the default), KMS or KMS_DSSE.
  public var encryptionType: String
  public var kmsKey: String?
  public var tags: [Tag]
  /// Images in push order.
  public var images: [ECRImage] = []
  /// The lifecycle policy (PutLifecyclePolicy) and when it was last evaluated.
  public var lifecyclePolicyText: String?
  public var lifecycleEvaluatedAt: Int64?
  /// The policy of the last StartLifecyclePolicyPreview and when it started.
  public var lifecyclePreviewText: String?
  public var lifecyclePreviewAt: Int64?
  /// The repository policy (SetRepositoryPolicy): who else may pull or push.
  public var policyText: String?
  /// Layers uploaded with the layer API (digest → size), beside the layers of its images.
  public var uploadedLayers: [String: Int] = [:]

  public init(
    name: String, arn: String, registryId: String, uri: String, createdAt: Int64,
    imageTagMutability: String = "MUTABLE", scanOnPush: Bool = false,
    encryptionType: String = "AES256", kmsKey: String? = nil, tags: [Tag] = []
  ) {
    self.name = name
    self.arn = arn
    self.registryId = registryId
    self.uri = uri
    self.createdAt = createdAt
    self.imageTagMutability = imageTagMutability
    self.scanOnPush = scanOnPush
    self.encryptionType = encryptionType
    self.kmsKey = kmsKey
    self.tags = tags
  }

  /// The image tagged `tag`.
  public func image(tag: String) -> ECRImage? { images.first { $0.tags.contains(tag) } }
  /// The image whose manifest digest is `digest` (`sha256:...`).
  public func image(digest: String) -> ECRImage? { images.first { $0.digest == digest } }
}

/// One image manifest in an ECR repository.
public struct ECRImage: Sendable, Equatable, Codable {
  /// `sha256:` + 64 hex digits of the manifest.
  public var digest: String
  /// Tags in the order they were pushed; empty for an untagged image.
  public var tags: [String]
  /// Compressed size, as ECR reports it (smaller than `docker images` shows).
  public var sizeInBytes: Int
  public var pushedAt: Int64
  /// Layer digests, base first: a later push of the same layer prints "Layer already exists".
  public var layers: [String]
  public var manifestMediaType: String
  public var artifactMediaType: String
  /// The manifest as PutImage received it; nil for pushed images (their manifest is derived).
  public var manifest: String?
  /// When a scan (scan on push or StartImageScan) began; nil when never scanned.
  public var scanStartedAt: Int64?

  public static let dockerManifestV2 = "application/vnd.docker.distribution.manifest.v2+json"
  public static let dockerImageConfig = "application/vnd.docker.container.image.v1+json"

  public init(
    digest: String, tags: [String], sizeInBytes: Int, pushedAt: Int64, layers: [String],
    manifestMediaType: String = ECRImage.dockerManifestV2,
    artifactMediaType: String = ECRImage.dockerImageConfig
  ) {
    self.digest = digest
    self.tags = tags
    self.sizeInBytes = sizeInBytes
    self.pushedAt = pushedAt
    self.layers = layers
    self.manifestMediaType = manifestMediaType
    self.artifactMediaType = artifactMediaType
  }
}

/// An image in the learner's local docker store.
public struct LocalImage: Sendable, Equatable, Codable {
  /// `sha256:` + 64 hex of the image config (`docker images` shows the first 12 hex digits).
  public var id: String
  /// Canonical references (`docker.io/library/web:latest`, `ACCOUNT.dkr.ecr.../web:v1`).
  /// Empty for a dangling image, which `docker images` lists as `<none>`.
  public var references: [String]
  /// The manifest digest a push or pull of this image produces.
  public var manifestDigest: String
  /// Uncompressed size, as `docker images` shows it.
  public var size: Int
  /// Compressed size, as a registry stores it.
  public var compressedSize: Int
  public var layers: [String]
  /// When the image was built (upstream creation time for pulled images).
  public var created: Int64

  public init(
    id: String, references: [String], manifestDigest: String, size: Int, compressedSize: Int,
    layers: [String], created: Int64
  ) {
    self.id = id
    self.references = references
    self.manifestDigest = manifestDigest
    self.size = size
    self.compressedSize = compressedSize
    self.layers = layers
    self.created = created
  }
}

/// A password GetAuthorizationToken issued (the part after `AWS:` in the decoded token).
public struct IssuedToken: Sendable, Equatable, Codable {
  public var password: String
  public var expiresAt: Int64
  public init(password: String, expiresAt: Int64) {
    self.password = password
    self.expiresAt = expiresAt
  }
}

extension World {
  /// This account's private registry host: `123456789012.dkr.ecr.us-east-1.amazonaws.com`.
  public var ecrHost: String { "\(account).dkr.ecr.\(region).amazonaws.com" }
}

/// A layer upload in progress (ECR's layer API, what `docker push` does underneath).
public struct LayerUpload: Sendable, Equatable, Codable {
  public var uploadId: String
  public var repositoryName: String
  /// The last byte received so far (-1 before the first part).
  public var lastByte: Int = -1
  /// The parts' bytes, hashed as they come: the layer's digest when complete.
  public var content: String = ""
}
