/// S3's resource kinds: `bucket` / `buckets` select buckets as `{Name, CreationDate, Contents}`
/// (the objects as `list-objects-v2` prints them).
enum S3Resources {
  static let all: [ResourceDescriptor] = [
    ResourceDescriptor(
      name: "bucket",
      selectors: [.one("bucket", select: select), .many("buckets", select: select)],
      completions: [(.buckets, { w in w.s3.buckets.map(\.name) })])
  ]

  @Sendable static func select(_ world: World, _ params: JSONValue) -> [JSONValue] {
    let name = params.stringValue ?? params["name"]?.stringValue ?? params["Name"]?.stringValue
    return world.s3.buckets.filter { name == nil || $0.name == name }.map { b in
      [
        "Name": .string(b.name),
        "CreationDate": .string(Timestamp.iso8601(millis: b.createdAt)),
        "Contents": .array(b.objects.map(S3Actions.objectDocument)),
      ]
    }
  }
}
