import Foundation
import Testing

/// Issue 17 as an operator meets it: a simulator in its fault modes (`--fault`,
/// `/_sim/fault`) against the built binary, on the command line and in tmux.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct HostileProxyEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    /// What a terminal would act on if it came from proxy data: the payload's OSC title,
    /// its C1 CSI (U+009B), the bidi override (U+202E) and isolate (U+2066).
    static func rawHostileBytes(in text: String) -> [String] {
        var found: [String] = []
        if text.contains("\u{1B}]0;pwned") { found.append("OSC title") }
        if text.contains("\u{1B}[2J") { found.append("CSI clear") }
        if text.unicodeScalars.contains("\u{9B}") { found.append("C1 CSI") }
        if text.unicodeScalars.contains("\u{202E}") || text.unicodeScalars.contains("\u{2066}") { found.append("bidi") }
        if text.unicodeScalars.contains("\u{7F}") { found.append("DEL") }
        return found
    }

    @Test func escapesInEveryFieldReachNoTerminalRaw() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules", "--fault", "escapes"])
        defer { sim.stop() }
        for args in [["status"], ["status", "--json"]] {
            let r = try Harness.run(Harness.binary, args + ["--url", sim.baseURL], env: Self.key)
            #expect(r.status == 0, "\(r.err)")
            #expect(Self.rawHostileBytes(in: r.out + r.err) == [], "\(args)")
        }
        let text = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: Self.key).out
        #expect(text.contains("\\x1b]0;pwned\\x07"), "shown as a visible escape: \(text)")
        #expect(text.contains("\\u202e"))
        let json = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key).out
        #expect(json.contains("\\u001b]0;pwned") && json.contains("\\u202e"), "JSON escapes them too")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "and stays valid JSON")
    }

    @Test func theDashboardDrawsEscapesAsText() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules", "--fault", "escapes"])
        defer { sim.stop() }
        let record = Harness.scratch("hostile-typescript") + "/typescript"
        // `script` keeps every byte synctop wrote to its terminal.
        let tmux = try TmuxSession(command: "script -q -e -c '\(Harness.binary) --url \(sim.baseURL)' \(record)", env: Self.key)
        defer { tmux.kill() }
        let shown = tmux.waitFor("pwned")
        #expect(shown.found, "\(shown.screen)")
        #expect(shown.screen.contains("\\x1b]0;pwned"))
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
        let bytes = try String(contentsOfFile: record, encoding: .utf8)
        #expect(bytes.contains("pwned"), "the recording has the dashboard's frames")
        #expect(Self.rawHostileBytes(in: bytes).filter { $0 != "CSI clear" } == [], "no raw escape from proxy data")
        #expect(!bytes.contains("\u{1B}]0;pwned"))
    }

    @Test func anEchoedKeyIsScrubbed() throws {
        let sim = try SimulatorProcess(args: ["--fault", "echo-key:/schedule"])
        defer { sim.stop() }
        let r = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: Self.key)
        #expect(r.out.contains("Authorization: Bearer sk-…demo"), "\(r.out)")
        #expect(!(r.out + r.err).contains(SimulatorProcess.masterKey))
        let json = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key)
        #expect(!(json.out + json.err).contains(SimulatorProcess.masterKey))
    }

    @Test func anHTMLErrorPageIsTheFrontsInOneLine() throws {
        // Not on /health/liveliness: the harness waits for that one to answer.
        let sim = try SimulatorProcess(args: ["--fault", "html-502:/schedule", "--fault", "html-502:/model", "--fault", "html-502:/reload"])
        defer { sim.stop() }
        let r = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: Self.key)
        #expect(r.status == 69, "unreachable: LiteLLM behind the front is down")
        #expect(r.out.contains("the proxy's front answered 502 Bad Gateway (nginx): LiteLLM behind it is down or restarting"), "\(r.out)")
        #expect(!r.out.contains("<html") && !r.out.contains("<center>"))
        let reload = try Harness.run(Harness.binary, ["reload", "cost-map", "--yes", "--url", sim.baseURL], env: Self.key)
        #expect(!reload.out.contains("source could not be fetched") && !reload.err.contains("source could not be fetched"),
                "a front's 502 is not blamed on the reload source: \(reload.out)\(reload.err)")
    }

    @Test func emptyOrWrongShapedAnswersAreUnreadable() throws {
        for mode in ["empty-object", "wrong-types"] {
            let sim = try SimulatorProcess(args: ["--fault", "\(mode):/schedule/model_cost_map_reload/status"])
            defer { sim.stop() }
            let r = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: Self.key)
            #expect(r.status == 70, "\(mode): \(r.out)\(r.err)")
            #expect(r.out.contains("unreadable answer"), "\(mode): \(r.out)")
        }
        let sim = try SimulatorProcess(args: ["--fault", "empty-500:/schedule", "--fault", "empty-500:/model"])
        defer { sim.stop() }
        let none = try Harness.run(Harness.binary, ["status", "--url", sim.baseURL], env: [:])
        #expect(none.status == 70, "a bodiless 500 is the proxy's error, not 'no key sent': \(none.out)")
    }

    @Test func aHangingProxyEndsAtTheTimeoutItStates() throws {
        let sim = try SimulatorProcess(args: ["--fault", "hang:/schedule", "--fault", "hang:/model", "--fault", "hang:/health/readiness"])
        defer { sim.stop() }
        let started = Date()
        let r = try Harness.run(Harness.binary, ["status", "--timeout", "2", "--url", sim.baseURL], env: Self.key)
        let took = Date().timeIntervalSince(started)
        #expect(r.status == 69)
        #expect(r.out.contains("no answer within 2 s"), "\(r.out)")
        #expect(took < 4.5, "bounded by --timeout: \(took) s")
    }

    @Test func endlessBodiesEndAtTheCapInLittleMemory() throws {
        // The four reads of a poll, each an endless chunked stream.
        let sim = try SimulatorProcess(args: ["--fault", "endless:/schedule", "--fault", "endless:/model", "--fault", "endless:/health/readiness"])
        defer { sim.stop() }
        // Peak RSS of the child, read by python's getrusage (no GNU time needed).
        let script = """
        import resource, subprocess, sys
        r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
        print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(r.stdout)
        """
        let r = try Harness.run("/usr/bin/env", ["python3", "-c", script, Harness.binary, "status", "--timeout", "20", "--url", sim.baseURL],
                                env: Self.key)
        let first = r.out.split(separator: "\n").first.map { $0.split(separator: " ") } ?? []
        let peakKB = first.count == 2 ? Int(first[1]) ?? .max : .max
        #expect(first.first == "70", "\(r.out)")
        #expect(r.out.contains("answer larger than 1 MB"), "\(r.out)")
        #expect(peakKB < 150 * 1024, "four endless streams at once: peak \(peakKB) KB")
    }

    @Test func theDashboardKeepsTheLastGoodValuesAndStaysSmall() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --interval 2 --url \(sim.baseURL)", env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("every 6 h").found)
        for path in ["/schedule", "/model", "/health/readiness"] {
            _ = try Harness.curl(["-s", "-X", "POST", sim.baseURL + "/_sim/fault?mode=endless&path=" + path])
        }
        let failed = tmux.waitFor("answer larger than 1 MB", timeout: 20)
        #expect(failed.found, "\(failed.screen)")
        #expect(failed.screen.contains("every 6 h"), "last good values kept")
        let pid = try #require(tmux.commandPID())
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? .max
        #expect(hwm < 150 * 1024, "peak \(hwm) KB")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }

    @Test func lastRunMovingBackOrAheadInventsNoRun() throws {
        let sim = try SimulatorProcess(args: ["--demo-schedules"])
        defer { sim.stop() }
        let home = Harness.scratch("hostile-history")
        let tmux = try TmuxSession(command: "\(Harness.binary) --interval 2 --url \(sim.baseURL)",
                                   env: Self.key.merging(["XDG_STATE_HOME": home]) { $1 })
        defer { tmux.kill() }
        #expect(tmux.waitFor("every 6 h").found)
        _ = try Harness.curl(["-s", "-X", "POST", sim.baseURL + "/_sim/fault?mode=last-run-back&path=/schedule/model_cost_map_reload/status"])
        let back = tmux.waitFor("moved back", timeout: 10)
        #expect(back.found, "\(back.screen)")
        _ = try Harness.curl(["-s", "-X", "DELETE", sim.baseURL + "/_sim/fault"])
        _ = try Harness.curl(["-s", "-X", "POST", sim.baseURL + "/_sim/fault?mode=clock-ahead&path=/schedule/model_cost_map_reload/status"])
        let ahead = tmux.waitFor("proxy clock ahead", timeout: 10)
        #expect(ahead.found, "\(ahead.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
        let history = try Harness.run(Harness.binary, ["history", "--json"], env: ["XDG_STATE_HOME": home])
        #expect(!history.out.contains("observed_run") || !history.out.contains("moved back"), "\(history.out)")
    }

    @Test func aURLWithALineBreakOrSpaceIsRefusedBeforeSending() throws {
        for url in ["http://127.0.0.1:9/x y", "http://127.0.0.1:9/x\r\nX-Evil: 1", "http://127.0.0.1:9/\tx"] {
            let r = try Harness.run(Harness.binary, ["status", "--url", url], env: Self.key)
            #expect(r.status == 64, "\(url.debugDescription): \(r.err)")
            #expect(r.err.contains("may not contain spaces, tabs or line breaks"), "\(r.err)")
            #expect(Self.rawHostileBytes(in: r.err) == [] && !r.err.contains("\r"))
        }
        let fetch = try Harness.run(Harness.binary, ["mappings", "diff", "http://127.0.0.1:9/a b", "http://127.0.0.1:9/c"])
        #expect(fetch.err.contains("may not contain spaces"), "\(fetch.err)")
    }

    @Test func aPasswordInTheURLIsShownAsStars() throws {
        let r = try Harness.run(Harness.binary, ["status", "--timeout", "1", "--url", "http://ops:hunter22@127.0.0.1:9"], env: Self.key)
        #expect(!(r.out + r.err).contains("hunter22"), "\(r.out)\(r.err)")
        #expect(r.out.contains("ops:***@127.0.0.1:9"), "\(r.out)")
        let info = try Harness.run(Harness.binary, ["info", "--url", "http://ops:hunter22@127.0.0.1:9"], env: Self.key)
        #expect(!(info.out + info.err).contains("hunter22"))
    }
}

@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct DownloadProgressEndToEndTests {
    @Test func aSlowDownloadShowsProgressOnATerminalAndEndsAtItsTimeout() throws {
        let sim = try SimulatorProcess(args: ["--latency", "2500"])
        defer { sim.stop() }
        let url = sim.baseURL + "/public/litellm_model_cost_map"
        let tmux = try TmuxSession(command: "\(Harness.binary) diff --timeout 10 \(url) \(url) | tail -3")
        defer { tmux.kill() }
        let progress = tmux.waitFor("synctop: downloading \(url) … 1 s (--timeout 10)", timeout: 10)
        #expect(progress.found, "\(progress.screen)")
        let done = tmux.waitFor("EXITED", timeout: 20)
        #expect(done.found)
        #expect(!done.screen.contains("downloading"), "the progress line is cleared when done: \(done.screen)")

        // Not a terminal: no progress line; and the timeout is the one stated.
        let r = try Harness.run(Harness.binary, ["diff", "--timeout", "1", url, url])
        #expect(!r.err.contains("downloading"))
        #expect(r.err.contains("within 1 s"), "\(r.err)")
    }
}
