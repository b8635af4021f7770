import ECSModel
import Foundation

/// `lessons verify` for the quiz banks: every question's lesson step exists; choice questions
/// have their right options (checked when the bank loads); configure questions fail on their
/// start world and pass after their solution; predict questions have exactly one answer in
/// their world. Questions with parameters are checked under several seeds.
public enum QuizVerifier {
  /// The seeds each question with a world is checked under (its parameters drawn from each).
  public static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

  public static func verify(_ library: LessonLibrary) -> LessonVerifier.Report {
    var report = LessonVerifier.Report(lines: [], passed: 0, failed: 0)
    for topic in library.quizTopics {
      switch library.quizBank(topic) {
      case .failure(let e):
        for error in e.errors { report.lines.append("FAIL quiz \(topic): \(error.description)") }
        report.failed += max(e.errors.count, 1)
      case .success(let bank):
        for q in bank.questions {
          let name = "quiz \(topic)/\(q.id)"
          if let failure = check(q, library) {
            report.lines.append("FAIL \(name) (\(bank.path):\(q.line)): \(failure)")
            report.failed += 1
          } else {
            report.lines.append("ok   \(name)")
            report.passed += 1
          }
        }
      }
    }
    return report
  }

  /// Nil when the question is sound, else what is wrong.
  static func check(_ q: QuizQuestion, _ library: LessonLibrary) -> String? {
    guard let lesson = library.lesson(q.lesson.lesson) else {
      return "its lesson '\(q.lesson.lesson)' does not exist"
    }
    guard lesson.steps.contains(where: { $0.id == q.lesson.step }) else {
      return "lesson '\(lesson.id)' has no step '\(q.lesson.step)'"
    }
    guard q.hasWorld else { return nil }
    for seed in q.params.isEmpty ? [seeds[0]] : seeds {
      let iq = q.instantiated(seed: seed)
      let at = q.params.isEmpty ? "" : " (seed \(seed))"
      if let leftover = unsubstituted(iq) { return "`${\(leftover)}` has no parameter\(at)" }
      var w = QuizWorld(iq)
      if let f = w.setupFailures.first { return "setup command failed\(at): \(f)" }
      switch iq.kind {
      case .configure:
        if w.goalHolds(iq) {
          return "its goal holds before the solution\(at): the question tests nothing"
        }
        for cmd in iq.solution {
          let r = w.engine.run(cmd, world: &w.world)
          if r.status != 0 {
            return "solution command `\(cmd)` failed\(at): "
              + LessonVerifier.firstLine(r.stderr)
          }
        }
        if !w.goalHolds(iq) {
          let unmet = Checker.evaluate(QuizWorld.goalStep(iq), on: w.world).filter { !$0.met }
          return "its goal does not hold after the solution\(at): "
            + unmet.map { Explain.about($0.assertion, .en) }.joined(separator: "; ")
        }
      case .predict:
        guard let ask = iq.ask, let truth = w.truth(ask).map(QuizAnswerText.normalise) else {
          return "the simulator could not be asked\(at): its query failed"
        }
        if iq.options.isEmpty {
          if truth.isEmpty || truth.contains("\n") || truth == "none" {
            return "the simulator's answer is not one value\(at): '\(truth)'"
          }
        } else {
          let matching = iq.options.filter { $0.value.map(QuizAnswerText.normalise) == truth }
          if matching.count != 1 {
            return
              "\(matching.count) options match the simulator's answer '\(truth)'\(at); exactly one must"
          }
        }
      default: break
      }
    }
    return nil
  }

  /// A `${NAME}` left in the question's commands or text after substitution.
  static func unsubstituted(_ q: QuizQuestion) -> String? {
    let texts = q.setup + q.solution + [q.text.en, q.text.ja]
    for t in texts {
      if let r = t.range(of: "${") {
        let rest = t[r.upperBound...]
        return String(rest.prefix { $0 != "}" })
      }
    }
    return nil
  }
}
