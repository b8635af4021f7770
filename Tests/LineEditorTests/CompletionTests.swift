import Testing

@testable import LineEditor

@Suite struct CompletionTests {
  @Test(arguments: [
    ("aws ecs reg", 11, "reg"),
    ("aws ecs reg", 7, "ecs"),
    ("aws ecs ", 8, ""),
    ("aws\tecs", 7, "ecs"),
    ("日本 語", 10, "語"),
    ("x", 99, "x"),
  ])
  func wordBeforeCursor(line: String, cursor: Int, word: String) {
    #expect(TabCompletion.word(in: line, cursorByteOffset: cursor) == word)
  }

  @Test(arguments: [
    (
      "reg", ["register-task-definition"], false,
      TabCompletion.Action.insert("ister-task-definition ")
    ),
    ("--fam", ["--family"], false, .insert("ily ")),
    ("--network-configuration", ["--network-configuration"], false, .insert(" ")),
    ("name", ["name="], false, .insert("=")),
    ("name=", ["name="], false, .beep),
    (
      "Reg", ["register-task-definition"], false,
      .replace(deleting: 3, with: "register-task-definition ")
    ),
    ("list-", ["list-clusters", "list-services"], false, .beep),
    (
      "list-", ["list-clusters", "list-services"], true, .list(["list-clusters", "list-services"])
    ),
    ("l", ["list-clusters", "list-services"], false, .insert("ist-")),
    ("x", [], true, .beep),
    ("a", ["ab", "ab"], false, .insert("b ")),
  ])
  func tabAction(word: String, candidates: [String], repeated: Bool, action: TabCompletion.Action) {
    #expect(TabCompletion.action(word: word, candidates: candidates, repeated: repeated) == action)
  }

  @Test func columnsFitTheWidth() {
    let rows = TabCompletion.columns(["aa", "bb", "cc", "dd", "ee"], width: 12)
    #expect(rows == ["aa  cc  ee", "bb  dd"])
    #expect(TabCompletion.columns(["one"], width: 1) == ["one"])
  }
}
