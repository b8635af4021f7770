import ECSCommands
import ECSModel

/// `ecs-tutor lessons verify`: replays every step's solution from the step's start state and
/// requires each step to fail before its solution and pass after it.
public enum LessonVerifier {
  /// One line per step (`ok first-cluster/create-cluster` or `FAIL ...: reason`) and the counts.
  public struct Report: Sendable {
    public var lines: [String]
    public var passed: Int
    public var failed: Int
  }

  public static func verify(_ library: LessonLibrary, seed: UInt64 = World.defaultSeed) -> Report {
    var report = Report(lines: [], passed: 0, failed: 0)
    for lesson in library.lessons {
      var world = World(seed: seed)
      var engine = CommandEngine(files: MemoryFiles(), environment: [:])
      var broken = false
      for cmd in lesson.setup {
        let r = engine.run(cmd, world: &world)
        if r.status != 0 {
          report.lines.append("FAIL \(lesson.id) (setup): `\(cmd)` failed: \(firstLine(r.stderr))")
          report.failed += 1
          broken = true
        }
      }
      for step in lesson.steps {
        let name = "\(lesson.id)/\(step.id)"
        if broken {
          report.lines.append("FAIL \(name): not run, an earlier step failed")
          report.failed += 1
          continue
        }
        for cmd in step.setup { _ = engine.run(cmd, world: &world) }
        if Checker.passes(step, on: world) {
          report.lines.append(
            "FAIL \(name) (\(lesson.path):\(step.line)): passes before its solution ran; the check tests nothing"
          )
          report.failed += 1
          broken = true
          continue
        }
        var failure: String?
        for (i, cmd) in step.solution.enumerated() {
          let r = engine.run(cmd, world: &world)
          if r.status != 0 {
            failure =
              "solution command \(i + 1) `\(cmd)` failed (status \(r.status)): \(firstLine(r.stderr))"
            break
          }
        }
        if failure == nil && !Checker.passes(step, on: world) {
          let unmet = Checker.evaluate(step, on: world).filter { !$0.met }
          let texts = unmet.map { r in
            Explain.about(r.assertion, .en)
              + (r.mismatches.first.map { m in
                " (\(m.path): expected \(m.expected), found \(m.actual ?? "nothing"))"
              } ?? "")
          }
          failure = "does not pass after its solution: " + texts.joined(separator: "; ")
        }
        if let failure {
          report.lines.append("FAIL \(name) (\(lesson.path):\(step.line)): \(failure)")
          report.failed += 1
          broken = true
        } else {
          report.lines.append("ok   \(name)")
          report.passed += 1
        }
      }
    }
    return report
  }

  static func firstLine(_ s: String) -> String {
    s.split(separator: "\n").first.map(String.init) ?? "(no message)"
  }
}
