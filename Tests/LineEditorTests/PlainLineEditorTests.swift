import Foundation
import Testing

@testable import LineEditor

@Suite struct PlainLineEditorTests {
  /// Reads every line from a file holding `bytes`, through a file descriptor like stdin.
  func readAll(_ bytes: [UInt8]) throws -> [String] {
    let path = temporaryDirectory() + "/input"
    try AtomicFile.write(path, contents: bytes)
    let fd = open(path, O_RDONLY)
    #expect(fd >= 0)
    defer { close(fd) }
    var editor = PlainLineEditor(fileDescriptor: fd)
    var lines: [String] = []
    while case .line(let line) = editor.readLine(prompt: "ignored $ ") { lines.append(line) }
    #expect(editor.readLine(prompt: "") == .eof)
    return lines
  }

  @Test(arguments: [
    ("a\nb\n", ["a", "b"]),
    ("a\nb", ["a", "b"]),
    ("a\r\nb\r\n", ["a", "b"]),
    ("\n\n", ["", ""]),
    ("", []),
    ("日本語\n\tcontrol\u{7}\u{1B}[A\n", ["日本語", "\tcontrol\u{7}\u{1B}[A"]),
  ])
  func splitsLines(input: String, expected: [String]) throws {
    #expect(try readAll(Array(input.utf8)) == expected)
  }

  @Test func invalidUTF8BecomesReplacementCharacters() throws {
    let lines = try readAll([0x61, 0xFF, 0xFE, 0x62, 0x0A, 0xE6, 0x97, 0x0A])
    #expect(lines == ["a\u{FFFD}\u{FFFD}b", "\u{FFFD}"])
  }

  @Test func keepsAOneMegabyteLineWhole() throws {
    let long = String(repeating: "x", count: 1 << 20)
    let lines = try readAll(Array((long + "\nnext\n").utf8))
    #expect(lines.map(\.count) == [1 << 20, 4])
  }

  @Test func readsGivenLinesThenEnds() {
    var editor = PlainLineEditor(lines: ["help", "exit"])
    #expect(editor.readLine(prompt: "$ ") == .line("help"))
    editor.addHistory("help")
    #expect(editor.readLine(prompt: "$ ") == .line("exit"))
    #expect(editor.readLine(prompt: "$ ") == .eof)
  }
}
