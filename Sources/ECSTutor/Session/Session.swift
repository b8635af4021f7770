import ECSCommands
import ECSModel
import Foundation

/// Where the session was started from, and what it may use.
public struct SessionConfig: Sendable {
  public var language: Language
  public var seed: UInt64
  public var region: String
  public var files: any FileAccess
  /// Environment variables visible to `$NAME` expansion.
  public var environment: [String: String]
  /// Whether to tell, after each command, what happened in the world meanwhile (tasks started,
  /// instances joined). On for a person at a terminal; off for pipes and scripts.
  public var narrate = true
  /// True when the language was given explicitly (`--lang`): it then wins over the language the
  /// learner last chose with `lang`, which otherwise wins over the locale.
  public var languageIsExplicit = false
  /// The wall-clock date now (ISO 8601, UTC) for the dates progress keeps; nil (the default, as
  /// in tests and `lessons verify`) keeps no dates. Only the executable reads the clock.
  public var now: @Sendable () -> String? = { nil }

  public init(
    language: Language = .en, seed: UInt64 = World.defaultSeed,
    region: String = World.defaultRegion,
    files: any FileAccess = MemoryFiles(), environment: [String: String] = [:],
    narrate: Bool = true
  ) {
    self.narrate = narrate
    self.language = language
    self.seed = seed
    self.region = region
    self.files = files
    self.environment = environment
  }
}

/// The learner's language for the tutor's own words (AWS output stays English).
public enum Language: String, Sendable, Codable, CaseIterable {
  case en, ja

  /// `ja*` in LC_ALL, LC_MESSAGES or LANG gives Japanese; anything else English.
  public static func fromEnvironment(_ env: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let v = env[key], !v.isEmpty { return v.lowercased().hasPrefix("ja") ? .ja : .en }
    }
    return .en
  }
}

/// The tutor as a state machine: a line in, outputs back. Never prints, never reads files itself.
///
/// ```swift
/// var s = Session(config: SessionConfig())
/// let out = s.handle("aws ecs create-cluster --cluster-name demo")
/// ```
public struct Session: Sendable {
  enum Mode: Sendable, Equatable {
    case sandbox
    /// `step` == the lesson's step count once it is complete.
    case lesson(String, step: Int)
  }

  public internal(set) var config: SessionConfig
  public internal(set) var world: World
  /// True once the learner typed `exit`.
  public internal(set) var wantsExit = false
  public internal(set) var progress: Progress
  public let lessons: LessonLibrary
  /// The exit status of the last line: 0 when it succeeded (used by `ecs-tutor run`).
  public internal(set) var lastStatus: Int32 = 0

  var engine: CommandEngine
  var mode: Mode = .sandbox
  var undoStack: [UndoEntry] = []
  var stepStart: World
  var solutionArmed = false
  var usedSolution = false
  /// The lesson whose `lesson ID` asked "start over?" on the previous line, and on this one.
  var armedRestart: String?
  var pendingRestart: String?
  /// Whether this line goes into the lesson's record for resume (cleared by commands that start
  /// the lesson over).
  var recordLine = true
  /// True when the last resume replayed what the learner typed (world and variables as left).
  public internal(set) var resumedWorld = false
  /// The quiz being taken: while set, lines are its answers.
  var quiz: QuizRun?
  /// The last quiz finished, for its report.
  public internal(set) var lastQuizResult: QuizResult?

  /// A world to go back to with `undo`, and the line that changed it.
  struct UndoEntry: Sendable {
    var world: World
    var line: String
  }

  public var language: Language { config.language }

  public init(
    config: SessionConfig, lessons: LessonLibrary = LessonLibrary(), progress: Progress = Progress()
  ) {
    var config = config
    if let saved = progress.language, !config.languageIsExplicit { config.language = saved }
    self.config = config
    let world = World(seed: config.seed, region: config.region)
    self.world = world
    self.stepStart = world
    self.lessons = lessons
    var progress = progress
    progress.version = Progress.currentVersion
    self.progress = progress
    self.engine = CommandEngine(
      files: config.files, environment: config.environment, language: config.language)
    if let id = progress.currentLesson, let lesson = lessons.lesson(id) {
      resumeLesson(lesson)
    }
  }

