/// Task-level `cpu` and `memory` as RegisterTaskDefinition reads them, and the Fargate size table.
///
/// ```swift
/// TaskSize.cpuUnits("1 vCPU")       // 1024
/// TaskSize.memoryMiB("2GB")         // 2048
/// TaskSize.isFargateSize(cpu: 256, memory: 512)  // true
/// ```
public enum TaskSize {
  /// The 74 valid Fargate (cpu units, memory MiB) pairs, by cpu then memory
  /// (shared/ecs-facts.md §2, from botocore RegisterTaskDefinitionRequest.memory).
  public static let fargatePairs: [(cpu: Int, memory: Int)] = {
    let rows: [(cpu: Int, memories: [Int])] = [
      (256, [512, 1024, 2048]),
      (512, Array(stride(from: 1024, through: 4096, by: 1024))),
      (1024, Array(stride(from: 2048, through: 8192, by: 1024))),
      (2048, Array(stride(from: 4096, through: 16384, by: 1024))),
      (4096, Array(stride(from: 8192, through: 30720, by: 1024))),
      (8192, Array(stride(from: 16384, through: 61440, by: 4096))),
      (16384, Array(stride(from: 32768, through: 122880, by: 8192))),
    ]
    return rows.flatMap { row in row.memories.map { (cpu: row.cpu, memory: $0) } }
  }()

  /// Whether Fargate offers a task of this size.
  public static func isFargateSize(cpu: Int, memory: Int) -> Bool {
    fargatePairs.contains { $0.cpu == cpu && $0.memory == memory }
  }

  /// CPU units from `"256"`, `"1 vCPU"`, `"0.5 vcpu"` or `".25vCPU"`; nil when unreadable.
  public static func cpuUnits(_ text: String) -> Int? {
    let t = text.trimmingSpaces()
    if let units = Int(t) { return units }
    let lower = t.lowercased()
    guard lower.hasSuffix("vcpu") else { return nil }
    let number = String(lower.dropLast(4)).trimmingSpaces()
    return scaled(number, by: 1024)
  }

  /// MiB from `"512"`, `"1GB"`, `"1 gb"` or `"0.5 GB"`; nil when unreadable.
  public static func memoryMiB(_ text: String) -> Int? {
    let t = text.trimmingSpaces()
    if let mib = Int(t) { return mib }
    let lower = t.lowercased()
    guard lower.hasSuffix("gb") else { return nil }
    let number = String(lower.dropLast(2)).trimmingSpaces()
    return scaled(number, by: 1024)
  }

  // "0.25" × 1024 must come out whole: 0.3 vCPU is no size ECS knows.
  private static func scaled(_ number: String, by factor: Int) -> Int? {
    guard !number.isEmpty, let value = Double(number.hasPrefix(".") ? "0" + number : number),
      value > 0, value < 1_000_000
    else { return nil }
    let product = value * Double(factor)
    guard product == product.rounded() else { return nil }
    return Int(product)
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var s = Substring(self)
    while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
