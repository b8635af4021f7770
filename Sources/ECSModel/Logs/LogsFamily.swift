/// CloudWatch Logs groups, streams and events.
enum LogsFamily {
  static let family = APIFamily(
    name: "Logs",
    operations: [
      ("logs", LogsActions.table)
    ], resources: LogsResources.all)
}
