/// ECR image calls beside describe/list/delete: BatchGetImage, PutImage, StartImageScan,
/// DescribeImageScanFindings, and the layer API `docker push` uses underneath
/// (InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload, BatchCheckLayerAvailability,
/// GetDownloadUrlForLayer).
extension ECRActions {
  static let imageTable: [String: ActionHandler] = [
    "BatchGetImage": batchGetImage,
    "PutImage": putImage,
    "StartImageScan": startImageScan,
    "DescribeImageScanFindings": describeImageScanFindings,
    "InitiateLayerUpload": initiateLayerUpload,
    "UploadLayerPart": uploadLayerPart,
    "CompleteLayerUpload": completeLayerUpload,
    "BatchCheckLayerAvailability": batchCheckLayerAvailability,
    "GetDownloadUrlForLayer": getDownloadUrlForLayer,
  ]

  static let layerMediaType = "application/vnd.docker.image.rootfs.diff.tar.gzip"

  /// The manifest of an image: the one PutImage received, else a Docker v2 manifest of its
  /// layers (sizes split from the image's size; the config digest derived from its digest).
  static func manifest(_ image: ECRImage) -> String {
    if let m = image.manifest { return m }
    let each = image.sizeInBytes / max(image.layers.count, 1)
    let layers = image.layers.map { d in
      "      {\n         \"mediaType\": \"\(layerMediaType)\",\n         \"size\": \(each),\n         \"digest\": \"\(d)\"\n      }"
    }
    return """
      {
         "schemaVersion": 2,
         "mediaType": "\(image.manifestMediaType)",
         "config": {
            "mediaType": "\(image.artifactMediaType)",
            "size": \(1_400 + image.layers.count * 97),
            "digest": "sha256:\(SHA256.hex("config|" + image.digest))"
         },
         "layers": [
      \(layers.joined(separator: ",\n"))
         ]
      }
      """
  }

  static func imageId(_ id: JSONValue, _ image: ECRImage) -> JSONValue {
    jsonObject([
      ("imageDigest", .string(image.digest)),
      ("imageTag", id["imageTag"] ?? image.tags.first.map { .string($0) }),
    ])
  }

  static func batchGetImage(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (r, registryId) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[r]
    var images: [JSONValue] = []
    var failures: [JSONValue] = []
    for id in req.array("imageIds") ?? [] {
      guard let image = try find(id, in: repo) else {
        failures.append([
          "imageId": id, "failureCode": "ImageNotFound",
          "failureReason": "Requested image not found",
        ])
        continue
      }
      images.append([
        "registryId": .string(registryId), "repositoryName": .string(repo.name),
        "imageId": imageId(id, image), "imageManifest": .string(manifest(image)),
        "imageManifestMediaType": .string(image.manifestMediaType),
      ])
    }
    return ["images": .array(images), "failures": .array(failures)]
  }

  /// PutImage: the manifest's digest is the SHA-256 of its text, as a registry computes it.
  /// UNCONFIRMED: ECR refuses a manifest whose layers were never uploaded
  /// (LayersNotFoundException); the tutor stores no layer blobs of the catalogue images, so it
  /// accepts them.
  static func putImage(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (r, registryId) = try repositoryIndex(world, req)
    var repo = world.registry.repositories[r]
    let text = req.string("imageManifest") ?? ""
    guard let doc = try? JSONParser.parse(text), doc["schemaVersion"] != nil else {
      throw AWSError(
        "InvalidParameterException",
        "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'")
    }
    let digest = "sha256:" + SHA256.hex(text)
    if let given = req.string("imageDigest"), given != digest {
      throw AWSError(
        "ImageDigestDoesNotMatchException",
        "The digest of the image manifest (\(digest)) does not match the digest specified (\(given))."
      )
    }
    let tag = req.string("imageTag")
    if let tag, let holder = repo.image(tag: tag) {
      if holder.digest == digest {
        throw AWSError(
          "ImageAlreadyExistsException",
          "Image with digest '\(digest)' and tag '\(tag)' already exists in the repository with name '\(repo.name)' in registry with id '\(registryId)'"
        )
      }
      if repo.imageTagMutability.hasPrefix("IMMUTABLE") {
        throw AWSError(
          "ImageTagAlreadyExistsException",
          "The image tag '\(tag)' already exists in the '\(repo.name)' repository and cannot be overwritten because the repository is immutable."
        )
      }
    }
    let layerItems = doc["layers"]?.arrayValue ?? []
    let layers = layerItems.compactMap { $0["digest"]?.stringValue }
    let size = layerItems.compactMap { $0["size"]?.intValue }.reduce(0, +)
    if let tag {
      for i in repo.images.indices where repo.images[i].digest != digest {
        repo.images[i].tags.removeAll { $0 == tag }
      }
    }
    var image: ECRImage
    if let i = repo.images.firstIndex(where: { $0.digest == digest }) {
      if let tag, !repo.images[i].tags.contains(tag) { repo.images[i].tags.append(tag) }
      image = repo.images[i]
    } else {
      image = ECRImage(
        digest: digest, tags: tag.map { [$0] } ?? [], sizeInBytes: size,
        pushedAt: world.clock.nowMillis, layers: layers,
        manifestMediaType: doc["mediaType"]?.stringValue ?? req.string("imageManifestMediaType")
          ?? ECRImage.dockerManifestV2)
      image.manifest = text
      if repo.scanOnPush { image.scanStartedAt = world.clock.nowMillis }
      repo.images.append(image)
    }
    world.registry.repositories[r] = repo
    world.record(
      .image, "Image \(repo.uri):\(tag ?? digest) put (\(digest)).",
      .imagePushed(image: "\(repo.uri):\(tag ?? digest)", digest: digest))
    return [
      "image": jsonObject([
        ("registryId", .string(registryId)), ("repositoryName", .string(repo.name)),
        (
          "imageId",
          jsonObject([("imageDigest", .string(digest)), ("imageTag", tag.map { .string($0) })])
        ),
        ("imageManifest", .string(text)),
        ("imageManifestMediaType", .string(image.manifestMediaType)),
      ])
    ]
  }

