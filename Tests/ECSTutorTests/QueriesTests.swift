import ECSModel
import Foundation
import Testing

@testable import ECSTutor

@Suite struct QueriesTests {
  /// lessons/README.md lists the selectors; the list must be the table's.
  @Test func theLessonFormatListsEverySelector() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lessons/README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let start = try #require(text.range(of: "\nSelectors ("))
    let end = try #require(text.range(of: "\n\n", range: start.upperBound..<text.endIndex))
    let paragraph = text[start.upperBound..<end.lowerBound]
    let listed = paragraph.split(separator: "`", omittingEmptySubsequences: false)
      .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
      .filter { !$0.contains("/") }
    #expect(Set(listed) == Queries.kinds, "README lists \(listed.sorted())")
  }

  /// Every selector has a Japanese name (the English one may be the kind itself, `clusters`):
  /// a new selector without one would show its bare kind.
  @Test func everySelectorHasAJapaneseName() {
    for kind in Queries.kinds.sorted() {
      let name = Queries.describe(Selector(kind: kind, params: ["name": "x"]), .ja)
      #expect(name != kind, "\(kind) has no Japanese name")
    }
  }
}
