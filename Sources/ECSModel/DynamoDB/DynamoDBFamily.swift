/// Amazon DynamoDB: tables and items, written by the learner and by the demo `orders` app.
enum DynamoDBFamily {
  static let family = APIFamily(
    name: "DynamoDB",
    operations: [("dynamodb", DynamoDBActions.table)],
    resources: DynamoDBResources.all)
}
