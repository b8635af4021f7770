import ECSCommands
import ECSModel

/// Time and observation: `wait`, `time auto|manual`, `events`, `show ...`, `simulate ...`.
extension Session {
  /// How far the clock may run after one command while the world settles.
  static let settleCapSeconds: Double = 300

  mutating func timeCommand(_ word: String, _ args: [String]) -> [Output]? {
    let ja = language == .ja
    switch word {
    case "wait":
      let was = world
      let before = world.events.count
      let start = world.clock.nowMillis
      if let arg = args.first {
        guard let seconds = Self.duration(arg) else {
          lastStatus = 2
          return [Output(.tutor(.failure), ja ? "使い方: wait [30s|2m]" : "usage: wait [30s|2m]")]
        }
        world.advance(seconds: seconds)
      } else {
        world.settle(maxSeconds: 600)
      }
      let secs = (world.clock.nowMillis - start) / 1000
      var out = eventLines(since: before, limit: 12)
      // In manual time the world fails here, not during the command: diagnose it here too.
      out += diagnoses(in: Diagnoser.worldTexts(before: was, after: world))
      let settled = world.isSettled
      out.append(
        Output(
          .tutor(.dim),
          ja
            ? "\(secs) 秒経過しました（\(Timestamp.iso8601(millis: world.clock.nowMillis))）。"
              + (settled ? "ワールドは落ち着いています。" : "まだ変化の途中です。")
            : "\(secs) s passed (now \(Timestamp.iso8601(millis: world.clock.nowMillis))). "
              + (settled ? "Nothing is changing." : "Things are still changing.")))
      return out
    case "time":
      switch args.first {
      case "auto":
        engine.autoSettle = true
        return [
          Output(
            .tutor(.success),
            ja
              ? "各コマンドの後、ワールドが落ち着くまで時間が進みます。"
              : "After each command the clock runs until the world settles.")
        ]
      case "manual", "step":
        engine.autoSettle = false
        return [
          Output(
            .tutor(.success),
            ja
              ? "時間は `wait` でだけ進みます（`wait 10s` で状態の移り変わりを観察できます）。"
              : "The clock now moves only with `wait` (try `wait 10s` to watch transitions).")
        ]
      default:
        let mode = engine.autoSettle ? "auto" : "manual"
        return [
          Output(
            .tutor(.plain),
            (ja ? "時刻: " : "now: ") + Timestamp.iso8601(millis: world.clock.nowMillis)
              + " (time \(mode); `time auto|manual`)")
        ]
      }
    case "events":
      let n = args.first.flatMap { Int($0) } ?? 15
      let lines = eventLines(since: max(0, world.events.count - max(1, min(n, 500))), limit: 500)
      return lines.isEmpty
        ? [Output(.tutor(.plain), ja ? "まだイベントはありません。" : "No events yet.")] : lines
    case "show":
      switch args.first {
      case "planes": return [Output(.tutor(.plain), Markdown.render(PlanesView.render(language)))]
      case "cluster":
        return [
          Output(
            .tutor(.plain), ClusterView.render(world, cluster: args.dropFirst().first, language))
        ]
      case "ports":
        return [Output(.tutor(.plain), NetworkView.ports(world, args.dropFirst().first, language))]
      case "task" where args.count == 2:
        return [Output(.tutor(.plain), NetworkView.task(world, args[1], language))]
      default:
        return [Output(.tutor(.plain), NetworkText.usageShow(language))]
      }
    case "simulate": return simulate(args)
    default: return nil
    }
  }

