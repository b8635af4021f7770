import ECSCommands
import ECSModel

/// Presenter mode (`ecs-tutor walkthrough LESSON`): one step of a lesson at a time, with its
/// instructor notes; the solution is typed and run, and the check said. The executable draws
/// the slides, reads the keys and paces the typing; this holds the session and the verdicts.
///
/// ```swift
/// var w = Walkthrough(session: s, lesson: "first-cluster")!
/// for command in w.solution { _ = w.run(command) }
/// let verdict = w.verdict()   // "✓ Step complete." and the step's success text
/// ```
public struct Walkthrough: Sendable {
  public private(set) var session: Session
  public let lesson: Lesson
  /// The step shown (0-based).
  public private(set) var index: Int
  /// Steps whose solution ran and passed, and those where it did not.
  public private(set) var passed: Set<Int> = []
  public private(set) var failed: Set<Int> = []
  /// Whether the shown step's solution has run.
  public private(set) var ran = false
  /// The transcript entry of the first step entered (for `--record`).
  public let startEntry: TranscriptEntry

  /// Starts at step `from` (0-based) of lesson `id` with the world its earlier steps build; nil
  /// when there is no such lesson or step. `entry` is the transcript's `enter` entry.
  public init?(session: Session, lesson id: String, from: Int = 0) {
    var session = session
    guard let lesson = session.lessons.lesson(id),
      let entry = session.enterStep(lesson: id, at: from)
    else { return nil }
    self.startEntry = entry
    self.session = session
    self.lesson = lesson
    self.index = from
  }

  var language: Language { session.language }
  public var step: Step { lesson.steps[index] }
  public var solution: [String] { step.solution }
  public var isLast: Bool { index + 1 >= lesson.steps.count }

  /// The slide of the shown step: where we are, its title, text and instructor notes, and the
  /// keys.
  public func slide() -> [Output] {
    var out = [
      Output(
        .tutor(.dim),
        Msg.walkthroughWhere(
          lesson: lesson.title.text(language), index: index + 1, count: lesson.steps.count
        ).text(language)),
      Output(.tutor(.heading), step.title.text(language)),
      Output(.tutor(.plain), Markdown.render(step.text.text(language))),
    ]
    if let notes = step.notes {
      out.append(Output(.tutor(.hint), Msg.walkthroughNotes.text(language)))
      out.append(Output(.tutor(.hint), Markdown.render(notes.text(language))))
    }
    return out
  }

  /// The keys line under the slide (before or after the solution ran; after the last step's,
  /// the end).
  public func keys() -> Output {
    let keys: Msg = !ran ? .walkthroughKeys : isLast ? .walkthroughEnd : .walkthroughKeysAfter
    return Output(.tutor(.dim), keys.text(language))
  }

  /// Runs one command of the solution: what the command printed (and the pointers and
  /// narration about it) and its transcript entry. The lesson's own step texts are left out:
  /// the verdict and the next slide say them.
  public mutating func run(_ command: String) -> ([Output], TranscriptEntry) {
    ran = true
    let (out, entry) = session.handleRecorded(command)
    let shown = out.filter {
      switch $0.kind {
      case .stdout, .stderr, .tutor(.pointer), .tutor(.failure), .tutor(.dim): return true
      default: return false
      }
    }
    return (shown, entry)
  }

  /// Whether the shown step holds now (its solution made it pass, or it holds in the world).
  public var stepPasses: Bool {
    session.mode != .lesson(lesson.id, step: index) || Checker.passes(step, on: session.world)
  }

  /// The check after the solution: passed with the step's success text, or every unmet item.
  /// Counts the step as passed or failed.
  public mutating func verdict() -> [Output] {
    if stepPasses {
      passed.insert(index)
      failed.remove(index)
      var out = [Output(.tutor(.success), Msg.stepPassed.text(language))]
      if let success = step.success {
        out.append(Output(.tutor(.plain), Markdown.render(success.text(language))))
      }
      return out
    }
    failed.insert(index)
    return Explain.check(Checker.evaluate(step, on: session.world), language)
  }

  /// Moves to the next step (`moved` false at the last): the world goes on from the solution
  /// when it ran and passed, else it is rebuilt from the reference solutions; `entry` is the
  /// transcript entry of a rebuilt world.
  public mutating func next() -> (moved: Bool, entry: TranscriptEntry?) {
    guard !isLast else { return (false, nil) }
    ran = false
    index += 1
    if session.mode == .lesson(lesson.id, step: index) { return (true, nil) }
    return (true, session.enterStep(lesson: lesson.id, at: index))
  }

  /// Moves to the previous step (`moved` false at the first), its world rebuilt.
  public mutating func previous() -> (moved: Bool, entry: TranscriptEntry?) {
    guard index > 0 else { return (false, nil) }
    ran = false
    index -= 1
    return (true, session.enterStep(lesson: lesson.id, at: index))
  }

  /// The closing line: how many steps passed, and which failed.
  public func summary() -> Output {
    let text = Msg.walkthroughSummary(
      passed: passed.count, failed: failed.sorted().map { $0 + 1 }, count: lesson.steps.count
    ).text(language)
    return Output(.tutor(failed.isEmpty ? .success : .failure), text)
  }

  /// A long command as shell continuation lines no wider than `width` columns (broken at
  /// spaces, each line but the last ending in ` \`, the rest indented by 2), so a projected
  /// command stays readable and still runs when copied. A word longer than the line stays whole.
  ///
  /// ```swift
  /// Walkthrough.wrapCommand("aws ecs create-cluster --cluster-name demo", width: 30)
  /// // ["aws ecs create-cluster \\", "  --cluster-name demo"]
  /// ```
  public static func wrapCommand(_ command: String, width: Int) -> [String] {
    guard TextWidth.columns(of: command) > width, !command.contains("\n") else { return [command] }
    // A line that already continues (a slide's command over several lines) keeps its `\` last.
    let continues = command.hasSuffix(" \\")
    let body = continues ? command.dropLast(2) : Substring(command)
    var lines: [String] = []
    var current = ""
    for word in body.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      let lead = lines.isEmpty ? "" : "  "
      if !current.isEmpty && TextWidth.columns(of: lead + candidate) + 2 > width {
        lines.append(lead + current + " \\")
        current = String(word)
      } else {
        current = candidate
      }
    }
    lines.append((lines.isEmpty ? "" : "  ") + current + (continues ? " \\" : ""))
    return lines
  }

  /// The slide's text with its long command lines (indented 4) wrapped by `wrapCommand`.
  public static func wrapCommands(in text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let indent = line.prefix { $0 == " " }.count
      guard indent >= 4 else { return String(line) }
      let pad = String(repeating: " ", count: indent)
      return wrapCommand(String(line.dropFirst(indent)), width: width - indent).map { pad + $0 }
        .joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// `text` cut to its first `limit` lines, with a line saying how many were left out.
  public func clipped(_ text: String, limit: Int) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > limit + 1 else { return text }
    return lines.prefix(limit).joined(separator: "\n") + "\n"
      + Msg.walkthroughMoreLines(lines.count - limit).text(language)
  }
}
