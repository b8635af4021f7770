import CLibEdit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set by the SIGINT handler; read and cleared by ``Terminal/takeInterrupt()``.
private let interruptFlag = Atomic<Bool>(false)

/// The few terminal facts and process settings the executable needs, kept here so every C call
/// stays inside LineEditor.
///
/// ```swift
/// if Terminal.isTerminal(1) { print(Terminal.columns(1) ?? 80) }
/// ```
public enum Terminal {
  /// Whether `fd` (0 stdin, 1 stdout, 2 stderr) is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The width of the terminal on `fd`, or nil when it is not one (or reports 0).
  public static func columns(_ fd: Int32) -> Int? {
    let columns = Int(clibedit_terminal_columns(fd))
    return columns > 0 ? columns : nil
  }

  /// Makes the C library treat text as UTF-8 (`setlocale(LC_CTYPE, "")`, falling back to
  /// C.UTF-8). libedit needs it: without it Japanese keystrokes are dropped and a non-ASCII prompt
  /// crashes it.
  public static func useUTF8Locale() {
    setlocale(LC_CTYPE, "")
    if !codesetIsUTF8() {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
  }

  static func codesetIsUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }

  /// Installs a SIGINT handler (without SA_RESTART, so blocking reads return) that only records
  /// the Ctrl-C, and ignores SIGPIPE so a closed pipe is an error instead of death.
  public static func installInterruptHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    signal(SIGPIPE, SIG_IGN)
  }

  /// Whether Ctrl-C was pressed since the last call.
  public static func takeInterrupt() -> Bool {
    interruptFlag.exchange(false, ordering: .relaxed)
  }
}
