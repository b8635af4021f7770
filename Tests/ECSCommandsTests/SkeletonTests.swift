import ECSModel
import Testing

@testable import ECSCommands

@Suite struct SkeletonTests {
  /// `aws elbv2 create-target-group --generate-cli-skeleton` from awscli 1.45.11, with
  /// random.choice fixed to the first enum value as ours is.
  static let createTargetGroup = #"""
    {
        "Name": "",
        "Protocol": "HTTP",
        "ProtocolVersion": "",
        "Port": 0,
        "VpcId": "",
        "HealthCheckProtocol": "HTTP",
        "HealthCheckPort": "",
        "HealthCheckEnabled": true,
        "HealthCheckPath": "",
        "HealthCheckIntervalSeconds": 0,
        "HealthCheckTimeoutSeconds": 0,
        "HealthyThresholdCount": 0,
        "UnhealthyThresholdCount": 0,
        "Matcher": {
            "HttpCode": "",
            "GrpcCode": ""
        },
        "TargetType": "instance",
        "Tags": [
            {
                "Key": "",
                "Value": ""
            }
        ],
        "IpAddressType": "ipv4",
        "TargetControlPort": 0
    }
    """#

  @Test func matchesTheCLIByteForByte() {
    let r = AWSCLI.parse(
      ["aws", "elbv2", "create-target-group", "--generate-cli-skeleton"], files: MemoryFiles(),
      defaults: CLIDefaults())
    #expect(r == .output(stdout: Self.createTargetGroup + "\n", stderr: "", status: 0))
  }

  @Test func recursiveShapesStop() throws {
    let model = try ServiceModel.named("ecs")
    // Every ecs input skeleton is finite and parses back as JSON.
    for op in model.operations {
      let input = model.operation(op)?.input.flatMap(model.shape)
      let text = Skeleton.pythonJSON(Skeleton.input(for: input, model: model))
      #expect((try? JSONParser.parse(text)) != nil, "\(op)")
    }
  }

  @Test(arguments: [
    (JSONValue.object([]), "{}"), (.array([]), "[]"), (.double(0), "0.0"),
    (.string("a\"\n"), #""a\"\n""#),
    (JSONValue.object([("a", [1, nil])]), "{\n    \"a\": [\n        1,\n        null\n    ]\n}"),
  ])
  func printsLikePythonJSON(value: JSONValue, text: String) {
    #expect(Skeleton.pythonJSON(value) == text)
  }
}
