import ECSCommands
import ECSModel

/// Runs a learner's line through the shell layer: variables, pipes and `$(...)`, with `aws` (and
/// the simulated `docker`) as the programs.
struct CommandEngine: Sendable {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
    /// The program name when the line named one that does not exist here.
    var notFound: String?
  }

  var shell: ShellEnvironment
  var files: any FileAccess
  var language: Language
  /// Whether the clock runs on after each line until the world settles (`time auto`).
  var autoSettle = true

  init(files: any FileAccess, environment: [String: String], language: Language = .en) {
    self.files = files
    self.language = language
    self.shell = ShellEnvironment(environment)
  }

  static func isIncomplete(_ line: String) -> Bool { Shell.isIncomplete(line) }

  /// Expands a tutor command's line the way the shell would (`simulate crash $TASK`,
  /// `show cluster "$C"`), running any `$(aws ...)` in it; returns its words, or the shell's
  /// error.
  mutating func expandTutorLine(_ line: String, world: inout World) -> (
    words: [String]?, error: Result?
  ) {
    var captured: [String]?
    var w = world
    let files = self.files
    let r = Shell.run(line, env: &shell) { cmd in
      if captured == nil, let first = cmd.argv.first, TutorCommands.names.contains(first) {
        captured = cmd.argv
        return .ok()
      }
      if cmd.argv.first == "aws" {
        return AWSRunner.run(
          cmd.argv, stdin: cmd.stdin, world: &w, files: files, environment: cmd.environment)
      }
      return .failure("", status: 127)
    }
    world = w
    if let captured { return (captured, nil) }
    return (
      nil,
      Result(
        stdout: r.stdout, stderr: r.stderr, status: r.status == 0 ? 2 : r.status, notFound: nil)
    )
  }

  mutating func run(_ line: String, world: inout World) -> Result {
    var notFound: String?
    var w = world
    let files = self.files
    let language = self.language
    let r = Shell.run(line, env: &shell) { cmd in
      guard let program = cmd.argv.first else { return .ok() }
      switch program {
      case "aws":
        return AWSRunner.run(
          cmd.argv, stdin: cmd.stdin, world: &w, files: files, environment: cmd.environment)
      case "docker":
        return DockerCLI.run(cmd.argv, stdin: cmd.stdin, world: &w) {
          Msg.docker($0).text(language)
        }
      case "capacity":
        return CapacityShortcut.run(cmd.argv, world: &w, language: language)
      default:
        notFound = program
        return .failure("", status: 127)
      }
    }
    if autoSettle { w.settle(maxSeconds: Session.settleCapSeconds) }
    world = w
    return Result(stdout: r.stdout, stderr: r.stderr, status: r.status, notFound: notFound)
  }
}
