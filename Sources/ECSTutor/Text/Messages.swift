import ECSCommands
import ECSModel

/// Every sentence the tutor itself says, as a key with its arguments. The English texts are in
/// `Msg+en.swift` and the Japanese ones in `Msg+ja.swift` (terms from shared/glossary-ja.md), so
/// a translator reads one file per language. AWS output is never translated.
///
/// ```swift
/// Msg.stepPassed.text(.ja)  // "✓ ステップを完了しました。"
/// ```
public enum Msg: Sendable, Equatable {
  // Start, lessons and steps
  case welcomeFirst
  case welcomeBack(lesson: String, step: Int, of: Int)
  case welcomeBackSandbox
  case unknownCommand(String, suggestion: String?)
  case lessonsHeader
  case noLessons
  case noSuchLesson(String)
  /// A lesson listed in index.yaml whose file has problems (listed after it as `file:line`).
  case lessonBroken(String)
  case lessonStarted(String)
  case stepHeader(lesson: String, index: Int, count: Int, title: String)
  case stepPassed
  case stepPassedWithHelp
  case lessonComplete(String)
  case nextLesson(id: String, title: String)
  case allLessonsDone
  case notInLesson
  case sandbox

  // check
  case checkAllMet
  case checkHeader(met: Int, total: Int)
  /// A selection that finds nothing: `cluster demo` (singular) or `container instances ...`.
  case missingResource(String, plural: Bool)
  case expectedActual(path: String, expected: Expectation, actual: Found?)
  /// A count that differs: what was counted, what was expected, how many there are.
  case countMismatch(what: String, expected: Expectation, actual: Int)
  /// A `forbid` item that holds: `count` resources of the selection match it.
  case forbiddenHolds(String, plural: Bool, count: Int)
  /// An expectation in words; `path` names the field (an `image` is "an image named ...").
  case expectation(Expectation, path: String)
  case found(Found?)
  /// A count expectation: "at least 2", 「2 個以上」.
  case countExpectation(Expectation)
  /// The label of an item without an `about`: its selection, then the count and match wanted.
  case assertionLabel(selection: String, count: Expectation?, match: String?)
  /// A resource selection in words: `cluster demo`, `tasks (family web) in cluster demo`.
  case selection(kind: String, params: SelectionParams)
  /// What a value found in a field means, when it explains the failure better than the
  /// assertion's `why` (a crashed task is not one the learner stopped).
  case foundMeaning(FoundMeaning)

  // Hints, solution, undo, reset, language, progress
  case noMoreHints
  case hintHeader(Int, Int)
  case solutionConfirm
  case solutionHeader
  case solutionRunHint
  case solutionCancelled
  case solutionRunning
  case undoNothing
  case resetStep
  case resetLesson
  case languageSet
  case languageUsage
  case becameTrue(String)
  case exported(String)
  case imported
  case progressUsage
  case progressError(String)
  case commandNotFound(String)
  case interrupted

  // Tutor command table, steps, resume
  case helpSection(HelpSection)
  case helpPrograms
  case lessonUsage
  case lessonRestartConfirm(id: String, step: Int, of: Int)
  case worldRestored(step: Int, of: Int)
  case freshAccount
  case setupBuilt
  case undone(String)
  case leftoverState(last: String)
  case lessonMap(done: Int, of: Int, helped: Int, now: Int?)
  case stepState(StepState)

  // The executable's own sentences
  case progressUnreadable(movedTo: String)
  case progressNotSaved(String)
  case historyNotSaved(String)
  case lessonsUnavailable

  // Time, events, show, simulate
  case waitUsage
  case waitPassed(seconds: Int64, now: String, settled: Bool)
  case timeAuto
  case timeManual
  case timeStatus(now: String, auto: Bool)
  case noEvents
  case moreEvents(Int)
  case showUsage
  case simulateUsage
  case noInstance(String)
  case noRunningTask(String)
  /// The tutor's narration of something that happened in the world: `english` is the text the
  /// world recorded (`Event.message`), `detail` the same as data for the other languages.
  case event(EventDetail, english: String)
  /// `wait`: the status changes it passed, e.g. `task 1a2b3c4d… PENDING → RUNNING`.
  case waitTransitions(String)

