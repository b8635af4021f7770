/// Secrets Manager: the account's secrets, including those scheduled for deletion.
public struct SecretsState: Sendable, Equatable {
  public var secrets: [Secret] = []
  public init() {}
}

/// One secret: its versions (the one labelled AWSCURRENT is what readers get) and, once
/// `delete-secret` ran with a recovery window, when it goes away.
public struct Secret: Sendable, Equatable {
  public var name: String
  /// `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-` and six random characters.
  public var arn: String
  public var description: String?
  public var kmsKeyId: String?
  public var createdDate: Int64
  public var lastChangedDate: Int64
  public var lastAccessedDate: Int64?
  /// When the secret was scheduled for deletion; nil while it is active.
  public var deletedDate: Int64?
  /// When a scheduled deletion takes effect.
  public var deletionDate: Int64?
  public var versions: [SecretVersion] = []
  public var tags: [Tag] = []

  /// The version labelled AWSCURRENT.
  public var current: SecretVersion? { versions.first { $0.stages.contains("AWSCURRENT") } }
}

/// One version of a secret's value.
public struct SecretVersion: Sendable, Equatable {
  public var versionId: String
  public var secretString: String?
  public var stages: [String]
  public var createdDate: Int64
}

extension World {
  /// The secret `ref` names (its name, full ARN, or ARN without the random suffix), unless its
  /// deletion has taken effect. Scheduled-for-deletion secrets are returned (callers decide).
  public func secret(_ ref: String) -> Secret? {
    secrets.secrets.first { s in
      if let gone = s.deletionDate, clock.nowMillis >= gone { return false }
      if ref.hasPrefix("arn:") {
        return s.arn == ref || String(s.arn.dropLast(7)) == ref
      }
      return s.name == ref
    }
  }
}
