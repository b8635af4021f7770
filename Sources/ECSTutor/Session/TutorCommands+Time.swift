import ECSCommands
import ECSModel

/// Time and observation: `wait`, `time auto|manual`, `events`, `show ...`, `simulate ...`.
extension Session {
  /// How far the clock may run after one command while the world settles.
  static let settleCapSeconds: Double = 300

  /// `wait [30s|2m]`: the clock runs for that long, or until nothing changes.
  mutating func waitCommand(_ args: [String]) -> [Output] {
    let was = world
    let before = world.events.count
    let start = world.clock.nowMillis
    if let arg = args.first {
      guard let seconds = Self.duration(arg) else {
        lastStatus = 2
        return [say(.waitUsage, .failure)]
      }
      world.advance(seconds: seconds)
    } else {
      world.settle(maxSeconds: 600)
    }
    let secs = (world.clock.nowMillis - start) / 1000
    var out = eventLines(since: before, limit: 12) + transitionLines(since: before)
    // In manual time the world fails here, not during the command: diagnose it here too.
    out += diagnoses(in: Diagnoser.worldTexts(before: was, after: world))
    let settled = world.isSettled
    out.append(
      say(
        .waitPassed(
          seconds: secs, now: Timestamp.iso8601(millis: world.clock.nowMillis), settled: settled),
        .dim))
    return out
  }

  /// `time auto|manual`, or the time now.
  mutating func timeCommand(_ args: [String]) -> [Output] {
    switch args.first {
    case "auto":
      engine.autoSettle = true
      return [say(.timeAuto, .success)]
    case "manual", "step":
      engine.autoSettle = false
      return [say(.timeManual, .success)]
    default:
      return [
        say(
          .timeStatus(
            now: Timestamp.iso8601(millis: world.clock.nowMillis), auto: engine.autoSettle))
      ]
    }
  }

  /// `events [N]`: the last N events.
  func eventsCommand(_ args: [String]) -> [Output] {
    let n = args.first.flatMap { Int($0) } ?? 15
    let lines = eventLines(since: max(0, world.events.count - max(1, min(n, 500))), limit: 500)
    return lines.isEmpty ? [say(.noEvents)] : lines
  }

  /// `show cluster [NAME]`, `show planes`.
  func showCommand(_ args: [String]) -> [Output] {
    switch args.first {
    case "planes": return [Output(.tutor(.plain), Markdown.render(PlanesView.render(language)))]
    case "roles":
      return [
        Output(
          .tutor(.plain),
          // Already laid out (an aligned table): Markdown would join its indented rows.
          RolesView.render(world, ref: args.dropFirst().first, language))
      ]
    case "cluster":
      return [
        Output(
          .tutor(.plain), ClusterView.render(world, cluster: args.dropFirst().first, language))
      ]
    case "ports":
      return [Output(.tutor(.plain), NetworkView.ports(world, args.dropFirst().first, language))]
    case "vpc":
      return [Output(.tutor(.plain), VPCView.render(world, ref: args.dropFirst().first, language))]
    case "alb":
      return [Output(.tutor(.plain), ALBView.render(world, args.dropFirst().first, language))]
    case "task" where args.count == 2:
      return [Output(.tutor(.plain), NetworkView.task(world, args[1], language))]
    default:
      return [say(.showUsage)]
    }
  }

  mutating func simulate(_ args: [String]) -> [Output] {
    let usage = Msg.simulateUsage.text(language)
    guard let what = args.first, args.count >= 2 else { return [Output(.tutor(.plain), usage)] }
    let before = world
    let target = args[1]
    switch what {
    case "instance-failure":
      guard world.capacity.instances.contains(where: { $0.instanceId == target }) else {
        lastStatus = 1
        return [say(.noInstance(target), .failure)]
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
        return [say(.noRunningTask(target), .failure)]
      }
      world.simulateCrash(taskArn: task.arn, container: args.count > 2 ? args[2] : nil)
    case "load":
      guard args.count == 3, let pct = Double(args[2]), (0...100).contains(pct),
        world.workloads.services.contains(where: { $0.name == target || $0.arn == target })
      else { return [Output(.tutor(.failure), usage)] }
      world.setLoad(service: target, cpuPercent: pct)
    default: return [Output(.tutor(.plain), usage)]
    }
    undoStack.append(UndoEntry(world: before, line: (["simulate"] + args).joined(separator: " ")))
    let mark = before.events.count
    if engine.autoSettle { world.settle(maxSeconds: Self.settleCapSeconds) }
    return eventLines(since: mark, limit: 12)
  }

  /// Recent events as dim lines `09:00:35 message`, at most `limit`, with a note for the rest.
  func eventLines(since index: Int, limit: Int) -> [Output] {
    // Intermediate status changes are listed by `wait` as one line per task, not one by one.
    let new = world.events.dropFirst(max(0, index)).filter {
      if case .taskStatus? = $0.detail { return false }
      return true
    }
    guard !new.isEmpty else { return [] }
    var lines = new.prefix(limit).map { e -> String in
      let t = Timestamp.iso8601(millis: e.at)
      let hms = t.dropFirst(11).prefix(8)
      let text = e.detail.map { Msg.event($0, english: e.message).text(language) } ?? e.message
      return "  · \(hms) \(text)"
    }
    if new.count > limit { lines.append("  " + Msg.moreEvents(new.count - limit).text(language)) }
    return [Output(.tutor(.dim), lines.joined(separator: "\n"))]
  }

  /// What `wait` passed through: one line per task whose status changed, e.g.
  /// `task 1a2b3c4d… (web:1) PENDING → ACTIVATING → RUNNING`.
  func transitionLines(since index: Int) -> [Output] {
    var order: [String] = []
    var chains: [String: (td: String, states: [String])] = [:]
    for e in world.events.dropFirst(max(0, index)) {
      guard let d = e.detail else { continue }
      let step: (id: String, td: String, from: String?, to: String)
      switch d {
      case .taskStatus(let id, let td, let from, let to): step = (id, td, from, to)
      case .taskRunning(let id, let td): step = (id, td, nil, "RUNNING")
      case .taskStopped(let id, let td, _, _): step = (id, td, nil, "STOPPED")
      case .taskCreated(let id, let td, let status): step = (id, td, nil, status)
      default: continue
      }
      if chains[step.id] == nil {
        order.append(step.id)
        chains[step.id] = (step.td, step.from.map { [$0] } ?? [])
      }
      if chains[step.id]?.states.last != step.to { chains[step.id]?.states.append(step.to) }
    }
    let lines = order.compactMap { id -> String? in
      guard let c = chains[id], c.states.count > 1 else { return nil }
      return "  ↳ "
        + Msg.waitTransitions(
          "\(id.prefix(8))… (\(c.td)) "
            + c.states.joined(separator: " → ")
        ).text(language)
    }
    return lines.isEmpty ? [] : [Output(.tutor(.dim), lines.joined(separator: "\n"))]
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
