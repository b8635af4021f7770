import ArgumentParser
import ECSCommands
import ECSTutor
import Foundation
import LineEditor

/// `ecs-tutor walkthrough LESSON`: presenter mode for a projector. Each step on a cleared
/// screen, large and clear, with its instructor notes; Enter types the solution out and runs
/// it, then shows the check; `n`/`p` move between steps, `q` quits.
struct WalkthroughCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walkthrough",
    abstract: "Present a lesson step by step (for a class): Enter runs each step's solution.",
    discussion: """
      Keys: Enter types and runs the solution, then goes on; n next step, p previous, q quit. \
      Piped, each line is a key (an empty line is Enter). Piped or with --auto the exit status \
      is 1 when a step does not pass with its solution.
      """
  )

  @OptionGroup var options: CommonOptions

  @Argument(help: "The lesson to present (its ID, as in `lessons`).")
  var lesson: String

  @Flag(help: "Run every step unattended, pausing --delay seconds between them.")
  var auto = false

  @Option(help: "Seconds to pause on each step and after its check with --auto.")
  var delay: Double = 2

  @Option(help: "Start at step N (1-based); earlier steps' solutions build its world.")
  var fromStep: Int = 1

  @OptionGroup var recording: RecordOption

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  mutating func run() throws {
    var start = options.start
    start.record = recording.record
    var presenter = try Presenter(
      options: start, lessonID: lesson, fromStep: fromStep, auto: auto, delay: max(delay, 0),
      noColor: noColor)
    let failed = presenter.present()
    if failed && (auto || !Terminal.isTerminal(0)) { throw ExitCode(1) }
  }
}

/// The walkthrough at the terminal: draws the slides, reads the keys, types the solution.
struct Presenter {
  var walkthrough: Walkthrough
  let auto: Bool
  let delay: Double
  let screen: Bool
  var renderer: Renderer
  let transcript: TranscriptFile?
  let language: Language

  init(
    options: StartOptions, lessonID: String, fromStep: Int, auto: Bool, delay: Double,
    noColor: Bool
  ) throws(ExitCode) {
    language = options.language
    let library = try LessonSource.libraryOrExit(
      option: options.lessons, missing: Msg.lessonsUnavailable.text(language))
    guard let lesson = library.lesson(lessonID) else {
      Console.error("ecs-tutor: " + Msg.noSuchLesson(lessonID).text(language))
      throw ExitCode(1)
    }
    guard fromStep >= 1, fromStep <= lesson.steps.count else {
      Console.error(Msg.walkthroughBadStep(fromStep, count: lesson.steps.count).text(language))
      throw ExitCode(2)
    }
    screen = Terminal.isTerminal(1)
    var config = options.sessionConfig()
    config.narrate = screen
    config.now = { nil }
    let session = Session(config: config, lessons: library)
    guard
      let walkthrough = Walkthrough(session: session, lesson: lessonID, from: fromStep - 1)
    else { throw ExitCode(1) }
    self.walkthrough = walkthrough
    self.auto = auto
    self.delay = delay
    let environment = ProcessInfo.processInfo.environment
    let noColorVariable = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    renderer = Renderer(color: screen && !noColor && !noColorVariable, width: nil)
    transcript = try TranscriptFile.open(options.record, language: language)
    transcript?.write(
      session.transcriptStart(kind: "walkthrough", startedFrom: ECSTutor.Progress()))
    transcript?.write(walkthrough.startEntry)
  }

  /// Runs the walkthrough to its end or `q`; returns whether a step failed.
  mutating func present() -> Bool {
    // Unattended, the terminal stays as it is, so Ctrl-C stops the demo.
    let keys = auto ? nil : KeyReader()
    defer {
      keys?.restore()
      transcript?.write(walkthrough.session.transcriptEnd())
    }
    var showSlide = true
    loop: while true {
      if showSlide { drawSlide() }
      showSlide = false
      let key: String?
      if auto {
        // Unattended: show the step, run its solution, show the check, go on.
        if !walkthrough.ran { pause(delay) }
        key = walkthrough.ran ? "n" : "\n"
      } else {
        key = keys?.next()
      }
      switch key {
      case nil, "q": break loop
      case "\n" where !walkthrough.ran:
        runSolution()
        keys?.drain()
        if auto { pause(delay) }
        if auto, walkthrough.isLast { break loop }
        if !auto { say(walkthrough.keys()) }
      case "\n", "n":
        let move = walkthrough.next()
        if let entry = move.entry { transcript?.write(entry) }
        if move.moved {
          showSlide = true
        } else if auto || !Terminal.isTerminal(0) || walkthrough.ran {
          break loop
        } else {
          say(Output(.tutor(.dim), Msg.walkthroughEnd.text(language)))
        }
      case "p":
        let move = walkthrough.previous()
        if let entry = move.entry { transcript?.write(entry) }
        showSlide = move.moved
      default: continue
      }
    }
    if walkthrough.ran || !walkthrough.failed.isEmpty || !walkthrough.passed.isEmpty {
      Console.out("")
    }
    say(walkthrough.summary())
    return !walkthrough.failed.isEmpty
  }

