import ECSCommands
import ECSModel
import Foundation
import TestSupport

@testable import ECSTutor

/// Builds the world an example needs, by rule, in a fresh session: each name the command gives is
/// created by the recipe of its kind (keyed by the option that names it), an undo operation gets
/// its opposite first, and a list or describe call finds the resources its documented output shows.
/// The page's IDs and ARNs are then replaced by the ones the tutor printed (`replacements`).
struct ExampleWorld {
  static let registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com"
  static let trust =
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
  static let lifecycle =
    #"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}"#
  static let repositoryPolicy =
    #"{"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow","Principal":"*","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}"#
  static let allowAll =
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#

  var session: Session
  /// The files the command and the recipes read; the page's IDs in them are replaced too.
  let files: TestFiles
  let example: CLIExample
  /// The page's value → ours, applied to the command before it runs.
  var replacements: [String: String] = [:]
  /// What the recipes already made, so a name is created once.
  var made: Set<String> = []
  var loggedIn = false

  /// A recipe: makes the resource the page's value names and maps the value to ours.
  typealias Recipe = @Sendable (inout ExampleWorld, String) -> Void

  /// Recipes by service and option name: one small function per kind of name.
  static let recipes: [String: [String: Recipe]] = [
    "ecs": [
      "--cluster": { w, v in w.cluster(v) }, "--clusters": { w, v in w.cluster(v) },
      "--task-definition": { w, v in w.taskDefinition(v) },
      "--service": { w, v in w.service(v) }, "--services": { w, v in w.service(v) },
      "--task": { w, v in w.task(v) }, "--tasks": { w, v in w.task(v) },
      "--container-instance": { w, v in w.containerInstance(v) },
      "--container-instances": { w, v in w.containerInstance(v) },
      "--resource-arn": { w, v in w.ecsResource(v) },
      "--attributes": { w, v in w.attributeTarget(v) },
      "--task-set": { w, v in w.taskSet(v) }, "--task-sets": { w, v in w.taskSet(v) },
      "--primary-task-set": { w, v in w.taskSet(v) },
      "--service-deployment-arns": { w, v in w.serviceDeployment(v) },
      "--service-deployment-arn": { w, v in w.serviceDeployment(v) },
      "--service-revision-arns": { w, v in w.serviceDeployment(v) },
      "--load-balancers": { w, v in w.serviceTargetGroups(v) },
    ],
    "ecr": [
      "--repository-name": { w, v in w.repository(v) },
      "--image-ids": { w, v in w.image(v) }, "--image-id": { w, v in w.image(v) },
      "--resource-arn": { w, v in w.repository(v) },
      "--layer-digests": { w, v in w.layer(v) }, "--layer-digest": { w, v in w.layer(v) },
      "--upload-id": { w, v in w.layerUpload(v) },
    ],
    "logs": [
      "--log-group-name": { w, v in w.logGroup(v) },
      "--log-stream-name": { w, v in w.logStream(v) },
      "--resource-arn": { w, v in w.logGroup(Self.logGroupName(v)) },
    ],
    "ssm": [
      "--name": { w, v in w.parameter(v) }, "--names": { w, v in w.parameter(v) },
      "--path": { w, v in w.parameter(v.hasSuffix("/") ? v + "example" : v + "/example") },
    ],
    "iam": [
      "--role-name": { w, v in w.role(v) },
      "--instance-profile-name": { w, v in w.instanceProfile(v) },
      "--policy-arn": { w, v in w.policy(v) },
      "--version-id": { w, v in w.policyVersion(v) },
      "--deletion-task-id": { w, v in w.deletionTask(v) },
    ],
    "application-autoscaling": ["--resource-id": { w, v in w.scalableResource(v) }],
    "secretsmanager": ["--secret-id": { w, v in w.secret(v) }],
    "elbv2": elbv2Recipes, "ec2": ec2Recipes,
  ]

