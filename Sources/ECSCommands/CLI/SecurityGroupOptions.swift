import ECSModel

/// The AWS CLI's own options on ec2 authorize/revoke-security-group-ingress/-egress
/// (awscli/customizations/ec2/secgroupsimplify.py): `--protocol tcp --port 80 --cidr 0.0.0.0/0`
/// or `--source-group sg-...`, which the CLI folds into `IpPermissions[0]`.
enum SecurityGroupOptions {
  static let operations: Set<String> = [
    "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
  ]

  /// The option names and their help, in the CLI's order.
  static let options: [(String, String)] = [
    (
      "protocol",
      "The IP protocol: tcp | udp | icmp. (VPC only) Use all to specify all protocols. Without --port it applies to all ports of the protocol."
    ),
    (
      "port",
      "For TCP or UDP: the range of ports to allow, a single integer or a range (min-max). For ICMP: type-code."
    ),
    ("cidr", "The IPv4 address range, in CIDR format."),
    ("source-group", "The name or ID of the source security group."),
    (
      "group-owner",
      "The AWS account ID that owns the source security group. Cannot be used when specifying a CIDR IP address."
    ),
  ]

  static func applies(_ service: String, _ operation: String) -> Bool {
    service == "ec2" && operations.contains(operation)
  }

  /// The IpPermissions the options describe (nil when none is given); the CLI's ValueErrors
  /// (exit 255) for a bad value or for mixing them with `--ip-permissions`.
  static func permissions(_ value: (String) -> String?, hasIpPermissions: Bool) throws
    -> JSONValue?
  {
    let given = options.map(\.0).filter { value($0) != nil }
    guard !given.isEmpty else { return nil }
    if hasIpPermissions {
      throw ArgumentError.python(
        "The --\(given[0]) option is not compatible with the --ip-permissions option ")
    }
    var p: [(String, JSONValue)] = []
    func put(_ k: String, _ v: JSONValue) {
      if let i = p.firstIndex(where: { $0.0 == k }) { p[i].1 = v } else { p.append((k, v)) }
    }
    var pair: [(String, JSONValue)] = []
    if var proto = value("protocol") {
      if let n = Int(proto) {
        if (n < 0 || n > 255) && n != -1 {
          throw ArgumentError.python(
            "protocol numbers must be in the range 0-255 or -1 to specify all protocols")
        }
      } else {
        guard ["tcp", "udp", "icmp", "all"].contains(proto) else {
          throw ArgumentError.python(
            "protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.")
        }
        if proto == "all" { proto = "-1" }
      }
      put("IpProtocol", .string(proto))
    }
    if let port = value("port") {
      let bounds: (String, String)
      if port == "-1" || port == "all" {
        bounds = ("-1", "-1")
      } else if let dash = port.dropFirst().firstIndex(of: "-") {
        bounds = (String(port[..<dash]), String(port[port.index(after: dash)...]))
      } else {
        bounds = (port, port)
      }
      guard let lo = Int(bounds.0), let hi = Int(bounds.1) else {
        throw ArgumentError.python(
          "port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)")
      }
      put("FromPort", .int(lo))
      put("ToPort", .int(hi))
    }
    if let cidr = value("cidr") { put("IpRanges", [["CidrIp": .string(cidr)]]) }
    if let group = value("source-group") {
      pair.append((group.hasPrefix("sg-") ? "GroupId" : "GroupName", .string(group)))
    }
    if let owner = value("group-owner") { pair.append(("UserId", .string(owner))) }
    if !pair.isEmpty { put("UserIdGroupPairs", .array([.object(pair)])) }
    return .array([.object(p)])
  }
}
