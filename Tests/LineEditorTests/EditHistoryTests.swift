import Foundation
import Testing

@testable import LineEditor

@Suite struct EditHistoryTests {
  @Test(arguments: [
    "aws ecs list-clusters",
    "aws ecs create-cluster --cluster-name 'my demo'",
    "日本語 の コマンド",
    #"--container-definitions '[{"name":"web","portMappings":[{"containerPort":80}]}]'"#,
    "back\\slash and\ttab",
  ])
  func savedLinesComeBackUnchanged(line: String) throws {
    let path = temporaryDirectory() + "/history"
    let history = try #require(EditHistory())
    history.add("first")
    history.add(line)
    try history.save(to: path)

    let loaded = try #require(EditHistory())
    #expect(loaded.load(from: path))
    #expect(loaded.entries == ["first", line])
  }

  @Test func fileIsLibeditFormatWithPrivateMode() throws {
    let path = temporaryDirectory() + "/history"
    let history = try #require(EditHistory())
    history.add("aws ecs list-clusters")
    try history.save(to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "_HiStOrY_V2_\naws\\040ecs\\040list-clusters\n")
    #expect(permissions(of: path) == 0o600)
  }

  @Test func consecutiveDuplicatesAreDropped() throws {
    let history = try #require(EditHistory())
    for line in ["a", "a", "b", "a", "a"] { history.add(line) }
    #expect(history.entries == ["a", "b", "a"])
  }

  @Test(arguments: [
    (["x ", "  ", "", "x"], ["x"]),
    (["  y  "], ["  y"]),
  ])
  func trailingSpacesAndBlankLines(added: [String], expected: [String]) throws {
    let history = try #require(EditHistory())
    for line in added { history.add(line) }
    #expect(history.entries == expected)
  }

  @Test func oldestEntriesGoBeyondTheSize() throws {
    let history = try #require(EditHistory(size: 3))
    for line in ["1", "2", "3", "4", "5"] { history.add(line) }
    #expect(history.entries == ["3", "4", "5"])
  }

  @Test func missingFileLoadsEmpty() throws {
    let history = try #require(EditHistory())
    history.add("old")
    #expect(history.load(from: temporaryDirectory() + "/none"))
    #expect(history.entries.isEmpty)
  }

  @Test func saveIntoMissingFolderFailsWithErrno() throws {
    let path = temporaryDirectory() + "/missing/history"
    let history = try #require(EditHistory())
    history.add("x")
    #expect(throws: FileError(code: 2, path: path)) { try history.save(to: path) }
  }
}
