/// s3api CreateBucket, DeleteBucket, ListBuckets, HeadBucket, ListObjectsV2, PutObject,
/// GetObject, HeadObject, DeleteObject, with S3's error codes and messages (as moto and the S3
/// API reference word them).
enum S3Actions {
  static let table: [String: ActionHandler] = [
    "CreateBucket": createBucket,
    "DeleteBucket": deleteBucket,
    "ListBuckets": listBuckets,
    "HeadBucket": headBucket,
    "ListObjectsV2": listObjectsV2,
    "PutObject": putObject,
    "GetObject": getObject,
    "HeadObject": headObject,
    "DeleteObject": deleteObject,
  ]

  static let noSuchBucket = AWSError("NoSuchBucket", "The specified bucket does not exist")
  static let noSuchKey = AWSError("NoSuchKey", "The specified key does not exist.")

  /// S3's general purpose bucket naming rules: 3–63 characters of lowercase letters, digits,
  /// dots and hyphens, starting and ending with a letter or digit.
  static func validBucketName(_ name: String) -> Bool {
    let allowed = name.allSatisfy {
      $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-")
    }
    let edges =
      name.first.map { $0.isLowercase || $0.isNumber } == true
      && name.last.map { $0.isLowercase || $0.isNumber } == true
    return (3...63).contains(name.count) && allowed && edges && !name.contains("..")
  }

  static func existingBucket(_ world: World, _ req: Request) throws(AWSError) -> Int {
    let name = req.string("Bucket") ?? ""
    guard let i = world.s3.buckets.firstIndex(where: { $0.name == name }) else {
      throw noSuchBucket
    }
    return i
  }

  static func createBucket(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let name = req.string("Bucket") ?? ""
    guard validBucketName(name) else {
      throw AWSError("InvalidBucketName", "The specified bucket is not valid.")
    }
    let constraint = req["CreateBucketConfiguration"]?["LocationConstraint"]?.stringValue
    if world.region != "us-east-1" && constraint == nil {
      throw AWSError(
        "IllegalLocationConstraintException",
        "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
      )
    }
    if let constraint, constraint != world.region {
      throw AWSError(
        "IllegalLocationConstraintException",
        "The \(constraint) location constraint is incompatible for the region specific endpoint this request was sent to."
      )
    }
    guard world.bucket(name) == nil else {
      throw AWSError(
        "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.")
    }
    world.s3.buckets.append(
      Bucket(name: name, createdAt: world.clock.nowMillis, region: world.region))
    world.s3.buckets.sort { $0.name < $1.name }
    if world.region == "us-east-1" { return ["Location": .string("/\(name)")] }
    return ["Location": .string("http://\(name).s3.amazonaws.com/")]
  }

  static func deleteBucket(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try existingBucket(world, req)
    guard world.s3.buckets[i].objects.isEmpty else {
      throw AWSError("BucketNotEmpty", "The bucket you tried to delete is not empty")
    }
    world.s3.buckets.remove(at: i)
    return [:]
  }

  static func listBuckets(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let prefix = req.string("Prefix") ?? ""
    let buckets = world.s3.buckets.filter { $0.name.hasPrefix(prefix) }.map { b -> JSONValue in
      [
        "Name": .string(b.name), "CreationDate": .string(Timestamp.iso8601(millis: b.createdAt)),
      ]
    }
    return [
      "Buckets": .array(buckets),
      "Owner": ["ID": .string(canonicalUserId(world))],
      "Prefix": req.string("Prefix").map { .string($0) } ?? .null,
    ]
  }

  /// The account's canonical user ID (64 hex digits), derived from the account number.
  static func canonicalUserId(_ world: World) -> String {
    SHA256.hex("canonical|" + world.account)
  }

  static func headBucket(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try existingBucket(world, req)
    return [
      "BucketRegion": .string(world.s3.buckets[i].region), "AccessPointAlias": false,
    ]
  }

