import ECSCommands
import ECSModel
import Foundation

/// The handlers of the lesson, world and settings rows of `TutorCommands.all`.
extension Session {
  func helpText() -> Output { Output(.tutor(.plain), TutorCommands.help(language)) }

  /// `lesson` (the current lesson's intro), `lesson ID` (start or resume; asks before starting
  /// the current lesson over), `lesson ID steps`.
  mutating func lessonCommand(_ args: [String]) -> [Output] {
    guard let id = args.first else {
      if case .lesson(let id, _) = mode, let l = lessons.lesson(id) { return lessonIntro(l) }
      return listLessons()
    }
    guard let lesson = lessons.lesson(id) else {
      lastStatus = 1
      let problems = lessons.problems(id)
      if !problems.isEmpty {
        // Listed in index.yaml, but its file did not load: say where, as `lessons verify` does.
        return [say(.lessonBroken(id), .failure)]
          + problems.map { Output(.tutor(.dim), "  " + $0.description) }
      }
      let suggestion = closest(id, among: lessons.ids)
      var out = [say(.noSuchLesson(id), .failure)]
      if let suggestion { out.append(Output(.tutor(.pointer), "→ `lesson \(suggestion)`")) }
      return out
    }
    if args.count > 1 {
      guard args[1] == "steps", args.count == 2 else {
        lastStatus = 2
        return [say(.lessonUsage)]
      }
      return stepList(lesson)
    }
    if case .lesson(let current, let step) = mode, current == id, step < lesson.steps.count {
      guard armedRestart == id else {
        pendingRestart = id
        return [say(.lessonRestartConfirm(id: id, step: step + 1, of: lesson.steps.count), .hint)]
      }
      startOver(lesson)
      return [say(.resetLesson, .success)] + lessonIntro(lesson)
    }
    let saved = progress.lessons[id]?.step ?? 0
    if saved >= lesson.steps.count {
      startOver(lesson)
      return lessonIntro(lesson)
    }
    let restored = resumeLesson(lesson)
    var out = lessonIntro(lesson)
    if restored {
      out.insert(say(.worldRestored(step: saved + 1, of: lesson.steps.count), .dim), at: 3)
    }
    return out
  }

  /// Starts `lesson` from its first step on a fresh world, forgetting what was typed in it.
  mutating func startOver(_ lesson: Lesson) {
    var lp = progress.lessons[lesson.id] ?? LessonProgress()
    lp.step = 0
    lp.typed = []
    lp.typedFrom = 0
    progress.lessons[lesson.id] = lp
    enterLesson(lesson, at: 0)
    markStarted(lesson)
    recordLine = false
  }

  mutating func solutionCommand(_ args: [String], armed: Bool) -> [Output] {
    if args.first == "run" { return runSolution() }
    if armed || args.first == "yes" || args.first == "show" { return showSolution() }
    guard currentStep() != nil else { return [say(.notInLesson)] }
    solutionArmed = true
    return [say(.solutionConfirm, .hint)]
  }

  mutating func sandboxCommand() -> [Output] {
    mode = .sandbox
    progress.currentLesson = nil
    world = World(seed: config.seed, region: config.region)
    engine = CommandEngine(
      files: config.files, environment: config.environment, language: config.language)
    undoStack = []
    return [say(.sandbox)]
  }

  /// `undo`: the world before the last change, naming the command that made it.
  mutating func undo() -> [Output] {
    guard let previous = undoStack.popLast() else { return [say(.undoNothing)] }
    world = previous.world
    return [say(.undone(Self.shortened(previous.line)), .success)]
  }

  /// A command cut to its first words for a one-line mention: `aws ecs register-task-definition
  /// --family web ...`.
  static func shortened(_ line: String, limit: Int = 60) -> String {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" })
    var out = ""
    for w in words {
      if !out.isEmpty && out.count + 1 + w.count > limit { return out + " ..." }
      out += (out.isEmpty ? "" : " ") + w
    }
    return out
  }

