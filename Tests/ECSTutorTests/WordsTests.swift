import ECSCommands
import ECSModel
import Foundation
import TestSupport
import Testing

@testable import ECSTutor

/// A session in `lesson` at step `index`, the earlier steps solved by their solutions.
func session(
  _ lang: Language = .en, lesson id: String, step index: Int, narrate: Bool = true,
  manual: Bool = false
) throws -> Session {
  var config = SessionConfig(language: lang, narrate: narrate)
  config.languageIsExplicit = true
  var s = Session(config: config, lessons: try repositoryLessons())
  let lesson = try #require(s.lessons.lesson(id))
  s.enterLesson(lesson, at: index)
  if manual { _ = s.handle("time manual") }
  return s
}

/// Every key of the catalogue has a text in each language: the keys are read from the source of
/// `Msg`, so a new key without a sample here fails.
@Suite struct CatalogueTests {
  static let samples: [Msg] = [
    .welcomeFirst, .welcomeBack(lesson: "L", step: 1, of: 2), .welcomeBackSandbox,
    .unknownCommand("x", suggestion: "y"), .lessonsHeader, .noLessons, .noSuchLesson("x"),
    .lessonBroken("x"),
    .lessonStarted("T"), .stepHeader(lesson: "l", index: 1, count: 2, title: "T"), .stepPassed,
    .stepPassedWithHelp, .lessonComplete("T"), .nextLesson(id: "x", title: "T"), .allLessonsDone,
    .notInLesson, .sandbox, .checkAllMet, .checkHeader(met: 1, total: 2),
    .missingResource("cluster demo", plural: false),
    .expectedActual(path: "p", expected: .present, actual: nil),
    .countMismatch(what: "tasks", expected: .atLeast("2"), actual: 1),
    .forbiddenHolds("tasks", plural: true, count: 2), .expectation(.absent, path: "p"),
    .found(.noMatchingItem), .countExpectation(.value("3")),
    .assertionLabel(selection: "tasks", count: .atLeast("1"), match: nil),
    .selection(kind: "cluster", params: SelectionParams(name: "demo")),
    .foundMeaning(.essentialContainerExited), .noMoreHints, .hintHeader(1, 3), .solutionConfirm,
    .solutionHeader, .solutionRunHint, .solutionCancelled, .solutionRunning,
    .undone("aws ecs create-cluster"),
    .undoNothing,
    .resetStep, .resetLesson, .languageSet, .languageUsage, .becameTrue("x"), .exported("f"),
    .imported, .progressUsage, .progressError("e"), .commandNotFound("x"), .interrupted,
    .progressUnreadable(movedTo: "f"), .progressNotSaved("r"), .historyNotSaved("r"),
    .lessonsUnavailable, .waitUsage, .waitPassed(seconds: 10, now: "t", settled: true),
    .timeAuto, .timeManual, .timeStatus(now: "t", auto: true), .noEvents, .moreEvents(2),
    .showUsage, .simulateUsage, .noInstance("i"), .noRunningTask("t"),
    .event(.clusterCreated("demo"), english: "Cluster demo created."), .waitTransitions("a → b"),
    .docker(.runsInECS(command: "run")), .pointer(.noUpdateTaskDefinition),
    .capacityUsage, .capacityCount, .capacityNoCluster("demo"),
    .capacityLaunched(count: 2, type: "t3.medium", ids: ["i-1"], cluster: "demo", command: "c"),
    .clusterNone, .clusterWhich(["a"]), .clusterTitle("demo"), .clusterProviders(["FARGATE"]),
    .clusterNoInstances, .agentDisconnected, .fargateHeading, .servicesHeading, .memoryLabel,
    .portsLabel,
    .deploymentLine(
      status: "PRIMARY", rollout: "IN_PROGRESS", taskDefinition: "web:2", running: 1, desired: 3),
    .planes, .helpSection(.lessons), .helpPrograms, .lessonUsage,
    .lessonRestartConfirm(id: "x", step: 2, of: 5), .worldRestored(step: 2, of: 6), .freshAccount,
    .setupBuilt, .leftoverState(last: "aws ecs create-cluster"),
    .lessonMap(done: 1, of: 5, helped: 1, now: 2), .stepState(.doneWithHelp),
    .reachUsage, .reachable(path: "internet → 1.2.3.4"), .notReachable("why"),
    .reachOpenIt(command: "aws ec2 authorize-security-group-ingress"),
    .reachHop(.allowedBy(groupId: "sg-1", ruleId: "sgr-1")),
    .reachRefusal(.noPublicAddress(target: "t")),
    .reachHop(.address(ip: "1.2.3.4", isPublic: true)),
    .reachRefusal(.unknownTarget("x")), .reachRefusal(.bridgeNoLocalhost(taskId: "t")),
    .reachFamily("web"), .reachService("web"),
    .reachAssertion(from: "internet", to: "family web", port: "80"),
    .rolesUsage, .rolesTaskTitle(id: "t", taskDefinition: "web:1", launchType: "EC2"),
    .rolesDefinitionTitle("web:1", launchType: "FARGATE"), .rolesColumns, .roleNone,
    .roleWord("task role"), .roleActor(.agent), .roleNoCredentials,
    .taskEnvironmentTitle(container: "app"), .taskSecretValue(length: 9, from: "/app/db-pass"),
    .taskCredentials(.taskRole(name: "appRole")),
    .taskCredentials(.instanceRole(name: "ecsInstanceRole", instanceId: "i-0123")),
    .taskCredentials(.none(.fargateWithoutTaskRole)), .taskCredentials(.none(.imdsBlockedByAgent)),
    .taskCredentials(.none(.imdsBlockedByIptables)), .taskCredentials(.none(.noInstanceRole)),
    .taskAppOutputTitle(container: "app"),
    .roleTrusts(["ecs-tasks.amazonaws.com"]), .roleAllowed, .roleAllowedBy("p #1"),
    .roleDeniedBy("p #1"), .roleTrustMissing(found: "-"), .roleImplicitDeny(missingKeys: ["k"]),
    .roleSwapped(
      action: "ecr:GetAuthorizationToken", taskRole: "app", roleKind: "execution role",
      agentRole: nil),
    .noContainerInstances, .noContainerInstance("i-1"), .reservedPorts("22, 2375"),
    .portsColumns, .portDynamic, .portStatic, .noHostPorts,
    .enisFree(free: 1, of: 2, all: 3, trunked: false), .noTask("t"),
    .taskNetworkTitle(id: "t", family: "web", status: "RUNNING"), .networkMode("awsvpc"),
    .eniAddresses(eni: "eni-1", privateIp: "10.0.0.1", publicIp: nil), .noNetwork,
    .taskOnInstance("i-1"), .hostBinding(hostPort: 32768, containerPort: 80, protocol: "tcp"),
    .securityGroupLine(id: "sg-1", name: "web"), .noInboundRules,
    .inboundRule(protocol: "tcp", port: "80", peer: "0.0.0.0/0"),
    // quiz (issue 10)
    .quizTopicsHeader, .quizTopicLine(topic: "ports", title: "Ports", count: 44),
    .quizTopicsFooter, .quizUsage, .quizNoSuchTopic("x"),
    .quizStart(title: "Ports", count: 10, seed: 7),
    .quizQuestionHeader(index: 1, count: 10, kind: "configure", limit: 6), .quizWorldBuilt,
    .quizHowTo(kind: "predict", choices: true), .quizBadChoice(max: 4, multiple: true),
    .quizSimulatorSays("RUNNING"), .quizCorrect, .quizIncorrect("2) bridge"),
    .quizSkipped("2) bridge"), .quizScore(3, answered: 4), .quizNoMoreHints, .quizHint(1, of: 2),
    .quizCommandsLeft(2), .quizOutOfCommands(6), .quizEndedEarly(answered: 2, of: 10),
    .quizDone(score: 7, total: 10, percent: 70), .quizAllRight, .quizReviewHeader,
    .quizReviewItem(index: 1, question: "Q", given: "1", expected: "a\nb"),
    .quizTaughtIn(lesson: "network-modes", step: 2, title: "Dynamic host ports"),
    .quizNoQuestions,
    // VPC (issue 8)
    .egressReachable(
      source: "t", destination: "ecr.api",
      path: .natGateway(routeTableId: "rtb-1", natGatewayId: "nat-1", gatewayId: "igw-1")),
    .egressRefused(
      source: "t", destination: "internet",
      why: .noRoute(subnetId: "subnet-1", routeTableId: "rtb-1", publicIp: "54.1.2.3")),
    .egressRefused(
      source: "t", destination: "s3",
      why: .gatewayEndpointNotOnRouteTable(endpointId: "vpce-1", routeTableId: "rtb-1")),
    .egressFixes(
      destination: "ecr.api", routeTableId: "rtb-1", publicSubnet: false,
      endpointCommand: "aws ec2 create-vpc-endpoint"),
    .vpcLabel(.dns(support: true, hostnames: false)), .vpcLabel(.privateSubnet), .vpcNone("vpc-1"),
    .instanceNotRegistered(instance: "i-1", why: "no path"),
    .egressAssertion(from: "service web", to: "ecr.api"),
    // alb
    .curlUsage, .traceUsage, .traceColumns,
    .traceHopName(.listener(protocol: "HTTP", port: 80, groupId: "sg-1", ruleId: nil)),
    .traceHopWhere(.target(id: "i-1", port: 32768, state: "healthy", failOpen: false)),
    .traceHopWhat(.rule(priority: 10, matched: "path-pattern /api/*")),
    .traceBreak(.noListener(port: 8080, ports: [80])),
    .traceAnswered(status: 200, container: "web"),
    .curlTryTrace(url: "http://x/"), .noLoadBalancers, .noLoadBalancer("x"),
    .albHeader(name: "a", type: "application", scheme: "internal", state: "active", dns: "d"),
    .albGroups("sg-1"), .albListener(protocol: "HTTP", port: 80),
    .albRule(priority: "10", conditions: "path-pattern /api/*", action: "forward api"),
    .albTargetGroup(
      name: "t", protocol: "HTTP", port: 80, type: "ip", healthPath: "/", healthPort: "traffic-port"
    ),
    .albTarget(id: "10.0.0.1", port: "80", state: "unhealthy", reason: "Target.Timeout"),
    .albNoTargets, .elbSelection(kind: "rules", name: "web-alb"),
    .requestAssertion(url: "/api", status: "200", container: "api"),
  ]

