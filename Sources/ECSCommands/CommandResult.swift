/// What one command line printed and how it ended, as a shell would report it.
///
/// ```swift
/// let r = CommandResult.ok("demo\n")        // status 0
/// let e = CommandResult.failure("nope\n", status: 2)
/// ```
public struct CommandResult: Sendable, Equatable {
  public var stdout: String
  public var stderr: String
  public var status: Int32

  public init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
    self.stdout = stdout
    self.stderr = stderr
    self.status = status
  }

  /// A successful result that printed `stdout`.
  public static func ok(_ stdout: String = "") -> CommandResult {
    CommandResult(stdout: stdout, stderr: "", status: 0)
  }

  /// A failed result that printed `stderr` and exits with `status`.
  public static func failure(_ stderr: String, status: Int32) -> CommandResult {
    CommandResult(stdout: "", stderr: stderr, status: status)
  }
}
