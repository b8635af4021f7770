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

  /// How deeply valid brace expansions may nest (`{a,{b,{c,...}}}`).
  static let maxDepth = 64

  /// Left to right: each valid brace multiplies the words so far by its items (bash's
  /// brace_expand, with its recursion on the postamble made a loop).
  private static func expand(_ p: ArraySlice<Piece>, depth: Int = 0) -> [[Piece]]? {
    guard depth <= maxDepth else { return nil }
    var results: [[Piece]] = [[]]
    var rest = p
    while let (open, close) = firstBrace(rest) {
      let preamble = Array(rest[rest.startIndex..<open])
      let amble = rest[(open + 1)..<close]
      let after = rest[(close + 1)...]
      var tack: [[Piece]]
      if amble.contains(.char(",")) {
        guard let items = expandAmble(amble, depth: depth + 1) else { return nil }
        tack = items
      } else if let sequence = sequence(amble) {
        tack = sequence.map { $0.unicodeScalars.map(Piece.char) }
      } else if !after.isEmpty {
        tack = [Array(rest[open...close])]
      } else {
        break
      }
      guard results.count * tack.count <= maxWords else { return nil }
      if tack.count == 1 {
        // Appending in place keeps a long word of single-item braces linear.
        for j in results.indices { results[j] += preamble + tack[0] }
      } else {
        results = results.flatMap { head in tack.map { head + preamble + $0 } }
      }
      rest = after
    }
    let tail = Array(rest)
    return results.map { $0 + tail }
  }

  /// The items of `a,b{c,d},e`, split at top-level commas and each expanded in turn.
  private static func expandAmble(_ amble: ArraySlice<Piece>, depth: Int) -> [[Piece]]? {
    var result: [[Piece]] = []
    var level = 0
    var start = amble.startIndex
    for i in amble.indices {
      guard case .char(let c) = amble[i] else { continue }
      if c == "{" {
        level += 1
      } else if c == "}" && level > 0 {
        level -= 1
      } else if c == "," && level == 0 {
        guard let items = expand(amble[start..<i], depth: depth) else { return nil }
        result += items
        start = i + 1
      }
      guard result.count <= maxWords else { return nil }
    }
    guard let items = expand(amble[start...], depth: depth) else { return nil }
    result += items
    return result.count <= maxWords ? result : nil
  }

  /// The first `{` (by position) whose matching `}` encloses a top-level `,` or `..`, and that
  /// `}` (bash's brace_gobbler, in one pass). A `{` first in the slice and right before `}` is
  /// not an opening brace.
  private static func firstBrace(_ p: ArraySlice<Piece>) -> (Int, Int)? {
    var stack: [(open: Int, marks: Int)] = []
    var best: (Int, Int)?
    var i = p.startIndex
    while i < p.endIndex {
      let k = i
      i += 1
      guard case .char(let c) = p[k] else { continue }
      switch c {
      case "{":
        if k == p.startIndex && i < p.endIndex && p[i] == .char("}") { continue }
        stack.append((k, 0))
      case "}":
        guard let top = stack.popLast() else { continue }
        if top.marks > 0, best.map({ top.open < $0.0 }) ?? true { best = (top.open, k) }
        if stack.isEmpty, best != nil { return best }
      case ",":
        if !stack.isEmpty { stack[stack.count - 1].marks += 1 }
      case ".":
        if !stack.isEmpty, i + 1 < p.endIndex, p[i] == .char("."), p[i + 1] != .char("}") {
          stack[stack.count - 1].marks += 1
        }
      default:
        continue
      }
    }
    return best
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