  /// Undo operations whose opposite is not made by a recipe, and reads of what no recipe makes:
  /// the operation that makes it, with the same options (plus what it requires beside them).
  static let opposites: [String: (operation: String, extra: String)] = [
    "get-role-policy": ("put-role-policy", "--policy-document file://documented-policy.json"),
    "delete-task-definitions": ("deregister-task-definition", ""),
    "detach-role-policy": ("attach-role-policy", ""),
    "remove-role-from-instance-profile": ("add-role-to-instance-profile", ""),
    "delete-role-policy": ("put-role-policy", "--policy-document file://documented-policy.json"),
    "delete-retention-policy": ("put-retention-policy", "--retention-in-days 5"),
    "unlabel-parameter-version": ("label-parameter-version", ""),
    "describe-image-scan-findings": ("start-image-scan", ""),
    "get-lifecycle-policy": (
      "put-lifecycle-policy", "--lifecycle-policy-text file://documented-lifecycle.json"
    ),
    "delete-lifecycle-policy": (
      "put-lifecycle-policy", "--lifecycle-policy-text file://documented-lifecycle.json"
    ),
    "get-lifecycle-policy-preview": (
      "start-lifecycle-policy-preview", "--lifecycle-policy-text file://documented-lifecycle.json"
    ),
    "get-repository-policy": (
      "set-repository-policy", "--policy-text file://documented-repository-policy.json"
    ),
    "delete-repository-policy": (
      "set-repository-policy", "--policy-text file://documented-repository-policy.json"
    ),
    "delete-scaling-policy": (
      "put-scaling-policy",
      "--policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration "
        + "TargetValue=50,PredefinedMetricSpecification={PredefinedMetricType=ECSServiceAverageCPUUtilization}"
    ),
  ]

  /// Keys of a documented output that name a resource of a kind with a recipe.
  static let documentedNames: [String: [(key: String, recipe: Recipe)]] = [
    "ecs": [
      ("clusterArns", { w, v in w.cluster(v) }), ("clusterArn", { w, v in w.cluster(v) }),
      ("taskDefinitionArns", { w, v in w.taskDefinition(v) }),
      ("families", { w, v in w.taskDefinition(v) }),
      ("serviceArns", { w, v in w.service(v) }), ("taskArns", { w, v in w.task(v) }),
      ("containerInstanceArns", { w, v in w.containerInstance(v) }),
    ],
    "ecr": [
      ("repositoryName", { w, v in w.repository(v) }),
      ("imageTag", { w, v in w.image("imageTag=\(v)") }),
    ],
    "logs": [
      ("logGroupName", { w, v in w.logGroup(v) }), ("logStreamName", { w, v in w.logStream(v) }),
    ],
    "ssm": [("Name", { w, v in w.parameter(v) })],
    "iam": [
      ("RoleName", { w, v in w.profileRole(v) }),
      ("InstanceProfileName", { w, v in w.instanceProfile(v) }),
      ("PolicyArn", { w, v in w.attachedPolicy(v) }),
    ],
    "application-autoscaling": [("ResourceId", { w, v in w.scalableResource(v) })],
    "secretsmanager": [("Name", { w, v in w.secret(v) })],
    "elbv2": [
      ("LoadBalancerArn", { w, v in w.loadBalancer(v) }),
      ("TargetGroupArn", { w, v in w.targetGroup(v) }),
      ("ListenerArn", { w, v in w.listener(v) }), ("RuleArn", { w, v in w.rule(v) }),
    ],
    "ec2": [
      ("VpcId", { w, v in w.vpc(v) }), ("SubnetId", { w, v in w.subnet(v) }),
      ("AllocationId", { w, v in w.address(v) }), ("VpcEndpointId", { w, v in w.vpcEndpoint(v) }),
      ("NatGatewayId", { w, v in w.natGateway(v) }),
      ("InternetGatewayId", { w, v in w.internetGateway(v) }),
      ("NetworkInterfaceId", { w, v in w.networkInterface(v) }),
      ("RouteTableId", { w, v in w.routeTable(v) }),
    ],
  ]