  mutating func simulate(_ args: [String]) -> [Output] {
    let ja = language == .ja
    let usage =
      ja
      ? "使い方: simulate instance-failure INSTANCE_ID | simulate crash TASK [CONTAINER] | simulate load SERVICE PERCENT"
      : "usage: simulate instance-failure INSTANCE_ID | simulate crash TASK [CONTAINER] | simulate load SERVICE PERCENT"
    guard let what = args.first, args.count >= 2 else { return [Output(.tutor(.plain), usage)] }
    let before = world
    let target = args[1]
    switch what {
    case "instance-failure":
      guard world.capacity.instances.contains(where: { $0.instanceId == target }) else {
        lastStatus = 1
        return [
          Output(
            .tutor(.failure), ja ? "インスタンス \(target) はありません。" : "There is no instance \(target).")
        ]
      }
      world.simulateInstanceFailure(target)
    case "crash":
      guard
        let task = world.workloads.tasks.first(where: {
          ($0.arn == target || $0.id == target || $0.id.hasPrefix(target))
            && $0.lastStatus == .running
        })
      else {
        lastStatus = 1
        return [
          Output(
            .tutor(.failure),
            ja ? "実行中のタスク \(target) はありません。" : "There is no RUNNING task \(target).")
        ]
      }
      world.simulateCrash(taskArn: task.arn, container: args.count > 2 ? args[2] : nil)
    case "load":
      guard args.count == 3, let pct = Double(args[2]), (0...100).contains(pct),
        world.workloads.services.contains(where: { $0.name == target || $0.arn == target })
      else { return [Output(.tutor(.failure), usage)] }
      world.setLoad(service: target, cpuPercent: pct)
    default: return [Output(.tutor(.plain), usage)]
    }
    undoStack.append(before)
    let mark = before.events.count
    if engine.autoSettle { world.settle(maxSeconds: Self.settleCapSeconds) }
    return eventLines(since: mark, limit: 12) + afterChange(from: before)
  }

  /// Recent events as dim lines `09:00:35 message`, at most `limit`, with a note for the rest.
  func eventLines(since index: Int, limit: Int) -> [Output] {
    let new = world.events.dropFirst(max(0, index))
    guard !new.isEmpty else { return [] }
    var lines = new.prefix(limit).map { e -> String in
      let t = Timestamp.iso8601(millis: e.at)
      let hms = t.dropFirst(11).prefix(8)
      return "  · \(hms) \(e.message)"
    }
    if new.count > limit {
      lines.append(
        language == .ja
          ? "  … ほか \(new.count - limit) 件（`events` で表示）"
          : "  … \(new.count - limit) more (`events` shows them)")
    }
    return [Output(.tutor(.dim), lines.joined(separator: "\n"))]
  }

  /// `30`, `30s`, `2m`, `1h` in seconds; nil for anything else or beyond a day.
  static func duration(_ text: String) -> Double? {
    var t = text
    var unit = 1.0
    if t.hasSuffix("s") {
      t.removeLast()
    } else if t.hasSuffix("m") {
      t.removeLast()
      unit = 60
    } else if t.hasSuffix("h") {
      t.removeLast()
      unit = 3600
    }
    guard let n = Double(t), n > 0, n * unit <= 86400 else { return nil }
    return n * unit
  }
}

extension Session {
  /// Tasks that stopped while the command ran, with their stop code and reason.
  func stoppedTaskLines(before: World) -> [Output] {
    let wasStopped = Set(before.workloads.tasks.filter { $0.lastStatus == .stopped }.map(\.arn))
    let stopped = world.workloads.tasks.filter {
      $0.lastStatus == .stopped && !wasStopped.contains($0.arn)
    }
    guard !stopped.isEmpty else { return [] }
    var lines = stopped.prefix(5).map { t in
      "  ✗ " + (language == .ja ? "タスク" : "task") + " \(t.id.prefix(8))… STOPPED"
        + (t.stopCode.map { " (\($0))" } ?? "") + (t.stoppedReason.map { ": \($0)" } ?? "")
    }
    if stopped.count > 5 {
      lines.append(
        language == .ja ? "  … ほか \(stopped.count - 5) 件" : "  … \(stopped.count - 5) more")
    }
    return [Output(.tutor(.dim), lines.joined(separator: "\n"))]
  }
}
