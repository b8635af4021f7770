import ECSTutor
import Testing

@testable import ecs_tutor

@Suite struct RendererTests {
  @Test(arguments: [
    ("Run **now**.", Output.Style.plain, "Run now."),
    ("Type `aws ecs list-clusters`.", .plain, "Type `aws ecs list-clusters`."),
    ("Created.", .success, "✓ Created."),
    ("✓ Created.", .success, "✓ Created."),
    ("**unclosed", .hint, "**unclosed"),
    ("a ** b", .plain, "a ** b"),
    ("    code **stays**", .plain, "    code **stays**"),
    ("line one\n**two**", .heading, "line one\ntwo"),
    ("crlf\r\n**two**", .plain, "crlf\ntwo"),
    // A partial check's met items already carry their mark: no `✓   ✓`.
    ("  ✓ cluster demo exists", .success, "  ✓ cluster demo exists"),
    // Single-asterisk emphasis is never printed with its asterisks.
    ("the CLI's *shorthand syntax*", .plain, "the CLI's shorthand syntax"),
    ("CLI の*短縮構文*です", .plain, "CLI の短縮構文です"),
    ("2 * 3 * 4", .plain, "2 * 3 * 4"),
    ("ls *.log *.txt", .plain, "ls *.log *.txt"),
    ("`a*b*c`", .plain, "`a*b*c`"),
  ])
  func plainText(text: String, style: Output.Style, expected: String) {
    #expect(Renderer(color: false, width: nil).tutor(text, style: style) == expected)
  }

  @Test(arguments: [
    ("ok", Output.Style.success, "\u{1B}[32m✓ ok\u{1B}[0m"),
    ("no", .failure, "\u{1B}[31mno\u{1B}[0m"),
    ("try", .hint, "\u{1B}[33mtry\u{1B}[0m"),
    ("Step", .heading, "\u{1B}[1mStep\u{1B}[0m"),
    ("aside", .dim, "\u{1B}[90maside\u{1B}[0m"),
    ("a **b** c", .plain, "a \u{1B}[1mb\u{1B}[0m c"),
    ("`x`", .plain, "\u{1B}[36mx\u{1B}[0m"),
    ("`x` y", .hint, "\u{1B}[33m\u{1B}[36mx\u{1B}[0m\u{1B}[33m y\u{1B}[0m"),
  ])
  func colouredText(text: String, style: Output.Style, expected: String) {
    #expect(Renderer(color: true, width: nil).tutor(text, style: style) == expected)
  }

  @Test func wrapsToTheWidthKeepingCodeSpansWhole() {
    let text = "Then run `aws ecs list-tasks --cluster demo` to see them all."
    let lines = Renderer(color: false, width: 30).tutor(text, style: .plain)
    #expect(
      lines.split(separator: "\n") == [
        "Then run", "`aws ecs list-tasks --cluster demo`", "to see them all.",
      ])
  }

  @Test func colouredWrappingMeasuresVisibleText() {
    let lines = Renderer(color: true, width: 12).tutor("**bold** word more", style: .plain)
    #expect(lines == "\u{1B}[1mbold\u{1B}[0m word\nmore")
  }

  @Test func checkLinesWrapUnderTheirArrow() {
    let text = "  ✗ goal\n      → ホストポートを 0 にすると、ECS がタスクごとにポートを選びます。"
    let lines = Renderer(color: false, width: 40).tutor(text, style: .failure)
    #expect(
      lines.split(separator: "\n") == [
        "  ✗ goal", "      → ホストポートを 0 にすると、ECS",
        "        がタスクごとにポートを選びます。",
      ])
  }

  @Test func withoutWidthNothingWraps() {
    let long = String(repeating: "word ", count: 50)
    #expect(Renderer(color: false, width: nil).tutor(long, style: .plain) == long)
  }
}
