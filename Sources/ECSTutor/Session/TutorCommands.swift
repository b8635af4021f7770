import ECSCommands
import ECSModel
import Foundation

/// The tutor's own commands (everything that is not `aws ...` or a shell built-in).
enum TutorCommands {
  static let names = [
    "lessons", "lesson", "goal", "check", "hint", "solution", "undo", "reset", "sandbox", "lang",
    "help", "exit", "quit", "progress", "wait", "time", "events", "show", "simulate", "reach",
  ]
}

extension Session {
  /// Handles a tutor command; nil when `word` is not one (the line then goes to the shell).
  mutating func tutorCommand(_ word: String, _ args: [String], armed: Bool) -> [Output]? {
    switch word {
    case "exit", "quit", "logout":
      wantsExit = true
      return []
    case "help", "?":
      guard args.isEmpty else { return nil }
      return [Output(.tutor(.plain), Msg.helpText.text(language))]
    case "lessons": return listLessons()
    case "lesson":
      guard let id = args.first else {
        if case .lesson(let id, _) = mode, let l = lessons.lesson(id) { return lessonIntro(l) }
        return listLessons()
      }
      guard let lesson = lessons.lesson(id) else {
        lastStatus = 1
        let suggestion = closest(id, among: lessons.lessons.map(\.id))
        var out = [say(.noSuchLesson(id), .failure)]
        if let suggestion { out.append(Output(.tutor(.hint), "→ `lesson \(suggestion)`")) }
        return out
      }
      let saved = progress.lessons[id]?.step ?? 0
      let resume = saved < lesson.steps.count ? saved : 0
      enterLesson(lesson, at: resume)
      return lessonIntro(lesson)
    case "goal": return goal()
    case "check": return check()
    case "hint": return hint()
    case "solution":
      if args.first == "run" { return runSolution() }
      if armed || args.first == "yes" || args.first == "show" { return showSolution() }
      guard case .lesson(let id, let i) = mode, let l = lessons.lesson(id), i < l.steps.count else {
        return [say(.notInLesson)]
      }
      solutionArmed = true
      return [say(.solutionConfirm, .hint)]
    case "undo":
      guard let previous = undoStack.popLast() else { return [say(.undoNothing)] }
      world = previous
      return [say(.undoDone, .success)]
    case "reset":
      if args.first == "lesson" {
        guard case .lesson(let id, _) = mode, let lesson = lessons.lesson(id) else {
          return [say(.notInLesson)]
        }
        var lp = progress.lessons[id] ?? LessonProgress()
        lp.step = 0
        progress.lessons[id] = lp
        enterLesson(lesson, at: 0)
        return [say(.resetLesson, .success)] + lessonIntro(lesson)
      }
      guard case .lesson(let id, let i) = mode, let lesson = lessons.lesson(id),
        i < lesson.steps.count
      else {
        world = World(seed: config.seed, region: config.region)
        undoStack = []
        return [say(.sandbox)]
      }
      undoStack.append(world)
      world = stepStart
      return [say(.resetStep, .success)] + stepIntro(lesson, i)
    case "sandbox":
      mode = .sandbox
      progress.currentLesson = nil
      world = World(seed: config.seed, region: config.region)
      engine = CommandEngine(
        files: config.files, environment: config.environment, language: config.language)
      undoStack = []
      return [say(.sandbox)]
    case "lang":
      guard let code = args.first, let lang = Language(rawValue: code) else {
        return [say(.languageUsage)]
      }
      config.language = lang
      engine.language = lang
      progress.language = lang
      return [say(.languageSet, .success)]
    case "progress": return progressCommand(args)
    case "reach": return reachCommand(args)
    default: return timeCommand(word, args)
    }
  }

  func listLessons() -> [Output] {
    guard !lessons.lessons.isEmpty else { return [say(.noLessons)] }
    var rows: [[String]] = []
    for (i, l) in lessons.lessons.enumerated() {
      let lp = progress.lessons[l.id]
      let mark: String
      var state = ""
      if lp?.completed == true {
        mark = "✓"
      } else if case .lesson(let id, let step) = mode, id == l.id {
        mark = "▸"
        state = "(step \(min(step + 1, l.steps.count))/\(l.steps.count))"
      } else if let lp, lp.step > 0 {
        mark = "·"
        state = "(step \(lp.step + 1)/\(l.steps.count))"
      } else {
        mark = " "
      }
      rows.append(["\(i + 1)", mark, l.id, l.title.text(language), state])
    }
    var header = say(.lessonsHeader, .heading)
    if let title = lessons.title { header.text += " — " + title.text(language) }
    return [header, Output(.tutor(.plain), Markdown.table(rows, indent: 2))]
  }

  func lessonIntro(_ lesson: Lesson) -> [Output] {
    var out = [
      say(.lessonStarted(lesson.title.text(language)), .heading),
      Output(.tutor(.plain), Markdown.render(lesson.intro.text(language))),
    ]
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

  func check() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    let results = Checker.evaluate(lesson.steps[i], on: world)
    return Explain.check(results, language)
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
    let cmds = lesson.steps[i].solution.map { "    " + $0 }.joined(separator: "\n")
    return [say(.solutionHeader, .hint), Output(.tutor(.plain), cmds), say(.solutionRunHint, .dim)]
  }

  mutating func runSolution() -> [Output] {
    guard let (lesson, i) = currentStep() else { return [say(.notInLesson)] }
    usedSolution = true
    var out = [say(.solutionRunning, .hint)]
    for cmd in lesson.steps[i].solution {
      out.append(Output(.tutor(.dim), "$ " + cmd))
      out += runCommand(cmd)
      // Stop once the step has passed: the rest belongs to the next step's world.
      if case .lesson(_, let now) = mode, now != i { break }
    }
    return out
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
        let p = try JSONDecoder().decode(Progress.self, from: Data(text.utf8))
        guard p.version <= Progress.currentVersion else {
          lastStatus = 1
          return [
            say(.progressError("version \(p.version) is newer than this ecs-tutor"), .failure)
          ]
        }
        progress = p
        if let id = p.currentLesson, let lesson = lessons.lesson(id) {
          enterLesson(lesson, at: min(p.lessons[id]?.step ?? 0, lesson.steps.count))
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
