import Testing

@testable import ECSCommands

@Suite struct ShellLexerTests {
  @Test(
    arguments: [
      (
        "aws ecs list-tasks --cluster 'my cl", ["aws", "ecs", "list-tasks", "--cluster"], "my cl",
        "'my cl", "'" as Character?
      ),
      ("aws ecs ", ["aws", "ecs"], "", "", nil),
      ("aws ecs desc", ["aws", "ecs"], "desc", "desc", nil),
      (
        "aws \\\n  ecs --x \"a b\" c\\ d --y", ["aws", "ecs", "--x", "a b", "c d"], "--y", "--y",
        nil
      ),
      ("echo a | aws e", ["aws"], "e", "e", nil),
      ("X=1; aws ecs", ["aws"], "ecs", "ecs", nil),
      ("AWS_REGION=x aws ecs ", ["aws", "ecs"], "", "", nil),
      ("TD=$(aws ecs describe-task", ["aws", "ecs"], "describe-task", "describe-task", nil),
      ("echo \"$(aws ec", ["aws"], "ec", "ec", nil),
      (
        "aws ecs --query \"a[?b==", ["aws", "ecs", "--query"], "a[?b==", "\"a[?b==",
        "\"" as Character?
      ),
      ("aws # comment", ["aws"], "", "", nil),
      ("", [], "", "", nil),
      ("aws ecs x\\", ["aws", "ecs"], "x", "x\\", nil),
    ] as [(String, [String], String, String, Character?)])
  func splitsTheLineBeingTyped(
    _ text: String, _ words: [String], _ current: String, _ raw: String, _ quote: Character?
  ) {
    let p = ShellLexer.partialWords(text)
    #expect(p.words == words)
    #expect(p.current == current)
    #expect(p.currentRaw == raw)
    #expect(p.openQuote == quote)
    #expect(p.inQuote == (quote != nil))
  }
}
