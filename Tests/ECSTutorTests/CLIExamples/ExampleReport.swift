import ECSModel
import Foundation

/// What one example gave: left out (with the reason), or run (accepted or not, and which of the
/// documented key paths the tutor printed).
struct ExampleResult: Sendable {
  /// The reason given to examples of an operation the tutor does not simulate at all.
  static let notSimulated = "operation not simulated"

  var example: CLIExample
  var leftOut: String?
  var accepted = false
  var documented: Set<String> = []
  var printed: Set<String> = []
  /// The command as run (our IDs) and the first line of the error, for the report of failures.
  var ran = ""
  var error = ""

  /// The key paths of a JSON value: `a.b`, list items as `a[].b` (compared across all items).
  static func keyPaths(_ json: JSONValue, _ prefix: String = "") -> Set<String> {
    var paths: Set<String> = []
    if let members = json.objectValue {
      for (key, child) in members {
        let path = prefix.isEmpty ? key : prefix + "." + key
        paths.insert(path)
        paths.formUnion(keyPaths(child, path))
      }
    } else if let items = json.arrayValue {
      for item in items { paths.formUnion(keyPaths(item, prefix + "[]")) }
    }
    return paths
  }
}

/// The figures of one family: accepted N of M, documented key paths printed.
struct FamilyFigures: Sendable, Equatable {
  var family: String
  var accepted = 0
  var inScope = 0
  var documented = 0
  var printed = 0
  var documentedWhenAccepted = 0
  var leftOut = 0
  /// Of those left out: examples of operations the tutor does not simulate at all.
  var notSimulated = 0

  init(family: String, results: [ExampleResult]) {
    self.family = family
    for r in results where r.example.service == family {
      if let reason = r.leftOut {
        leftOut += 1
        if reason == ExampleResult.notSimulated { notSimulated += 1 }
        continue
      }
      inScope += 1
      documented += r.documented.count
      guard r.accepted else { continue }
      accepted += 1
      printed += r.printed.count
      documentedWhenAccepted += r.documented.count
    }
  }

  /// Printed of documented key paths, in percent (100 when nothing is documented).
  var printedPercent: Int { Self.percent(printed, documented) }
  var printedWhenAcceptedPercent: Int { Self.percent(printed, documentedWhenAccepted) }

  static func percent(_ a: Int, _ b: Int) -> Int { b == 0 ? 100 : a * 100 / b }

  var row: String {
    "| \(family) | \(accepted) of \(inScope) | \(printed) of \(documented): \(printedPercent)% "
      + "(\(printedWhenAcceptedPercent)% within the accepted ones) | \(notSimulated) | "
      + "\(leftOut - notSimulated) |"
  }
}

/// The report `make test` prints: the table per family, the examples left out and why, and the
/// ones not accepted with their first error line.
struct ExampleReport {
  var results: [ExampleResult]
  var families: [String]

  var figures: [FamilyFigures] { families.map { FamilyFigures(family: $0, results: results) } }

  var lines: [String] {
    var lines = [
      "AWS CLI example pages (tools/gen-examples.py) run through the tutor:",
      "| family | accepted | documented key paths printed | left out: operation not simulated | left out: other |",
      "|---|---|---|---|---|",
    ]
    lines += figures.map(\.row)
    let leftOut = Dictionary(grouping: results.filter { $0.leftOut != nil }, by: { $0.leftOut! })
    lines.append("left out:")
    for (reason, rs) in leftOut.sorted(by: { $0.key < $1.key }) {
      let pages = rs.map { $0.example.page.replacingOccurrences(of: ".rst", with: "") }
      lines.append("  \(reason) (\(rs.count)): \(pages.joined(separator: ", "))")
    }
    lines.append("not accepted:")
    for r in results where r.leftOut == nil && !r.accepted {
      lines.append("  \(r.example.page): \(r.error)")
    }
    lines.append("documented key paths not printed (accepted examples; the first 6):")
    for r in results where r.accepted && r.printed.count < r.documented.count {
      let missing = r.documented.subtracting(r.printed).sorted()
      lines.append(
        "  \(r.example.page) (\(missing.count)): " + missing.prefix(6).joined(separator: " "))
    }
    let inScope = results.filter { $0.leftOut == nil }
    let accepted = inScope.filter(\.accepted).count
    // Not in the `N passed, N failed` form: an example the tutor does not accept yet is a gap to
    // close, not a failing test (the floors are the tests).
    lines.append(
      "examples accepted: \(accepted) of \(inScope.count) in scope, \(inScope.count - accepted) not yet")
    return lines
  }
}
