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

  public init(
    language: Language = .en, seed: UInt64 = World.defaultSeed, region: String = World.defaultRegion,
    files: any FileAccess = MemoryFiles(), environment: [String: String] = [:]
  ) {
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
  public private(set) var config: SessionConfig
  public private(set) var world: World
  /// True once the learner typed `exit`.
  public private(set) var wantsExit = false

  public private(set) var progress: Progress
  public let lessons: LessonLibrary

  public init(config: SessionConfig, lessons: LessonLibrary = LessonLibrary(), progress: Progress = Progress()) {
    self.config = config
    self.world = World(seed: config.seed, region: config.region)
    self.lessons = lessons
    self.progress = progress
  }

  /// What to say when the REPL starts: a greeting and the first lesson on a first start, an offer
  /// to resume on later ones.
  public func welcome() -> [Output] { [Output(.tutor(.heading), "ecs-tutor")] }

  /// The prompt for the next line, e.g. `[sandbox] $ ` or `[first-cluster 2/5] $ `.
  public var prompt: String { "[sandbox] $ " }

  /// Handles one complete line (continuations already joined by the caller).
  public mutating func handle(_ line: String) -> [Output] {
    if line.trimmingCharacters(in: .whitespaces) == "exit" {
      wantsExit = true
      return []
    }
    return [Output(.stdout, line)]
  }

  /// Completion candidates for the word ending at `cursor` (a byte offset into `line`'s UTF-8):
  /// whole replacement words, e.g. `aws ecs reg` at the end gives `["register-task-definition"]`.
  public func completions(line: String, cursor: Int) -> [String] { [] }

  /// Whether `line` is unfinished and the editor should read another line (trailing `\`, an open
  /// quote or bracket).
  public func needsContinuation(_ line: String) -> Bool { line.hasSuffix("\\") }
}
