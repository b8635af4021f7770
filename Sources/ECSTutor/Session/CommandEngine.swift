import ECSCommands
import ECSModel

/// Runs a learner's line through the shell layer: variables, pipes and `$(...)`, with `aws` (and
/// later `docker`) as the only programs.
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
  var region: String

  init(files: any FileAccess, environment: [String: String], region: String) {
    self.files = files
    self.region = region
    self.shell = ShellEnvironment(environment)
  }

  static func isIncomplete(_ line: String) -> Bool { Shell.isIncomplete(line) }

  mutating func run(_ line: String, world: inout World) -> Result {
    var notFound: String?
    var w = world
    let files = self.files
    var env = shell
    let exported = shell.exported
    let r = Shell.run(line, env: &env) { argv, stdin in
      guard let program = argv.first else { return CommandResult(stdout: "", stderr: "", status: 0) }
      switch program {
      case "aws":
        return AWSRunner.run(argv, stdin: stdin, world: &w, files: files, environment: exported)
      default:
        notFound = program
        return CommandResult(stdout: "", stderr: "", status: 127)
      }
    }
    shell = env
    world = w
    return Result(stdout: r.stdout, stderr: r.stderr, status: r.status, notFound: notFound)
  }
}
