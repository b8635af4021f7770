/// The basic-scan findings of an image, the same for the same image digest on every run: a few
/// well-known CVEs of Debian-based images chosen by the digest (ecs-tutor has no vulnerability
/// database; the point is the shape and the workflow: scan, read the findings, rebuild).
enum ScanFindings {
  struct Finding {
    var name: String
    var description: String
    var severity: String
    var package: String
    var version: String
    var vector: String
    var score: String
  }

  /// When the (simulated) vulnerability source was last updated: before the clock starts.
  static let sourceUpdatedAt: Int64 = SimClock.defaultStart - 3 * 86_400_000

  static let known: [Finding] = [
    Finding(
      name: "CVE-2019-5188",
      description:
        "A code execution vulnerability exists in the directory rehashing functionality of E2fsprogs e2fsck 1.45.4. A specially crafted ext4 directory can cause an out-of-bounds write on the stack, resulting in code execution. An attacker can corrupt a partition to trigger this vulnerability.",
      severity: "MEDIUM", package: "e2fsprogs", version: "1.44.1-1ubuntu1.1",
      vector: "AV:L/AC:L/Au:N/C:P/I:P/A:P", score: "4.6"),
    Finding(
      name: "CVE-2023-4911",
      description:
        "A buffer overflow was discovered in the GNU C Library's dynamic loader ld.so while processing the GLIBC_TUNABLES environment variable. This issue could allow a local attacker to use maliciously crafted GLIBC_TUNABLES environment variables when launching binaries with SUID permission to execute code with elevated privileges.",
      severity: "HIGH", package: "glibc", version: "2.36-9+deb12u1",
      vector: "AV:L/AC:L/Au:N/C:C/I:C/A:C", score: "7.2"),
    Finding(
      name: "CVE-2022-37434",
      description:
        "zlib through 1.2.12 has a heap-based buffer over-read or buffer overflow in inflate in inflate.c via a large gzip header extra field.",
      severity: "CRITICAL", package: "zlib", version: "1:1.2.11.dfsg-2+deb11u1",
      vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", score: "7.5"),
    Finding(
      name: "CVE-2023-44487",
      description:
        "The HTTP/2 protocol allows a denial of service (server resource consumption) because request cancellation can reset many streams quickly.",
      severity: "HIGH", package: "nghttp2", version: "1.52.0-1",
      vector: "AV:N/AC:L/Au:N/C:N/I:N/A:P", score: "5.0"),
    Finding(
      name: "CVE-2023-29491",
      description:
        "ncurses before 6.4 20230408, when used by a setuid application, allows local users to trigger security-relevant memory corruption via malformed data.",
      severity: "LOW", package: "ncurses", version: "6.4-4",
      vector: "AV:L/AC:L/Au:N/C:P/I:P/A:P", score: "4.6"),
  ]

  /// The image's findings: from none to three of `known`, chosen by its digest.
  static func of(_ image: ECRImage) -> [Finding] {
    let hex = Array(image.digest.dropFirst(7))
    guard hex.count >= 4, let a = Int(String(hex[0...1]), radix: 16),
      let b = Int(String(hex[2...3]), radix: 16)
    else { return [] }
    let count = 1 + a % 3
    return (0..<count).map { known[(b + $0) % known.count] }
  }

  static func counts(_ findings: [Finding]) -> JSONValue {
    var counts: [String: Int] = [:]
    for f in findings { counts[f.severity, default: 0] += 1 }
    return .object(counts.keys.sorted().map { ($0, .int(counts[$0] ?? 0)) })
  }

  static func document(_ f: Finding) -> JSONValue {
    [
      "name": .string(f.name), "description": .string(f.description),
      "uri": .string("https://security-tracker.debian.org/tracker/\(f.name)"),
      "severity": .string(f.severity),
      "attributes": [
        ["key": "package_version", "value": .string(f.version)],
        ["key": "package_name", "value": .string(f.package)],
        ["key": "CVSS2_VECTOR", "value": .string(f.vector)],
        ["key": "CVSS2_SCORE", "value": .string(f.score)],
      ],
    ]
  }
}
