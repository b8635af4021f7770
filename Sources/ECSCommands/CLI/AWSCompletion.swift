import ECSModel

/// Tab completion for `aws` command lines.
///
/// ```swift
/// AWSCompletion.candidates(words: ["aws", "ecs"], current: "create-c") { _ in [] }
/// // ["create-capacity-provider", "create-cluster"]
/// ```
public enum AWSCompletion {
  /// Option names whose values name existing resources.
  static let resourceOptions: [String: ResourceKind] = [
    "--cluster": .clusters, "--clusters": .clusters,
    "--secret-id": .secrets, "--policy-source-arn": .roleArns,
    "--group-name": .securityGroupNames, "--source-security-group-name": .securityGroupNames,
    "--vpc-id": .vpcs, "--security-group-rule-ids": .securityGroupRules,
    "--task-definition": .taskDefinitions, "--task-definitions": .taskDefinitions,
    "--family": .taskDefinitionFamilies, "--family-prefix": .taskDefinitionFamilies,
    "--service": .services, "--services": .services,
    "--container-instance": .containerInstances, "--container-instances": .containerInstances,
    "--task": .tasks, "--tasks": .tasks, "--service-name": .services,
    "--instance-id": .instances, "--instance-ids": .instances,
    "--log-group-name": .logGroups, "--log-group-identifier": .logGroups,
    "--log-stream-name": .logStreams, "--log-stream-names": .logStreams,
    "--resource-id": .scalableResources, "--resource-ids": .scalableResources,
    "--role-arn": .roleArns, "--vpc-ids": .vpcs, "--group-names": .securityGroupNames,
    "--network-interface-ids": .networkInterfaces,
    "--repository-name": .repositories, "--repository-names": .repositories,
    "--target-group-arn": .targetGroups, "--target-group-arns": .targetGroups,
    "--load-balancer-arn": .loadBalancers, "--load-balancer-arns": .loadBalancers,
    "--listener-arn": .listeners, "--listener-arns": .listeners,
    "--rule-arn": .listenerRules, "--rule-arns": .listenerRules,
    "--certificate-arn": .certificates,
    "--role-name": .roles, "--execution-role-arn": .roleArns, "--task-role-arn": .roleArns,
    "--role": .roleArns, "--instance-profile-name": .instanceProfiles,
    "--subnet-id": .subnets, "--subnet-ids": .subnets, "--subnets": .subnets,
    "--group-id": .securityGroups, "--group-ids": .securityGroups,
    "--security-group-ids": .securityGroups, "--security-groups": .securityGroups,
    // VPC (issue 8)
    "--route-table-id": .routeTables, "--route-table-ids": .routeTables,
    "--add-route-table-ids": .routeTables, "--remove-route-table-ids": .routeTables,
    "--association-id": .routeTableAssociations, "--gateway-id": .internetGateways,
    "--internet-gateway-id": .internetGateways, "--internet-gateway-ids": .internetGateways,
    "--nat-gateway-id": .natGateways, "--nat-gateway-ids": .natGateways,
    "--allocation-id": .allocations, "--allocation-ids": .allocations,
    "--vpc-endpoint-id": .vpcEndpoints, "--vpc-endpoint-ids": .vpcEndpoints,
    "--add-subnet-ids": .subnets, "--remove-subnet-ids": .subnets,
    "--add-security-group-ids": .securityGroups, "--remove-security-group-ids": .securityGroups,
    "--network-interface-id": .networkInterfaces, "--network-acl-ids": .networkAcls,
    "--table-name": .tables, "--bucket": .buckets,
  ]

  static let globalValueChoices: [String: [String]] = [
    "--output": ["json", "text", "table"], "--color": ["on", "off", "auto"],
  ]

  /// Full replacement words for `current`, sorted and deduplicated. `words` are the complete
  /// words before the cursor, starting with `aws`.
  public static func candidates(
    words: [String], current: String, resources: (ResourceKind) -> [String]
  ) -> [String] {
    let all = compute(words: words, current: current, resources: resources)
    return Array(Set(all.filter { $0.hasPrefix(current) })).sorted()
  }

  private static func compute(
    words: [String], current: String, resources: (ResourceKind) -> [String]
  ) -> [String] {
    let globals = AWSCLI.globalOptions
    let globalNames = globals.map(\.name)
    // Separate positional words (service, operation) from options, skipping global values.
    var positional: [String] = []
    var given: [String] = []
    var lastOption: String?
    var i = 1
    while i < words.count {
      let w = words[i]
      if w.hasPrefix("--") {
        given.append(w)
        lastOption = w
        if let g = globals.first(where: { $0.name == w }), g.arity == .one {
          if i + 1 < words.count {
            i += 2
            lastOption = nil
            continue
          }
        }
      } else if lastOption == nil {
        positional.append(w)
      }
      i += 1
    }
    // The word right before the cursor decides value completion.
    let previous = words.count > 1 ? words[words.count - 1] : nil
    if let previous, let choices = globalValueChoices[previous] { return choices }
    if let previous, globals.contains(where: { $0.name == previous && $0.arity == .one }) {
      return []
    }
    if positional.isEmpty {
      return current.hasPrefix("-") ? globalNames : ServiceModel.serviceNames + ["help"]
    }
    guard let model = try? ServiceModel.named(positional[0]) else { return [] }
    if positional.count == 1 {
      return current.hasPrefix("-") ? globalNames : model.cliOperationNames + ["help"]
    }
    guard let op = model.operation(cliName: positional[1]),
      let spec = try? OperationSpec(model: model, operation: op)
    else { return [] }
    if current.hasPrefix("-") || lastOption == nil {
      let visible = spec.arguments.filter { !$0.hidden && !given.contains($0.cliName) }
      return visible.map(\.cliName) + globalNames.filter { !given.contains($0) }
    }
    guard let optionName = lastOption,
      let arg = spec.argument(named: String(optionName.dropFirst(2)))
    else { return [] }
    // Only the option's own value position(s): one word, or several for lists.
    var takesValue = arg.kind == .value || arg.name == "generate-cli-skeleton"
    if !arg.takesMany, previous != optionName { takesValue = false }
    if arg.kind == .special, arg.name != "generate-cli-skeleton" { return [] }
    if !takesValue {
      return spec.arguments.filter { !$0.hidden && !given.contains($0.cliName) }.map(\.cliName)
        + globalNames.filter { !given.contains($0) }
    }
    if arg.name == "generate-cli-skeleton" { return ["input", "output"] }
    if let kind = resourceOptions[optionName] { return resources(kind) }
    if let s = arg.shape.flatMap(spec.model.shape) {
      if !s.enumValues.isEmpty { return s.enumValues }
      if let m = s.member.flatMap(spec.model.shape), !m.enumValues.isEmpty { return m.enumValues }
    }
    return []
  }
}
