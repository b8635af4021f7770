import Testing

@testable import ECSModel

@Suite struct SSMVersionTests {
  @Test(arguments: [("p:1", "one", 1), ("p:2", "two", 2), ("p:prod", "one", 1), ("p", "three", 3)])
  func selectorsPickAVersion(name: String, value: String, version: Int) throws {
    var w = World()
    for (i, v) in ["one", "two", "three"].enumerated() {
      _ = try w.perform(
        service: "ssm", operation: "PutParameter",
        ["Name": "p", "Value": .string(v), "Type": "String", "Overwrite": .bool(i > 0)])
    }
    _ = try w.perform(
      service: "ssm", operation: "LabelParameterVersion",
      ["Name": "p", "ParameterVersion": 1, "Labels": ["prod"]])
    let out = try w.perform(service: "ssm", operation: "GetParameter", ["Name": .string(name)])
    #expect(out["Parameter"]?["Value"] == .string(value))
    #expect(out["Parameter"]?["Version"] == .int(version))
    #expect((out["Parameter"]?["Selector"] != nil) == name.contains(":"))
  }
}
