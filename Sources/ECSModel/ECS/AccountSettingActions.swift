/// ECS account settings: PutAccountSetting, PutAccountSettingDefault, ListAccountSettings. Only
/// `awsvpcTrunking` changes the simulation (container instances registered afterwards get more
/// ENIs on instance types that support trunking).
enum AccountSettingActions {
  static let table: [String: ActionHandler] = [
    "PutAccountSetting": putAccountSetting,
    "PutAccountSettingDefault": putAccountSetting,
    "ListAccountSettings": listAccountSettings,
    "DeleteAccountSetting": deleteAccountSetting,
  ]

  /// What a setting is before anyone changes it (`--effective-settings`). UNCONFIRMED for the
  /// newer settings; the long ARN formats are enabled in every account since 2020.
  static let defaults: [String: String] = [
    "serviceLongArnFormat": "enabled", "taskLongArnFormat": "enabled",
    "containerInstanceLongArnFormat": "enabled", "awsvpcTrunking": "disabled",
    "containerInsights": "disabled", "fargateFIPSMode": "disabled",
    "tagResourceAuthorization": "on", "fargateTaskRetirementWaitPeriod": "7",
    "guardDutyActivate": "off", "defaultLogDriverMode": "non-blocking",
  ]

  static func deleteAccountSetting(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let name = req.string("name") ?? ""
    guard names.contains(name) else { throw .invalidParameter("Invalid setting name: \(name)") }
    let old = world.accountSettings.removeValue(forKey: name) ?? defaults[name] ?? ""
    return [
      "setting": [
        "name": .string(name), "value": .string(old),
        "principalArn": .string(req.string("principalArn") ?? "arn:aws:iam::\(world.account):root"),
        "type": "user",
      ]
    ]
  }

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
    let effective = req.bool("effectiveSettings") ?? false
    let known =
      effective
      ? world.accountSettings.merging(defaults) { mine, _ in mine } : world.accountSettings
    let value = req.string("value")
    let settings: [JSONValue] = known.keys.sorted().filter { k in
      (only == nil || k == only) && (value == nil || known[k] == value)
    }
    .map { k in
      [
        "name": .string(k), "value": .string(known[k] ?? ""),
        "principalArn": .string("arn:aws:iam::\(world.account):root"), "type": "user",
      ]
    }
    return ["settings": .array(settings)]
  }
}
