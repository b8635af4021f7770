import ECSCommands
import ECSModel

// The tutor's words in English: one case per key of `Msg` (Messages.swift).
extension Msg {
  var en: String {
    switch self {
    case .welcomeFirst:
      return
        "Welcome to **ecs-tutor**. You will build Amazon ECS by typing real AWS CLI commands; they run against a simulated AWS account, so nothing costs money and nothing can break.\nStart with the first lesson: type `lesson first-cluster` (or `lessons` to see them all, `help` for commands)."
    case .welcomeBack(let lesson, let step, let of):
      return
        "Welcome back. You were on **\(lesson)**, step \(step)/\(of). Type `goal` to see the step again, or `lessons` to choose another lesson."
    case .welcomeBackSandbox:
      return "Welcome back. You are in the sandbox. Type `lessons` to pick a lesson."
    case .unknownCommand(let word, let suggestion):
      let s = suggestion.map { " Did you mean `\($0)`?" } ?? ""
      return
        "ecs-tutor: command not found: \(word).\(s) Type `help` for the commands you can use."
    case .lessonsHeader: return "**Lessons**"
    case .noLessons: return "No lessons are loaded."
    case .lessonBroken(let id):
      return "Lesson '\(id)' is listed, but its file could not be loaded:"
    case .noSuchLesson(let id): return "There is no lesson '\(id)'. Type `lessons` to see them."
    case .lessonStarted(let title): return "**\(title)**"
    case .stepHeader(let lesson, let index, let count, let title):
      return "**Step \(index)/\(count) — \(title)** (\(lesson))"
    case .stepPassed: return "✓ Step complete."
    case .stepPassedWithHelp: return "✓ Step complete (with the solution's help)."
    case .lessonComplete(let title): return "🎉 Lesson complete: **\(title)**."
    case .nextLesson(let id, let title): return "Next: **\(title)** — type `lesson \(id)`."
    case .allLessonsDone:
      return "You have finished every lesson. The sandbox is yours: type `sandbox`."
    case .notInLesson:
      return
        "You are in the sandbox, where nothing is checked. Type `lessons` to pick a lesson."
    case .sandbox:
      return "Sandbox: a fresh AWS account; nothing is checked. `lessons` brings you back."

    case .checkAllMet: return "Everything this step asks for is in place."
    case .checkHeader(let met, let total): return "\(met) of \(total) done:"
    case .missingResource(let what, let plural):
      return plural ? "There are no \(what) yet." : "\(what) does not exist yet."
    case .expectedActual(let path, let expected, let actual):
      return
        "\(path): expected \(Msg.expectation(expected, path: path).en), found \(Msg.found(actual).en)"
    case .countMismatch(let what, let expected, let actual):
      return "number of \(what): expected \(Msg.countExpectation(expected).en), found \(actual)"
    case .forbiddenHolds(let what, let plural, let count):
      if !plural { return "\(what) must not be like this, but it is." }
      return count == 1
        ? "None of the \(what) may be like this, but 1 is."
        : "None of the \(what) may be like this, but \(count) are."
    case .expectation(let e, let path):
      return Self.enExpectation(e, path: path)
    case .found(let f):
      switch f {
      case nil: return "none"
      case .value(let v)?: return v
      case .noMatchingItem?: return "no such item"
      case .emptyList?: return "an empty list"
      }
    case .countExpectation(let e):
      return Self.enExpectation(e, path: "")
    case .assertionLabel(let selection, let count, let match):
      var parts = [selection]
      if let count { parts.append("count " + Self.enExpectation(count, path: "")) }
      if let match { parts.append(match) }
      return parts.joined(separator: ": ")
    case .selection(let kind, let p): return Self.enSelection(kind, p)
    case .foundMeaning(let m):
      switch m {
      case .essentialContainerExited:
        return
          "This task stopped because its essential container exited (a crash, as `simulate crash` does): nobody stopped it with `stop-task`."
      case .taskFailedToStart:
        return
          "This task never started: its stoppedReason says why (`aws ecs describe-tasks`)."
      case .serviceSchedulerInitiated:
        return "The service scheduler stopped this task itself (a deployment or a scale-in)."
      case .rolloutInProgress:
        return "The deployment is still rolling out; `wait` lets it finish."
      case .rolloutFailed:
        return "The deployment failed: its tasks did not start. The service events say why."
      case .ec2Principal:
        return
          "ec2.amazonaws.com is the principal of instance roles; a role for tasks trusts ecs-tasks.amazonaws.com."
      case .fargateSpot:
        return "FARGATE_SPOT is Fargate's spare capacity; this step asks for FARGATE."
      }

    case .noMoreHints: return "No more hints. `solution` shows the reference commands."
    case .hintHeader(let n, let total): return "Hint \(n)/\(total):"
    case .solutionConfirm:
      return
        "Show the reference solution? The step will count as solved with help. Type `solution` again to confirm."
    case .solutionHeader: return "Reference solution:"
    case .solutionRunHint: return "Type the commands yourself, or `solution run` to run them."
    case .solutionCancelled: return ""
    case .solutionRunning: return "Running the reference solution:"
    case .undoNothing: return "Nothing to undo."
    case .resetStep: return "The step starts again from its beginning."
    case .resetLesson: return "The lesson starts again from its beginning."
    case .languageSet: return "The tutor now speaks English."
    case .languageUsage: return "Usage: lang ja|en"
    case .becameTrue(let what): return "✓ \(what)"
    case .exported(let path): return "Progress written to \(path)."
    case .imported: return "Progress imported."
    case .progressUsage: return "Usage: progress export FILE | progress import FILE"
    case .progressError(let why): return "Could not use that progress file: \(why)"
    case .commandNotFound(let word):
      return
        "ecs-tutor: \(word): command not found. Only `aws`, a few shell built-ins (echo, export) and the tutor's commands run here; type `help`."
    case .interrupted: return "Interrupted."
    case .helpSection(let section):
      switch section {
      case .lessons: return "**Lessons**"
      case .world: return "**Your world**"
      case .time: return "**Time and failures**"
      case .settings: return "**Settings and files**"
      }
    case .helpPrograms:
      return """
        **Commands you can type**
          aws SERVICE OPERATION [--options]   the AWS CLI (ecs, ec2, ...); `aws ecs help`
          docker build|tag|login|push|images  a simulated docker for ECR
          capacity add --cluster NAME [--type t3.medium] [--count N]   launch EC2 capacity
          NAME=value, export, echo            shell variables as in AWS tutorials
        """
    case .lessonUsage: return "Usage: lesson ID | lesson ID steps"
    case .lessonRestartConfirm(let id, let step, let of):
      return
        "You are already in this lesson, at step \(step)/\(of). Type `lesson \(id)` again to start it over from step 1 in a fresh account, or `goal` to see the current step."
    case .worldRestored(let step, let of):
      return "Your world and variables are as you left them at step \(step)/\(of)."
    case .freshAccount: return "This lesson starts in a fresh simulated account."
    case .setupBuilt: return "Already built for you by these commands:"
    case .undone(let line): return "Undone: \(line)"
    case .leftoverState(let last):
      return
        "Something made earlier in this step may be in the way. `undo` takes back your changes one at a time (the last was `\(last)`); `reset` starts the step again from its beginning."
    case .lessonMap(let done, let of, let helped, let now):
      var en = "\(done)/\(of) steps"
      if helped > 0 { en += ", \(helped) with help" }
      if let now { en += " · now step \(now)" }
      return en
    case .stepState(let state):
      switch state {
      case .done: return "done"
      case .doneWithHelp: return "done with the solution's help"
      case .now: return "in progress"
      case .toDo: return "to do"
      }

    case .progressUnreadable(let path):
      return "Your saved progress could not be read; it was moved to \(path). Starting fresh."
    case .progressNotSaved(let reason): return "Progress could not be saved: \(reason)"
    case .historyNotSaved(let reason): return "Command history could not be saved: \(reason)"
    case .lessonsUnavailable:
      return
        "The lessons could not be loaded; you are in the sandbox (AWS commands still work)."

    case .waitUsage: return "usage: wait [30s|2m]"
    case .waitPassed(let seconds, let now, let settled):
      return "\(seconds) s passed (now \(now)). "
        + (settled ? "Nothing is changing." : "Things are still changing.")
    case .timeAuto: return "After each command the clock runs until the world settles."
    case .timeManual:
      return "The clock now moves only with `wait` (try `wait 10s` to watch transitions)."
    case .timeStatus(let now, let auto):
      return "now: \(now) (time \(auto ? "auto" : "manual"); `time auto|manual`)"
    case .noEvents: return "No events yet."
    case .moreEvents(let n): return "… \(n) more (`events` shows them)"
    case .showUsage:
      return
        "usage: show cluster [NAME] | show planes | show roles [TASK|TASKDEF] | show ports [INSTANCE] | show task TASK | show vpc [VPC]"
    case .simulateUsage:
      return
        "usage: simulate instance-failure INSTANCE_ID | simulate crash TASK [CONTAINER] | simulate load SERVICE PERCENT"
    case .noInstance(let id): return "There is no instance \(id)."
    case .noRunningTask(let id): return "There is no RUNNING task \(id)."
    // The world records its events in English (diagnoses read them): narrate that text.
    case .event(_, let english): return english
    case .waitTransitions(let chain): return chain
    case .pointer(let p): return p.en
    case .docker(let note): return note.english

    case .capacityUsage: return "usage: capacity add --cluster NAME [--type t3.medium] [--count 1]"
    case .capacityCount: return "--count takes a whole number from 1 to 20."
    case .capacityNoCluster(let name):
      return
        "There is no cluster \(name). Create it first: `aws ecs create-cluster --cluster-name \(ShellQuote.word(name))`."
    case .capacityLaunched(let count, let type, let ids, let cluster, let command):
      return """
        Launched \(count) × \(type) (\(ids.joined(separator: ", "))). This is the same as:
        \(command)
        The ECS agent on \(count == 1 ? "the instance registers it" : "each instance registers it") with cluster \(cluster) about 30 s after launch.
        """

    case .clusterNone: return "There are no clusters yet."
    case .clusterWhich(let names):
      return "Which cluster? `show cluster NAME` (\(names.joined(separator: ", ")))"
    case .clusterTitle(let name): return "**Cluster \(name)**"
    case .clusterProviders(let list): return "  capacity providers: " + list.joined(separator: ", ")
    case .clusterNoInstances: return "  container instances: none (EC2 tasks have nowhere to go)"
    case .agentDisconnected: return " agent disconnected"
    case .fargateHeading: return "  Fargate (no instances for you to manage)"
    case .servicesHeading: return "  services"
    case .memoryLabel: return "MEMORY"
    case .portsLabel: return "ports"
    case .deploymentLine(let status, let rollout, let td, let running, let desired):
      return "\(status) \(td) \(running)/\(desired) running" + (rollout.map { ", \($0)" } ?? "")
    case .reachUsage:
      return
        "usage: reach SOURCE TARGET:PORT   (SOURCE: internet, a CIDR or IP, a task ID, TASK/container, an instance ID)\n       reach TASK internet|SERVICE   (egress over HTTPS; SERVICE: ecr.api, ecr.dkr, s3, logs, secretsmanager, ssm, ecs ...)"
    case .reachable(let path): return "reachable: \(path)"
    case .notReachable(let why): return "not reachable: \(why)"
    case .reachOpenIt(let command): return "to open it: \(command)"
    case .reachHop(let h): return Self.enHop(h)
    case .reachRefusal(let r): return Self.enRefusal(r)
    case .reachFamily(let f): return "family \(f)"
    case .reachService(let s): return "service \(s)"
    case .reachAssertion(let from, let to, let port):
      return "port \(port) of \(to) reachable from \(from)"

    case .rolesUsage:
      return "usage: show roles [TASK|TASKDEF] (no such task or task definition yet)"
    case .rolesTaskTitle(let id, let def, let launchType):
      return "Task \(id) (\(def), \(launchType))"
    case .rolesDefinitionTitle(let def, let launchType):
      return "Task definition \(def) (\(launchType))"
    case .rolesColumns: return "who | role | for | action | resource | now"
    case .roleNone: return "(none)"
    case .roleWord(let w): return w
    case .roleActor(let a):
      switch a {
      case .agent: return "agent"
      case .application: return "application"
      case .instance: return "instance"
      }
    case .roleNoCredentials: return "✗ no credentials"
    case .roleTrusts(let principals): return "✓ trusts " + principals.joined(separator: ", ")
    case .roleAllowed: return "✓ yes"
    case .roleAllowedBy(let by): return "✓ allowed by \(by)"
    case .roleDeniedBy(let by): return "✗ denied by \(by) (Deny)"
    case .roleTrustMissing(let found):
      return "✗ the trust policy does not name ecs-tasks.amazonaws.com (it names \(found))"
    case .roleImplicitDeny(let keys):
      return "✗ denied (no statement allows it)"
        + (keys.isEmpty ? "" : "; cannot evaluate " + keys.joined(separator: ", "))
    case .roleSwapped(let action, let taskRole, let roleKind, let agentRole):
      let agentRole = agentRole ?? Msg.roleNone.en
      return
        "**\(action) is allowed to the task role \(taskRole), but the agent makes that call with the \(roleKind) \(agentRole).** Move the permission to the \(roleKind)."

    case .noContainerInstances: return "There are no container instances."
    case .noContainerInstance(let ref): return "No container instance \(ref)."
    case .reservedPorts(let ports): return "reserved ports: \(ports)"
    case .portsColumns: return "host port | protocol | task | container | container port | kind"
    case .portDynamic: return "dynamic"
    case .portStatic: return "static"
    case .noHostPorts: return "no host ports in use"
    case .enisFree(let free, let of, let all, let trunked):
      return "ENIs: \(free) of \(of) free for tasks"
        + (trunked
          ? " (ENI trunking: a trunk ENI carries the tasks' branch ENIs)"
          : " (\(all) in all, one is the instance's primary)")
    case .noTask(let ref): return "No task \(ref)."
    case .taskNetworkTitle(let id, let family, let status):
      return "task \(id) (\(family), \(status))"
    case .networkMode(let mode): return "network mode: \(mode)"
    case .eniAddresses(let eni, let privateIp, let publicIp):
      return "ENI \(eni): private IP \(privateIp)"
        + (publicIp.map { ", public IP " + $0 } ?? ", no public IP")
    case .noNetwork: return "no network (loopback only)"
    case .taskOnInstance(let id): return "instance \(id)"
    case .hostBinding(let hostPort, let containerPort, let proto):
      return "host \(hostPort) → \(containerPort)/\(proto)"
    case .securityGroupLine(let id, let name): return "security group \(id) (\(name))"
    case .noInboundRules: return "no inbound rules"
    case .inboundRule(let proto, let port, let peer): return "inbound \(proto) \(port) from \(peer)"

    // MARK: vpc (issue 8) — add this part's texts directly below this line
    case .egressReachable(let source, let destination, let path):
      return "reachable: \(source) → \(destination) via " + Self.enEgressPath(path)
    case .egressRefused(let source, let destination, let why):
      return "not reachable: \(source) → \(destination): " + Self.enEgressRefusal(why)
    case .egressFixes(let destination, let table, let publicSubnet, let command):
      if publicSubnet {
        return
          "fix: give the task a public IP (assignPublicIp=ENABLED; Fargate only), or run it in a private subnet whose route table sends 0.0.0.0/0 to a NAT gateway"
          + (command == nil ? "" : " or that has a VPC endpoint for \(destination)")
      }
      var text =
        "fix, either: (1) a NAT gateway in a public subnet and the route 0.0.0.0/0 → nat-... in \(table) (aws ec2 create-route --route-table-id \(table) --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT_ID)"
      if let command { text += ", or (2) a VPC endpoint for \(destination): \(command)" }
      return text
    case .vpcLabel(let l): return Self.enVPCLabel(l)
    case .vpcNone(let id): return "There is no VPC \(id)."
    case .egressAssertion(let from, let to): return "\(to) reachable over HTTPS from \(from)"
    case .instanceNotRegistered(let instance, let why):
      return "  ▢ \(instance) runs but is not registered: \(why)"

    // MARK: alb (issue 9) — add this part's texts directly below this line
    case .curlUsage:
      return "usage: curl [-v] [-i] [-X METHOD] [-H 'Header: value'] [--from TASK] URL"
    case .traceUsage: return "usage: trace [-H 'Header: value'] [--from TASK] URL"
    case .traceColumns: return "hop | where | what happened"
    case .traceHopName(let h): return Self.enHopName(h)
    case .traceHopWhere(let h): return Self.enHopWhere(h)
    case .traceHopWhat(let h): return Self.enHopWhat(h)
    case .traceBreak(let b): return "✗ " + Self.enBreak(b)
    case .traceAnswered(let status, let container):
      return "✓ the container \(container) answered \(status)"
    case .curlTryTrace(let url):
      return
        "The load balancer answered, not your container. `trace \(url)` shows the hop where the request stops."
    case .noLoadBalancers: return "No load balancers yet (aws elbv2 create-load-balancer)."
    case .noLoadBalancer(let n): return "No load balancer named \(n)."
    case .albHeader(let name, let type, let scheme, let state, let dns):
      return "◆ \(name) (\(type), \(scheme), \(state))  http://\(dns)"
    case .albGroups(let g): return "  security groups: \(g)"
    case .albListener(let proto, let port): return "  listener \(proto) :\(port)"
    case .albRule(let priority, let conditions, let action):
      return "    rule \(priority): \(conditions) → \(action)"
    case .albTargetGroup(let name, let proto, let port, let type, let path, let hcPort):
      return
        "  target group \(name) (\(proto) :\(port), type \(type)); health check \(path) on \(hcPort)"
    case .albTarget(let id, let port, let state, let reason):
      return "    target \(id):\(port)  \(state)" + (reason.map { "  (\($0))" } ?? "")
    case .albNoTargets: return "    no targets registered"
    case .elbSelection(let kind, let name):
      let n = name.map { " " + $0 } ?? ""
      switch kind {
      case "loadBalancer": return "load balancer\(n)"
      case "loadBalancers": return "load balancers"
      case "targetGroup": return "target group\(n)"
      case "targetGroups": return "target groups"
      case "listeners": return "listeners" + (name.map { " of \($0)" } ?? "")
      case "rules": return "listener rules" + (name.map { " of \($0)" } ?? "")
      default: return "health of the targets" + (name.map { " of \($0)" } ?? "")
      }
    case .requestAssertion(let url, let status, let container):
      return "a request to \(url) gets \(status)"
        + (container.map { " from the container \($0)" } ?? "")

    // MARK: roles (issue 12) — add this part's texts directly below this line
    case .taskEnvironmentTitle(let c):
      return "environment of \(c) (what the program sees; never the execution role's credentials):"
    case .taskSecretValue(let n, let from): return "•••• (\(n) characters, from secrets: \(from))"
    case .taskCredentials(let c):
      switch c {
      case .taskRole(let n): return "SDK credentials: task role \(n) (169.254.170.2)"
      case .instanceRole(let n, let i):
        return
          "SDK credentials: instance role \(n) of \(i) through IMDS (no task role; every such task on the host shares it)"
      case .none(let cause):
        switch cause {
        case .fargateWithoutTaskRole:
          return "SDK credentials: none (Fargate, no task role): \"Unable to locate credentials\""
        case .imdsBlockedByAgent:
          return "SDK credentials: none (no task role; ECS_AWSVPC_BLOCK_IMDS=true blocks IMDS)"
        case .imdsBlockedByIptables:
          return "SDK credentials: none (no task role; the iptables rule blocks IMDS)"
        case .noInstanceRole:
          return "SDK credentials: none (no task role, and the instance has no instance profile)"
        }
      }
    case .taskAppOutputTitle(let c): return "latest output of \(c):"

    // MARK: quiz (issue 10) — add this part's texts directly below this line
    case .quizTopicsHeader: return "**Quizzes**"
    case .quizTopicLine(let topic, let title, let count):
      return "  \(topic)  \(title) (\(count) questions)"
    case .quizTopicsFooter:
      return
        "  all  every question\nType `quiz TOPIC [--count N] [--seed S]`, e.g. `quiz ports --count 5`."
    case .quizUsage:
      return "Usage: `quiz [roles|ports|all] [--count N] [--seed S]`."
    case .quizNoSuchTopic(let t): return "There is no quiz '\(t)'. Type `quiz` to see the topics."
    case .quizStart(let title, let count, let seed):
      return
        "**Quiz: \(title)** — \(count) questions (seed \(seed): the same seed gives the same quiz). Type `skip` to pass a question, `quit` to end the quiz."
    case .quizQuestionHeader(let index, let count, let kind, let limit):
      let what: String
      switch kind {
      case "single": what = "single choice"
      case "multiple": what = "multiple choice"
      case "short": what = "short answer"
      case "configure": what = "configure, at most \(limit) commands"
      default: what = "predict"
      }
      return "**Question \(index)/\(count)** (\(what))"
    case .quizWorldBuilt: return "The simulated account was prepared with:"
    case .quizHowTo(let kind, let choices):
      switch kind {
      case "multiple": return "Select all that apply: type their numbers, e.g. `1 3`."
      case "short": return "Type a word or a number."
      case "configure":
        return
          "Type commands until the goal holds; `hint` for a hint, `check` for what is still missing."
      case "predict" where !choices:
        return "Type your prediction; then the simulator is asked."
      case "predict": return "Type the number of your prediction; then the simulator is asked."
      default: return "Type the number of your answer."
      }
    case .quizBadChoice(let max, let multiple):
      return multiple
        ? "Answer with option numbers from 1 to \(max), e.g. `1 3`."
        : "Answer with one option number from 1 to \(max)."
    case .quizSimulatorSays(let truth): return "The simulator says: \(truth)"
    case .quizCorrect: return "✓ Correct."
    case .quizIncorrect(let expected): return "✗ Incorrect. The answer: \(expected)"
    case .quizSkipped(let expected): return "Skipped. The answer: \(expected)"
    case .quizScore(let score, let answered): return "Score: \(score)/\(answered)"
    case .quizNoMoreHints: return "No more hints for this question."
    case .quizHint(let n, let of): return "Hint \(n)/\(of):"
    case .quizCommandsLeft(let n): return "Not yet: \(n) more command\(n == 1 ? "" : "s") allowed."
    case .quizOutOfCommands(let n): return "That was the limit of \(n) commands."
    case .quizEndedEarly(let answered, let of):
      return "Quiz ended after \(answered) of \(of) questions; the rest count as not answered."
    case .quizDone(let score, let total, let percent):
      return "**Quiz complete: \(score)/\(total) (\(percent)%)**"
    case .quizAllRight: return "Every answer was right."
    case .quizReviewHeader: return "**Review of the wrong answers**"
    case .quizReviewItem(let index, let question, let given, let expected):
      let first = question.split(separator: "\n").first.map(String.init) ?? question
      let expected = expected.split(separator: "\n").joined(separator: "\n      ")
      return
        "\(index). \(first)\n    your answer: \(given.isEmpty ? "(none)" : given) — the answer: \(expected)"
    case .quizTaughtIn(let lesson, let step, let title):
      return "taught in lesson `\(lesson)`, step \(step) “\(title)” (`lesson \(lesson)`)"
    case .quizNoQuestions: return "No quiz questions are loaded (lessons/quizzes/)."

    // MARK: examples (issue 13) — add this part's texts directly below this line

    // MARK: classroom (issue 10) — add this part's texts directly below this line
    case .walkthroughWhere(let lesson, let index, let count):
      return "Step \(index) of \(count) · \(lesson)"
    case .walkthroughNotes: return "Instructor notes"
    case .walkthroughKeys:
      return "Enter: type and run the solution · n: next step · p: previous · q: quit"
    case .walkthroughKeysAfter: return "Enter or n: next step · p: previous · q: quit"
    case .walkthroughMoreLines(let n): return "… \(n) more lines"
    case .walkthroughSummary(let passed, let failed, let count):
      let base = "Walkthrough: \(passed) of \(count) steps passed"
      return failed.isEmpty
        ? base + "."
        : base + "; failed: step " + failed.map(String.init).joined(separator: ", ") + "."
    case .walkthroughBadStep(let n, let count):
      return "ecs-tutor: --from-step \(n): the lesson has steps 1 to \(count)"
    case .walkthroughEnd: return "End of the lesson. p: previous · q: quit"
    case .walkthroughStepFailed(let n): return "Step \(n) did not pass with its solution."
    case .replaySummary(let lines, let diverged):
      return diverged.isEmpty
        ? "Replayed \(lines) lines: the same output as recorded."
        : "Replayed \(lines) lines; different output than recorded at line "
          + diverged.map(String.init).joined(separator: ", ") + "."
    case .replayBadFile(let file, let line, let noStart):
      return noStart
        ? "ecs-tutor: \(file) is not an ecs-tutor transcript (it does not begin with a start entry)"
        : "ecs-tutor: \(file):\(line): not a transcript entry (one JSON object per line)"
    case .recordFailed(let file, let reason):
      return "ecs-tutor: cannot write the transcript \(file): \(reason)"
    case .reportTitle(let name, let generated):
      return "Progress report: \(name)" + (generated.map { " (\($0.prefix(10)))" } ?? "")
    case .reportLessonColumns:
      return " |lesson|steps|with solution|hints|solutions|started|completed"
    case .reportNoQuiz: return "No quiz taken yet."
    case .reportQuizHeader: return "Quizzes:"
    case .reportQuizColumns: return "date|topic|score|missed"
    case .mergeTitle(let n): return "Class report: \(n) " + (n == 1 ? "learner" : "learners")
    case .mergeLearnerColumn: return "learner"
    case .mergeHintsHeader: return "Where learners needed help (hints or the solution):"
    case .mergeHintsColumns: return "lesson / step|learners|hints|solutions"
    case .mergeMissedHeader: return "Quiz questions missed most:"
    case .mergeMissedColumns: return "question|missed|learners"
    case .mergeNone: return "none"
    case .mergeNotJSON: return "not JSON"
    case .mergeForeign:
      return "not an ecs-tutor report (make one with `ecs-tutor report --format json`)"
    case .mergeNewer(let v): return "report version \(v) is newer than this ecs-tutor"
    case .mergeBroken: return "an ecs-tutor report with missing or malformed fields"
    case .mergeSkipped(let file, let reason): return "ecs-tutor: skipped \(file): \(reason)"
    case .mergeNothing: return "ecs-tutor: no reports to merge"
    case .reportProgressUnreadable(let path):
      return
        "ecs-tutor: cannot read the progress file \(path) (the tutor moves it aside at its next start)"

    case .planes:
      return """
        **Control plane — Amazon ECS itself (AWS runs it; you call its API)**
          • clusters, task definitions, services, the scheduler that places tasks,
            deployments, service events
          • you manage: the configuration (what to run, how many, where)
        **Data plane — where containers actually run**
          • EC2 launch type: container instances you launch and pay for; the ECS agent on each
            registers it with the cluster. You manage: instances, their AMI and role, scaling, patching.
          • Fargate: AWS runs the hosts; each task gets its own ENI. You manage: only task size,
            subnets and security groups.
        | | EC2 | Fargate |
        |---|---|---|
        | who runs the hosts | you | AWS |
        | capacity in the cluster | container instances | capacity providers FARGATE / FARGATE_SPOT |
        | network modes | bridge, host, awsvpc, none | awsvpc only |
        | task size | optional | cpu and memory required |
        """
    }
  }

