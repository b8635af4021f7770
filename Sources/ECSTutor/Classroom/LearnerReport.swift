/// One learner's progress as an instructor reads it (`ecs-tutor report`): every lesson of the
/// index with its steps (passed, when, hints and solutions used) and every quiz attempt. The
/// JSON form is what a learner hands in and `report --merge` reads.
public struct LearnerReport: Sendable, Equatable, Codable {
  /// The JSON's mark, so `--merge` can tell a report from any other JSON file.
  public static let formatName = "ecs-tutor-report"
  public static let currentVersion = 1

  public var format = LearnerReport.formatName
  public var version = LearnerReport.currentVersion
  public var name: String
  /// When the report was made (ISO 8601, UTC), if known.
  public var generated: String?
  public var lessons: [LessonReport]
  public var quizAttempts: [QuizAttempt]

  public struct LessonReport: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var completed: Bool
    public var startedAt: String?
    public var completedAt: String?
    public var steps: [StepReport]

    /// Steps passed, and how many of them after the solution was shown.
    public var done: Int { steps.filter(\.passed).count }
    public var withHelp: Int { steps.filter(\.withHelp).count }
    public var hints: Int { steps.map(\.hints).reduce(0, +) }
    public var solutions: Int { steps.map(\.solutions).reduce(0, +) }
  }

  public struct StepReport: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var passed: Bool
    public var withHelp: Bool
    public var passedAt: String?
    public var hints: Int
    public var solutions: Int
  }

  public init(
    name: String, generated: String?, lessons: [LessonReport], quizAttempts: [QuizAttempt]
  ) {
    self.name = name
    self.generated = generated
    self.lessons = lessons
    self.quizAttempts = quizAttempts
  }

  /// The report of `progress`: the index's lessons in order (titles in `language`), each step
  /// as progress records it.
  public init(
    progress: Progress, lessons: LessonLibrary, name: String, generated: String?,
    language: Language
  ) {
    var reports: [LessonReport] = []
    for lesson in lessons.ids.compactMap({ lessons.lesson($0) }) {
      let lp = progress.lessons[lesson.id] ?? LessonProgress()
      let steps = lesson.steps.map { step in
        StepReport(
          id: step.id, title: step.title.text(language), passed: lp.solved.contains(step.id),
          withHelp: lp.solvedWithHelp.contains(step.id), passedAt: lp.passedAt[step.id],
          hints: lp.hintsUsed[step.id] ?? 0, solutions: lp.solutionsUsed[step.id] ?? 0)
      }
      reports.append(
        LessonReport(
          id: lesson.id, title: lesson.title.text(language), completed: lp.completed,
          startedAt: lp.startedAt, completedAt: lp.completedAt, steps: steps))
    }
    self.init(
      name: name, generated: generated, lessons: reports, quizAttempts: progress.quizAttempts)
  }

  /// The report as text: a table of the lessons, then the quiz attempts.
  public func text(_ language: Language) -> String {
    var out = [Msg.reportTitle(name: name, generated: generated).text(language), ""]
    var rows = [Msg.reportLessonColumns.text(language).components(separatedBy: "|")]
    for lesson in lessons {
      rows.append([
        lesson.completed ? "✓" : (lesson.done > 0 ? "·" : " "), lesson.id,
        "\(lesson.done)/\(lesson.steps.count)", "\(lesson.withHelp)", "\(lesson.hints)",
        "\(lesson.solutions)", Self.day(lesson.startedAt), Self.day(lesson.completedAt),
      ])
    }
    out.append(Markdown.table(rows, indent: 2))
    out.append("")
    if quizAttempts.isEmpty {
      out.append(Msg.reportNoQuiz.text(language))
    } else {
      out.append(Msg.reportQuizHeader.text(language))
      var quiz = [Msg.reportQuizColumns.text(language).components(separatedBy: "|")]
      for attempt in quizAttempts {
        quiz.append([
          Self.day(attempt.date), attempt.topic, "\(attempt.score)/\(attempt.total)",
          attempt.missed.joined(separator: " "),
        ])
      }
      out.append(Markdown.table(quiz, indent: 2))
    }
    return out.joined(separator: "\n")
  }

  /// The date part of an ISO 8601 time, or `-`.
  static func day(_ date: String?) -> String { date.map { String($0.prefix(10)) } ?? "-" }
}
