import Foundation

/// A class's learner reports merged into one (`ecs-tutor report --merge`): who finished what,
/// the steps where most learners needed hints or the solution, and the quiz questions missed
/// most.
public struct ClassReport: Sendable, Equatable, Codable {
  public var learners: [Learner]
  public var hardestSteps: [HardStep]
  public var missedQuestions: [MissedQuestion]

  /// One learner's row: per lesson, steps done of steps, and whether completed.
  public struct Learner: Sendable, Equatable, Codable {
    public var name: String
    public var lessons: [LessonState]
  }

  public struct LessonState: Sendable, Equatable, Codable {
    public var id: String
    public var done: Int
    public var steps: Int
    public var completed: Bool
    public var hints: Int
    public var solutions: Int
  }

  /// A step and how many learners needed help there (a hint or the solution).
  public struct HardStep: Sendable, Equatable, Codable {
    public var lesson: String
    public var step: String
    public var title: String
    public var learners: Int
    public var hints: Int
    public var solutions: Int
  }

  /// A quiz question and how many times (and by how many learners) it was answered wrongly.
  public struct MissedQuestion: Sendable, Equatable, Codable {
    public var question: String
    public var missed: Int
    public var learners: Int
  }

  /// A file that was not merged, and why (in the learner's language).
  public struct Skipped: Sendable, Equatable {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) {
      self.file = file
      self.reason = reason
    }
  }

  /// Reads and merges `files` (path and text each), skipping what is not a learner report.
  public static func merge(_ files: [(path: String, text: String)], language: Language) -> (
    ClassReport, skipped: [Skipped]
  ) {
    var reports: [LearnerReport] = []
    var skipped: [Skipped] = []
    for file in files {
      switch parse(file.text) {
      case .success(let report): reports.append(report)
      case .failure(let why): skipped.append(Skipped(file: file.path, reason: why.text(language)))
      }
    }
    return (merge(reports), skipped)
  }

  /// A learner report, or why the text is none (not JSON, another kind of JSON, a newer
  /// version).
  static func parse(_ text: String) -> Result<LearnerReport, MsgError> {
    let data = Data(text.utf8)
    guard let object = try? JSONSerialization.jsonObject(with: data) else {
      return .failure(MsgError(.mergeNotJSON))
    }
    guard let members = object as? [String: Any],
      members["format"] as? String == LearnerReport.formatName
    else { return .failure(MsgError(.mergeForeign)) }
    if let version = members["version"] as? Int, version > LearnerReport.currentVersion {
      return .failure(MsgError(.mergeNewer(version)))
    }
    do {
      return .success(try JSONDecoder().decode(LearnerReport.self, from: data))
    } catch {
      return .failure(MsgError(.mergeBroken))
    }
  }

  /// The merge of `reports` in name order.
  public static func merge(_ reports: [LearnerReport]) -> ClassReport {
    let sorted = reports.sorted { $0.name < $1.name }
    let learners = sorted.map { report in
      Learner(
        name: report.name,
        lessons: report.lessons.map {
          LessonState(
            id: $0.id, done: $0.done, steps: $0.steps.count, completed: $0.completed,
            hints: $0.hints, solutions: $0.solutions)
        })
    }
    var steps: [String: HardStep] = [:]
    var order: [String] = []
    for report in sorted {
      for lesson in report.lessons {
        for step in lesson.steps where step.hints > 0 || step.solutions > 0 || step.withHelp {
          let key = lesson.id + "/" + step.id
          if steps[key] == nil {
            order.append(key)
            steps[key] = HardStep(
              lesson: lesson.id, step: step.id, title: step.title, learners: 0, hints: 0,
              solutions: 0)
          }
          steps[key]?.learners += 1
          steps[key]?.hints += step.hints
          steps[key]?.solutions += step.solutions
        }
      }
    }
    let hardest = order.compactMap { steps[$0] }.enumerated().sorted {
      ($0.element.learners, $0.element.hints + $0.element.solutions, -$0.offset)
        > ($1.element.learners, $1.element.hints + $1.element.solutions, -$1.offset)
    }.map(\.element)
    var missed: [String: MissedQuestion] = [:]
    for report in sorted {
      var counted: Set<String> = []
      for attempt in report.quizAttempts {
        for question in attempt.missed {
          missed[question, default: MissedQuestion(question: question, missed: 0, learners: 0)]
            .missed += 1
          if counted.insert(question).inserted { missed[question]?.learners += 1 }
        }
      }
    }
    let questions = missed.values.sorted {
      ($0.missed, $0.learners, $1.question) > ($1.missed, $1.learners, $0.question)
    }
    return ClassReport(learners: learners, hardestSteps: hardest, missedQuestions: questions)
  }

  /// Every lesson any learner has, in the order first met.
  var lessonIDs: [String] {
    var seen: [String] = []
    for learner in learners {
      for lesson in learner.lessons where !seen.contains(lesson.id) { seen.append(lesson.id) }
    }
    return seen
  }

  /// The three tables as text: who finished what (✓, or steps done of steps), where learners
  /// needed help (the ten steps most of them did), the ten questions missed most.
  public func text(_ language: Language, top: Int = 10) -> String {
    var out = [Msg.mergeTitle(learners: learners.count).text(language), ""]
    let ids = lessonIDs
    var rows = [[Msg.mergeLearnerColumn.text(language)] + ids]
    for learner in learners {
      rows.append(
        [learner.name]
          + ids.map { id in
            guard let state = learner.lessons.first(where: { $0.id == id }) else { return "-" }
            return state.completed ? "✓" : state.done == 0 ? "·" : "\(state.done)/\(state.steps)"
          })
    }
    out.append(Markdown.table(rows, indent: 2))
    out.append("")
    out.append(Msg.mergeHintsHeader.text(language))
    if hardestSteps.isEmpty {
      out.append("  " + Msg.mergeNone.text(language))
    } else {
      var hard = [Msg.mergeHintsColumns.text(language).components(separatedBy: "|")]
      for step in hardestSteps.prefix(top) {
        hard.append([
          "\(step.lesson) / \(step.step)", "\(step.learners)/\(learners.count)", "\(step.hints)",
          "\(step.solutions)",
        ])
      }
      out.append(Markdown.table(hard, indent: 2))
    }
    out.append("")
    out.append(Msg.mergeMissedHeader.text(language))
    if missedQuestions.isEmpty {
      out.append("  " + Msg.mergeNone.text(language))
    } else {
      var missed = [Msg.mergeMissedColumns.text(language).components(separatedBy: "|")]
      for question in missedQuestions.prefix(top) {
        missed.append([question.question, "\(question.missed)", "\(question.learners)"])
      }
      out.append(Markdown.table(missed, indent: 2))
    }
    return out.joined(separator: "\n")
  }

  /// One CSV table (RFC 4180) of the three: the `table` column says which rows are which.
  public var csv: String {
    var lines = [
      "table,learner,lesson,step,question,done,steps,completed,hints,solutions,missed,learners"
    ]
    for learner in learners {
      for lesson in learner.lessons {
        lines.append(
          Self.csvRow([
            "finished", learner.name, lesson.id, "", "", "\(lesson.done)", "\(lesson.steps)",
            lesson.completed ? "yes" : "no", "\(lesson.hints)", "\(lesson.solutions)", "", "",
          ]))
      }
    }
    for step in hardestSteps {
      lines.append(
        Self.csvRow([
          "help", "", step.lesson, step.step, "", "", "", "", "\(step.hints)",
          "\(step.solutions)", "", "\(step.learners)",
        ]))
    }
    for question in missedQuestions {
      lines.append(
        Self.csvRow([
          "missed", "", "", "", question.question, "", "", "", "", "", "\(question.missed)",
          "\(question.learners)",
        ]))
    }
    return lines.joined(separator: "\n")
  }

  static func csvRow(_ cells: [String]) -> String {
    cells.map { cell in
      cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }.joined(separator: ",")
  }
}

/// A message key as an error, for results that explain themselves in the learner's language.
struct MsgError: Error {
  var msg: Msg
  init(_ msg: Msg) { self.msg = msg }
  func text(_ language: Language) -> String { msg.text(language) }
}
