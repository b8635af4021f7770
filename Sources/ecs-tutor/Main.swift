import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

/// The entry point. The two starts a learner and a script make most — `ecs-tutor` alone and
/// `ecs-tutor run FILE...` with no options — skip the argument parser, whose first use costs
/// about 2 ms of type-metadata look-ups; everything else (options, help, `lessons verify`, a
/// file name that looks like an option) goes through it as before.
@main
enum Main {
  static func main() {
    switch FastStart(Array(CommandLine.arguments.dropFirst())) {
    case .repl:
      exit(REPL(options: StartOptions(), noColor: false).run())
    case .run(let files):
      do {
        try RunCommand.execute(files: files, keepGoing: false, options: StartOptions())
        exit(0)
      } catch {
        exit(error.rawValue)
      }
    case nil:
      ECSTutorCommand.main()
    }
  }
}

/// A start the argument parser would read as the defaults: no arguments, or `run` and file
/// names none of which starts with `-`.
enum FastStart: Equatable {
  case repl
  case run([String])

  init?(_ arguments: [String]) {
    if arguments.isEmpty {
      self = .repl
    } else if arguments[0] == "run", arguments.count > 1,
      !arguments.dropFirst().contains(where: { $0.hasPrefix("-") || $0.isEmpty })
    {
      self = .run(Array(arguments.dropFirst()))
    } else {
      return nil
    }
  }
}
