import ECSModel

/// The AWS CLI's own S3 commands (awscli/customizations/s3): `aws s3 mb|rb|ls|cp|rm` over the
/// s3api operations, printed as the CLI prints them (`make_bucket: NAME`, `upload: a.txt to
/// s3://b/a.txt`), and the two s3api operations whose files the CLI handles itself: `put-object
/// --body FILE` (the file's contents are the body) and `get-object ... OUTFILE` (the body goes to
/// the file, the rest is printed).
enum S3Commands {
  /// `aws s3 ...`, or nil for any other command.
  static func run(_ argv: [String], world: inout World, files: any FileAccess) -> CommandResult? {
    guard argv.count >= 2, argv[1] == "s3" else { return nil }
    let args = Array(argv.dropFirst(2)).filter { $0 != "--no-cli-pager" }
    guard let sub = args.first else {
      return .failure(
        "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          + "aws: error: the following arguments are required: operation\n", status: 252)
    }
    let rest = Array(args.dropFirst())
    let words = rest.filter { !$0.hasPrefix("--") }
    let force = rest.contains("--force") || rest.contains("--recursive")
    switch sub {
    case "mb", "rb":
      guard let target = words.first, let (bucket, _) = split(target) else {
        return .failure(
          "\n<S3Uri>\nError: Invalid argument type\n", status: 252)
      }
      let verb = sub == "mb" ? "make_bucket" : "remove_bucket"
      var out = ""
      if sub == "rb" && force, let b = world.bucket(bucket) {
        for o in b.objects {
          _ = AWSCall.perform(
            &world, "s3api", "DeleteObject", ["Bucket": .string(bucket), "Key": .string(o.key)])
          out += "delete: s3://\(bucket)/\(o.key)\n"
        }
      }
      let op = sub == "mb" ? "CreateBucket" : "DeleteBucket"
      switch AWSCall.attempt(&world, "s3api", op, ["Bucket": .string(bucket)]) {
      case .success: return .ok(out + "\(verb): \(bucket)\n")
      case .failure(let e):
        return CommandResult(
          stdout: out, stderr: "\(verb) failed: s3://\(bucket) \(e.rendered(operation: op))\n",
          status: 1)
      }
    case "ls":
      return ls(words.first, recursive: rest.contains("--recursive"), world: &world)
    case "cp":
      guard words.count == 2 else {
        return .failure(
          "\nusage: aws s3 cp <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>\nError: Invalid argument type\n",
          status: 252)
      }
      return cp(words[0], words[1], world: &world, files: files)
    case "rm":
      guard let target = words.first, let (bucket, key) = split(target) else {
        return .failure("\nError: Invalid argument type\n", status: 252)
      }
      switch AWSCall.attempt(
        &world, "s3api", "DeleteObject", ["Bucket": .string(bucket), "Key": .string(key)])
      {
      case .success: return .ok("delete: s3://\(bucket)/\(key)\n")
      case .failure(let e):
        return .failure(
          "delete failed: s3://\(bucket)/\(key) \(e.rendered(operation: "DeleteObject"))\n",
          status: 1)
      }
    default:
      return .failure(
        "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          + "aws: error: argument subcommand: Found invalid choice '\(sub)'\n", status: 252)
    }
  }

  /// `s3://bucket/key` as (bucket, key); nil for a local path.
  static func split(_ uri: String) -> (String, String)? {
    guard uri.hasPrefix("s3://") else { return nil }
    let body = uri.dropFirst(5)
    guard let slash = body.firstIndex(of: "/") else { return (String(body), "") }
    return (String(body[..<slash]), String(body[body.index(after: slash)...]))
  }

  /// The CLI prints times as `yyyy-MM-dd HH:mm:ss` (the simulated machine's zone is UTC).
  static func stamp(_ iso: String) -> String {
    String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8))
  }

  static func ls(_ target: String?, recursive: Bool, world: inout World) -> CommandResult {
    guard let target else {
      switch AWSCall.perform(&world, "s3api", "ListBuckets", [:]) {
      case .failure(let r): return r
      case .success(let response):
        let lines = (response["Buckets"]?.arrayValue ?? []).map { b in
          stamp(b["CreationDate"]?.stringValue ?? "") + " " + (b["Name"]?.stringValue ?? "")
        }
        return .ok(lines.map { $0 + "\n" }.joined())
      }
    }
    guard let (bucket, prefix) = split(target) else {
      return .failure("\nError: Invalid argument type\n", status: 252)
    }
    var request: JSONValue = ["Bucket": .string(bucket), "Prefix": .string(prefix)]
    if !recursive { request = request.setting("Delimiter", "/") }
    switch AWSCall.perform(&world, "s3api", "ListObjectsV2", request) {
    case .failure(let r): return r
    case .success(let response):
      // The CLI lists under the prefix's last "/": a partial name matches as a prefix too.
      // --recursive prints whole keys.
      let base =
        !recursive && prefix.contains("/") ? String(prefix[...prefix.lastIndex(of: "/")!]) : ""
      var lines: [String] = []
      for p in response["CommonPrefixes"]?.arrayValue ?? [] {
        let name = String((p["Prefix"]?.stringValue ?? "").dropFirst(base.count))
        lines.append(String(repeating: " ", count: 27) + "PRE " + name)
      }
      for o in response["Contents"]?.arrayValue ?? [] {
        let size = String(o["Size"]?.intValue ?? 0)
        let key = String((o["Key"]?.stringValue ?? "").dropFirst(base.count))
        lines.append(
          stamp(o["LastModified"]?.stringValue ?? "") + " "
            + String(repeating: " ", count: max(0, 10 - size.count)) + size + " " + key)
      }
      // Nothing listed: the CLI exits 1 without output.
      return lines.isEmpty
        ? CommandResult(stdout: "", stderr: "", status: 1) : .ok(lines.map { $0 + "\n" }.joined())
    }
  }

