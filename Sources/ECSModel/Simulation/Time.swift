/// Simulated time: the world moves in whole-second ticks, skipping quiet stretches, so the same
/// commands give the same world however the caller splits the waiting.
extension World {
  static let tickMillis: Int64 = 1000

  /// Moves the clock forward `seconds`, running lifecycle, services and auto scaling on each tick.
  ///
  /// ```swift
  /// world.advance(seconds: 30)
  /// ```
  public mutating func advance(seconds: Double) {
    guard seconds > 0 else { return }
    let target = clock.nowMillis + Int64((seconds * 1000).rounded())
    var next = nextTick(after: clock.nowMillis)
    while next <= target {
      clock.nowMillis = next
      tick()
      let wake = nextWake()
      next = max(nextTick(after: clock.nowMillis), wake.map { roundUpToTick($0) } ?? Int64.max)
    }
    clock.nowMillis = target
  }

  /// Advances until nothing is in transition, or `maxSeconds` have passed; returns the seconds used.
  ///
  /// ```swift
  /// let used = world.settle(maxSeconds: 600)  // e.g. 47.0
  /// ```
  @discardableResult
  public mutating func settle(maxSeconds: Double = 3600) -> Double {
    let start = clock.nowMillis
    let cap = start + Int64((maxSeconds * 1000).rounded())
    while !isSettled && clock.nowMillis < cap {
      let wake = nextWake() ?? (clock.nowMillis + World.tickMillis)
      let step = max(roundUpToTick(wake), nextTick(after: clock.nowMillis))
      advance(seconds: Double(min(step, cap) - clock.nowMillis) / 1000)
    }
    return Double(clock.nowMillis - start) / 1000
  }

  /// The processes that move by themselves, in the order each tick runs them: instances and
  /// agents, task phases (and lost hosts), the service scheduler, then auto scaling. A new process
  /// is a new type and one line here.
  static let processes: [any SimulationProcess.Type] = [
    NetworkGateways.self, ContainerAgent.self, Lifecycle.self, TargetHealth.self, Reconciler.self,
    AutoScaling.self, Applications.self, TaskSetScheduler.self, AgentUpdate.self,
  ]

  /// Whether no process has anything in transition: no task between states, every service steady.
  public var isSettled: Bool { World.processes.allSatisfy { $0.isSettled(self) } }

  private func nextTick(after t: Int64) -> Int64 { (t / World.tickMillis + 1) * World.tickMillis }
  private func roundUpToTick(_ t: Int64) -> Int64 {
    (t + World.tickMillis - 1) / World.tickMillis * World.tickMillis
  }

  /// The earliest moment something will happen by itself; nil when the world is quiet.
  func nextWake() -> Int64? { World.processes.compactMap { $0.nextWake(self) }.min() }

  /// One tick: every process in order.
  mutating func tick() {
    for process in World.processes { process.tick(&self) }
  }
}