  static func caseName(_ m: Msg) -> String {
    Mirror(reflecting: m).children.first?.label ?? String(describing: m)
  }

  @Test func everyKeyHasASample() throws {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/ECSTutor/Text/Messages.swift")
    let text = try String(contentsOf: source, encoding: .utf8)
    let keys = Set(
      text.split(separator: "\n").compactMap { line -> String? in
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("case ") else { return nil }
        return String(t.dropFirst(5).prefix { $0.isLetter || $0.isNumber })
      })
    // FoundMeaning's cases are in the same file; they are checked below.
    let meanings = Set(FoundMeaning.allCases.map { "\($0)" })
    let sampled = (Self.samples + Self.classroomSamples).map(Self.caseName)
    #expect(keys.subtracting(meanings).subtracting(sampled) == [])
    #expect(keys.count > 80)
  }

  @Test(arguments: samples, Language.allCases)
  func everyKeyHasTextInBothLanguages(_ m: Msg, _ lang: Language) {
    #expect(!m.text(lang).isEmpty || m == .solutionCancelled, "\(m)")
  }

  @Test(arguments: FoundMeaning.allCases, Language.allCases)
  func everyMeaningHasText(_ m: FoundMeaning, _ lang: Language) {
    #expect(!Msg.foundMeaning(m).text(lang).isEmpty)
  }

