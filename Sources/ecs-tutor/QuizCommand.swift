import ArgumentParser
import ECSModel
import ECSTutor
import Foundation
import LineEditor

/// `ecs-tutor quiz roles|ports|all [--count N] [--seed S] [--report FILE --format json|junit]`:
/// one quiz, answered at the terminal or line by line from a pipe; the attempt goes into
/// progress.json, the report into FILE.
struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Take a quiz on IAM roles or port configuration (answers from stdin when piped)."
  )

  @Argument(help: "The topic: roles, ports or all.")
  var topic: String

  @Option(help: "How many questions (default 10).")
  var count: Int = 10

  @Option(help: ArgumentHelp("Write a report of every answer to FILE.", valueName: "file"))
  var report: String?

  @Option(help: "The report's format: json or junit.")
  var format: QuizReport.Format = .json

  // --lang, --lessons and --seed: the parent command declares them too, and only an option
  // group shared with it receives them (as `run` does).
  @OptionGroup var common: CommonOptions

  @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR does the same).")
  var noColor = false

  func validate() throws {
    if count < 1 { throw ValidationError("--count must be at least 1") }
  }

  mutating func run() throws {
    let options = common.start
    let lessons = common.lessons
    // The seed chooses the questions; without --seed each attempt is new (the session draws
    // one), which CommonOptions' default value cannot tell apart from a given one.
    let seedGiven = CommandLine.arguments.contains { $0 == "--seed" || $0.hasPrefix("--seed=") }
    let seed: UInt64? = seedGiven ? common.seed : nil
    let environment = ProcessInfo.processInfo.environment
    let interactive = Terminal.isTerminal(0) && Terminal.isTerminal(1)
    let stdoutIsTerminal = Terminal.isTerminal(1)
    let noColorVariable = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let renderer = Renderer(
      color: stdoutIsTerminal && !noColorVariable && !noColor,
      width: REPL.width(stdoutIsTerminal, environment))
    let library = try LessonSource.libraryOrExit(
      option: lessons,
      missing: "ecs-tutor: no lessons folder found (pass --lessons DIR or set ECS_TUTOR_LESSONS)")
    var state = StateFiles(environment: environment, language: options.language)
    var config = options.sessionConfig()
    config.narrate = interactive
    var session = Session(config: config, lessons: library, progress: state.progress)
    let seedWords = seed.map { ["--seed", String($0)] } ?? []
    let start = session.handle(
      (["quiz", topic, "--count", String(count)] + seedWords).joined(separator: " "))
    REPL.show(start, renderer)
    guard session.inQuiz else { throw ExitCode(session.lastStatus == 0 ? 1 : session.lastStatus) }
    var editor: any LineEditor = PlainLineEditor()
    if interactive, let libedit = LibEditLineEditor(historyFile: nil, completer: { _, _ in [] }) {
      editor = libedit
    }
    while session.inQuiz {
      switch editor.readLine(prompt: session.prompt) {
      case .line(let text): REPL.show(session.handle(text), renderer)
      case .interrupted: continue
      case .eof:
        if interactive { Console.raw("\n") }
        REPL.show(session.endQuiz(), renderer)
      }
    }
    state.save(session.progress)
    if let report, let result = session.lastQuizResult {
      do {
        try FileSystemFiles().write(report, QuizReport.render(result, format: format))
      } catch {
        Console.error("ecs-tutor: cannot write \(report): \(error.message)")
        throw ExitCode(1)
      }
    }
  }
}

extension QuizReport.Format: ExpressibleByArgument {}
