import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// `reach` and the `reach:` assertion over one world holding a task of each network mode.
@Suite struct ReachTests {
  /// Tasks by family: web (bridge, hostPort 80, plus a sidecar), dyn (bridge, dynamic), vpc
  /// (awsvpc, two containers), hostm (host, port 8080), iso (none); two t3.medium instances.
  static func world() -> Session {
    var s = ScenarioTests.clusterWithInstances(2)
    let defs = [
      "--family web --container-definitions '[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":80}]},{\"name\":\"side\",\"image\":\"busybox\",\"memory\":64,\"essential\":false}]'",
      "--family dyn --container-definitions '[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}]'",
      "--family vpc --network-mode awsvpc --container-definitions '[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"portMappings\":[{\"containerPort\":80}]},{\"name\":\"side\",\"image\":\"busybox\",\"memory\":64,\"essential\":false}]'",
      "--family hostm --network-mode host --container-definitions '[{\"name\":\"api\",\"image\":\"nginx\",\"memory\":128,\"portMappings\":[{\"containerPort\":8080}]}]'",
      "--family iso --network-mode none --container-definitions '[{\"name\":\"job\",\"image\":\"busybox\",\"memory\":64}]'",
    ]
    for d in defs { ScenarioTests.ok(&s, "aws ecs register-task-definition " + d) }
    let subnet = s.world.subnets[0].subnetId
    for f in ["web", "dyn", "hostm", "iso"] {
      ScenarioTests.ok(&s, "aws ecs run-task --cluster demo --task-definition \(f)")
    }
    ScenarioTests.ok(
      &s,
      "aws ecs run-task --cluster demo --task-definition vpc --network-configuration \"awsvpcConfiguration={subnets=[\(subnet)]}\""
    )
    ScenarioTests.ok(&s, "wait 2m")
    return s
  }

  static func id(_ s: Session, _ family: String) -> String {
    s.world.workloads.tasks.last { $0.family == family }?.id ?? "?"
  }

  /// (source, target, port, before the port 80 rule, expected first line).
  static let cases: [(String, String, String, String)] = [
    (
      "internet", "web:80",
      "not reachable: security group $SG has no inbound rule allowing tcp 80 from 0.0.0.0/0",
      "reachable: internet → "
    ),
    (
      "internet", "vpc:80",
      "not reachable: $vpc has no public IP address, so nothing outside the VPC can reach it",
      "same"
    ),
    ("web", "vpc:80", "reachable: $web → ", "same"),
    (
      "web", "vpc:81",
      "not reachable: $vpc is not listening on port 81 (no such portMappings entry)", "same"
    ),
    (
      "vpc/side", "vpc:80", "reachable: $vpc/side → localhost → container $vpc/web listening on 80",
      "same"
    ),
    (
      "web/side", "web:80",
      "not reachable: task $web uses bridge mode: its containers do not share localhost (use links or service discovery)",
      "same"
    ),
    (
      "internet", "iso:80",
      "not reachable: task $iso uses network mode none: it has no network beyond its own loopback",
      "same"
    ),
    (
      "iso", "web:80",
      "not reachable: task $iso uses network mode none: it has no network beyond its own loopback",
      "same"
    ),
    (
      "internet", "dyn:80",
      "not reachable: security group $SG has no inbound rule allowing tcp 32768 from 0.0.0.0/0",
      "same"
    ),
    (
      "internet", "hostm:8080",
      "not reachable: security group $SG has no inbound rule allowing tcp 8080 from 0.0.0.0/0",
      "same"
    ),
    (
      "internet", "$INSTANCE:81",
      "not reachable: security group $SG has no inbound rule allowing tcp 81 from 0.0.0.0/0", "same"
    ),
    (
      "10.0.0.0/8", "web:22",
      "not reachable: security group $SG has no inbound rule allowing tcp 22 from 10.0.0.0/8",
      "same"
    ),
    ("nobody", "web:80", "not reachable: no source named nobody", "same"),
  ]

  @Test func eachRefusingHopAndTheOpenedPath() throws {
    var s = Self.world()
    let sg = s.world.securityGroups.first { $0.groupName == "default" }!.groupId
    let webTask = s.world.workloads.tasks.last { $0.family == "web" }!
    let fill = { (text: String, s: Session) -> String in
      var t = text
      for f in ["web", "vpc", "iso", "dyn", "hostm"] {
        let id = Self.id(s, f)
        t = t.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
          var w = String(word)
          for (pat, rep) in [
            ("$" + f, String(id.prefix(8))), (f + ":", id + ":"), (f + "/", id + "/"),
          ]
          where w.hasPrefix(pat) {
            w = rep + w.dropFirst(pat.count)
          }
          if w == f { w = id }
          return w
        }.joined(separator: " ")
      }
      return t
    }
    func line(_ src: String, _ dst: String) -> String {
      var d = dst
      if d.hasPrefix("$INSTANCE") { d = (webTask.ec2InstanceId ?? "") + d.dropFirst(9) }
      let out = s.handle("reach \(fill(src, s)) \(fill(d, s))").stdout
      return String(out.split(separator: "\n").first ?? "")
    }
    for (src, dst, before, _) in Self.cases {
      let expected = fill(before, s).split(separator: " ").joined(separator: " ")
        .replacingSG(sg)
      let got = line(src, dst)
      #expect(got.hasPrefix(expected), "reach \(src) \(dst)")
    }
    ScenarioTests.ok(
      &s,
      "aws ec2 authorize-security-group-ingress --group-id \(sg) --protocol tcp --port 80 --cidr 0.0.0.0/0"
    )
    for (src, dst, before, after) in Self.cases {
      let expected = fill(after == "same" ? before : after, s).replacingSG(sg)
      #expect(line(src, dst).hasPrefix(expected), "after: reach \(src) \(dst)")
    }
    // A missing rule comes with the command that adds it.
    let advice = s.handle("reach internet \(webTask.id):22").stdout
    #expect(
      advice.contains(
        "to open it: aws ec2 authorize-security-group-ingress --group-id \(sg) --protocol tcp --port 22 --cidr 0.0.0.0/0"
      ))
    // The status: 0 when reachable, 1 when not.
    _ = s.handle("reach internet \(webTask.id):80")
    #expect(s.lastStatus == 0)
    _ = s.handle("reach internet \(webTask.id):22")
    #expect(s.lastStatus == 1)
  }

  @Test func showPortsAndShowTask() throws {
    var s = Self.world()
    let ports = s.handle("show ports").text
    for piece in [
      "reserved ports: 22, 2375, 2376, 51678, 51679", "static", "dynamic", "host",
      "ENIs: 1 of 2 free for tasks",
    ] {
      #expect(ports.contains(piece), "show ports lacks \(piece)")
    }
    let vpc = s.handle("show task \(Self.id(s, "vpc"))").text
    #expect(vpc.contains("network mode: awsvpc"))
    #expect(vpc.contains("no public IP"))
    #expect(vpc.contains("inbound all all from sg-"))
    let web = s.handle("show task \(Self.id(s, "web"))").text
    #expect(web.contains("web: host 80 → 80/tcp"))
    s.config.language = .ja
    #expect(s.handle("show ports").text.contains("予約済みポート"))
  }

  @Test func theReachAssertionRequiresOrForbids() throws {
    var s = Self.world()
    let sg = s.world.securityGroups.first { $0.groupName == "default" }!.groupId
    let web80: JSONValue = ["from": "internet", "to": ["family": "web"], "port": 80]
    let web22: JSONValue = ["from": "internet", "to": ["family": "web"], "port": 22]
    #expect(Queries.run(Selector(kind: "reach", params: web80), on: s.world).isEmpty)
    ScenarioTests.ok(
      &s,
      "aws ec2 authorize-security-group-ingress --group-id \(sg) --protocol tcp --port 80 --cidr 0.0.0.0/0"
    )
    #expect(Queries.run(Selector(kind: "reach", params: web80), on: s.world).count == 1)
    #expect(Queries.run(Selector(kind: "reach", params: web22), on: s.world).isEmpty)
    #expect(
      Queries.describe(Selector(kind: "reach", params: web80))
        == "port 80 of family web reachable from internet")
  }
}

extension String {
  fileprivate func replacingSG(_ sg: String) -> String {
    split(separator: " ", omittingEmptySubsequences: false).map { $0 == "$SG" ? sg : String($0) }
      .joined(separator: " ")
  }
}
