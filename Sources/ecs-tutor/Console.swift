import Foundation

/// Unbuffered writes to stdout and stderr, so the two streams interleave in the order written.
/// Write errors (a closed pipe) are ignored: the tutor must not die of them.
enum Console {
  /// Writes `text` and a newline (unless it already ends with one) to stdout.
  static func out(_ text: String) { write(text, to: FileHandle.standardOutput) }

  /// Writes `text` and a newline (unless it already ends with one) to stderr.
  static func error(_ text: String) { write(text, to: FileHandle.standardError) }

  /// Writes `text` exactly as given to stdout.
  static func raw(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
  }

  private static func write(_ text: String, to handle: FileHandle) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    try? handle.write(contentsOf: Data(line.utf8))
  }
}
