import ECSModel
import Foundation

/// The recipes of elbv2 and the VPC part of ec2: a load balancer, target group, listener, rule,
/// VPC, subnet, route table, gateway, address or endpoint the command names is made first (in the
/// default VPC unless the command names a VPC), and an undo gets its opposite first.
extension ExampleWorld {
  static let elbv2Recipes: [String: Recipe] = [
    "--load-balancer-arn": { w, v in w.loadBalancer(v) },
    "--load-balancer-arns": { w, v in w.loadBalancer(v) },
    "--resource-arns": { w, v in w.elbResource(v) },
    "--target-group-arn": { w, v in w.targetGroup(v) },
    "--target-group-arns": { w, v in w.targetGroup(v) },
    "--listener-arn": { w, v in w.listener(v) }, "--listener-arns": { w, v in w.listener(v) },
    "--rule-arn": { w, v in w.rule(v) }, "--rule-arns": { w, v in w.rule(v) },
    "--rule-priorities": { w, v in w.fields(v, "RuleArn").forEach { w.rule($0) } },
    "--default-actions": { w, v in w.fields(v, "TargetGroupArn").forEach { w.targetGroup($0) } },
    "--actions": { w, v in w.fields(v, "TargetGroupArn").forEach { w.targetGroup($0) } },
    "--targets": { w, v in w.fields(v, "Id").forEach { w.target($0) } },
    "--subnet-mappings": { w, v in w.fields(v, "AllocationId").forEach { w.address($0) } },
  ]

  static let ec2Recipes: [String: Recipe] = [
    "--vpc-id": { w, v in w.vpc(v) }, "--vpc-ids": { w, v in w.vpc(v) },
    "--subnet-id": { w, v in w.subnet(v) }, "--subnet-ids": { w, v in w.subnet(v) },
    "--route-table-id": { w, v in w.routeTable(v) },
    "--route-table-ids": { w, v in w.routeTable(v) },
    "--internet-gateway-id": { w, v in w.internetGateway(v) },
    "--internet-gateway-ids": { w, v in w.internetGateway(v) },
    "--gateway-id": { w, v in w.internetGateway(v) },
    "--nat-gateway-id": { w, v in w.natGateway(v) },
    "--nat-gateway-ids": { w, v in w.natGateway(v) },
    "--allocation-id": { w, v in w.address(v) }, "--allocation-ids": { w, v in w.address(v) },
    "--public-ip": { w, v in w.address(v) }, "--public-ips": { w, v in w.address(v) },
    "--vpc-endpoint-id": { w, v in w.vpcEndpoint(v) },
    "--vpc-endpoint-ids": { w, v in w.vpcEndpoint(v) },
    "--group-id": { w, v in w.securityGroup(v) }, "--group-ids": { w, v in w.securityGroup(v) },
    "--group-name": { w, v in w.securityGroup(v) },
    "--association-id": { w, v in w.routeTableAssociation(v) },
    "--add-route-table-ids": { w, v in w.routeTable(v) },
    "--add-subnet-id": { w, v in w.subnet(v) },
    "--security-group-rule-ids": { w, v in w.securityGroupRule(v) },
  ]

  /// The values of `Key=` in a shorthand or JSON value (`Type=forward,TargetGroupArn=ARN`).
  func fields(_ value: String, _ key: String) -> [String] {
    let pattern = "\"?\(key)\"?\\s*[=:]\\s*\"?([^,\"\\s}\\]]+)"
    guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
    return re.matches(in: value, range: NSRange(value.startIndex..., in: value)).compactMap {
      Range($0.range(at: 1), in: value).map { String(value[$0]) }
    }
  }

  /// The resource part of an elbv2 ARN, split at `/` (`loadbalancer`, `app`, NAME, ID ...).
  static func elbParts(_ arn: String) -> [String] {
    guard arn.hasPrefix("arn:") else { return [] }
    let resource = arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? ""
    return resource.split(separator: "/").map(String.init)
  }

  /// The ARN of the load balancer a listener or rule ARN lives under.
  static func loadBalancerArn(under arn: String) -> String {
    let parts = elbParts(arn)
    guard parts.count >= 4, let colon = arn.range(of: ":" + parts[0] + "/") else { return arn }
    return String(arn[..<colon.lowerBound]) + ":loadbalancer/" + parts[1...3].joined(separator: "/")
  }

