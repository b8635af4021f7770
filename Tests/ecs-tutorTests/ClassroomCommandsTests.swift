import ECSTutor
import Foundation
import Testing

@testable import ecs_tutor

/// The classroom commands' command lines, and the progress store with older files.
@Suite struct ClassroomCommandsTests {
  @Test(arguments: [
    ["walkthrough", "first-cluster"], ["replay", "t.jsonl"], ["report"], ["--record", "t.jsonl"],
    ["run", "--record", "t.jsonl", "a.txt"],
  ])
  func theNewStartsGoThroughTheParser(arguments: [String]) {
    #expect(FastStart(arguments) == nil)
  }

  @Test func recordIsReadWhereverASessionStarts() throws {
    #expect(try ECSTutorCommand.parse(["--record", "a.jsonl"]).recording.record == "a.jsonl")
    #expect(try RunCommand.parse(["--record", "b.jsonl", "x.txt"]).recording.record == "b.jsonl")
    let w = try WalkthroughCommand.parse(
      ["first-cluster", "--auto", "--delay", "0", "--from-step", "3", "--record", "c.jsonl"])
    #expect(w.recording.record == "c.jsonl" && w.auto && w.delay == 0 && w.fromStep == 3)
  }

  @Test(arguments: [["report"], ["replay", "t.jsonl"], ["walkthrough", "first-cluster"]])
  func theLanguageOptionReachesTheSubcommand(arguments: [String]) throws {
    let command = try ECSTutorCommand.parseAsRoot(arguments + ["--lang", "ja", "--lessons", "L"])
    let options =
      (command as? ReportCommand)?.options ?? (command as? ReplayCommand)?.common
      ?? (command as? WalkthroughCommand)?.options
    #expect(options?.start.language == .ja)
    #expect(options?.lessons == "L")
  }

  @Test(arguments: [
    (["--merge"], false), (["a.json"], false), (["--format", "csv"], false),
    (["--merge", "dir", "--format", "csv"], true), (["--format", "json", "--name", "ann"], true),
  ])
  func reportOptionsAreChecked(arguments: [String], valid: Bool) {
    // `parse` runs `validate`, which refuses the combinations that make no sense.
    #expect(((try? ReportCommand.parse(arguments)) != nil) == valid, "\(arguments)")
  }

  @Test(arguments: [
    (
      1,
      """
      {"version": 1, "lessons": {"first-cluster": {"step": 1, "solved": ["create-cluster"],
       "solvedWithHelp": [], "hintsUsed": {"create-cluster": 2}, "completed": false}}}
      """
    ),
    (
      2,
      """
      {"version": 2, "lessons": {"first-cluster": {"step": 1, "solved": ["create-cluster"],
       "solvedWithHelp": [], "hintsUsed": {"create-cluster": 2}, "completed": false,
       "typed": ["aws ecs create-cluster --cluster-name demo"], "typedFrom": 0}}}
      """
    ),
  ])
  func olderProgressFilesAreMigratedAndKept(version: Int, json: String) throws {
    let folder = NSTemporaryDirectory() + "/ecs-tutor-classroom-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let store = ProgressStore(path: folder + "/progress.json")
    try json.write(toFile: store.path, atomically: true, encoding: .utf8)
    let loaded = store.load()
    #expect(loaded.progress.version == ECSTutor.Progress.currentVersion)
    #expect(loaded.progress.lessons["first-cluster"]?.hintsUsed == ["create-cluster": 2])
    #expect(loaded.progress.lessons["first-cluster"]?.solved == ["create-cluster"])
    #expect(try String(contentsOfFile: store.path + ".v\(version)", encoding: .utf8) == json)
    try store.save(loaded.progress)
    #expect(store.load().progress == loaded.progress)
  }
}
