/// Amazon S3 (`aws s3api` and, above it in the command layer, `aws s3`): buckets and objects,
/// read and written by the learner and by the demo applications' calls.
enum S3Family {
  static let family = APIFamily(
    name: "S3",
    operations: [("s3api", S3Actions.table)],
    resources: S3Resources.all)
}