  @Test(arguments: [
    EventDetail.clusterCreated("demo"),
    .taskStopped(id: "a", taskDefinition: "web:1", stopCode: "UserInitiated", reason: "r"),
    .containerInstanceRegistered(
      instance: "i-1", cluster: "demo", containerInstance: "c", usedDefault: true),
  ])
  func eventsHaveJapanese(_ d: EventDetail) {
    let ja = Msg.event(d, english: "English").text(.ja)
    #expect(!ja.isEmpty && ja != "English")
  }

  /// R2 of ja-review.md: nothing after 。 (the stray space a learner saw).
  @Test(arguments: samples)
  func japaneseHasNoSpaceAfterFullStop(_ m: Msg) {
    #expect(!m.text(.ja).contains("。 "), "\(m)")
    #expect(!m.text(.ja).contains("（"), "\(m)")
  }
}

/// What `check` says: seen cases from issue 11.
@Suite struct CheckWordsTests {
  @Test func aTrustPolicyNamingEC2IsShownNotNotSet() throws {
    var s = try session(lesson: "ecr-images", step: 2)
    _ = s.handle(
      #"aws iam create-role --role-name ecsTaskExecutionRole --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'"#
    )
    let out = s.handle("check").text
    #expect(
      out.contains(
        "AssumeRolePolicyDocument.Statement[0].Principal.Service: expected containing ecs-tasks.amazonaws.com, found ec2.amazonaws.com"
      ), "\(out)")
    #expect(!out.contains("found none"))
    #expect(out.contains("ec2.amazonaws.com is the principal of instance roles"))
  }

  @Test func aFargateSpotStrategyIsShown() throws {
    var s = try session(lesson: "control-plane-data-plane", step: 4)
    _ = s.handle(
      "aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1"
    )
    let out = s.handle("check").text
    #expect(
      out.contains(
        "defaultCapacityProviderStrategy[0].capacityProvider: expected FARGATE, found FARGATE_SPOT"),
      "\(out)")
    #expect(!out.contains("found none"))
  }

  @Test func anInProgressDeploymentIsShown() throws {
    var s = try session(lesson: "tasks-and-services", step: 5, manual: true)
    let step = try #require(s.lessons.lesson("tasks-and-services")?.steps[5])
    for cmd in step.solution { _ = s.handle(cmd) }
    let out = s.handle("check").text
    #expect(
      out.contains("deployments[0].rolloutState: expected COMPLETED, found IN_PROGRESS"), "\(out)")
    #expect(out.contains("The deployment is still rolling out"))
  }

  @Test func aCountSaysWhatWasCounted() throws {
    var s = try session(lesson: "control-plane-data-plane", step: 1)
    let out = s.handle("check").text
    #expect(
      out.contains("number of EC2 instances: expected at least 2, found 0"), "\(out)")
    #expect(
      out.contains("There are no container instances in cluster demo yet."),
      "\(out)")
  }

  @Test(arguments: [
    (Language.en, "There are no container instances in cluster demo yet."),
    (.ja, "クラスター demo のコンテナインスタンスはまだ存在しません。"),
  ])
  func aMissingPluralSelectionIsAPluralSentence(lang: Language, text: String) {
    let a = Assertion(
      selector: Selector(kind: "containerInstances", params: ["cluster": "demo"]), match: nil,
      count: nil, about: nil, why: nil, line: 1)
    let r = Checker.evaluate(a, on: World())
    #expect(Explain.failure(r, label: "x", lang).contains("      " + text))
  }

  @Test func aForbidReadsAsASentence() throws {
    var s = try session(lesson: "tasks-and-services", step: 5)
    let out = s.handle("check").text
    #expect(
      out.contains(
        "None of the tasks (service web, desiredStatus RUNNING) in cluster demo may be like this, but 3 are."
      ), "\(out)")
    #expect(!out.contains("This must not be so"))
  }

  @Test(arguments: [
    (Language.en, "expected an image named nginx, with or without :latest, found httpd"),
    (.ja, "期待値 イメージ nginx (:latest の有無は問わない) / 実際の値 httpd"),
  ])
  func regexesAreSaidInWords(lang: Language, text: String) throws {
    var s = try session(lang, lesson: "first-cluster", step: 1)
    _ = s.handle(
      "aws ecs register-task-definition --family web --container-definitions name=web,image=httpd,memory=256,portMappings=[{containerPort=80}]"
    )
    let out = s.handle("check").text
    #expect(out.contains(text), "\(out)")
    #expect(!out.contains("/^nginx"))
  }

  @Test(arguments: [
    (
      Selector(kind: "taskDefinition", params: ["family": "web-fargate"]), Language.en,
      "task definition web-fargate (latest ACTIVE revision)"
    ),
    (
      Selector(kind: "taskDefinition", params: ["family": "web-fargate"]), .ja,
      "タスク定義 web-fargate (最新の ACTIVE なリビジョン)"
    ),
    (Selector(kind: "taskDefinition", params: "web:2"), .en, "task definition web:2"),
    (
      Selector(kind: "tasks", params: ["cluster": "demo", "family": "web"]), .ja,
      "クラスター demo のタスク (ファミリー web)"
    ),
  ])
  func selectionsNameNoLatestTag(selector: Selector, lang: Language, text: String) {
    #expect(Queries.describe(selector, lang) == text)
  }

  @Test func theWhyFollowsWhatTheLearnerDid() throws {
    var s = try session(lesson: "tasks-and-services", step: 3)
    let task = try #require(
      s.world.workloads.tasks.first { $0.group == "service:web" && $0.lastStatus == .running })
    _ = s.handle("simulate crash \(task.id)")
    let out = s.handle("check").text
    #expect(
      out.contains("stopCode: expected UserInitiated, found EssentialContainerExited"), "\(out)")
    #expect(out.contains("its essential container exited"))
    #expect(!out.contains("not a standalone one"))
  }

  @Test(arguments: [
    ("{ present: true }", nil as String?, "設定あり", "未設定"),
    ("{ oneOf: [0, absent] }", "80", "0 または 未設定", "80"),
    ("{ min: 3 }", "1", "3 以上", "1"),
    ("{ contains: v1 }", "v2", "v1 を含む値", "v2"),
  ])
  func japaneseCheckWordsAreJapanese(yaml: String, actual: String?, expected: String, found: String)
    throws
  {
    let m = try YAMLNode.parse(yaml, path: "t").json
    let mismatches = Matcher.compare(m, actual.map { .string($0) }, path: "f")
    let line = try #require(mismatches.first)
    let text = Msg.expectedActual(path: "f", expected: line.expected, actual: line.actual).text(.ja)
    #expect(text == "f: 期待値 \(expected) / 実際の値 \(found)")
  }

  @Test func aMissingKeyedItemIsNotNotSet() throws {
    let m = try YAMLNode.parse("containerDefinitions: [{ name: db }]", path: "t").json
    let mismatches = Matcher.compare(m, MatcherTests.doc, path: "")
    #expect(
      mismatches == [
        Mismatch(
          path: "containerDefinitions", expected: .keyedItem("name=db"), actual: .noMatchingItem)
      ])
  }
}