  /// What a `file://` the page does not show holds, by the option that reads it: the document
  /// the output shows where it shows one.
  static func defaultFile(option: String, example: CLIExample) -> String {
    switch option {
    case "--assume-role-policy-document": documented("AssumeRolePolicyDocument", example) ?? trust
    case "--policy-document" where example.operation == "update-assume-role-policy": trust
    case "--policy-document": documented("PolicyDocument", example) ?? allowAll
    case "--log-events":
      #"[{"timestamp": \#(SimClock.defaultStart), "message": "Example Event"}]"#
    case "--lifecycle-policy-text": documentedText("lifecyclePolicyText", example) ?? lifecycle
    case "--policy-text": documentedText("policyText", example) ?? repositoryPolicy
    default: "example\n"
    }
  }

  /// The first JSON object under `key` in the documented output, compact.
  static func documented(_ key: String, _ example: CLIExample) -> String? {
    var found: JSONValue?
    func walk(_ v: JSONValue) {
      guard found == nil else { return }
      if let members = v.objectValue {
        for (k, child) in members {
          if k == key, child.objectValue != nil { found = child }
          walk(child)
        }
      } else {
        v.arrayValue?.forEach(walk)
      }
    }
    if let output = example.output { walk(output) }
    return found.map(JSONPrinter.compact)
  }

  /// The first string under `key` in the documented output (a policy text AWS prints as a
  /// string).
  static func documentedText(_ key: String, _ example: CLIExample) -> String? {
    example.output.flatMap { strings(under: key, in: $0).first }
  }

  /// The task definition of `family` the documented output shows, as register-task-definition
  /// input: its containers, network mode, sizes and compatibilities (not its roles, which name
  /// resources of the page's account).
  static func documentedTaskDefinition(_ family: String, _ example: CLIExample) -> String? {
    var found: JSONValue?
    func walk(_ v: JSONValue) {
      guard found == nil else { return }
      if let members = v.objectValue {
        if v["family"]?.stringValue == family, v["containerDefinitions"] != nil { found = v }
        members.forEach { walk($0.1) }
      } else {
        v.arrayValue?.forEach(walk)
      }
    }
    if let output = example.output { walk(output) }
    guard let shown = found else { return nil }
    let keys = [
      "family", "containerDefinitions", "networkMode", "cpu", "memory", "requiresCompatibilities",
      "volumes", "placementConstraints", "executionRoleArn", "taskRoleArn",
    ]
    return JSONPrinter.compact(.object(keys.compactMap { k in shown[k].map { (k, $0) } }))
  }

  init(_ example: CLIExample) {
    self.example = example
    var files = example.files ?? [:]
    for option in example.options {
      for value in option.values where value.hasPrefix("file://") {
        let path = String(value.dropFirst(7))
        if files[path] == nil {
          files[path] = Self.defaultFile(option: option.name, example: example)
        }
      }
    }
    // What the recipes and opposites read: the documents the output shows, or plain ones.
    files["documented-policy.json"] = Self.documented("PolicyDocument", example) ?? Self.allowAll
    files["documented-trust.json"] =
      Self.documented("AssumeRolePolicyDocument", example) ?? Self.trust
    files["documented-lifecycle.json"] =
      Self.documentedText("lifecyclePolicyText", example) ?? Self.lifecycle
    files["documented-repository-policy.json"] =
      Self.documentedText("policyText", example) ?? Self.repositoryPolicy
    files["layer-part.bin"] = "layer bytes\n"
    self.files = TestFiles(files)
    var config = SessionConfig(files: self.files)
    config.narrate = false
    session = Session(config: config)
  }

