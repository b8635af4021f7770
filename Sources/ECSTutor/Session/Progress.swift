/// What the learner has done, saved between runs (progress.json). Versioned so a later release can
/// read an older file: every field a version added is optional when decoding.
///
/// - Version 1: steps reached and solved, hints used, language.
/// - Version 2: each lesson also keeps the lines typed in it (`typed`, `typedFrom`), replayed on
///   resume so the learner's world and shell variables come back as they were.
public struct Progress: Sendable, Equatable, Codable {
  public static let currentVersion = 2

  public var version: Int = Progress.currentVersion
  /// The lesson being worked on, if any (nil: sandbox).
  public var currentLesson: String?
  public var lessons: [String: LessonProgress] = [:]
  public var language: Language?

  public init() {}

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
    currentLesson = try c.decodeIfPresent(String.self, forKey: .currentLesson)
    lessons = try c.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
    language = try c.decodeIfPresent(Language.self, forKey: .language)
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
  }
}
