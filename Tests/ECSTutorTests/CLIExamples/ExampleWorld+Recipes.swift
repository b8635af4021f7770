import ECSModel
import Foundation

/// The recipes of the kinds issue 13 added (tags, task sets, service deployments, ECR layers,
/// policy versions, service-linked roles) and what a documented output says the world holds
/// (attributes, tags, log events).
extension ExampleWorld {
  /// An ECS resource named by ARN: its kind's recipe.
  mutating func ecsResource(_ arn: String) {
    let resource = arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? ""
    let parts = resource.split(separator: "/").map(String.init)
    switch parts.first {
    case "cluster": cluster(arn)
    case "service": service(arn)
    case "task-definition": taskDefinition(arn)
    case "task": task(arn)
    case "container-instance": containerInstance(arn)
    default: break
    }
  }

  /// The container instance an attribute's `targetId=` names.
  mutating func attributeTarget(_ value: String) {
    for field in value.split(separator: ",") where field.hasPrefix("targetId=") {
      containerInstance(String(field.dropFirst("targetId=".count)))
    }
  }

  /// A task set of the command's service (EXTERNAL), mapped to ours.
  mutating func taskSet(_ value: String) {
    guard once("taskset/\(value)"), let svc = example.values("--service").first else { return }
    service(svc)
    taskDefinition("app")
    // Its network as the documented task set shows it.
    let shown = documentedObject { $0["taskSetArn"] != nil }
    let network =
      shown?["networkConfiguration"] != nil ? networkOption(shown?["networkConfiguration"]) : ""
    let out = run(
      "aws ecs create-task-set --cluster \(clusterName) --service \(Self.name(svc)) "
        + "--task-definition app --scale value=100,unit=PERCENT" + network)
    guard let set = out?["taskSet"] else { return }
    replacements[value] =
      value.hasPrefix("arn:") ? set["taskSetArn"]?.stringValue : set["id"]?.stringValue
  }

  /// `service-deployment/CLUSTER/SERVICE/ID` or `service-revision/...`: the service in that
  /// cluster, and its first deployment's ARNs mapped to ours.
  mutating func serviceDeployment(_ value: String) {
    let parts = value.split(separator: "/").map(String.init)
    guard parts.count == 4, once("sd/\(value)") else { return }
    let (cluster, name) = (parts[1], parts[2])
    self.cluster(cluster)
    if once("service/\(cluster)/\(name)") {
      let (family, shape) = documentedServiceShape(name, cluster: cluster)
      run(
        "aws ecs create-service --cluster \(cluster) --service-name \(name) "
          + "--task-definition \(family) --desired-count 0" + shape)
    }
    let out = run("aws ecs list-service-deployments --cluster \(cluster) --service \(name)")
    guard let d = out?["serviceDeployments"]?[0] else { return }
    let key =
      parts[0].hasSuffix("service-revision") ? "targetServiceRevisionArn" : "serviceDeploymentArn"
    replacements[value] = d[key]?.stringValue
  }

  /// A layer of the command's repository (of an image pushed there), mapped to ours.
  mutating func layer(_ value: String) {
    guard value.contains(":"), let repo = example.values("--repository-name").first,
      once("layer/\(value)")
    else { return }
    image("imageTag=latest")
    let out = run("aws ecr batch-get-image --repository-name \(repo) --image-ids imageTag=latest")
    guard let text = out?["images"]?[0]?["imageManifest"]?.stringValue,
      let manifest = try? JSONParser.parse(text),
      let digest = manifest["layers"]?[0]?["digest"]?.stringValue
    else { return }
    replacements[value] = digest
  }

  /// A layer upload in the command's repository, with one part when the page completes it.
  mutating func layerUpload(_ value: String) {
    guard let repo = example.values("--repository-name").first, once("upload/\(value)") else {
      return
    }
    repository(repo)
    guard
      let id = run("aws ecr initiate-layer-upload --repository-name \(repo)")?["uploadId"]?
        .stringValue
    else { return }
    replacements[value] = id
    if example.operation == "complete-layer-upload" {
      run(
        "aws ecr upload-layer-part --repository-name \(repo) --upload-id \(id) "
          + "--part-first-byte 0 --part-last-byte 11 --layer-part-blob fileb://layer-part.bin")
    }
  }

