/// One API family (ECS, Capacity, Network, ...): the services it answers, its operations, its
/// waiters and the resource kinds it owns, declared once in its own folder.
///
/// ```swift
/// static let family = APIFamily(
///   name: "Logs",
///   operations: [("logs", ["CreateLogGroup": createLogGroup, "DeleteLogGroup": deleteLogGroup])])
/// ```
public struct APIFamily: Sendable {
  /// The family's name, as its folder is named (`ECS`, `Capacity`).
  public var name: String
  /// Tables of handlers by botocore operation name (`CreateCluster`), each for one service
  /// (`ecs`, `ec2`); a family may answer several services, or one service in several tables.
  public var operations: [(service: String, handlers: [String: ActionHandler])]
  /// botocore waiter definitions by service: the `waiters` object of the service's
  /// `waiters-2.json`, as data (`{"ServicesStable": {"delay": 15, ...}}`).
  public var waiters: [String: JSONValue]
  /// The family's operations that are not AWS API calls (docker's commands, the AWS CLI's own
  /// commands), under pseudo-service names botocore does not use (`docker`, `awscli`): they run
  /// through `World.perform` like the rest, and the registry refuses a duplicate among them too.
  public var internalOperations: [(service: String, handlers: [String: ActionHandler])]
  /// The resource kinds the family owns: selectors, completion, delete blockers.
  public var resources: [ResourceDescriptor]

  public init(
    name: String, operations: [(service: String, handlers: [String: ActionHandler])],
    waiters: [String: JSONValue] = [:],
    internalOperations: [(service: String, handlers: [String: ActionHandler])] = [],
    resources: [ResourceDescriptor] = []
  ) {
    self.resources = resources
    self.name = name
    self.operations = operations
    self.waiters = waiters
    self.internalOperations = internalOperations
  }
}

/// Two families declared the same operation, or the same waiter.
public struct DuplicateOperation: Error, Sendable, Equatable, CustomStringConvertible {
  public var service: String
  public var operation: String
  /// The family that declared it first, then the one that declared it again.
  public var families: [String]

  public var description: String {
    "\(service) \(operation) is declared by both \(families.joined(separator: " and "))"
  }
}

/// Every family's operations and waiters merged into one lookup; built from the list in
/// `World.families`, refusing a duplicate instead of letting one declaration hide the other.
public struct APIRegistry: Sendable {
  /// Handlers by service and operation name.
  public private(set) var handlers: [String: [String: ActionHandler]] = [:]
  /// botocore waiter definitions by service and waiter name (`ServicesStable`).
  public private(set) var waiters: [String: [String: JSONValue]] = [:]
  /// The pseudo-services of internal operations (`docker`, `awscli`): not botocore services.
  public private(set) var internalServices: Set<String> = []
  private var owners: [String: String] = [:]

  /// Operations or waiters that two families declared; the first declaration was kept.
  public private(set) var duplicates: [DuplicateOperation] = []

  /// Merges `families`; throws on the first operation or waiter two of them declare.
  public init(_ families: [APIFamily]) throws(DuplicateOperation) {
    self.init(keepingFirstOf: families)
    if let first = duplicates.first { throw first }
  }

  /// Merges `families`, keeping the first declaration of an operation or waiter declared twice
  /// and listing the others in `duplicates` (the tutor's own list starts this way, so a mistake
  /// in it cannot stop the program; `APIFamilyTests` requires it to have none).
  public init(keepingFirstOf families: [APIFamily]) {
    for family in families {
      for (service, table) in family.operations {
        for (operation, handler) in table.sorted(by: { $0.key < $1.key })
        where claim(service, operation, by: family.name) {
          handlers[service, default: [:]][operation] = handler
        }
      }
      for (service, table) in family.internalOperations {
        internalServices.insert(service)
        for (operation, handler) in table.sorted(by: { $0.key < $1.key })
        where claim(service, operation, by: family.name) {
          handlers[service, default: [:]][operation] = handler
        }
      }
      for (service, definitions) in family.waiters.sorted(by: { $0.key < $1.key }) {
        for (name, waiter) in definitions.objectValue ?? []
        where claim(service, "waiter " + name, by: family.name) {
          waiters[service, default: [:]][name] = waiter
        }
      }
    }
  }

  /// Records `family` as the owner of `operation`; false (and a duplicate noted) when another
  /// family owns it already.
  private mutating func claim(_ service: String, _ operation: String, by family: String) -> Bool {
    let key = service + " " + operation
    if let first = owners[key] {
      duplicates.append(
        DuplicateOperation(service: service, operation: operation, families: [first, family]))
      return false
    }
    owners[key] = family
    return true
  }
}
