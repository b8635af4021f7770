/// One lesson source file handed in by the executable (the session never reads files).
public struct LessonFile: Sendable, Equatable {
  public var path: String
  public var text: String
  public init(path: String, text: String) {
    self.path = path
    self.text = text
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
/// ```swift
/// let library = try LessonLibrary.load(files: [LessonFile(path: "index.yaml", text: "lessons: [first-cluster]"), ...])
/// library.lessons.first?.id  // "first-cluster"
/// ```
public struct LessonLibrary: Sendable {
  public private(set) var lessons: [Lesson] = []
  /// The course's name from index.yaml (`title: {en, ja}`), shown above the lesson list.
  public private(set) var title: Localized?
  /// Classic mistakes the tutor names when AWS's words show them (diagnoses.yaml, optional).
  public private(set) var diagnoses: [Diagnosis] = []

  public init() {}

  public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }

  /// Parses index.yaml and the lesson files it names. `files` holds every file of the lessons
  /// folder by path relative to it (`index.yaml`, `first-cluster.yaml`, ...).
  public static func load(files: [LessonFile]) throws(LessonLoadErrors) -> LessonLibrary {
    var errors: [LessonLoadError] = []
    guard let indexFile = files.first(where: { $0.path == "index.yaml" }) else {
      throw LessonLoadErrors([
        LessonLoadError(
          path: "index.yaml", line: 1,
          message: "missing: the lessons folder needs an index.yaml listing the lessons in order")
      ])
    }
    var ids: [(String, Int)] = []
    var courseTitle: Localized?
    do {
      let index = try YAMLNode.parse(indexFile.text, path: indexFile.path)
      if index["title"] != nil {
        var decoder = LessonDecoder(path: indexFile.path)
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
    for (id, line) in ids {
      let path = id + ".yaml"
      guard let file = files.first(where: { $0.path == path }) else {
        errors.append(
          LessonLoadError(
            path: "index.yaml", line: line,
            message: "lesson '\(id)' is listed but \(path) does not exist"))
        continue
      }
      do {
        let root = try YAMLNode.parse(file.text, path: file.path)
        var decoder = LessonDecoder(path: file.path)
        let lesson = decoder.decodeLesson(root)
        errors += decoder.errors
        if let lesson {
          if lesson.id != id {
            errors.append(
              LessonLoadError(
                path: file.path, line: root["id"]?.line ?? 1,
                message: "id '\(lesson.id)' does not match the file name and index entry '\(id)'"))
          } else if library.lessons.contains(where: { $0.id == id }) {
            errors.append(
              LessonLoadError(
                path: "index.yaml", line: line, message: "lesson '\(id)' is listed twice"))
          } else if decoder.errors.isEmpty {
            library.lessons.append(lesson)
          }
        }
      } catch {
        errors.append(error)
      }
    }
    if let file = files.first(where: { $0.path == "diagnoses.yaml" }) {
      do {
        let root = try YAMLNode.parse(file.text, path: file.path)
        var decoder = LessonDecoder(path: file.path)
        library.diagnoses = decoder.decodeDiagnoses(root)
        errors += decoder.errors
      } catch {
        errors.append(error)
      }
    }
    if !errors.isEmpty { throw LessonLoadErrors(errors) }
    return library
  }
}
