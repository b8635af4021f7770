import ECSCommands
import ECSTutor
import Foundation
import LineEditor

/// The real file system for `file://` values and exports, relative to the working directory.
struct FileSystemFiles: FileAccess {
  func read(_ path: String) throws(FileAccessError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw FileAccessError("[Errno 2] No such file or directory: '\(path)'")
    }
    if isDirectory.boolValue { throw FileAccessError("[Errno 21] Is a directory: '\(path)'") }
    guard FileManager.default.isReadableFile(atPath: path),
      let data = FileManager.default.contents(atPath: path)
    else { throw FileAccessError("[Errno 13] Permission denied: '\(path)'") }
    return try Self.decodeUTF8(Array(data))
  }

  func write(_ path: String, _ contents: String) throws(FileAccessError) {
    do {
      try AtomicFile.write(path, contents: Array(contents.utf8), mode: 0o644)
    } catch {
      throw FileAccessError(error.description)
    }
  }

  /// UTF-8 text, or Python's complaint about the first bad byte.
  static func decodeUTF8(_ bytes: [UInt8]) throws(FileAccessError) -> String {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return String(decoding: bytes, as: UTF8.self)
      case .error(let length):
        let byte = bytes[offset]
        let hex = String(byte, radix: 16)
        let reason =
          byte >= 0x80 && byte < 0xC2 || byte > 0xF4
          ? "invalid start byte" : "invalid continuation byte"
        _ = length
        throw FileAccessError(
          "'utf-8' codec can't decode byte 0x\(hex.count == 1 ? "0" + hex : hex) in position \(offset): \(reason)"
        )
      }
    }
  }
}

/// Where ecs-tutor keeps its state: `$XDG_STATE_HOME/ecs-tutor`, default `~/.local/state/ecs-tutor`.
struct StatePaths {
  var directory: String

  /// Nil when neither XDG_STATE_HOME (absolute) nor HOME is set.
  init?(environment: [String: String]) {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      directory = state + "/ecs-tutor"
    } else if let home = environment["HOME"], !home.isEmpty {
      directory = home + "/.local/state/ecs-tutor"
    } else {
      return nil
    }
  }

  var history: String { directory + "/history" }
  var progress: String { directory + "/progress.json" }

  /// Creates the folder (mode 0700) if it is missing.
  func prepare() throws(FileError) { try AtomicFile.makeDirectories(directory, mode: 0o700) }
}

/// progress.json: pretty JSON with sorted keys, mode 0600, replaced atomically. It holds, per
/// lesson, the lines typed in it, replayed on resume; a file of an older version is read, kept
/// as `progress.json.vN` and saved again in the current version.
struct ProgressStore {
  var path: String

  /// The saved progress; a file that cannot be read is moved aside to
  /// `progress.json.unreadable-N` and reported in `movedTo`.
  func load() -> (progress: ECSTutor.Progress, movedTo: String?) {
    guard FileManager.default.fileExists(atPath: path) else { return (ECSTutor.Progress(), nil) }
    if let data = FileManager.default.contents(atPath: path),
      var progress = try? JSONDecoder().decode(Progress.self, from: data)
    {
      if progress.version < Progress.currentVersion {
        // An older release's file: keep it beside the new one (`progress.json.v1`) before the
        // next save replaces it in the current version.
        let kept = "\(path).v\(progress.version)"
        if !FileManager.default.fileExists(atPath: kept) {
          try? AtomicFile.write(kept, contents: Array(data), mode: 0o600)
        }
        progress.version = Progress.currentVersion
      }
      return (progress, nil)
    }
    var n = 1
    while FileManager.default.fileExists(atPath: "\(path).unreadable-\(n)") { n += 1 }
    let aside = "\(path).unreadable-\(n)"
    do {
      try FileManager.default.moveItem(atPath: path, toPath: aside)
    } catch {
      return (ECSTutor.Progress(), path)
    }
    return (ECSTutor.Progress(), aside)
  }

  func save(_ progress: ECSTutor.Progress) throws(FileError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(progress) else { return }
    try AtomicFile.write(path, contents: Array(data) + [UInt8(ascii: "\n")], mode: 0o600)
  }
}

/// Finding and reading the lessons folder.
enum LessonSource {
  enum Result {
    case loaded(LessonLibrary)
    case notFound
    /// Every problem, one `file:line: message` per line.
    case failed(String)
  }

  /// Loads the library from `option`, else $ECS_TUTOR_LESSONS, else the installed or package copy.
  /// `eager` parses every file now (`lessons verify`); otherwise only index.yaml is parsed now
  /// and each lesson file when it is first used.
  static func loadLibrary(option: String?, eager: Bool = false) -> Result {
    let environment = ProcessInfo.processInfo.environment
    let explicit = option ?? environment["ECS_TUTOR_LESSONS"].flatMap { $0.isEmpty ? nil : $0 }
    let folder: String
    if let explicit {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: explicit, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return .failed("ecs-tutor: lessons folder not found: \(explicit)") }
      folder = explicit
    } else {
      guard let found = findFolder() else { return .notFound }
      folder = found
    }
    let source = FolderLessonSource(folder: folder)
    do {
      return .loaded(
        try eager ? LessonLibrary.load(source: source) : LessonLibrary.index(source: source))
    } catch {
      let lines = error.errors.map { "\(folder)/\($0.description)" }
      return .failed(lines.joined(separator: "\n"))
    }
  }

  /// `<prefix>/share/ecs-tutor/lessons` beside the installed binary, else a `lessons/index.yaml`
  /// found walking up from the binary and from the working directory.
  static func findFolder() -> String? {
    let binary = Bundle.main.executableURL?.resolvingSymlinksInPath()
    let binaryDirectory = binary?.deletingLastPathComponent()
    if let binaryDirectory {
      let installed = binaryDirectory.deletingLastPathComponent()
        .appendingPathComponent("share/ecs-tutor/lessons")
      if FileManager.default.fileExists(atPath: installed.path) { return installed.path }
    }
    let starts = [binaryDirectory, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    for start in starts.compactMap({ $0 }) {
      var directory = start.standardizedFileURL
      while true {
        let candidate = directory.appendingPathComponent("lessons")
        if FileManager.default.fileExists(
          atPath: candidate.appendingPathComponent("index.yaml").path)
        {
          return candidate.path
        }
        let parent = directory.deletingLastPathComponent()
        if parent.path == directory.path { break }
        directory = parent
      }
    }
    return nil
  }
}

/// The lessons folder, each file read when the library first asks for it (start-up reads
/// index.yaml alone).
struct FolderLessonSource: LessonFileSource {
  var folder: String
  func read(_ path: String) throws(LessonLoadError) -> String? {
    let full = folder + "/" + path
    guard FileManager.default.fileExists(atPath: full) else { return nil }
    do {
      return try FileSystemFiles().read(full)
    } catch {
      throw LessonLoadError(path: path, line: 1, message: "cannot be read: \(error.message)")
    }
  }
}
