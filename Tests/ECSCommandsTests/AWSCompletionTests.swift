import ECSModel
import Testing

@testable import ECSCommands

private func resources(_ kind: ResourceKind) -> [String] {
  switch kind {
  case .clusters: return ["demo", "default"]
  case .taskDefinitions: return ["web:1", "web:2", "api:1"]
  case .taskDefinitionFamilies: return ["web", "api"]
  case .services: return ["web-svc"]
  default: return []
  }
}

@Suite struct AWSCompletionTests {
  @Test(
    arguments: [
      (["aws"], "ec", ["ec2", "ecr", "ecs"]),
      (["aws"], "h", ["help"]),
      (["aws", "ecs"], "create-c", ["create-capacity-provider", "create-cluster"]),
      (["aws", "--region", "us-east-1", "ecs"], "delete-cl", ["delete-cluster"]),
      (["aws", "ecs", "create-service"], "--desired", ["--desired-count"]),
      (["aws", "ecs", "create-service", "--cluster"], "d", ["default", "demo"]),
      (["aws", "ecs", "create-service", "--cluster", "demo"], "--clu", []),
      (["aws", "ecs", "update-service", "--task-definition"], "web", ["web:1", "web:2"]),
      (["aws", "ecs", "list-task-definitions", "--family-prefix"], "", ["api", "web"]),
      (
        ["aws", "ecs", "register-task-definition", "--network-mode"], "",
        ["awsvpc", "bridge", "host", "none"]
      ),
      (
        ["aws", "ecs", "run-task", "--launch-type"], "",
        ["EC2", "EXTERNAL", "FARGATE", "MANAGED_INSTANCES"]
      ),
      (
        ["aws", "ecs", "register-task-definition", "--requires-compatibilities", "EC2"], "FA",
        ["FARGATE"]
      ),
      (["aws", "ecs", "list-clusters", "--output"], "", ["json", "table", "text"]),
      (["aws", "ecs", "list-clusters"], "--no-cli", ["--no-cli-auto-prompt", "--no-cli-pager"]),
      (["aws", "ecs", "describe-services", "--services"], "w", ["web-svc"]),
      (["aws", "nope"], "", []),
    ] as [([String], String, [String])])
  func candidates(words: [String], current: String, expected: [String]) {
    #expect(
      AWSCompletion.candidates(words: words, current: current, resources: resources) == expected)
  }

  @Test func optionsAlreadyGivenAreNotOffered() {
    let c = AWSCompletion.candidates(
      words: ["aws", "ecs", "create-service", "--cluster", "demo"], current: "--",
      resources: resources)
    #expect(!c.contains("--cluster"))
    #expect(c.contains("--service-name"))
    #expect(c.contains("--region"))
    #expect(c == c.sorted())
  }
}

@Suite struct ResourceParameterTests {
  /// A parameter whose name ends like these names a resource.
  static let resourceSuffixes = [
    "cluster", "clusters", "service", "services", "task", "tasks", "instance", "instances",
    "family", "task-definition", "subnets", "security-groups", "-name", "-names", "-id", "-ids",
    "-arn", "-arns", "-identifier",
  ]