  /// The log group of a `log-group:NAME` ARN.
  static func logGroupName(_ arn: String) -> String {
    guard let range = arn.range(of: "log-group:") else { return arn }
    let rest = arn[range.upperBound...]
    return String(rest.hasSuffix(":*") ? rest.dropLast(2) : rest)
  }

  /// Versions of the command's customer managed policy up to `vN` (v1 is made with it).
  mutating func policyVersion(_ value: String) {
    guard let arn = example.values("--policy-arn").first, let n = Int(value.dropFirst()),
      once("pv/\(arn)/\(value)")
    else { return }
    policy(arn)
    for _ in 1..<max(n, 1) {
      run(
        "aws iam create-policy-version --policy-arn \(replaced(arn)) "
          + "--policy-document '\(Self.allowAll)'")
    }
  }

  /// `task/aws-service-role/SERVICE/ROLE/ID`: the service-linked role made and deleted.
  mutating func deletionTask(_ value: String) {
    let parts = value.split(separator: "/").map(String.init)
    guard parts.count == 5, once("slr/\(value)") else { return }
    run("aws iam create-service-linked-role --aws-service-name \(parts[2])")
    let out = run("aws iam delete-service-linked-role --role-name \(parts[3])")
    replacements[value] = out?["DeletionTaskId"]?.stringValue
  }

