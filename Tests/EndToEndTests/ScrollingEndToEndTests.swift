import Foundation
import Testing

/// Issue 20, as an operator on a small SSH window meets it: everything a view holds can be
/// reached — the last record of a long History, the end of the help at 60×15, the last
/// provider of a long header-check answer — and a cut line can be read whole with `v`.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ScrollingEndToEndTests {
    /// 60 records, the oldest with a message far longer than a row.
    func historyFile(proxy: String) throws -> String {
        let dir = Harness.scratch("scrolling")
        try FileManager.default.createDirectory(atPath: dir + "/synctop", withIntermediateDirectories: true)
        var lines: [String] = []
        for i in 1...60 {
            let time = String(format: "2026-11-%02dT%02d:00:00.000000+00:00", 1 + i / 24, i % 24)
            let message = i == 1 ? "oldest-record " + String(repeating: "the proxy answered at length ", count: 6) + "END-OF-OLDEST"
                                 : "record \(i)"
            lines.append(#"{"time":"\#(time)","proxy":"\#(proxy)","job":"cost-map","action":"reload","parameters":{},"outcome":"success","http_status":200,"duration_ms":12,"message":"\#(message)"}"#)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/synctop/history.jsonl", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func historyScrollsToItsOldestRecordAndVShowsItWhole() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let state = try historyFile(proxy: sim.baseURL)
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 5", width: 80, height: 24,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_STATE_HOME": state])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("4")
        #expect(tmux.waitFor("record 60").found, "newest first: \(tmux.capture())")
        #expect(!tmux.capture().contains("oldest-record"))
        tmux.send("G")
        let end = tmux.waitFor("oldest-record")
        #expect(end.found, "G reaches the oldest record: \(end.screen)")
        #expect(!end.screen.contains("END-OF-OLDEST"), "the row cuts the message")
        // G selected the oldest record: v shows it whole.
        tmux.send("v")
        let whole = tmux.waitFor("END-OF-OLDEST")
        #expect(whole.found, "v shows the whole message: \(whole.screen)")
        #expect(whole.screen.contains("History record") && whole.screen.contains("HTTP status"))
        tmux.send("Escape")
        #expect(Harness.eventually { !tmux.capture().contains("END-OF-OLDEST") }, "Esc closes the panel")
        #expect(tmux.capture().contains("Records"), "and stays in History")
        // k selects the next newer record: v shows that one.
        tmux.send("k")
        tmux.send("v")
        let newer = tmux.waitFor("History record")
        #expect(newer.found && newer.screen.contains("message") && !newer.screen.contains("END-OF-OLDEST"), "\(newer.screen)")
        tmux.send("Escape")
        tmux.send("g")
        #expect(tmux.waitFor("record 60").found, "g: back to the newest")
    }

    @Test func theHelpScrollsToItsEndAt60x15AndQQuits() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 5; echo EXITED-$?", width: 60, height: 15,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey])
        defer { tmux.kill() }
        #expect(tmux.waitFor("poll").found)
        tmux.send("?")
        #expect(tmux.waitFor("Keys · lines 1–").found, "\(tmux.capture())")
        #expect(!tmux.capture().contains("Dimmed values are stale"))
        tmux.send("G")
        let end = tmux.waitFor("Dimmed values are stale")
        #expect(end.found, "G reaches the help's last line: \(end.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED-0").found, "q quits from the help: \(tmux.capture())")
    }

    @Test func aLongHeaderCheckAnswerWrapsAndScrollsToItsLastProvider() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 5", width: 80, height: 24,
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("2")
        #expect(tmux.waitFor("✓ forwarded").found, "\(tmux.capture())")
        tmux.send("c")
        tmux.sendLiteral("context-1m-2025-08-07,advanced-tool-use-2025-11-20,compact-2026-01-12,files-api-2025-04-14,made-up-beta-1")
        tmux.send("Enter")
        let first = tmux.waitFor("Header check")
        #expect(first.found && first.screen.contains("both: the same in the header and in the body field"), "each verdict explained: \(first.screen)")
        #expect(!first.screen.contains("vertex_ai "), "the answer is longer than the screen")
        tmux.send("G")
        let last = tmux.waitFor("vertex_ai ")
        #expect(last.found, "G reaches the last provider: \(last.screen)")
        // The page's position ends at its last line ("… of N" with N = the end shown).
        let position = last.screen.split(separator: "\n").first { $0.contains(" of ") && $0.contains("↑↓") }.map(String.init) ?? ""
        let numbers = position.split { !$0.isNumber }.compactMap { Int($0) }
        #expect(numbers.count >= 3 && numbers[numbers.count - 2] == numbers[numbers.count - 1], "\(position)")
        // Nothing cut: no line of the page ends in "…".
        let page = last.screen.split(separator: "\n").filter { $0.hasPrefix("│") }
        #expect(!page.contains { $0.dropLast().trimmingCharacters(in: .whitespaces).hasSuffix("…") }, "\(last.screen)")
    }
}
