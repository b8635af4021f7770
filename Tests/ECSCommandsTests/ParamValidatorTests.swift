import ECSModel
import Testing

@testable import ECSCommands

@Suite struct ParamValidatorTests {
  // Expected lines are botocore 1.43's ParamValidator report for the same input.
  @Test(
    arguments: [
      (#"{"family":"web","containerDefinitions":[]}"#, [String]()),
      (
        #"{"family":1}"#,
        [
          "Missing required parameter in input: \"containerDefinitions\"",
          "Invalid type for parameter family, value: 1, type: <class 'int'>, valid types: <class 'str'>",
        ]
      ),
      (
        #"{"family":"w","containerDefinitions":[{"name":"w","memory":1.5,"essential":"yes"}]}"#,
        [
          "Invalid type for parameter containerDefinitions[0].memory, value: 1.5, type: <class 'float'>, valid types: <class 'int'>",
          "Invalid type for parameter containerDefinitions[0].essential, value: yes, type: <class 'str'>, valid types: <class 'bool'>",
        ]
      ),
      (
        #"{"family":"w","containerDefinitions":{"name":"w"}}"#,
        [
          "Invalid type for parameter containerDefinitions, value: {'name': 'w'}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>"
        ]
      ),
      (
        #"{"family":"w","containerDefinitions":[{"name":"w","dockerLabels":{"a":1},"command":["x",2]}]}"#,
        [
          "Invalid type for parameter containerDefinitions[0].dockerLabels.a, value: 1, type: <class 'int'>, valid types: <class 'str'>",
          "Invalid type for parameter containerDefinitions[0].command[1], value: 2, type: <class 'int'>, valid types: <class 'str'>",
        ]
      ),
      (
        #"{"family":null,"containerDefinitions":[]}"#,
        [
          "Invalid type for parameter family, value: None, type: <class 'NoneType'>, valid types: <class 'str'>"
        ]
      ),
    ] as [(String, [String])])
  func reports(request: String, expected: [String]) throws {
    let ecs = try ServiceModel.named("ecs")
    let input = try #require(ecs.shape("RegisterTaskDefinitionRequest"))
    #expect(
      ParamValidator.validate(try JSONParser.parse(request), shape: input, model: ecs) == expected)
  }
}