  static func cp(_ from: String, _ to: String, world: inout World, files: any FileAccess)
    -> CommandResult
  {
    switch (split(from), split(to)) {
    case (nil, let (bucket, key)?):
      let text: String
      do {
        text = try files.read(from)
      } catch {
        return .failure("\nThe user-provided path \(from) does not exist.\n", status: 255)
      }
      let name = from.split(separator: "/").last.map(String.init) ?? from
      let finalKey = key.isEmpty || key.hasSuffix("/") ? key + name : key
      let request: JSONValue = [
        "Bucket": .string(bucket), "Key": .string(finalKey), "Body": .string(text),
      ]
      switch AWSCall.attempt(&world, "s3api", "PutObject", request) {
      case .success: return .ok("upload: \(from) to s3://\(bucket)/\(finalKey)\n")
      case .failure(let e):
        return .failure(
          "upload failed: \(from) to s3://\(bucket)/\(finalKey) \(e.rendered(operation: "PutObject"))\n",
          status: 1)
      }
    case (let (bucket, key)?, nil):
      let request: JSONValue = ["Bucket": .string(bucket), "Key": .string(key)]
      switch AWSCall.attempt(&world, "s3api", "GetObject", request) {
      case .failure(let e):
        // The CLI asks HeadObject first: a missing key or bucket is a bare 404.
        let message =
          e.code == "NoSuchKey"
          ? "An error occurred (404) when calling the HeadObject operation: Key \"\(key)\" does not exist"
          : e.rendered(operation: "HeadObject")
        return .failure("fatal error: \(message)\n", status: 1)
      case .success(let response):
        let body = response["Body"]?.stringValue ?? ""
        if to == "-" { return .ok(body) }
        let path =
          to.hasSuffix("/") || to == "."
          ? (to == "." ? "" : to) + (key.split(separator: "/").last.map(String.init) ?? key) : to
        do {
          try files.write(path, body)
        } catch {
          return .failure(
            "download failed: s3://\(bucket)/\(key) to \(to) \(error.message)\n", status: 1)
        }
        return .ok("download: s3://\(bucket)/\(key) to \(path)\n")
      }
    case (let (sb, sk)?, let (db, dk)?):
      switch AWSCall.attempt(
        &world, "s3api", "GetObject", ["Bucket": .string(sb), "Key": .string(sk)])
      {
      case .failure(let e):
        return .failure("fatal error: \(e.rendered(operation: "HeadObject"))\n", status: 1)
      case .success(let response):
        let key =
          dk.isEmpty || dk.hasSuffix("/")
          ? dk + (sk.split(separator: "/").last.map(String.init) ?? sk) : dk
        let put: JSONValue = [
          "Bucket": .string(db), "Key": .string(key), "Body": response["Body"] ?? "",
        ]
        switch AWSCall.attempt(&world, "s3api", "PutObject", put) {
        case .success: return .ok("copy: \(from) to s3://\(db)/\(key)\n")
        case .failure(let e):
          return .failure(
            "copy failed: \(from) to s3://\(db)/\(key) \(e.rendered(operation: "CopyObject"))\n",
            status: 1)
        }
      }
    case (nil, nil):
      return .failure(
        "\nusage: aws s3 cp <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>\nError: Invalid argument type\n",
        status: 252)
    }
  }

  /// `s3api put-object --body FILE`: the argument names a file whose contents are sent;
  /// `s3api get-object ... OUTFILE`: the last word names the file the body is written to. Returns
  /// the arguments to parse, the outfile, or a failure.
  static func s3api(_ argv: [String], files: any FileAccess) -> Result<
    ([String], String?), CommandResult
  > {
    guard argv.count >= 3, argv[1] == "s3api" else { return .success((argv, nil)) }
    var args = argv
    if argv[2] == "put-object", let i = args.firstIndex(of: "--body"), i + 1 < args.count {
      do {
        args[i + 1] = try files.read(args[i + 1])
      } catch {
        return .failure(
          .failure(
            "\nError parsing parameter '--body': Blob values must be a path to a file.\n",
            status: 252))
      }
    }
    if argv[2] == "get-object" {
      // The outfile is the one word that is neither an option nor an option's value.
      var k = 3
      while k < args.count {
        if args[k].hasPrefix("--") {
          k += 2
          continue
        }
        let out = args[k]
        args.remove(at: k)
        return .success((args, out))
      }
      return .failure(
        .failure(
          "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "aws: error: the following arguments are required: outfile\n", status: 252))
    }
    return .success((args, nil))
  }
}

extension JSONValue {
  /// The object without `key`.
  func removing(_ key: String) -> JSONValue {
    guard case .object(let members) = self else { return self }
    return .object(members.filter { $0.0 != key })
  }
}