  /// One object as `list-objects-v2` prints it.
  static func objectDocument(_ o: S3Object) -> JSONValue {
    [
      "Key": .string(o.key), "LastModified": .string(Timestamp.iso8601(millis: o.lastModified)),
      "ETag": .string(o.etag), "ChecksumAlgorithm": ["CRC64NVME"], "ChecksumType": "FULL_OBJECT",
      "Size": .int(o.size), "StorageClass": "STANDARD",
    ]
  }

  static func listObjectsV2(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let b = world.s3.buckets[try existingBucket(world, req)]
    let prefix = req.string("Prefix") ?? ""
    let delimiter = req.string("Delimiter")
    var contents: [JSONValue] = []
    var prefixes: [String] = []
    for o in b.objects where o.key.hasPrefix(prefix) {
      if let delimiter, !delimiter.isEmpty,
        let r = o.key.dropFirst(prefix.count).range(of: delimiter)
      {
        let common = prefix + o.key.dropFirst(prefix.count)[..<r.upperBound]
        if !prefixes.contains(String(common)) { prefixes.append(String(common)) }
        continue
      }
      contents.append(objectDocument(o))
    }
    return jsonObject([
      ("Contents", contents.isEmpty ? nil : .array(contents)),
      ("CommonPrefixes", prefixes.isEmpty ? nil : .array(prefixes.map { ["Prefix": .string($0)] })),
      ("RequestCharged", .null),
      ("Prefix", .string(prefix)),
    ])
  }

  static func putObject(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try existingBucket(world, req)
    let key = req.string("Key") ?? ""
    let o = S3Object(key: key, body: req.string("Body") ?? "", lastModified: world.clock.nowMillis)
    world.s3.buckets[i].objects.removeAll { $0.key == key }
    world.s3.buckets[i].objects.append(o)
    world.s3.buckets[i].objects.sort { $0.key < $1.key }
    return [
      "ETag": .string(o.etag), "ChecksumCRC64NVME": .string(checksum(o.body)),
      "ChecksumType": "FULL_OBJECT", "ServerSideEncryption": "AES256",
    ]
  }

  /// A CRC64NVME-shaped checksum (12 base64 characters), derived from the body.
  static func checksum(_ body: String) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    let hex = Array(SHA256.hex("crc|" + body))
    let chars = (0..<11).map { k in alphabet[Int(String(hex[k * 2...k * 2 + 1]), radix: 16)! % 64] }
    return String(chars) + "="
  }

  static func object(_ world: World, _ req: Request) throws(AWSError) -> S3Object {
    let b = world.s3.buckets[try existingBucket(world, req)]
    let key = req.string("Key") ?? ""
    guard let o = b.objects.first(where: { $0.key == key }) else { throw noSuchKey }
    return o
  }

  static func metadata(_ o: S3Object) -> [(String, JSONValue)] {
    [
      ("AcceptRanges", "bytes"),
      ("LastModified", .string(Timestamp.iso8601(millis: o.lastModified))),
      ("ContentLength", .int(o.size)), ("ETag", .string(o.etag)),
      ("ContentType", "binary/octet-stream"), ("ServerSideEncryption", "AES256"),
      ("Metadata", [:]),
    ]
  }

  /// The response carries `Body` (the object's text) for the command layer, which writes it to
  /// the outfile and prints the rest, as the CLI does.
  static func getObject(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let o = try object(world, req)
    return .object(metadata(o) + [("Body", .string(o.body))])
  }

  static func headObject(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    // HEAD responses have no body: S3's 404 reaches the CLI without its error code.
    do {
      return .object(metadata(try object(world, req)))
    } catch {
      throw AWSError("404", "Not Found")
    }
  }

  static func deleteObject(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let i = try existingBucket(world, req)
    world.s3.buckets[i].objects.removeAll { $0.key == req.string("Key") }
    return [:]
  }
}