/// What the tutor says after commands: narration in the learner's language, stopped tasks, wait.
@Suite struct NarrationTests {
  @Test func japaneseNarration() throws {
    var config = SessionConfig(language: .ja, narrate: true)
    config.languageIsExplicit = true
    var s = Session(config: config, lessons: try repositoryLessons())
    let out = s.handle("aws ecs create-cluster --cluster-name demo").text
    #expect(out.contains("クラスター demo を作成しました。"), "\(out)")
    #expect(!out.contains("Cluster demo created."))
    // Seen: the docker build narration stayed English in Japanese mode.
    let built = s.handle("docker build -t web .").text
    #expect(built.contains("をビルドし、web:latest という名前を付けました。"), "\(built)")
    #expect(!built.contains("Built image"))
  }

  @Test func dockerNotesAreInJapanese() throws {
    var s = try session(.ja, lesson: "first-cluster", step: 0)
    let out = s.handle("docker run nginx")
    #expect(out.stderr.contains("Amazon ECS で動きます"), "\(out.text)")
    #expect(s.handle("docker ps").stderr.contains("シミュレーションしていません"))
  }

  @Test func instanceFailureNarratesTheTasksThatStopped() throws {
    var s = try session(lesson: "control-plane-data-plane", step: 3)
    let task = try #require(s.world.workloads.tasks.first { $0.lastStatus == .running })
    let instance = try #require(task.ec2InstanceId)
    let out = s.handle("simulate instance-failure \(instance)").text
    #expect(out.contains("Task \(task.id) (web:1) stopping (TerminationNotice)"), "\(out)")
    #expect(
      s.handle("events 50").text.contains("Task \(task.id) (web:1) STOPPED (TerminationNotice)"))
  }

  @Test func manualTimeTellsStoppingFromStopped() throws {
    var s = try session(lesson: "tasks-and-services", step: 1, manual: true)
    let task = try #require(s.world.workloads.tasks.first { $0.lastStatus == .running })
    let out = s.handle("aws ecs stop-task --cluster demo --task \(task.id)").filter {
      $0.kind != .stdout
    }.text
    #expect(out.contains("stopping (UserInitiated)"), "\(out)")
    #expect(!out.contains("STOPPED"))
    let waited = s.handle("wait").text
    #expect(waited.contains("STOPPED (UserInitiated)"), "\(waited)")
    #expect(waited.contains("\(task.id.prefix(8))… (web:1) DEACTIVATING → STOPPING → STOPPED"))
  }

  @Test func showClusterShowsRevisionsAndDeployments() throws {
    var s = try session(lesson: "tasks-and-services", step: 5, manual: true)
    let step = try #require(s.lessons.lesson("tasks-and-services")?.steps[5])
    for cmd in step.solution { _ = s.handle(cmd) }
    _ = s.handle("wait 20s")
    let out = s.handle("show cluster demo").text
    #expect(out.contains("web:1 RUNNING [service:web] ACTIVE"), "\(out)")
    #expect(out.contains("web:2"), "\(out)")
    #expect(out.contains("PRIMARY web:2"), "\(out)")
    #expect(out.contains("IN_PROGRESS"), "\(out)")
  }

  @Test func successTextsDoNotAssumeOneTask() throws {
    var s = try session(lesson: "control-plane-data-plane", step: 2)
    let out = s.handle("aws ecs run-task --cluster demo --task-definition web --count 2").text
    #expect(out.contains("Step complete"), "\(out)")
    #expect(!out.contains("Task `web` is RUNNING on one of your container instances"))
    #expect(out.contains("each task with port 80 on a dynamic host port"))
  }

  @Test func nextIsSaidOnceAtALessonsEnd() throws {
    var s = try session(lesson: "first-cluster", step: 4)
    let step = try #require(s.lessons.lesson("first-cluster")?.steps[4])
    var out: [Output] = []
    for cmd in step.solution { out += s.handle(cmd) }
    #expect(out.text.components(separatedBy: "Next").count == 2, "\(out.text)")
    #expect(out.text.contains("Next: **Tasks and services**") || out.text.contains("Next: **"))
  }
}

@Suite struct MarkdownTests {
  @Test(arguments: [
    ("one\ntwo", "one two"),
    ("インスタンスを追加するか、\nFargate で", "インスタンスを追加するか、Fargate で"),
    ("タスク定義を\n登録します。", "タスク定義を登録します。"),
    ("`demo`\nを使います", "`demo` を使います"),
    ("para\n\n    code line\n    more", "para\n\n    code line\n    more"),
    ("- item one\n  continues\n- item two", "- item one continues\n- item two"),
    ("  • bullet\n    continues", "  • bullet continues"),
    ("  • bullet\n**Heading**\n  • next", "  • bullet\n**Heading**\n  • next"),
    ("| a | b |\n|---|---|\n| c | d |", "| a | b |\n|---|---|\n| c | d |"),
  ])
  func paragraphsAreJoinedAtTheYAMLsLineBreaks(text: String, joined: String) {
    #expect(Markdown.joinParagraphs(text) == joined)
  }
}
