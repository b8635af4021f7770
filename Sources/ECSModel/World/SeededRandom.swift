/// A small deterministic generator (SplitMix64): the same seed gives the same IDs on every machine.
///
/// ```swift
/// var rng = SeededRandom(seed: 42)
/// rng.hex(32)  // always the same 32 hex digits for seed 42
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable, Equatable, Codable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `count` lowercase hex digits.
  public mutating func hex(_ count: Int) -> String {
    let digits = Array("0123456789abcdef")
    var out = ""
    out.reserveCapacity(count)
    for _ in 0..<count { out.append(digits[Int(next() & 15)]) }
    return out
  }

  /// A version-4 style UUID in lowercase, as ECS uses for container instance IDs.
  public mutating func uuid() -> String {
    let h = Array(hex(32))
    let variant = Array("89ab")[Int(next() & 3)]
    return String(h[0..<8]) + "-" + String(h[8..<12]) + "-4" + String(h[13..<16]) + "-"
      + String(variant) + String(h[17..<20]) + "-" + String(h[20..<32])
  }

  /// A decimal string of `count` digits with no leading zero (deployment IDs, request IDs).
  public mutating func digits(_ count: Int) -> String {
    var out = String(1 + next() % 9)
    for _ in 1..<max(count, 1) { out += String(next() % 10) }
    return out
  }

  /// A value in `range`.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }
}
