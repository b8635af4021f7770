/// Something that changes the world by itself as simulated time passes. Time runs every process
/// in `World.processes` on each tick, wakes at the earliest `nextWake`, and calls the world settled
/// when every process is.
protocol SimulationProcess: SendableMetatype {
  /// Acts at the current time (`world.clock.nowMillis`, a whole tick).
  static func tick(_ world: inout World)
  /// The earliest moment it will act by itself; nil when it has nothing to do.
  static func nextWake(_ world: World) -> Int64?
  /// Whether it has nothing in transition that time alone would change.
  static func isSettled(_ world: World) -> Bool
}
