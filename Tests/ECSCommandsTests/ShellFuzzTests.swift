import Testing

@testable import ECSCommands

/// A malformed line must never crash the shell: random and adversarial inputs all come back as
/// a result (or a syntax error), never a trap.
@Suite struct ShellFuzzTests {
  /// A small deterministic generator so failures reproduce.
  private struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
  }

  private static let alphabet = Array("ab =$(){}'\"\\`|&;<>#~*?[]\n\t-:+!%@0".utf8)

  private static func exercise(_ text: String) -> CommandResult {
    _ = Shell.isIncomplete(text)
    _ = ShellLexer.partialWords(text)
    var env = ShellEnvironment(["HOME": "/h"])
    return Shell.run(text, env: &env, command: { .ok($0.argv.joined(separator: " ") + "\n") })
  }

  @Test func randomBytesNeverCrash() {
    var rng = LCG(state: 42)
    for round in 0..<3000 {
      let length = Int(rng.next() % 40)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        if round % 3 == 0 {
          bytes.append(UInt8(truncatingIfNeeded: rng.next()))  // arbitrary, often invalid UTF-8
        } else {
          bytes.append(Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))])
        }
      }
      let r = Self.exercise(String(decoding: bytes, as: UTF8.self))
      #expect(r.status >= 0)
    }
  }

  @Test(arguments: [
    String(repeating: "a", count: 1 << 20),
    "echo '" + String(repeating: "x", count: 1 << 20),
    "echo " + String(repeating: "x ", count: 1 << 17),
    String(repeating: "$(", count: 1 << 19),
    String(repeating: "${x:-", count: 1 << 18),
    String(repeating: "\\", count: 1 << 20),
    String(repeating: "\"", count: (1 << 20) + 1),
    String(repeating: "|", count: 1 << 16),
    String(repeating: "\u{0}\u{1}\u{7f}\u{1b}[2J", count: 1 << 14),
    "echo \u{FFFD}\u{0301}'\u{0301}é'",
  ])
  func adversarialLinesNeverCrash(_ text: String) {
    let r = Self.exercise(text)
    #expect(r.status >= 0)
  }

  @Test func deepNestingIsRefused() {
    let r = Self.exercise(String(repeating: "$(", count: 1000))
    #expect(r.status == 2)
    #expect(r.stderr.contains("nested"))
  }

  /// Brace expansion stays linear on long words and refuses what would explode or nest too deep.
  @Test(arguments: ["{", "{a,", "{1..1}", "{x}{1..1}", "a}{", "{a,b}", ",}", "{1..99999999}"])
  func longBraceWordsFinish(_ piece: String) {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      _ = Self.exercise("cmd " + String(repeating: piece, count: 20_000))
    }
    #expect(elapsed < .seconds(20))
  }

  @Test func deepBracesAreRefused() {
    let word = String(repeating: "{a,", count: 100) + "b" + String(repeating: "}", count: 100)
    let r = Self.exercise("cmd " + word)
    #expect(r.stdout == "cmd " + word + "\n")
    #expect(r.stderr.contains("brace expansion"))
  }

  @Test func longWordRunsIntact() {
    let word = String(repeating: "x", count: 1 << 20)
    let r = Self.exercise("cmd '" + word + "'")
    #expect(r.stdout == "cmd " + word + "\n")
  }
}
