import ECSModel

/// The tutor's sentences about networking (`reach`, `show ports`, `show task`), in English and
/// Japanese. Kept in one file beside Messages.swift until the catalogue per language exists.
enum NetworkText {
  static func usageReach(_ l: Language) -> String {
    l == .ja
      ? "使い方: reach SOURCE TARGET:PORT   (SOURCE: internet、CIDR または IP、タスク ID、TASK/コンテナ名、インスタンス ID)"
      : "usage: reach SOURCE TARGET:PORT   (SOURCE: internet, a CIDR or IP, a task ID, TASK/container, an instance ID)"
  }

  static func usageShow(_ l: Language) -> String {
    l == .ja
      ? "使い方: show cluster [NAME] | show planes | show ports [INSTANCE] | show task TASK"
      : "usage: show cluster [NAME] | show planes | show ports [INSTANCE] | show task TASK"
  }

  /// The answer of `reach`: `reachable` and the path, or the hop that refuses.
  static func result(_ r: Reachability.Result, _ l: Language) -> (ok: Bool, text: String) {
    switch r {
    case .reachable(let path):
      return (true, (l == .ja ? "到達可能: " : "reachable: ") + pathText(path, l))
    case .refused(let why, let path):
      let head = (l == .ja ? "到達不可: " : "not reachable: ") + refusal(why, l)
      var text = path.count > 1 ? head + "\n  " + pathText(path, l) + " ✗" : head
      if case .securityGroup(let groups, let proto, let port, let from) = why, let g = groups.first
      {
        // The missing rule, as the command that adds it (a group source for a group, else a CIDR).
        let source = from.hasPrefix("sg-") ? "--source-group \(from)" : "--cidr \(from)"
        text +=
          (l == .ja ? "\n  開けるには: " : "\n  to open it: ")
          + "aws ec2 authorize-security-group-ingress --group-id \(g) --protocol \(proto) --port \(port) \(source)"
      }
      return (false, text)
    }
  }

  static func pathText(_ path: [Reachability.Hop], _ l: Language) -> String {
    path.map { hop($0, l) }.joined(separator: " → ")
  }

  static func hop(_ h: Reachability.Hop, _ l: Language) -> String {
    let ja = l == .ja
    switch h {
    case .source(let s):
      // A task (ARN or ID, maybe /container) reads better as its short ID.
      var parts = s.split(separator: "/").map(String.init)
      if s.hasPrefix("arn:aws:ecs:"), parts.count >= 3 { parts = Array(parts.dropFirst(2)) }
      guard let first = parts.first, first.count == 32 else { return s }
      return ([short(first)] + parts.dropFirst()).joined(separator: "/")
    case .address(let ip, let pub):
      return ja
        ? "\(ip)（\(pub ? "パブリック" : "プライベート") IP）" : "\(ip) (\(pub ? "public" : "private") IP)"
    case .allowedBy(let g, let rule):
      return ja ? "\(g) のルール \(rule) が許可" : "\(g) rule \(rule) allows"
    case .hostPort(let i, let hp, let cp):
      return ja
        ? "\(i) のホストポート \(hp) → コンテナポート \(cp)" : "\(i) host port \(hp) → container port \(cp)"
    case .localhost: return "localhost"
    case .container(let t, let name, let port):
      return ja
        ? "コンテナ \(short(t))/\(name) がポート \(port) で待ち受け"
        : "container \(short(t))/\(name) listening on \(port)"
    case .instancePort(let i, let port):
      return ja ? "\(i) のポート \(port)（host モード）" : "\(i) port \(port) (host mode)"
    }
  }

  static func refusal(_ r: Reachability.Refusal, _ l: Language) -> String {
    let ja = l == .ja
    switch r {
    case .unknownSource(let s):
      return ja ? "送信元 \(s) が見つかりません" : "no source named \(s)"
    case .unknownTarget(let t):
      return ja
        ? "宛先 \(t) が見つかりません（実行中のタスク、コンテナ、インスタンス、IP を指定）"
        : "no target named \(t) (name a running task, container, instance or IP)"
    case .taskNotRunning(let t, let status):
      return ja
        ? "タスク \(short(t)) は RUNNING ではありません（\(status)）"
        : "task \(short(t)) is not RUNNING (\(status))"
    case .networkModeNone(let t):
      return ja
        ? "タスク \(short(t)) のネットワークモードは none: ループバック以外のネットワークがありません"
        : "task \(short(t)) uses network mode none: it has no network beyond its own loopback"
    case .noPublicAddress(let t):
      return ja
        ? "\(short(t)) にパブリック IP アドレスがないため、VPC の外からは届きません"
        : "\(short(t)) has no public IP address, so nothing outside the VPC can reach it"
    case .securityGroup(let groups, let proto, let port, let from):
      return ja
        ? "セキュリティグループ \(groups.joined(separator: ", ")) に \(from) からの \(proto) \(port) を許可するインバウンドルールがありません"
        : "security group \(groups.joined(separator: ", ")) has no inbound rule allowing \(proto) \(port) from \(from)"
    case .egress(let groups, let proto, let port, let to):
      return ja
        ? "送信元のセキュリティグループ \(groups.joined(separator: ", ")) のアウトバウンドルールが \(to) への \(proto) \(port) を許可していません"
        : "the source's security group \(groups.joined(separator: ", ")) has no outbound rule allowing \(proto) \(port) to \(to)"
    case .nothingBound(let i, let port):
      return ja
        ? "\(i) のホストポート \(port) を使っているタスクがありません"
        : "nothing is bound on host port \(port) of \(i)"
    case .notListening(let t, let c, let port):
      let who = c.map { "\(short(t))/\($0)" } ?? short(t)
      return ja
        ? "\(who) はポート \(port) で待ち受けていません（portMappings にありません）"
        : "\(who) is not listening on port \(port) (no such portMappings entry)"
    case .bridgeNoLocalhost(let t):
      return ja
        ? "タスク \(short(t)) は bridge モード: コンテナ同士は localhost を共有しません（links かサービス検出を使います）"
        : "task \(short(t)) uses bridge mode: its containers do not share localhost (use links or service discovery)"
    }
  }

  /// The first 8 characters of a task ID, as the tutor shows tasks.
  static func short(_ id: String) -> String { id.count == 32 ? String(id.prefix(8)) : id }
}
