/// Bash's brace expansion, the first expansion of a word: `x{a,b}y` gives `xay xby`, `{1..3}`
/// gives `1 2 3`, `{a..e..2}` gives `a c e`. Only unquoted braces count; quoted text, `\{`,
/// `${...}` and `$(...)` pass through whole. Braces without a top-level `,` or a valid `..`
/// sequence (`{}`, `{a}`, `{1..a}`) stay literal, and a `{` whose braces do not qualify is skipped
/// in favour of a later one (`{a{b,c}}` gives `{ab} {ac}`), as in bash 5.
///
/// ```swift
/// // name=web,portMappings={containerPort=80,hostPort=0} (unquoted) becomes two words:
/// // name=web,portMappings=containerPort=80  name=web,portMappings=hostPort=0
/// ```
enum BraceExpansion {
  /// The most words one word may expand to; more is refused rather than exhausting memory.
  static let maxWords = 10_000

  /// One element of a word: an unquoted character (which may be brace syntax) or anything else,
  /// kept whole.
  enum Piece: Equatable {
    case char(Unicode.Scalar)
    case other(WordPart)
  }

  /// The words `word` expands to: `[word]` when it has no brace expansion; nil when it would
  /// make more than ``maxWords`` words.
  static func expand(_ word: ShellWord) -> [ShellWord]? {
    // Quick exit: most words have no unquoted `{` at all.
    let hasBrace = word.parts.contains {
      if case .literal(let t, quoted: false) = $0 { return t.unicodeScalars.contains("{") }
      return false
    }
    guard hasBrace else { return [word] }
    var pieces: [Piece] = []
    for part in word.parts {
      if case .literal(let t, quoted: false) = part {
        pieces += t.unicodeScalars.map(Piece.char)
      } else {
        pieces.append(.other(part))
      }
    }
    guard let expanded = expand(pieces[...]) else { return nil }
    if expanded.count == 1 && expanded[0] == pieces { return [word] }
    return expanded.map { ShellWord(parts: parts(of: $0), assignmentName: nil, text: word.text) }
  }

  /// Turns pieces back into word parts, joining neighbouring characters; a leading `~` alone or
  /// before `/` becomes a tilde expansion, as bash does after brace expansion (`{~,b}`).
  private static func parts(of pieces: [Piece]) -> [WordPart] {
    var out: [WordPart] = []
    var text = ""
    var start = pieces[...]
    if case .char("~") = start.first {
      let next = start.dropFirst().first
      if next == nil || next == .char("/") {
        out.append(.tilde)
        start = start.dropFirst()
      }
    }
    for piece in start {
      switch piece {
      case .char(let c): text.unicodeScalars.append(c)
      case .other(let part):
        if !text.isEmpty { out.append(.literal(text, quoted: false)) }
        text = ""
        out.append(part)
      }
    }
    if !text.isEmpty { out.append(.literal(text, quoted: false)) }
    return out
  }

  private static func expand(_ p: ArraySlice<Piece>) -> [[Piece]]? {
    // Find the first `{` whose matching `}` encloses a top-level `,` or `..`.
    var i = p.startIndex
    var close = p.endIndex
    while true {
      guard let open = gobble(p, from: i, until: "{") else { return [Array(p)] }
      if let end = gobble(p, from: open + 1, until: "}") {
        i = open
        close = end
        break
      }
      i = open + 1
    }
    let preamble = Array(p[p.startIndex..<i])
    let amble = p[(i + 1)..<close]
    let postamble = p[(close + 1)...]
    var tack: [[Piece]]
    if amble.contains(.char(",")) {
      guard let items = expandAmble(amble) else { return nil }
      tack = items
    } else if let sequence = sequence(amble) {
      tack = sequence.map { $0.unicodeScalars.map(Piece.char) }
    } else if !postamble.isEmpty {
      tack = [Array(p[i...close])]
    } else {
      return [Array(p)]
    }
    var result = tack.map { preamble + $0 }
    if !postamble.isEmpty {
      guard let rest = expand(postamble) else { return nil }
      guard result.count * rest.count <= maxWords else { return nil }
      result = result.flatMap { head in rest.map { head + $0 } }
    }
    return result.count <= maxWords ? result : nil
  }

