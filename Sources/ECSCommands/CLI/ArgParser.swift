/// The small part of Python's argparse the AWS CLI relies on: long options with unambiguous
/// prefixes, `--opt=value`, nargs one / one-or-more / optional, flags, unknown options collected
/// rather than rejected (parse_known_args), in argparse's words.
struct ArgParser {
  enum Arity: Equatable {
    case flag
    case one
    case many
    case optional(const: String)
  }

  struct Option {
    var name: String  // "--region"
    var arity: Arity
    var choices: [String]? = nil
    /// argparse `type=int`: values must be Python integers.
    var isInt = false
  }

  struct Result {
    /// Values per option name in the order given; flags hold no words.
    var values: [(option: String, words: [String])] = []
    /// Words not taken by options, in order (unknown options and free words).
    var extras: [String] = []
    /// Index in `extras` of each free (non-option) word.
    var freeWordIndexes: [Int] = []

    func last(_ option: String) -> [String]? { values.last { $0.option == option }?.words }
    func has(_ option: String) -> Bool { values.contains { $0.option == option } }
    var freeWords: [String] { freeWordIndexes.map { extras[$0] } }
  }

  var options: [Option]

  private enum Kind {
    case option(Option, explicit: String?)
    case unknownOption
    case word
  }

  private func classify(_ arg: String) throws(CLIUsageError) -> Kind {
    guard arg.hasPrefix("-"), arg.count > 1 else { return .word }
    if let o = options.first(where: { $0.name == arg }) { return .option(o, explicit: nil) }
    var head = arg
    var explicit: String?
    if let eq = arg.firstIndex(of: "=") {
      head = String(arg[..<eq])
      explicit = String(arg[arg.index(after: eq)...])
      if let o = options.first(where: { $0.name == head }) { return .option(o, explicit: explicit) }
    }
    if arg.hasPrefix("--") {
      let matches = options.filter { $0.name.hasPrefix(head) }
      if matches.count > 1 {
        throw CLIUsageError(
          "ambiguous option: \(head) could match "
            + matches.map(\.name).joined(separator: ", "))
      }
      if let o = matches.first { return .option(o, explicit: explicit) }
    }
    if isNegativeNumber(arg) || arg.contains(" ") { return .word }
    return .unknownOption
  }

  private func isNegativeNumber(_ s: String) -> Bool {
    // argparse: '^-\d+$|^-\d*\.\d+$'
    let body = Array(s.dropFirst())
    guard !body.isEmpty else { return false }
    let digits: (ArraySlice<Character>) -> Bool = { $0.allSatisfy { $0 >= "0" && $0 <= "9" } }
    if digits(body[...]) { return true }
    if let dot = body.firstIndex(of: ".") {
      let after = body[(dot + 1)...]
      return digits(body[..<dot]) && !after.isEmpty && digits(after)
    }
    return false
  }

  func parse(_ args: [String]) throws(CLIUsageError) -> Result {
    var kinds: [Kind] = []
    var words = args
    if let dd = args.firstIndex(of: "--") {
      words.remove(at: dd)
      for a in args[..<dd] { kinds.append(try classify(a)) }
      kinds += Array(repeating: .word, count: args.count - dd - 1)
    } else {
      for a in args { kinds.append(try classify(a)) }
    }
    var result = Result()
    var i = 0
    while i < words.count {
      switch kinds[i] {
      case .word:
        result.freeWordIndexes.append(result.extras.count)
        result.extras.append(words[i])
        i += 1
      case .unknownOption:
        result.extras.append(words[i])
        i += 1
      case .option(let o, let explicit):
        i += 1
        var taken: [String] = []
        var following: [String] = []
        var k = i
        while k < words.count, case .word = kinds[k] {
          following.append(words[k])
          k += 1
        }
        switch o.arity {
        case .flag:
          if let explicit {
            throw CLIUsageError("argument \(o.name): ignored explicit argument '\(explicit)'")
          }
        case .one:
          if let explicit {
            taken = [explicit]
          } else {
            guard let first = following.first else {
              throw CLIUsageError("argument \(o.name): expected one argument")
            }
            taken = [first]
            i += 1
          }
        case .many:
          if let explicit {
            taken = [explicit]
          } else {
            guard !following.isEmpty else {
              throw CLIUsageError("argument \(o.name): expected at least one argument")
            }
            taken = following
            i += following.count
          }
        case .optional(let const):
          if let explicit {
            taken = [explicit]
          } else if let first = following.first {
            taken = [first]
            i += 1
          } else {
            taken = [const]
          }
        }
        if o.isInt, let v = taken.first, (try? PythonText.int(v)) == nil {
          throw CLIUsageError("argument \(o.name): invalid int value: \(PythonText.repr(v))")
        }
        if let choices = o.choices, let v = taken.first, !choices.contains(v) {
          throw CLIUsageError("argument \(o.name): " + Self.invalidChoice(v, choices))
        }
        result.values.append((o.name, taken))
      }
    }
    return result
  }

  /// awscli's CLIArgParser._check_value text, used for short choice lists (`--output`).
  static func invalidChoice(_ value: String, _ choices: [String]) -> String {
    var lines = ["Invalid choice, valid choices are:\n"]
    var i = 0
    while i < choices.count {
      let row = choices[i..<min(i + 2, choices.count)].map { $0.padding(40) }
      lines.append(row.joined(separator: " | "))
      i += 2
    }
    let possible = CloseMatches.find(value, in: choices)
    if !possible.isEmpty {
      lines.append("\n\nInvalid choice: \(PythonText.repr(value)), maybe you meant:\n")
      lines += possible.map { "  * \($0)" }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// Python's `'%-40s' % s`.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

/// An argparse-level error: printed after the usage block as `aws: error: MESSAGE`.
struct CLIUsageError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
