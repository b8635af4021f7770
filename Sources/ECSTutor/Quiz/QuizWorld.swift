import ECSCommands
import ECSModel
import Foundation

/// The world a configure or predict question is asked about: a fresh simulated account, the
/// question's `setup` run in it, and the shell that ran them (so `$TASK` set by setup is there).
struct QuizWorld: Sendable {
  var world: World
  var engine: CommandEngine
  /// Setup commands that failed, with the first line of what they said.
  var setupFailures: [String] = []

  init(_ q: QuizQuestion, seed: UInt64 = World.defaultSeed, language: Language = .en) {
    world = World(seed: seed)
    engine = CommandEngine(files: MemoryFiles(), environment: [:], language: language)
    for cmd in q.setup {
      let r = engine.run(cmd, world: &world)
      if r.status != 0 {
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? "status \(r.status)"
        setupFailures.append("`\(cmd)`: \(first)")
      }
    }
  }

  /// A configure question's goal as a lesson step, so the lesson checker grades it.
  static func goalStep(_ q: QuizQuestion) -> Step {
    Step(
      id: q.id, title: q.text, text: q.text, setup: [], expect: q.expect, forbid: q.forbid,
      hints: q.hints, solution: q.solution, mistakes: [], success: nil, line: q.line)
  }

  func goalHolds(_ q: QuizQuestion) -> Bool { Checker.passes(Self.goalStep(q), on: world) }

  /// The simulator's answer to a predict question (its output, trimmed); nil when the query
  /// failed. Compare it with `QuizAnswerText.normalise` on both sides.
  func truth(_ ask: PredictAsk) -> String? {
    var w = world
    var e = engine
    switch ask {
    case .query(let cmd):
      let r = e.run(cmd, world: &w)
      guard r.status == 0 else { return nil }
      return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    case .succeeds(let cmd):
      return e.run(cmd, world: &w).status == 0 ? "yes" : "no"
    case .holds(let assertions):
      return assertions.allSatisfy { Checker.evaluate($0, on: w).met } ? "yes" : "no"
    }
  }
}

/// How typed answers are compared: case, surrounding spaces, quotes and backticks do not count,
/// inner runs of spaces are one.
enum QuizAnswerText {
  static func normalise(_ text: String) -> String {
    var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let quotes: Set<Character> = ["\"", "'", "`", "「", "」"]
    while let f = t.first, quotes.contains(f) { t.removeFirst() }
    while let l = t.last, quotes.contains(l) { t.removeLast() }
    t = t.trimmingCharacters(in: .whitespacesAndNewlines)
    // Full-width digits, letters and spaces as a Japanese input method types them.
    t = String(
      String.UnicodeScalarView(
        t.unicodeScalars.map { u in
          if (0xFF01...0xFF5E).contains(u.value) { return Unicode.Scalar(u.value - 0xFEE0) ?? u }
          return u.value == 0x3000 ? " " : u
        }))
    return t.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(
      separator: " "
    ).lowercased()
  }

  /// The option numbers in `text` (`2`, `1 3`, `1,3`, `1、3`), 1-based; nil when something else
  /// is there.
  static func choices(_ text: String) -> [Int]? {
    let t = normalise(text)
    let parts = t.split(whereSeparator: { " ,、，".contains($0) })
    guard !parts.isEmpty else { return nil }
    var out: [Int] = []
    for p in parts {
      guard let n = Int(p) else { return nil }
      if !out.contains(n) { out.append(n) }
    }
    return out
  }
}
