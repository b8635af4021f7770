import Synchronization

/// One lesson source file handed in by the executable (the session never reads files).
public struct LessonFile: Sendable, Equatable {
  public var path: String
  public var text: String
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// Where the lesson files come from: the executable reads the folder on demand; tests and
/// `load(files:)` hand the texts in. `read` returns nil for a file that does not exist and
/// throws for one that cannot be read.
public protocol LessonFileSource: Sendable {
  func read(_ path: String) throws(LessonLoadError) -> String?
}

/// Lesson files already in memory.
public struct LessonFilesInMemory: LessonFileSource {
  public var files: [LessonFile]
  public init(_ files: [LessonFile]) { self.files = files }
  public func read(_ path: String) throws(LessonLoadError) -> String? {
    files.first { $0.path == path }?.text
  }
}

/// A problem in a lesson file, located as `file:line: message`.
public struct LessonLoadError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var message: String
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }
  public var description: String { "\(path):\(line): \(message)" }
}

/// All problems found while loading, so an author sees them at once.
public struct LessonLoadErrors: Error, Sendable, Equatable {
  public var errors: [LessonLoadError]
  public init(_ errors: [LessonLoadError]) { self.errors = errors }
}

/// Every lesson, in the order of index.yaml.
///
/// `load(files:)` parses every file at once (for `lessons verify` and tests); `index(files:)`
/// parses only index.yaml and each lesson's file when it is first asked for, so the tutor starts
/// without parsing lessons it does not show.
///
/// ```swift
/// let library = try LessonLibrary.load(files: [LessonFile(path: "index.yaml", text: "lessons: [first-cluster]"), ...])
/// library.lessons.first?.id  // "first-cluster"
/// ```
public struct LessonLibrary: Sendable {
  /// The lesson ids of index.yaml, in order.
  public private(set) var ids: [String] = []
  /// The course's name from index.yaml (`title: {en, ja}`), shown above the lesson list.
  public private(set) var title: Localized?
  private var store = LessonStore(source: LessonFilesInMemory([]))

  public init() {}

  /// Every lesson that loads, in index order (parses the ones not parsed yet).
  public var lessons: [Lesson] { ids.compactMap { lesson($0) } }

  /// The lesson `id`, parsed on first use; nil when it is not listed or its file has problems
  /// (`problems(id)` says which).
  public func lesson(_ id: String) -> Lesson? {
    guard ids.contains(id) else { return nil }
    return try? store.lesson(id).get()
  }

  /// What is wrong with lesson `id`'s file, `file:line: message` each; empty when it loads.
  public func problems(_ id: String) -> [LessonLoadError] {
    guard ids.contains(id), case .failure(let e) = store.lesson(id) else { return [] }
    return e.errors
  }

  /// The text of a file of the lessons folder (`quizzes/roles.yaml`), nil when it does not exist.
  func file(_ path: String) throws(LessonLoadError) -> String? { try store.text(path) }

  /// Classic mistakes the tutor names when AWS's words show them (diagnoses.yaml, optional),
  /// parsed on first use.
  public var diagnoses: [Diagnosis] { (try? store.diagnoses().get()) ?? [] }

  /// Parses index.yaml and every lesson file it names, and diagnoses.yaml; all problems at once.
  /// `files` holds every file of the lessons folder by path relative to it (`index.yaml`,
  /// `first-cluster.yaml`, ...).
  public static func load(files: [LessonFile]) throws(LessonLoadErrors) -> LessonLibrary {
    try load(source: LessonFilesInMemory(files))
  }

  /// As `load(files:)`, reading the files from `source`.
  public static func load(source: any LessonFileSource) throws(LessonLoadErrors) -> LessonLibrary {
    var (library, errors) = readIndex(source: source)
    for id in library.ids { errors += library.problems(id) }
    if case .failure(let e) = library.store.diagnoses() { errors += e.errors }
    if !errors.isEmpty { throw LessonLoadErrors(errors) }
    return library
  }

  /// Parses index.yaml only and checks that every listed lesson has a file; the lesson files and
  /// diagnoses.yaml are parsed when first used.
  public static func index(files: [LessonFile]) throws(LessonLoadErrors) -> LessonLibrary {
    try index(source: LessonFilesInMemory(files))
  }

  /// As `index(files:)`, reading each file from `source` when it is first needed.
  public static func index(source: any LessonFileSource) throws(LessonLoadErrors) -> LessonLibrary {
    let (library, errors) = readIndex(source: source)
    if !errors.isEmpty { throw LessonLoadErrors(errors) }
    return library
  }