  /// One hop of a `reach` path in English.
  static func enHop(_ h: Reachability.Hop) -> String {
    switch h {
    case .source(let s): return shownSource(s)
    case .address(let ip, let pub): return "\(ip) (\(pub ? "public" : "private") IP)"
    case .allowedBy(let g, let rule): return "\(g) rule \(rule) allows"
    case .hostPort(let i, let hp, let cp): return "\(i) host port \(hp) → container port \(cp)"
    case .localhost: return "localhost"
    case .container(let t, let name, let port):
      return "container \(short(t))/\(name) listening on \(port)"
    case .instancePort(let i, let port): return "\(i) port \(port) (host mode)"
    }
  }

  /// Why `reach` is refused, in English.
  static func enRefusal(_ r: Reachability.Refusal) -> String {
    switch r {
    case .unknownSource(let s): return "no source named \(s)"
    case .unknownTarget(let t):
      return "no target named \(t) (name a running task, container, instance or IP)"
    case .taskNotRunning(let t, let status): return "task \(short(t)) is not RUNNING (\(status))"
    case .networkModeNone(let t):
      return "task \(short(t)) uses network mode none: it has no network beyond its own loopback"
    case .noPublicAddress(let t):
      return "\(short(t)) has no public IP address, so nothing outside the VPC can reach it"
    case .securityGroup(let groups, let proto, let port, let from):
      return
        "security group \(groups.joined(separator: ", ")) has no inbound rule allowing \(proto) \(port) from \(from)"
    case .egress(let groups, let proto, let port, let to):
      return
        "the source's security group \(groups.joined(separator: ", ")) has no outbound rule allowing \(proto) \(port) to \(to)"
    case .nothingBound(let i, let port): return "nothing is bound on host port \(port) of \(i)"
    case .notListening(let t, let c, let port):
      let who = c.map { "\(short(t))/\($0)" } ?? short(t)
      return "\(who) is not listening on port \(port) (no such portMappings entry)"
    case .bridgeNoLocalhost(let t):
      return
        "task \(short(t)) uses bridge mode: its containers do not share localhost (use links or service discovery)"
    }
  }

