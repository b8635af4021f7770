/// How the command layer reads `file://` values and writes exports. The executable passes a real
/// file system; tests pass `MemoryFiles`. Nothing below the executable touches files itself.
public protocol FileAccess: Sendable {
  /// The text of `path` (relative to the working directory; `~` already expanded by the caller).
  func read(_ path: String) throws(FileAccessError) -> String
  /// Replaces `path` atomically with `contents`.
  func write(_ path: String, _ contents: String) throws(FileAccessError)
}

/// A failed read or write, worded like Python's OSError so `file://` messages match the CLI:
/// `[Errno 2] No such file or directory: 'nope.json'`.
public struct FileAccessError: Error, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
}

/// An in-memory file system for tests and for `lessons verify`.
public struct MemoryFiles: FileAccess {
  public var files: [String: String]
  public init(_ files: [String: String] = [:]) { self.files = files }
  public func read(_ path: String) throws(FileAccessError) -> String {
    guard let text = files[path] else {
      throw FileAccessError("[Errno 2] No such file or directory: '\(path)'")
    }
    return text
  }
  public func write(_ path: String, _ contents: String) throws(FileAccessError) {
    throw FileAccessError("[Errno 30] Read-only file system: '\(path)'")
  }
}