  private static func readIndex(source: any LessonFileSource) -> (LessonLibrary, [LessonLoadError])
  {
    var errors: [LessonLoadError] = []
    let indexText: String?
    do {
      indexText = try source.read("index.yaml")
    } catch {
      return (LessonLibrary(), [error])
    }
    guard let indexText else {
      let missing = LessonLoadError(
        path: "index.yaml", line: 1,
        message: "missing: the lessons folder needs an index.yaml listing the lessons in order")
      return (LessonLibrary(), [missing])
    }
    var ids: [(String, Int)] = []
    var courseTitle: Localized?
    do {
      let index = try YAMLNode.parse(indexText, path: "index.yaml")
      if index["title"] != nil {
        var decoder = LessonDecoder(path: "index.yaml")
        courseTitle = decoder.localized(index, "title", required: false)
        errors += decoder.errors
      }
      if let list = index["lessons"], case .list(let items) = list.value {
        for item in items {
          if let id = item.string {
            ids.append((id, item.line))
          } else {
            errors.append(
              LessonLoadError(
                path: "index.yaml", line: item.line,
                message: "each entry of 'lessons' is a lesson id"))
          }
        }
      } else {
        errors.append(
          LessonLoadError(
            path: "index.yaml", line: index.line,
            message: "index.yaml needs 'lessons:', a list of lesson ids in order"))
      }
    } catch {
      errors.append(error)
    }
    var library = LessonLibrary()
    library.title = courseTitle
    let store = LessonStore(source: source)
    for (id, line) in ids {
      let path = id + ".yaml"
      let exists: Bool
      do {
        exists = try store.text(path) != nil
      } catch {
        errors.append(error)
        continue
      }
      if !exists {
        errors.append(
          LessonLoadError(
            path: "index.yaml", line: line,
            message: "lesson '\(id)' is listed but \(path) does not exist"))
      } else if library.ids.contains(id) {
        errors.append(
          LessonLoadError(path: "index.yaml", line: line, message: "lesson '\(id)' is listed twice")
        )
      } else {
        library.ids.append(id)
      }
    }
    library.store = store
    return (library, errors)
  }
}

/// The lesson files' texts and what has been parsed of them. Shared by the copies of a library
/// (a session is a value; parsing once serves them all); every parse is a pure function of the
/// text, so when it happens changes nothing but the time it takes.
private final class LessonStore: Sendable {
  let source: any LessonFileSource
  private let texts = Mutex<[String: Result<String?, LessonLoadError>]>([:])
  private let parsed = Mutex<[String: Result<Lesson, LessonLoadErrors>]>([:])
  private let parsedDiagnoses = Mutex<Result<[Diagnosis], LessonLoadErrors>?>(nil)

  init(source: any LessonFileSource) { self.source = source }

  /// The text of `path`, read once: nil when the file does not exist.
  func text(_ path: String) throws(LessonLoadError) -> String? {
    if let known = texts.withLock({ $0[path] }) { return try known.get() }
    let result = Result { () throws(LessonLoadError) in try source.read(path) }
    texts.withLock { $0[path] = result }
    return try result.get()
  }

  func lesson(_ id: String) -> Result<Lesson, LessonLoadErrors> {
    if let done = parsed.withLock({ $0[id] }) { return done }
    let result = parse(id)
    parsed.withLock { $0[id] = result }
    return result
  }

  private func parse(_ id: String) -> Result<Lesson, LessonLoadErrors> {
    let path = id + ".yaml"
    do {
      guard let text = try text(path) else {
        return .failure(
          LessonLoadErrors([LessonLoadError(path: path, line: 1, message: "file missing")]))
      }
      let root = try YAMLNode.parse(text, path: path)
      var decoder = LessonDecoder(path: path)
      let lesson = decoder.decodeLesson(root)
      var errors = decoder.errors
      if let lesson, lesson.id != id {
        errors.append(
          LessonLoadError(
            path: path, line: root["id"]?.line ?? 1,
            message: "id '\(lesson.id)' does not match the file name and index entry '\(id)'"))
      }
      guard let lesson, errors.isEmpty else {
        return .failure(LessonLoadErrors(errors))
      }
      return .success(lesson)
    } catch {
      return .failure(LessonLoadErrors([error]))
    }
  }

  func diagnoses() -> Result<[Diagnosis], LessonLoadErrors> {
    if let done = parsedDiagnoses.withLock({ $0 }) { return done }
    var result: Result<[Diagnosis], LessonLoadErrors> = .success([])
    do {
      if let text = try text("diagnoses.yaml") {
        let root = try YAMLNode.parse(text, path: "diagnoses.yaml")
        var decoder = LessonDecoder(path: "diagnoses.yaml")
        let found = decoder.decodeDiagnoses(root)
        result =
          decoder.errors.isEmpty ? .success(found) : .failure(LessonLoadErrors(decoder.errors))
      }
    } catch {
      result = .failure(LessonLoadErrors([error]))
    }
    parsedDiagnoses.withLock { $0 = result }
    return result
  }
}
