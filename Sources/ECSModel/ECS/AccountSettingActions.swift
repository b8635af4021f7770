/// ECS account settings: PutAccountSetting, PutAccountSettingDefault, ListAccountSettings. Only
/// `awsvpcTrunking` changes the simulation (container instances registered afterwards get more
/// ENIs on instance types that support trunking).
enum AccountSettingActions {
  static let table: [String: ActionHandler] = [
    "PutAccountSetting": putAccountSetting,
    "PutAccountSettingDefault": putAccountSetting,
    "ListAccountSettings": listAccountSettings,
  ]

  /// The setting names ECS accepts (botocore's SettingName enum, the ones a lesson meets).
  static let names = [
    "serviceLongArnFormat", "taskLongArnFormat", "containerInstanceLongArnFormat",
    "awsvpcTrunking", "containerInsights", "fargateFIPSMode", "tagResourceAuthorization",
    "fargateTaskRetirementWaitPeriod", "guardDutyActivate", "defaultLogDriverMode",
  ]

  static func putAccountSetting(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let name = req.string("name") ?? ""
    let value = req.string("value") ?? ""
    guard names.contains(name) else {
      // UNCONFIRMED: ECS's wording for an unknown setting name.
      throw .invalidParameter("Invalid setting name: \(name)")
    }
    if name == "awsvpcTrunking" || name.hasSuffix("LongArnFormat") {
      guard value == "enabled" || value == "disabled" else {
        // UNCONFIRMED: ECS's wording for a value other than enabled/disabled.
        throw .invalidParameter(
          "Invalid value specified for \(name). Valid values: enabled, disabled")
      }
    }
    world.accountSettings[name] = value
    return [
      "setting": [
        "name": .string(name), "value": .string(value),
        "principalArn": .string("arn:aws:iam::\(world.account):root"), "type": "user",
      ]
    ]
  }

  static func listAccountSettings(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let only = req.string("name")
    let settings: [JSONValue] = world.accountSettings.keys.sorted().filter {
      only == nil || $0 == only
    }
    .map { k in
      [
        "name": .string(k), "value": .string(world.accountSettings[k] ?? ""),
        "principalArn": .string("arn:aws:iam::\(world.account):root"), "type": "user",
      ]
    }
    return ["settings": .array(settings)]
  }
}
