import CLibEdit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libedit's history list: consecutive duplicates dropped (H_SETUNIQUE), at most `size` entries,
/// kept in libedit's own file format (`_HiStOrY_V2_`, one vis(3)-encoded line each).
///
/// ```swift
/// let history = EditHistory()
/// history.add("aws ecs list-clusters")
/// try history.save(to: "/tmp/history")
/// ```
public final class EditHistory {
  let handle: OpaquePointer

  public init?(size: Int = 1000) {
    Terminal.useUTF8Locale()
    guard let handle = history_init() else { return nil }
    self.handle = handle
    clibedit_history_setsize(handle, Int32(clamping: size))
    clibedit_history_setunique(handle, 1)
  }

  deinit { history_end(handle) }

  /// Adds a line (a trailing space from completion is dropped; blank lines are ignored).
  public func add(_ line: String) {
    var text = Substring(line)
    while text.last == " " { text = text.dropLast() }
    guard !text.allSatisfy(\.isWhitespace) else { return }
    clibedit_history_enter(handle, String(text))
  }

  /// Every entry, oldest first.
  public var entries: [String] {
    var result: [String] = []
    var pointer = clibedit_history_step(handle, 1)
    while let entry = pointer {
      result.append(String(cString: entry))
      pointer = clibedit_history_step(handle, 0)
    }
    return result
  }

  /// Replaces the entries with those in `path`; a missing file leaves the history empty.
  /// Returns false when the file exists but cannot be read as a history file.
  @discardableResult
  public func load(from path: String) -> Bool {
    clibedit_history_clear(handle)
    if access(path, F_OK) != 0 { return true }
    return clibedit_history_load(handle, path) >= 0
  }

  /// Writes the history atomically with mode 0600.
  public func save(to path: String) throws(FileError) {
    let handle = self.handle
    try AtomicFile.write(path, mode: 0o600) { fd in
      let copy = dup(fd)
      guard copy >= 0, let file = fdopen(copy, "w") else { return errno }
      let saved = clibedit_history_save_fp(handle, file)
      let flushed = fflush(file)
      let code = errno
      fclose(file)
      return saved < 0 || flushed != 0 ? (code == 0 ? EIO : code) : 0
    }
  }
}
