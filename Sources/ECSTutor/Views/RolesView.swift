import ECSCommands
import ECSModel

/// `show roles [TASK|TASKDEF]`: who uses which role for what in a task (the agent: pull, logs,
/// secrets; the application: its credentials; the instance: registration), and whether IAM allows
/// each call right now, by which statement.
enum RolesView {
  static func render(_ w: World, ref: String?, _ lang: Language) -> String {
    let ja = lang == .ja
    let uses: [RoleUse]
    let title: String
    if let task = task(w, ref) {
      uses = w.roleUses(task: task)
      let def = task.taskDefinitionArn.split(separator: "/").last.map(String.init) ?? ""
      title = (ja ? "タスク " : "Task ") + task.id + " (\(def), \(task.launchType))"
    } else if let def = definition(w, ref) {
      let fargate = def.requiresCompatibilities.contains("FARGATE")
      let instanceRole = w.capacity.instances.compactMap(\.iamInstanceProfileArn).first
        .flatMap { w.role(ofInstanceProfile: $0)?.name }
      uses = w.roleUses(
        definition: def, launchType: fargate ? "FARGATE" : "EC2", instanceRole: instanceRole)
      title =
        (ja ? "タスク定義 " : "Task definition ") + "\(def.family):\(def.revision) ("
        + (fargate ? "FARGATE" : "EC2") + ")"
    } else {
      return ja
        ? "使い方: show roles [TASK|TASKDEF]（タスクもタスク定義も見つかりません）"
        : "usage: show roles [TASK|TASKDEF] (no such task or task definition yet)"
    }
    var rows: [[String]] = [
      ja
        ? ["呼び出し元", "ロール", "用途", "アクション", "リソース", "現在"]
        : ["who", "role", "for", "action", "resource", "now"]
    ]
    for u in uses {
      rows.append([
        actor(u.actor, ja), word(u.roleKind, ja) + " " + (u.roleName ?? (ja ? "（なし）" : "(none)")),
        word(u.purpose, ja), u.action, u.resource, verdict(u, ja),
      ])
    }
    return "**\(title)**\n" + Markdown.table(rows, indent: 2)
      + hints(w, uses, ja).map { "\n→ " + $0 }.joined()
  }

  /// What the table shows, named: permissions on the wrong role.
  static func hints(_ w: World, _ uses: [RoleUse], _ ja: Bool) -> [String] {
    var out: [String] = []
    let taskRole = uses.first { $0.actor == .application && $0.roleKind == "task role" }?.roleName
    // The agent is denied something the task role would allow: the roles are swapped.
    if let taskRole,
      let u = uses.first(where: { u in
        u.actor == .agent && u.purpose != "assume" && u.evaluation?.allowed == false
          && w.evaluate(role: taskRole, action: u.action, resource: u.resource)?.allowed == true
      })
    {
      let agentRole = u.roleName ?? (ja ? "（なし）" : "(none)")
      out.append(
        ja
          ? "**\(u.action) はタスクロール \(taskRole) に許可されていますが、使うのはエージェントで、エージェントは\(word(u.roleKind, ja)) \(agentRole) を使います。** 権限を\(word(u.roleKind, ja))に移してください。"
          : "**\(u.action) is allowed to the task role \(taskRole), but the agent makes that call with the \(u.roleKind) \(agentRole).** Move the permission to the \(u.roleKind)."
      )
    }
    return out
  }

  /// The Japanese for the model's role kinds and purposes (glossary-ja.md); English as is.
  static func word(_ w: String, _ ja: Bool) -> String {
    guard ja else { return w }
    let words = [
      "execution role": "タスク実行ロール", "task role": "タスクロール", "instance role": "インスタンスロール",
      "pull": "プル", "logs": "ログ", "secrets": "シークレット", "credentials": "認証情報",
      "register": "登録", "assume": "引き受け",
    ]
    return words[w] ?? w
  }

  static func actor(_ a: RoleUse.Actor, _ ja: Bool) -> String {
    switch a {
    case .agent: return ja ? "エージェント" : "agent"
    case .application: return ja ? "アプリ" : "application"
    case .instance: return ja ? "インスタンス" : "instance"
    }
  }

  /// "allowed by POLICY #N", "denied: no statement allows it", "DENIED by POLICY #N (Deny)".
  static func verdict(_ u: RoleUse, _ ja: Bool) -> String {
    guard let e = u.evaluation else {
      return ja ? "✗ 認証情報なし" : "✗ no credentials"
    }
    let by = e.matched.map { "\($0.sourcePolicyId) #\($0.index + 1)" }.joined(separator: ", ")
    switch e.decision {
    case .allowed:
      if by.isEmpty && !u.trusted.isEmpty {
        return (ja ? "✓ 信頼: " : "✓ trusts ") + u.trusted.joined(separator: ", ")
      }
      if by.isEmpty { return ja ? "✓ 可" : "✓ yes" }
      return (ja ? "✓ 許可: " : "✓ allowed by ") + by
    case .explicitDeny:
      return (ja ? "✗ 明示的な拒否: " : "✗ denied by ") + by + " (Deny)"
    case .implicitDeny where u.purpose == "assume" || u.purpose == "credentials":
      let found = u.trusted.isEmpty ? "-" : u.trusted.joined(separator: ", ")
      return ja
        ? "✗ 信頼ポリシーに ecs-tasks.amazonaws.com がありません（あるのは \(found)）"
        : "✗ the trust policy does not name ecs-tasks.amazonaws.com (it names \(found))"
    case .implicitDeny:
      var s = ja ? "✗ 拒否（許可するステートメントなし）" : "✗ denied (no statement allows it)"
      if !e.missingContextKeys.isEmpty {
        s +=
          (ja ? " 評価できないキー: " : "; cannot evaluate ") + e.missingContextKeys.joined(separator: ", ")
      }
      return s
    }
  }

  static func task(_ w: World, _ ref: String?) -> ECSTask? {
    guard let ref else { return w.workloads.tasks.last }
    return w.workloads.tasks.first { $0.arn == ref || $0.id == ref || $0.id.hasPrefix(ref) }
  }

  static func definition(_ w: World, _ ref: String?) -> TaskDefinition? {
    guard let ref else { return w.taskDefinitions.last }
    if let def = w.taskDefinitions.first(where: {
      $0.arn == ref || "\($0.family):\($0.revision)" == ref
    }) {
      return def
    }
    return w.taskDefinitions.last { $0.family == ref }
  }
}
