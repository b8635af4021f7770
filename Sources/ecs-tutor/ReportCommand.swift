import ArgumentParser
import ECSTutor
import Foundation

/// `ecs-tutor report`: the learner's progress (lessons, steps, hints and solutions used, quiz
/// attempts) as text or JSON; with `--merge`, a class's JSON reports merged into one.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Your progress as a report; with --merge, a class's reports in one table.",
    discussion: """
      Learners hand in `ecs-tutor report --format json --name NAME > NAME.json`; the \
      instructor runs `ecs-tutor report --merge DIR` (or the files): who finished what, where \
      most learners needed hints, which quiz questions were missed most.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
  }

  @Option(help: "text or json; with --merge also csv.")
  var format: Format = .text

  @Option(help: "The learner's name in the report (default: $USER).")
  var name: String?

  @Flag(help: "Merge the reports given as FILE_OR_DIR (a folder: the files in it).")
  var merge = false

  @Argument(help: ArgumentHelp("Reports to merge (with --merge).", valueName: "file-or-dir"))
  var paths: [String] = []

  /// `--lang` and `--lessons` (the session options; a report has no use for `--seed`/`--region`).
  @OptionGroup var options: CommonOptions

  mutating func validate() throws {
    if merge && paths.isEmpty {
      throw ValidationError("--merge needs at least one report file or folder")
    }
    if !merge && !paths.isEmpty {
      throw ValidationError("report files are read only with --merge")
    }
    if !merge && format == .csv {
      throw ValidationError("--format csv goes with --merge (a learner's report is text or json)")
    }
  }

  mutating func run() throws {
    let language = options.start.language
    if merge {
      try mergeReports(language)
    } else {
      try learnerReport(language)
    }
  }

  func learnerReport(_ language: Language) throws {
    let environment = ProcessInfo.processInfo.environment
    var progress = ECSTutor.Progress()
    if let paths = StatePaths(environment: environment),
      FileManager.default.fileExists(atPath: paths.progress)
    {
      // Read only: a report neither migrates nor moves the progress file.
      guard let data = FileManager.default.contents(atPath: paths.progress),
        let loaded = try? JSONDecoder().decode(ECSTutor.Progress.self, from: data)
      else {
        Console.error(Msg.reportProgressUnreadable(paths.progress).text(language))
        throw ExitCode(1)
      }
      progress = loaded
    }
    let library = try LessonSource.libraryOrExit(option: options.lessons)
    let who = name ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "learner"
    let report = LearnerReport(
      progress: progress, lessons: library, name: who, generated: WallClock.now(),
      language: language)
    switch format {
    case .json: Console.out(Self.json(report))
    case .text, .csv: Console.out(report.text(language))
    }
  }

  func mergeReports(_ language: Language) throws {
    var files: [(path: String, text: String)] = []
    var unreadable: [ClassReport.Skipped] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // Every file but hidden ones: what is no report is named as skipped, not passed over.
        for name in names.sorted() where !name.hasPrefix(".") {
          var isFolder: ObjCBool = false
          let file = path + "/" + name
          guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder),
            !isFolder.boolValue
          else { continue }
          read(file, into: &files, failed: &unreadable)
        }
      } else {
        read(path, into: &files, failed: &unreadable)
      }
    }
    let (merged, skipped) = ClassReport.merge(files, language: language)
    for skip in unreadable + skipped {
      Console.error(Msg.mergeSkipped(file: skip.file, reason: skip.reason).text(language))
    }
    guard !merged.learners.isEmpty else {
      Console.error(Msg.mergeNothing.text(language))
      throw ExitCode(1)
    }
    switch format {
    case .text: Console.out(merged.text(language))
    case .csv: Console.out(merged.csv)
    case .json: Console.out(Self.json(merged))
    }
  }

  private func read(
    _ path: String, into files: inout [(path: String, text: String)],
    failed: inout [ClassReport.Skipped]
  ) {
    do {
      files.append((path, try FileSystemFiles().read(path)))
    } catch {
      failed.append(ClassReport.Skipped(file: path, reason: error.message))
    }
  }

  static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
