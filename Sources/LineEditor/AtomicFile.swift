#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed file operation, worded like Python's OSError: `[Errno 2] No such file or directory: 'x'`.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
  public var code: Int32
  public var path: String
  public init(code: Int32, path: String) {
    self.code = code
    self.path = path
  }
  public var description: String {
    let text = strerror(code).map { String(cString: $0) } ?? "Unknown error \(code)"
    return "[Errno \(code)] \(text): '\(path)'"
  }
}

/// Writes files so a crash or a full disk never leaves half a file: a temporary file in the same
/// folder, fsync, then rename over the target.
///
/// ```swift
/// try AtomicFile.write("/tmp/progress.json", contents: Array("{}".utf8), mode: 0o600)
/// ```
public enum AtomicFile {
  public static func write(_ path: String, contents: [UInt8], mode: UInt32 = 0o644)
    throws(FileError)
  {
    try write(path, mode: mode) { fd in
      var offset = 0
      while offset < contents.count {
        let n = contents[offset...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return 0
    }
  }

  /// Creates a temporary file next to `path`, lets `fill` write it (returning 0 or an errno),
  /// then syncs and renames it to `path`.
  static func write(_ path: String, mode: UInt32, fill: (Int32) -> Int32) throws(FileError) {
    var attempt = 0
    var fd: Int32 = -1
    var temp = ""
    while fd < 0 {
      attempt += 1
      temp = "\(path).tmp-\(getpid())-\(attempt)"
      fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
      if fd < 0 {
        let code = errno
        if code == EEXIST && attempt < 100 { continue }
        throw FileError(code: code, path: path)
      }
    }
    // open's mode is reduced by the umask; the caller asked for exactly `mode`.
    var code = fchmod(fd, mode_t(mode)) == 0 ? 0 : errno
    if code == 0 { code = fill(fd) }
    if code == 0 && fsync(fd) != 0 { code = errno }
    if close(fd) != 0 && code == 0 { code = errno }
    if code == 0 && rename(temp, path) != 0 { code = errno }
    if code != 0 {
      unlink(temp)
      throw FileError(code: code, path: path)
    }
  }

  /// Creates `path` and its missing parents with `mode` (mkdir -p).
  public static func makeDirectories(_ path: String, mode: UInt32 = 0o700) throws(FileError) {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, mode_t(mode)) != 0 && errno != EEXIST {
        throw FileError(code: errno, path: current)
      }
    }
  }
}

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, bytes, count)
}
