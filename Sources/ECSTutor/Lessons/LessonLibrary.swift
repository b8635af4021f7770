/// One lesson source file handed in by the executable (the session never reads files).
public struct LessonFile: Sendable, Equatable {
  public var path: String
  public var text: String
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// A problem in a lesson file, located as `file:line: message`.
public struct LessonLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var message: String
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }
  public var description: String { "\(path):\(line): \(message)" }
}

/// Every lesson, in the order of index.yaml.
public struct LessonLibrary: Sendable {
  public init() {}

  /// Parses index.yaml and the lesson files it names. `files` holds every file of the lessons
  /// folder by path relative to it (`index.yaml`, `first-cluster.yaml`, `quizzes/...`).
  public static func load(files: [LessonFile]) throws(LessonLoadErrors) -> LessonLibrary {
    LessonLibrary()
  }
}

/// All problems found while loading, so an author sees them at once.
public struct LessonLoadErrors: Error, Sendable, Equatable {
  public var errors: [LessonLoadError]
  public init(_ errors: [LessonLoadError]) { self.errors = errors }
}

/// `ecs-tutor lessons verify`: replays every step's solution from the step's start state.
public enum LessonVerifier {
  /// One line per step (`ok first-cluster/create-cluster` or `FAIL ...: reason`) and the counts.
  public struct Report: Sendable {
    public var lines: [String]
    public var passed: Int
    public var failed: Int
  }

  public static func verify(_ library: LessonLibrary, seed: UInt64) -> Report {
    Report(lines: [], passed: 0, failed: 0)
  }
}
