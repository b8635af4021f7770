import ECSCommands
import ECSModel

/// Tab completion: tutor commands and their arguments (from `TutorCommands.all`), `aws` services, operations, options and the names of
/// resources that exist in the learner's world.
enum Completion {
  static func candidates(session: Session, line: String, cursor: Int) -> [String] {
    let prefixBytes = Array(line.utf8.prefix(max(0, cursor)))
    let before = String(decoding: prefixBytes, as: UTF8.self)
    let partial = ShellLexer.partialWords(before)
    let words = partial.words
    let current = partial.current
    if words.isEmpty {
      return (TutorCommands.completableNames + ["aws", "docker", "capacity", "echo", "export"])
        .filter {
          $0.hasPrefix(current)
        }
        .sorted()
    }
    switch words[0] {
    case "aws":
      let all = AWSCompletion.candidates(words: words, current: current) { kind in
        resources(kind, in: session.world)
      }
      return preferSimulated(all, words: words)
    case let name:
      guard let row = TutorCommands.row(name) else { return [] }
      return row.complete(session, Array(words.dropFirst())).filter { $0.hasPrefix(current) }
    }
  }

  /// In the operation position, offer the operations the simulator runs when any match, so
  /// `aws ecs reg` completes to `register-task-definition` rather than stopping at `register-`.
  static func preferSimulated(_ candidates: [String], words: [String]) -> [String] {
    let rest = words.dropFirst().filter { !$0.hasPrefix("-") }
    guard rest.count == 1, let service = rest.first, let model = try? ServiceModel.named(service)
    else {
      return candidates
    }
    let simulated = candidates.filter { c in
      model.operation(cliName: c).map { World.isSimulated(service: service, operation: $0) }
        ?? false
    }
    return simulated.isEmpty ? candidates : simulated
  }

  static func resources(_ kind: ResourceKind, in world: World) -> [String] {
    world.names(of: kind)
  }
}
