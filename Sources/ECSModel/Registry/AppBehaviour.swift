/// What the program in an image does when a task runs it: the ports it listens on, what it
/// answers over HTTP, and the AWS calls its code makes. The one declaration that load balancer
/// health checks, `curl`, container health checks, ECS Exec and the application's AWS calls read.
///
/// An image pushed to ECR or built with `docker build` behaves like the catalogue image its
/// layers start with (a `docker tag nginx` + `docker push` is nginx; the simulated Dockerfile
/// builds on nginx:alpine). An image with no known program has no behaviour (`nil`): it runs,
/// but listens nowhere and makes no calls.
///
/// ```swift
/// AppBehaviour.of(repository: "library/nginx")?.listensOn([:])  // [80]
/// ```
public struct AppBehaviour: Sendable, Equatable {
  /// The TCP port the program listens on inside the container when the environment does not say
  /// otherwise.
  public var port: Int?
  /// The environment variable that moves the port (`PORT=3000`), if the program reads one.
  public var portVariable: String?
  /// HTTP answers, first match wins; a path with no route gets `otherStatus`.
  public var routes: [HTTPRoute]
  /// The status of a path no route matches (404 for a web server).
  public var otherStatus: Int
  /// AWS calls the program makes with the credentials the SDK finds in the task.
  public var calls: [AppCall]

  public init(
    port: Int?, portVariable: String? = nil, routes: [HTTPRoute] = [], otherStatus: Int = 404,
    calls: [AppCall] = []
  ) {
    self.port = port
    self.portVariable = portVariable
    self.routes = routes
    self.otherStatus = otherStatus
    self.calls = calls
  }

  /// The ports the program listens on, given the container's environment variables.
  public func listensOn(_ environment: [String: String]) -> [Int] {
    if let v = portVariable, let text = environment[v], let p = Int(text), (1...65535).contains(p) {
      return [p]
    }
    return port.map { [$0] } ?? []
  }

  /// The HTTP status and body for a request path (`/health`, `/api/orders?x=1`).
  public func answer(path: String) -> (status: Int, body: String) {
    let bare = String(path.prefix { $0 != "?" })
    for r in routes where r.matches(bare) { return (r.status, r.body) }
    return (otherStatus, otherStatus == 404 ? "Not Found" : "")
  }
}

/// One HTTP route: an exact path, or a prefix when it ends in `*`.
public struct HTTPRoute: Sendable, Equatable {
  public var path: String
  public var status: Int
  public var body: String

  public init(_ path: String, _ status: Int, _ body: String) {
    self.path = path
    self.status = status
    self.body = body
  }

  func matches(_ p: String) -> Bool {
    path.hasSuffix("*") ? p.hasPrefix(String(path.dropLast())) : p == path
  }
}

/// One AWS call a demo program makes, checked against the credentials the SDK finds (task role,
/// instance role through IMDS on EC2, or none).
public struct AppCall: Sendable, Equatable {
  /// When the program makes the call.
  public enum When: Sendable, Equatable {
    case atStart
    case every(seconds: Int)
  }

  public var when: When
  /// The SDK's service and operation names, as its error messages print them (`ListObjectsV2`).
  public var service: String
  public var operation: String
  /// The IAM action evaluated (`s3:ListBucket`).
  public var action: String
  /// The resource ARN; `${NAME}` is replaced by the container's environment variable NAME.
  public var resource: String

  public init(
    _ when: When, _ service: String, _ operation: String, action: String, resource: String
  ) {
    self.when = when
    self.service = service
    self.operation = operation
    self.action = action
    self.resource = resource
  }
}

extension AppBehaviour {
  /// The programs of the catalogue, by repository (as `ImageCatalogue` names it without the
  /// registry host). The demo images under `public.ecr.aws/ecs-tutor/` exist to be run in lessons.
  static let byRepository: [String: AppBehaviour] = {
    let web = [
      HTTPRoute("/", 200, "Welcome to nginx!"), HTTPRoute("/index.html", 200, "Welcome to nginx!"),
    ]
    return [
      "library/nginx": AppBehaviour(port: 80, routes: web),
      "nginx/nginx": AppBehaviour(port: 80, routes: web),
      "library/httpd": AppBehaviour(port: 80, routes: [HTTPRoute("/", 200, "It works!")]),
      "library/redis": AppBehaviour(port: 6379, otherStatus: 0),
      "library/postgres": AppBehaviour(port: 5432, otherStatus: 0),
      "ecs-tutor/web": AppBehaviour(
        port: 8080, portVariable: "PORT",
        routes: [
          HTTPRoute("/", 200, "hello from web"), HTTPRoute("/health", 200, "ok"),
          HTTPRoute("/admin", 404, "Not Found"),
        ]),
      "ecs-tutor/api": AppBehaviour(
        port: 8080, portVariable: "PORT",
        routes: [
          HTTPRoute("/health", 200, "ok"), HTTPRoute("/api/*", 200, "hello from api"),
          HTTPRoute("/api", 200, "hello from api"),
        ]),
      "ecs-tutor/s3-lister": AppBehaviour(
        port: nil,
        calls: [
          AppCall(
            .every(seconds: 30), "S3", "ListObjectsV2", action: "s3:ListBucket",
            resource: "arn:aws:s3:::${BUCKET}")
        ]),
      "ecs-tutor/orders": AppBehaviour(
        port: 8080, portVariable: "PORT",
        routes: [HTTPRoute("/health", 200, "ok"), HTTPRoute("/orders", 201, "order saved")],
        calls: [
          AppCall(
            .every(seconds: 30), "DynamoDB", "PutItem", action: "dynamodb:PutItem",
            resource: "arn:aws:dynamodb:${AWS_REGION}:${AWS_ACCOUNT_ID}:table/${TABLE}")
        ]),
      "ecs-tutor/secret-reader": AppBehaviour(
        port: nil,
        calls: [
          AppCall(
            .atStart, "Secrets Manager", "GetSecretValue", action: "secretsmanager:GetSecretValue",
            resource: "${SECRET_ARN}")
        ]),
    ]
  }()

  /// The program of a catalogue repository (`library/nginx`, `ecs-tutor/web`), if known.
  public static func of(repository: String) -> AppBehaviour? { byRepository[repository] }
}

extension World {
  /// The program in `image` (as a container definition writes it): the catalogue's own for a
  /// public image; for an image in this account's ECR, the program of the catalogue image its
  /// layers start with (the longest such base). `nil` when the image is unknown or runs no known
  /// program.
  public func appBehaviour(image: String) -> AppBehaviour? {
    guard let ref = try? ImageReference.parse(image) else { return nil }
    switch lookupImage(ref) {
    case .catalogue(let c):
      return AppBehaviour.of(repository: ImageCatalogue.repositoryKey(c.name))
    case .ecr(_, let img):
      let base = ImageCatalogue.all
        .filter { !$0.layers.isEmpty && img.layers.starts(with: $0.layers) }
        .max { $0.layers.count < $1.layers.count }
      return base.flatMap { AppBehaviour.of(repository: ImageCatalogue.repositoryKey($0.name)) }
    default:
      return nil
    }
  }
}
