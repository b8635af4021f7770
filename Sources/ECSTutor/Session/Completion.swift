import ECSCommands
import ECSModel

/// Tab completion: tutor commands, `aws` services, operations, options and the names of
/// resources that exist in the learner's world.
enum Completion {
  static func candidates(session: Session, line: String, cursor: Int) -> [String] {
    let prefixBytes = Array(line.utf8.prefix(max(0, cursor)))
    let before = String(decoding: prefixBytes, as: UTF8.self)
    let partial = ShellLexer.partialWords(before)
    let words = partial.words
    let current = partial.current
    if words.isEmpty {
      return (TutorCommands.names + ["aws", "docker", "capacity", "echo", "export"]).filter {
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
    case "lesson":
      return words.count == 1
        ? session.lessons.lessons.map(\.id).filter { $0.hasPrefix(current) } : []
    case "lang":
      return words.count == 1 ? ["en", "ja"].filter { $0.hasPrefix(current) } : []
    case "solution":
      return words.count == 1 ? ["run"].filter { $0.hasPrefix(current) } : []
    case "reset":
      return words.count == 1 ? ["lesson"].filter { $0.hasPrefix(current) } : []
    case "progress":
      return words.count == 1 ? ["export", "import"].filter { $0.hasPrefix(current) } : []
    default: return []
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
