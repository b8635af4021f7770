#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Single key presses from a terminal (presenter mode's Enter, `n`, `p`, `q`), or, when stdin
/// is not a terminal, one line per key (`""` is Enter), so a walkthrough can be scripted.
///
/// ```swift
/// let keys = KeyReader()
/// defer { keys.restore() }
/// while let key = keys.next(), key != "q" { ... }
/// ```
public final class KeyReader {
  private var saved = termios()
  private let raw: Bool

  /// Switches a terminal on stdin to single keys without echo (Ctrl-C arrives as a key, `q`).
  public init() {
    raw = isatty(0) == 1 && tcgetattr(0, &saved) == 0
    guard raw else { return }
    var settings = saved
    settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
    withUnsafeMutableBytes(of: &settings.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(0, TCSANOW, &settings)
  }

  /// The next key: `"\n"` for Enter, a letter, `"q"` for Ctrl-C or Ctrl-D; nil at the end of
  /// piped input. Piped, a line is its first character (an empty line is Enter).
  public func next() -> String? {
    guard raw else {
      guard let line = readLine() else { return nil }
      let word = line.trimmingCharacters()
      return word.isEmpty ? "\n" : String(word.prefix(1)).lowercased()
    }
    var byte: UInt8 = 0
    while true {
      let n = read(0, &byte, 1)
      if n == 1 { break }
      if n < 0 && errno == EINTR { continue }
      return nil
    }
    switch byte {
    case 13, 10: return "\n"
    case 3, 4: return "q"
    case 27:
      // An escape sequence (an arrow key): Right is next, Left previous, others ignored.
      var rest = [UInt8](repeating: 0, count: 8)
      let n = read(0, &rest, 8)
      if n >= 2 && rest[0] == 91 && rest[1] == 67 { return "n" }
      if n >= 2 && rest[0] == 91 && rest[1] == 68 { return "p" }
      return ""
    default: return String(UnicodeScalar(byte)).lowercased()
    }
  }

  /// Discards keys pressed meanwhile (typed while the solution was running).
  public func drain() {
    if raw { tcflush(0, TCIFLUSH) }
  }

  /// Puts the terminal back as it was.
  public func restore() {
    if raw { tcsetattr(0, TCSANOW, &saved) }
  }
}

extension String {
  fileprivate func trimmingCharacters() -> Substring {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" || c == "\r" { s = s.dropFirst() }
    while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
    return s
  }
}