  /// The AWS service of a service-linked role's path in the page's text.
  static func serviceLinkedService(_ text: String) -> String? {
    guard let range = text.range(of: #"aws-service-role/[a-z0-9.-]+"#, options: .regularExpression)
    else { return nil }
    return String(text[range].dropFirst("aws-service-role/".count))
  }

  /// What the documented output says the named resources hold beside their names: ECS
  /// attributes on container instances, tags, log events in a stream.
  mutating func documentedContents() {
    waitedFor()
    tagsToUntag()
    guard let output = example.output else { return }
    let op = example.operation
    switch example.service {
    case "ecs" where op == "list-attributes" || op == "delete-attributes":
      for item in output["attributes"]?.arrayValue ?? [] {
        guard let name = item["name"]?.stringValue, let target = item["targetId"]?.stringValue
        else { continue }
        containerInstance(target)
        let value = item["value"]?.stringValue.map { ",value=\($0)" } ?? ""
        run(
          "aws ecs put-attributes --cluster \(clusterName) --attributes "
            + "name=\(name)\(value),targetId=\(replaced(target))")
      }
    case "ecs" where op == "list-tags-for-resource":
      guard let arn = example.values("--resource-arn").first else { return }
      let tags = (output["tags"]?.arrayValue ?? []).compactMap { t in
        t["key"]?.stringValue.map { "key=\($0),value=\(t["value"]?.stringValue ?? "")" }
      }
      run(
        "aws ecs tag-resource --resource-arn \(replaced(arn)) --tags \(tags.joined(separator: " "))"
      )
    case "ecr" where op == "list-tags-for-resource":
      guard let arn = example.values("--resource-arn").first else { return }
      run("aws ecr tag-resource --resource-arn \(replaced(arn)) --tags \(Self.iamTags(output))")
    case "iam" where op == "list-role-tags":
      guard let role = example.values("--role-name").first else { return }
      run("aws iam tag-role --role-name \(role) --tags \(Self.iamTags(output))")
    case "iam" where op == "list-instance-profile-tags":
      guard let p = example.values("--instance-profile-name").first else { return }
      run(
        "aws iam tag-instance-profile --instance-profile-name \(p) --tags \(Self.iamTags(output))")
    case "iam" where op == "list-entities-for-policy":
      guard let arn = example.values("--policy-arn").first else { return }
      for role in Self.strings(under: "RoleName", in: output) {
        self.role(role)
        run("aws iam attach-role-policy --role-name \(role) --policy-arn \(replaced(arn))")
      }
    case "logs" where op == "describe-log-groups":
      for group in output["logGroups"]?.arrayValue ?? [] {
        guard let name = group["logGroupName"]?.stringValue,
          let days = group["retentionInDays"]?.intValue
        else { continue }
        logGroup(name)
        run("aws logs put-retention-policy --log-group-name \(name) --retention-in-days \(days)")
      }
    case "logs" where op == "get-log-events":
      guard let group = example.values("--log-group-name").first,
        let stream = example.values("--log-stream-name").first
      else { return }
      let events = (output["events"]?.arrayValue ?? []).enumerated().map { i, e in
        #"{"timestamp":\#(SimClock.defaultStart + Int64(i)),"message":"\#(e["message"]?.stringValue ?? "")"}"#
      }
      try? files.write("documented-events.json", "[" + events.joined(separator: ",") + "]")
      run(
        "aws logs put-log-events --log-group-name \(group) --log-stream-name \(stream) "
          + "--log-events file://documented-events.json")
    case "elbv2": documentedLoadBalancingContents(output)
    default: break
    }
  }

  /// An untag call needs the tags first.
  mutating func tagsToUntag() {
    if example.operation.hasPrefix("untag-") {
      let keys = example.values("--tag-keys").flatMap { $0.split(separator: ",").map(String.init) }
      switch example.service {
      case "ecs":
        if let arn = example.values("--resource-arn").first {
          let tags = keys.map { "key=\($0),value=example" }.joined(separator: " ")
          run("aws ecs tag-resource --resource-arn \(replaced(arn)) --tags \(tags)")
        }
      case "ecr":
        if let arn = example.values("--resource-arn").first {
          let tags = keys.map { "Key=\($0),Value=example" }.joined(separator: " ")
          run("aws ecr tag-resource --resource-arn \(replaced(arn)) --tags \(tags)")
        }
      case "iam":
        let tags = keys.map { "Key=\($0),Value=example" }.joined(separator: " ")
        if let role = example.values("--role-name").first {
          run("aws iam tag-role --role-name \(role) --tags \(tags)")
        } else if let p = example.values("--instance-profile-name").first {
          run("aws iam tag-instance-profile --instance-profile-name \(p) --tags \(tags)")
        }
      default: break
      }
    }
  }

  /// What a waiter waits for, done first: the tasks stopped, the services deleted.
  mutating func waitedFor() {
    let cluster = clusterName
    switch example.operation {
    case "wait tasks-stopped":
      for t in example.values("--tasks") {
        run("aws ecs stop-task --cluster \(cluster) --task \(replaced(t))")
      }
    case "wait nat-gateway-deleted":
      for n in example.values("--nat-gateway-ids") {
        run("aws ec2 delete-nat-gateway --nat-gateway-id \(replaced(n))")
      }
    case "wait services-inactive":
      for s in example.values("--services") {
        run("aws ecs delete-service --cluster \(cluster) --service \(replaced(s)) --force")
      }
    default: break
    }
  }

  /// `Key=K,Value=V ...` of the documented `Tags`/`tags` (IAM's and ECR's spelling).
  static func iamTags(_ output: JSONValue) -> String {
    ((output["Tags"] ?? output["tags"])?.arrayValue ?? []).compactMap { t in
      t["Key"]?.stringValue.map { "Key=\($0),Value=\(t["Value"]?.stringValue ?? "")" }
    }.joined(separator: " ")
  }
}

extension ExampleWorld {
  /// The first object of the documented output that `matches`.
  func documentedObject(_ matches: (JSONValue) -> Bool) -> JSONValue? {
    var found: JSONValue?
    func walk(_ v: JSONValue) {
      guard found == nil else { return }
      if let members = v.objectValue {
        if matches(v) {
          found = v
          return
        }
        members.forEach { walk($0.1) }
      } else {
        v.arrayValue?.forEach(walk)
      }
    }
    if let output = example.output { walk(output) }
    return found
  }

  /// The default VPC's first subnet and security group.
  mutating func defaultNetwork() -> (subnet: String, group: String) {
    let subnet =
      run("aws ec2 describe-subnets")?["Subnets"]?[0]?["SubnetId"]?.stringValue ?? "subnet-0"
    let group =
      run("aws ec2 describe-security-groups")?["SecurityGroups"]?[0]?["GroupId"]?.stringValue
      ?? "sg-0"
    return (subnet, group)
  }

  /// `--network-configuration` in our default VPC, public IP as `shown` has it.
  mutating func networkOption(_ shown: JSONValue?) -> String {
    let net = defaultNetwork()
    let ip =
      shown?["awsvpcConfiguration"]?["assignPublicIp"]?.stringValue.map { ",assignPublicIp=\($0)" }
      ?? ""
    return
      " --network-configuration 'awsvpcConfiguration={subnets=[\(net.subnet)],securityGroups=[\(net.group)]\(ip)}'"
  }

