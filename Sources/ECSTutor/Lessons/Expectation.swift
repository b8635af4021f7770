/// What a step expects of one field, as a value the catalogue puts into words in each language
/// (never an English phrase that a Japanese sentence would have to quote).
public indirect enum Expectation: Sendable, Equatable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// Equal to this value (shown as is: `256`, `nginx`, `{type: memberOf}`).
  case value(String)
  /// Set to anything.
  case present
  /// Not set.
  case absent
  /// Any of these.
  case oneOf([Expectation])
  case atLeast(String)
  case atMost(String)
  case between(String, String)
  /// Text matching a regular expression, in the words of its shape.
  case pattern(Pattern)
  /// A list holding this item, or text holding this substring.
  case containing(String)
  /// Anything but this.
  case not(Expectation)
  /// A list item like this (matched without a key).
  case itemLike(String)
  /// A list item whose key has this value, e.g. `name=web`.
  case keyedItem(String)
  case object
  case list

  /// The shapes of regular expressions lessons use, so `check` can say them in words.
  public enum Pattern: Sendable, Equatable {
    /// `^nginx(:latest)?$`: `nginx`, with or without `:latest`.
    case withOrWithout(String, suffix: String)
    /// `^sha256:`
    case startsWith(String)
    /// `/web:v1$`
    case endsWith(String)
    /// `^web$`
    case exactly(String)
    /// `web` with no anchors
    case contains(String)
    /// Anything else: shown as the expression.
    case regex(String)
  }

  public init(stringLiteral value: String) { self = .value(value) }

  /// English, for logs and `lessons verify`.
  public var description: String { Msg.expectation(self, path: "").text(.en) }
}

/// What `check` found in a field.
public enum Found: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The value that is there.
  case value(String)
  /// The list is there, but no item has the key's value (or is like the expected item).
  case noMatchingItem
  /// The list is empty.
  case emptyList

  public init(stringLiteral value: String) { self = .value(value) }
  public var description: String { Msg.found(self).text(.en) }
}
