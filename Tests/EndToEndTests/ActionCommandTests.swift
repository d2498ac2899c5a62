import Foundation
import Testing

/// `synctop reload|schedule|cancel` against the simulator, checked by reading the
/// simulator's state back.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct ActionCommandTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    func synctop(_ args: [String], env: [String: String] = key) throws -> (status: Int32, out: String, err: String) {
        try Harness.run(Harness.binary, args, env: env)
    }

    func status(_ sim: SimulatorProcess, _ job: String) throws -> [String: Any] {
        let r = try synctop(["status", "--json", "--url", sim.baseURL])
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        return try #require(j[job] as? [String: Any])
    }

    func requests(_ sim: SimulatorProcess) throws -> [[String: Any]] {
        let r = try Harness.curl(["\(sim.baseURL)/_sim/requests"])
        return try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
    }

    @Test func scheduleReloadCancelRoundTrip() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        var r = try synctop(["schedule", "beta-headers", "--hours", "12", "--url", sim.baseURL])
        #expect(r.status == 0, "\(r.err)")
        #expect(try status(sim, "beta_headers")["interval_hours"] as? Int == 12)

        r = try synctop(["reload", "cost-map", "--yes", "--url", sim.baseURL])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("models"), "the count the proxy returned: \(r.out)")
        #expect(try status(sim, "cost_map")["last_run"] is String)

        r = try synctop(["cancel", "beta-headers", "--yes", "--json", "--url", sim.baseURL])
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(j["ok"] as? Bool == true && j["action"] as? String == "cancel")
        #expect(try status(sim, "beta_headers")["scheduled"] as? Bool == false)
    }

    @Test func invalidHoursNeverLeaveSynctop() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        for bad in ["0", "-3", "1.5", "abc", "", "99999"] {
            let r = try synctop(["schedule", "cost-map", "--hours", bad, "--url", sim.baseURL])
            #expect(r.status == 64, "--hours \(bad)")
        }
        let writes = try requests(sim).filter { ($0["method"] as? String) != "GET" }
        #expect(writes.isEmpty, "no write request was sent: \(writes)")
    }

    @Test func withoutATerminalReloadAndCancelNeedYes() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        for verb in ["reload", "cancel"] {
            let r = try synctop([verb, "cost-map", "--url", sim.baseURL])
            #expect(r.status == 64)
            #expect(r.err.contains("--yes"))
        }
        #expect(try requests(sim).filter { ($0["method"] as? String) != "GET" }.isEmpty)
    }

    @Test func confirmationOnATerminal() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) reload cost-map --url \(sim.baseURL)", env: Self.key)
        defer { tmux.kill() }
        let asked = tmux.waitFor("[y/N]")
        #expect(asked.found && asked.screen.contains("Reload the model cost map on \(sim.baseURL) now?"), "\(asked.screen)")
        tmux.send("n", "Enter")
        #expect(tmux.waitFor("nothing done").found)
        #expect(try requests(sim).filter { ($0["method"] as? String) != "GET" }.isEmpty, "n sends nothing")

        let yes = try TmuxSession(command: "\(Harness.binary) cancel cost-map --url \(sim.baseURL)", env: Self.key)
        defer { yes.kill() }
        #expect(yes.waitFor("[y/N]").found)
        yes.send("y", "Enter")
        #expect(yes.waitFor("EXITED 0").found)
        #expect(try requests(sim).contains { ($0["method"] as? String) == "DELETE" })
    }

    @Test func errorPathsInWords() throws {
        let nodb = try SimulatorProcess(args: ["--no-db", "--litellm-version", "1.100.5"])
        defer { nodb.stop() }
        var r = try synctop(["reload", "cost-map", "--yes", "--url", nodb.baseURL])
        #expect(r.status == 70)
        #expect(r.err.contains("no database"), "\(r.err)")

        let sim = try SimulatorProcess()
        defer { sim.stop() }
        r = try synctop(["cancel", "cost-map", "--yes", "--url", sim.baseURL], env: ["LITELLM_PROXY_API_KEY": "sk-synctop-viewer"])
        #expect(r.status == 77)
        #expect(r.err.contains("proxy_admin_viewer") && r.err.contains("needs a proxy_admin key"), "\(r.err)")

        r = try synctop(["reload", "cost-map", "--yes", "--url", sim.baseURL], env: ["LITELLM_PROXY_API_KEY": "sk-wrong-0000"])
        #expect(r.status == 77)

        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/fail_next_reload?job=cost_map"])
        r = try synctop(["reload", "cost-map", "--yes", "--url", sim.baseURL])
        #expect(r.status == 70)
        #expect(r.err.contains("kept its current data"), "\(r.err)")

        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/stall?seconds=4&count=1"])
        r = try synctop(["reload", "beta-headers", "--yes", "--timeout", "1", "--url", sim.baseURL])
        #expect(r.status == 69)
        #expect(r.err.contains("may still have happened"), "\(r.err)")
        // The simulator logs a request when it answers, after the stall.
        func reloads() throws -> Int { try requests(sim).filter { ($0["path"] as? String) == "/reload/anthropic_beta_headers" }.count }
        #expect(try Harness.eventually(timeout: 10) { try reloads() >= 1 })
        usleep(1_000_000)
        #expect(try reloads() == 1, "a write is never retried")
    }
}
