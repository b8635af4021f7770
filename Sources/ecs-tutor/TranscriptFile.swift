import ArgumentParser
import ECSTutor
import Foundation

/// The wall clock, read only here and in the places that stamp progress and transcripts.
enum WallClock {
  /// Now in ISO 8601, UTC, with milliseconds (`2026-12-03T17:05:00.123Z`).
  static func now() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: Date())
  }

  /// Seconds on a clock that only moves forward.
  static func seconds() -> Double { ProcessInfo.processInfo.systemUptime }
}

/// `--record FILE`: the transcript being written, one JSON line per entry, each written as it
/// happens (a session cut short still leaves what it did).
final class TranscriptFile {
  let path: String
  private let handle: FileHandle
  private let started = WallClock.seconds()

  /// Creates (or empties) the file; throws its error text.
  init(path: String) throws(TranscriptFileError) {
    self.path = path
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      let reason = String(cString: strerror(errno))
      throw TranscriptFileError(message: reason)
    }
    self.handle = handle
  }

  /// Stamps `entry` with the wall time and the seconds since the file was opened, and writes it.
  func write(_ entry: TranscriptEntry) {
    var entry = entry
    entry.wall = WallClock.now()
    entry.elapsed = ((WallClock.seconds() - started) * 1000).rounded() / 1000
    try? handle.write(contentsOf: Data((entry.jsonLine + "\n").utf8))
  }

  /// Opens `path` for a session, or says why not (in the learner's language) and returns nil.
  static func open(_ path: String?, language: Language) throws(ExitCode) -> TranscriptFile? {
    guard let path else { return nil }
    do {
      return try TranscriptFile(path: path)
    } catch {
      Console.error(Msg.recordFailed(file: path, reason: error.message).text(language))
      throw ExitCode(1)
    }
  }
}

struct TranscriptFileError: Error {
  var message: String
}
