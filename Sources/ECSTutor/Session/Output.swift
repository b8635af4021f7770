/// One piece of what the session says back; the executable decides colour, width and stream.
public struct Output: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// What the simulated command printed to stdout (JSON, text, table): printed verbatim.
    case stdout
    /// What the simulated command printed to stderr: printed verbatim to stderr.
    case stderr
    /// The tutor's own words (Markdown subset already rendered to plain lines with `Style` spans).
    case tutor(Style)
  }
  public enum Style: Sendable, Equatable {
    case plain, success, failure, hint, heading, dim
    /// A `→` line about something that went wrong (a mistake pointer, a diagnosis, a
    /// did-you-mean): in a pipe it goes to stderr with the error it explains.
    case pointer
  }
  public var kind: Kind
  public var text: String

  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}
