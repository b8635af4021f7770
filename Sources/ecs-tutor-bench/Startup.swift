// Start-up figures: the release `ecs-tutor` beside this benchmark, started as a learner and a
// script start it, timed from spawn to the prompt (in a pseudo-terminal) or to exit.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The `ecs-tutor` binary next to this benchmark's own, if it was built.
func tutorBinary() -> String? {
  let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  let path = me.deletingLastPathComponent().appendingPathComponent("ecs-tutor").path
  return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// Starts `arguments` with posix_spawn (Foundation's `Process` adds tens of milliseconds of its
/// own), its standard streams on `stdio` (or /dev/null), and returns its pid.
func spawn(_ arguments: [String], environment: [String: String], stdio: Int32? = nil) -> pid_t? {
  #if canImport(Glibc)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
      if let stdio {
        posix_spawn_file_actions_adddup2(&actions, stdio, fd)
      } else {
        posix_spawn_file_actions_addopen(
          &actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
      }
    }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return nil }
    return pid
  #else
    return nil
  #endif
}

/// Milliseconds from spawn to exit of `arguments`, stdin from `/dev/null`, output discarded;
/// with `cpu`, the CPU time (user + system) the process used instead, which a busy machine
/// disturbs less than the wall time.
func timeToExit(_ arguments: [String], environment: [String: String], cpu: Bool = false)
  -> Double?
{
  let clock = ContinuousClock()
  let start = clock.now
  guard let pid = spawn(arguments, environment: environment) else { return nil }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let wall = seconds(clock.now - start) * 1000
  guard cpu else { return wall }
  func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
  return ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// Milliseconds from spawn until `marker` appears on the pseudo-terminal the program runs in
/// (the REPL's prompt), then the program is ended.
func timeToPrompt(_ arguments: [String], environment: [String: String], marker: String = "$ ")
  -> Double?
{
  #if canImport(Glibc)
    var master: Int32 = 0
    var slave: Int32 = 0
    var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { return nil }
    defer { close(master) }
    let clock = ContinuousClock()
    let start = clock.now
    let child = spawn(arguments, environment: environment, stdio: slave)
    close(slave)
    guard let pid = child else { return nil }
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    let want = Array(marker.utf8)
    var found: Double?
    while found == nil {
      var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      if poll(&fds, 1, 5000) <= 0 { break }
      let n = read(master, &buffer, buffer.count)
      if n <= 0 { break }
      seen += buffer[0..<n]
      if seen.count >= want.count,
        (0...(seen.count - want.count)).contains(where: {
          Array(seen[$0..<($0 + want.count)]) == want
        })
      {
        found = seconds(clock.now - start) * 1000
      }
    }
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return found
  #else
    return nil
  #endif
}

/// The median of `runs` measurements (after one warm-up run), nil if any failed.
func median(runs: Int, _ measure: () -> Double?) -> Double? {
  _ = measure()
  var values: [Double] = []
  for _ in 0..<runs {
    guard let v = measure() else { return nil }
    values.append(v)
  }
  values.sort()
  return values[values.count / 2]
}

/// Prints the start-up figures: `--version`, start to prompt at a terminal, a piped start to
/// end of input, and `run FILE` with one command; each the median of 20 runs.
func printStartupFigures() {
  guard let tutor = tutorBinary() else {
    print("start-up: skipped (build .build/release/ecs-tutor first: make bench does)")
    return
  }
  let home = NSTemporaryDirectory() + "ecs-tutor-bench-\(getpid())"
  try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: home) }
  let script = home + "/one.txt"
  try? "aws ecs list-clusters\n".write(toFile: script, atomically: true, encoding: .utf8)
  var env = ProcessInfo.processInfo.environment
  env["HOME"] = home
  env["XDG_STATE_HOME"] = home + "/state"
  env["TERM"] = "xterm"
  env["LANG"] = "C.UTF-8"
  let runs = 20
  func show(_ label: String, _ value: Double?, goal: Double? = nil) {
    let figure = value.map { format($0, 1) + " ms" } ?? "failed"
    let target =
      goal.map { g in
        value.map {
          $0 <= g ? " (goal ≤ \(format(g, 0)) ms: met)" : " (goal ≤ \(format(g, 0)) ms: NOT met)"
        } ?? ""
      } ?? ""
    print("  \(label): \(figure)\(target)")
  }
  print("start-up (median of \(runs) runs, release build):")
  show(
    "a process that does nothing (/bin/true), the floor",
    median(runs: runs) { timeToExit(["/bin/true"], environment: env) })
  show(
    "ecs-tutor --version",
    median(runs: runs) { timeToExit([tutor, "--version"], environment: env) })
  show(
    "start to prompt at a terminal (lessons indexed, history loaded)",
    median(runs: runs) { timeToPrompt([tutor], environment: env) }, goal: 10)
  show(
    "piped start to end of input (ecs-tutor < /dev/null)",
    median(runs: runs) { timeToExit([tutor], environment: env) })
  show(
    "  its CPU time (user + system)",
    median(runs: runs) { timeToExit([tutor], environment: env, cpu: true) })
  show(
    "ecs-tutor run FILE with one `aws ecs list-clusters`",
    median(runs: runs) { timeToExit([tutor, "run", script], environment: env) }, goal: 12)
  show(
    "  its CPU time (user + system)",
    median(runs: runs) { timeToExit([tutor, "run", script], environment: env, cpu: true) })
}