  static func enExpectation(_ e: Expectation, path: String) -> String {
    switch e {
    case .value(let v): return v
    case .present: return "a value"
    case .absent: return "no value"
    case .oneOf(let options):
      let words = options.map { enExpectation($0, path: "") }
      guard words.count > 2, let last = words.last else { return words.joined(separator: " or ") }
      return "one of " + words.dropLast().joined(separator: ", ") + " or " + last
    case .atLeast(let n): return "at least \(n)"
    case .atMost(let n): return "at most \(n)"
    case .between(let lo, let hi): return "between \(lo) and \(hi)"
    case .pattern(let p):
      let image = path.hasSuffix("image")
      switch p {
      case .withOrWithout(let base, let suffix):
        return (image ? "an image named " : "") + "\(base), with or without \(suffix)"
      case .startsWith(let s): return (image ? "an image " : "text ") + "starting with \(s)"
      case .endsWith(let s): return (image ? "an image " : "text ") + "ending in \(s)"
      case .exactly(let s): return s
      case .contains(let s): return "text containing \(s)"
      case .regex(let r): return "text matching /\(r)/"
      }
    case .containing(let v): return "containing \(v)"
    case .not(let inner): return "anything but \(enExpectation(inner, path: path))"
    case .itemLike(let v): return "an item like \(v)"
    case .keyedItem(let key): return "an item with \(key)"
    case .object: return "an object"
    case .list: return "a list"
    }
  }

