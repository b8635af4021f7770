/// RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions,
/// ListTaskDefinitionFamilies, DeregisterTaskDefinition.
enum TaskDefinitionActions {
  static let table: [String: ActionHandler] = [:]
}