  /// Resource parameters of simulated operations that Tab deliberately does not complete, and why.
  static let notCompleted: [String: String] = [
    "--cluster-name": "create-cluster names a new cluster",
    "--policy-name": "a scaling policy in application-autoscaling, an inline policy in iam",
    "--policy-names": "scaling policies: completed by name in no service yet",
    "--policy-arn": "AWS managed policies are a catalogue, not resources of the world",
    "--image-id": "AMI IDs come from the public SSM parameters, not from the world",
    "--kernel-id": "not simulated", "--ramdisk-id": "not simulated", "--key-name": "not simulated",
    "--kms-key-id": "not simulated", "--key-id": "not simulated",
    "--daemon-name": "ECS daemons are not simulated", "--reference-id": "not simulated",
    "--registry-id": "the account ID", "--registry-ids": "the account ID",
    "--image-ids": "a list of imageTag/imageDigest structures, not names",
    "--aws-service-name": "a service principal (ecs.amazonaws.com), not a resource",
    "--name": "means a different thing in each service (SSM: a parameter)",
    "--names": "means a different thing in each service (SSM: parameters)",
    "--version-id":
      "a policy or secret version (v1, a UUID): read from the resource, not the world's names",
    "--action-names": "IAM actions (s3:GetObject) are a catalogue, not resources of the world",
    "--resource-arns": "any ARN the simulator should evaluate, not only resources that exist",
    "--caller-arn": "a principal to evaluate as, not necessarily one that exists",
    "--source-security-group-owner-id": "an account ID",
    "--principal-arn": "an IAM user or role, or the account's root: not only roles of the world",
    "--ipam-pool-id": "IPAM is not simulated", "--ipv4-ipam-pool-id": "IPAM is not simulated",
    "--ipv6-ipam-pool-id": "IPAM is not simulated",
    "--secondary-allocation-ids": "private NAT gateways are not simulated",
    "--destination-prefix-list-id": "AWS's managed prefix lists are a catalogue (pl-63a5400a)",
    "--transit-gateway-id": "not simulated", "--local-gateway-id": "not simulated",
    "--carrier-gateway-id": "not simulated", "--core-network-arn": "not simulated",
    "--odb-network-arn": "not simulated",
    "--egress-only-internet-gateway-id": "IPv6: not simulated",
    "--vpc-peering-connection-id": "not simulated", "--outpost-arn": "not simulated",
    "--availability-zone-id": "zone IDs are a catalogue (use1-az1 ...), not resources",
    "--service-network-arn": "VPC Lattice is not simulated",
    "--resource-configuration-arn": "VPC Lattice is not simulated",
    "--domain-name": "a DNS name the learner owns, not a resource of the world",
    "--subject-alternative-names": "DNS names the learner owns, not resources of the world",
    "--certificate-authority-arn": "a private CA, which the tutor does not simulate",
    "--global-table-source-arn": "a table in another Region (global tables are not simulated)",
    "--expression-attribute-names": "placeholders of an expression (#n → a name), not resources",
    "--index-name": "a table's secondary index (indexes are not simulated)",
    "--ssekms-key-id": "a KMS key (KMS is not simulated)",
    "--resource-arn": "the ARN of any taggable kind (cluster, service, repository, log group ...)",
    "--upload-id": "an ECR layer upload in progress, from initiate-layer-upload",
    "--external-id": "the external deployment system's own ID for a task set",
    "--service-deployment-arns": "read from list-service-deployments",
    "--service-revision-arns": "read from list-service-deployments or describe-service-deployments",
    "--attribute-name": "a custom attribute's name (put-attributes), not a resource",
    "--deletion-task-id": "from delete-service-linked-role",
  ]

  /// The pseudo-services of internal operations (docker's, the AWS CLI's own) are no botocore
  /// service, so their operation names cannot clash with an API's.
  @Test func internalServicesAreNoBotocoreService() {
    #expect(!World.api.internalServices.isEmpty)
    for service in World.api.internalServices {
      #expect((try? ServiceModel.named(service)) == nil, "\(service)")
    }
  }

  /// Every parameter of a simulated operation that names a resource either completes from the
  /// world (`AWSCompletion.resourceOptions`) or is listed above with its reason: a new operation
  /// cannot leave one silently completing nothing.
  @Test func everyResourceParameterOfASimulatedOperationCompletes() throws {
    var unhandled: [String] = []
    for service in World.api.handlers.keys.sorted()
    where !World.api.internalServices.contains(service) {
      let model = try ServiceModel.named(service)
      for operation in (World.api.handlers[service] ?? [:]).keys.sorted() {
        let spec = try OperationSpec(model: model, operation: operation)
        for arg in spec.arguments where !arg.hidden {
          let name = arg.cliName
          guard Self.resourceSuffixes.contains(where: { name.hasSuffix($0) }),
            AWSCompletion.resourceOptions[name] == nil, Self.notCompleted[name] == nil
          else { continue }
          unhandled.append("\(service) \(spec.cliName) \(name)")
        }
      }
    }
    #expect(unhandled == [], "\(unhandled.joined(separator: "\n"))")
  }
}