  /// The image an `imageId` names, or ImageNotFoundException in ECR's words.
  static func requireImage(_ world: World, _ req: Request) throws(AWSError) -> (Int, Int) {
    let (r, _) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[r]
    let id = req["imageId"] ?? [:]
    guard let image = try find(id, in: repo),
      let i = repo.images.firstIndex(where: { $0.digest == image.digest })
    else {
      let digest = id["imageDigest"]?.stringValue.map { "'\($0)'" } ?? "'null'"
      let tag = id["imageTag"]?.stringValue.map { "'\($0)'" } ?? "'null'"
      throw AWSError(
        "ImageNotFoundException",
        "The image with imageId {imageDigest:\(digest), imageTag:\(tag)} does not exist within "
          + "the repository with name '\(repo.name)' in the registry with id '\(repo.registryId)'")
    }
    return (r, i)
  }

  static func startImageScan(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (r, i) = try requireImage(world, req)
    let repo = world.registry.repositories[r]
    if let started = repo.images[i].scanStartedAt,
      world.clock.nowMillis - started < 86_400_000
    {
      throw AWSError(
        "LimitExceededException",
        "The scan quota per image has been exceeded. Wait and try again.")
    }
    world.registry.repositories[r].images[i].scanStartedAt = world.clock.nowMillis
    return [
      "registryId": .string(repo.registryId), "repositoryName": .string(repo.name),
      "imageId": imageId(req["imageId"] ?? [:], repo.images[i]),
      "imageScanStatus": ["status": "IN_PROGRESS"],
    ]
  }

  static func describeImageScanFindings(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (r, i) = try requireImage(world, req)
    let repo = world.registry.repositories[r]
    let image = repo.images[i]
    guard let started = image.scanStartedAt else {
      throw AWSError(
        "ScanNotFoundException",
        "Image scan does not exist for the image with '{imageDigest:'\(image.digest)', imageTag:'\(image.tags.first ?? "null")'}' in the repository with name '\(repo.name)' in the registry with id '\(repo.registryId)'"
      )
    }
    let findings = ScanFindings.of(image)
    return [
      "imageScanFindings": [
        "findings": .array(findings.map(ScanFindings.document)),
        "imageScanCompletedAt": .string(Timestamp.iso8601(millis: started + 7_000)),
        "vulnerabilitySourceUpdatedAt": .string(
          Timestamp.iso8601(millis: ScanFindings.sourceUpdatedAt)),
        "findingSeverityCounts": ScanFindings.counts(findings),
      ],
      "registryId": .string(repo.registryId), "repositoryName": .string(repo.name),
      "imageId": imageId(req["imageId"] ?? [:], image),
      "imageScanStatus": [
        "status": "COMPLETE", "description": "The scan was completed successfully.",
      ],
    ]
  }

  // MARK: Layers

  static func initiateLayerUpload(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (r, _) = try repositoryIndex(world, req)
    let id = world.random.uuid()
    world.registry.layerUploads.append(
      LayerUpload(uploadId: id, repositoryName: world.registry.repositories[r].name))
    return ["uploadId": .string(id), "partSize": 10_485_760]
  }

