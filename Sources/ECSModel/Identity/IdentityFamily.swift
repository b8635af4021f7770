/// IAM roles, policies and instance profiles, and STS's caller identity.
enum IdentityFamily {
  static let family = APIFamily(
    name: "Identity",
    operations: [
      ("iam", IAMActions.table),
      ("iam", IAMPolicyActions.table),
      ("iam", IAMRoleUpdateActions.table),
      ("sts", IAMActions.stsTable),
    ], waiters: ["iam": IAMRoleUpdateActions.waiters], resources: IdentityResources.all)
}
