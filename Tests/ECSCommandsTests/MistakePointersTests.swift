import Testing

@testable import ECSCommands

@Suite struct MistakePointersTests {
  @Test(
    arguments: [
      (".clusterArns", "clusterArns"), (".services[0].status", "services[0].status"),
      (".taskArns[]", "taskArns[]"), (".a.[0]", "a[0]"), (".", nil), (".a | length", nil),
      ("map(.x)", nil), (".[0]", nil), ("..", nil),
    ] as [(String, String?)])
  func jqPathsBecomeJMESPath(_ jq: String, _ jmes: String?) {
    #expect(MistakePointers.jmesPath(ofJQ: jq) == jmes)
  }

  @Test(arguments: [
    ("portMapping", "portMappings", 1), ("memroy", "memory", 1), ("image", "image", 0),
    ("cpu", "memory", 6), ("", "abc", 3), ("essentail", "essential", 1),
  ])
  func editDistanceCountsASwapAsOne(_ a: String, _ b: String, _ d: Int) {
    #expect(CloseMatches.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == d)
  }

  @Test(
    arguments: [
      (["aws", "ecs", "list-tasks"], "ecs", "list-tasks"),
      (
        ["aws", "--region", "us-east-1", "ecs", "list-tasks", "--cluster", "x"], "ecs", "list-tasks"
      ),
      (["aws", "--debug", "ec2", "describe-instances"], "ec2", "describe-instances"),
      (["aws"], nil, nil),
    ] as [([String], String?, String?)])
  func findsServiceAndOperation(_ argv: [String], _ service: String?, _ operation: String?) {
    let (s, o, _) = MistakePointers.serviceAndOperation(argv)
    #expect(s == service)
    #expect(o == operation)
  }
}
