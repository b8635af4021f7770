import ECSModel

/// Recording a session as transcript entries (`--record FILE`) and playing them back (`ecs-tutor
/// replay FILE`). The session stays pure: the executable passes the wall time in and writes the
/// lines out.
extension Session {
  /// The first entry of a transcript: what replaying needs to start the same session (seed,
  /// region, language and the progress it started from, which decides the lesson it resumed).
  /// `kind` says where it was recorded: `repl`, `run` or `walkthrough`.
  public func transcriptStart(kind: String, startedFrom: Progress) -> TranscriptEntry {
    var entry = TranscriptEntry(kind: .start, sim: simTime)
    entry.format = 1
    entry.session = kind
    entry.seed = config.seed
    entry.region = config.region
    entry.language = config.language
    entry.narrate = config.narrate
    entry.progress = startedFrom
    return entry
  }

  /// The session a transcript's start entry describes, in `config` (files, environment) with
  /// the recorded seed, region and language.
  public static func replaying(
    _ start: TranscriptEntry, config: SessionConfig, lessons: LessonLibrary
  ) -> Session {
    var config = config
    config.seed = start.seed ?? config.seed
    config.region = start.region ?? config.region
    config.narrate = start.narrate ?? config.narrate
    if let language = start.language {
      config.language = language
      config.languageIsExplicit = true
    }
    return Session(config: config, lessons: lessons, progress: start.progress ?? Progress())
  }

  /// Handles `line` as `handle` does and also returns its transcript entry: the line, its
  /// status and output, and the check of the step it was typed at.
  public mutating func handleRecorded(_ line: String) -> ([Output], TranscriptEntry) {
    let before = currentStep()
    let out = handle(line)
    var entry = TranscriptEntry(kind: .line, sim: simTime)
    entry.line = line
    entry.status = lastStatus
    entry.output = out.map(TranscriptEntry.Said.init)
    if let (lesson, index) = before ?? currentStep() {
      let step = lesson.steps[index]
      let stillThere = mode == .lesson(lesson.id, step: index)
      let unmet =
        stillThere
        ? Checker.evaluate(step, on: world).filter { !$0.met }.map {
          Explain.about($0.assertion, .en)
        } : []
      entry.check = TranscriptEntry.Check(
        lesson: lesson.id, step: index + 1, stepID: step.id, passed: unmet.isEmpty, unmet: unmet)
    }
    return (out, entry)
  }

  /// Moves to step `index` (0-based) of lesson `id` with the world its earlier steps' solutions
  /// build, as the walkthrough's `n`, `p` and `--from-step` do; returns its entry, or nil when
  /// there is no such lesson or step.
  public mutating func enterStep(lesson id: String, at index: Int) -> TranscriptEntry? {
    guard let lesson = lessons.lesson(id), index >= 0, index < lesson.steps.count else {
      return nil
    }
    enterLesson(lesson, at: index)
    var entry = TranscriptEntry(kind: .enter, sim: simTime)
    entry.lesson = id
    entry.step = index
    return entry
  }

  /// The last entry of a transcript.
  public func transcriptEnd() -> TranscriptEntry { TranscriptEntry(kind: .end, sim: simTime) }

  /// Plays one recorded entry back: a line is handled again, an entered step entered again.
  /// Returns what the session said now (compare with the entry's `output`).
  public mutating func replay(_ entry: TranscriptEntry) -> [Output] {
    switch entry.kind {
    case .line: return entry.line.map { handle($0) } ?? []
    case .enter:
      if let id = entry.lesson, let step = entry.step { _ = enterStep(lesson: id, at: step) }
      return []
    case .start, .end: return []
    }
  }

  /// The simulated clock as ISO 8601.
  var simTime: String { Timestamp.iso8601(millis: world.clock.nowMillis) }
}
