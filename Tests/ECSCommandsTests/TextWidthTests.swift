import Testing

@testable import ECSCommands

@Suite struct TextWidthTests {
  @Test(arguments: [
    ("", 0),
    ("abc", 3),
    ("タスク定義", 10),
    ("ｱｲｳ", 3),  // half-width katakana
    ("ＡＢ", 4),  // fullwidth Latin
    ("日本語 abc", 10),
    ("、。「」", 8),
    ("e\u{301}", 1),  // e + combining acute
    ("\u{301}", 0),
    ("👍", 2),
    ("✓", 1),
    ("✅", 2),
    ("한국어", 6),
    ("\u{1B}[1mbold\u{1B}[0m", 4),
    ("\u{1B}[36m`code`\u{1B}[0m", 6),
    ("tab\there", 7),  // control characters take no columns
    ("a\u{200B}b", 2),
  ])
  func columns(text: String, expected: Int) {
    #expect(TextWidth.columns(of: text) == expected)
  }

  @Test(arguments: [
    ("short line", 20, ["short line"]),
    ("one two three four", 9, ["one two", "three", "four"]),
    ("one two three four", 13, ["one two three", "four"]),
    ("  indented text wraps here", 14, ["  indented", "  text wraps", "  here"]),
    ("- bullet item wraps", 10, ["- bullet", "  item", "  wraps"]),
    ("  • point with more", 12, ["  • point", "    with", "    more"]),
    ("    code lines are never wrapped", 10, ["    code lines are never wrapped"]),
    ("averyveryverylongword x", 5, ["averyveryverylongword", "x"]),
    ("a\nb c d", 3, ["a", "b c", "d"]),
    ("a b\r\nc", 1, ["a", "b", "c"]),
    ("", 10, [""]),
  ])
  func wrapsEnglish(text: String, width: Int, expected: [String]) {
    #expect(TextWidth.wrap(text, width: width) == expected)
  }

  @Test(arguments: [
    // Japanese has no spaces: break between wide characters.
    ("タスク定義を登録します", 10, ["タスク定義", "を登録しま", "す"]),
    // Closing punctuation stays with the character before it.
    ("あいうえ。かきく", 8, ["あいう", "え。かき", "く"]),
    ("タスク定義（task definition）を作る", 16, ["タスク定義（task", "definition）を作", "る"]),
    // Opening brackets stay with what follows.
    ("あいう「えお」", 8, ["あいう", "「えお」"]),
    ("- 箇条書きの項目です", 10, ["- 箇条書き", "  の項目で", "  す"]),
  ])
  func wrapsJapanese(text: String, width: Int, expected: [String]) {
    let lines = TextWidth.wrap(text, width: width)
    #expect(lines == expected)
  }

  @Test func wrappedLinesFitTheWidth() {
    let text = "ホストポートを動的にしたリビジョン2を登録しましょう。ALB は target group の port を使います。"
    for width in 6...40 {
      for line in TextWidth.wrap(text, width: width) {
        #expect(TextWidth.columns(of: line) <= width, "width \(width): \(line)")
      }
      #expect(
        TextWidth.wrap(text, width: width).joined().filter { $0 != " " }
          == text.filter { $0 != " " })
    }
  }

  @Test func escapeSequencesDoNotCountAndStayWhole() {
    let bold = "\u{1B}[1mbold\u{1B}[0m"
    let lines = TextWidth.wrap("some \(bold) words here", width: 9)
    #expect(lines == ["some \(bold)", "words", "here"])
  }
}
