/// What one call to ``LineEditor/readLine(prompt:)`` produced.
public enum LineRead: Sendable, Equatable {
  /// A finished line, without its newline.
  case line(String)
  /// Ctrl-C while editing: the line was thrown away; the caller goes on with a fresh prompt.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case eof
}

/// Reads lines from the learner: ``LibEditLineEditor`` on a terminal, ``PlainLineEditor`` for
/// pipes and files.
///
/// ```swift
/// var editor: any LineEditor = PlainLineEditor(lines: ["aws ecs list-clusters"])
/// if case .line(let text) = editor.readLine(prompt: "$ ") { print(text) }
/// ```
public protocol LineEditor {
  /// Shows `prompt` (where the editor draws prompts) and reads the next line.
  mutating func readLine(prompt: String) -> LineRead
  /// Remembers `line` for Up/Down and Ctrl-R (and saves the history file, when there is one).
  mutating func addHistory(_ line: String)
}

/// Completion candidates for the word before the cursor: whole replacement words.
///
/// ```swift
/// let completer: Completer = { line, cursor in line.hasSuffix("reg") ? ["register-task-definition"] : [] }
/// ```
public typealias Completer = (_ line: String, _ cursorByteOffset: Int) -> [String]
