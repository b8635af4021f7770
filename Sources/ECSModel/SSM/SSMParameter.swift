/// A Parameter Store parameter the learner put (`String`, `StringList` or `SecureString`).
public struct SSMParameter: Sendable, Equatable {
  public var name: String
  public var type: String
  public var value: String
  public var version: Int
  public var lastModified: Int64
  public var description: String?
  public var dataType = "text"
  /// Standard, Advanced or Intelligent-Tiering.
  public var tier = "Standard"
  /// `Policies` as given (PutParameter --policies), for the Advanced tier.
  public var policies: JSONValue?
  /// Every version, oldest first (the last is the current one): GetParameter `NAME:N`,
  /// `NAME:label`, GetParameterHistory.
  public var history: [SSMParameterVersion] = []

  public init(name: String, type: String, value: String, version: Int, lastModified: Int64) {
    self.name = name
    self.type = type
    self.value = value
    self.version = version
    self.lastModified = lastModified
  }
}

/// One version of a parameter and the labels on it.
public struct SSMParameterVersion: Sendable, Equatable {
  public var version: Int
  public var type: String
  public var value: String
  public var description: String?
  public var lastModified: Int64
  public var labels: [String] = []
}

/// The learner's Parameter Store parameters (the public AMI parameters are data, not state).
public struct SSMState: Sendable, Equatable {
  public var parameters: [SSMParameter] = []
}
