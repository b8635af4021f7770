import ECSModel

/// Puts check results into words: what is expected, what is there, and why it matters.
enum Explain {
  /// The assertion's own `about` text, or one made from its selector and match.
  static func about(_ a: Assertion, _ lang: Language) -> String {
    if let about = a.about { return about.text(lang) }
    return Msg.assertionLabel(
      selection: Queries.describe(a.selector, lang), count: a.count.map(Matcher.expectation),
      match: a.match.map(Matcher.show)
    ).text(lang)
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
      out.append(Output(.tutor(.failure), failure(r, label: label, lang).joined(separator: "\n")))
    }
    return out
  }

  /// The lines of one unmet item: what is wrong, then why — the assertion's `why`, unless a value
  /// found explains the failure better (a crashed task is not one the learner stopped).
  static func failure(_ r: AssertionResult, label: String, _ lang: Language) -> [String] {
    var lines = ["  ✗ " + label]
    let selection = Queries.describe(r.assertion.selector, lang)
    let plural = Queries.isPlural(r.assertion.selector.kind) ?? false
    var meaning: FoundMeaning?
    if r.forbidden {
      let count = plural ? max(r.matching, 1) : 1
      lines.append(
        "      " + Msg.forbiddenHolds(selection, plural: plural, count: count).text(lang))
    } else if r.missing {
      lines.append("      " + Msg.missingResource(selection, plural: plural).text(lang))
    } else {
      for m in r.mismatches.prefix(6) {
        if m.path == "count", let n = r.countActual {
          lines.append(
            "      "
              + Msg.countMismatch(what: selection, expected: m.expected, actual: n).text(lang))
          continue
        }
        lines.append(
          "      "
            + Msg.expectedActual(path: m.path, expected: m.expected, actual: m.actual).text(lang))
        if meaning == nil, case .value(let v)? = m.actual {
          meaning = FoundMeaning.of(path: m.path, value: v)
        }
      }
    }
    if let meaning {
      lines.append("      → " + Msg.foundMeaning(meaning).text(lang))
    } else if let why = r.assertion.why {
      lines.append("      → " + why.text(lang))
    }
    return lines
  }
}
