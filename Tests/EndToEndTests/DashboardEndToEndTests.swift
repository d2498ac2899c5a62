import Foundation
import Testing

/// The built binary in a real terminal (tmux) against the simulator, read off the screen.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct DashboardEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    func dashboard(_ sim: SimulatorProcess, extra: String = "", width: Int = 100, height: Int = 30,
                   env: [String: String] = key) throws -> TmuxSession {
        try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 2 \(extra)", width: width, height: height, env: env)
    }

    @Test func showsLiveValuesAndFollowsAScheduleChange() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try dashboard(sim)
        defer { tmux.kill() }
        let first = tmux.waitFor("polled")
        #expect(first.found, "no poll shown:\n\(first.screen)")
        #expect(first.screen.contains("Model cost map"))
        #expect(first.screen.contains("Anthropic beta headers"))
        #expect(first.screen.contains("Cost map source"))
        #expect(first.screen.contains("db: connected"))
        #expect(first.screen.contains("sk-…demo"), "masked key")
        #expect(!first.screen.contains(SimulatorProcess.masterKey), "key never in full")

        // Change the schedule behind synctop's back: the screen follows within one poll.
        let r = try Harness.curl(["-X", "POST", "-H", "Authorization: Bearer \(SimulatorProcess.masterKey)",
                                  "\(sim.baseURL)/schedule/anthropic_beta_headers_reload?hours=12"])
        #expect(r.out.contains("scheduled for every 12 hours"))
        let after = tmux.waitFor("every 12 h", timeout: 6)
        #expect(after.found, "schedule change not shown:\n\(after.screen)")
        #expect(after.screen.contains("Anthropic beta headers: scheduled every 12 h"), "and noted in events")
    }

    /// Idle CPU (issue 2): no libdispatch pool thread in the dashboard, because the first
    /// one starts a monitor that wakes every second for good. libdispatch names its workers
    /// "com.apple.root.…-qos…" (threads they start inherit it): after start-up (the first
    /// poll, the mapping fetch, the cost-map snapshot) and a write, none may exist.
    @Test func theDashboardStartsNoLibdispatchThread() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL)", width: 100, height: 30, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        #expect(tmux.waitFor("beta-header mapping").found, "the start-up mapping fetch has not ended")
        tmux.send("r")
        #expect(tmux.waitFor("Reload the model cost map").found)
        tmux.send("y")
        #expect(tmux.waitFor("models updated").found, "the reload did not finish:\n\(tmux.capture())")
        usleep(3_000_000) // the cost map fetched again after the reload, and its diff
        let names = try tmux.threadNames()
        #expect(names.count >= 3, "\(names)")
        #expect(!names.contains { $0.contains("qos") }, "libdispatch threads: \(names)")
    }

    @Test func countdownTicksEverySecond() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let tmux = try dashboard(sim, extra: "--interval 60")
        defer { tmux.kill() }
        #expect(tmux.waitFor("Countdown").found)
        func countdown(_ screen: String) -> String? {
            screen.split(separator: "\n").first { $0.contains("Countdown") }.map(String.init)
        }
        let a = countdown(tmux.capture())
        usleep(2_200_000)
        let b = countdown(tmux.capture())
        #expect(a != nil && a != b, "countdown did not move with a 60 s poll interval: \(a ?? "-") / \(b ?? "-")")
    }

    @Test func goesStaleWhenTheProxyDiesAndRecovers() throws {
        let sim = try SimulatorProcess()
        let port = sim.port
        let tmux = try dashboard(sim)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        sim.stop()
        let stale = tmux.waitFor("STALE", timeout: 8)
        #expect(stale.found, "no stale marker:\n\(stale.screen)")
        #expect(stale.screen.contains("proxy unreachable"))
        #expect(stale.screen.contains("Schedule  not scheduled"), "last known values stay on screen")
        let back = try SimulatorProcess(port: port)
        defer { back.stop() }
        let recovered = tmux.waitFor("proxy answering again", timeout: 25)
        #expect(recovered.found, "did not recover by itself:\n\(recovered.screen)")
    }

    @Test func wrongKeySaysSoInWords() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try dashboard(sim, env: ["LITELLM_PROXY_API_KEY": "sk-wrong-key-0000"])
        defer { tmux.kill() }
        let s = tmux.waitFor("not accepted")
        #expect(s.found, "\(s.screen)")
        #expect(s.screen.contains("sk-…0000"))
    }

    @Test func nonAdminKeyNamesItsRole() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try dashboard(sim, env: ["LITELLM_PROXY_API_KEY": "sk-synctop-user"])
        defer { tmux.kill() }
        let s = tmux.waitFor("internal_user")
        #expect(s.found, "\(s.screen)")
    }

    @Test func quitRestoresTheTerminal() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try dashboard(sim)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("?")
        #expect(tmux.waitFor("poll the proxy now").found, "help overlay")
        tmux.send("Escape")
        tmux.send("q")
        let done = tmux.waitFor("EXITED 0 echo")
        #expect(done.found, "exit 0 with echo back on:\n\(done.screen)")
        #expect(!done.screen.contains("Model cost map"), "alternate screen left")
    }

    @Test(arguments: [("TERM", 143), ("INT", 130), ("HUP", 129), ("SEGV", 139)])
    func signalsAndCrashesRestoreTheTerminal(signal: String, status: Int) throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try dashboard(sim)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        let pid = try #require(tmux.commandPID())
        _ = try Harness.run("/bin/kill", ["-\(signal)", String(pid)])
        // A crash no longer waits for Swift's backtracer (`SignalEndToEndTests` times it).
        let done = tmux.waitFor("EXITED \(status) echo", timeout: 20)
        #expect(done.found, "after SIG\(signal): want exit \(status) with echo on:\n\(done.screen)")
        #expect(!done.screen.contains("Model cost map"), "alternate screen left after SIG\(signal)")
    }

    @Test func tinyTerminalSaysSoAndRecovers() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try dashboard(sim)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.resize(width: 50, height: 12)
        let small = tmux.waitFor("terminal too small")
        #expect(small.found, "\(small.screen)")
        tmux.resize(width: 100, height: 30)
        #expect(tmux.waitFor("Cost map source").found)
    }

    @Test func noDatabaseProxyIsExplained() throws {
        let sim = try SimulatorProcess(args: ["--no-db", "--litellm-version", "1.100.5"])
        defer { sim.stop() }
        let tmux = try dashboard(sim)
        defer { tmux.kill() }
        let s = tmux.waitFor("db: not connected")
        #expect(s.found, "\(s.screen)")
        #expect(s.screen.contains("schedules and reloads need it"))
    }
}
