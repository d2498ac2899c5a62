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
        #expect(r.out.contains("\nchanged: "), "what the reload changed, as the dashboard says it: \(r.out)")
        #expect(try status(sim, "cost_map")["last_run"] is String)

        r = try synctop(["cancel", "beta-headers", "--yes", "--json", "--url", sim.baseURL])
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(j["ok"] as? Bool == true && j["action"] as? String == "cancel")
        #expect(try status(sim, "beta_headers")["scheduled"] as? Bool == false)

        // --json carries the same change summary: the remote file differs from the map served
        // at start, and a second reload of the same file changes nothing.
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/reset"])
        r = try synctop(["reload", "cost-map", "--yes", "--json", "--url", sim.baseURL])
        #expect(r.status == 0, "\(r.err)")
        var changed = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(changed["job"] as? String == "cost_map" && changed["ok"] as? Bool == true)
        let changes = try #require(changed["changes"] as? [String: Any], "\(r.out)")
        let counts = ["added", "removed", "repriced", "other_changed"].map { changes[$0] as? Int ?? -1 }
        #expect(counts.allSatisfy { $0 >= 0 } && counts.reduce(0, +) > 0, "\(changes)")
        #expect((changes["summary"] as? String)?.hasPrefix("no change") == false, "\(changes)")
        #expect(changes["compared_with"] as? String == "the map the proxy served before the reload")
        r = try synctop(["reload", "cost-map", "--yes", "--json", "--url", sim.baseURL])
        changed = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let again = try #require(changed["changes"] as? [String: Any], "\(r.out)")
        #expect(["added", "removed", "repriced", "other_changed"].map { again[$0] as? Int } == [0, 0, 0, 0], "\(again)")
        #expect((again["summary"] as? String)?.hasPrefix("no change (") == true, "\(again)")
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
        let sim = try SimulatorProcess(args: ["--demo-schedules"])  // scheduled: a cancel has something to do
        defer { sim.stop() }
        for verb in ["reload", "cancel"] {
            let r = try synctop([verb, "cost-map", "--url", sim.baseURL])
            #expect(r.status == 64)
            #expect(r.err.contains("--yes"))
        }
        #expect(try requests(sim).filter { ($0["method"] as? String) != "GET" }.isEmpty)
    }

    /// Issue 20: cancelling a job that is not scheduled says so and sends nothing.
    @Test func cancellingWhatIsNotScheduledSendsNothing() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let r = try synctop(["cancel", "beta-headers", "--url", sim.baseURL])
        #expect(r.status == 0 && r.out.contains("not scheduled") && r.out.contains("nothing sent"), "\(r.out)\(r.err)")
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

        _ = try synctop(["schedule", "cost-map", "--hours", "6", "--url", sim.baseURL])
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

        let sim = try SimulatorProcess(args: ["--demo-schedules"])
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

    /// A plain `reload beta-headers` compares the proxy's providers_count with the source
    /// synctop reads: a 1.110.2 proxy that fell back answers its bundled 8 — a warning, not
    /// silence; a source with the same count says nothing.
    @Test func aBetaHeaderReloadAnsweredWithAnotherProviderCountWarns() throws {
        let sim = try SimulatorProcess(args: ["--litellm-version", "1.110.2"])
        defer { sim.stop() }
        let three = Harness.scratch("beta-count") + "/three.json"
        try #"{"anthropic":{},"bedrock":{},"vertex_ai":{}}"#.write(toFile: three, atomically: true, encoding: .utf8)
        let other = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL, "--beta-headers-file", three], env: Self.key)
        #expect(other.status == 0, "\(other.err)")
        #expect(other.err.contains("warning: the proxy answered providers_count 8, the source's mapping has 3: it fell back to its bundled mapping"), "\(other.err)")
        let same = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL,
                                                    "--beta-headers-url", "\(sim.baseURL)/_sim/remote/anthropic_beta_headers_config.json"],
                                   env: Self.key.merging(["XDG_CACHE_HOME": Harness.scratch("beta-count-cache")]) { $1 })
        #expect(same.status == 0 && !same.err.contains("warning"), "\(same.err)")
        #expect(!other.out.contains("changed: mapping") && other.out.contains("changed: cannot tell: the proxy did not load the source's mapping"),
                "no claim of what changed when the proxy fell back: \(other.out)")
    }

    /// `reload beta-headers` says what the reload changed, as the dashboard does: the
    /// source's mapping against the one synctop last saw loaded on this proxy (the bundled
    /// copy the first time), then remembers it.
    @Test func aBetaHeaderReloadSaysWhatItChanged() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let env = Self.key.merging(["XDG_CACHE_HOME": Harness.scratch("beta-changes-cache")]) { $1 }
        let remote = "\(sim.baseURL)/_sim/remote/anthropic_beta_headers_config.json"
        // The simulator's file is LiteLLM 1.109.1's, as synctop's bundled copy.
        var r = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL, "--beta-headers-url", remote], env: env)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("Anthropic beta headers: ") && lines[0].contains("(8 providers, "), "\(r.out)")
        #expect(lines[1] == "changed: mapping unchanged (against synctop's bundled copy (no mapping seen loaded on this proxy before))", "\(r.out)")

        // Bedrock stops forwarding one beta and renames another; the next reload says so.
        let dir = Harness.scratch("beta-changes")
        var mapping = try #require(JSONSerialization.jsonObject(with: Data(try Harness.curl([remote]).out.utf8)) as? [String: Any])
        var bedrock = try #require(mapping["bedrock"] as? [String: Any])
        let forwarded = try #require(bedrock.first { $0.value is String }?.key, "a beta bedrock forwards: \(bedrock)")
        bedrock[forwarded] = NSNull()
        mapping["bedrock"] = bedrock
        try JSONSerialization.data(withJSONObject: mapping).write(to: URL(fileURLWithPath: dir + "/edited.json"))
        r = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL, "--beta-headers-file", dir + "/edited.json"], env: env)
        #expect(r.status == 0 && !r.err.contains("warning"), "\(r.err)")
        #expect(r.out.contains("\nchanged: 1 cell(s) changed in bedrock (against the mapping synctop last saw loaded on this proxy ("), "\(r.out)")

        // JSON: the summary and the cells, against the edited mapping now remembered.
        r = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--json", "--url", sim.baseURL, "--beta-headers-url", remote], env: env)
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(j["job"] as? String == "beta_headers" && j["count"] as? Int == 8)
        let changes = try #require(j["changes"] as? [String: Any], "\(r.out)")
        #expect(changes["summary"] as? String == "1 cell(s) changed in bedrock", "\(changes)")
        #expect((changes["compared_with"] as? String)?.hasPrefix("the mapping synctop last saw loaded on this proxy (") == true)
        let changed = try #require(changes["changed"] as? [[String: Any]])
        #expect(changed.count == 1 && changed[0]["column"] as? String == "bedrock", "\(changed)")
        let cell = try #require((changed[0]["cells"] as? [[String: Any]])?.first)
        #expect(cell["beta"] as? String == forwarded && (cell["old"] as? [String: Any])?["status"] as? String == "unsupported"
                && (cell["new"] as? [String: Any])?["status"] as? String != "unsupported", "\(cell)")

        // A source synctop cannot read: the reload happens, what it changed cannot be told.
        r = try Harness.run(Harness.binary, ["reload", "beta-headers", "--yes", "--url", sim.baseURL, "--beta-headers-file", dir + "/absent.json"], env: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("\nchanged: cannot tell: the mapping source could not be read: cannot read \(dir)/absent.json: no such file"), "\(r.out)")
    }
}
