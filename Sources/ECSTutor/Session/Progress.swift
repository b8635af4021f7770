/// What the learner has done, saved between runs (progress.json). Versioned so a later release can
/// read an older file: every field a version added is optional when decoding.
///
/// - Version 1: steps reached and solved, hints used, language.
/// - Version 2: each lesson also keeps the lines typed in it (`typed`, `typedFrom`), replayed on
///   resume so the learner's world and shell variables come back as they were.
/// - Version 3: quiz attempts with their scores (`quizAttempts`); later in version 3, as
///   optional fields an older file simply lacks: per lesson when it was started and completed,
///   per step when it passed and how often its solution was asked for (`startedAt`,
///   `completedAt`, `passedAt`, `solutionsUsed`).
public struct Progress: Sendable, Equatable, Codable {
  public static let currentVersion = 3

  public var version: Int = Progress.currentVersion
  /// The lesson being worked on, if any (nil: sandbox).
  public var currentLesson: String?
  public var lessons: [String: LessonProgress] = [:]
  public var language: Language?
  /// Every quiz taken, oldest first.
  public var quizAttempts: [QuizAttempt] = []

  public init() {}

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
    currentLesson = try c.decodeIfPresent(String.self, forKey: .currentLesson)
    lessons = try c.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
    language = try c.decodeIfPresent(Language.self, forKey: .language)
    quizAttempts = try c.decodeIfPresent([QuizAttempt].self, forKey: .quizAttempts) ?? []
  }
}

/// One quiz taken: its topic and seed (which together fix its questions and their order), when,
/// the score, and the IDs of the questions answered wrongly.
public struct QuizAttempt: Sendable, Equatable, Codable {
  /// `roles`, `ports` or `all`.
  public var topic: String
  public var seed: UInt64
  /// When it ended, ISO 8601 in UTC (`2026-12-03T17:05:00Z`).
  public var date: String
  public var score: Int
  public var total: Int
  /// The question IDs answered wrongly, in the order asked.
  public var missed: [String]

  public init(topic: String, seed: UInt64, date: String, score: Int, total: Int, missed: [String]) {
    self.topic = topic
    self.seed = seed
    self.date = date
    self.score = score
    self.total = total
    self.missed = missed
  }
}

public struct LessonProgress: Sendable, Equatable, Codable {
  /// Index of the step reached (0-based); equals the step count when the lesson is complete.
  public var step: Int = 0
  /// IDs of steps passed, and of those passed after `solution` was shown.
  public var solved: [String] = []
  public var solvedWithHelp: [String] = []
  /// Hints used per step ID.
  public var hintsUsed: [String: Int] = [:]
  public var completed: Bool = false
  /// The lines typed in this lesson since step `typedFrom` began (the world there is rebuilt
  /// from the reference solutions of the steps before it), in order: resuming replays them.
  public var typed: [String] = []
  public var typedFrom: Int = 0
  /// When the lesson was first entered and when its last step first passed (ISO 8601, UTC);
  /// nil in files written before these were kept.
  public var startedAt: String?
  public var completedAt: String?
  /// When each step (by ID) first passed.
  public var passedAt: [String: String] = [:]
  /// How often each step's solution was shown or run (`solution`, `solution run`).
  public var solutionsUsed: [String: Int] = [:]

  public init() {}

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    step = try c.decodeIfPresent(Int.self, forKey: .step) ?? 0
    solved = try c.decodeIfPresent([String].self, forKey: .solved) ?? []
    solvedWithHelp = try c.decodeIfPresent([String].self, forKey: .solvedWithHelp) ?? []
    hintsUsed = try c.decodeIfPresent([String: Int].self, forKey: .hintsUsed) ?? [:]
    completed = try c.decodeIfPresent(Bool.self, forKey: .completed) ?? false
    typed = try c.decodeIfPresent([String].self, forKey: .typed) ?? []
    // A version 1 file has no record: its world is rebuilt from the solutions up to `step`.
    typedFrom = try c.decodeIfPresent(Int.self, forKey: .typedFrom) ?? step
    startedAt = try c.decodeIfPresent(String.self, forKey: .startedAt)
    completedAt = try c.decodeIfPresent(String.self, forKey: .completedAt)
    passedAt = try c.decodeIfPresent([String: String].self, forKey: .passedAt) ?? [:]
    solutionsUsed = try c.decodeIfPresent([String: Int].self, forKey: .solutionsUsed) ?? [:]
  }
}
