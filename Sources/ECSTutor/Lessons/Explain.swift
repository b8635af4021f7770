import ECSModel

/// Puts check results into words: what is expected, what is there, and why it matters.
enum Explain {
  /// The assertion's own `about` text, or one made from its selector and match.
  static func about(_ a: Assertion, _ lang: Language) -> String {
    if let about = a.about { return about.text(lang) }
    var parts = [Queries.describe(a.selector, lang)]
    if let count = a.count { parts.append((lang == .ja ? "個数 " : "count ") + Matcher.show(count)) }
    if let match = a.match { parts.append(Matcher.show(match)) }
    return parts.joined(separator: lang == .ja ? " — " : ": ")
  }

  static func check(_ results: [AssertionResult], _ lang: Language) -> [Output] {
    let met = results.filter(\.met).count
    if met == results.count {
      return [Output(.tutor(.success), "✓ " + Msg.checkAllMet.text(lang))]
    }
    var out = [Output(.tutor(.heading), Msg.checkHeader(met: met, total: results.count).text(lang))]
    for r in results {
      let label = about(r.assertion, lang)
      if r.met {
        out.append(Output(.tutor(.success), "  ✓ " + label))
        continue
      }
      var lines = ["  ✗ " + label]
      if r.forbidden {
        lines.append(
          "      " + Msg.forbiddenHolds(Queries.describe(r.assertion.selector, lang)).text(lang))
      } else if r.missing {
        lines.append(
          "      " + Msg.missingResource(Queries.describe(r.assertion.selector, lang)).text(lang))
      } else {
        for m in r.mismatches.prefix(6) {
          var actual = m.actual
          if m.path == "count", let n = r.countActual { actual = String(n) }
          lines.append(
            "      "
              + Msg.expectedActual(path: m.path, expected: m.expected, actual: actual).text(lang))
        }
      }
      if let why = r.assertion.why { lines.append("      → " + why.text(lang)) }
      out.append(Output(.tutor(.failure), lines.joined(separator: "\n")))
    }
    return out
  }
}
