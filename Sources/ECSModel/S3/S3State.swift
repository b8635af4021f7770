/// Amazon S3: the account's buckets and their objects (a minimal model: no versions, ACLs or
/// bucket policies; the IAM side is the caller's identity policies alone).
public struct S3State: Sendable, Equatable {
  public var buckets: [Bucket] = []
  public init() {}
}

/// One bucket and its objects, kept sorted by key as S3 lists them.
public struct Bucket: Sendable, Equatable {
  public var name: String
  public var createdAt: Int64
  public var region: String
  public var objects: [S3Object] = []

  /// `arn:aws:s3:::NAME`: bucket ARNs carry neither region nor account.
  public var arn: String { "arn:aws:s3:::\(name)" }
}

/// One object: its key, body (text) and when it was last written.
public struct S3Object: Sendable, Equatable {
  public var key: String
  public var body: String
  public var lastModified: Int64

  public var size: Int { body.utf8.count }
  /// The entity tag S3 prints in quotes. S3's is the MD5 of the body; the simulation takes the
  /// first 32 hex digits of its SHA-256, which has the same shape and is as deterministic.
  public var etag: String { "\"" + String(SHA256.hex(body).prefix(32)) + "\"" }
}

extension World {
  /// The bucket named `name`, if this account owns it.
  public func bucket(_ name: String) -> Bucket? { s3.buckets.first { $0.name == name } }
}