  static func enSelection(_ kind: String, _ p: SelectionParams) -> String {
    let name = p.name ?? "?"
    let inCluster = p.cluster.map { " in cluster \($0)" } ?? ""
    switch kind {
    case "cluster": return "cluster \(name)"
    case "clusters": return "clusters"
    case "taskDefinition":
      let family = p.family ?? p.name ?? "?"
      return p.revision.map { "task definition \(family):\($0)" }
        ?? "task definition \(family) (latest ACTIVE revision)"
    case "taskDefinitions":
      return p.family.map { "revisions of task definition family \($0)" } ?? "task definitions"
    case "service": return "service \(name)" + inCluster
    case "services": return "services" + inCluster
    case "tasks":
      var parts: [String] = []
      if let f = p.family { parts.append("family \(f)") }
      if let v = p.serviceName { parts.append("service \(v)") }
      if let d = p.desiredStatus { parts.append("desiredStatus \(d)") }
      if let d = p.lastStatus { parts.append("lastStatus \(d)") }
      if let l = p.launchType { parts.append(l) }
      return "tasks" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")") + inCluster
    case "containerInstances": return "container instances" + inCluster
    case "instances": return "EC2 instances"
    case "repository": return "ECR repository \(name)"
    case "repositories": return "ECR repositories"
    case "images": return "images in repository \(p.repository ?? "?")"
    case "role": return "IAM role \(name)"
    case "vpcs": return "VPCs"
    case "subnets": return "subnets"
    case "routeTables": return "route tables"
    case "natGateways": return "NAT gateways"
    case "vpcEndpoints": return "VPC endpoints"
    case "bucket": return "S3 bucket \(name)"
    case "buckets": return "S3 buckets"
    case "table": return "DynamoDB table \(name)"
    case "tables": return "DynamoDB tables"
    case "secret": return "secret \(name)"
    case "parameter": return "SSM parameter \(name)"
    case "execSessions":
      return "ECS Exec sessions" + (p.family.map { " into tasks of family \($0)" } ?? "")
    case "appOutput":
      return "output of the programs in tasks" + (p.family.map { " of family \($0)" } ?? "")
    default: return kind
    }
  }
}

