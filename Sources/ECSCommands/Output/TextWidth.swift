/// Display width of text in a terminal, and wrapping by that width. East Asian Wide and Fullwidth
/// characters (CJK, kana, fullwidth forms, most emoji) take two columns, combining marks none, and
/// ANSI escape sequences (`\u{1B}[1m`) none.
///
/// ```swift
/// TextWidth.columns(of: "タスク定義") // 10
/// TextWidth.wrap("- one two three", width: 9) // ["- one two", "  three"]
/// ```
public enum TextWidth {
  /// Columns `text` takes on one terminal line.
  public static func columns(of text: String) -> Int {
    var total = 0
    var escape = EscapeState.none
    for character in text {
      if escape.consume(character) { continue }
      total += columns(of: character)
    }
    return total
  }

  /// Columns one character takes.
  public static func columns(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    let value = first.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if scalars.allSatisfy(isZeroWidth) { return 0 }
    if isWide(value) { return 2 }
    let properties = first.properties
    if properties.isEmojiPresentation { return 2 }
    if properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) && value > 0xFF {
      return 2
    }
    return 1
  }

  /// Wraps every line of `text` longer than `width` columns: at spaces, or between wide
  /// characters (Japanese has no spaces), never before closing punctuation like `。` or `）`.
  /// Continuation lines keep the line's indent, plus 2 after a bullet (`- `, `• `, `→ `, `✗ `,
  /// `✓ `, `· `). Lines indented 4 or more spaces (code) are kept whole unless `codeIndent` is
  /// false (a `check` report indents its prose), as is a word longer than the width.
  public static func wrap(_ text: String, width: Int, codeIndent: Bool = true) -> [String] {
    var result: [String] = []
    for line in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    {
      result.append(
        contentsOf: wrapLine(String(line), width: max(width, 1), codeIndent: codeIndent))
    }
    return result
  }

  private static func wrapLine(_ line: String, width: Int, codeIndent: Bool) -> [String] {
    let indent = line.prefix { $0 == " " }.count
    if (indent >= 4 && codeIndent) || columns(of: line) <= width { return [line] }
    var rest = Substring(line).dropFirst(indent)
    var lead = String(repeating: " ", count: indent)
    var continuation = lead
    for bullet in ["- ", "• ", "→ ", "✗ ", "✓ ", "· "] where rest.hasPrefix(bullet) {
      lead += bullet
      rest = rest.dropFirst(bullet.count)
      continuation += "  "
    }
    var lines: [String] = []
    var current = lead
    var currentWidth = columns(of: lead)
    var hasPiece = false
    for piece in pieces(of: rest) {
      let gap = hasPiece ? piece.spaces : 0
      if hasPiece && currentWidth + gap + piece.width > width {
        lines.append(current)
        current = continuation + piece.text
        currentWidth = continuation.count + piece.width
      } else {
        current += String(repeating: " ", count: gap) + piece.text
        currentWidth += gap + piece.width
      }
      hasPiece = true
    }
    lines.append(current)
    return lines
  }

  /// A run that is never split: a word, or one wide character with the punctuation glued to it.
  private struct Piece {
    var text = ""
    var width = 0
    /// Spaces before it in the source (dropped when the line breaks there).
    var spaces = 0
  }

  private static func pieces(of text: Substring) -> [Piece] {
    var pieces: [Piece] = []
    var current = Piece()
    var spaces = 0
    var escape = EscapeState.none
    var currentIsWide = false
    func flush() {
      if !current.text.isEmpty { pieces.append(current) }
      current = Piece()
    }
    for character in text {
      if escape.consume(character) {
        if current.text.isEmpty {
          current.spaces = spaces
          spaces = 0
        }
        current.text.append(character)
        continue
      }
      if character == " " {
        flush()
        spaces += 1
        continue
      }
      let width = columns(of: character)
      let wide = width == 2
      let gluesBack = closing.contains(character)
      let startsNew =
        current.text.isEmpty
        ? false : (!gluesBack && (wide || currentIsWide) && !opensOnly(current))
      if startsNew { flush() }
      if current.text.isEmpty {
        current.spaces = spaces
        spaces = 0
      }
      current.text.append(character)
      current.width += width
      if !gluesBack { currentIsWide = wide }
    }
    flush()
    return pieces
  }

  /// Whether the piece so far is only opening brackets, which must stay with what follows.
  private static func opensOnly(_ piece: Piece) -> Bool {
    piece.text.allSatisfy { opening.contains($0) }
  }

  private static let closing: Set<Character> = [
    "、", "。", "，", "．", "）", "」", "』", "】", "〕", "〉", "》", "！", "？", "：", "；", "ー", "…",
    "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ",
    "ョ", "・", ")", ",", ".", ":", ";", "!", "?",
  ]
  private static let opening: Set<Character> = ["（", "「", "『", "【", "〔", "〈", "《", "("]

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return true
    case .format: return scalar.value != 0xAD
    default: return (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200B
    }
  }

  private static func isWide(_ value: UInt32) -> Bool {
    wideRanges.contains { $0.contains(value) }
  }

  // East Asian Width W/F blocks (Unicode 15, EastAsianWidth.txt, grouped by block).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
    0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
    0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
    0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
    0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
    0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F2FF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
    0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}

/// Skips ANSI CSI sequences (`ESC [ ... final`) and two-character escapes while counting.
private enum EscapeState {
  case none, escape, csi

  /// Whether `character` belongs to an escape sequence (and so takes no columns).
  mutating func consume(_ character: Character) -> Bool {
    switch self {
    case .none:
      if character == "\u{1B}" {
        self = .escape
        return true
      }
      return false
    case .escape:
      self = character == "[" ? .csi : .none
      return true
    case .csi:
      if let value = character.unicodeScalars.first?.value, (0x40...0x7E).contains(value) {
        self = .none
      }
      return true
    }
  }
}
