import Foundation
import Testing

/// Actions from commands and from the dashboard land in the history file, and
/// `synctop history` reads them back with per-job rates.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct HistoryEndToEndTests {
    func freshState() throws -> String {
        let dir = Harness.scratch("history")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func lines(_ state: String) throws -> [[String: Any]] {
        let text = (try? String(contentsOfFile: state + "/synctop/history.jsonl", encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func commandsAndDashboardAppendAndHistoryReportsRates() throws {
        let state = try freshState()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let env = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_STATE_HOME": state]

        #expect(try Harness.run(Harness.binary, ["schedule", "cost-map", "--hours", "6", "--url", sim.baseURL], env: env).status == 0)
        #expect(try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL], env: env).status == 0)
        #expect(try Harness.run(Harness.binary, ["reload", "cost-map", "--url", sim.baseURL], env: env).status == 64, "refused: no tty")
        var records = try lines(state)
        #expect(records.map { $0["action"] as? String } == ["schedule", "reload", "reload"])
        #expect(records.map { $0["outcome"] as? String } == ["success", "success", "refused"])
        #expect(records.map { $0["job"] as? String } == ["cost-map", "beta-headers", "cost-map"], "the file's spelling, as ever")
        #expect(records[0]["http_status"] as? Int == 200)
        #expect((records[0]["parameters"] as? [String: Any])?["hours"] as? Int == 6)
        let raw = try String(contentsOfFile: state + "/synctop/history.jsonl", encoding: .utf8)
        #expect(!raw.contains(SimulatorProcess.masterKey), "never the key")
        let mode = try FileManager.default.attributesOfItem(atPath: state + "/synctop/history.jsonl")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // From the dashboard: a failing cancel (viewer key) is recorded as a failure.
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 3",
                                   env: ["LITELLM_PROXY_API_KEY": "sk-synctop-viewer", "XDG_STATE_HOME": state])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("x")
        #expect(tmux.waitFor("now?").found || tmux.waitFor("schedule on").found)
        tmux.send("y")
        #expect(tmux.waitFor("needs a proxy_admin key").found)
        // The simulator may also fire the new cost-map schedule while the dashboard watches:
        // that is an observed run, recorded on its own.
        func actions() -> [[String: Any]] { ((try? lines(state)) ?? []).filter { $0["action"] as? String != "observed_run" } }
        #expect(Harness.eventually { actions().count == 4 })
        records = actions()
        #expect(records.last?["action"] as? String == "cancel")
        #expect(records.last?["outcome"] as? String == "failure")
        #expect(records.last?["http_status"] as? Int == 403)

        // Key 4: the History view reads the same file.
        tmux.send("4")
        let view = tmux.waitFor("History: success and failure per job")
        #expect(view.found, "\(view.screen)")
        #expect(tmux.waitFor("Cost map      1 ok, 1 failed (50%)").found, "\(tmux.capture())")
        tmux.send("1")
        #expect(tmux.waitFor("Cost map source").found)

        let h = try Harness.run(Harness.binary, ["history", "--json"], env: ["XDG_STATE_HOME": state])
        #expect(h.status == 0, "\(h.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(h.out.utf8)) as? [String: Any])
        let listed = (j["records"] as? [[String: Any]]) ?? []
        #expect(listed.filter { $0["action"] as? String != "observed_run" }.count == 4)
        // As every --json spells a job (status, the stats below): cost_map, beta_headers.
        #expect(Set(listed.compactMap { $0["job"] as? String }) == ["cost_map", "beta_headers"], "\(listed)")
        #expect(Set((j["stats"] as? [String: Any])?.keys.map { $0 } ?? []) == ["cost_map", "beta_headers"])
        // Newest first, as the History view; --reverse: oldest first.
        let times = listed.compactMap { $0["time"] as? String }
        #expect(times == times.sorted(by: >), "\(times)")
        let reversed = try Harness.run(Harness.binary, ["history", "--json", "--reverse"], env: ["XDG_STATE_HOME": state])
        let rTimes = ((try JSONSerialization.jsonObject(with: Data(reversed.out.utf8)) as? [String: Any])?["records"] as? [[String: Any]] ?? []).compactMap { $0["time"] as? String }
        #expect(rTimes == times.reversed(), "\(rTimes)")
        let text = try Harness.run(Harness.binary, ["history", "--job", "cost-map"], env: ["XDG_STATE_HOME": state])
        #expect(text.status == 0)
        #expect(text.out.contains("1 ok, 1 failed (50%)"), "\(text.out)")
    }

    /// Several synctop processes at once: every record lands whole.
    @Test func concurrentProcessesInterleaveWholeRecords() throws {
        let state = try freshState()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let env = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_STATE_HOME": state]
        let n = 8
        let pids = try (0..<n).map { i in
            try Harness.spawn(Harness.binary, ["schedule", i % 2 == 0 ? "cost-map" : "beta-headers", "--hours", String(i + 1),
                                               "--url", sim.baseURL], env: env)
        }
        #expect(pids.map { Harness.wait($0, timeout: 60) } == Array(repeating: 0, count: n))
        let records = try lines(state)
        #expect(records.count == n, "one whole, parseable line per process")
        #expect(Set(records.compactMap { ($0["parameters"] as? [String: Any])?["hours"] as? Int }) == Set(1...n))
    }

    @Test func theProxysOwnRunsAreObserved() throws {
        let state = try freshState()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --interval 2",
                                   env: ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey, "XDG_STATE_HOME": state])
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        // Scheduled behind synctop's back: the simulator fires it at its next check.
        _ = try Harness.curl(["-X", "POST", "-H", "Authorization: Bearer \(SimulatorProcess.masterKey)",
                              "\(sim.baseURL)/schedule/model_cost_map_reload?hours=1"])
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/advance?seconds=1"])
        #expect(tmux.waitFor("ran a scheduled reload", timeout: 15).found)
        #expect(Harness.eventually { (try? lines(state))?.contains { $0["action"] as? String == "observed_run" } == true })
    }
}