  /// A pointer after a command that went wrong in a known way (no `--cluster`, `| jq`, ...).
  case pointer(MistakePointer)

  /// The tutor's notes among docker's messages (`docker run`, unsimulated commands).
  case docker(DockerCLI.Note)

  // capacity add
  case capacityUsage
  case capacityCount
  case capacityNoCluster(String)
  case capacityLaunched(count: Int, type: String, ids: [String], cluster: String, command: String)

  // show cluster, show planes
  case clusterNone
  case clusterWhich([String])
  case clusterTitle(String)
  case clusterProviders([String])
  case clusterNoInstances
  case agentDisconnected
  case fargateHeading
  case servicesHeading
  case memoryLabel
  case portsLabel
  case deploymentLine(
    status: String, rollout: String?, taskDefinition: String, running: Int, desired: Int)
  case planes

  // reach, and the reach: assertion
  case reachUsage
  /// `reach`'s answer when the port is reachable: the path in words (`reachHop`, joined by →).
  case reachable(path: String)
  /// `reach`'s answer when it is not: the refusal in words (`reachRefusal`).
  case notReachable(String)
  /// After a refusal by a security group: the command that adds the missing rule.
  case reachOpenIt(command: String)
  /// One hop of the way a packet takes.
  case reachHop(Reachability.Hop)
  /// The hop that refuses, and why.
  case reachRefusal(Reachability.Refusal)
  /// A `reach:` endpoint given as `{family: F}`.
  case reachFamily(String)
  /// A `reach:` endpoint given as `{service: S}`.
  case reachService(String)
  /// A `reach:` assertion in words: `port 80 of family web reachable from internet`.
  case reachAssertion(from: String, to: String, port: String)

  // show roles
  case rolesUsage
  case rolesTaskTitle(id: String, taskDefinition: String, launchType: String)
  /// `family:revision` and the launch type it is shown for.
  case rolesDefinitionTitle(String, launchType: String)
  /// The column names of the `show roles` table, separated by ` | `.
  case rolesColumns
  /// A use without a role.
  case roleNone
  /// A role kind or purpose as the model names it (`execution role`, `pull`, ...).
  case roleWord(String)
  case roleActor(RoleUse.Actor)
  case roleNoCredentials
  /// Allowed by trust: the principals the trust policy names.
  case roleTrusts([String])
  case roleAllowed
  /// Allowed by these statements (`POLICY #N, ...`).
  case roleAllowedBy(String)
  /// Denied by these statements (`POLICY #N, ...`) with an explicit Deny.
  case roleDeniedBy(String)
  /// The trust policy does not name ecs-tasks.amazonaws.com; `found` is what it names.
  case roleTrustMissing(found: String)
  /// No statement allows the call; `missingKeys` are condition keys that could not be evaluated.
  case roleImplicitDeny(missingKeys: [String])
  /// The agent is denied what the task role would allow: the roles are swapped (`agentRole` nil
  /// when the agent has none).
  case roleSwapped(action: String, taskRole: String, roleKind: String, agentRole: String?)

  // show ports, show task
  case noContainerInstances
  case noContainerInstance(String)
  /// The ports the agent reserves on an instance, listed.
  case reservedPorts(String)
  /// The column names of the `show ports` table, separated by ` | `.
  case portsColumns
  case portDynamic
  case portStatic
  case noHostPorts
  /// Task ENIs free of those an instance can attach (`all` ENIs, or trunked).
  case enisFree(free: Int, of: Int, all: Int, trunked: Bool)
  case noTask(String)
  case taskNetworkTitle(id: String, family: String, status: String)
  case networkMode(String)
  case eniAddresses(eni: String, privateIp: String, publicIp: String?)
  case noNetwork
  /// The instance a task in bridge or host mode runs on.
  case taskOnInstance(String)
  /// A host-port binding: `host 32768 → 80/tcp`.
  case hostBinding(hostPort: Int, containerPort: Int, protocol: String)
  case securityGroupLine(id: String, name: String)
  case noInboundRules
  case inboundRule(protocol: String, port: String, peer: String)

