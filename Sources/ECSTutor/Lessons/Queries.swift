import ECSModel

/// The resource selections a lesson can assert on, derived from the resource descriptors
/// (`World.resources`). Each returns the resources as the describe call prints them, so a
/// learner can compare the check with what `aws ... describe-...` shows.
enum Queries {
  typealias Query = @Sendable (World, JSONValue) -> [JSONValue]

  /// Every selector of `World.resources` (the descriptors beside each family): singular kinds
  /// select one resource (and fail when it is missing); plural kinds select a list. The words
  /// that name a selection are in the catalogues (`Msg.selection`).
  static let table: [String: (plural: Bool, query: Query)] = {
    var table: [String: (plural: Bool, query: Query)] = [:]
    for selector in World.resources.flatMap(\.selectors) where table[selector.name] == nil {
      table[selector.name] = (selector.plural, selector.select)
    }
    // `reach:` probes the network rather than selecting resources (Queries+Reach.swift).
    return table.merging(reachTable) { a, _ in a }.merging(requestTable) { a, _ in a }
  }()

  static var kinds: Set<String> { Set(table.keys) }
  static func isPlural(_ kind: String) -> Bool? { table[kind]?.plural }

  static func run(_ selector: Selector, on world: World) -> [JSONValue] {
    table[selector.kind]?.query(world, selector.params) ?? []
  }

  /// A readable name for the selection in the learner's language, e.g. `cluster demo`,
  /// `クラスター demo` (the words are in the catalogue, `Msg.selection`).
  static func describe(_ s: Selector, _ lang: Language = .en) -> String {
    let p = s.params
    if s.kind == "reach" { return describeReach(p, lang) }
    if let elb = describeLoadBalancing(s, lang) { return elb }
    var params = SelectionParams()
    params.name = p.stringValue ?? p["name"]?.stringValue
    params.cluster = p["cluster"]?.stringValue
    params.family = p["family"]?.stringValue
    params.revision = p["revision"].flatMap { $0 == .string("latest") ? nil : Matcher.show($0) }
    if s.kind == "taskDefinition", let ref = p.stringValue {
      let parts = ref.split(separator: ":", maxSplits: 1).map(String.init)
      params.family = parts.first
      params.revision = parts.count > 1 ? parts[1] : nil
    }
    if s.kind == "taskDefinitions" { params.family = params.family ?? p.stringValue }
    params.serviceName = p["serviceName"]?.stringValue
    params.desiredStatus = p["desiredStatus"]?.stringValue
    params.lastStatus = p["lastStatus"]?.stringValue
    params.launchType = p["launchType"]?.stringValue
    params.repository = p["repository"]?.stringValue ?? p.stringValue
    return Msg.selection(kind: s.kind, params: params).text(lang)
  }
}
