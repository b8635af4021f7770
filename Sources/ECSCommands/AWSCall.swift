import ECSModel

/// The one path from a command to the world, shared by `aws` operations, waiters, `logs tail` and
/// the tutor's `capacity add`, docker's commands and `aws ecr get-login-password` (internal
/// operations of the registry family): the clock moves by one call, the world performs the operation
/// (validate, then mutate), and an error becomes AWS's message with the CLI's exit status.
///
/// ```swift
/// switch AWSCall.perform(&world, "ecs", "ListClusters", [:]) {
/// case .success(let response): print(response)
/// case .failure(let result): print(result.stderr)  // "\nAn error occurred (...) ...\n", 254
/// }
/// ```
public enum AWSCall {
  /// Seconds the simulated clock moves for each API call, so timestamps differ between calls.
  public static let secondsPerCall: Double = 1

  /// One call; the error stays an `AWSError` for callers that look at its code (waiters,
  /// docker). `seconds` is how far the clock moves first (docker's local commands move it not).
  public static func attempt(
    _ world: inout World, _ service: String, _ operation: String, _ request: JSONValue,
    seconds: Double = secondsPerCall
  ) -> Result<JSONValue, AWSError> {
    world.advance(seconds: seconds)
    do {
      return .success(try world.perform(service: service, operation: operation, request))
    } catch {
      return .failure(error)
    }
  }

  /// One call; an error is rendered as the AWS CLI prints it (stderr, exit status 254).
  public static func perform(
    _ world: inout World, _ service: String, _ operation: String, _ request: JSONValue
  ) -> Result<JSONValue, CommandResult> {
    attempt(&world, service, operation, request).mapError { error in
      CommandResult(
        stdout: "", stderr: "\n" + error.rendered(operation: operation) + "\n", status: 254)
    }
  }
}

/// A failed call carries what the command prints and its exit status.
extension CommandResult: Error {}