  /// Runs the recipes, the opposite and the documented names; then the example's command with our
  /// IDs. Returns the command as run.
  mutating func build() -> String {
    let op = example.operation
    // The name the operation itself creates gets no recipe (create-role --role-name ...).
    let created = op.hasPrefix("create-") ? "--" + op.dropFirst(7) + "-name" : "--name"
    let skipsOwnName = op.hasPrefix("create-") || op == "put-parameter"
    let recipes = Self.recipes[example.service] ?? [:]
    // Clusters first: services, tasks and instances live in the command's cluster; VPCs next:
    // subnets, route tables and groups live in the command's VPC.
    func rank(_ name: String) -> Int {
      name.hasPrefix("--cluster") ? 0 : name.hasPrefix("--vpc-id") ? 1 : 2
    }
    let ordered = example.options.sorted { rank($0.name) < rank($1.name) }
    for option in ordered {
      if skipsOwnName && option.name == created { continue }
      guard let recipe = recipes[option.name] else { continue }
      for value in option.values { recipe(&self, value) }
    }
    // A task on EC2 needs an instance in its cluster.
    if ["run-task", "start-task"].contains(op), !fargate, !made.contains("capacity/\(clusterName)")
    {
      made.insert("capacity/\(clusterName)")
      _ = capacity()
    }
    if let opposite = Self.opposites[op] {
      let rest = example.command.split(separator: " ").dropFirst(3).joined(separator: " ")
      run("aws \(example.service) \(opposite.operation) \(replaced(rest)) \(opposite.extra)")
    }
    networkOpposite()
    if op.hasPrefix("list-") || op.hasPrefix("describe-") || op.hasPrefix("get-"),
      let output = example.output
    {
      for (key, recipe) in Self.documentedNames[example.service] ?? [] {
        // Up to three different names of each kind.
        var seen: Set<String> = []
        let names = Self.strings(under: key, in: output).filter { seen.insert($0).inserted }
        for value in names.prefix(3) { recipe(&self, value) }
      }
    }
    documentedContents()
    subnetsAndGroups()
    for (path, text) in example.files ?? [:] { try? files.write(path, replaced(text)) }
    return replaced(example.command)
  }

