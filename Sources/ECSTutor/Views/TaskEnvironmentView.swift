import ECSModel

/// The part of `show task` about the application: each container's environment as its program
/// sees it (secrets resolved, shown masked), the credentials its SDK finds, and its latest output.
enum TaskEnvironmentView {
  static func lines(_ w: World, _ t: ECSTask, _ lang: Language) -> [String] {
    guard let def = w.taskDefinitions.first(where: { $0.arn == t.taskDefinitionArn }) else {
      return []
    }
    var out = ["  " + Msg.taskCredentials(w.appCredentials(t)).text(lang)]
    for spec in def.containers {
      let env = w.containerEnvironment(t, container: spec.name)
      let secrets = Dictionary(
        spec.secrets.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
      out.append("  " + Msg.taskEnvironmentTitle(container: spec.name).text(lang))
      for (name, value) in env.sorted(by: { $0.key < $1.key }) {
        let shown =
          secrets[name].map { Msg.taskSecretValue(length: value.count, from: $0).text(lang) }
          ?? value
        out.append("    \(name)=\(shown)")
      }
      let output = w.applications.lines(taskId: t.id, container: spec.name).suffix(5)
      if !output.isEmpty {
        out.append("  " + Msg.taskAppOutputTitle(container: spec.name).text(lang))
        for e in output {
          out.append(
            "    " + String(Timestamp.iso8601(millis: e.timestamp).prefix(19)) + " " + e.message)
        }
      }
    }
    return out
  }
}
