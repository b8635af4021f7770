/// The network side of a demo program's AWS call: the service endpoint the SDK connects to, and
/// whether the task has a path there (`World.egress(from:to:)`). Without one, the SDK's connect
/// times out after its retries and the program logs botocore's `ConnectTimeoutError`.
extension AppCall {
  /// The endpoint's short name as `World.egress` takes it (`s3`, `dynamodb`,
  /// `secretsmanager`, `sts`): the IAM action's service prefix.
  public var egressService: String {
    String(action.prefix { $0 != ":" })
  }

  /// The URL the SDK (boto3) sends the call to, as botocore prints it in its connection errors:
  /// S3 addresses a bucket virtual-hosted (`BUCKET.s3.amazonaws.com` in us-east-1,
  /// `BUCKET.s3.REGION.amazonaws.com` elsewhere; path-style for a name with dots, which TLS
  /// would not match), the other services their regional endpoint. `delimitedPrefix`: a
  /// listing by folder, as `aws s3 ls s3://BUCKET/PREFIX` asks for it.
  ///
  /// ```swift
  /// call.endpointURL(resource: "arn:aws:s3:::demo-reports", region: "us-east-1")
  /// // "https://demo-reports.s3.amazonaws.com/?list-type=2&encoding-type=url"
  /// ```
  public func endpointURL(resource: String, region: String, delimitedPrefix: String? = nil)
    -> String
  {
    let service = egressService
    guard service == "s3" else { return "https://\(service).\(region).amazonaws.com/" }
    let host = region == "us-east-1" ? "s3.amazonaws.com" : "s3.\(region).amazonaws.com"
    let path = resource.hasPrefix("arn:aws:s3:::") ? resource.dropFirst(13) : Substring(resource)
    let bucket = String(path.prefix { $0 != "/" })
    // ListBuckets names no bucket.
    guard !bucket.isEmpty, bucket != "*" else { return "https://\(host)/" }
    let key = String(path.dropFirst(bucket.count + 1))
    let rest: String
    if operation == "ListObjectsV2" {
      // boto3 asks for URL-encoded keys in listings (botocore's set_list_objects_encoding_type_url).
      let folder = delimitedPrefix.map {
        "&prefix=\(Self.percentEncoded($0, keepSlash: false))&delimiter=%2F"
      }
      rest = "?list-type=2" + (folder ?? "") + "&encoding-type=url"
    } else {
      rest = Self.percentEncoded(key, keepSlash: true)
    }
    if bucket.contains(".") {
      return "https://\(host)/\(bucket)" + (rest.hasPrefix("?") || rest.isEmpty ? rest : "/" + rest)
    }
    return "https://\(bucket).\(host)/\(rest)"
  }

  /// RFC 3986 percent-encoding as botocore quotes S3 keys (unreserved characters kept, and `/`
  /// in a path).
  static func percentEncoded(_ text: String, keepSlash: Bool) -> String {
    var out = ""
    for b in text.utf8 {
      let c = Character(Unicode.Scalar(b))
      if b < 0x80 && (c.isLetter || c.isNumber || "-_.~".contains(c) || (keepSlash && c == "/")) {
        out.append(c)
      } else {
        out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

extension World {
  /// The line the program logs when its task has no network path to the call's endpoint
  /// (nil when it has one): botocore's ConnectTimeoutError with the endpoint URL. The task's
  /// traffic leaves from its own ENI (awsvpc) or from its instance (bridge, host).
  func appCallUnreachable(_ call: AppCall, resource: String, task: ECSTask) -> String? {
    guard let source = egressSource(task: task),
      case .refused = egress(from: source, to: .service(call.egressService))
    else { return nil }
    return
      "botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: \"\(call.endpointURL(resource: resource, region: region))\""
  }
}
