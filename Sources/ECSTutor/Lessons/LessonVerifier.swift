import ECSCommands
import ECSModel

/// `ecs-tutor lessons verify`: replays every step's solution from the step's start state and
/// requires each step to fail before its solution and pass after it; then replays it again with
/// each of the step's `mistakes:` (or a generic wrong command) typed first, and requires it to
/// still fail after the mistake and pass after the solution: a corrected mistake passes.
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
        let start = (world, engine)
        var failure = runSolution(step, world: &world, engine: &engine)
        // The main line stays on the reference path: a failed mistake replay breaks no later step.
        let mainLineFailed = failure != nil
        if failure == nil {
          for mistake in mistakes(of: step) {
            var (w, e) = start
            _ = e.run(mistake, world: &w)
            if Checker.passes(step, on: w) {
              failure = "passes after the mistake `\(mistake)`: it is not a mistake for this check"
              break
            }
            if let f = runSolution(step, world: &w, engine: &e) {
              failure = "after the mistake `\(mistake)`, " + f
              break
            }
          }
        }
        if let failure {
          report.lines.append("FAIL \(name) (\(lesson.path):\(step.line)): \(failure)")
          report.failed += 1
          broken = broken || mainLineFailed
        } else {
          report.lines.append("ok   \(name)")
          report.passed += 1
        }
      }
    }
    return report
  }

  /// Runs the step's solution; nil when every command succeeded and the step passes after it,
  /// else what went wrong.
  static func runSolution(_ step: Step, world: inout World, engine: inout CommandEngine)
    -> String?
  {
    for (i, cmd) in step.solution.enumerated() {
      let r = engine.run(cmd, world: &world)
      if r.status != 0 {
        return
          "solution command \(i + 1) `\(cmd)` failed (status \(r.status)): \(firstLine(r.stderr))"
      }
    }
    guard !Checker.passes(step, on: world) else { return nil }
    let unmet = Checker.evaluate(step, on: world).filter { !$0.met }
    let texts = unmet.map { r in
      Explain.about(r.assertion, .en)
        + (r.mismatches.first.map { m in
          " (\(m.path): expected \(m.expected), found \(m.actual ?? "nothing"))"
        } ?? "")
    }
    return "does not pass after its solution: " + texts.joined(separator: "; ")
  }

  /// The step's own `mistakes:`, else a generic one: its first solution command cut short by
  /// its last word (a value or option left out).
  static func mistakes(of step: Step) -> [String] {
    if !step.mistakes.isEmpty { return step.mistakes }
    guard let first = step.solution.first else { return [] }
    let words = first.split(separator: " ")
    guard words.count > 2 else { return [] }
    return [words.dropLast().joined(separator: " ")]
  }

  static func firstLine(_ s: String) -> String {
    s.split(separator: "\n").first.map(String.init) ?? "(no message)"
  }
}
