import Testing

@testable import ecs_tutor

/// The starts that skip the argument parser must mean exactly what the parser would make of
/// them, and every other start must still reach the parser.
@Suite struct FastStartTests {
  @Test(arguments: [
    ([], FastStart.repl),
    (["run", "a.txt"], .run(["a.txt"])),
    (["run", "a.txt", "dir/b.txt"], .run(["a.txt", "dir/b.txt"])),
  ])
  func fastStarts(arguments: [String], expected: FastStart) {
    #expect(FastStart(arguments) == expected)
  }

  @Test(arguments: [
    ["--version"], ["--lang", "ja"], ["run"], ["run", "--keep-going", "a.txt"],
    ["run", "a.txt", "--seed", "3"], ["run", "-"], ["run", ""], ["lessons", "verify"],
    ["help"], ["run", "a.txt", "-h"],
  ])
  func everythingElseGoesToTheParser(arguments: [String]) {
    #expect(FastStart(arguments) == nil)
  }

  @Test func theParserReadsTheFastStartsAsTheDefaults() throws {
    let run = try RunCommand.parse(["a.txt", "dir/b.txt"])
    #expect(run.files == ["a.txt", "dir/b.txt"])
    #expect(run.keepGoing == false)
    #expect(run.options.start == StartOptions())
    let root = try ECSTutorCommand.parse([])
    #expect(root.options.start == StartOptions())
    #expect(root.noColor == false)
  }
}
