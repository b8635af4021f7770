/// Reading, comparing and printing security group rules (EC2's IpPermission and
/// SecurityGroupRule documents).
extension SecurityGroup {
  /// A rule ID that needs no random draw (the default group's two rules, made with the account):
  /// derived from the group ID, so a fresh world keeps the IDs it always had.
  static func derivedRuleId(_ group: SecurityGroup, _ index: Int) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in (group.groupId + "/\(index)").utf8 {
      h = (h ^ UInt64(b)) &* 0x0100_0000_01b3
    }
    let digits = Array("0123456789abcdef")
    var out = "sgr-0"
    for i in 0..<16 { out.append(digits[Int((h >> (UInt64(i) * 4)) & 15)]) }
    return out
  }

  /// Rules of one direction merged as describe-security-groups prints them: one IpPermission per
  /// protocol and port range, its peers in the order they were added.
  static func merged(_ rules: [SecurityGroupRule]) -> [SecurityGroupRule] {
    var out: [SecurityGroupRule] = []
    for r in rules {
      if let i = out.firstIndex(where: { $0.sameTraffic(r) }) {
        out[i].cidrs += r.cidrs
        out[i].sourceGroupIds += r.sourceGroupIds
      } else {
        out.append(r)
      }
    }
    return out
  }

  /// Whether an inbound rule lets traffic of this protocol and port in from a peer (an IPv4
  /// address, or an ENI holding these groups); the first rule that does, if any.
  public func inboundRule(
    protocol proto: String, port: Int, fromIp ip: String?, fromGroups groups: [String]
  ) -> SecurityGroupRule? {
    ingress.first { r in
      guard r.covers(protocol: proto, port: port) else { return false }
      if let ip, r.cidrs.contains(where: { CIDR($0)?.contains(ip) == true }) { return true }
      return r.sourceGroupIds.contains { groups.contains($0) }
    }
  }
}

extension SecurityGroupRule {
  /// Same protocol and port range (peers aside).
  func sameTraffic(_ other: SecurityGroupRule) -> Bool {
    ipProtocol == other.ipProtocol && fromPort == other.fromPort && toPort == other.toPort
  }

  /// Same protocol, ports and peer: what EC2 calls a duplicate.
  func sameRule(_ other: SecurityGroupRule) -> Bool {
    sameTraffic(other) && cidrs == other.cidrs && sourceGroupIds == other.sourceGroupIds
  }

  /// Whether the rule admits this protocol ("tcp", "udp") and port.
  public func covers(protocol proto: String, port: Int) -> Bool {
    if ipProtocol == "-1" { return true }
    guard ipProtocol == proto else { return false }
    guard let lo = fromPort, let hi = toPort else { return true }
    if lo == -1 { return true }
    return lo <= port && port <= hi
  }

  /// The rule's peer as EC2 names it in InvalidPermission.Duplicate.
  public var peer: String { cidrs.first ?? sourceGroupIds.first ?? "" }

  /// The rule as EC2 quotes it: `peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW`.
  // UNCONFIRMED: the TCP form is AWS's (quoted in public reports); the ALL and ICMP forms follow it.
  var quoted: String {
    switch ipProtocol {
    case "-1": return "peer: \(peer), ALL, ALLOW"
    case "icmp":
      return "peer: \(peer), ICMP, type: \(fromPort ?? -1), code: \(toPort ?? -1), ALLOW"
    case "tcp", "udp":
      return
        "peer: \(peer), \(ipProtocol.uppercased()), from port: \(fromPort ?? -1), to port: \(toPort ?? -1), ALLOW"
    default: return "peer: \(peer), \(ipProtocol), ALLOW"
    }
  }

  /// Ports as the tutor shows them: "80", "8000-8080", "all".
  public var portText: String {
    guard ipProtocol != "-1", let lo = fromPort, let hi = toPort, lo != -1 else { return "all" }
    return lo == hi ? "\(lo)" : "\(lo)-\(hi)"
  }

  /// The protocol as the tutor shows it: "tcp", "all".
  public var protocolText: String { ipProtocol == "-1" ? "all" : ipProtocol }

  /// The rule as a SecurityGroupRule document (describe-security-group-rules, authorize's output).
  func ruleDocument(group: SecurityGroup, egress: Bool, arn: String) -> JSONValue {
    jsonObject([
      ("SecurityGroupRuleId", .string(ruleId)),
      ("GroupId", .string(group.groupId)),
      ("GroupOwnerId", .string(group.ownerId)),
      ("IsEgress", .bool(egress)),
      ("IpProtocol", .string(ipProtocol)),
      ("FromPort", .int(fromPort ?? -1)),
      ("ToPort", .int(toPort ?? -1)),
      ("CidrIpv4", cidrs.first.map { .string($0) }),
      (
        "ReferencedGroupInfo",
        sourceGroupIds.first.map { ["GroupId": .string($0), "UserId": .string(group.ownerId)] }
      ),
      ("Description", description.map { .string($0) }),
      ("Tags", []),
      ("SecurityGroupRuleArn", .string(arn)),
    ])
  }

  /// The rule as a RevokedSecurityGroupRule document.
  func revokedDocument(group: SecurityGroup, egress: Bool) -> JSONValue {
    jsonObject([
      ("SecurityGroupRuleId", .string(ruleId)),
      ("GroupId", .string(group.groupId)),
      ("IsEgress", .bool(egress)),
      ("IpProtocol", .string(ipProtocol)),
      ("FromPort", .int(fromPort ?? -1)),
      ("ToPort", .int(toPort ?? -1)),
      ("CidrIpv4", cidrs.first.map { .string($0) }),
      ("ReferencedGroupId", sourceGroupIds.first.map { .string($0) }),
      ("Description", description.map { .string($0) }),
    ])
  }
}

/// An IPv4 CIDR block ("10.0.0.0/16"); a bare address is a /32.
public struct CIDR: Sendable, Equatable {
  public var base: UInt32
  public var prefix: Int

  /// Parses "a.b.c.d/n" (or "a.b.c.d" when `bareAddress`); nil when malformed.
  public init?(_ text: String, bareAddress: Bool = false) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2 || (bareAddress && parts.count == 1) else { return nil }
    guard let ip = CIDR.address(String(parts[0])) else { return nil }
    let n = parts.count == 2 ? Int(parts[1]) : 32
    guard let n, (0...32).contains(n), parts.count == 1 || !parts[1].isEmpty else { return nil }
    base = ip
    prefix = n
  }

  /// The 32-bit value of a dotted IPv4 address.
  public static func address(_ text: String) -> UInt32? {
    let octets = text.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4 else { return nil }
    var v: UInt32 = 0
    for o in octets {
      guard !o.isEmpty, o.count <= 3, let b = UInt32(o), b <= 255 else { return nil }
      v = v << 8 | b
    }
    return v
  }

  var mask: UInt32 { prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix) }

  /// Whether the address lies in the block.
  public func contains(_ ip: String) -> Bool {
    guard let v = CIDR.address(ip) else { return false }
    return v & mask == base & mask
  }

  /// Whether every address of `other` lies in this block.
  public func contains(_ other: CIDR) -> Bool {
    other.prefix >= prefix && other.base & mask == base & mask
  }
}