  /// The items of `a,b{c,d},e`, split at top-level commas and each expanded in turn.
  private static func expandAmble(_ amble: ArraySlice<Piece>) -> [[Piece]]? {
    var result: [[Piece]] = []
    var start = amble.startIndex
    while true {
      let comma = gobble(amble, from: start, until: ",") ?? amble.endIndex
      guard let items = expand(amble[start..<comma]) else { return nil }
      result += items
      guard result.count <= maxWords else { return nil }
      if comma >= amble.endIndex { return result }
      start = comma + 1
    }
  }

  /// The index of the first top-level `satisfy` at or after `from` (bash's brace_gobbler). For
  /// `}` it must close a brace that holds a top-level `,` or `..`; a `{` alone at the start
  /// before `}` is not an opening brace.
  private static func gobble(_ p: ArraySlice<Piece>, from: Int, until satisfy: Unicode.Scalar)
    -> Int?
  {
    var level = 0
    var commas = 0
    var i = from
    while i < p.endIndex {
      guard case .char(let c) = p[i] else {
        i += 1
        continue
      }
      if c == satisfy && level == 0 {
        if c == "{" && i == p.startIndex && i + 1 < p.endIndex && p[i + 1] == .char("}") {
          i += 1
          continue
        }
        if satisfy == "}" && commas == 0 { return nil }
        return i
      }
      if c == "{" {
        level += 1
      } else if c == "}" && level > 0 {
        level -= 1
      } else if satisfy == "}" && level == 0 && c == "," {
        commas += 1
      } else if satisfy == "}" && level == 0 && c == "." && i + 2 < p.endIndex
        && p[i + 1] == .char(".") && p[i + 2] != .char("}")
      {
        commas += 1
      }
      i += 1
    }
    return nil
  }

  /// `{1..5}`, `{05..1}`, `{1..10..3}`, `{a..e}`, `{a..e..2}`; nil when not a valid sequence.
  private static func sequence(_ amble: ArraySlice<Piece>) -> [String]? {
    var text = ""
    for piece in amble {
      guard case .char(let c) = piece else { return nil }
      text.unicodeScalars.append(c)
    }
    let fields = split(text)
    guard fields.count == 2 || fields.count == 3 else { return nil }
    var step = 1
    if fields.count == 3 {
      guard let s = integer(fields[2]) else { return nil }
      step = s == 0 ? 1 : abs(s)
    }
    if let from = integer(fields[0]), let to = integer(fields[1]) {
      let count = abs(to - from) / step + 1
      guard count <= maxWords else { return nil }
      let width =
        [fields[0], fields[1]].contains(where: hasLeadingZero)
        ? max(fields[0].count, fields[1].count) : 0
      let direction = to >= from ? step : -step
      return (0..<count).map { pad(from + $0 * direction, width) }
    }
    let a = fields[0].unicodeScalars
    let b = fields[1].unicodeScalars
    guard a.count == 1, b.count == 1, let x = a.first, let y = b.first, isLetter(x), isLetter(y)
    else { return nil }
    let lo = Int(x.value)
    let hi = Int(y.value)
    let direction = hi >= lo ? step : -step
    let count = abs(hi - lo) / step + 1
    return (0..<count).compactMap { Unicode.Scalar(UInt32(lo + $0 * direction)).map(String.init) }
  }

  /// `text` split at each `..`.
  private static func split(_ text: String) -> [String] {
    var fields: [String] = []
    var current = ""
    let s = Array(text.unicodeScalars)
    var i = 0
    while i < s.count {
      if s[i] == ".", i + 1 < s.count, s[i + 1] == "." {
        fields.append(current)
        current = ""
        i += 2
      } else {
        current.unicodeScalars.append(s[i])
        i += 1
      }
    }
    fields.append(current)
    return fields
  }

  private static func integer(_ text: String) -> Int? {
    var digits = Substring(text)
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
  }

  private static func hasLeadingZero(_ text: String) -> Bool {
    let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
    return digits.count > 1 && digits.first == "0"
  }

  /// `%0*d`: zero-padded to `width` characters, the sign counted.
  private static func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(abs(n))
    let sign = n < 0 ? "-" : ""
    let zeros = max(0, width - sign.count - digits.count)
    return sign + String(repeating: "0", count: zeros) + digits
  }

  private static func isLetter(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
  }
}
