import CLibEdit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal line editor (libedit, emacs keys): Up/Down history, Ctrl-R search, Home/End/Delete,
/// Tab completion through a ``Completer``, Ctrl-C clears the line, Ctrl-D on an empty line ends.
/// Use it only when stdin and stdout are terminals.
///
/// ```swift
/// let editor = LibEditLineEditor(historyFile: "/home/me/.local/state/ecs-tutor/history") { line, cursor in [] }
/// while case .line(let text) = editor?.readLine(prompt: "$ ") { editor?.addHistory(text) }
/// ```
public final class LibEditLineEditor: LineEditor {
  private let editLine: OpaquePointer
  private let history: EditHistory
  private let completer: Completer?
  /// The prompt as C bytes; libedit asks for it on every redraw.
  private var promptBytes: [CChar] = [0]
  private var interrupted = false
  /// The line and cursor at the last Tab, so a second Tab on the same spot lists candidates.
  private var lastTab: (line: String, cursor: Int)?

  /// Where the history lives (loaded now, saved after every added line); nil keeps it in memory.
  public let historyFile: String?
  /// The last problem saving the history file, for the caller to mention once.
  public private(set) var historyError: FileError?

  public init?(programName: String = "ecs-tutor", historyFile: String?, completer: Completer? = nil)
  {
    Terminal.useUTF8Locale()
    guard let history = EditHistory(),
      let editLine = el_init(programName, clibedit_stdin(), clibedit_stdout(), clibedit_stderr())
    else { return nil }
    self.editLine = editLine
    self.history = history
    self.completer = completer
    self.historyFile = historyFile
    if let historyFile { history.load(from: historyFile) }
    configure()
  }

  deinit { el_end(editLine) }

  private func configure() {
    let el = editLine
    clibedit_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    clibedit_set_editor(el, "emacs")
    clibedit_set_signal(el, 1)
    clibedit_set_hist(el, history.handle)
    clibedit_set_prompt_esc(
      el,
      { el in
        guard let el, let editor = LibEditLineEditor.from(el) else { return nil }
        return editor.promptPointer()
      }, 1)
    // Ctrl-C is a key while editing: no SIGINT, the bound function throws the line away.
    clibedit_setty(el, "-d", "-isig")
    // libedit 3.1's delete/insert-characters update (re_update_line with the terminal's dc/ic)
    // moves the cursor back one column per wide character it redrew, where the character took
    // two: after a Backspace in a Japanese line the cursor sat one column right of its place.
    // Without those capabilities libedit rewrites the rest of the row and places the cursor
    // absolutely, which counts display widths right.
    for cap in ["dc", "DC", "ic", "IC", "im", "ei"] { clibedit_settc(el, cap, "") }
    clibedit_addfn(
      el, "ecs-interrupt", "Discard the line",
      { el, _ in
        guard let el, let editor = LibEditLineEditor.from(el) else { return UInt8(CC_ERROR) }
        editor.interrupted = true
        // Show ^C at the end of the abandoned line, then let Enter finish it (ed-newline moves
        // to a fresh row; returning CC_NEWLINE here would not).
        el_cursor(el, Int32.max / 2)
        el_insertstr(el, "^C")
        el_push(el, "\n")
        return UInt8(CC_REFRESH)
      })
    clibedit_bind(el, "^C", "ecs-interrupt")
    clibedit_addfn(
      el, "ecs-complete", "Complete the word before the cursor",
      { el, _ in
        guard let el, let editor = LibEditLineEditor.from(el) else { return UInt8(CC_ERROR) }
        return editor.complete()
      })
    clibedit_bind(el, "^I", "ecs-complete")
    clibedit_bind(el, "^R", "em-inc-search-prev")
    clibedit_bind(el, "\\e[3~", "ed-delete-next-char")
    for key in ["\\e[H", "\\e[1~", "\\eOH", "\\e[7~"] { clibedit_bind(el, key, "ed-move-to-beg") }
    for key in ["\\e[F", "\\e[4~", "\\eOF", "\\e[8~"] { clibedit_bind(el, key, "ed-move-to-end") }
    for key in ["\\e[1;5C", "\\e[5C"] { clibedit_bind(el, key, "em-next-word") }
    for key in ["\\e[1;5D", "\\e[5D"] { clibedit_bind(el, key, "ed-prev-word") }
  }

  private static func from(_ el: OpaquePointer) -> LibEditLineEditor? {
    guard let data = clibedit_get_clientdata(el) else { return nil }
    return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  private func promptPointer() -> UnsafeMutablePointer<CChar>? {
    promptBytes.withUnsafeMutableBufferPointer { $0.baseAddress }
  }

  public func readLine(prompt: String) -> LineRead {
    // libedit counts \1-delimited bytes as invisible; a stray \1 in the prompt would confuse it.
    promptBytes = Array(prompt.utf8CString)
    interrupted = false
    lastTab = nil
    while true {
      var count: Int32 = 0
      let result = el_gets(editLine, &count)
      if interrupted {
        interrupted = false
        return .interrupted
      }
      guard let result else {
        if count < 0 && errno == EINTR { return .interrupted }
        return .eof
      }
      var bytes = Array(UnsafeBufferPointer(start: result, count: Int(max(count, 0))))
        .map { UInt8(bitPattern: $0) }
      if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
      return .line(String(decoding: bytes, as: UTF8.self))
    }
  }

  public func addHistory(_ line: String) {
    history.add(line)
    guard let historyFile else { return }
    do {
      try history.save(to: historyFile)
      historyError = nil
    } catch {
      historyError = error
    }
  }

  /// The entries Up would walk through, oldest first.
  public var historyEntries: [String] { history.entries }

  private func complete() -> UInt8 {
    guard let completer, let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let length = info.lastchar - info.buffer
    let cursor = info.cursor - info.buffer
    guard length >= 0, cursor >= 0, cursor <= length else { return UInt8(CC_ERROR) }
    let bytes = UnsafeRawBufferPointer(start: info.buffer, count: length)
    let line = String(decoding: bytes, as: UTF8.self)
    let word = TabCompletion.word(in: line, cursorByteOffset: cursor)
    let repeated = lastTab.map { $0.line == line && $0.cursor == cursor } ?? false
    lastTab = (line, cursor)
    let candidates = completer(line, cursor)
    switch TabCompletion.action(word: word, candidates: candidates, repeated: repeated) {
    case .insert(let text):
      lastTab = nil
      return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    case .replace(let deleting, let text):
      lastTab = nil
      el_deletestr(editLine, Int32(clamping: deleting))
      return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    case .list(let words):
      let width = Terminal.columns(1) ?? 80
      var text = "\n"
      for row in TabCompletion.columns(words, width: width) { text += row + "\n" }
      fputs(text, clibedit_stdout())
      fflush(clibedit_stdout())
      return UInt8(CC_REDISPLAY)
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    }
  }
}
