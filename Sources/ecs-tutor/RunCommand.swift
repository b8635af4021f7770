import ArgumentParser
import ECSTutor

/// `ecs-tutor run FILE...`: feeds script files to one session, as if typed.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run the commands in FILE... in one session; stop at the first failing command."
  )

  @OptionGroup var options: CommonOptions

  @Flag(help: "Go on after a failing command (the exit status is still 1).")
  var keepGoing = false

  @OptionGroup var recording: RecordOption

  @Argument(
    help: ArgumentHelp(
      "Script files: one command per line, `\\` continues a line.", valueName: "file"))
  var files: [String]

  mutating func run() throws {
    var start = options.start
    start.record = recording.record
    try Self.execute(files: files, keepGoing: keepGoing, options: start)
  }

  /// Runs `files` in one session; throws `ExitCode(1)` when a command failed.
  static func execute(files: [String], keepGoing: Bool, options: StartOptions) throws(ExitCode) {
    let config = options.sessionConfig()
    let library = try LessonSource.libraryOrExit(option: options.lessons)
    var session = Session(config: config, lessons: library)
    let transcript = try TranscriptFile.open(options.record, language: options.language)
    transcript?.write(session.transcriptStart(kind: "run", startedFrom: ECSTutor.Progress()))
    defer { transcript?.write(session.transcriptEnd()) }
    var failed = false
    let plain = Renderer(color: false, width: nil)
    // Read every script first, so a typo in the last name does not run half the work.
    var scripts: [(file: String, text: String)] = []
    for file in files {
      do {
        scripts.append((file, try FileSystemFiles().read(file)))
      } catch {
        Console.error("ecs-tutor: \(error.message)")
        throw ExitCode(1)
      }
    }
    for (file, text) in scripts {
      for command in ScriptLines.commands(in: text, continues: { session.needsContinuation($0) }) {
        let outputs: [Output]
        if let transcript {
          let (said, entry) = session.handleRecorded(command.text)
          transcript.write(entry)
          outputs = said
        } else {
          outputs = session.handle(command.text)
        }
        for output in outputs {
          switch output.kind {
          case .stdout: Console.out(output.text)
          case .stderr: Console.error(output.text)
          case .tutor(.failure), .tutor(.pointer):
            Console.error(plain.tutor(output.text, style: .failure))
          case .tutor: break
          }
        }
        guard session.lastStatus != 0 else { continue }
        failed = true
        if !keepGoing {
          Console.error(
            "ecs-tutor: stopped at \(file):\(command.line) (--keep-going runs the rest)")
          throw ExitCode(1)
        }
      }
      if session.wantsExit { break }
    }
    if failed { throw ExitCode(1) }
  }
}

/// Splits a script into commands, joining continuation lines with "\n".
enum ScriptLines {
  struct Command: Equatable {
    /// 1-based number of the command's first line.
    var line: Int
    var text: String
  }

  static func commands(in text: String, continues: (String) -> Bool) -> [Command] {
    var lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
    ).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    if lines.last == "" { lines.removeLast() }
    var commands: [Command] = []
    var index = 0
    while index < lines.count {
      let first = index
      var joined = lines[index]
      index += 1
      while continues(joined) && index < lines.count {
        joined += "\n" + lines[index]
        index += 1
      }
      commands.append(Command(line: first + 1, text: joined))
    }
    return commands
  }
}
