import ECSModel

/// The shell inside a container that `aws ecs execute-command --interactive --command /bin/sh`
/// opens: a few commands, answered from the world as the container would see it — `env` (the
/// environment the program has, secrets included, never the execution role's credentials), `ls`,
/// `cat`, `curl` (the program's own port through `AppBehaviour`, the ECS credentials endpoint,
/// IMDS), `aws ...` with the credentials the SDK in the task finds, and `exit`.
public enum ExecShell {
  /// What the Session Manager plugin prints when the session opens.
  static func opening(_ sessionId: String) -> String {
    "\nThe Session Manager plugin was installed successfully. Use the AWS CLI to start a session.\n\n\nStarting session with SessionId: \(sessionId)\n"
  }

  /// What the plugin prints when the session ends.
  public static func closing(_ sessionId: String) -> String {
    "\n\nExiting session with sessionId: \(sessionId).\n\n"
  }

  /// Whether `command` starts a shell (the session stays open) rather than one program.
  static func isShell(_ command: String) -> Bool {
    let c = trim(command)
    return ["/bin/sh", "/bin/bash", "sh", "bash", "/bin/ash", "ash"].contains(c)
  }

  static func trim(_ s: String) -> String {
    String(
      s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  /// The prompt inside the container.
  public static let prompt = "# "

  /// Runs one line in the open session's container; `exit` closes the session.
  public static func run(_ line: String, world: inout World, files: any FileAccess)
    -> CommandResult
  {
    guard let session = world.applications.execSession,
      let task = world.workloads.tasks.first(where: { $0.arn == session.taskArn })
    else { return .failure("", status: 1) }
    let trimmed = trim(line)
    if trimmed == "exit" || trimmed.hasPrefix("exit ") {
      world.applications.execSession = nil
      return .ok(closing(session.sessionId))
    }
    var env = ShellEnvironment(environment(world, task, session.container))
    var w = world
    let r = Shell.run(line, env: &env) { cmd in
      program(cmd, task: task, container: session.container, world: &w, files: files)
    }
    world = w
    return r
  }

  /// The variables a shell in the container has: the program's environment plus the shell's own.
  static func environment(_ w: World, _ t: ECSTask, _ container: String) -> [String: String] {
    var env = w.containerEnvironment(t, container: container)
    env["HOME"] = "/root"
    env["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    env["HOSTNAME"] =
      t.eni.map { "ip-" + String($0.privateIp.map { $0 == "." ? "-" : $0 }) }
      ?? String(t.containers.first { $0.name == container }?.runtimeId?.prefix(12) ?? "")
    return env
  }

  static func program(
    _ cmd: ShellCommand, task: ECSTask, container: String, world: inout World,
    files: any FileAccess
  ) -> CommandResult {
    let argv = cmd.argv
    guard let name = argv.first else { return .ok() }
    switch name {
    case "env", "printenv":
      let env = environment(world, task, container).merging(cmd.environment) { $1 }
      if argv.count > 1 { return env[argv[1]].map { .ok($0 + "\n") } ?? .failure("", status: 1) }
      return .ok(env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined())
    case "ls":
      let dir = argv.dropFirst().first { !$0.hasPrefix("-") } ?? "/"
      let listing: [String: String] = [
        "/": "bin\ndev\netc\nhome\nlib\nproc\nroot\nrun\nsys\ntmp\nusr\nvar\n",
        "/etc": "hostname\nhosts\nos-release\npasswd\nresolv.conf\n",
        "/tmp": "",
      ]
      guard let text = listing[dir.count > 1 && dir.hasSuffix("/") ? String(dir.dropLast()) : dir]
      else {
        return .failure("ls: cannot access '\(dir)': No such file or directory\n", status: 2)
      }
      return .ok(text)
    case "cat":
      guard let path = argv.dropFirst().first else { return .ok(cmd.stdin) }
      switch path {
      case "/etc/hostname":
        return .ok((environment(world, task, container)["HOSTNAME"] ?? "") + "\n")
      case "/etc/os-release":
        return .ok(
          "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\nPRETTY_NAME=\"Amazon Linux 2023\"\n"
        )
      default:
        return .failure("cat: \(path): No such file or directory\n", status: 1)
      }
    case "curl":
      return curl(argv, task: task, container: container, world: world)
    case "aws":
      return aws(argv, cmd: cmd, task: task, world: &world, files: files)
    case "whoami": return .ok("root\n")
    case "hostname": return .ok((environment(world, task, container)["HOSTNAME"] ?? "") + "\n")
    default:
      return .failure("sh: \(name): command not found\n", status: 127)
    }
  }

  /// `curl URL`: the container's own program on localhost, the ECS credentials endpoint
  /// (169.254.170.2) or the instance metadata service (169.254.169.254).
  static func curl(_ argv: [String], task: ECSTask, container: String, world: World)
    -> CommandResult
  {
    guard var url = argv.dropFirst().first(where: { !$0.hasPrefix("-") }) else {
      return .failure(
        "curl: try 'curl --help' or 'curl --manual' for more information\n", status: 2)
    }
    if url.hasPrefix("http://") { url.removeFirst(7) }
    let slash = url.firstIndex(of: "/") ?? url.endIndex
    let hostPort = String(url[..<slash])
    let path = slash == url.endIndex ? "/" : String(url[slash...])
    let host = hostPort.split(separator: ":").first.map(String.init) ?? hostPort
    let port = hostPort.split(separator: ":").dropFirst().first.flatMap { Int($0) } ?? 80
    let env = world.containerEnvironment(task, container: container)
    switch host {
    case "localhost", "127.0.0.1":
      let spec = world.taskDefinitions.first { $0.arn == task.taskDefinitionArn }?.containers
      // awsvpc and host tasks share localhost between their containers.
      let programs =
        (task.networkMode == .bridge ? spec?.filter { $0.name == container } : spec)?
        .compactMap { s -> AppBehaviour? in
          world.appBehaviour(image: s.image).flatMap { b in
            b.listensOn(world.containerEnvironment(task, container: s.name)).contains(port)
              ? b : nil
          }
        } ?? []
      guard let program = programs.first else {
        return .failure(
          "curl: (7) Failed to connect to \(host) port \(port) after 0 ms: Couldn't connect to server\n",
          status: 7)
      }
      let (_, body) = program.answer(path: path)
      return .ok(body + "\n")
    case "169.254.170.2":
      guard let uri = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], path == uri,
        let role = task.taskRoleArn.flatMap({ world.role($0) })
      else {
        return .ok(
          "{\"code\":\"InvalidIdQuery\",\"message\":\"CredentialsV2Request: invalid credential ID\"}\n"
        )
      }
      return .ok(
        "{\"RoleArn\":\"\(role.arn)\",\"AccessKeyId\":\"ASIA\(role.roleId.dropFirst(4).prefix(16))\",\"SecretAccessKey\":\"(hidden by ecs-tutor)\",\"Token\":\"(hidden by ecs-tutor)\",\"Expiration\":\"\(Timestamp.iso8601(millis: world.clock.nowMillis + 6 * 3_600_000).prefix(19))Z\"}\n"
      )
    case "169.254.169.254":
      guard task.launchType != .fargate,
        case .instanceRole(let name, _) = world.appCredentials(
          {
            var t = task
            t.taskRoleArn = nil
            return t
          }())
      else {
        return .failure(
          "curl: (28) Failed to connect to 169.254.169.254 port 80 after 1000 ms: Timeout was reached\n",
          status: 28)
      }
      if path.hasPrefix("/latest/meta-data/iam/security-credentials") {
        return .ok(name + "\n")
      }
      return .ok("ami-id\nhostname\ninstance-id\niam/\nlocal-ipv4\n")
    default:
      return .failure(
        "curl: (6) Could not resolve host: \(host)\n", status: 6)
    }
  }

  /// `aws ...` in the container: the CLI finds the task's credentials as the SDK does; a call
  /// IAM denies fails with AWS's AccessDenied, an allowed one runs.
  static func aws(
    _ argv: [String], cmd: ShellCommand, task: ECSTask, world: inout World, files: any FileAccess
  ) -> CommandResult {
    let creds = world.appCredentials(task)
    guard let principal = creds.principal(account: world.account, taskId: task.id),
      let roleName = creds.roleName, let role = world.role(roleName)
    else {
      return .failure(
        "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n",
        status: 253)
    }
    let words = Array(argv.dropFirst())
    // The CLI connects after finding credentials: the task needs a network path to the service.
    let perm = permission(words, world: world)
    if let url = unreachableEndpoint(words, perm, task: task, world: world) {
      return .failure("\nConnect timeout on endpoint URL: \"\(url)\"\n", status: 255)
    }
    if words.count >= 2, words[0] == "sts", words[1] == "get-caller-identity" {
      let session = String(principal.split(separator: "/").last ?? "")
      let doc: JSONValue = [
        "UserId": .string("\(role.roleId):\(session)"), "Account": .string(world.account),
        "Arn": .string(principal),
      ]
      return .ok(JSONPrinter.print(doc) + "\n")
    }
    if let (action, resource, operation, code) = perm {
      if let e = world.evaluate(role: roleName, action: action, resource: resource), !e.allowed {
        let shown = action.hasPrefix("s3:") ? "\"\(resource)\"" : resource
        return .failure(
          "\nAn error occurred (\(code)) when calling the \(operation) operation: User: \(principal) is not authorized to perform: \(action) on resource: \(shown) \(World.denialReason(e, action: action))\n",
          status: 254)
      }
    }
    return AWSRunner.run(argv, stdin: cmd.stdin, world: &world, files: files)
  }

  /// The endpoint URL of an `aws` command line in the container when the task has no network
  /// path to its service (`World.egress` from the task's ENI or instance), else nil: STS and the
  /// services of `permission`.
  static func unreachableEndpoint(
    _ words: [String], _ perm: (String, String, String, String)?, task: ECSTask, world: World
  ) -> String? {
    guard words.count >= 2 else { return nil }
    let call: AppCall
    if words[0] == "sts" {
      call = AppCall(.atStart, "STS", "", action: "sts:" + words[1], resource: "*")
    } else if let (action, resource, operation, _) = perm {
      call = AppCall(.atStart, "", operation, action: action, resource: resource)
    } else {
      return nil
    }
    guard let source = world.egressSource(task: task),
      case .refused = world.egress(from: source, to: .service(call.egressService))
    else { return nil }
    // `aws s3 ls s3://BUCKET[/PREFIX]` lists by folder.
    var prefix: String?
    if words[0] == "s3", words[1] == "ls",
      let uri = words.dropFirst(2).first(where: { $0.hasPrefix("s3://") })
    {
      prefix = S3Commands.split(uri).map(\.1)
    }
    return call.endpointURL(resource: call.resource, region: world.region, delimitedPrefix: prefix)
  }

  /// The IAM action, resource, operation name and AccessDenied code of an `aws` command line
  /// the demo apps' calls use: S3 (`s3 ls|cp`, `s3api`), DynamoDB, Secrets Manager, SSM.
  static func permission(_ words: [String], world: World) -> (String, String, String, String)? {
    guard words.count >= 2 else { return nil }
    func option(_ name: String) -> String? {
      guard let i = words.firstIndex(of: name), i + 1 < words.count else { return nil }
      return words[i + 1]
    }
    let s3uri = words.dropFirst(2).first { $0.hasPrefix("s3://") }
    let (bucket, key) =
      s3uri.flatMap(S3Commands.split) ?? (option("--bucket") ?? "", option("--key") ?? "")
    switch (words[0], words[1]) {
    case ("s3", "ls"):
      return bucket.isEmpty
        ? ("s3:ListAllMyBuckets", "*", "ListBuckets", "AccessDenied")
        : ("s3:ListBucket", "arn:aws:s3:::\(bucket)", "ListObjectsV2", "AccessDenied")
    case ("s3", "cp"):
      let upload = !(words.count > 2 && words[2].hasPrefix("s3://"))
      return upload
        ? ("s3:PutObject", "arn:aws:s3:::\(bucket)/\(key)", "PutObject", "AccessDenied")
        : ("s3:GetObject", "arn:aws:s3:::\(bucket)/\(key)", "GetObject", "AccessDenied")
    case ("s3api", "list-objects-v2"):
      return ("s3:ListBucket", "arn:aws:s3:::\(bucket)", "ListObjectsV2", "AccessDenied")
    case ("s3api", "get-object"):
      return ("s3:GetObject", "arn:aws:s3:::\(bucket)/\(key)", "GetObject", "AccessDenied")
    case ("s3api", "put-object"):
      return ("s3:PutObject", "arn:aws:s3:::\(bucket)/\(key)", "PutObject", "AccessDenied")
    case ("dynamodb", let op):
      let operation = op.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        .joined()
      let table = option("--table-name") ?? "*"
      return (
        "dynamodb:\(operation)", world.arn(service: "dynamodb", resource: "table/\(table)"),
        operation, "AccessDeniedException"
      )
    case ("secretsmanager", "get-secret-value"):
      let id = option("--secret-id") ?? ""
      let arn =
        world.secret(id)?.arn
        ?? world.arn(service: "secretsmanager", resource: "secret:\(id)")
      return ("secretsmanager:GetSecretValue", arn, "GetSecretValue", "AccessDeniedException")
    case ("ssm", "get-parameter"), ("ssm", "get-parameters"):
      let name = option("--name") ?? option("--names") ?? ""
      return (
        "ssm:" + (words[1] == "get-parameter" ? "GetParameter" : "GetParameters"),
        world.secretResourceArn(name),
        words[1] == "get-parameter" ? "GetParameter" : "GetParameters",
        "AccessDeniedException"
      )
    default:
      return nil
    }
  }
}

extension ExecShell {
  /// After a successful ExecuteCommand: the plugin's opening lines; a shell keeps the session
  /// open (the tutor's prompt becomes the container's), one program runs and the session closes.
  static func opened(_ response: JSONValue, world: inout World, files: any FileAccess)
    -> CommandResult
  {
    guard let session = world.applications.execSession else { return .ok() }
    let open = opening(session.sessionId)
    if isShell(session.command) { return .ok(open) }
    let r = run(session.command, world: &world, files: files)
    world.applications.execSession = nil
    return CommandResult(
      stdout: open + "\n" + r.stdout + closing(session.sessionId), stderr: r.stderr, status: 0)
  }
}
