/// A customer managed policy (`iam create-policy`): up to five versions, one of them the default.
public struct CustomerPolicy: Sendable, Equatable {
  public var name: String
  public var path: String
  /// `ANPA` and 17 uppercase letters and digits.
  public var policyId: String
  public var arn: String
  public var description: String?
  public var createDate: Int64
  public var updateDate: Int64
  public var defaultVersionId = "v1"
  public var versions: [PolicyVersion]
  /// The number the next version gets (`v2`, `v3`, ...): IAM never reuses one.
  public var nextVersion = 2

  public init(
    name: String, path: String, policyId: String, account: String, createDate: Int64,
    document: JSONValue
  ) {
    self.name = name
    self.path = path
    self.policyId = policyId
    self.arn = "arn:aws:iam::\(account):policy\(path)\(name)"
    self.createDate = createDate
    self.updateDate = createDate
    self.versions = [PolicyVersion(versionId: "v1", document: document, createDate: createDate)]
  }

  /// The default version's document: the one IAM evaluates.
  public var document: JSONValue {
    versions.first { $0.versionId == defaultVersionId }?.document ?? .object([])
  }
}

/// One version of a customer managed policy.
public struct PolicyVersion: Sendable, Equatable {
  public var versionId: String
  public var document: JSONValue
  public var createDate: Int64
}
