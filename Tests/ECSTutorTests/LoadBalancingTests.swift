import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// A bridge service with dynamic host ports behind an ALB, as the AWS tutorials build it; then
/// `trace`, `curl`, target health and the service's replacement of unhealthy tasks.
@Suite struct LoadBalancingTests {
  /// Cluster `demo` with two instances, ALB `web-alb` (default group, port 80 open to the
  /// internet), target group `web-tg` (instance, HTTP 80), listener :80, service `web` of 2
  /// nginx tasks with hostPort 0; settled.
  static func world() -> Session {
    var s = ScenarioTests.clusterWithInstances(2)
    let subnets = s.world.subnets.prefix(2).map(\.subnetId).joined(separator: " ")
    let vpc = s.world.vpcs[0].vpcId
    let sg = s.world.securityGroups[0].groupId
    for line in [
      "aws ec2 authorize-security-group-ingress --group-id \(sg) --protocol tcp --port 80 --cidr 0.0.0.0/0",
      "aws elbv2 create-load-balancer --name web-alb --subnets \(subnets) --security-groups \(sg)",
      "aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id \(vpc)",
      "aws ecs register-task-definition --family web --container-definitions '[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}]'",
    ] {
      ScenarioTests.ok(&s, line)
    }
    ScenarioTests.ok(
      &s,
      "aws elbv2 create-listener --load-balancer-arn \(s.world.elb.loadBalancers[0].arn) --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=\(tg(s))"
    )
    ScenarioTests.ok(
      &s,
      "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2 --load-balancers targetGroupArn=\(tg(s)),containerName=web,containerPort=80"
    )
    ScenarioTests.ok(&s, "wait 3m")
    return s
  }

  static func tg(_ s: Session) -> String { s.world.elb.targetGroups[0].arn }
  static func url(_ s: Session, _ path: String = "/") -> String {
    "http://" + s.world.elb.loadBalancers[0].dnsName + path
  }

  @Test func tasksRegisterWithTheirInstanceAndDynamicHostPort() {
    let s = Self.world()
    let targets = s.world.elb.targetGroups[0].targets
    #expect(targets.count == 2)
    for t in targets {
      let task = s.world.workloads.tasks.first { $0.id == t.taskId }
      #expect(t.id == task?.ec2InstanceId)
      #expect(t.port == task?.containers[0].bindings[0].hostPort)
      #expect((32768...65535).contains(t.port))
      #expect(t.state == "healthy")
    }
    let events = s.world.workloads.services[0].events.map(\.message)
    #expect(events.contains("(service web) registered 2 targets in (target-group \(Self.tg(s)))"))
    #expect(events.first == "(service web) has reached a steady state.")
  }

  @Test func curlGetsTheContainersAnswer() {
    var s = Self.world()
    let out = ScenarioTests.ok(&s, "curl " + Self.url(s))
    #expect(out.stdout == "Welcome to nginx!\n")
    let trace = ScenarioTests.ok(&s, "trace " + Self.url(s)).stdout
    #expect(trace.contains("listener      HTTP :80"))
    #expect(trace.contains("container     web:80"))
    #expect(trace.contains("✓ the container web answered 200"))
  }

  /// (what breaks it, the line that says where; the fix is not needed: each case starts anew).
  static let breaks: [(String, String, String)] = [
    (
      "no listener",
      "aws ec2 authorize-security-group-ingress --group-id $SG --protocol tcp --port 8080 --cidr 0.0.0.0/0; trace $URL:8080/",
      "✗ no listener on port 8080 (listeners: 80)"
    ),
    (
      "group closed to port 8080", "trace $URL:8080/",
      "✗ the load balancer's security group $SG has no inbound rule allowing tcp 8080 from 0.0.0.0/0"
    ),
    (
      "unknown DNS name", "trace http://nope.us-east-1.elb.amazonaws.com/",
      "✗ no load balancer has the DNS name nope.us-east-1.elb.amazonaws.com"
    ),
    (
      "LB group closed",
      "aws ec2 revoke-security-group-ingress --group-id $SG --protocol tcp --port 80 --cidr 0.0.0.0/0",
      "✗ the load balancer's security group $SG has no inbound rule allowing tcp 80 from 0.0.0.0/0"
    ),
    (
      "fixed response",
      "aws elbv2 modify-listener --listener-arn $L --default-actions Type=fixed-response,FixedResponseConfig={StatusCode=404}",
      "✗ the rule answers itself: fixed-response 404"
    ),
  ]

