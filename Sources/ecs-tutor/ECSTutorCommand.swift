import ArgumentParser
import ECSModel
import ECSTutor
import Foundation

/// `ecs-tutor`: the REPL, `run FILE...` and `lessons verify`.
struct ECSTutorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ecs-tutor",
    abstract: "Learn Amazon ECS by typing real AWS CLI commands into a simulated account.",
    version: "0.1.0",
    subcommands: [
      RunCommand.self, LessonsCommand.self, WalkthroughCommand.self, ReplayCommand.self,
      ReportCommand.self, QuizCommand.self,
    ]
  )

  @OptionGroup var options: CommonOptions

  @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR does the same).")
  var noColor = false

  @OptionGroup var recording: RecordOption

  mutating func run() throws {
    var start = options.start
    start.record = recording.record
    let status = REPL(options: start, noColor: noColor).run()
    if status != 0 { throw ExitCode(status) }
  }
}

/// Options every way of starting a session shares.
struct CommonOptions: ParsableArguments {
  @Option(help: "The tutor's language (ja or en); default from LC_ALL, LC_MESSAGES or LANG.")
  var lang: Language?

  @Option(help: ArgumentHelp("The lessons folder (holding index.yaml).", valueName: "dir"))
  var lessons: String?

  @Option(help: "Seed for the simulation's IDs and choices.")
  var seed: UInt64 = World.defaultSeed

  @Option(help: "The simulated AWS region.")
  var region: String = World.defaultRegion

  /// The same options as plain values.
  var start: StartOptions {
    StartOptions(lang: lang, lessons: lessons, seed: seed, region: region)
  }
}

/// The options of a session as plain values, so the common starts (`ecs-tutor`, `ecs-tutor run
/// FILE...`) need not go through the argument parser (see `Main`).
struct StartOptions: Equatable {
  var lang: Language?
  var lessons: String?
  var seed: UInt64 = World.defaultSeed
  var region: String = World.defaultRegion
  /// `--record FILE`: the transcript to write (JSON lines), if any.
  var record: String?

  /// `--lang`, else the locale variables, else English.
  var language: Language {
    lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
  }

  func sessionConfig() -> SessionConfig {
    var config = SessionConfig(
      language: language, seed: seed, region: region, files: FileSystemFiles(),
      environment: ProcessInfo.processInfo.environment)
    config.narrate = false
    config.languageIsExplicit = lang != nil
    config.now = { WallClock.now() }
    return config
  }
}

extension Language: ExpressibleByArgument {}

/// The `--record FILE` option every session has (REPL, `run`, `walkthrough`).
struct RecordOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Record the session to FILE as JSON lines (each line typed, its output, the check, "
        + "simulated and wall time); `ecs-tutor replay FILE` plays it back.", valueName: "file"))
  var record: String?
}

extension LessonSource {
  /// The library for a command that cannot go on with a broken one: a folder named but missing,
  /// or with problems, is said on stderr and ends the command with status 1. When no folder is
  /// found at all, `missing` (if given) is said the same way; without it the library is empty.
  static func libraryOrExit(option: String?, missing: String? = nil) throws(ExitCode)
    -> LessonLibrary
  {
    switch loadLibrary(option: option) {
    case .loaded(let library): return library
    case .notFound:
      guard let missing else { return LessonLibrary() }
      Console.error(missing)
      throw ExitCode(1)
    case .failed(let message):
      Console.error(message)
      throw ExitCode(1)
    }
  }
}
