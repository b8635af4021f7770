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
        "usage: show cluster [NAME] | show planes | show roles [TASK|TASKDEF] | show ports [INSTANCE] | show task TASK"
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
        "usage: reach SOURCE TARGET:PORT   (SOURCE: internet, a CIDR or IP, a task ID, TASK/container, an instance ID)"
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

    // MARK: alb (issue 9) — add this part's texts directly below this line

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

    // MARK: examples (issue 13) — add this part's texts directly below this line

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