  @Test(arguments: breaks)
  func traceStopsAtTheRightHop(name: String, command: String, expected: String) {
    var s = Self.world()
    let sg = s.world.securityGroups[0].groupId
    let l = s.world.elb.listeners[0].arn
    func fill(_ t: String) -> String {
      t.replacingOccurrences(of: "$URL", with: "http://" + s.world.elb.loadBalancers[0].dnsName)
        .replacingOccurrences(of: "$SG", with: sg).replacingOccurrences(of: "$L", with: l)
    }
    var line = fill(command)
    if let semi = line.firstIndex(of: ";") {
      ScenarioTests.ok(&s, String(line[..<semi]))
      line = String(line[line.index(after: semi)...].drop { $0 == " " })
    }
    if !line.hasPrefix("trace") {
      ScenarioTests.ok(&s, line)
      line = "trace " + Self.url(s)
    }
    let out = s.handle(line).stdout
    #expect(s.lastStatus == 0, "\(name)")
    #expect(out.contains(fill(expected)), "\(name): \(out)")
  }

  /// A wrong health check path: the targets turn unhealthy with AWS's reason, the service
  /// replaces the tasks, and the stopped reason names the target group.
  @Test func unhealthyTargetsAreReplaced() {
    var s = Self.world()
    ScenarioTests.ok(
      &s,
      "aws elbv2 modify-target-group --target-group-arn \(Self.tg(s)) --health-check-path /health")
    ScenarioTests.ok(&s, "wait 70s")
    let stopped = s.world.workloads.tasks.filter { $0.desiredStatus == .stopped }
    #expect(!stopped.isEmpty)
    #expect(
      stopped.allSatisfy {
        $0.stoppedReason == "Task failed ELB health checks in (target-group \(Self.tg(s)))"
      })
    let events = s.world.workloads.services[0].events.map(\.message)
    #expect(
      events.contains {
        $0.contains(
          "is unhealthy in (target-group \(Self.tg(s))) due to (reason Health checks failed with these codes: [404])."
        )
      })
    // Draining: a stopped task waits in DEACTIVATING while its target drains (300 s).
    let deactivating = stopped.filter { $0.lastStatus == .deactivating }.map(\.id)
    let draining = s.world.elb.targetGroups[0].targets.filter { $0.state == "draining" }
    #expect(!deactivating.isEmpty)
    #expect(Set(draining.compactMap(\.taskId)) == Set(deactivating))
  }

  @Test func serviceValidationUsesAWSMessages() {
    var s = Self.world()
    let vpc = s.world.vpcs[0].vpcId
    ScenarioTests.ok(
      &s, "aws elbv2 create-target-group --name lonely --protocol HTTP --port 80 --vpc-id \(vpc)")
    let lonely = s.world.elb.targetGroups[1].arn
    let out = s.handle(
      "aws ecs create-service --cluster demo --service-name w2 --task-definition web --desired-count 1 --load-balancers targetGroupArn=\(lonely),containerName=web,containerPort=80"
    )
    #expect(
      out.text.contains(
        "The target group with targetGroupArn \(lonely) does not have an associated load balancer.")
    )
    ScenarioTests.ok(
      &s,
      "aws elbv2 create-target-group --name ips --protocol HTTP --port 80 --target-type ip --vpc-id \(vpc)"
    )
    let ips = s.world.elb.targetGroups[2].arn
    ScenarioTests.ok(
      &s,
      "aws elbv2 modify-listener --listener-arn \(s.world.elb.listeners[0].arn) --default-actions '[{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[{\"TargetGroupArn\":\"\(Self.tg(s))\",\"Weight\":90},{\"TargetGroupArn\":\"\(ips)\",\"Weight\":10}]}}]'"
    )
    let out2 = s.handle(
      "aws ecs create-service --cluster demo --service-name w3 --task-definition web --desired-count 1 --load-balancers targetGroupArn=\(ips),containerName=web,containerPort=80"
    )
    #expect(
      out2.text.contains(
        "The provided target group \(ips) has target type ip, which is incompatible with the bridge network mode specified in the task definition."
      ))
  }

  /// The circuit breaker counts tasks replaced for failing ELB health checks.
  @Test func theCircuitBreakerCountsELBHealthFailures() {
    var s = Self.world()
    ScenarioTests.ok(
      &s,
      "aws ecs register-task-definition --family web --container-definitions '[{\"name\":\"web\",\"image\":\"nginx\",\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}]'"
    )
    ScenarioTests.ok(
      &s,
      "aws elbv2 modify-target-group --target-group-arn \(Self.tg(s)) --health-check-path /health")
    ScenarioTests.ok(
      &s,
      "aws ecs update-service --cluster demo --service web --task-definition web:2 --deployment-configuration 'deploymentCircuitBreaker={enable=true,rollback=false}'"
    )
    ScenarioTests.ok(&s, "wait 10m")
    let primary = s.world.workloads.services[0].deployments.first
    #expect(primary?.rolloutState == .failed)
    #expect((primary?.failedTasks ?? 0) >= 3)
  }
}
