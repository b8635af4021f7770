import ECSCommands
import ECSModel

/// Runs a learner's line through the shell layer: variables, pipes and `$(...)`, with `aws` (and
/// the simulated `docker`) as the programs.
struct CommandEngine: Sendable {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
    /// The program name when the line named one that does not exist here (cut to 200
    /// characters).
    var notFound: String?
    /// Common mistakes to point out after what the commands printed.
    var pointers: [MistakePointer] = []
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
    var pointers: [MistakePointer] = []
    var previous: ShellCommand?
    var w = world
    let files = self.files
    let language = self.language
    let r = Shell.run(line, env: &shell) { cmd in
      guard let program = cmd.argv.first else { return .ok() }
      defer { previous = cmd }
      switch program {
      case "aws":
        let result = AWSRunner.run(
          cmd.argv, stdin: cmd.stdin, world: &w, files: files, environment: cmd.environment)
        let now = w
        pointers += MistakePointers.find(cmd, result: result) { Self.clusterNames(now) }
        return result
      case "docker":
        return DockerCLI.run(cmd.argv, stdin: cmd.stdin, world: &w) {
          Msg.docker($0).text(language)
        }
      case "capacity":
        return CapacityShortcut.run(cmd.argv, world: &w, language: language)
      case "wait" where cmd.argv.count == 2:
        // The session answers `wait` itself (with narration); this is for `lessons verify`,
        // whose solutions may let time pass for what happens on the clock (an app's next call).
        guard let seconds = Session.duration(cmd.argv[1]) else { return .failure("", status: 2) }
        w.advance(seconds: seconds)
        return .ok()
      default:
        notFound = ShellQuote.shortened(program)
        if let p = MistakePointers.notFound(program, cmd, previous: previous) { pointers.append(p) }
        return .failure("", status: 127)
      }
    }
    if autoSettle { w.settle(maxSeconds: Session.settleCapSeconds) }
    world = w
    return Result(
      stdout: r.stdout, stderr: r.stderr, status: r.status, notFound: notFound, pointers: pointers)
  }

  /// The names of the clusters in `world`, asked the way a learner would (`list-clusters` on a
  /// copy), so this does not depend on how the model stores them.
  static func clusterNames(_ world: World) -> [String] {
    var copy = world
    let r = AWSRunner.run(
      ["aws", "ecs", "list-clusters", "--output", "text", "--query", "clusterArns[]"],
      world: &copy, files: MemoryFiles())
    return r.stdout.split(whereSeparator: { $0 == "\t" || $0 == "\n" }).compactMap {
      $0.split(separator: "/").last.map(String.init)
    }
  }
}