extension MistakePointer {
  /// The pointer in English (`Msg.pointer`).
  var en: String {
    switch self {
    case .defaultClusterUsed(let clusters):
      let add =
        clusters.count == 1
        ? "Add `--cluster \(clusters[0])`."
        : "Add `--cluster NAME` (your clusters: \(Self.list(clusters, separator: ", ")))."
      return "No `--cluster` was given, so the command used the cluster named `default`. " + add
    case .optionOfAnotherOperation(let given, let correct, let operation, let owner):
      let tail = owner.map { " (`\(given)` belongs to `\($0)`)" } ?? ""
      return "`\(operation)` takes `\(correct)`, not `\(given)`\(tail)."
    case .noUpdateTaskDefinition:
      return "There is no `update-task-definition`: a task definition revision never changes. "
        + "Register a new revision with `aws ecs register-task-definition` (same `--family`), "
        + "then move a service to it with `aws ecs update-service --task-definition FAMILY`."
    case .emptyVariables(let names):
      let first = names[0]
      let vars = names.map { "`$\($0)`" }
      let verb = names.count == 1 ? "is" : "are"
      return
        "\(Self.list(names, separator: ", ")) \(verb) empty: \(vars.joined(separator: ", ")) expanded to "
        + "nothing, so the command got no value there. Set it first (`\(first)=...`) and check "
        + "it with `echo \"$\(first)\"`."
    case .closeKey(let given, let key):
      return "`\(given)` is not a key here; did you mean `\(key)`?"
    case .useQuery(let program, let command):
      if let command {
        return
          "Instead of `\(program)`, the AWS CLI's own `--query` (JMESPath) picks fields: `\(command)`"
      }
      return "Instead of `\(program)`, the AWS CLI's own `--query` (JMESPath) picks fields and "
        + "`--output text` prints bare values, e.g. `--query 'services[].serviceName' --output text`."
    case .braceSplit(let typed, let words, let quoted):
      let shown = ShellQuote.shortened(typed)
      let parts = words.map { "`\(ShellQuote.shortened($0))`" }
      let how =
        quoted.map { "Put it in quotes to keep it one word: `\(ShellQuote.shortened($0))`" }
        ?? "Put it in single quotes to keep it one word."
      return "The shell's brace expansion split `\(shown)` into \(words.count) words "
        + "(\(parts.joined(separator: ", "))), as bash does in a real terminal. " + how
    }
  }

