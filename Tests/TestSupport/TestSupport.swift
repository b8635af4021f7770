import ECSCommands
import ECSTutor
import Foundation
import Synchronization

/// The repository's own lessons folder, read the way the executable reads it.
public func repositoryLessons() throws -> LessonLibrary {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("lessons")
  var files: [LessonFile] = []
  let names = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter {
    $0.hasSuffix(".yaml")
  }
  for name in names.sorted() {
    let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    files.append(LessonFile(path: name, text: text))
  }
  return try LessonLibrary.load(files: files)
}

/// A writable in-memory file system for tests of `file://` and progress export.
public final class TestFiles: FileAccess {
  let storage: Mutex<[String: String]>
  public init(_ files: [String: String] = [:]) { storage = Mutex(files) }
  public func read(_ path: String) throws(FileAccessError) -> String {
    guard let text = storage.withLock({ $0[path] }) else {
      throw FileAccessError("[Errno 2] No such file or directory: '\(path)'")
    }
    return text
  }
  public func write(_ path: String, _ contents: String) throws(FileAccessError) {
    storage.withLock { $0[path] = contents }
  }
  public subscript(path: String) -> String? { storage.withLock { $0[path] } }
}

extension Array where Element == Output {
  /// Everything said, joined, for `contains` checks.
  public var text: String { map(\.text).joined(separator: "\n") }
  public var stdout: String { filter { $0.kind == .stdout }.map(\.text).joined() }
  public var stderr: String { filter { $0.kind == .stderr }.map(\.text).joined() }
}