  /// The prompt for the next line, e.g. `[sandbox] $ ` or `[first-cluster 2/5] $ `.
  public var prompt: String {
    if let quiz { return quiz.prompt }
    if world.applications.execSession != nil { return ExecShell.prompt }
    switch mode {
    case .sandbox: return "[sandbox] $ "
    case .lesson(let id, let step):
      let count = lessons.lesson(id)?.steps.count ?? 0
      return step >= count ? "[\(id) ✓] $ " : "[\(id) \(step + 1)/\(count)] $ "
    }
  }

  /// What to say when the REPL starts: a greeting and the first lesson on a first start, an offer
  /// to resume on later ones.
  public func welcome() -> [Output] {
    let first = progress.lessons.isEmpty && progress.currentLesson == nil
    if first { return [say(.welcomeFirst)] }
    if case .lesson(let id, let step) = mode, let lesson = lessons.lesson(id),
      step < lesson.steps.count
    {
      var out = [
        say(
          .welcomeBack(lesson: lesson.title.text(language), step: step + 1, of: lesson.steps.count))
      ]
      if resumedWorld {
        out.append(say(.worldRestored(step: step + 1, of: lesson.steps.count), .dim))
      }
      return out
    }
    return [say(.welcomeBackSandbox)]
  }

  /// Handles one complete line (continuations already joined by the caller).
  public mutating func handle(_ line: String) -> [Output] {
    lastStatus = 0
    let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if world.applications.execSession != nil { return execLine(trimmed) }
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return [] }
    if inQuiz { return quizLine(line) }
    var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let armed = solutionArmed
    solutionArmed = false
    armedRestart = pendingRestart
    pendingRestart = nil
    recordLine = true
    let before = world
    let modeBefore = mode
    if let first = words.first, TutorCommands.row(first) != nil,
      trimmed.contains(where: { "$'\"\\`~".contains($0) })
    {
      // Quotes or variables: let the shell make the words, as bash would.
      let (expanded, error) = engine.expandTutorLine(trimmed, world: &world)
      if let error {
        lastStatus = error.status
        return error.stderr.isEmpty ? [] : [Output(.stderr, error.stderr)]
      }
      words = expanded ?? words
    }
    var out: [Output]
    var row: TutorCommand?
    if let first = words.first, let r = TutorCommands.row(first),
      let o = r.run(&self, Array(words.dropFirst()), armed)
    {
      out = o
      row = r
    } else {
      out = runCommand(line)
    }
    // Every line may change what the step sees (a command, `wait`, `undo`, `simulate`, entering
    // a step): check it now, and move on through every step that holds.
    out += advance(before: before, sameStep: mode == modeBefore)
    record(line, row: row, modeBefore: modeBefore)
    return out
  }

  /// Adds `line` to the current lesson's record, replayed on resume, when it was typed in that
  /// lesson and may change the world, the shell or the step.
  mutating func record(_ line: String, row: TutorCommand?, modeBefore: Mode) {
    guard recordLine, row?.replays ?? true, case .lesson(let id, _) = mode,
      case .lesson(let idBefore, _) = modeBefore, id == idBefore
    else { return }
    var lp = progress.lessons[id] ?? LessonProgress()
    lp.typed.append(line)
    progress.lessons[id] = lp
  }

  /// Runs a shell/AWS line against the world; `handle` then re-checks the current step.
  mutating func runCommand(_ line: String) -> [Output] {
    let before = world
    let mark = world.events.count
    let result = engine.run(line, world: &world)
    lastStatus = result.status
    var out: [Output] = []
    if !result.stdout.isEmpty { out.append(Output(.stdout, result.stdout)) }
    if !result.stderr.isEmpty { out.append(Output(.stderr, result.stderr)) }
    if result.notFound.map({ !$0.isEmpty }) == true, let word = result.notFound {
      let suggestion = closest(word, among: TutorCommands.names)
      out.append(say(.unknownCommand(word, suggestion: suggestion), .failure))
    }
    out += result.pointers.map {
      Output(.tutor(.pointer), "→ " + Markdown.render(Msg.pointer($0).text(language)))
    }
    if config.narrate {
      // Stopped tasks are narrated by their STOPPED events, with code and reason.
      out += eventLines(since: mark, limit: 8)
    }
    out += diagnoses(in: [result.stderr] + Diagnoser.worldTexts(before: before, after: world))
    // Time passing alone (every call moves the clock) is not a change to undo.
    var timeless = before
    timeless.clock = world.clock
    if world != timeless {
      undoStack.append(UndoEntry(world: before, line: line))
      if undoStack.count > 100 { undoStack.removeFirst() }
    }
    return out
  }

  /// The tutor's diagnoses of what AWS said (errors, events, stopped reasons), one line each.
  func diagnoses(in said: [String]) -> [Output] {
    // Nothing said, nothing to diagnose: the diagnoses are not even parsed.
    guard said.contains(where: { !$0.isEmpty }) else { return [] }
    return Diagnoser.find(lessons.diagnoses, in: said).map {
      Output(.tutor(.pointer), "→ " + Markdown.render($0.text.text(language)))
    }
  }

  /// Checks the current step against the world: says what newly became true since `before`
  /// (when still on the same step), and passes every step that holds, one after another, each
  /// with its success text (working ahead counts).
  mutating func advance(before: World, sameStep: Bool) -> [Output] {
    var out: [Output] = []
    var reference = sameStep ? before : world
    var entered = false
    while let (lesson, index) = currentStep() {
      let step = lesson.steps[index]
      let now = Checker.evaluate(step, on: world)
      if now.allSatisfy(\.met) {
        if entered { out.append(stepHeader(lesson, index)) }
        out += completeStep(lesson, index)
        entered = true
        reference = world
        continue
      }
      if entered {
        out += stepIntro(lesson, index)
      } else {
        let was = Checker.evaluate(step, on: reference)
        for (old, new) in zip(was, now) where new.met && !old.met {
          out.append(say(.becameTrue(Explain.about(new.assertion, language)), .success))
        }
      }
      break
    }
    return out
  }

  mutating func completeStep(_ lesson: Lesson, _ index: Int) -> [Output] {
    let step = lesson.steps[index]
    var lp = progress.lessons[lesson.id] ?? LessonProgress()
    if !lp.solved.contains(step.id) { lp.solved.append(step.id) }
    if usedSolution && !lp.solvedWithHelp.contains(step.id) { lp.solvedWithHelp.append(step.id) }
    if lp.passedAt[step.id] == nil, let now = config.now() { lp.passedAt[step.id] = now }
    var out = [say(usedSolution ? .stepPassedWithHelp : .stepPassed, .success)]
    if let success = step.success {
      out.append(Output(.tutor(.plain), Markdown.render(success.text(language))))
    }
    lp.step = index + 1
    usedSolution = false
    if index + 1 >= lesson.steps.count {
      lp.completed = true
      if lp.completedAt == nil { lp.completedAt = config.now() }
      progress.lessons[lesson.id] = lp
      mode = .lesson(lesson.id, step: lesson.steps.count)
      out.append(say(.lessonComplete(lesson.title.text(language)), .heading))
      if let outro = lesson.outro {
        out.append(Output(.tutor(.plain), Markdown.render(outro.text(language))))
      }
      if let next = nextLesson(after: lesson.id) {
        out.append(say(.nextLesson(id: next.id, title: next.title.text(language))))
      } else {
        out.append(say(.allLessonsDone))
      }
      return out
    }
    progress.lessons[lesson.id] = lp
    startStep(lesson, index + 1)
    return out
  }

  /// The lesson after `id` in the index that loads (only those files are parsed).
  func nextLesson(after id: String) -> Lesson? {
    guard let i = lessons.ids.firstIndex(of: id) else { return nil }
    return lessons.ids[(i + 1)...].lazy.compactMap { lessons.lesson($0) }.first
  }

  /// Starts `lesson` at step `index` on a fresh world rebuilt by replaying the earlier steps'
  /// solutions, so a resumed lesson looks as it did.
  mutating func enterLesson(_ lesson: Lesson, at index: Int) {
    var w = World(seed: config.seed, region: config.region)
    var e = CommandEngine(
      files: config.files, environment: config.environment, language: config.language)
    for cmd in lesson.setup { _ = e.run(cmd, world: &w) }
    for i in 0..<min(index, lesson.steps.count) {
      for cmd in lesson.steps[i].setup { _ = e.run(cmd, world: &w) }
      for cmd in lesson.steps[i].solution { _ = e.run(cmd, world: &w) }
    }
    world = w
    engine = e
    undoStack = []
    mode = .lesson(lesson.id, step: index)
    progress.currentLesson = lesson.id
    if index < lesson.steps.count {
      for cmd in lesson.steps[index].setup { _ = engine.run(cmd, world: &world) }
    }
    stepStart = world
    usedSolution = false
  }

  /// Enters `lesson` where the learner left it: the world rebuilt by the reference solutions
  /// of the steps before `typedFrom`, then every line the learner typed since replayed (the world
  /// is deterministic), so the world and the shell variables are as they were. When the replay
  /// ends elsewhere (the lesson has changed since), it falls back to the reference solutions up
  /// to the saved step. Returns whether the learner's own world came back.
  @discardableResult
  mutating func resumeLesson(_ lesson: Lesson) -> Bool {
    let saved = progress
    let lp = saved.lessons[lesson.id] ?? LessonProgress()
    let target = min(lp.step, lesson.steps.count)
    enterLesson(lesson, at: min(lp.typedFrom, target))
    let narrate = config.narrate
    config.narrate = false
    for line in lp.typed { _ = handle(line) }
    config.narrate = narrate
    progress = saved
    progress.currentLesson = lesson.id
    markStarted(lesson)
    solutionArmed = false
    armedRestart = nil
    pendingRestart = nil
    wantsExit = false
    lastStatus = 0
    if case .lesson(let id, let step) = mode, id == lesson.id, step == target {
      resumedWorld = !lp.typed.isEmpty
      return resumedWorld
    }
    enterLesson(lesson, at: target)
    var fallback = lp
    fallback.typed = []
    fallback.typedFrom = target
    progress.lessons[lesson.id] = fallback
    markStarted(lesson)
    resumedWorld = false
    return false
  }

  /// Notes when `lesson` was first entered (kept across starting over).
  mutating func markStarted(_ lesson: Lesson) {
    if progress.lessons[lesson.id]?.startedAt == nil, let now = config.now() {
      progress.lessons[lesson.id, default: LessonProgress()].startedAt = now
    }
  }

  mutating func startStep(_ lesson: Lesson, _ index: Int) {
    mode = .lesson(lesson.id, step: index)
    for cmd in lesson.steps[index].setup { _ = engine.run(cmd, world: &world) }
    stepStart = world
    undoStack = []
  }

  func stepIntro(_ lesson: Lesson, _ index: Int) -> [Output] {
    [
      stepHeader(lesson, index),
      Output(.tutor(.plain), Markdown.render(lesson.steps[index].text.text(language))),
    ]
  }

  func stepHeader(_ lesson: Lesson, _ index: Int) -> Output {
    say(
      .stepHeader(
        lesson: lesson.id, index: index + 1, count: lesson.steps.count,
        title: lesson.steps[index].title.text(language)), .heading)
  }

  func say(_ m: Msg, _ style: Output.Style = .plain) -> Output {
    Output(.tutor(style), m.text(language))
  }

  /// Completion candidates for the word ending at `cursor` (a byte offset into `line`'s UTF-8):
  /// whole replacement words, e.g. `aws ecs reg` at the end gives `["register-task-definition"]`.
  public func completions(line: String, cursor: Int) -> [String] {
    Completion.candidates(session: self, line: line, cursor: cursor)
  }

  /// Whether `line` is unfinished and the editor should read another line (trailing `\`, an open
  /// quote or `$(`).
  public func needsContinuation(_ line: String) -> Bool {
    // A quiz answer is one line, quotes and all; a configure question's commands are shell lines.
    if let quiz, !quiz.wantsCommands { return false }
    return CommandEngine.isIncomplete(line)
  }
}
