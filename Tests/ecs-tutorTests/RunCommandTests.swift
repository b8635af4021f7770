import ECSTutor
import Testing

@testable import ecs_tutor

@Suite struct RunCommandTests {
  typealias Command = ScriptLines.Command

  @Test(arguments: [
    ("a\nb\n", [Command(line: 1, text: "a"), Command(line: 2, text: "b")]),
    (
      "a \\\n  --x 1 \\\n  --y 2\nb",
      [Command(line: 1, text: "a \\\n  --x 1 \\\n  --y 2"), Command(line: 4, text: "b")]
    ),
    ("a\r\nb\r\n", [Command(line: 1, text: "a"), Command(line: 2, text: "b")]),
    (
      "\n\nc",
      [Command(line: 1, text: ""), Command(line: 2, text: ""), Command(line: 3, text: "c")]
    ),
    ("dangling \\", [Command(line: 1, text: "dangling \\")]),
    ("", []),
  ])
  func scriptLines(text: String, expected: [Command]) {
    #expect(ScriptLines.commands(in: text, continues: { $0.hasSuffix("\\") }) == expected)
  }

  @Test(arguments: [
    ("aws ecs x \\\n  --y 1", "aws ecs x    --y 1"),
    ("echo 'a\nb'", "echo 'a b'"),
    ("plain", "plain"),
  ])
  func historyEntryIsOneLine(text: String, expected: String) {
    #expect(REPL.historyEntry(text) == expected)
  }
}
