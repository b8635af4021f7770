/// What the learner has done, saved between runs (progress.json). Versioned so a later release can
/// read an older file.
public struct Progress: Sendable, Equatable, Codable {
  public static let currentVersion = 1

  public var version: Int = Progress.currentVersion
  /// The lesson being worked on, if any (nil: sandbox).
  public var currentLesson: String?
  public var lessons: [String: LessonProgress] = [:]
  public var language: Language?

  public init() {}
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

  public init() {}
}