  // MARK: vpc (issue 8) — add this part's keys directly below this line
  /// `reach TASK SERVICE|internet`: the way out that works.
  case egressReachable(source: String, destination: String, path: Egress.Path)
  /// The hop that stops it.
  case egressRefused(source: String, destination: String, why: Egress.Refusal)
  /// The fixes for a destination not reachable from a subnet: a NAT gateway or the endpoint
  /// (`endpointCommand` nil for the internet), or a public IP in a public subnet.
  case egressFixes(
    destination: String, routeTableId: String, publicSubnet: Bool, endpointCommand: String?)
  /// `show vpc`: a word or heading of the view.
  case vpcLabel(VPCLabel)
  case vpcNone(String)
  /// The `reach:` assertion without a port: egress to a service or the internet.
  case egressAssertion(from: String, to: String)
  /// An instance that runs but never registers with the cluster, and why.
  case instanceNotRegistered(instance: String, why: String)

  // MARK: alb (issue 9) — add this part's keys directly below this line
  case curlUsage
  case traceUsage
  /// `trace`'s column titles: hop | where | what happened.
  case traceColumns
  /// A hop's name (`listener`) and its details (`HTTP :80`), and what happened there.
  case traceHopName(RequestTrace.Hop)
  case traceHopWhere(RequestTrace.Hop)
  case traceHopWhat(RequestTrace.Hop)
  /// Where the request stopped and why.
  case traceBreak(RequestTrace.Break)
  /// The end of a trace that reached a container.
  case traceAnswered(status: Int, container: String)
  /// After a failed `curl`: try `trace URL`.
  case curlTryTrace(url: String)
  case noLoadBalancers
  case noLoadBalancer(String)
  /// `show alb`'s lines.
  case albHeader(name: String, type: String, scheme: String, state: String, dns: String)
  case albGroups(String)
  case albListener(protocol: String, port: Int)
  case albRule(priority: String, conditions: String, action: String)
  case albTargetGroup(
    name: String, protocol: String, port: Int, type: String, healthPath: String, healthPort: String)
  case albTarget(id: String, port: String, state: String, reason: String?)
  case albNoTargets
  /// An elbv2 selection in words (`target group web-tg`, `health of the targets of web-tg`).
  case elbSelection(kind: String, name: String?)
  /// A `request:` assertion in words.
  case requestAssertion(url: String, status: String, container: String?)

  // MARK: roles (issue 12) — add this part's keys directly below this line
  /// `show task`: the environment a container's program sees.
  case taskEnvironmentTitle(container: String)
  /// A `secrets` entry in that environment: its length and where the agent read it.
  case taskSecretValue(length: Int, from: String)
  /// The credentials the SDK in the task finds.
  case taskCredentials(AppCredentials)
  /// `show task`: the program's latest output lines.
  case taskAppOutputTitle(container: String)

  // MARK: quiz (issue 10) — add this part's keys directly below this line
  case quizTopicsHeader
  case quizTopicLine(topic: String, title: String, count: Int)
  case quizTopicsFooter
  case quizUsage
  case quizNoSuchTopic(String)
  case quizStart(title: String, count: Int, seed: UInt64)
  case quizQuestionHeader(index: Int, count: Int, kind: String, limit: Int)
  case quizWorldBuilt
  case quizHowTo(kind: String, choices: Bool)
  case quizBadChoice(max: Int, multiple: Bool)
  case quizSimulatorSays(String)
  case quizCorrect
  case quizIncorrect(String)
  case quizSkipped(String)
  case quizScore(Int, answered: Int)
  case quizNoMoreHints
  case quizHint(Int, of: Int)
  case quizCommandsLeft(Int)
  case quizOutOfCommands(Int)
  case quizEndedEarly(answered: Int, of: Int)
  case quizDone(score: Int, total: Int, percent: Int)
  case quizAllRight
  case quizReviewHeader
  case quizReviewItem(index: Int, question: String, given: String, expected: String)
  case quizTaughtIn(lesson: String, step: Int, title: String)
  case quizNoQuestions

