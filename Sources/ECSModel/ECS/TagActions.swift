/// ECS TagResource, UntagResource, ListTagsForResource: the tags of clusters, services, tasks,
/// task definitions, container instances and task sets, found by ARN.
enum TagActions {
  static let table: [String: ActionHandler] = [
    "TagResource": tagResource,
    "UntagResource": untagResource,
    "ListTagsForResource": listTagsForResource,
  ]

  static func tagResource(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("resourceArn") ?? ""
    let added = try ClusterActions.parseTags(req.array("tags") ?? [])
    try world.changeECSTags(arn) { tags in
      for tag in added {
        if let i = tags.firstIndex(where: { $0.key == tag.key }) {
          tags[i].value = tag.value
        } else {
          tags.append(tag)
        }
      }
    }
    guard (try world.ecsTags(arn)).count <= 50 else {
      throw .invalidParameter("The number of tags on a resource cannot exceed 50.")
    }
    return [:]
  }

  static func untagResource(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    let arn = req.string("resourceArn") ?? ""
    let keys = Set(req.strings("tagKeys") ?? [])
    try world.changeECSTags(arn) { tags in tags.removeAll { keys.contains($0.key) } }
    return [:]
  }

  static func listTagsForResource(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    ["tags": TaskDefinitionActions.tagsJSON(try world.ecsTags(req.string("resourceArn") ?? ""))]
  }
}

extension World {
  /// The tags of the ECS resource `arn` names.
  func ecsTags(_ arn: String) throws(AWSError) -> [Tag] {
    var copy = self
    var found: [Tag] = []
    try copy.changeECSTags(arn) { found = $0 }
    return found
  }

  /// Changes the tags of the ECS resource `arn` names, or fails as ECS does for an unknown one.
  mutating func changeECSTags(_ arn: String, _ change: (inout [Tag]) -> Void) throws(AWSError) {
    let parts = arn.split(separator: ":", maxSplits: 5)
    guard arn.hasPrefix("arn:"), parts.count == 6, parts[2] == "ecs" else {
      // UNCONFIRMED wording for an ARN that is no ECS ARN.
      throw .invalidParameter("Invalid resource ARN: \(arn)")
    }
    let resource = String(parts[5])
    let kind = resource.split(separator: "/").first.map(String.init) ?? ""
    switch kind {
    case "cluster":
      guard let i = clusters.firstIndex(where: { $0.arn == arn && $0.status == .active }) else {
        throw .clusterNotFound
      }
      change(&clusters[i].tags)
    case "service":
      guard let i = workloads.services.lastIndex(where: { $0.arn == arn && $0.isActive }) else {
        throw .serviceNotFound
      }
      change(&workloads.services[i].tags)
    case "task":
      guard let i = workloads.tasks.lastIndex(where: { $0.arn == arn }) else {
        throw .invalidParameter("The referenced task was not found.")
      }
      change(&workloads.tasks[i].tags)
    case "task-definition":
      guard let i = taskDefinitions.firstIndex(where: { $0.arn == arn }) else {
        throw .client("Unable to describe task definition.")
      }
      change(&taskDefinitions[i].tags)
    case "container-instance":
      guard let i = capacity.containerInstances.firstIndex(where: { $0.arn == arn }) else {
        throw .invalidParameter("The referenced container instance was not found.")
      }
      change(&capacity.containerInstances[i].tags)
    case "task-set":
      for s in workloads.services.indices {
        if let k = workloads.services[s].taskSets.firstIndex(where: { $0.arn == arn }) {
          change(&workloads.services[s].taskSets[k].tags)
          return
        }
      }
      throw AWSError("TaskSetNotFoundException", "The specified task set does not exist.")
    default:
      // UNCONFIRMED wording.
      throw .invalidParameter("Unrecognized resource type in ARN: \(arn)")
    }
  }
}
