import ECSCommands
import ECSTutor
import Foundation
import Testing

@testable import ecs_tutor

@Suite struct FilesTests {
  func folder() -> String {
    let path = NSTemporaryDirectory() + "/ecs-tutor-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func readsAndWritesFiles() throws {
    let path = folder() + "/td.json"
    try FileSystemFiles().write(path, "{\"family\": \"web\"}\n")
    #expect(try FileSystemFiles().read(path) == "{\"family\": \"web\"}\n")
  }

  @Test func readErrorsAreWordedLikePython() {
    let dir = folder()
    #expect(throws: FileAccessError("[Errno 2] No such file or directory: 'nope.json'")) {
      try FileSystemFiles().read("nope.json")
    }
    #expect(throws: FileAccessError("[Errno 21] Is a directory: '\(dir)'")) {
      try FileSystemFiles().read(dir)
    }
    #expect(throws: FileAccessError("[Errno 2] No such file or directory: '\(dir)/no/x.json'")) {
      try FileSystemFiles().write(dir + "/no/x.json", "{}")
    }
  }

  @Test(
    arguments: [
      ([0x61, 0xFF], "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"),
      (
        [0xE6, 0x41],
        "'utf-8' codec can't decode byte 0xe6 in position 0: invalid continuation byte"
      ),
      ([0x80], "'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte"),
    ] as [([UInt8], String)])
  func invalidUTF8IsReported(bytes: [UInt8], message: String) {
    #expect(throws: FileAccessError(message)) { try FileSystemFiles.decodeUTF8(bytes) }
  }

  @Test(arguments: [
    (["XDG_STATE_HOME": "/s", "HOME": "/h"], "/s/ecs-tutor"),
    (["XDG_STATE_HOME": "relative", "HOME": "/h"], "/h/.local/state/ecs-tutor"),
    (["HOME": "/h"], "/h/.local/state/ecs-tutor"),
    ([:], nil),
  ])
  func statePaths(environment: [String: String], directory: String?) {
    #expect(StatePaths(environment: environment)?.directory == directory)
  }

  @Test func progressRoundTripsAsSortedPrettyJSON() throws {
    let store = ProgressStore(path: folder() + "/progress.json")
    var progress = ECSTutor.Progress()
    progress.currentLesson = "first-cluster"
    progress.language = .ja
    progress.lessons["first-cluster"] = LessonProgress()
    try store.save(progress)
    let loaded = store.load()
    #expect(loaded.progress == progress)
    #expect(loaded.movedTo == nil)
    let text = try String(contentsOfFile: store.path, encoding: .utf8)
    #expect(text.hasPrefix("{\n  \"currentLesson\" : \"first-cluster\",\n  \"language\" : \"ja\","))
    #expect(
      (try FileManager.default.attributesOfItem(atPath: store.path))[.posixPermissions] as? Int
        == 0o600)
  }

  @Test func unreadableProgressIsMovedAsideToTheFirstFreeName() throws {
    let store = ProgressStore(path: folder() + "/progress.json")
    try "not json".write(toFile: store.path, atomically: true, encoding: .utf8)
    try "older".write(toFile: store.path + ".unreadable-1", atomically: true, encoding: .utf8)
    let loaded = store.load()
    #expect(loaded.progress == ECSTutor.Progress())
    #expect(loaded.movedTo == store.path + ".unreadable-2")
    #expect(try String(contentsOfFile: store.path + ".unreadable-2", encoding: .utf8) == "not json")
    #expect(!FileManager.default.fileExists(atPath: store.path))
  }

  @Test func aVersion1ProgressFileIsMigratedAndKept() throws {
    let store = ProgressStore(path: folder() + "/progress.json")
    let v1 = """
      {"currentLesson": "first-cluster", "version": 1, "lessons": {"first-cluster":
        {"step": 2, "solved": ["create-cluster", "register-task-definition"],
         "solvedWithHelp": [], "hintsUsed": {}, "completed": false}}}
      """
    try v1.write(toFile: store.path, atomically: true, encoding: .utf8)
    let loaded = store.load()
    #expect(loaded.movedTo == nil)
    #expect(loaded.progress.version == ECSTutor.Progress.currentVersion)
    let lesson = try #require(loaded.progress.lessons["first-cluster"])
    #expect(lesson.step == 2)
    #expect(lesson.typed == [])
    // Nothing was typed since version 1 knew of: the world is rebuilt up to the saved step.
    #expect(lesson.typedFrom == 2)
    #expect(try String(contentsOfFile: store.path + ".v1", encoding: .utf8) == v1)
  }

  @Test func missingProgressStartsFresh() {
    let loaded = ProgressStore(path: folder() + "/progress.json").load()
    #expect(loaded.progress == ECSTutor.Progress())
    #expect(loaded.movedTo == nil)
  }

  /// The folder is read file by file as the library asks: a missing file is nil, a file that is
  /// not UTF-8 is an error naming it, a subfolder's file is found by its relative path.
  @Test func lessonFilesAreReadOnDemand() throws {
    let dir = folder()
    try FileManager.default.createDirectory(
      atPath: dir + "/quizzes", withIntermediateDirectories: true)
    for (path, text) in [("index.yaml", "lessons: []"), ("quizzes/q.yaml", "q: 1")] {
      try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
    }
    FileManager.default.createFile(atPath: dir + "/bad.yaml", contents: Data([0x69, 0x64, 0xFF]))
    let source = FolderLessonSource(folder: dir)
    #expect(try source.read("index.yaml") == "lessons: []")
    #expect(try source.read("quizzes/q.yaml") == "q: 1")
    #expect(try source.read("missing.yaml") == nil)
    #expect(throws: LessonLoadError.self) { try source.read("bad.yaml") }
  }

  @Test func explicitMissingLessonsFolderFails() {
    guard case .failed(let message) = LessonSource.loadLibrary(option: "/no/such/lessons") else {
      Issue.record("expected a failure")
      return
    }
    #expect(message == "ecs-tutor: lessons folder not found: /no/such/lessons")
  }
}
