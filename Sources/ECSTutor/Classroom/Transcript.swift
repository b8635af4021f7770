import ECSModel
import Foundation

/// One line of a recorded session (`--record FILE`, JSON lines): the start (what the session
/// started from), a step entered by the walkthrough, a line typed with its output and the check
/// after it, and the end. `ecs-tutor replay FILE` rebuilds the session from the start entry and
/// feeds it the rest, so it ends in the same world.
///
/// ```json
/// {"kind":"line","line":"aws ecs create-cluster --cluster-name demo","status":0,"output":[...],
///  "check":{"lesson":"first-cluster","step":1,"stepID":"create-cluster","passed":true,"unmet":[]},
///  "sim":"2026-01-05T09:00:01.000Z","wall":"2026-12-03T17:10:00.123Z","elapsed":4.2}
/// ```
public struct TranscriptEntry: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    case start, enter, line, end
  }

  /// One piece of output as it was said: `stdout`, `stderr` or `tutor` (with its style).
  public struct Said: Sendable, Equatable, Codable {
    public var stream: String
    public var style: String?
    public var text: String
  }

  /// The current lesson step after a line: whether the step the line was typed at passed, and
  /// what of it is still unmet (the items' goals, in English).
  public struct Check: Sendable, Equatable, Codable {
    public var lesson: String
    /// 1-based number of the step the line was typed at.
    public var step: Int
    public var stepID: String
    public var passed: Bool
    public var unmet: [String]
  }

  public var kind: Kind
  /// Start: the transcript format's version (1), where it was recorded (`repl`, `run`,
  /// `walkthrough`), the session's seed, region and language, and the progress it started from
  /// (which decides the lesson it resumed).
  public var format: Int?
  public var session: String?
  public var seed: UInt64?
  public var region: String?
  public var language: Language?
  /// Whether the session told what happened in the world after each command (at a terminal).
  public var narrate: Bool?
  public var progress: Progress?
  /// Enter: the lesson and 0-based step the walkthrough moved to.
  public var lesson: String?
  public var step: Int?
  /// Line: what was typed, its exit status, what was said, and the check.
  public var line: String?
  public var status: Int32?
  public var output: [Said]?
  public var check: Check?
  /// Simulated time after the entry (the world's clock), wall time when it was written, and
  /// seconds since the start entry (what `replay --speed` paces by).
  public var sim: String
  public var wall: String?
  public var elapsed: Double?

  public init(kind: Kind, sim: String) {
    self.kind = kind
    self.sim = sim
  }

  /// The entry as one JSON line (keys sorted, no newline inside).
  public var jsonLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Reads a transcript: one entry per non-empty line; the error names the first bad line.
  public static func parse(_ text: String) throws(TranscriptError) -> [TranscriptEntry] {
    var entries: [TranscriptEntry] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      do {
        entries.append(try JSONDecoder().decode(TranscriptEntry.self, from: Data(line.utf8)))
      } catch {
        throw TranscriptError(line: index + 1, reason: .notAnEntry)
      }
    }
    guard let first = entries.first, first.kind == .start, first.seed != nil else {
      throw TranscriptError(line: 1, reason: .noStart)
    }
    return entries
  }
}

/// Why a transcript cannot be replayed.
public struct TranscriptError: Error, Sendable, Equatable {
  public enum Reason: Sendable, Equatable { case notAnEntry, noStart }
  /// 1-based line of the file.
  public var line: Int
  public var reason: Reason
}

extension TranscriptEntry.Said {
  init(_ output: Output) {
    text = output.text
    switch output.kind {
    case .stdout: stream = "stdout"
    case .stderr: stream = "stderr"
    case .tutor(let style):
      stream = "tutor"
      self.style = "\(style)"
    }
  }

  /// Back to what the session said.
  public var output: Output {
    switch stream {
    case "stdout": return Output(.stdout, text)
    case "stderr": return Output(.stderr, text)
    default:
      let styles: [Output.Style] = [.plain, .success, .failure, .hint, .heading, .dim, .pointer]
      return Output(.tutor(styles.first { "\($0)" == style } ?? .plain), text)
    }
  }
}
