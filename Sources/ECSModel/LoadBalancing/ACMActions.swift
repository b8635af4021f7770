/// AWS Certificate Manager, as far as HTTPS listeners need it: a stand-in. A requested
/// certificate is issued at once (no DNS or e-mail validation is simulated); an imported one is
/// stored as given. Errors in moto's (moto/acm) and AWS's words.
enum ACMActions {
  static let table: [String: ActionHandler] = [
    "RequestCertificate": requestCertificate,
    "ImportCertificate": importCertificate,
    "DescribeCertificate": describeCertificate,
    "ListCertificates": listCertificates,
    "DeleteCertificate": deleteCertificate,
  ]

  static func requestCertificate(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let domain = req.string("DomainName") ?? ""
    let names = [domain] + (req.strings("SubjectAlternativeNames") ?? []).filter { $0 != domain }
    let cert = Certificate(
      arn: world.arn(service: "acm", resource: "certificate/" + world.random.uuid()),
      domainName: domain, alternativeNames: names, type: "AMAZON_ISSUED",
      createdAt: world.clock.nowMillis)
    world.elb.certificates.append(cert)
    return ["CertificateArn": .string(cert.arn)]
  }

  static func importCertificate(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    if let arn = req.string("CertificateArn") {
      guard world.elb.certificates.contains(where: { $0.arn == arn }) else { throw notFound(arn) }
      return ["CertificateArn": .string(arn)]
    }
    // The certificate's own names are not parsed: the stand-in names it after the account.
    let cert = Certificate(
      arn: world.arn(service: "acm", resource: "certificate/" + world.random.uuid()),
      domainName: "imported.example.com", alternativeNames: ["imported.example.com"],
      type: "IMPORTED", createdAt: world.clock.nowMillis)
    world.elb.certificates.append(cert)
    return ["CertificateArn": .string(cert.arn)]
  }

  static func notFound(_ arn: String) -> AWSError {
    AWSError(
      "ResourceNotFoundException", "Certificate with arn \(arn) not found")
  }

  /// The load balancers whose listeners use the certificate.
  static func inUseBy(_ world: World, _ arn: String) -> [String] {
    World.unique(
      world.elb.listeners.filter { $0.certificates.contains(arn) }.map(\.loadBalancerArn))
  }

  static func describeCertificate(_ world: inout World, _ req: Request) throws(AWSError)
    -> JSONValue
  {
    let arn = req.string("CertificateArn") ?? ""
    guard let c = world.elb.certificates.first(where: { $0.arn == arn }) else {
      throw notFound(arn)
    }
    let time = JSONValue.string(Timestamp.iso8601(millis: c.createdAt))
    return [
      "Certificate": jsonObject([
        ("CertificateArn", .string(c.arn)),
        ("DomainName", .string(c.domainName)),
        ("SubjectAlternativeNames", .array(c.alternativeNames.map { .string($0) })),
        ("Status", "ISSUED"),
        ("Type", .string(c.type)),
        (c.type == "IMPORTED" ? "ImportedAt" : "IssuedAt", time),
        ("CreatedAt", time),
        ("InUseBy", .array(inUseBy(world, c.arn).map { .string($0) })),
        ("KeyAlgorithm", "RSA-2048"),
        ("RenewalEligibility", c.type == "IMPORTED" ? "INELIGIBLE" : "ELIGIBLE"),
      ])
    ]
  }

  static func listCertificates(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue {
    [
      "CertificateSummaryList": .array(
        world.elb.certificates.map { c in
          [
            "CertificateArn": .string(c.arn), "DomainName": .string(c.domainName),
            "Status": "ISSUED", "Type": .string(c.type),
            "InUse": .bool(!inUseBy(world, c.arn).isEmpty),
          ]
        })
    ]
  }

  static func deleteCertificate(_ world: inout World, _ req: Request) throws(AWSError) -> JSONValue
  {
    let arn = req.string("CertificateArn") ?? ""
    guard world.elb.certificates.contains(where: { $0.arn == arn }) else { throw notFound(arn) }
    if !inUseBy(world, arn).isEmpty {
      throw AWSError("ResourceInUseException", "Certificate \(arn) is in use.")  // UNCONFIRMED wording.
    }
    world.elb.certificates.removeAll { $0.arn == arn }
    return .object([])
  }
}
