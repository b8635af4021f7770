import ECSModel

extension Session {
  /// `reach SOURCE TARGET:PORT[/udp]`: whether SOURCE reaches that port, with the path or the hop
  /// that refuses (`World.reach`), on stdout. The status is 0 when reachable, 1 when not, as a
  /// probe such as `nc -z` answers.
  mutating func reachCommand(_ args: [String]) -> [Output] {
    // `reach TASK ecr.api` / `reach TASK internet`: egress over HTTPS (World.egress).
    if args.count == 2, !args[1].contains(":"), !args[1].isEmpty {
      let (ok, text) = VPCView.egress(world, source: args[0], to: args[1], language)
      lastStatus = ok ? 0 : 1
      return [Output(.stdout, text + "\n")]
    }
    guard args.count == 2, let colon = args[1].lastIndex(of: ":") else {
      lastStatus = 2
      return [say(.reachUsage)]
    }
    let target = String(args[1][..<colon])
    var portText = String(args[1][args[1].index(after: colon)...])
    var proto = "tcp"
    if portText.hasSuffix("/udp") || portText.hasSuffix("/tcp") {
      proto = String(portText.suffix(3))
      portText = String(portText.dropLast(4))
    }
    guard let port = Int(portText), (0...65535).contains(port), !target.isEmpty else {
      lastStatus = 2
      return [say(.reachUsage)]
    }
    let (ok, text) = NetworkView.reach(
      world.reach(from: args[0], to: target, port: port, protocol: proto), language)
    lastStatus = ok ? 0 : 1
    // The answer is the command's output (stdout), so scripts and pipes see it as well.
    return [Output(.stdout, text + "\n")]
  }
}
