import ECSCommands
import ECSModel
import TestSupport
import Testing

@testable import ECSTutor

/// awsvpcTrunking: instances registered after the setting is enabled get more task ENIs, on the
/// instance types that support trunking only.
@Suite struct TrunkingTests {
  @Test func trunkingRaisesTheENILimitOfSupportedTypesLaunchedAfterwards() throws {
    var s = ScenarioTests.clusterWithInstances(0)
    ScenarioTests.ok(&s, "capacity add --cluster demo --type c5.large --count 1")
    let out = ScenarioTests.ok(
      &s, "aws ecs put-account-setting --name awsvpcTrunking --value enabled"
    ).stdout
    #expect(out.contains("\"principalArn\": \"arn:aws:iam::123456789012:root\""))
    ScenarioTests.ok(&s, "capacity add --cluster demo --type c5.large --count 1")
    ScenarioTests.ok(&s, "capacity add --cluster demo --type t3.medium --count 1")
    ScenarioTests.ok(&s, "wait 2m")
    let enis = s.world.capacity.containerInstances.map { "\($0.instanceType) \($0.maxENIs)" }
    // Before the setting: 3 (2 tasks); after: 10 tasks; t3.medium does not support trunking.
    #expect(enis == ["c5.large 3", "c5.large 11", "t3.medium 3"])
    #expect(s.handle("show ports").text.contains("ENIs: 10 of 10 free for tasks (ENI trunking"))
  }

  @Test func aBadValueIsRefusedAndChangesNothing() throws {
    var s = ScenarioTests.session()
    _ = s.handle("aws ecs put-account-setting --name awsvpcTrunking --value on")
    #expect(s.lastStatus == 254)
    #expect(s.world.accountSettings.isEmpty)
  }
}
