import Testing

@testable import ECSCommands

@Suite struct CloseMatchesTests {
  // Expected lists from Python's difflib.get_close_matches.
  @Test(
    arguments: [
      (
        "create-servic", ["create-service", "delete-service", "create-cluster"], 0.8,
        ["create-service"]
      ),
      (
        "describe-service",
        ["describe-services", "describe-clusters", "describe-tasks", "describe-task-definition"],
        0.8,
        ["describe-services"]
      ),
      ("lst-clusters", ["list-clusters", "list-services", "list-tasks"], 0.8, ["list-clusters"]),
      ("ab", ["ba", "ab "], 0.5, ["ab ", "ba"]),
      ("aaa", ["aab", "aba", "baa"], 0.5, ["baa", "aba", "aab"]),
    ] as [(String, [String], Double, [String])])
  func matchesDifflib(word: String, candidates: [String], cutoff: Double, expected: [String]) {
    #expect(CloseMatches.find(word, in: candidates, cutoff: cutoff) == expected)
  }
}
