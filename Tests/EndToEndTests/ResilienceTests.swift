import Foundation
import Testing

/// Issue 22: the failure-injection pass, kept. The built dashboard in tmux against the
/// simulator: random keys (escape sequences included) with resizes in every view, the
/// proxy killed and restarted under it, a stop and a continue. Each test prints one line
/// of the summary table. A fixed seed in CI; by hand: `Tests/Resilience/run --seed N --keys N`.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ResilienceTests {
    static let env = ProcessInfo.processInfo.environment
    static let seed = UInt64(env["SYNCTOP_RESILIENCE_SEED"] ?? "") ?? 20_261_206
    static let keys = Int(env["SYNCTOP_RESILIENCE_KEYS"] ?? "") ?? 100_000
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    /// SplitMix64: the same keys for the same seed on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Keys an operator's terminal can send, quitting and job control left out (q, ^C,
    /// ^\, ^Z): printable ASCII, Enter, Tab, Backspace, Esc, arrows, Home/End, PgUp/PgDn,
    /// F1-F12, a mouse click, a bracketed paste, a lone UTF-8 character, a broken sequence.
    static let specials: [[UInt8]] = [
        [0x0d], [0x09], [0x7f], [0x08], [0x1b],
        Array("\u{1B}[A".utf8), Array("\u{1B}[B".utf8), Array("\u{1B}[C".utf8), Array("\u{1B}[D".utf8),
        Array("\u{1B}[H".utf8), Array("\u{1B}[F".utf8), Array("\u{1B}[5~".utf8), Array("\u{1B}[6~".utf8),
        Array("\u{1B}OP".utf8), Array("\u{1B}[15~".utf8), Array("\u{1B}[24~".utf8),
        Array("\u{1B}[<0;10;5M".utf8), Array("\u{1B}[<0;10;5m".utf8), Array("\u{1B}[<64;3;3M".utf8),
        Array("\u{1B}[200~pasted\ntext\u{1B}[201~".utf8), Array("é".utf8), Array("界".utf8),
        Array("\u{1B}[".utf8), Array("\u{1B}[99999999999;1H".utf8), [0xff], [0xc3],
    ]

    static func randomBytes(_ count: Int, _ rng: inout Random) -> [UInt8] {
        var out: [UInt8] = []
        var sent = 0
        while sent < count {
            sent += 1
            if rng.below(5) == 0 {
                out += specials[rng.below(specials.count)]
            } else if rng.below(8) == 0 {
                out.append(UInt8(0x30 + rng.below(7))) // 0-6: switch views often
            } else {
                var b = UInt8(0x20 + rng.below(0x5f))
                if b == UInt8(ascii: "q") { b = UInt8(ascii: "?") }
                out.append(b)
            }
        }
        return out
    }

    static func summary(_ line: String) { print("RESILIENCE | \(line)") }

    /// Bytes waiting in a tty's input queue (FIONREAD on the slave side; nothing is read).
    static func pendingInput(_ tty: String) -> Int {
        let fd = open(tty, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var n: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &n) == 0 ? Int(n) : 0
    }

    @Test func randomKeysAndResizesInEveryView() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 2", width: 100, height: 30,
                                   env: Self.key.merging(["XDG_CACHE_HOME": Harness.scratch("resilience-cache")]) { $1 })
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled", timeout: 15).found)
        let pid = try #require(tmux.commandPID())
        let tty = try #require(tmux.paneTTY(), "no pane tty")
        var rng = Random(state: Self.seed)
        var backlogWaits = 0.0
        let batch = 400
        var sent = 0, resizes = 0
        let started = Date()
        while sent < Self.keys {
            let bytes = Self.randomBytes(min(batch, Self.keys - sent), &rng)
            tmux.sendHex(bytes)
            sent += min(batch, Self.keys - sent)
            // As fast as synctop reads, not faster: the tty's input queue drains first.
            let t = Date()
            _ = Harness.eventually(timeout: 30) { Self.pendingInput(tty) == 0 }
            backlogWaits += Date().timeIntervalSince(t)
            let w = 20 + rng.below(281), h = 5 + rng.below(96)
            tmux.resize(width: w, height: h)
            resizes += 1
            guard kill(pid, 0) == 0 else { break }
        }
        let alive = kill(pid, 0) == 0
        #expect(alive, "synctop died after \(sent) keys (seed \(Self.seed)):\n\(tmux.capture())")
        // Still answering: out of any dialog, filter or prompt, back to 80×24, and quit.
        tmux.resize(width: 80, height: 24)
        for _ in 0..<4 { tmux.send("Escape"); usleep(100_000) }
        tmux.send("1")
        tmux.send("q")
        let quit = tmux.waitFor("EXITED", timeout: 10)
        #expect(quit.found && quit.screen.contains("EXITED 0 echo"), "did not quit cleanly:\n\(quit.screen)")
        Self.summary("random keys | \(sent) keys, \(resizes) resizes 20x5..300x100, seed \(Self.seed) | \(alive ? "no crash" : "CRASHED") | \(Int(Date().timeIntervalSince(started))) s (\(Int(backlogWaits)) s waiting for synctop to read)")
    }

    @Test func theProxyKilledAndRestartedTwentyTimes() throws {
        let port = SimulatorProcess.freePort()
        var sim: SimulatorProcess? = try SimulatorProcess(port: port)
        defer { sim?.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url http://127.0.0.1:\(port) --interval 2", width: 100, height: 30, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled", timeout: 15).found)
        let pid = try #require(tmux.commandPID())
        var staleTimes: [Double] = [], recoverTimes: [Double] = []
        var alive = true
        for cycle in 1...20 {
            defer { alive = kill(pid, 0) == 0 }
            sim?.stop()
            sim = nil
            var t = Date()
            let stale = Harness.eventually(timeout: 8) { tmux.capture().contains("STALE") }
            staleTimes.append(Date().timeIntervalSince(t))
            #expect(stale, "cycle \(cycle): no stale marker:\n\(tmux.capture())")
            sim = try SimulatorProcess(port: port)
            t = Date()
            let back = Harness.eventually(timeout: 20) { !tmux.capture().contains("STALE") }
            recoverTimes.append(Date().timeIntervalSince(t))
            #expect(back, "cycle \(cycle): did not recover:\n\(tmux.capture())")
            #expect(kill(pid, 0) == 0, "cycle \(cycle): synctop died")
            if !stale || !back { break }
        }
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0", timeout: 10).found)
        Self.summary("proxy killed/restarted | \(staleTimes.count) cycles | stale within \(String(format: "%.1f", staleTimes.max() ?? 0)) s (poll 2 s), recovered within \(String(format: "%.1f", recoverTimes.max() ?? 0)) s | \(alive ? "0 crashes" : "CRASHED")")
    }

    /// A proxy that answers after 10 s: the dashboard still answers keys at once (median
    /// of 5 keypress-to-screen times through tmux under 50 ms), and the reads end at the
    /// timeout with a message that says so.
    @Test func aSlowProxyNeverSlowsTheKeys() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        // Every answer from now on comes after 10 s.
        _ = try Harness.curl(["-s", "-X", "POST", "\(sim.baseURL)/_sim/stall?seconds=10&count=100000"])
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --timeout 3", width: 100, height: 30, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("synctop", timeout: 10).found)
        var times: [Double] = []
        for _ in 0..<5 {
            let t = Date()
            tmux.send("?")
            let shown = Harness.eventually(timeout: 2) { tmux.capture().contains("key closes this help") }
            times.append(Date().timeIntervalSince(t) * 1000)
            #expect(shown, "help did not open:\n\(tmux.capture())")
            tmux.send("Escape")
            _ = Harness.eventually(timeout: 2) { !tmux.capture().contains("key closes this help") }
        }
        let median = times.sorted()[times.count / 2]
        #expect(median < 50, "keypress to screen: \(times) ms")
        let timedOut = tmux.waitFor("no answer within 3 s", timeout: 10)
        #expect(timedOut.found, "the slow reads did not end at the timeout with a message:\n\(timedOut.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0", timeout: 10).found)
        Self.summary("proxy answering after 10 s | keypress→screen median \(Int(median)) ms (max \(Int(times.max() ?? 0))) through tmux | reads ended at --timeout 3 with \"no answer within 3 s\"")
    }

    /// Ctrl-Z in an interactive shell, then `fg`: the shell gets a sane terminal while
    /// synctop is stopped, the dashboard comes back whole, and quitting restores the
    /// terminal exactly (`stty -a` before and after). ncurses' own SIGTSTP handler does
    /// this (cbreak keeps ISIG); synctop must not replace it or go raw. A shell without job
    /// control (`sh -c`) leaves synctop in an orphaned process group, where the kernel
    /// discards the stop: hence the interactive bash.
    @Test func ctrlZAndFg() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let dir = Harness.scratch("tstp")
        let tmux = try TmuxSession(command: "PS1='shell$ ' bash --norc --noprofile -i", env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("shell$", timeout: 10).found)
        tmux.sendLiteral("stty -a > \(dir)/before; \(Harness.binary) --url \(sim.baseURL)")
        tmux.send("Enter")
        #expect(tmux.waitFor("polled", timeout: 15).found)
        tmux.send("2")  // the Mappings view: Esc would go back from it
        #expect(tmux.waitFor("Beta-header mapping", timeout: 10).found)
        tmux.send("C-z")
        let stopped = tmux.waitFor("Stopped", timeout: 5)
        #expect(stopped.found && !stopped.screen.contains("Model cost map"), "Ctrl-Z did not hand the shell back:\n\(stopped.screen)")
        tmux.sendLiteral("stty -a > \(dir)/stopped; fg")
        tmux.send("Enter")
        #expect(tmux.waitFor("Beta-header mapping", timeout: 5).found, "no redraw after fg:\n\(tmux.capture())")
        // The first arrow key after fg is an arrow key: ncurses left keypad mode off, and ↓
        // read as Esc [ B, which went back to the dashboard.
        usleep(300_000)
        tmux.send("Down")
        usleep(500_000)
        #expect(tmux.capture().contains("Beta-header mapping"), "↓ after fg left the view:\n\(tmux.capture())")
        tmux.send("q")
        #expect(tmux.waitFor("shell$", timeout: 10).found)
        tmux.sendLiteral("stty -a > \(dir)/after; echo DONE")
        tmux.send("Enter")
        #expect(tmux.waitFor("DONE", timeout: 5).found)
        let before = (try? String(contentsOfFile: dir + "/before", encoding: .utf8)) ?? "none"
        let whileStopped = (try? String(contentsOfFile: dir + "/stopped", encoding: .utf8)) ?? "none"
        let after = (try? String(contentsOfFile: dir + "/after", encoding: .utf8)) ?? "none"
        #expect(before == whileStopped, "the shell got another terminal while synctop was stopped:\n\(whileStopped)")
        #expect(before == after, "stty -a differs after Ctrl-Z, fg and q")
        Self.summary("Ctrl-Z, fg, q | terminal sane while stopped, redrawn on fg | \(before == after && before == whileStopped ? "terminal restored" : "TERMINAL NOT RESTORED")")
    }
}

extension TmuxSession {
    /// The pane's tty (`/dev/pts/N`).
    func paneTTY() -> String? {
        let out = (try? Harness.run("/usr/bin/tmux", ["-S", socket, "display-message", "-p", "-t", name, "#{pane_tty}"]).out) ?? ""
        let tty = out.trimmingCharacters(in: .whitespacesAndNewlines)
        return tty.hasPrefix("/dev/") ? tty : nil
    }

    /// Raw bytes into the pane, as a terminal would send them.
    func sendHex(_ bytes: [UInt8]) {
        let hex = bytes.map { String($0, radix: 16) }
        _ = try? Harness.run("/usr/bin/tmux", ["-S", socket, "send-keys", "-t", name, "-H"] + hex)
    }
}
