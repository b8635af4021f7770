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

  init(files: any FileAccess, environment: [String: String]) {
    self.files = files
    self.shell = ShellEnvironment(environment)
  }

  static func isIncomplete(_ line: String) -> Bool { Shell.isIncomplete(line) }

  mutating func run(_ line: String, world: inout World) -> Result {
    var notFound: String?
    var w = world
    let files = self.files
    let r = Shell.run(line, env: &shell) { cmd in
      guard let program = cmd.argv.first else { return .ok() }
      switch program {
      case "aws":
        return AWSRunner.run(
          cmd.argv, stdin: cmd.stdin, world: &w, files: files, environment: cmd.environment)
      default:
        notFound = program
        return .failure("", status: 127)
      }
    }
    world = w
    return Result(stdout: r.stdout, stderr: r.stderr, status: r.status, notFound: notFound)
  }
}
