import ECSModel
import Testing

@testable import ECSCommands

@Suite struct ServiceModelTests {
  @Test(arguments: ServiceModel.serviceNames)
  func everyModelLoads(service: String) throws {
    let model = try ServiceModel.named(service)
    #expect(model.cliName == service)
    #expect(!model.operations.isEmpty)
    // Every shape a simulated operation reaches is present.
    for op in model.operations {
      guard let input = model.operation(op)?.input else { continue }
      var pending = [input]
      var seen: Set<String> = []
      while let name = pending.popLast() {
        guard seen.insert(name).inserted else { continue }
        let shape = try #require(model.shape(name), "\(service) \(op): missing \(name)")
        pending +=
          shape.members.map(\.shape) + [shape.member, shape.key, shape.value].compactMap { $0 }
      }
    }
  }

  @Test func ecsHasEveryOperationWithShapes() throws {
    let ecs = try ServiceModel.named("ecs")
    #expect(ecs.apiVersion == "2014-11-13")
    #expect(ecs.operations.contains("CreateCluster"))
    #expect(ecs.operations.allSatisfy { ecs.operation($0)?.hasShapes == true })
    let input = try #require(ecs.shape("RegisterTaskDefinitionRequest"))
    #expect(input.required == ["family", "containerDefinitions"])
    #expect(input.members.first?.doc.isEmpty == false)
    let networkMode = try #require(ecs.shape(input.member(named: "networkMode")?.shape ?? ""))
    #expect(networkMode.enumValues.contains("awsvpc"))
    #expect(ecs.operation("CreateCluster")?.doc == "Creates a new Amazon ECS cluster.")
  }

  @Test func ec2ListsAllOperationsButShapesOnlyForSome() throws {
    let ec2 = try ServiceModel.named("ec2")
    #expect(ec2.operations.count > 500)
    #expect(ec2.operation("DescribeVpcs")?.hasShapes == true)
    #expect(ec2.operation("CreateVpnGateway")?.hasShapes == false)
  }

  @Test func unknownServiceAndCorruptModelAreErrors() {
    #expect(throws: ServiceModelError.self) { try ServiceModel.named("s3") }
    guard case .failure = ServiceModel.parse("{not json") else {
      Issue.record("corrupt JSON must fail")
      return
    }
    guard case .failure = ServiceModel.parse(#"{"cli":"x"}"#) else {
      Issue.record("missing fields must fail")
      return
    }
  }

  @Test(arguments: [
    ("CreateCluster", "create-cluster"), ("DescribeVpcs", "describe-vpcs"),
    ("ListTagsForResource", "list-tags-for-resource"), ("TargetGroupARNs", "target-group-arns"),
    ("GetCallerIdentity", "get-caller-identity"), ("ImageId", "image-id"),
    ("DBInstanceIdentifier", "db-instance-identifier"), ("already-done", "already-done"),
  ])
  func xformName(name: String, cli: String) {
    #expect(ServiceModel.cliName(of: name) == cli)
  }

  /// Every operation and top-level member name of the ten services against botocore's own output.
  @Test func xformNameMatchesBotocoreForEveryName() {
    var mismatches: [String] = []
    for line in xformNameFixture.split(separator: "\n") {
      let parts = line.split(separator: " ").map(String.init)
      guard parts.count == 2 else { continue }
      let mine = ServiceModel.cliName(of: parts[0])
      if mine != parts[1] { mismatches.append("\(parts[0]): \(mine) != \(parts[1])") }
    }
    #expect(mismatches == [])
    #expect(xformNameFixture.split(separator: "\n").count > 2000)
  }
}