  /// The default VPC: its ID, its subnets and its default security group.
  mutating func defaultVPC() -> (vpc: String, subnets: [String], group: String) {
    let net = defaultNetwork()
    let group = run("aws ec2 describe-security-groups --group-ids \(net.group)")
    let vpc = group?["SecurityGroups"]?[0]?["VpcId"]?.stringValue ?? "vpc-0"
    let subnets =
      run("aws ec2 describe-subnets --filters Name=vpc-id,Values=\(vpc)")?["Subnets"]?
      .arrayValue?.compactMap { $0["SubnetId"]?.stringValue } ?? []
    return (vpc, subnets, net.group)
  }

  mutating func elbResource(_ arn: String) {
    switch Self.elbParts(arn).first {
    case "loadbalancer": loadBalancer(arn)
    case "targetgroup": targetGroup(arn)
    case "listener": listener(arn)
    case "listener-rule": rule(arn)
    default: break
    }
  }

  /// A load balancer named by ARN (`loadbalancer/app/NAME/ID`) or by name, of the ARN's type and
  /// the scheme the documented output shows, in two subnets of the default VPC.
  mutating func loadBalancer(_ value: String) {
    let parts = Self.elbParts(value)
    let name = parts.count >= 3 ? parts[2] : value
    guard once("lb/\(name)") else { return }
    let shown = documentedObject { $0["LoadBalancerName"]?.stringValue == name }
    let type =
      parts.count >= 2 && parts[1] == "net"
      ? "network" : shown?["Type"]?.stringValue ?? "application"
    let scheme = shown?["Scheme"]?.stringValue ?? "internet-facing"
    let net = defaultVPC()
    let out = run(
      "aws elbv2 create-load-balancer --name \(name) --type \(type) --scheme \(scheme) "
        + "--subnets \(net.subnets.prefix(2).joined(separator: " "))")
    // A name stays as it is (the page's name is ours).
    if value.hasPrefix("arn:") {
      map(value, ours: out?["LoadBalancers"]?[0]?["LoadBalancerArn"]?.stringValue)
    }
  }

