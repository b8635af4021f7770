/// A service-side failure, named and worded as AWS names and words it (shared/ecs-facts.md).
///
/// The CLI renders it as
/// `An error occurred (ClientException) when calling the RegisterTaskDefinition operation: ...`.
public struct AWSError: Error, Sendable, Equatable {
  public var code: String
  public var message: String

  public init(_ code: String, _ message: String) {
    self.code = code
    self.message = message
  }

  public static func client(_ message: String) -> AWSError { AWSError("ClientException", message) }
  public static func invalidParameter(_ message: String) -> AWSError {
    AWSError("InvalidParameterException", message)
  }
  public static let clusterNotFound = AWSError("ClusterNotFoundException", "Cluster not found.")
  public static let serviceNotFound = AWSError("ServiceNotFoundException", "Service not found.")

  /// The line the AWS CLI prints to stderr for this error.
  public func rendered(operation: String) -> String {
    "An error occurred (\(code)) when calling the \(operation) operation: \(message)"
  }
}
