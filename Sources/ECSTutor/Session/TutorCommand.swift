/// One of the tutor's own commands: its names, its help in both languages, how Tab completes its
/// arguments, and what it does. `TutorCommands.all` is the one table of them; `help`, Tab
/// completion, the dispatch of a line and the resume replay all read it.
struct TutorCommand: Sendable {
  /// Where `help` lists a command.
  typealias Section = HelpSection

  /// One line of `help`: how it is typed, and what it does.
  struct HelpLine: Sendable {
    var usage: String
    var text: Localized
  }

  /// The name first, then aliases (`exit`, `quit`, `logout`).
  var names: [String]
  var section: Section
  var help: [HelpLine]
  /// Whether resuming a lesson replays the line: true for commands that can change the world,
  /// the shell or the step (`wait`, `undo`, `simulate` ...), false for those that only look.
  var replays: Bool
  /// Candidates for the next argument, given the arguments typed before it (not yet filtered by
  /// what is being typed).
  var complete: @Sendable (Session, [String]) -> [String]
  /// Runs the command with its arguments (`armed`: the previous line was a bare `solution`);
  /// nil hands the line to the shell instead.
  var run: @Sendable (inout Session, _ args: [String], _ armed: Bool) -> [Output]?

  var name: String { names[0] }

  init(
    _ names: [String], _ section: Section, replays: Bool, help: [HelpLine],
    complete: @escaping @Sendable (Session, [String]) -> [String] = { _, _ in [] },
    run: @escaping @Sendable (inout Session, [String], Bool) -> [Output]?
  ) {
    self.names = names
    self.section = section
    self.replays = replays
    self.help = help
    self.complete = complete
    self.run = run
  }

  /// Completion from fixed words per argument position: `words[0]` for the first argument ...
  static func fixed(_ words: [[String]]) -> @Sendable (Session, [String]) -> [String] {
    { _, args in args.count < words.count ? words[args.count] : [] }
  }
}

extension TutorCommand.HelpLine {
  init(_ usage: String, en: String, ja: String) {
    self.init(usage: usage, text: Localized(en: en, ja: ja))
  }
}

/// The sections of `help`, in the order it lists them.
public enum HelpSection: Int, Sendable, CaseIterable {
  case lessons, world, time, settings
}

/// A step's state in `lesson ID steps`.
public enum StepState: Sendable, Equatable {
  case done, doneWithHelp, now, toDo
  var mark: String {
    switch self {
    case .done, .doneWithHelp: return "✓"
    case .now: return "▸"
    case .toDo: return "·"
    }
  }
}