  /// The page's values replaced by ours, longest first (an ARN before the ID inside it).
  func replaced(_ text: String) -> String {
    var text = text
    // Whole values only: `web` must not change inside `web-app`.
    for (from, to) in replacements.sorted(by: { $0.key.count > $1.key.count }) where from != to {
      let pattern =
        "(?<![A-Za-z0-9_./:-])" + NSRegularExpression.escapedPattern(for: from)
        + "(?![A-Za-z0-9_-])"
      text = text.replacingOccurrences(
        of: pattern, with: NSRegularExpression.escapedTemplate(for: to), options: .regularExpression
      )
    }
    // What no recipe mapped: the page's other regions and accounts become ours.
    for (pattern, ours) in [
      (#"arn:aws:iam::[0-9]{12}:"#, "arn:aws:iam::123456789012:"),
      (
        #"arn:aws:([a-z0-9-]+):[a-z]{2}-[a-z]+-[0-9]:[0-9]{12}:"#,
        "arn:aws:$1:us-east-1:123456789012:"
      ),
      (#"[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com"#, Self.registry),
    ] {
      text = text.replacingOccurrences(of: pattern, with: ours, options: .regularExpression)
    }
    return text
  }

  /// Runs a line; returns its JSON output when it succeeded.
  @discardableResult
  mutating func run(_ line: String) -> JSONValue? {
    let out = session.handle(line)
    // CLI_EXAMPLES_SHOW=PAGE also prints how that page's world was built.
    if let show = ProcessInfo.processInfo.environment["CLI_EXAMPLES_SHOW"],
      example.page.contains(show)
    {
      print("  built: \(line) → \(session.lastStatus)")
    }
    guard session.lastStatus == 0 else { return nil }
    return try? JSONParser.parse(out.stdout)
  }

  /// Every string value under `key` anywhere in `json` (arrays flattened).
  static func strings(under key: String, in json: JSONValue) -> [String] {
    var found: [String] = []
    func walk(_ v: JSONValue) {
      if let members = v.objectValue {
        for (k, child) in members {
          if k == key {
            if let s = child.stringValue { found.append(s) }
            for item in child.arrayValue ?? [] { if let s = item.stringValue { found.append(s) } }
          }
          walk(child)
        }
      } else if let items = v.arrayValue {
        items.forEach(walk)
      }
    }
    walk(json)
    return found
  }

  /// The last path component of an ARN or name (`cluster/MyCluster` → MyCluster).
  static func name(_ value: String) -> String {
    String(value.split(separator: "/").last ?? Substring(value))
  }

  mutating func once(_ key: String) -> Bool { made.insert(key).inserted }

  /// Maps a page value to ours: an ARN to our ARN, a bare ID to our ID.
  mutating func map(_ page: String, ours arn: String?) {
    guard let arn else { return }
    replacements[page] = page.hasPrefix("arn:") ? arn : Self.name(arn)
  }

  // MARK: recipes, one per kind of name

  var clusterName: String {
    Self.name(example.values("--cluster").first ?? "default")
  }

  mutating func cluster(_ value: String) {
    let name = Self.name(value)
    guard once("cluster/\(name)") else { return }
    let out = run("aws ecs create-cluster --cluster-name \(name)")
    if value.hasPrefix("arn:") { map(value, ours: out?["cluster"]?["clusterArn"]?.stringValue) }
  }

  /// Whether the command (or the input file it reads) runs on Fargate or in awsvpc mode.
  var fargate: Bool {
    let text = example.command + (example.files ?? [:]).values.joined()
    // A service the documented output shows on Fargate runs the command's task definition too.
    let shown = example.output.map(JSONPrinter.compact) ?? ""
    return text.contains("FARGATE") || text.contains("awsvpcConfiguration")
      || shown.contains(#""launchType":"FARGATE""#) && example.operation == "update-service"
  }

  mutating func taskDefinition(_ value: String) {
    let last = Self.name(value)
    let parts = last.split(separator: ":")
    let family = String(parts.first ?? "app")
    let revision = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
    guard once("td/\(family)") else { return }
    // The container and port a service's load balancer names, where the command names one.
    let balanced = example.values("--load-balancers").joined(separator: " ")
    let container =
      fields(balanced, "containerName").first.map { name in
        "'name=\(name),image=nginx,memory=128,essential=true,portMappings=[{containerPort="
          + "\(fields(balanced, "containerPort").first ?? "80")}]'"
      } ?? "name=app,image=nginx,memory=128,essential=true"
    let shape =
      fargate
      ? "--requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 "
        + "--container-definitions \(container)"
      : "--container-definitions \(container)"
    // As the documented output shows it, where the tutor accepts that; else a plain one.
    var documented: String?
    if let shown = Self.documentedTaskDefinition(family, example) {
      // Its roles are the page's: ours of the same name (the account rewritten).
      for key in ["executionRoleArn", "taskRoleArn"] {
        for arn in Self.strings(under: key, in: (try? JSONParser.parse(shown)) ?? .null) {
          role(Self.name(arn))
        }
      }
      try? files.write("documented-task-definition.json", replaced(shown))
      documented = "--cli-input-json file://documented-task-definition.json"
    }
    var arn: String?
    for _ in 0..<min(revision, 12) {
      let out =
        documented.flatMap { run("aws ecs register-task-definition \($0)") }
        ?? run("aws ecs register-task-definition --family \(family) \(shape)")
      if out == nil { documented = nil }
      arn = out?["taskDefinition"]?["taskDefinitionArn"]?.stringValue
    }
    // A family without a revision stays as it is: it names the latest revision either way.
    if value.contains(":") { map(value, ours: arn) }
  }

  mutating func service(_ value: String) {
    let name = Self.name(value)
    let cluster = clusterName
    guard once("service/\(cluster)/\(name)") else { return }
    self.cluster(cluster)
    // Task sets live in services with the EXTERNAL deployment controller (no task definition).
    if example.operation.contains("task-set") {
      let out = run(
        "aws ecs create-service --cluster \(cluster) --service-name \(name) "
          + "--deployment-controller type=EXTERNAL --desired-count 1")
      map(value, ours: out?["service"]?["serviceArn"]?.stringValue)
      return
    }
    // As the documented output shows it: Fargate, capacity providers, its network.
    let (family, shape) = documentedServiceShape(name, cluster: cluster)
    // A service a namespace lists uses Service Connect in that namespace.
    let namespace = example.values("--namespace").first.map {
      " --service-connect-configuration enabled=true,namespace=\($0)"
    }
    let out = run(
      "aws ecs create-service --cluster \(cluster) --service-name \(name) --task-definition \(family) "
        + "--desired-count 0" + shape + (namespace ?? ""))
    map(value, ours: out?["service"]?["serviceArn"]?.stringValue)
  }

  /// EC2 capacity in the command's cluster; returns the container instance ARNs it added.
  mutating func capacity() -> [String] {
    let cluster = clusterName
    self.cluster(cluster)
    let list = "aws ecs list-container-instances --cluster \(cluster)"
    let before = Set(
      run(list)?["containerInstanceArns"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    run("capacity add --cluster \(cluster) --type t3.medium --count 1")
    let after = run(list)?["containerInstanceArns"]?.arrayValue?.compactMap(\.stringValue) ?? []
    return after.filter { !before.contains($0) }
  }

  mutating func containerInstance(_ value: String) {
    guard once("ci/\(value)") else { return }
    map(value, ours: capacity().first)
  }

  mutating func task(_ value: String) {
    guard once("task/\(value)") else { return }
    if !made.contains("capacity/\(clusterName)") {
      made.insert("capacity/\(clusterName)")
      _ = capacity()
    }
    // Only a service's tasks can be protected from scale-in.
    if example.operation.contains("task-protection") {
      taskDefinition("app")
      run(
        "aws ecs create-service --cluster \(clusterName) --service-name protected "
          + "--task-definition app --desired-count 1")
      let out = run("aws ecs list-tasks --cluster \(clusterName) --service-name protected")
      map(value, ours: out?["taskArns"]?[0]?.stringValue)
      return
    }
    let command = documentedTaskCommand(value)
    let out = run(command)
    map(value, ours: out?["tasks"]?[0]?["taskArn"]?.stringValue)
  }

  mutating func repository(_ value: String) {
    let name =
      value.hasPrefix("arn:") ? String(value.split(separator: "/", maxSplits: 1).last ?? "") : value
    guard once("repo/\(name)") else { return }
    let out = run("aws ecr create-repository --repository-name \(name)")
    if value.hasPrefix("arn:") {
      map(value, ours: out?["repository"]?["repositoryArn"]?.stringValue)
    }
  }

  /// An image in the command's repository: pushed with the page's tag, or tagged `latest` when the
  /// page names a digest (which then maps to ours).
  mutating func image(_ value: String) {
    guard let repo = example.values("--repository-name").first else { return }
    repository(repo)
    let fields = Dictionary(
      value.split(separator: ",").compactMap { field -> (String, String)? in
        let kv = field.split(separator: "=", maxSplits: 1).map(String.init)
        return kv.count == 2 ? (kv[0], kv[1]) : nil
      }, uniquingKeysWith: { a, _ in a })
    let tag = fields["imageTag"] ?? "latest"
    guard once("image/\(repo):\(tag)") else { return }
    if !loggedIn {
      loggedIn = true
      run(
        "aws ecr get-login-password --region us-east-1 | docker login --username AWS "
          + "--password-stdin \(Self.registry)")
    }
    run("docker pull nginx")
    run("docker tag nginx \(Self.registry)/\(repo):\(tag)")
    run("docker push \(Self.registry)/\(repo):\(tag)")
    if let digest = fields["imageDigest"] {
      let out = run(
        "aws ecr describe-images --repository-name \(repo) --image-ids imageTag=\(tag)")
      map(digest, ours: out?["imageDetails"]?[0]?["imageDigest"]?.stringValue)
    }
  }

  mutating func logGroup(_ value: String) {
    guard once("lg/\(value)") else { return }
    run("aws logs create-log-group --log-group-name \(value)")
  }

  /// A secret named as the page names it (a page's ARN gives its name: `secret:NAME-AbCdEf`).
  mutating func secret(_ value: String) {
    var name = value
    if value.hasPrefix("arn:"), let last = value.split(separator: ":").last {
      name = String(last)
      if let dash = name.lastIndex(of: "-"), name.distance(from: dash, to: name.endIndex) == 7 {
        name = String(name[..<dash])
      }
    }
    guard example.operation != "create-secret", once("secret/\(name)") else { return }
    // With the description the output shows.
    let shown = documentedObject { $0["Name"]?.stringValue == name }
    let description = shown?["Description"]?.stringValue.map { " --description '\($0)'" } ?? ""
    run(
      "aws secretsmanager create-secret --name \(name) --secret-string 'example value'"
        + description)
    // A previous version when the command asks for it.
    if example.values("--version-stage").contains("AWSPREVIOUS") {
      run("aws secretsmanager put-secret-value --secret-id \(name) --secret-string 'new value'")
    }
  }

  mutating func logStream(_ value: String) {
    guard let group = example.values("--log-group-name").first else { return }
    logGroup(group)
    guard example.operation != "create-log-stream", once("ls/\(group)/\(value)") else { return }
    run("aws logs create-log-stream --log-group-name \(group) --log-stream-name \(value)")
  }

  /// A parameter; `NAME:N` makes N versions, `NAME:label` labels the last one.
  mutating func parameter(_ value: String) {
    let name =
      value.hasPrefix("arn:")
      ? "/" + Self.name(value) : String(value.split(separator: ":").first ?? "")
    let selector = value.hasPrefix("arn:") ? nil : value.split(separator: ":").dropFirst().first
    guard !name.isEmpty, once("param/\(name)") else { return }
    // Its versions as the documented output shows them (type, value, description, tier,
    // policies), as many as the command or the output names.
    var shown: [Int: JSONValue] = [:]
    var walkStack = example.output.map { [$0] } ?? []
    while let v = walkStack.popLast() {
      if let members = v.objectValue {
        if v["Name"]?.stringValue == name { shown[v["Version"]?.intValue ?? 1] = v }
        walkStack += members.map(\.1)
      } else {
        walkStack += v.arrayValue ?? []
      }
    }
    let wanted = example.values("--parameter-version").compactMap { Int($0) }.max() ?? 1
    let versions = max(selector.flatMap { Int($0) } ?? 1, shown.keys.max() ?? 1, wanted)
    let latest = shown[shown.keys.max() ?? 1]
    for v in 1...min(versions, 10) {
      let doc = shown[v] ?? latest
      let type = doc?["Type"]?.stringValue ?? "String"
      let value = shown[v]?["Value"]?.stringValue ?? "value \(v)"
      var options = ""
      if let d = doc?["Description"]?.stringValue { options += " --description '\(d)'" }
      if doc?["Tier"]?.stringValue == "Advanced" { options += " --tier Advanced" }
      if let policies = doc?["Policies"]?.arrayValue, !policies.isEmpty {
        let texts = policies.compactMap { $0["PolicyText"]?.stringValue }
        try? files.write("documented-policies.json", "[" + texts.joined(separator: ",") + "]")
        options += " --policies file://documented-policies.json"
      }
      run(
        "aws ssm put-parameter --name \(name) --value '\(value)' --type \(type)" + options
          + (v > 1 ? " --overwrite" : ""))
    }
    if let label = selector, Int(label) == nil {
      run("aws ssm label-parameter-version --name \(name) --labels \(label)")
    }
  }

  mutating func role(_ value: String) {
    guard once("role/\(value)") else { return }
    // A service-linked role is made by its service (named where the page shows its path).
    if value.hasPrefix("AWSServiceRoleFor"),
      let service = Self.serviceLinkedService(example.output.map(JSONPrinter.compact) ?? "")
    {
      run("aws iam create-service-linked-role --aws-service-name \(service)")
      return
    }
    let description = Self.strings(under: "Description", in: example.output ?? .null).first
    run(
      "aws iam create-role --role-name \(value) --assume-role-policy-document "
        + "file://documented-trust.json" + (description.map { " --description '\($0)'" } ?? ""))
  }

  /// A managed policy attached to the command's role.
  mutating func attachedPolicy(_ value: String) {
    guard let role = example.values("--role-name").first else { return }
    self.role(role)
    policy(value)
    run("aws iam attach-role-policy --role-name \(role) --policy-arn \(replaced(value))")
  }

  /// A role the output shows; in the command's instance profile, if it names one (as
  /// get-instance-profile shows it).
  mutating func profileRole(_ value: String) {
    role(value)
    let shown = example.output.flatMap { Self.strings(under: "InstanceProfileName", in: $0).first }
    guard let profile = example.values("--instance-profile-name").first ?? shown else { return }
    instanceProfile(profile)
    run(
      "aws iam add-role-to-instance-profile --instance-profile-name \(profile) --role-name \(value)"
    )
  }

  mutating func instanceProfile(_ value: String) {
    guard once("ip/\(value)") else { return }
    run("aws iam create-instance-profile --instance-profile-name \(value)")
  }

  /// A customer managed policy named by its ARN (AWS managed ones, `arn:aws:iam::aws:policy/...`,
  /// exist already).
  mutating func policy(_ value: String) {
    guard !value.hasPrefix("arn:aws:iam::aws:"), once("policy/\(value)") else { return }
    let out = run(
      "aws iam create-policy --policy-name \(Self.name(value)) --policy-document '\(Self.allowAll)'"
    )
    map(value, ours: out?["Policy"]?["Arn"]?.stringValue)
  }

  /// `service/CLUSTER/SERVICE`, the ECS resource of a scalable target.
  mutating func scalableResource(_ value: String) {
    let parts = value.split(separator: "/").map(String.init)
    guard parts.count == 3, parts[0] == "service" else { return }
    cluster(parts[1])
    guard once("service/\(parts[1])/\(parts[2])") else { return }
    taskDefinition("app")
    run(
      "aws ecs create-service --cluster \(parts[1]) --service-name \(parts[2]) "
        + "--task-definition app --desired-count 0")
    guard example.operation != "register-scalable-target" else { return }
    run(
      "aws application-autoscaling register-scalable-target --service-namespace ecs "
        + "--scalable-dimension ecs:service:DesiredCount --resource-id \(value) "
        + "--min-capacity 1 --max-capacity 4")
  }

  /// The page's subnets, security groups and VPCs become the default VPC's.
  mutating func subnetsAndGroups() {
    let text = ([example.command] + (example.files ?? [:]).values).joined(separator: "\n")
    func ids(_ prefix: String) -> [String] {
      // An ID has a digit (`vpc-id` and `vpc-available` are not IDs).
      guard
        let re = try? NSRegularExpression(pattern: "\\b\(prefix)-(?=[a-zA-Z]*[0-9])[0-9a-zA-Z]+\\b")
      else {
        return []
      }
      return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
        Range($0.range, in: text).map { String(text[$0]) }
      }
    }
    let subnets = ids("subnet")
    let groups = ids("sg")
    let vpcs = ids("vpc")
    guard !(subnets + groups + vpcs).isEmpty else { return }
    let ourSubnets =
      run("aws ec2 describe-subnets")?["Subnets"]?.arrayValue?.compactMap {
        $0["SubnetId"]?.stringValue
      }
      ?? []
    let ourGroup = run("aws ec2 describe-security-groups")?["SecurityGroups"]?[0]
    // What a recipe made stays as it is.
    for (i, s) in Set(subnets).sorted().enumerated()
    where !ourSubnets.isEmpty && replacements[s] == nil {
      replacements[s] = ourSubnets[i % ourSubnets.count]
    }
    for g in groups where replacements[g] == nil {
      replacements[g] = ourGroup?["GroupId"]?.stringValue ?? g
    }
    for v in vpcs where replacements[v] == nil {
      replacements[v] = ourGroup?["VpcId"]?.stringValue ?? v
    }
  }
}
