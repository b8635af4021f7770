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
