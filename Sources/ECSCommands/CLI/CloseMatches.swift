/// Python's `difflib.get_close_matches`, which awscli uses for "maybe you meant".
///
/// ```swift
/// CloseMatches.find("create-servic", in: ["create-service", "delete-service"])  // ["create-service"]
/// ```
public enum CloseMatches {
  /// Up to `n` candidates whose `SequenceMatcher.ratio()` with `word` is at least `cutoff`, best
  /// first; equal scores keep difflib's order (larger string first).
  public static func find(
    _ word: String, in candidates: [String], n: Int = 3, cutoff: Double = 0.8
  ) -> [String] {
    let a = Array(word.unicodeScalars)
    var scored: [(Double, String)] = []
    for c in candidates {
      let b = Array(c.unicodeScalars)
      let r = ratio(a, b)
      if r >= cutoff { scored.append((r, c)) }
    }
    scored.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 > $1.1 }
    return scored.prefix(n).map(\.1)
  }

  /// `SequenceMatcher(None, a, b).ratio()` (no junk; autojunk only matters for 200+ elements).
  static func ratio(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
    let total = a.count + b.count
    guard total > 0 else { return 1 }
    return 2.0 * Double(matches(a, 0, a.count, b, 0, b.count)) / Double(total)
  }

  /// Sum of the matching blocks' sizes: longest match, then recurse left and right.
  private static func matches(
    _ a: [Unicode.Scalar], _ alo: Int, _ ahi: Int, _ b: [Unicode.Scalar], _ blo: Int, _ bhi: Int
  ) -> Int {
    guard alo < ahi, blo < bhi else { return 0 }
    var besti = alo
    var bestj = blo
    var bestsize = 0
    var j2len: [Int: Int] = [:]
    for i in alo..<ahi {
      var newj2len: [Int: Int] = [:]
      for j in blo..<bhi where b[j] == a[i] {
        let k = (j2len[j - 1] ?? 0) + 1
        newj2len[j] = k
        if k > bestsize {
          besti = i - k + 1
          bestj = j - k + 1
          bestsize = k
        }
      }
      j2len = newj2len
    }
    guard bestsize > 0 else { return 0 }
    return bestsize + matches(a, alo, besti, b, blo, bestj)
      + matches(a, besti + bestsize, ahi, b, bestj + bestsize, bhi)
  }
}