  /// The task definition family and create-service options that make service `name` as the
  /// documented output shows it (Fargate or capacity providers, awsvpc network); ("app", "")
  /// for a plain EC2 service.
  mutating func documentedServiceShape(_ name: String, cluster: String) -> (String, String) {
    guard
      let shown = documentedObject({
        $0["serviceName"]?.stringValue == name && $0["deploymentConfiguration"] != nil
          || ($0["serviceArn"]?.stringValue).map { $0.hasSuffix("/" + name) } == true
            && $0["taskDefinition"] != nil
      })
    else {
      taskDefinition("app")
      return ("app", "")
    }
    let strategy = shown["capacityProviderStrategy"]?.arrayValue ?? []
    let fargate =
      shown["launchType"]?.stringValue == "FARGATE"
      || strategy.contains { $0["capacityProvider"]?.stringValue?.hasPrefix("FARGATE") == true }
    guard fargate || shown["networkConfiguration"] != nil else {
      taskDefinition("app")
      return ("app", "")
    }
    if once("td/app-awsvpc") {
      run(
        "aws ecs register-task-definition --family app-awsvpc --requires-compatibilities FARGATE "
          + "--network-mode awsvpc --cpu 256 --memory 512 "
          + "--container-definitions name=app,image=nginx,essential=true")
    }
    var options = ""
    if !strategy.isEmpty {
      if once("cp/\(cluster)") {
        run(
          "aws ecs put-cluster-capacity-providers --cluster \(cluster) "
            + "--capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy "
            + "capacityProvider=FARGATE,weight=1")
      }
      let items = strategy.compactMap { item -> String? in
        guard let p = item["capacityProvider"]?.stringValue else { return nil }
        let weight = item["weight"]?.intValue.map { ",weight=\($0)" } ?? ""
        let base = item["base"]?.intValue.map { ",base=\($0)" } ?? ""
        return "capacityProvider=\(p)\(weight)\(base)"
      }
      options += " --capacity-provider-strategy " + items.joined(separator: " ")
    } else if fargate {
      options += " --launch-type FARGATE"
    }
    options += networkOption(shown["networkConfiguration"])
    return ("app-awsvpc", options)
  }
}

extension ExampleWorld {
  /// The run-task that starts task `value` as the documented output shows it: on Fargate with
  /// its ENI, or on EC2 with the host ports its containers bind, started by what started it.
  mutating func documentedTaskCommand(_ value: String) -> String {
    let id = Self.name(value)
    let shown =
      documentedObject {
        $0["containers"] != nil && ($0["taskArn"]?.stringValue).map { Self.name($0) == id } == true
      }
      ?? documentedObject { $0["taskArn"] != nil && $0["containers"] != nil }
    var command = "aws ecs run-task --cluster \(clusterName)"
    if let by = shown?["startedBy"]?.stringValue { command += " --started-by \(by)" }
    if shown?["launchType"]?.stringValue == "FARGATE" {
      if once("td/example-task-fargate") {
        run(
          "aws ecs register-task-definition --family example-task-fargate "
            + "--requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 "
            + "--container-definitions name=app,image=nginx,memory=512,essential=true")
      }
      // A public IP: the image comes from Docker Hub.
      return command + " --task-definition example-task-fargate --launch-type FARGATE"
        + networkOption(["awsvpcConfiguration": ["assignPublicIp": "ENABLED"]])
    }
    // A task the output shows failed to start: its image was never pushed, so its pull fails.
    if shown?["stopCode"]?.stringValue == "TaskFailedToStart" {
      if once("td/example-task-unpulled") {
        run(
          "aws ecs register-task-definition --family example-task-unpulled --container-definitions "
            + "name=app,image=\(Self.registry)/never-pushed:latest,memory=128")
      }
      return command + " --task-definition example-task-unpulled"
    }
    let bindings = (shown?["containers"]?.arrayValue ?? []).flatMap {
      $0["networkBindings"]?.arrayValue ?? []
    }
    let ports = bindings.compactMap { b -> String? in
      guard let c = b["containerPort"]?.intValue else { return nil }
      return "{containerPort=\(c),hostPort=\(b["hostPort"]?.intValue ?? 0)}"
    }
    let family = ports.isEmpty ? "example-task" : "example-task-ports"
    if once("td/\(family)") {
      let mappings = ports.isEmpty ? "" : ",portMappings=[\(ports.joined(separator: ","))]"
      run(
        "aws ecs register-task-definition --family \(family) "
          + "--container-definitions 'name=app,image=nginx,memory=128\(mappings)'")
    }
    return command + " --task-definition \(family)"
  }
}