  mutating func resetCommand(_ args: [String]) -> [Output] {
    if args.first == "lesson" {
      guard case .lesson(let id, _) = mode, let lesson = lessons.lesson(id) else {
        return [say(.notInLesson)]
      }
      startOver(lesson)
      return [say(.resetLesson, .success)] + lessonIntro(lesson)
    }
    guard let (lesson, i) = currentStep() else {
      world = World(seed: config.seed, region: config.region)
      undoStack = []
      return [say(.sandbox)]
    }
    undoStack.append(UndoEntry(world: world, line: "reset"))
    world = stepStart
    return [say(.resetStep, .success)] + stepIntro(lesson, i)
  }

  mutating func langCommand(_ args: [String]) -> [Output] {
    guard let code = args.first, let lang = Language(rawValue: code) else {
      return [say(.languageUsage)]
    }
    config.language = lang
    engine.language = lang
    progress.language = lang
    return [say(.languageSet, .success)]
  }

  /// `lessons`: every lesson with its progress: steps done of total, how many with the
  /// solution's help, and the step in progress.
  func listLessons() -> [Output] {
    guard !lessons.lessons.isEmpty else { return [say(.noLessons)] }
    var rows: [[String]] = []
    for (i, l) in lessons.lessons.enumerated() {
      let lp = progress.lessons[l.id] ?? LessonProgress()
      let ids = Set(l.steps.map(\.id))
      let done = Set(lp.solved).intersection(ids).count
      let helped = Set(lp.solvedWithHelp).intersection(ids).count
      var mark = " "
      var now: Int?
      if case .lesson(let id, let step) = mode, id == l.id, step < l.steps.count {
        mark = "▸"
        now = step + 1
      } else if lp.completed {
        mark = "✓"
      } else if lp.step > 0 {
        mark = "·"
        now = lp.step + 1
      }
      let state =
        done == 0 && now == nil
        ? "" : Msg.lessonMap(done: done, of: l.steps.count, helped: helped, now: now).text(language)
      rows.append(["\(i + 1)", mark, l.id, l.title.text(language), state])
    }
    var header = say(.lessonsHeader, .heading)
    if let title = lessons.title { header.text += " — " + title.text(language) }
    return [header, Output(.tutor(.plain), Markdown.table(rows, indent: 2))]
  }

  /// `lesson ID steps`: each step with ✓ (done), ✓ and a note (done with the solution's help),
  /// ▸ (in progress) or · (to do).
  func stepList(_ lesson: Lesson) -> [Output] {
    let lp = progress.lessons[lesson.id] ?? LessonProgress()
    var current: Int?
    if case .lesson(let id, let step) = mode, id == lesson.id { current = step }
    var rows: [[String]] = []
    for (i, step) in lesson.steps.enumerated() {
      let state: StepState
      if i == current {
        state = .now
      } else if lp.solvedWithHelp.contains(step.id) {
        state = .doneWithHelp
      } else if lp.solved.contains(step.id) {
        state = .done
      } else {
        state = .toDo
      }
      rows.append([
        state.mark, "\(i + 1)", step.title.text(language), Msg.stepState(state).text(language),
      ])
    }
    return [
      say(.lessonStarted(lesson.title.text(language)), .heading),
      Output(.tutor(.plain), Markdown.table(rows, indent: 2)),
    ]
  }

  func lessonIntro(_ lesson: Lesson) -> [Output] {
    var out = [
      say(.lessonStarted(lesson.title.text(language)), .heading),
      Output(.tutor(.plain), Markdown.render(lesson.intro.text(language))),
    ]
    var fresh = Msg.freshAccount.text(language)
    if !lesson.setup.isEmpty {
      // Joined as a paragraph's lines are: no space after 「。」, one after ".".
      fresh =
        Markdown.join(fresh, Msg.setupBuilt.text(language)) + "\n\n"
        + lesson.setup.map { "    " + $0 }.joined(separator: "\n")
    }
    out.append(Output(.tutor(.dim), Markdown.render(fresh)))
    if case .lesson(_, let i) = mode, i < lesson.steps.count { out += stepIntro(lesson, i) }
    return out
  }