  /// Clears the screen (at a terminal) and draws the step: where we are, the title large and
  /// underlined, the text, the instructor notes, the keys.
  mutating func drawSlide() {
    let width = Terminal.columns(1) ?? 80
    // A wide margin and a shorter line read better from the back of a room.
    renderer.width = screen ? max(min(width - 4, 100), 20) : nil
    if screen { Console.raw("\u{1B}[2J\u{1B}[3J\u{1B}[H\n") }
    for output in walkthrough.slide() {
      guard case .tutor(let style) = output.kind else { continue }
      switch style {
      case .heading:
        let title = output.text
        let rule = String(
          repeating: "━", count: min(max(TextWidth.columns(of: title), 8), renderer.width ?? 80))
        Console.out("")
        Console.out(indent(renderer.tutor(title, style: .heading)))
        Console.out(indent(renderer.tutor(rule, style: .heading)))
        Console.out("")
      case .hint where output.text == Msg.walkthroughNotes.text(language):
        Console.out("")
        Console.out(indent(renderer.tutor("│ " + output.text, style: .heading)))
      case .hint:
        // The notes stand apart: a bar down their left side.
        var narrower = renderer
        narrower.width = renderer.width.map { $0 - 2 }
        let text = narrower.tutor(output.text, style: .hint)
        Console.out(
          indent(
            text.split(separator: "\n", omittingEmptySubsequences: false)
              .map { "│ " + $0 }.joined(separator: "\n")))
      default:
        let text = Walkthrough.wrapCommands(in: output.text, width: renderer.width ?? .max)
        Console.out(indent(renderer.tutor(text, style: style)))
      }
    }
    Console.out("")
    if !auto { say(walkthrough.keys()) }
  }

  /// Types each command of the solution out character by character, runs it, shows what it
  /// printed (cut to fit a screen), then the check.
  mutating func runSolution() {
    Console.out("")
    for command in walkthrough.solution {
      let perCharacter = screen && (!auto || delay > 0) ? 0.02 : 0
      // Typed as shown on a screen: long commands in continuation lines.
      let shown =
        screen ? Walkthrough.wrapCommand(command, width: (renderer.width ?? 80) - 2) : [command]
      for (number, line) in shown.enumerated() {
        Console.raw(indent(renderer.tutor(number == 0 ? "$ " : "> ", style: .dim)))
        for character in line {
          Console.raw(String(character))
          pause(perCharacter)
        }
        Console.raw("\n")
      }
      let (outputs, entry) = walkthrough.run(command)
      transcript?.write(entry)
      for output in outputs {
        let text = screen ? walkthrough.clipped(output.text, limit: 14) : output.text
        switch output.kind {
        case .stdout: Console.out(indent(text))
        case .stderr: Console.error(indent(text))
        case .tutor(let style): Console.out(indent(renderer.tutor(text, style: style)))
        }
      }
    }
    Console.out("")
    for output in walkthrough.verdict() {
      if case .tutor(let style) = output.kind {
        Console.out(indent(renderer.tutor(output.text, style: style)))
      }
    }
    Console.out("")
  }

  func say(_ output: Output) {
    guard case .tutor(let style) = output.kind else { return Console.out(output.text) }
    Console.out(indent(renderer.tutor(output.text, style: style)))
  }

  /// Two columns of margin on every line at a terminal.
  func indent(_ text: String) -> String {
    guard screen else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
      .joined(separator: "\n")
  }

  func pause(_ seconds: Double) {
    guard seconds > 0 else { return }
    Thread.sleep(forTimeInterval: seconds)
  }
}