  /// A target group named by ARN (`targetgroup/NAME/ID`) or name in the default VPC, as the
  /// documented output shows it (protocol, port, target type); IP targets when the command
  /// registers IP addresses.
  mutating func targetGroup(_ value: String) {
    let parts = Self.elbParts(value)
    let name = parts.count >= 2 ? parts[1] : value
    guard once("tg/\(name)") else { return }
    let shown = documentedObject { $0["TargetGroupName"]?.stringValue == name }
    let ips = example.values("--targets").contains {
      $0.range(of: #"Id=[0-9]"#, options: .regularExpression) != nil
    }
    let onNetwork = example.command.contains("loadbalancer/net/")
    let proto = shown?["Protocol"]?.stringValue ?? (onNetwork ? "TCP" : "HTTP")
    let port = shown?["Port"]?.intValue ?? 80
    let type = shown?["TargetType"]?.stringValue ?? (ips ? "ip" : "instance")
    let vpc = defaultVPC().vpc
    let out = run(
      "aws elbv2 create-target-group --name \(name) --protocol \(proto) --port \(port) "
        + "--target-type \(type) --vpc-id \(vpc)")
    let arn = out?["TargetGroups"]?[0]?["TargetGroupArn"]?.stringValue
    replacements["arn-of-tg:\(name)"] = arn
    if value.hasPrefix("arn:") { map(value, ours: arn) }
  }

  /// Our ARN of the target group the page names by ARN or name.
  func targetGroupArn(_ value: String) -> String {
    let parts = Self.elbParts(value)
    return replacements["arn-of-tg:\(parts.count >= 2 ? parts[1] : value)"] ?? replaced(value)
  }

  /// A listener named by ARN: its load balancer first, then the listener forwarding to the
  /// command's target group (or one of its own), on the protocol and port the output shows.
  mutating func listener(_ value: String, forwardingTo target: String? = nil) {
    guard once("listener/\(value)") else { return }
    let lb = Self.loadBalancerArn(under: value)
    loadBalancer(lb)
    let network = lb.contains("loadbalancer/net/")
    let id = Self.name(value)
    let shown = documentedObject {
      ($0["ListenerArn"]?.stringValue).map { Self.name($0) == id } == true && $0["Port"] != nil
    }
    let group =
      target ?? example.values("--default-actions").flatMap { fields($0, "TargetGroupArn") }.first
      ?? (network ? "example-tcp-targets" : "example-targets")
    targetGroup(group)
    let taken = made.filter { $0.hasPrefix("listener-port/\(lb)/") }.count
    var proto = shown?["Protocol"]?.stringValue ?? (network ? "TCP" : "HTTP")
    var port = shown?["Port"]?.intValue ?? 80 + taken
    // An HTTPS listener with a certificate of ours (the acm stand-in); TLS ones are not
    // simulated: TCP instead.
    var certificate = ""
    if proto == "HTTPS",
      let arn = run("aws acm request-certificate --domain-name www.example.com")?[
        "CertificateArn"]?.stringValue
    {
      certificate = " --certificates CertificateArn=\(arn)"
    } else if ["HTTPS", "TLS"].contains(proto) {
      proto = network ? "TCP" : "HTTP"
      port = 8080 + taken
    }
    made.insert("listener-port/\(lb)/\(port)")
    let out = run(
      "aws elbv2 create-listener --load-balancer-arn \(replaced(lb)) --protocol \(proto) "
        + "--port \(port) --default-actions Type=forward,TargetGroupArn=\(targetGroupArn(group))"
        + certificate)
    map(value, ours: out?["Listeners"]?[0]?["ListenerArn"]?.stringValue)
  }

  /// A rule named by ARN: its listener first, then a path rule forwarding to the listener's
  /// target group, at the priority the output shows.
  mutating func rule(_ value: String) {
    guard once("rule/\(value)") else { return }
    let parts = Self.elbParts(value)
    guard parts.count >= 6, let colon = value.range(of: ":listener-rule/") else { return }
    let listenerArn =
      String(value[..<colon.lowerBound]) + ":listener/" + parts[1...4].joined(separator: "/")
    listener(listenerArn)
    let id = Self.name(value)
    let shown = documentedObject {
      ($0["RuleArn"]?.stringValue).map { Self.name($0) == id } == true
    }
    let priority =
      shown?["Priority"]?.stringValue.flatMap { Int($0) }
      ?? 10 + made.filter { $0.hasPrefix("rule/") }.count
    let group = made.contains("tg/example-targets") ? "example-targets" : "my-targets"
    targetGroup(group)
    let out = run(
      "aws elbv2 create-rule --listener-arn \(replaced(listenerArn)) --priority \(priority) "
        + "--conditions Field=path-pattern,Values='/example\(priority)/*' "
        + "--actions Type=forward,TargetGroupArn=\(targetGroupArn(group))")
    map(value, ours: out?["Rules"]?[0]?["RuleArn"]?.stringValue)
  }

  /// A target: an instance (EC2 capacity in the default VPC) mapped to ours, or an IP address
  /// moved into the default VPC (`10.0.1.15` → `172.31.1.15`).
  mutating func target(_ value: String) {
    guard once("target/\(value)") else { return }
    if value.hasPrefix("i-") {
      let cluster = "default"
      self.cluster(cluster)
      guard let arn = capacity().first else { return }
      let out = run(
        "aws ecs describe-container-instances --cluster \(cluster) --container-instances \(arn)")
      replacements[value] = out?["containerInstances"]?[0]?["ec2InstanceId"]?.stringValue
    } else if value.first?.isNumber == true {
      let octets = value.split(separator: ".")
      if octets.count == 4 { replacements[value] = "172.31.\(octets[2]).\(octets[3])" }
    }
  }

  /// The target groups a service's `--load-balancers` names, each behind a listener of a load
  /// balancer (ECS refuses a target group no load balancer uses).
  mutating func serviceTargetGroups(_ value: String) {
    for group in fields(value, "targetGroupArn") where once("service-tg/\(group)") {
      targetGroup(group)
      let name = Self.elbParts(group).dropFirst().first ?? "example"
      listener(
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/\(name)-lb/0/0",
        forwardingTo: group)
    }
  }

  // MARK: the VPC

  /// The VPC the command names (ours), or one made for the example.
  mutating func commandVPC() -> String {
    if let v = example.values("--vpc-id").first {
      vpc(v)
      return replaced(v)
    }
    vpc("vpc-example")
    return replacements["vpc-example"] ?? "vpc-example"
  }

  /// A VPC (10.0.0.0/16, as most pages' subnets fit in it), with the DNS attributes and tags the
  /// documented output shows.
  mutating func vpc(_ value: String) {
    guard once("vpc/\(value)") else { return }
    let shown = documentedObject { $0["VpcId"]?.stringValue == value && $0["CidrBlock"] != nil }
    let cidr = shown?["CidrBlock"]?.stringValue ?? "10.0.0.0/16"
    let out = run("aws ec2 create-vpc --cidr-block \(cidr)\(tagOption(shown, "vpc"))")
    replacements[value] = out?["Vpc"]?["VpcId"]?.stringValue
  }

  /// `--tag-specifications` for the tags `shown` has.
  func tagOption(_ shown: JSONValue?, _ type: String) -> String {
    let tags = (shown?["Tags"]?.arrayValue ?? []).compactMap { t -> String? in
      guard let k = t["Key"]?.stringValue, let v = t["Value"]?.stringValue,
        !(k + v).contains("'"), !(k + v).contains(",")
      else { return nil }
      return "{Key=\(k),Value=\(v)}"
    }
    guard !tags.isEmpty else { return "" }
    return " --tag-specifications 'ResourceType=\(type),Tags=[\(tags.joined(separator: ","))]'"
  }

  /// A subnet of the command's VPC, in the CIDR the output shows or the next free /24.
  mutating func subnet(_ value: String) {
    guard once("subnet/\(value)") else { return }
    let shown = documentedObject { $0["SubnetId"]?.stringValue == value && $0["CidrBlock"] != nil }
    // In the VPC the output shows it in, or the command's.
    if let v = shown?["VpcId"]?.stringValue, example.values("--vpc-id").isEmpty { vpc(v) }
    let vpc = shown?["VpcId"]?.stringValue.flatMap { replacements[$0] } ?? commandVPC()
    let n = made.filter { $0.hasPrefix("subnet/") }.count + 100
    let cidr = shown?["CidrBlock"]?.stringValue ?? "10.0.\(n).0/24"
    let out = run(
      "aws ec2 create-subnet --vpc-id \(vpc) --cidr-block \(cidr)\(tagOption(shown, "subnet"))")
    replacements[value] = out?["Subnet"]?["SubnetId"]?.stringValue
  }

  /// A route table of the command's VPC; as a documented output shows it: associated with a
  /// subnet, with a route to a NAT gateway.
  mutating func routeTable(_ value: String) {
    guard once("rtb/\(value)") else { return }
    let vpc = commandVPC()
    let out = run("aws ec2 create-route-table --vpc-id \(vpc)")
    guard let table = out?["RouteTable"]?["RouteTableId"]?.stringValue else { return }
    replacements[value] = table
    let shown = documentedObject { $0["RouteTableId"]?.stringValue == value && $0["Routes"] != nil }
    for a in shown?["Associations"]?.arrayValue ?? [] {
      guard let s = a["SubnetId"]?.stringValue else { continue }
      subnet(s)
      run("aws ec2 associate-route-table --route-table-id \(table) --subnet-id \(replaced(s))")
    }
    for r in shown?["Routes"]?.arrayValue ?? [] {
      guard let nat = r["NatGatewayId"]?.stringValue,
        let cidr = r["DestinationCidrBlock"]?.stringValue
      else { continue }
      natGateway(nat)
      run(
        "aws ec2 create-route --route-table-id \(table) --destination-cidr-block \(cidr) "
          + "--nat-gateway-id \(replaced(nat))")
    }
  }

  /// An internet gateway; attached to the command's VPC when the command detaches it or routes
  /// to it.
  mutating func internetGateway(_ value: String) {
    guard value.hasPrefix("igw-"), once("igw/\(value)") else { return }
    let shown = documentedObject { $0["InternetGatewayId"]?.stringValue == value }
    let out = run("aws ec2 create-internet-gateway\(tagOption(shown, "internet-gateway"))")
    guard let igw = out?["InternetGateway"]?["InternetGatewayId"]?.stringValue else { return }
    replacements[value] = igw
    let attached = !(shown?["Attachments"]?.arrayValue ?? []).isEmpty
    let routes = ["detach-internet-gateway", "create-route", "delete-route", "replace-route"]
    if routes.contains(example.operation) || attached {
      let vpc = commandVPC()
      run("aws ec2 attach-internet-gateway --internet-gateway-id \(igw) --vpc-id \(vpc)")
    }
  }

  /// An Elastic IP address named by allocation ID or public IP.
  mutating func address(_ value: String) {
    guard once("eip/\(value)") else { return }
    let out = run("aws ec2 allocate-address --domain vpc")
    let key = value.hasPrefix("eipalloc-") ? "AllocationId" : "PublicIp"
    replacements[value] = out?[key]?.stringValue
    // An address the output shows associated: with a NAT gateway (the associations the tutor
    // simulates).
    let shown = documentedObject { $0["AllocationId"]?.stringValue == value }
    if example.operation.hasPrefix("describe-"), shown?["AssociationId"] != nil,
      let allocation = out?["AllocationId"]?.stringValue
    {
      let subnet = defaultVPC().subnets.first ?? ""
      run("aws ec2 create-nat-gateway --subnet-id \(subnet) --allocation-id \(allocation)")
    }
  }

  /// A NAT gateway in a subnet of the command's VPC, with an address of its own.
  mutating func natGateway(_ value: String) {
    guard once("nat/\(value)") else { return }
    subnet("subnet-for-\(value)")
    let subnet = replacements["subnet-for-\(value)"] ?? ""
    address("eipalloc-for-\(value)")
    let allocation = replacements["eipalloc-for-\(value)"] ?? ""
    let shown = documentedObject { $0["NatGatewayId"]?.stringValue == value }
    let out = run(
      "aws ec2 create-nat-gateway --subnet-id \(subnet) "
        + "--allocation-id \(allocation)\(tagOption(shown, "natgateway"))")
    replacements[value] = out?["NatGateway"]?["NatGatewayId"]?.stringValue
  }

  /// A gateway endpoint for S3 in the command's VPC, with a route table of it.
  mutating func vpcEndpoint(_ value: String) {
    guard once("vpce/\(value)") else { return }
    let vpc = commandVPC()
    let shown = documentedObject { $0["VpcEndpointId"]?.stringValue == value }
    let out: JSONValue?
    if shown?["VpcEndpointType"]?.stringValue == "Interface" {
      // An interface endpoint as the output shows it: in a subnet, with private DNS.
      subnet("subnet-for-\(value)")
      run("aws ec2 modify-vpc-attribute --vpc-id \(vpc) --enable-dns-hostnames '{\"Value\":true}'")
      // The page's service where the tutor knows it, else ECR's API.
      let subnet = replacements["subnet-for-\(value)"] ?? ""
      let interface = { (service: String) in
        "aws ec2 create-vpc-endpoint --vpc-id \(vpc) --vpc-endpoint-type Interface "
          + "--service-name \(service) --subnet-ids \(subnet)"
      }
      out =
        run(interface(replaced(shown?["ServiceName"]?.stringValue ?? "")))
        ?? run(interface("com.amazonaws.us-east-1.ecr.api"))
    } else {
      routeTable("rtb-for-\(value)")
      out = run(
        "aws ec2 create-vpc-endpoint --vpc-id \(vpc) --service-name com.amazonaws.us-east-1.s3 "
          + "--route-table-ids \(replacements["rtb-for-\(value)"] ?? "")")
    }
    replacements[value] = out?["VpcEndpoint"]?["VpcEndpointId"]?.stringValue
  }

  /// A network interface: the ENI of a Fargate task with a public IP in the default VPC (the
  /// network interfaces the tutor simulates are its tasks'); one is enough for a list.
  mutating func networkInterface(_ value: String) {
    guard once("eni") else { return }
    cluster("default")
    if once("td/example-task-fargate") {
      run(
        "aws ecs register-task-definition --family example-task-fargate "
          + "--requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 "
          + "--container-definitions name=app,image=nginx,memory=512,essential=true")
    }
    let network = networkOption(["awsvpcConfiguration": ["assignPublicIp": "ENABLED"]])
    run(
      "aws ecs run-task --cluster default --task-definition example-task-fargate "
        + "--launch-type FARGATE" + network)
  }

  /// A security group named by ID or name, in the default VPC.
  mutating func securityGroup(_ value: String) {
    guard example.operation != "create-security-group", once("sg/\(value)") else { return }
    let name = value.hasPrefix("sg-") ? "example-\(made.count)" : value
    let vpc = example.values("--vpc-id").isEmpty ? defaultVPC().vpc : commandVPC()
    let out = run(
      "aws ec2 create-security-group --group-name \(name) --description example --vpc-id \(vpc)")
    if value.hasPrefix("sg-") { replacements[value] = out?["GroupId"]?.stringValue }
  }

  /// A security group rule (`sgr-...`): an ingress rule of a group of its own, as the
  /// documented output shows it where it does.
  mutating func securityGroupRule(_ value: String) {
    guard once("sgr/\(value)") else { return }
    securityGroup("sg-for-\(value)")
    let shown = documentedObject { $0["SecurityGroupRuleId"]?.stringValue == value }
    let proto = shown?["IpProtocol"]?.stringValue ?? "tcp"
    let from = shown?["FromPort"]?.intValue ?? 22
    let cidr = shown?["CidrIpv4"]?.stringValue ?? "203.0.113.0/24"
    let out = run(
      "aws ec2 authorize-security-group-ingress --group-id \(replacements["sg-for-\(value)"] ?? "") "
        + "--protocol \(proto) --port \(from) --cidr \(cidr)")
    replacements[value] = out?["SecurityGroupRules"]?[0]?["SecurityGroupRuleId"]?.stringValue
  }

  /// A route table association (`rtbassoc-...`): a route table associated with a subnet.
  mutating func routeTableAssociation(_ value: String) {
    guard value.hasPrefix("rtbassoc-"), once("assoc/\(value)") else { return }
    routeTable("rtb-for-\(value)")
    subnet("subnet-for-\(value)")
    let out = run(
      "aws ec2 associate-route-table --route-table-id \(replacements["rtb-for-\(value)"] ?? "") "
        + "--subnet-id \(replacements["subnet-for-\(value)"] ?? "")")
    replacements[value] = out?["AssociationId"]?.stringValue
  }

  /// The undo operations of elbv2 and ec2 whose opposite needs more than the command's options.
  mutating func networkOpposite() {
    let op = example.operation
    let rest = replaced(example.command.split(separator: " ").dropFirst(3).joined(separator: " "))
    switch (example.service, op) {
    case ("elbv2", "remove-tags"):
      let keys = example.values("--tag-keys")
      let arns = example.values("--resource-arns").map(replaced)
      run(
        "aws elbv2 add-tags --resource-arns \(arns.joined(separator: " ")) --tags "
          + keys.map { "Key=\($0),Value=example" }.joined(separator: " "))
    case ("elbv2", "deregister-targets"):
      run("aws elbv2 register-targets \(rest)")
    case ("ec2", "revoke-security-group-ingress"), ("ec2", "revoke-security-group-egress"):
      run("aws ec2 " + op.replacingOccurrences(of: "revoke", with: "authorize") + " " + rest)
    case ("ec2", "delete-route"), ("ec2", "replace-route"):
      internetGateway("igw-for-route")
      guard let table = example.values("--route-table-id").first,
        let cidr = example.values("--destination-cidr-block").first
      else { return }
      run(
        "aws ec2 create-route --route-table-id \(replaced(table)) --destination-cidr-block \(cidr) "
          + "--gateway-id \(replacements["igw-for-route"] ?? "")")
    default: break
    }
  }

  /// What a documented elbv2 output says beside names: the tags describe-tags shows, the
  /// targets describe-target-health shows registered.
  mutating func documentedLoadBalancingContents(_ output: JSONValue) {
    switch example.operation {
    case "describe-tags":
      for d in output["TagDescriptions"]?.arrayValue ?? [] {
        guard let arn = d["ResourceArn"]?.stringValue else { continue }
        elbResource(arn)
        run(
          "aws elbv2 add-tags --resource-arns \(replaced(arn)) --tags \(Self.iamTags(d))")
      }
    case "describe-target-health":
      guard let group = example.values("--target-group-arn").first else { return }
      for d in output["TargetHealthDescriptions"]?.arrayValue ?? [] {
        guard let id = d["Target"]?["Id"]?.stringValue else { continue }
        target(id)
        let port = d["Target"]?["Port"]?.intValue.map { ",Port=\($0)" } ?? ""
        run(
          "aws elbv2 register-targets --target-group-arn \(replaced(group)) "
            + "--targets Id=\(replaced(id))\(port)")
      }
    default: break
    }
  }
}
