import ECSModel

extension Session {
  /// Reads `[-v] [-i] [-s] [-X METHOD] [-H 'Name: value'] [--from TASK] URL`.
  func parseRequest(_ args: [String]) -> (HTTPRequest, verbose: Bool, include: Bool)? {
    var request = HTTPRequest(url: "")
    var verbose = false
    var include = false
    var i = 0
    while i < args.count {
      let a = args[i]
      switch a {
      case "-v", "--verbose": verbose = true
      case "-i", "--include": include = true
      case "-s", "--silent", "-L", "--location": break
      case "-X", "--request", "-H", "--header", "--from":
        guard i + 1 < args.count else { return nil }
        let v = args[i + 1]
        i += 1
        if a == "--from" {
          request.from = v
        } else if a == "-X" || a == "--request" {
          request.method = v.uppercased()
        } else {
          guard let colon = v.firstIndex(of: ":") else { return nil }
          let name = String(v[..<colon])
          let value = String(v[v.index(after: colon)...].drop { $0 == " " })
          request.headers[name] = value
        }
      default:
        guard !a.hasPrefix("-"), request.url.isEmpty else { return nil }
        request.url = a
      }
      i += 1
    }
    return request.url.isEmpty ? nil : (request, verbose, include)
  }

  /// `curl URL`: what the client gets back from the load balancer, as curl prints it.
  mutating func curlCommand(_ args: [String]) -> [Output] {
    guard let (request, verbose, include) = parseRequest(args) else {
      lastStatus = 2
      return [say(.curlUsage)]
    }
    let t = world.send(request)
    let port = request.url.hasPrefix("https") ? 443 : 80
    switch t.stop {
    case .unresolvable(let host):
      lastStatus = 6
      return [Output(.stderr, "curl: (6) Could not resolve host: \(host)\n")]
    case .provisioning, .internalScheme, .clientRefused:
      lastStatus = 28
      return [
        Output(
          .stderr,
          "curl: (28) Failed to connect to \(t.host) port \(port) after 130000 ms: Timeout was reached\n"
        ),
        say(.curlTryTrace(url: request.url)),
      ]
    case .noListener(let p, _):
      lastStatus = 7
      return [
        Output(
          .stderr,
          "curl: (7) Failed to connect to \(t.host) port \(p) after 2 ms: Couldn't connect to server\n"
        ),
        say(.curlTryTrace(url: request.url)),
      ]
    default: break
    }
    lastStatus = 0
    var text = ""
    let reason = Self.reasonPhrase(t.status)
    if verbose {
      text +=
        "> \(request.method) \(Self.pathOf(request.url)) HTTP/1.1\n> Host: \(request.headers.first { $0.key.lowercased() == "host" }?.value ?? t.host)\n"
      for (k, v) in request.headers.sorted(by: { $0.key < $1.key }) where k.lowercased() != "host" {
        text += "> \(k): \(v)\n"
      }
      text += ">\n< HTTP/1.1 \(t.status) \(reason)\n"
      for (k, v) in t.headers { text += "< \(k): \(v)\n" }
      text += "<\n"
    } else if include {
      text += "HTTP/1.1 \(t.status) \(reason)\n"
      for (k, v) in t.headers { text += "\(k): \(v)\n" }
      text += "\n"
    }
    text += t.body.isEmpty ? "" : t.body + "\n"
    var out = [Output(.stdout, text)]
    if [502, 503, 504].contains(t.status) && t.container == nil {
      out.append(say(.curlTryTrace(url: request.url)))
    }
    return out
  }

  /// `trace URL`: the request hop by hop, and where and why it stops. Exit status 0 either way
  /// (as traceroute's): tracing a request that stops is a successful trace, and scripts go on.
  mutating func traceCommand(_ args: [String]) -> [Output] {
    guard let (request, _, _) = parseRequest(args) else {
      lastStatus = 2
      return [say(.traceUsage)]
    }
    let t = world.send(request)
    lastStatus = 0
    return [Output(.stdout, ALBView.trace(t, language) + "\n")]
  }

  static func pathOf(_ url: String) -> String {
    var rest = Substring(url)
    if let r = rest.firstRange(of: "://") { rest = rest[r.upperBound...] }
    let path = rest.drop { $0 != "/" }
    return path.isEmpty ? "/" : String(path)
  }

  static func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Temporarily Unavailable"
    case 504: "Gateway Time-out"
    default: ""
    }
  }
}
