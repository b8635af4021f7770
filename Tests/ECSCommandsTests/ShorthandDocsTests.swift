import Testing

@testable import ECSCommands

@Suite struct ShorthandDocsTests {
  // Expected texts are the "Shorthand Syntax" lines of `aws SERVICE OPERATION help` (awscli 1.45.11).
  @Test(arguments: [
    (
      "ecs", "CreateService", "networkConfiguration",
      "awsvpcConfiguration={subnets=[string,string],securityGroups=[string,string],assignPublicIp=string}"
    ),
    (
      "ecs", "CreateService", "loadBalancers",
      "targetGroupArn=string,loadBalancerName=string,containerName=string,containerPort=integer,advancedConfiguration={alternateTargetGroupArn=string,productionListenerRule=string,testListenerRule=string,roleArn=string} ..."
    ),
    ("ecs", "CreateService", "deploymentController", "type=string"),
    (
      "elbv2", "RegisterTargets", "Targets",
      "Id=string,Port=integer,AvailabilityZone=string,QuicServerId=string ..."
    ),
    (
      "ecs", "RegisterTaskDefinition", "proxyConfiguration",
      "type=string,containerName=string,properties=[{name=string,value=string},{name=string,value=string}]"
    ),
    (
      "ecs", "RegisterTaskDefinition", "volumes",
      "name=string,host={sourcePath=string},dockerVolumeConfiguration={scope=string,autoprovision=boolean,driver=string,driverOpts={KeyName1=string,KeyName2=string},labels={KeyName1=string,KeyName2=string}},efsVolumeConfiguration={fileSystemId=string,rootDirectory=string,transitEncryption=string,transitEncryptionPort=integer,authorizationConfig={accessPointId=string,iam=string}},s3filesVolumeConfiguration={fileSystemArn=string,rootDirectory=string,transitEncryptionPort=integer,accessPointArn=string},fsxWindowsFileServerVolumeConfiguration={fileSystemId=string,rootDirectory=string,authorizationConfig={credentialsParameter=string,domain=string}},configuredAtLaunch=boolean ..."
    ),
  ])
  func matchesTheCLI(service: String, operation: String, member: String, expected: String) throws {
    let model = try ServiceModel.named(service)
    let input = try #require(model.operation(operation)?.input.flatMap(model.shape))
    let shape = try #require(input.member(named: member).flatMap { model.shape($0.shape) })
    #expect(ShorthandDocs.example(for: shape, model: model) == expected)
  }

  @Test func scalarsAndListsOfScalarsHaveNone() throws {
    let ecs = try ServiceModel.named("ecs")
    let input = try #require(ecs.shape("DescribeServicesRequest"))
    for m in ["cluster", "services"] {
      let shape = try #require(input.member(named: m).flatMap { ecs.shape($0.shape) })
      #expect(ShorthandDocs.example(for: shape, model: ecs) == nil)
    }
  }
}
