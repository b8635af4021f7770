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

  /// Edit distance counting an insertion, a deletion, a substitution or a swap of two
  /// neighbours as one edit (optimal string alignment), so `memroy` is one edit from `memory`.
  public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