  /// Names as code, joined: `` `a`, `b` ``.
  static func list(_ names: [String], separator: String) -> String {
    names.map { "`\($0)`" }.joined(separator: separator)
  }
}

extension Msg {
  static func enEgressPath(_ p: Egress.Path) -> String {
    switch p {
    case .internetGateway(let table, let igw, let ip):
      return "public IP \(ip) → route table \(table): 0.0.0.0/0 → internet gateway \(igw)"
    case .natGateway(let table, let nat, let igw):
      return "route table \(table): 0.0.0.0/0 → NAT gateway \(nat) → internet gateway \(igw)"
    case .interfaceEndpoint(let id, let ip):
      return "private DNS → interface endpoint \(id) at \(ip):443"
    case .gatewayEndpoint(let table, let id):
      return "route table \(table): prefix list → gateway endpoint \(id)"
    }
  }

  static func enEgressRefusal(_ r: Egress.Refusal) -> String {
    switch r {
    case .unknownSource(let s): return "no task or instance named \(s) (or its subnet is gone)"
    case .noNetwork(let s): return "\(s) has no network interface of its own"
    case .noRoute(let subnet, let table, let ip):
      return
        "subnet \(subnet) is private: its route table \(table) has no route to the internet and there is no VPC endpoint for it"
        + (ip.map { " (the public IP \($0) leads nowhere without a route to an internet gateway)" }
          ?? "")
    case .noPublicIp(let subnet, let table, let igw):
      return
        "subnet \(subnet) sends 0.0.0.0/0 to internet gateway \(igw) (\(table)), but the interface has no public IP, and an internet gateway carries only traffic from public addresses"
    case .gatewayDetached(let table, let igw):
      return
        "route table \(table) sends 0.0.0.0/0 to \(igw), which is not attached to the VPC (blackhole)"
    case .natNotAvailable(let nat, let state):
      return "the route leads to NAT gateway \(nat), which is \(state), not available"
    case .natWithoutInternet(let nat, let subnet):
      return
        "NAT gateway \(nat) sits in subnet \(subnet), which has no route to an internet gateway: a NAT gateway belongs in a public subnet"
    case .securityGroupEgress(let groups, let to):
      return
        "the security groups \(groups.joined(separator: ", ")) allow no outbound tcp 443 to \(to)"
    case .endpointSecurityGroup(let id, let groups, let from):
      return
        "interface endpoint \(id): its security groups \(groups.joined(separator: ", ")) admit no tcp 443 from \(from) (add an inbound rule for 443 from the task's security group)"
    case .endpointNotAvailable(let id): return "interface endpoint \(id) is not available yet"
    case .gatewayEndpointNotOnRouteTable(let id, let table):
      return
        "gateway endpoint \(id) exists, but not on route table \(table), the one this subnet uses: aws ec2 modify-vpc-endpoint --vpc-endpoint-id \(id) --add-route-table-ids \(table)"
    }
  }

