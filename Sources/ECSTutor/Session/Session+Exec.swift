import ECSCommands
import ECSModel

extension Session {
  /// A line typed while an ECS Exec session is open: it runs in the container's shell, not in
  /// the tutor's (`exit` returns to the tutor). The clock moves as for a command.
  mutating func execLine(_ line: String) -> [Output] {
    guard !line.isEmpty else { return [] }
    world.advance(seconds: AWSCall.secondsPerCall)
    let r = ExecShell.run(line, world: &world, files: config.files)
    lastStatus = r.status
    var out: [Output] = []
    if !r.stdout.isEmpty { out.append(Output(.stdout, r.stdout)) }
    if !r.stderr.isEmpty { out.append(Output(.stderr, r.stderr)) }
    return out
  }
}
