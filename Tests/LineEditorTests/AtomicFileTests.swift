import Foundation
import Testing

@testable import LineEditor

@Suite struct AtomicFileTests {
  @Test(arguments: [(0o600, "{}"), (0o644, "日本語\n"), (0o600, "")])
  func writesContentsWithExactMode(mode: Int, text: String) throws {
    let path = temporaryDirectory() + "/file.json"
    try AtomicFile.write(path, contents: Array(text.utf8), mode: UInt32(mode))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    #expect(permissions(of: path) == mode)
  }

  @Test func replacesAndLeavesNoTemporaryFiles() throws {
    let folder = temporaryDirectory()
    let path = folder + "/progress.json"
    try AtomicFile.write(path, contents: Array("old, longer text".utf8))
    try AtomicFile.write(path, contents: Array("new".utf8))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["progress.json"])
  }

  @Test(arguments: [
    (2, "No such file or directory"),
    (13, "Permission denied"),
    (21, "Is a directory"),
  ])
  func errorsReadLikePython(code: Int32, text: String) {
    #expect(
      FileError(code: code, path: "x.json").description == "[Errno \(code)] \(text): 'x.json'")
  }

  @Test func makeDirectoriesCreatesParents() throws {
    let path = temporaryDirectory() + "/a/b/c"
    try AtomicFile.makeDirectories(path, mode: 0o700)
    try AtomicFile.makeDirectories(path, mode: 0o700)
    #expect(permissions(of: path) == 0o700)
  }
}
