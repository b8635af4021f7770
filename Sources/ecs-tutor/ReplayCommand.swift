import ArgumentParser
import ECSTutor
import Foundation
import LineEditor

/// `ecs-tutor replay FILE [--speed X]`: plays a recorded session back (`--record FILE`): the
/// same start, every line typed again at the pace it was typed, each output compared with the
/// recorded one. The session ends in the same world as the recorded one.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Play back a session recorded with --record FILE; it ends in the same world."
  )

  @Argument(help: ArgumentHelp("A transcript written by --record.", valueName: "file"))
  var file: String

  @Option(help: "Pace: 2 plays twice as fast as recorded; 0 does not wait at all.")
  var speed: Double = 1

  /// `--lang` (for replay's own messages; the session speaks as recorded) and `--lessons`; the
  /// seed and region come from the transcript.
  @OptionGroup var common: CommonOptions

  @Flag(name: .customLong("no-color"), help: "Never colour the output.")
  var noColor = false

  mutating func run() throws {
    var options = common.start
    let language = options.language
    let text: String
    let entries: [TranscriptEntry]
    do {
      text = try FileSystemFiles().read(file)
    } catch {
      Console.error("ecs-tutor: \(error.message)")
      throw ExitCode(1)
    }
    do {
      entries = try TranscriptEntry.parse(text)
    } catch {
      Console.error(
        Msg.replayBadFile(file: file, line: error.line, noStart: error.reason == .noStart)
          .text(language))
      throw ExitCode(1)
    }
    let library = try LessonSource.libraryOrExit(option: options.lessons)
    options.lang = nil
    let replay = Replayer(
      entries: entries, speed: max(speed, 0),
      renderer: Renderer(color: Terminal.isTerminal(1) && !noColor, width: nil))
    let diverged = replay.run(config: options.sessionConfig(), lessons: library)
    let lines = entries.filter { $0.kind == .line }.count
    let summary = Msg.replaySummary(lines: lines, diverged: diverged).text(language)
    Console.error(summary)
    if !diverged.isEmpty { throw ExitCode(1) }
  }
}

/// Feeds a transcript to a session rebuilt from its start entry, printing what it says now.
struct Replayer {
  var entries: [TranscriptEntry]
  var speed: Double
  var renderer: Renderer

  /// Plays every entry; returns the numbers (1-based, among the lines typed) of the lines whose
  /// output differs from the recorded one.
  func run(config: SessionConfig, lessons: LessonLibrary) -> [Int] {
    guard let start = entries.first else { return [] }
    var session = Session.replaying(start, config: config, lessons: lessons)
    var diverged: [Int] = []
    var lineNumber = 0
    var last = start.elapsed ?? 0
    for entry in entries.dropFirst() {
      if speed > 0, let at = entry.elapsed {
        // A long pause (the learner reading) is cut to 3 s, so a replay keeps moving.
        let wait = min(max(at - last, 0), 3) / speed
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        last = at
      }
      guard entry.kind == .line, let line = entry.line else {
        _ = session.replay(entry)
        continue
      }
      lineNumber += 1
      if speed > 0 && Terminal.isTerminal(1) {
        // At a terminal the line is typed out, as the learner typed it.
        Console.raw(renderer.tutor(session.prompt, style: .dim))
        for character in line {
          Console.raw(String(character))
          Thread.sleep(forTimeInterval: 0.02 / speed)
        }
        Console.raw("\n")
      } else {
        Console.out(renderer.tutor(session.prompt, style: .dim) + line)
      }
      let outputs = session.replay(entry)
      for output in outputs {
        switch output.kind {
        case .stdout: Console.out(output.text)
        case .stderr: Console.error(output.text)
        case .tutor(let style): Console.out(renderer.tutor(output.text, style: style))
        }
      }
      if let recorded = entry.output, recorded.map(\.output) != outputs {
        diverged.append(lineNumber)
      }
    }
    return diverged
  }
}