  static func enVPCLabel(_ l: VPCLabel) -> String {
    switch l {
    case .isDefault: return "default VPC"
    case .dns(let support, let hostnames):
      return "DNS support \(support ? "on" : "off"), DNS hostnames \(hostnames ? "on" : "off")"
    case .internetGateway(let id):
      return "internet gateway: "
        + (id ?? "none (nothing in this VPC reaches the internet directly)")
    case .subnets: return "subnets:"
    case .publicSubnet: return "public"
    case .privateSubnet: return "private"
    case .routeTables: return "route tables:"
    case .main: return "main"
    case .natGateways: return "NAT gateways:"
    case .endpoints: return "VPC endpoints:"
    case .privateDns(let on): return on ? "private DNS on" : "private DNS off"
    case .nothing: return "none"
    case .taskLine(let id, let td, let status, let ip): return "task \(id) (\(td)) \(status) \(ip)"
    case .instanceLine(let id, let ip, let registered):
      return "instance \(id) \(ip)" + (registered ? "" : " (not registered with ECS)")
    }
  }
}

/// The words of `trace` (alb).
extension Msg {
  static func enHopName(_ h: RequestTrace.Hop) -> String {
    switch h {
    case .client: return "client"
    case .listener: return "listener"
    case .rule: return "rule"
    case .targetGroup: return "target group"
    case .target: return "target"
    case .container: return "container"
    }
  }

