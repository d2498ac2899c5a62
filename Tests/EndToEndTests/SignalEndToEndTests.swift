import Foundation
import Testing

/// Issue 17: whatever ends the dashboard, the terminal comes back exactly as it was.
/// `synctop demo` runs in a tmux pane between two `stty -a`; the two must be equal, and the
/// exit status is 128+N for the signal that ended it.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct SignalEndToEndTests {
    /// One `synctop demo` in a pane: `stty -a` of the pane's tty before and after it.
    final class DemoPane {
        let dir = Harness.scratch("signal")
        let tmux: TmuxSession
        var before: String { (try? String(contentsOfFile: dir + "/before", encoding: .utf8)) ?? "(none)" }
        var after: String { (try? String(contentsOfFile: dir + "/after", encoding: .utf8)) ?? "(none)" }

        init(env: [String: String] = [:]) throws {
            let command = "stty -a > \(dir)/before; \(Harness.binary) demo; s=$?; stty -a > \(dir)/after; echo EXIT:$s; (exit $s)"
            tmux = try TmuxSession(command: command, env: ["XDG_CACHE_HOME": dir + "/cache"].merging(env) { $1 })
        }

        /// The demo's PID once its dashboard shows a poll.
        func started() throws -> Int32 {
            let up = tmux.waitFor("polled", timeout: 20)
            #expect(up.found, "the demo did not come up:\n\(up.screen)")
            return try #require(tmux.commandPID())
        }

        /// Polls every 20 ms until `pid` is gone (reaped by the pane's shell); the seconds it took.
        func secondsUntilGone(_ pid: Int32, limit: TimeInterval = 40) -> TimeInterval {
            let start = Date()
            while kill(pid, 0) == 0, Date().timeIntervalSince(start) < limit { usleep(20_000) }
            return Date().timeIntervalSince(start)
        }

        /// After the pane printed `EXIT:`: restored terminal, screen, status.
        func expectRestored(status: Int32, _ what: String) {
            let done = tmux.waitFor("EXIT:", timeout: 20)
            #expect(done.found, "\(what): synctop did not end:\n\(done.screen)")
            #expect(done.screen.contains("EXIT:\(status)"), "\(what): want exit \(status):\n\(done.screen)")
            #expect(!done.screen.contains("Model cost map"), "\(what): the dashboard's screen is still shown:\n\(done.screen)")
            #expect(before == after, "\(what): stty -a differs.\nbefore:\n\(before)\nafter:\n\(after)")
            #expect(after.contains(" echo "), "\(what): echo is off:\n\(after)")
        }
    }

    static let terminating: [(String, Int32)] = [
        ("HUP", SIGHUP), ("INT", SIGINT), ("QUIT", SIGQUIT), ("TERM", SIGTERM), ("USR1", SIGUSR1), ("USR2", SIGUSR2),
        ("ALRM", SIGALRM), ("VTALRM", SIGVTALRM), ("PROF", SIGPROF), ("XCPU", SIGXCPU), ("XFSZ", SIGXFSZ), ("SYS", SIGSYS),
    ]

    @Test(arguments: terminating)
    func aTerminatingSignalRestoresAndExits128PlusN(name: String, number: Int32) throws {
        let pane = try DemoPane()
        defer { pane.tmux.kill() }
        let pid = try pane.started()
        _ = try Harness.run("/bin/kill", ["-s", name, String(pid)])
        #expect(pane.secondsUntilGone(pid, limit: 10) < 10, "SIG\(name): still running")
        pane.expectRestored(status: 128 + number, "SIG\(name)")
    }

    static let crashes: [(String, Int32)] = [
        ("SEGV", SIGSEGV), ("ILL", SIGILL), ("TRAP", SIGTRAP), ("ABRT", SIGABRT), ("BUS", SIGBUS), ("FPE", SIGFPE),
    ]

    /// The process dies by the signal itself (the shell says 128+N) within 2 s: Swift's
    /// backtracer is not waited for (it took ~31 s).
    @Test(arguments: crashes)
    func aCrashSignalRestoresAndIsGoneWithinTwoSeconds(name: String, number: Int32) throws {
        let pane = try DemoPane()
        defer { pane.tmux.kill() }
        let pid = try pane.started()
        _ = try Harness.run("/bin/kill", ["-s", name, String(pid)])
        let seconds = pane.secondsUntilGone(pid)
        #expect(seconds < 2, "SIG\(name): the process took \(seconds) s to go")
        pane.expectRestored(status: 128 + number, "SIG\(name)")
        #expect(pane.tmux.capture().contains("synctop crashed (SIG\(name))"), "no crash note:\n\(pane.tmux.capture())")
    }

    /// A real Swift `fatalError` (a trap, not a `kill`), on the main thread and on another.
    /// Timed from the first live frame, which the crash follows at once
    /// (`SYNCTOP_BENCH_FIRST_FRAME` writes its time).
    @Test(arguments: ["main", "thread"])
    func aFatalErrorRestoresAndIsGoneWithinTwoSeconds(thread: String) throws {
        let dir = Harness.scratch("fatal")
        let pane = try DemoPane(env: ["SYNCTOP_TEST_CRASH": thread, "SYNCTOP_BENCH_FIRST_FRAME": dir + "/frame"])
        defer { pane.tmux.kill() }
        var pid: Int32?
        #expect(Harness.eventually(timeout: 20) {
            pid = pane.tmux.commandPID()
            return pid != nil || pane.tmux.capture().contains("EXIT:")
        })
        if let pid { _ = pane.secondsUntilGone(pid) }
        var gone = timespec()
        clock_gettime(CLOCK_REALTIME, &gone)
        let done = pane.tmux.waitFor("EXIT:", timeout: 40)
        let frame = (try? String(contentsOfFile: dir + "/frame", encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let frameAt = try #require(frame, "no live frame was drawn:\n\(done.screen)")
        let seconds = Double(Int(gone.tv_sec) * 1_000_000_000 + Int(gone.tv_nsec) - frameAt) / 1e9
        #expect(seconds < 2, "\(thread): gone \(seconds) s after the frame that crashed")
        // Swift traps with ud2 (SIGILL) on x86_64, brk (SIGTRAP) on arm64.
        #expect(done.screen.contains("synctop crashed (SIGILL)") || done.screen.contains("synctop crashed (SIGTRAP)"),
                "no crash note:\n\(done.screen)")
        #expect(!done.screen.contains("Model cost map"), "the dashboard's screen is still shown:\n\(done.screen)")
        #expect(pane.before == pane.after, "stty -a differs.\nbefore:\n\(pane.before)\nafter:\n\(pane.after)")
    }
}
