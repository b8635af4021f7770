#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines without a terminal (pipes, `ecs-tutor < script.txt`): no prompt, no history.
/// Invalid UTF-8 becomes U+FFFD; `\r\n` endings lose their `\r`; a last line without a newline
/// still counts.
///
/// ```swift
/// var editor = PlainLineEditor(lines: ["help", "exit"])
/// editor.readLine(prompt: "") // .line("help")
/// ```
public struct PlainLineEditor: LineEditor {
  private var next: () -> String?

  /// Reads from a file descriptor (standard input by default).
  public init(fileDescriptor: Int32 = 0) {
    let reader = FileDescriptorLineReader(fileDescriptor: fileDescriptor)
    next = { reader.nextLine() }
  }

  /// Reads the given lines, then reports end of input.
  public init(lines: [String]) {
    var iterator = lines.makeIterator()
    next = { iterator.next() }
  }

  public mutating func readLine(prompt: String) -> LineRead {
    guard let line = next() else { return .eof }
    return .line(line)
  }

  public mutating func addHistory(_ line: String) {}
}

/// Splits the bytes of a file descriptor into lines. Reads in blocks, retries after EINTR (a
/// Ctrl-C handled elsewhere), and keeps arbitrarily long lines.
final class FileDescriptorLineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where the search for the next newline resumes (bytes before it hold none).
  private var scanned = 0
  private var atEnd = false

  init(fileDescriptor: Int32) { fd = fileDescriptor }

  func nextLine() -> String? {
    while true {
      if let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = decode(buffer[start..<newline])
        start = newline + 1
        scanned = start
        compact()
        return line
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = decode(buffer[start...])
        start = buffer.count
        compact()
        return line
      }
      scanned = buffer.count
      fill()
    }
  }

  private func fill() {
    var block = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: block[0..<n])
        return
      }
      if n < 0 && errno == EINTR { continue }
      atEnd = true
      return
    }
  }

  private func compact() {
    if start > 65536 && start * 2 > buffer.count {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
  }

  private func decode(_ bytes: ArraySlice<UInt8>) -> String {
    var slice = bytes
    if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
    return String(decoding: slice, as: UTF8.self)
  }
}
