import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// Where load balancing meets the rest: its resources narrated like the others (en, ja), and a
/// weighted forward action splitting `curl`'s requests by weight, deterministically.
@Suite struct LoadBalancingIntegrationTests {
  struct Narration: Sendable, CustomTestStringConvertible {
    var line: String
    var en: String
    var ja: String
    var testDescription: String { en }
  }

  /// Each line runs after the ones before it (`$LB`, `$TG`, `$L` are set by the earlier ones).
  static let narrations: [Narration] = [
    Narration(
      line:
        "LB=$(aws elbv2 create-load-balancer --name web-alb --subnets $S1 $S2 --query LoadBalancers[0].LoadBalancerArn --output text)",
      en: "Load balancer web-alb created: provisioning.",
      ja: "Application Load Balancer web-alb を作成しました (provisioning)。"),
    Narration(
      line:
        "TG=$(aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id $VPC --query TargetGroups[0].TargetGroupArn --output text)",
      en: "Target group web-tg created (HTTP:80, target type instance).",
      ja: "ターゲットグループ web-tg を作成しました (HTTP:80、ターゲットタイプ instance)。"),
    Narration(
      line:
        "L=$(aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG --query Listeners[0].ListenerArn --output text)",
      en: "Listener HTTP:80 created on load balancer web-alb.",
      ja: "ロードバランサー web-alb に HTTP:80 リスナーを作成しました。"),
    Narration(
      line: "aws elbv2 delete-listener --listener-arn $L",
      en: "Listener HTTP:80 deleted from load balancer web-alb.",
      ja: "ロードバランサー web-alb から HTTP:80 リスナーを削除しました。"),
    Narration(
      line: "aws elbv2 delete-target-group --target-group-arn $TG",
      en: "Target group web-tg deleted.", ja: "ターゲットグループ web-tg を削除しました。"),
    Narration(
      line: "aws elbv2 delete-load-balancer --load-balancer-arn $LB",
      en: "Load balancer web-alb deleted (with its listeners).",
      ja: "ロードバランサー web-alb をリスナーとともに削除しました。"),
  ]

  @Test(arguments: Language.allCases)
  func loadBalancingIsNarrated(_ lang: Language) {
    var s = Session(config: SessionConfig(language: lang), lessons: LessonLibrary())
    for line in [
      "VPC=$(aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text)",
      "S1=$(aws ec2 describe-subnets --query Subnets[0].SubnetId --output text)",
      "S2=$(aws ec2 describe-subnets --query Subnets[1].SubnetId --output text)",
    ] {
      ScenarioTests.ok(&s, line)
    }
    for n in Self.narrations {
      let said = s.handle(n.line).text
      #expect(s.lastStatus == 0, "\(n.line): \(said)")
      #expect(said.contains(lang == .ja ? n.ja : n.en), "\(said)")
    }
    // The world keeps AWS's English whatever the learner's language.
    let recorded = s.world.events.filter { $0.kind == .loadBalancer }.map(\.message)
    #expect(recorded == Self.narrations.map(\.en))
  }

  struct Split: Sendable, CustomTestStringConvertible {
    var weights: [Int]
    var requests: Int
    /// Requests per target group.
    var counts: [Int]
    var testDescription: String { "\(weights) over \(requests)" }
  }

  static let splits: [Split] = [
    Split(weights: [90, 10], requests: 10, counts: [9, 1]),
    Split(weights: [90, 10], requests: 100, counts: [90, 10]),
    Split(weights: [50, 50], requests: 4, counts: [2, 2]),
    Split(weights: [100, 0], requests: 7, counts: [7, 0]),
    Split(weights: [0, 100], requests: 7, counts: [0, 7]),
    Split(weights: [1, 2, 1], requests: 8, counts: [2, 4, 2]),
    Split(weights: [999, 1], requests: 1000, counts: [999, 1]),
    Split(weights: [5], requests: 3, counts: [3]),
  ]

  @Test(arguments: splits)
  func weightedRoundRobinSplitsByWeight(_ c: Split) {
    var counts = Array(repeating: 0, count: c.weights.count)
    for n in 0..<c.requests {
      guard let i = World.weightedPick(c.weights, request: n) else {
        Issue.record("no pick")
        return
      }
      counts[i] += 1
    }
    #expect(counts == c.counts)
  }

  @Test func weightedPickIsNilWithoutGroups() {
    #expect(World.weightedPick([], request: 0) == nil)
  }

  /// Blue (nginx) and green (httpd) behind one listener, 90/10: ten requests reach both, and
  /// `trace` names the weights; the same requests give the same answers in a fresh world.
  @Test func aNinetyTenSwitchShowsBothTargetGroupsOverTenRequests() {
    func answers() -> (bodies: [String], trace: String) {
      var s = LoadBalancingTests.world()
      let vpc = s.world.vpcs[0].vpcId
      let blue = LoadBalancingTests.tg(s)
      ScenarioTests.ok(
        &s,
        "aws elbv2 create-target-group --name green-tg --protocol HTTP --port 80 --vpc-id \(vpc)")
      let green = s.world.elb.targetGroups[1].arn
      let listener = s.world.elb.listeners[0].arn
      ScenarioTests.ok(
        &s,
        "aws elbv2 modify-listener --listener-arn \(listener) --default-actions 'Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=\(blue),Weight=90},{TargetGroupArn=\(green),Weight=10}]}'"
      )
      ScenarioTests.ok(
        &s,
        "aws ecs register-task-definition --family green --container-definitions '[{\"name\":\"green\",\"image\":\"httpd\",\"memory\":128,\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}]'"
      )
      ScenarioTests.ok(
        &s,
        "aws ecs create-service --cluster demo --service-name green --task-definition green --desired-count 1 --load-balancers targetGroupArn=\(green),containerName=green,containerPort=80"
      )
      ScenarioTests.ok(&s, "wait 3m")
      let bodies = (0..<10).map { _ in
        ScenarioTests.ok(&s, "curl " + LoadBalancingTests.url(s)).stdout
      }
      let trace = ScenarioTests.ok(&s, "trace " + LoadBalancingTests.url(s)).stdout
      #expect(s.world.elb.requestCounts[s.world.elb.loadBalancers[0].arn] == 11)
      return (bodies, trace)
    }
    let first = answers()
    #expect(first.bodies.filter { $0 == "Welcome to nginx!\n" }.count == 9, "\(first.bodies)")
    #expect(first.bodies.filter { $0 == "It works!\n" }.count == 1, "\(first.bodies)")
    #expect(first.trace.contains("90/100"), "\(first.trace)")
    #expect(answers().bodies == first.bodies)
  }
}
