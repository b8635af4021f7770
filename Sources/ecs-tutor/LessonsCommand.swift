import ArgumentParser
import ECSModel
import ECSTutor

/// `ecs-tutor lessons ...`: tools for lesson authors.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "Tools for lesson authors.",
    subcommands: [Verify.self]
  )

  /// `ecs-tutor lessons verify [DIR]`: replays every step's solution.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check every lesson: each step fails on its start state and passes after its solution."
    )

    @Argument(help: "The lessons folder (default: as for the REPL).")
    var dir: String?

    @Option(help: "Seed for the simulation.")
    var seed: UInt64 = World.defaultSeed

    mutating func run() throws {
      let library: LessonLibrary
      switch LessonSource.loadLibrary(option: dir, eager: true) {
      case .loaded(let loaded): library = loaded
      case .notFound:
        Console.error("ecs-tutor: no lessons folder found (pass DIR or set ECS_TUTOR_LESSONS)")
        Console.out("lessons: 0 passed, 1 failed")
        throw ExitCode(1)
      case .failed(let message):
        // Each problem in a lesson file counts as a failure.
        Console.error(message)
        let problems = message.split(separator: "\n").filter { !$0.isEmpty }.count
        Console.out("lessons: 0 passed, \(max(problems, 1)) failed")
        throw ExitCode(1)
      }
      let report = LessonVerifier.verify(library, seed: seed)
      for line in report.lines { Console.out(line) }
      Console.out("lessons: \(report.passed) passed, \(report.failed) failed")
      // The quiz banks (index.yaml's `quizzes:`): every question, counted apart.
      let quizzes = QuizVerifier.verify(library)
      for line in quizzes.lines { Console.out(line) }
      if !library.quizTopics.isEmpty {
        Console.out("quizzes: \(quizzes.passed) passed, \(quizzes.failed) failed")
      }
      if report.failed > 0 || quizzes.failed > 0 { throw ExitCode(1) }
    }
  }
}