  static func enHopWhere(_ h: RequestTrace.Hop) -> String {
    switch h {
    case .client(let source, let lb, let scheme): return "\(source) → \(lb) (\(scheme))"
    case .listener(let proto, let port, _, _): return "\(proto) :\(port)"
    case .rule(let priority, _): return priority.map { "priority \($0)" } ?? "default"
    case .targetGroup(let name, let proto, let port, let type, _):
      return "\(name) (\(proto) :\(port), \(type))"
    case .target(let id, let port, _, _): return "\(id):\(port)"
    case .container(let task, let name, let port): return "\(name):\(port) (task \(short(task)))"
    }
  }

  static func enHopWhat(_ h: RequestTrace.Hop) -> String {
    switch h {
    case .client: return "DNS name resolved"
    case .listener(_, _, let group, let rule):
      return group.map { "allowed in by \($0)" + (rule.map { " (\($0))" } ?? "") } ?? "allowed in"
    case .rule(let priority, let matched):
      return priority == nil ? "no rule matched: the default action" : "matched \(matched)"
    case .targetGroup(_, _, _, _, let weight): return weight.map { "weight \($0)" } ?? "forward"
    case .target(_, _, let state, let failOpen):
      return failOpen ? "\(state): every target is unhealthy, so the ALB fails open" : state
    case .container: return "answered"
    }
  }

  static func enBreak(_ b: RequestTrace.Break) -> String {
    switch b {
    case .unresolvable(let host) where host.isEmpty:
      return "the URL has no host name: a variable in it is probably empty (check it with `echo`, "
        + "e.g. `echo $DNS`, and set it from describe-load-balancers' DNSName)"
    case .unresolvable(let host):
      return "no load balancer has the DNS name \(host) (a typo, or the load balancer was deleted)"
    case .provisioning(let lb):
      return "\(lb) is still provisioning (aws elbv2 wait load-balancer-available)"
    case .internalScheme(let lb):
      return
        "\(lb) is internal: its DNS name resolves to private addresses the internet cannot reach (use --from TASK)"
    case .clientRefused(let r):
      return "the load balancer's " + enRefusal(r)
    case .noListener(let port, let ports):
      return "no listener on port \(port)"
        + (ports.isEmpty
          ? " (the load balancer has no listener)"
          : " (listeners: \(ports.map(String.init).joined(separator: ", ")))")
    case .fixedResponse(let status): return "the rule answers itself: fixed-response \(status)"
    case .redirect(let status, let location): return "the rule redirects (\(status)) to \(location)"
    case .noTargets(let tg, let initial, let draining):
      var parts: [String] = []
      if initial > 0 { parts.append("\(initial) in their first health checks") }
      if draining > 0 { parts.append("\(draining) draining") }
      return "target group \(tg) has no registered target that can take traffic: 503"
        + (parts.isEmpty
          ? ""
          : " (" + parts.joined(separator: ", ")
            + "; `aws elbv2 describe-target-health` and the service events say why)")
    case .otherVpc(let tg, let vpc):
      return "target group \(tg) is in another VPC (\(vpc)) than the load balancer"
    case .timedOut(let r):
      return "the request timed out (504): " + enRefusal(r)
        + ". The load balancer's security group must be allowed in on the target's port"
    case .refused(let r):
      switch r {
      case .notListening(let t, let c, let port):
        return
          "connection refused (502): \(c.map { "the container " + $0 } ?? "task " + short(t)) does not listen on port \(port)"
      case .nothingBound(let i, let port):
        return
          "connection refused (502): nothing is bound on port \(port) of \(i) (wrong port in the target group or its health check?)"
      default: return "connection refused (502): " + enRefusal(r)
      }
    case .none: return ""
    }
  }
}
