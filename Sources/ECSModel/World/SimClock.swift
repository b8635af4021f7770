/// Simulated time in milliseconds since 1970, moved only by the caller.
public struct SimClock: Sendable, Equatable, Codable {
  public var nowMillis: Int64

  /// 2026-01-05T09:00:00Z: a fixed start so every run prints the same timestamps.
  public static let defaultStart: Int64 = 1_767_603_600_000

  public init(nowMillis: Int64 = SimClock.defaultStart) { self.nowMillis = nowMillis }

  public mutating func advance(seconds: Double) { nowMillis += Int64((seconds * 1000).rounded()) }

  /// The moment as a JSON value. The CLI (v2) prints timestamps as ISO 8601 with the offset.
  public var json: JSONValue { .string(Timestamp.iso8601(millis: nowMillis)) }
}

/// Formats epoch milliseconds the way AWS CLI v2 prints them: `2026-01-05T09:00:00.123000+00:00`.
public enum Timestamp {
  public static func iso8601(millis: Int64) -> String {
    let secs = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
    let ms = Int(millis - secs * 1000)
    var days = Int(secs / 86400)
    var rem = Int(secs % 86400)
    if rem < 0 {
      rem += 86400
      days -= 1
    }
    let (y, m, d) = civil(fromDays: days)
    let hh = rem / 3600
    let mm = (rem % 3600) / 60
    let ss = rem % 60
    let frac = ms == 0 ? "" : "." + pad(ms * 1000, 6)
    return
      "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(hh, 2)):\(pad(mm, 2)):\(pad(ss, 2))\(frac)+00:00"
  }

  static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  // Howard Hinnant's days-from-civil inverse.
  static func civil(fromDays z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}