  static func uploadIndex(_ world: World, _ req: Request, repository: String) throws(AWSError)
    -> Int
  {
    let id = req.string("uploadId") ?? ""
    guard
      let u = world.registry.layerUploads.firstIndex(where: {
        $0.uploadId == id && $0.repositoryName == repository
      })
    else {
      throw AWSError(
        "UploadNotFoundException",
        "The upload with id '\(id)' does not exist in the repository with name '\(repository)' in the registry with id '\(world.account)'"
      )
    }
    return u
  }

  static func uploadLayerPart(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let (r, registryId) = try repositoryIndex(world, req)
    let name = world.registry.repositories[r].name
    let u = try uploadIndex(world, req, repository: name)
    let first = req.int("partFirstByte") ?? 0
    let last = req.int("partLastByte") ?? 0
    guard first == world.registry.layerUploads[u].lastByte + 1, last >= first else {
      throw AWSError(
        "InvalidLayerPartException",
        "The layer part size is not valid, or the first byte specified is not consecutive to the last byte of a previous layer part upload."
      )
    }
    world.registry.layerUploads[u].lastByte = last
    world.registry.layerUploads[u].content += req.string("layerPartBlob") ?? ""
    return [
      "registryId": .string(registryId), "repositoryName": .string(name),
      "uploadId": .string(world.registry.layerUploads[u].uploadId),
      "lastByteReceived": .int(last),
    ]
  }

  /// Ends an upload: the layer's digest is the SHA-256 of what was uploaded (ECR computes it;
  /// the request names the digest the client expects).
  static func completeLayerUpload(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (r, registryId) = try repositoryIndex(world, req)
    let name = world.registry.repositories[r].name
    let u = try uploadIndex(world, req, repository: name)
    let upload = world.registry.layerUploads[u]
    guard upload.lastByte >= 0 else {
      throw AWSError(
        "EmptyUploadException", "The specified layer upload does not contain any layer parts.")
    }
    for d in req.strings("layerDigests") ?? [] where !isDigest(d) {
      throw AWSError(
        "InvalidLayerException",
        "The layer digest calculation performed by Amazon ECR does not match the layer digest specified: \(d)"
      )
    }
    let digest = "sha256:" + SHA256.hex(upload.uploadId + "|" + upload.content)
    world.registry.layerUploads.remove(at: u)
    world.registry.repositories[r].uploadedLayers[digest] = upload.lastByte + 1
    return [
      "registryId": .string(registryId), "repositoryName": .string(name),
      "uploadId": .string(upload.uploadId), "layerDigest": .string(digest),
    ]
  }

  /// The size of a layer the repository holds (uploaded, or part of one of its images).
  static func layerSize(_ repo: Repository, _ digest: String) -> Int? {
    if let size = repo.uploadedLayers[digest] { return size }
    guard let image = repo.images.first(where: { $0.layers.contains(digest) }) else {
      return nil
    }
    return image.sizeInBytes / max(image.layers.count, 1)
  }

  static func batchCheckLayerAvailability(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (r, _) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[r]
    var layers: [JSONValue] = []
    var failures: [JSONValue] = []
    for d in req.strings("layerDigests") ?? [] {
      guard isDigest(d) else {
        failures.append([
          "layerDigest": .string(d), "failureCode": "InvalidLayerDigest",
          "failureReason": "Invalid layer digest",
        ])
        continue
      }
      if let size = layerSize(repo, d) {
        layers.append([
          "layerDigest": .string(d), "layerAvailability": "AVAILABLE", "layerSize": .int(size),
          "mediaType": .string(layerMediaType),
        ])
      } else {
        failures.append([
          "layerDigest": .string(d), "failureCode": "MissingLayerDigest",
          "failureReason": "Could not find layer",
        ])
      }
    }
    return ["layers": .array(layers), "failures": .array(failures)]
  }

  static func getDownloadUrlForLayer(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let (r, _) = try repositoryIndex(world, req)
    let repo = world.registry.repositories[r]
    let digest = req.string("layerDigest") ?? ""
    guard layerSize(repo, digest) != nil else {
      throw AWSError(
        "LayersNotFoundException",
        "The specified layer \(digest) is not available because it is not associated with an image. Upload the layer and the image that references it, and try again."
      )
    }
    let key = SHA256.hex(repo.arn + digest)
    let region = world.region
    let url =
      "https://prod-\(region)-starport-layer-bucket.s3.\(region).amazonaws.com/"
      + "\(key.prefix(4))-\(world.account)-\(key.dropFirst(4).prefix(8))/\(key.suffix(12))"
      + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
      + "&X-Amz-Signature=\(SHA256.hex(url(key)))"
    return ["downloadUrl": .string(url), "layerDigest": .string(digest)]
  }

  private static func url(_ key: String) -> String { "sig|" + key }
}
