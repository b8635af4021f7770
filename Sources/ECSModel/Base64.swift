/// Standard base64 (RFC 4648), for user data, SecureString values and ECR tokens.
enum Base64 {
  static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

  static func encode(_ bytes: [UInt8]) -> String {
    var out = ""
    var i = 0
    while i < bytes.count {
      let b0 = Int(bytes[i])
      let b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0
      let b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
      out.append(alphabet[b0 >> 2])
      out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
      out.append(i + 1 < bytes.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : "=")
      out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : "=")
      i += 3
    }
    return out
  }

  /// The bytes of strict base64 text (padding required, no whitespace except line breaks), or nil.
  static func decode(_ text: String) -> [UInt8]? {
    let chars = Array(text.utf8).filter { $0 != 10 && $0 != 13 }
    guard chars.count % 4 == 0 else { return nil }
    var out: [UInt8] = []
    var i = 0
    while i < chars.count {
      var vals: [Int] = []
      var pad = 0
      for k in 0..<4 {
        let c = chars[i + k]
        if c == UInt8(ascii: "=") {
          guard i + 4 == chars.count, k >= 2 else { return nil }
          pad += 1
          vals.append(0)
          continue
        }
        guard pad == 0, let v = value(c) else { return nil }
        vals.append(v)
      }
      let n = (vals[0] << 18) | (vals[1] << 12) | (vals[2] << 6) | vals[3]
      out.append(UInt8((n >> 16) & 255))
      if pad < 2 { out.append(UInt8((n >> 8) & 255)) }
      if pad < 1 { out.append(UInt8(n & 255)) }
      i += 4
    }
    return out
  }

  static func value(_ c: UInt8) -> Int? {
    switch c {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c - UInt8(ascii: "a")) + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0")) + 52
    case UInt8(ascii: "+"): return 62
    case UInt8(ascii: "/"): return 63
    default: return nil
    }
  }
}
