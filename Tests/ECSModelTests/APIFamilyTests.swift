import Testing

@testable import ECSModel

@Suite struct APIFamilyTests {
  static let noop: ActionHandler = { _, _ in [:] }

  /// Two declarations of one operation, whichever way they meet: across families, within one
  /// family's two tables, or as a waiter.
  static let duplicates: [(String, [APIFamily], DuplicateOperation)] = [
    (
      "two families",
      [
        APIFamily(name: "A", operations: [("ec2", ["DescribeNetworkInterfaces": noop])]),
        APIFamily(name: "B", operations: [("ec2", ["DescribeNetworkInterfaces": noop])]),
      ],
      DuplicateOperation(
        service: "ec2", operation: "DescribeNetworkInterfaces", families: ["A", "B"])
    ),
    (
      "one family's two tables",
      [
        APIFamily(
          name: "A", operations: [("ecs", ["ListTasks": noop]), ("ecs", ["ListTasks": noop])])
      ],
      DuplicateOperation(service: "ecs", operation: "ListTasks", families: ["A", "A"])
    ),
    (
      "a waiter",
      [
        APIFamily(name: "A", operations: [], waiters: ["ecs": ["TasksStopped": [:]]]),
        APIFamily(name: "B", operations: [], waiters: ["ecs": ["TasksStopped": [:]]]),
      ],
      DuplicateOperation(service: "ecs", operation: "waiter TasksStopped", families: ["A", "B"])
    ),
  ]

  @Test(arguments: duplicates.indices)
  func aDuplicateIsRefused(case i: Int) {
    let (_, families, expected) = Self.duplicates[i]
    #expect(throws: expected) { try APIRegistry(families) }
  }

  @Test func anInternalOperationDeclaredTwiceIsRefused() {
    let families = [
      APIFamily(name: "A", operations: [], internalOperations: [("docker", ["Build": Self.noop])]),
      APIFamily(name: "B", operations: [], internalOperations: [("docker", ["Build": Self.noop])]),
    ]
    #expect(
      throws: DuplicateOperation(service: "docker", operation: "Build", families: ["A", "B"])
    ) {
      try APIRegistry(families)
    }
  }

  @Test func theSameOperationInTwoServicesIsNoDuplicate() throws {
    let r = try APIRegistry([
      APIFamily(name: "A", operations: [("ecs", ["Describe": Self.noop])]),
      APIFamily(name: "B", operations: [("ec2", ["Describe": Self.noop])]),
    ])
    #expect(r.handlers.keys.sorted() == ["ec2", "ecs"])
  }

  @Test func theDeclaredFamiliesHaveNoDuplicate() throws {
    #expect(World.api.duplicates.isEmpty, "\(World.api.duplicates)")
    let r = try APIRegistry(World.families)
    #expect(r.handlers["ecs"]?["CreateCluster"] != nil)
    #expect(r.handlers["ec2"]?["DescribeNetworkInterfaces"] != nil)
    #expect(
      r.waiters["ecs"]?.keys.sorted() == [
        "ServicesInactive", "ServicesStable", "TasksRunning", "TasksStopped",
      ])
    // The instance waiters (Capacity) and the VPC's: NAT gateway, VPC, subnet, internet gateway.
    #expect(r.waiters["ec2"]?.count == 10)
  }

  /// The tutor's own registry never stops the program: a duplicate keeps its first declaration.
  @Test func keepingTheFirstDeclarationListsTheDuplicate() {
    let first: ActionHandler = { _, _ in ["from": "first"] }
    let second: ActionHandler = { _, _ in ["from": "second"] }
    let r = APIRegistry(keepingFirstOf: [
      APIFamily(name: "A", operations: [("ecs", ["CreateCluster": first])]),
      APIFamily(name: "B", operations: [("ecs", ["CreateCluster": second])]),
    ])
    #expect(r.duplicates.map(\.families) == [["A", "B"]])
    var w = World()
    #expect((try? r.handlers["ecs"]?["CreateCluster"]?(&w, Request())) == ["from": "first"])
  }
}
