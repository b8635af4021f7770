import ECSCommands
import ECSModel

/// A finished quiz as a file: JSON (every answer) or JUnit XML (one testcase per question, so
/// CI tools and classroom dashboards read it).
public enum QuizReport {
  public enum Format: String, Sendable, CaseIterable {
    case json, junit
  }

  public static func render(_ r: QuizResult, format: Format) -> String {
    switch format {
    case .json: return json(r)
    case .junit: return junit(r)
    }
  }

  /// `{"topic": ..., "seed": ..., "score": ..., "answers": [{"id", "given", "correct", ...}]}`.
  public static func json(_ r: QuizResult) -> String {
    let answers: [JSONValue] = r.answers.map { a in
      .object([
        ("id", .string(a.id)), ("bank", .string(a.bank)), ("kind", .string(a.kind)),
        ("question", .string(a.question)), ("given", .string(a.given)),
        ("correct", .bool(a.correct)), ("expected", .string(a.expected)),
        ("lesson", .string(a.lesson)),
      ])
    }
    let doc: JSONValue = .object([
      ("topic", .string(r.topic)), ("seed", .int(Int(truncatingIfNeeded: r.seed))),
      ("date", .string(r.date)), ("language", .string(r.language)), ("score", .int(r.score)),
      ("total", .int(r.total)), ("answers", .array(answers)),
    ])
    return OutputFormatter.json(doc)
  }

  /// A `<testsuites>` document with one `<testsuite>` (the quiz) and one `<testcase>` per
  /// question; a wrong or unanswered question is a `<failure>` saying what was given and what
  /// was right.
  public static func junit(_ r: QuizResult) -> String {
    let failures = r.answers.filter { !$0.correct }.count
    var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    x += "<testsuites name=\"ecs-tutor quiz\" tests=\"\(r.total)\" failures=\"\(failures)\">\n"
    x +=
      "  <testsuite name=\"quiz \(esc(r.topic))\" tests=\"\(r.total)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\""
      // The JUnit schema's timestamp has no zone designator: the date is UTC, its `Z` dropped.
      + (r.date.isEmpty
        ? "" : " timestamp=\"\(esc(r.date.hasSuffix("Z") ? String(r.date.dropLast()) : r.date))\"")
      + ">\n"
    x += "    <properties>\n"
    x += "      <property name=\"seed\" value=\"\(r.seed)\"/>\n"
    x += "      <property name=\"language\" value=\"\(esc(r.language))\"/>\n"
    x += "      <property name=\"score\" value=\"\(r.score)/\(r.total)\"/>\n"
    x += "    </properties>\n"
    for a in r.answers {
      x += "    <testcase classname=\"quiz.\(esc(a.bank))\" name=\"\(esc(a.id))\""
      if a.correct {
        x += "/>\n"
      } else {
        let given = a.given.isEmpty ? "(not answered)" : a.given
        x += ">\n"
        x +=
          "      <failure message=\"\(esc("answer: " + given + "; right: " + a.expected))\" type=\"wrong-answer\">"
        x += esc("\(a.question)\n\nanswer: \(given)\nright: \(a.expected)\nlesson: \(a.lesson)")
        x += "</failure>\n"
        x += "    </testcase>\n"
      }
    }
    x += "  </testsuite>\n</testsuites>\n"
    return x
  }

  /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
  static func esc(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t", "\r": out.unicodeScalars.append(u)
      default:
        if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out
  }
}
