import ECSCommands
import ECSTutor
import Foundation
import LineEditor

/// The interactive loop: read a command (joining continuation lines), hand it to the session,
/// print what it says, save progress.
struct REPL {
  var options: StartOptions
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

    let (library, lessonsLoaded) = loadLessons()
    var state = StateFiles(environment: environment, language: language)
    if let notice = state.notice { Console.error(renderer.tutor(notice, style: .hint)) }
    var config = options.sessionConfig()
    // Narrate what the control plane did only for a person at a terminal; piped output stays
    // exactly what the AWS CLI prints.
    config.narrate = interactive
    let box = SessionBox(Session(config: config, lessons: library, progress: state.progress))
    let transcript: TranscriptFile?
    do {
      transcript = try TranscriptFile.open(options.record, language: language)
    } catch {
      return error.rawValue
    }
    transcript?.write(box.session.transcriptStart(kind: "repl", startedFrom: state.progress))
    defer { transcript?.write(box.session.transcriptEnd()) }

    var editor: any LineEditor = PlainLineEditor()
    if interactive,
      let libedit = LibEditLineEditor(
        historyFile: state.historyFile,
        completer: { line, cursor in box.session.completions(line: line, cursor: cursor) })
    {
      editor = libedit
    }

    if interactive { Self.show(box.session.welcome(), renderer) }
    if !lessonsLoaded {
      Console.error(renderer.tutor(Msg.lessonsUnavailable.text(language), style: .hint))
    }

    var historyErrorShown = false
    var sawEOF = false
    while !sawEOF && !box.session.wantsExit {
      let read = readCommand(&editor, box.session, sawEOF: &sawEOF)
      guard case .line(let text) = read else {
        if read == .eof { sawEOF = true }
        continue
      }
      editor.addHistory(Self.historyEntry(text))
      if !historyErrorShown, let error = (editor as? LibEditLineEditor)?.historyError {
        Console.error(Msg.historyNotSaved(error.description).text(language))
        historyErrorShown = true
      }
      _ = Terminal.takeInterrupt()
      let outputs: [Output]
      if let transcript {
        let (said, entry) = box.session.handleRecorded(text)
        transcript.write(entry)
        outputs = said
      } else {
        outputs = box.session.handle(text)
      }
      renderer.width = Self.width(stdoutIsTerminal, environment)
      Self.show(outputs, renderer)
      if Terminal.takeInterrupt() { Console.error(Msg.interrupted.text(language)) }
      state.save(box.session.progress)
    }
    if sawEOF && interactive { Console.raw("\n") }
    // Input ended in the middle of a quiz: end it as `quit` would, so its attempt is kept.
    if box.session.inQuiz { Self.show(box.session.endQuiz(), renderer) }
    state.save(box.session.progress)
    return 0
  }

  /// The library, or an empty one (the sandbox) after printing why it could not be loaded.
  private func loadLessons() -> (LessonLibrary, loaded: Bool) {
    switch LessonSource.loadLibrary(option: options.lessons) {
    case .loaded(let library): return (library, true)
    case .notFound: return (LessonLibrary(), false)
    case .failed(let message):
      Console.error(message)
      return (LessonLibrary(), false)
    }
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
  /// Ctrl-D at a continuation prompt cancels the command, as in bash (with bash's message for an
  /// open quote); the end of piped input in the middle still hands over what was typed, and sets
  /// `sawEOF`.
  private func readCommand(_ editor: inout any LineEditor, _ session: Session, sawEOF: inout Bool)
    -> LineRead
  {
    let first = editor.readLine(prompt: session.prompt)
    guard case .line(var text) = first else { return first }
    while session.needsContinuation(text) {
      switch editor.readLine(prompt: "> ") {
      case .line(let more): text += "\n" + more
      case .interrupted: return .interrupted
      case .eof where editor is LibEditLineEditor:
        Console.raw("\n")
        if let message = Shell.syntaxError(text)?.message { Console.error("ecs-tutor: " + message) }
        return .interrupted
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

  /// Prints what the session said. When stdout is not a terminal (a pipe, a file) it carries
  /// command output and what the learner asked for (a lesson's text, a hint): the tutor's errors
  /// and the pointers about them go to stderr, as bash's own errors do.
  static func show(_ outputs: [Output], _ renderer: Renderer) {
    let piped = !Terminal.isTerminal(1)
    for output in outputs {
      switch output.kind {
      case .stdout: Console.out(output.text)
      case .stderr: Console.error(output.text)
      case .tutor(let style) where piped && (style == .failure || style == .pointer):
        Console.error(renderer.tutor(output.text, style: style))
      case .tutor(let style): Console.out(renderer.tutor(output.text, style: style))
      }
    }
  }
}

/// The REPL's state folder: the history file's path, and progress.json loaded at start and
/// saved whenever it changed. Problems are reported once and never stop the tutor.
struct StateFiles {
  private(set) var progress = ECSTutor.Progress()
  private(set) var historyFile: String?
  /// What to tell the learner after loading (a progress file moved aside, a folder not created).
  private(set) var notice: String?
  private var store: ProgressStore?
  private var saved = ECSTutor.Progress()
  private let language: Language
  private var errorShown = false

  init(environment: [String: String], language: Language) {
    self.language = language
    guard let paths = StatePaths(environment: environment) else { return }
    do {
      try paths.prepare()
    } catch {
      notice = Msg.progressNotSaved(error.description).text(language)
      return
    }
    historyFile = paths.history
    let store = ProgressStore(path: paths.progress)
    let loaded = store.load()
    progress = loaded.progress
    saved = loaded.progress
    self.store = store
    if let aside = loaded.movedTo { notice = Msg.progressUnreadable(movedTo: aside).text(language) }
  }

  /// Saves `progress` if it differs from what was last saved.
  mutating func save(_ progress: ECSTutor.Progress) {
    guard let store, progress != saved else { return }
    do {
      try store.save(progress)
      saved = progress
    } catch {
      if !errorShown { Console.error(Msg.progressNotSaved(error.description).text(language)) }
      errorShown = true
    }
  }
}
