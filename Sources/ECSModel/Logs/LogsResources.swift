/// CloudWatch Logs' resource kinds: log groups and their streams.
enum LogsResources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "logGroup", completions: [(.logGroups, { w in w.logs.groups.map(\.name) })]),
    ResourceDescriptor(
      name: "logStream",
      completions: [
        (.logStreams, { w in World.unique(w.logs.groups.flatMap { $0.streams.map(\.name) }) })
      ]),
  ]
}