  // MARK: examples (issue 13) — add this part's keys directly below this line

  // MARK: classroom (issue 10) — add this part's keys directly below this line
  /// Walkthrough: where the slide is (`first-cluster — step 2 of 5`).
  case walkthroughWhere(lesson: String, index: Int, count: Int)
  case walkthroughNotes
  case walkthroughKeys
  case walkthroughKeysAfter
  case walkthroughMoreLines(Int)
  case walkthroughSummary(passed: Int, failed: [Int], count: Int)
  case walkthroughBadStep(Int, count: Int)
  case walkthroughEnd
  case walkthroughStepFailed(Int)
  case replaySummary(lines: Int, diverged: [Int])
  case replayBadFile(file: String, line: Int, noStart: Bool)
  case recordFailed(file: String, reason: String)
  case reportTitle(name: String, generated: String?)
  /// Column heads separated by `|`.
  case reportLessonColumns
  case reportNoQuiz
  case reportQuizHeader
  case reportQuizColumns
  case mergeTitle(learners: Int)
  case mergeLearnerColumn
  case mergeHintsHeader
  case mergeHintsColumns
  case mergeMissedHeader
  case mergeMissedColumns
  case mergeNone
  case mergeNotJSON
  case mergeForeign
  case mergeNewer(Int)
  case mergeBroken
  case mergeSkipped(file: String, reason: String)
  case mergeNothing
  case reportProgressUnreadable(String)

  /// The text in the learner's language.
  public func text(_ lang: Language) -> String { lang == .ja ? ja : en }

  /// The first 8 characters of a task ID, as the tutor shows tasks.
  static func short(_ id: String) -> String { id.count == 32 ? String(id.prefix(8)) : id }

  /// A `reach` source as given, a task (ARN or ID, maybe /container) by its short ID.
  static func shownSource(_ s: String) -> String {
    var parts = s.split(separator: "/").map(String.init)
    if s.hasPrefix("arn:aws:ecs:"), parts.count >= 3 { parts = Array(parts.dropFirst(2)) }
    guard let first = parts.first, first.count == 32 else { return s }
    return ([short(first)] + parts.dropFirst()).joined(separator: "/")
  }
}

/// The parameters of a selection that its name mentions.
public struct SelectionParams: Sendable, Equatable {
  public var name: String?
  public var cluster: String?
  public var family: String?
  /// The revision of a `taskDefinition` selection; nil for the latest ACTIVE one.
  public var revision: String?
  public var serviceName: String?
  public var desiredStatus: String?
  public var lastStatus: String?
  public var launchType: String?
  public var repository: String?
}

/// Values found in a field that explain themselves (see `Msg.foundMeaning`).
public enum FoundMeaning: String, Sendable, CaseIterable {
  case essentialContainerExited = "stopCode=EssentialContainerExited"
  case taskFailedToStart = "stopCode=TaskFailedToStart"
  case serviceSchedulerInitiated = "stopCode=ServiceSchedulerInitiated"
  case rolloutInProgress = "rolloutState=IN_PROGRESS"
  case rolloutFailed = "rolloutState=FAILED"
  case ec2Principal = "Service=ec2.amazonaws.com"
  case fargateSpot = "capacityProvider=FARGATE_SPOT"

  /// The meaning of `value` found at `path`, if it has one.
  public static func of(path: String, value: String) -> FoundMeaning? {
    let field =
      path.split(separator: ".").last.map {
        String($0.prefix { $0 != "[" })
      } ?? path
    return allCases.first { $0.rawValue == "\(field)=\(value)" }
  }
}
