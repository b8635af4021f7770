import ECSTutor
import Foundation
import LineEditor

/// The interactive loop: read a command (joining continuation lines), hand it to the session,
/// print what it says, save progress.
struct REPL {
  var options: CommonOptions
  var noColor: Bool

  /// Holds the session so the completion closure sees its current state.
  final class SessionBox {
    var session: Session
    init(_ session: Session) { self.session = session }
  }

  func run() -> Int32 {
    Terminal.installInterruptHandler()
    let environment = ProcessInfo.processInfo.environment
    let language = options.language
    let interactive = Terminal.isTerminal(0) && Terminal.isTerminal(1)
    let stdoutIsTerminal = Terminal.isTerminal(1)
    let noColorVariable = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    var renderer = Renderer(
      color: stdoutIsTerminal && !noColorVariable && !noColor,
      width: Self.width(stdoutIsTerminal, environment))

    var library = LessonLibrary()
    var lessonsNotice: String?
    switch LessonSource.loadLibrary(option: options.lessons) {
    case .loaded(let loaded): library = loaded
    case .notFound: lessonsNotice = Messages.lessonsUnavailable(language)
    case .failed(let message):
      Console.error(message)
      lessonsNotice = Messages.lessonsUnavailable(language)
    }

    let paths = StatePaths(environment: environment)
    var stateReady = false
    if let paths {
      do {
        try paths.prepare()
        stateReady = true
      } catch {
        Console.error(Messages.progressNotSaved(language, error.description))
      }
    }
    let store = stateReady ? paths.map { ProgressStore(path: $0.progress) } : nil
    var progress = ECSTutor.Progress()
    if let store {
      let loaded = store.load()
      progress = loaded.progress
      if let aside = loaded.movedTo {
        Console.error(
          renderer.tutor(Messages.progressUnreadable(language, movedTo: aside), style: .hint))
      }
    }

    let box = SessionBox(
      Session(config: options.sessionConfig(), lessons: library, progress: progress))
    var editor: any LineEditor = PlainLineEditor()
    if interactive,
      let libedit = LibEditLineEditor(
        historyFile: stateReady ? paths?.history : nil,
        completer: { line, cursor in box.session.completions(line: line, cursor: cursor) })
    {
      editor = libedit
    }

    if interactive { show(box.session.welcome(), renderer) }
    if let lessonsNotice { Console.error(renderer.tutor(lessonsNotice, style: .hint)) }

    var saved = box.session.progress
    var progressErrorShown = false
    var historyErrorShown = false
    var sawEOF = false
    while !sawEOF {
      let read = readCommand(&editor, box.session, sawEOF: &sawEOF)
      guard case .line(let text) = read else {
        if read == .eof { sawEOF = true }
        continue
      }
      editor.addHistory(Self.historyEntry(text))
      if !historyErrorShown, let libedit = editor as? LibEditLineEditor,
        let error = libedit.historyError
      {
        Console.error(Messages.historyNotSaved(language, error.description))
        historyErrorShown = true
      }
      _ = Terminal.takeInterrupt()
      let outputs = box.session.handle(text)
      renderer.width = Self.width(stdoutIsTerminal, environment)
      show(outputs, renderer)
      if Terminal.takeInterrupt() { Console.error(Messages.interrupted(language)) }
      if let store, box.session.progress != saved {
        do {
          try store.save(box.session.progress)
          saved = box.session.progress
        } catch {
          if !progressErrorShown {
            Console.error(Messages.progressNotSaved(language, error.description))
          }
          progressErrorShown = true
        }
      }
      if box.session.wantsExit { break }
    }
    if sawEOF && interactive { Console.raw("\n") }
    if let store, box.session.progress != saved { try? store.save(box.session.progress) }
    return 0
  }

  /// The terminal's width now (it may have been resized), else $COLUMNS, else 80; nil when
  /// stdout is not a terminal.
  static func width(_ stdoutIsTerminal: Bool, _ environment: [String: String]) -> Int? {
    guard stdoutIsTerminal else { return nil }
    if let columns = Terminal.columns(1) { return columns }
    if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
    return 80
  }

  /// One command: a line, plus continuation lines (prompt "> ") while the session wants more.
  /// End of input in the middle still hands over what was typed, and sets `sawEOF`.
  private func readCommand(_ editor: inout any LineEditor, _ session: Session, sawEOF: inout Bool)
    -> LineRead
  {
    let first = editor.readLine(prompt: session.prompt)
    guard case .line(var text) = first else { return first }
    while session.needsContinuation(text) {
      switch editor.readLine(prompt: "> ") {
      case .line(let more): text += "\n" + more
      case .interrupted: return .interrupted
      case .eof:
        sawEOF = true
        return .line(text)
      }
    }
    return .line(text)
  }

  /// A multi-line command as one history line: `\`-newline and newlines become spaces.
  static func historyEntry(_ text: String) -> String {
    text.replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")
  }

  private func show(_ outputs: [Output], _ renderer: Renderer) {
    for output in outputs {
      switch output.kind {
      case .stdout: Console.out(output.text)
      case .stderr: Console.error(output.text)
      case .tutor(let style): Console.out(renderer.tutor(output.text, style: style))
      }
    }
  }
}
