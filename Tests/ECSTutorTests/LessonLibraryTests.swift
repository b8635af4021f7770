import ECSModel
import Testing

@testable import ECSTutor

@Suite struct LessonLibraryTests {
  static let lesson = """
    id: tiny
    title: { en: Tiny, ja: 小さい }
    intro: { en: Intro, ja: はじめに }
    steps:
      - id: make
        text: { en: Make demo, ja: demo を作る }
        expect:
          - cluster: demo
            match: { status: ACTIVE }
        hints:
          - { en: create-cluster, ja: create-cluster }
        solution:
          - aws ecs create-cluster --cluster-name demo
    """

  static func load(_ files: [String: String]) -> Result<LessonLibrary, LessonLoadErrors> {
    Result { () throws(LessonLoadErrors) in
      try LessonLibrary.load(files: files.map { LessonFile(path: $0.key, text: $0.value) })
    }
  }

  @Test func loadsIndexAndLesson() throws {
    let lib = try Self.load(["index.yaml": "lessons: [tiny]", "tiny.yaml": Self.lesson]).get()
    #expect(lib.lessons.map(\.id) == ["tiny"])
    #expect(lib.lessons[0].steps[0].solution == ["aws ecs create-cluster --cluster-name demo"])
  }

  @Test(arguments: [
    (
      "lessons: [tiny, missing]", lesson,
      "index.yaml:1: lesson 'missing' is listed but missing.yaml does not exist"
    ),
    (
      "lessons: [tiny]", lesson.replacingOccurrences(of: "ja: はじめに", with: "de: x"),
      "tiny.yaml:3: unknown key 'de' in intro"
    ),
    (
      "lessons: [tiny]", lesson.replacingOccurrences(of: "match:", with: "mtach:"),
      "tiny.yaml:9: unknown key 'mtach' in assertion (did you mean 'match'?)"
    ),
    (
      "lessons: [tiny]", lesson.replacingOccurrences(of: "cluster: demo", with: "clustr: demo"),
      "tiny.yaml:8: an assertion names exactly one of"
    ),
    ("lessons: [tiny]", lesson + "\n  - [unclosed", "tiny.yaml:"),
    ("lessons: [tiny]", "!!python/object:os.system {}", "tiny.yaml:1: custom YAML tag"),
    (
      "lessons: [tiny]",
      lesson.replacingOccurrences(
        of: "    solution:\n      - aws ecs create-cluster --cluster-name demo", with: ""),
      "tiny.yaml:5: step 'make' needs a 'solution'"
    ),
  ])
  func errorsNameFileAndLine(index: String, text: String, expected: String) {
    switch Self.load(["index.yaml": index, "tiny.yaml": text]) {
    case .success: Issue.record("expected an error containing \(expected)")
    case .failure(let e):
      #expect(
        e.errors.contains { $0.description.hasPrefix(expected) },
        "got \(e.errors.map(\.description))")
    }
  }

  @Test func verifierPassesAGoodLessonAndFailsABrokenSolution() throws {
    let good = try Self.load(["index.yaml": "lessons: [tiny]", "tiny.yaml": Self.lesson]).get()
    let ok = LessonVerifier.verify(good)
    #expect(ok.passed == 1 && ok.failed == 0, "\(ok.lines)")
    let brokenText = Self.lesson.replacingOccurrences(
      of: "--cluster-name demo", with: "--cluster-name other")
    let broken = try Self.load(["index.yaml": "lessons: [tiny]", "tiny.yaml": brokenText]).get()
    let bad = LessonVerifier.verify(broken)
    #expect(bad.failed == 1)
    #expect(bad.lines.first?.contains("does not pass after its solution") == true)
  }

  @Test func verifierFailsAStepThatPassesBeforeItsSolution() throws {
    let text = Self.lesson.replacingOccurrences(
      of: "steps:\n", with: "setup:\n  - aws ecs create-cluster --cluster-name demo\nsteps:\n")
    let lib = try Self.load(["index.yaml": "lessons: [tiny]", "tiny.yaml": text]).get()
    let r = LessonVerifier.verify(lib)
    #expect(r.failed == 1)
    #expect(r.lines.first?.contains("passes before its solution") == true)
  }

  /// The tutor starts on the index alone: a broken lesson file does not stop the others, and
  /// says what is wrong with it when it is asked for.
  @Test func theIndexLoadsWithoutParsingLessonsAndABrokenOneReportsWhenAsked() throws {
    let files = [
      LessonFile(path: "index.yaml", text: "lessons: [tiny, broken]"),
      LessonFile(path: "tiny.yaml", text: Self.lesson),
      LessonFile(path: "broken.yaml", text: "id: broken\nsteps: [\n"),
      LessonFile(path: "diagnoses.yaml", text: "diagnoses: [unclosed"),
    ]
    let lib = try LessonLibrary.index(files: files)
    #expect(lib.ids == ["tiny", "broken"])
    #expect(lib.lesson("tiny")?.steps.count == 1)
    #expect(lib.lesson("broken") == nil)
    #expect(lib.problems("broken").first?.description.hasPrefix("broken.yaml:") == true)
    #expect(lib.problems("tiny").isEmpty)
    #expect(lib.diagnoses.isEmpty)
    #expect(throws: LessonLoadErrors.self) { try LessonLibrary.load(files: files) }
  }

  /// Scalars are typed by the lesson decoder, not by YAML's regular-expression resolver: a
  /// date-like or octal-like plain value stays the text the author wrote.
  @Test func plainScalarsKeepTheirText() throws {
    let node = try YAMLNode.parse("a: 2024-01-01\nb: 0o17\nc: 42\nd: yes\ne: ~", path: "x.yaml")
    #expect(node["a"]?.json == .string("2024-01-01"))
    #expect(node["b"]?.json == .string("0o17"))
    #expect(node["c"]?.json == .int(42))
    #expect(node["d"]?.json == .string("yes"))
    #expect(node["e"]?.json == .null)
  }

  /// `lesson ID` on a lesson whose file does not load says where the problem is, instead of
  /// "there is no lesson".
  @Test func enteringABrokenLessonNamesTheProblem() throws {
    let lib = try LessonLibrary.index(files: [
      LessonFile(path: "index.yaml", text: "lessons: [broken]"),
      LessonFile(path: "broken.yaml", text: "id: broken\nsteps: [\n"),
    ])
    var s = Session(config: SessionConfig(language: .en, narrate: false), lessons: lib)
    let out = s.handle("lesson broken")
    #expect(out.map(\.text).joined().contains("could not be loaded"))
    #expect(out.map(\.text).joined().contains("broken.yaml:"))
    #expect(s.lastStatus == 1)
  }
}
