/// The quiz banks of the lessons folder: index.yaml lists their topics under `quizzes:`, each
/// topic names `quizzes/TOPIC.yaml`.
extension LessonLibrary {
  /// The topics index.yaml lists under `quizzes:`, in order.
  public var quizTopics: [String] {
    guard let text = try? file("index.yaml"),
      let root = try? YAMLNode.parse(text, path: "index.yaml"),
      let list = root["quizzes"], case .list(let items) = list.value
    else { return [] }
    return items.compactMap(\.string)
  }

  /// The bank of `topic`, parsed; every problem with its line when it does not load.
  public func quizBank(_ topic: String) -> Result<QuizBank, LessonLoadErrors> {
    let path = "quizzes/\(topic).yaml"
    do {
      guard let text = try file(path) else {
        return .failure(
          LessonLoadErrors([
            LessonLoadError(
              path: "index.yaml", line: 1,
              message: "quiz '\(topic)' is listed but \(path) does not exist")
          ]))
      }
      let root = try YAMLNode.parse(text, path: path)
      var decoder = LessonDecoder(path: path)
      let bank = decoder.decodeBank(root, topic: topic)
      guard let bank, decoder.errors.isEmpty else {
        return .failure(LessonLoadErrors(decoder.errors))
      }
      return .success(bank)
    } catch {
      return .failure(LessonLoadErrors([error]))
    }
  }

  /// Every bank that loads, in index order.
  public var quizBanks: [QuizBank] { quizTopics.compactMap { try? quizBank($0).get() } }
}