  func currentStep() -> (Lesson, Int)? {
    guard case .lesson(let id, let i) = mode, let l = lessons.lesson(id), i < l.steps.count else {
      return nil
    }
    return (l, i)
  }

  func goal() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    return stepIntro(lesson, i)
  }

  /// `check`: what is met and what is not; when something the learner made is in the way, a
  /// pointer to `undo` and `reset`.
  func check() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    let results = Checker.evaluate(lesson.steps[i], on: world)
    var out = Explain.check(results, language)
    // Something exists but differs (or must not exist) while nothing is changing any more: what
    // the learner made in this step is in the way, not time that has yet to pass.
    let leftover = results.contains { !$0.met && ($0.forbidden || !$0.missing) }
    if leftover, world.isSettled, let last = undoStack.last {
      out.append(say(.leftoverState(last: Self.shortened(last.line)), .hint))
    }
    return out
  }

  mutating func hint() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    let step = lesson.steps[i]
    var lp = progress.lessons[lesson.id] ?? LessonProgress()
    let used = lp.hintsUsed[step.id] ?? 0
    guard used < step.hints.count else { return [say(.noMoreHints, .hint)] }
    lp.hintsUsed[step.id] = used + 1
    progress.lessons[lesson.id] = lp
    return [
      say(.hintHeader(used + 1, step.hints.count), .hint),
      Output(.tutor(.hint), Markdown.render(step.hints[used].text(language))),
    ]
  }

  mutating func showSolution() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    usedSolution = true
    countSolution(lesson, i)
    let cmds = lesson.steps[i].solution.map { "    " + $0 }.joined(separator: "\n")
    return [say(.solutionHeader, .hint), Output(.tutor(.plain), cmds), say(.solutionRunHint, .dim)]
  }

  mutating func runSolution() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    usedSolution = true
    countSolution(lesson, i)
    var out = [say(.solutionRunning, .hint)]
    for cmd in lesson.steps[i].solution {
      out.append(Output(.tutor(.dim), "$ " + cmd))
      let before = world
      out += runCommand(cmd)
      out += advance(before: before, sameStep: true)
      // Stop once the step has passed: the rest belongs to the next step's world.
      if case .lesson(_, let now) = mode, now != i { break }
    }
    return out
  }

  /// Counts one use of step `index`'s solution in progress (shown or run).
  mutating func countSolution(_ lesson: Lesson, _ index: Int) {
    progress.lessons[lesson.id, default: LessonProgress()]
      .solutionsUsed[lesson.steps[index].id, default: 0] += 1
  }

  mutating func progressCommand(_ args: [String]) -> [Output] {
    guard args.count == 2 else { return [say(.progressUsage)] }
    switch args[0] {
    case "export":
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      guard let data = try? encoder.encode(progress), let text = String(data: data, encoding: .utf8)
      else {
        return [say(.progressError("encoding failed"), .failure)]
      }
      do {
        try config.files.write(args[1], text + "\n")
        return [say(.exported(args[1]), .success)]
      } catch {
        lastStatus = 1
        return [say(.progressError(error.message), .failure)]
      }
    case "import":
      do {
        let text = try config.files.read(args[1])
        var p = try JSONDecoder().decode(Progress.self, from: Data(text.utf8))
        guard p.version <= Progress.currentVersion else {
          lastStatus = 1
          return [
            say(.progressError("version \(p.version) is newer than this ecs-tutor"), .failure)
          ]
        }
        p.version = Progress.currentVersion
        progress = p
        if let id = p.currentLesson, let lesson = lessons.lesson(id) {
          resumeLesson(lesson)
        }
        return [say(.imported, .success)]
      } catch let e as FileAccessError {
        lastStatus = 1
        return [say(.progressError(e.message), .failure)]
      } catch {
        lastStatus = 1
        return [say(.progressError("not a progress file (\(error))"), .failure)]
      }
    default: return [say(.progressUsage)]
    }
  }
}
