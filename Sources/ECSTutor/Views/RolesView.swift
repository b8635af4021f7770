import ECSCommands
import ECSModel

/// `show roles [TASK|TASKDEF]`: who uses which role for what in a task (the agent: pull, logs,
/// secrets; the application: its credentials; the instance: registration), and whether IAM allows
/// each call right now, by which statement.
enum RolesView {
  static func render(_ w: World, ref: String?, _ lang: Language) -> String {
    let uses: [RoleUse]
    let title: Msg
    if let task = task(w, ref) {
      uses = w.roleUses(task: task)
      let def = task.taskDefinitionArn.split(separator: "/").last.map(String.init) ?? ""
      title = .rolesTaskTitle(
        id: task.id, taskDefinition: def, launchType: task.launchType.rawValue)
    } else if let def = definition(w, ref) {
      let fargate = def.requiresCompatibilities.contains("FARGATE")
      let instanceRole = w.capacity.instances.compactMap(\.iamInstanceProfileArn).first
        .flatMap { w.role(ofInstanceProfile: $0)?.name }
      uses = w.roleUses(
        definition: def, launchType: fargate ? .fargate : .ec2, instanceRole: instanceRole)
      title = .rolesDefinitionTitle(
        "\(def.family):\(def.revision)", launchType: fargate ? "FARGATE" : "EC2")
    } else {
      return Msg.rolesUsage.text(lang)
    }
    var rows: [[String]] = [Msg.rolesColumns.text(lang).components(separatedBy: " | ")]
    for u in uses {
      rows.append([
        Msg.roleActor(u.actor).text(lang),
        Msg.roleWord(u.roleKind).text(lang) + " " + (u.roleName ?? Msg.roleNone.text(lang)),
        Msg.roleWord(u.purpose).text(lang), u.action, u.resource, verdict(u).text(lang),
      ])
    }
    return "**\(title.text(lang))**\n" + Markdown.table(rows, indent: 2)
      + hints(w, uses).map { "\n→ " + $0.text(lang) }.joined()
  }

  /// What the table shows, named: permissions on the wrong role.
  static func hints(_ w: World, _ uses: [RoleUse]) -> [Msg] {
    var out: [Msg] = []
    let taskRole = uses.first { $0.actor == .application && $0.roleKind == "task role" }?.roleName
    // The agent is denied something the task role would allow: the roles are swapped.
    if let taskRole,
      let u = uses.first(where: { u in
        u.actor == .agent && u.purpose != "assume" && u.evaluation?.allowed == false
          && w.evaluate(role: taskRole, action: u.action, resource: u.resource)?.allowed == true
      })
    {
      out.append(
        .roleSwapped(
          action: u.action, taskRole: taskRole, roleKind: u.roleKind,
          agentRole: u.roleName))
    }
    return out
  }

  /// "allowed by POLICY #N", "denied: no statement allows it", "DENIED by POLICY #N (Deny)".
  static func verdict(_ u: RoleUse) -> Msg {
    guard let e = u.evaluation else { return .roleNoCredentials }
    let by = e.matched.map { "\($0.sourcePolicyId) #\($0.index + 1)" }.joined(separator: ", ")
    switch e.decision {
    case .allowed:
      if by.isEmpty && !u.trusted.isEmpty { return .roleTrusts(u.trusted) }
      return by.isEmpty ? .roleAllowed : .roleAllowedBy(by)
    case .explicitDeny:
      return .roleDeniedBy(by)
    case .implicitDeny where u.purpose == "assume" || u.purpose == "credentials":
      return .roleTrustMissing(found: u.trusted.isEmpty ? "-" : u.trusted.joined(separator: ", "))
    case .implicitDeny:
      return .roleImplicitDeny(missingKeys: e.missingContextKeys)
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
