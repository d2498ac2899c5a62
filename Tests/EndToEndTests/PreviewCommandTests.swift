import Foundation
import Testing

/// Issue 19 on the command line: `preview` and `reload --preview` against the simulator,
/// with files served over loopback whose effect is known: the real next release, a file
/// LiteLLM's integrity check refuses, a file that drops a served model's price.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct PreviewCommandTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]

    /// Python's file server on a folder of crafted cost maps.
    final class FileServer {
        let root = Harness.scratch("preview-files")
        let url: String
        private var pid: pid_t = 0

        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let port = SimulatorProcess.freePort()
            url = "http://127.0.0.1:\(port)"
            pid = try Harness.spawn("/usr/bin/python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root])
            try write("probe", "{}")
            let up = url + "/probe"
            guard Harness.eventually(timeout: 10, { (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", up]).out) == "200" }) else {
                throw HarnessError("python3 -m http.server did not start")
            }
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
        }

        deinit { kill(pid, SIGKILL); _ = Harness.wait(pid, timeout: 5) }
    }

    /// The served map with one change: each named entry replaced (nil: removed).
    static func servedMap(_ sim: SimulatorProcess, replacing: [String: Any?]) throws -> String {
        var map = try CostMapCommandTests.publicMap(sim).map
        for (name, value) in replacing { map[name] = value.flatMap { $0 } }
        for key in map.keys where (map[key] as? [String: Any])?["id"] != nil && (map[key] as? [String: Any])?.count == 1 { map[key] = nil }
        return String(decoding: try JSONSerialization.data(withJSONObject: map), as: UTF8.self)
    }

    /// Text groups thousands ("+1,517 new"); JSON has the plain numbers.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return String(digits.enumerated().flatMap { i, d in (i > 0 && (digits.count - i) % 3 == 0 ? [","] : []) + [d] })
    }

    @Test func theNextReleaseIsPreviewedAndHappensAsPreviewed() throws {
        let sim = try SimulatorProcess(args: [])
        defer { sim.stop() }
        let cache = try CostMapCommandTests.cacheHome()
        let remote = "\(sim.baseURL)/_sim/remote/model_prices_and_context_window.json"
        // The same files through `diff`: the preview's counts must be the diff's.
        let oldFile = CostMapCommandTests.old, newFile = CostMapCommandTests.new
        let diff = try Harness.run(Harness.binary, ["diff", oldFile, newFile], env: ["XDG_CACHE_HOME": cache])
        let summary = diff.out.split(separator: "\n").first { $0.contains("new") && $0.contains("removed") }.map(String.init) ?? ""
        let p = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--source-url", remote, "--json"], env: Self.key)
        #expect(p.status == 0, "\(p.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(p.out.utf8)) as? [String: Any])
        let added = try #require(doc["added"] as? Int), removed = try #require(doc["removed"] as? Int)
        #expect(summary.contains("+\(Self.grouped(added)) new") && summary.contains("−\(Self.grouped(removed)) removed"), "preview +\(added)/−\(removed), diff: \(summary)")
        let anomalies = try #require(doc["anomalies"] as? [[String: Any]])
        #expect((anomalies.first?["deployments"] as? [String])?.isEmpty == false, "a served deployment's anomaly comes first: \(anomalies.prefix(2))")
        #expect((anomalies.first?["message"] as? String)?.contains("which the new file does not have") == true)

        // The totals are the proxy's own model_count (the header's), before and after.
        func modelCount() throws -> Int? {
            let status = try Harness.run(Harness.binary, ["status", "--json", "--url", sim.baseURL], env: Self.key)
            return ((try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [String: Any])?["source"] as? [String: Any])?["model_count"] as? Int
        }
        #expect(try modelCount() == doc["old_count"] as? Int, "\(doc["old_count"] ?? "nil")")

        let r = try Harness.run(Harness.binary, ["reload", "cost-map", "--preview", "--yes", "--url", sim.baseURL, "--source-url", remote], env: Self.key)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Preview: model cost map reload") && r.out.contains("as previewed (+\(Self.grouped(added)) new, −\(Self.grouped(removed)) removed"), "\(r.out)\(r.err)")
        #expect(try modelCount() == doc["new_count"] as? Int, "the proxy counts what the preview said: \(doc["new_count"] ?? "nil")")
    }

    /// A 1.109.1 proxy about to load 1.110.2's file (alias_of rows and all): the preview's
    /// counts are those of `synctop diff` of the two files, and the reload happens as previewed.
    @Test func the1_110_2FileOnA1_109_1ProxyCountsAsDiffDoes() throws {
        let sim = try SimulatorProcess(args: ["--litellm-version", "1.109.1"])
        defer { sim.stop() }
        let cache = try CostMapCommandTests.cacheHome()
        // The proxy starts on its bundled map; a reload brings 1.109.1's, then the source moves on.
        _ = try Harness.curl(["-s", "-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.109.1"])
        let first = try Harness.run(Harness.binary, ["reload", "cost-map", "--yes", "--url", sim.baseURL], env: Self.key)
        #expect(first.status == 0, "\(first.err)")
        _ = try Harness.curl(["-s", "-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.110.2"])
        let remote = "\(sim.baseURL)/_sim/remote/model_prices_and_context_window.json"
        let oldFile = CostMapCommandTests.new
        let newFile = CostMapCommandTests.seed.appendingPathComponent("litellm-1.110.2/model_prices_and_context_window.json").path
        let diff = try Harness.run(Harness.binary, ["diff", oldFile, newFile], env: ["XDG_CACHE_HOME": cache])
        let summary = diff.out.split(separator: "\n").first { $0.contains("new") && $0.contains("removed") }.map(String.init) ?? ""
        let p = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--source-url", remote, "--json"], env: Self.key)
        #expect(p.status == 0, "\(p.out)\(p.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(p.out.utf8)) as? [String: Any])
        let added = try #require(doc["added"] as? Int), removed = try #require(doc["removed"] as? Int)
        #expect(summary.contains("+\(Self.grouped(added)) new") && summary.contains("−\(Self.grouped(removed)) removed"), "preview +\(added)/−\(removed), diff: \(summary)")
        #expect(added > 300 && removed > 40, "1.109.1 → 1.110.2 adds about 377 keys and removes 52: +\(added)/−\(removed)")
        let r = try Harness.run(Harness.binary, ["reload", "cost-map", "--preview", "--yes", "--url", sim.baseURL, "--source-url", remote], env: Self.key)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("as previewed (+\(Self.grouped(added)) new, −\(Self.grouped(removed)) removed"), "\(r.out)\(r.err)")
    }

    @Test func aFileLiteLLMWouldRefuseSaysSoAndExits1() throws {
        let sim = try SimulatorProcess(args: [])
        defer { sim.stop() }
        let files = try FileServer()
        let few = (0..<120).map { "\"m\($0)\": {\"input_cost_per_token\": 1e-06}" }.joined(separator: ", ")
        try files.write("few.json", "{\(few)}")
        try files.write("list.json", "[1, 2]")
        let small = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--source-url", files.url + "/few.json", "--litellm-version", "1.110.2"], env: Self.key)
        #expect(small.status == 1, "\(small.out)\(small.err)")
        #expect(small.out.contains("REFUSED: 120 entries, fewer than half of the 4876") && small.out.contains("keep its current prices: integrity validation"), "\(small.out)")
        let list = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--source-url", files.url + "/list.json"], env: Self.key)
        #expect(list.status == 1 && list.out.contains("REFUSED: expected a JSON object"), "\(list.out)")
        let missing = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--source-url", files.url + "/nothing.json"], env: Self.key)
        #expect(missing.status == 69 && missing.err.contains("synctop could not fetch") && missing.err.contains("--source-url"), "\(missing.err)")
        let unreachable = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--timeout", "2"], env: Self.key)
        #expect(unreachable.status == 69 && unreachable.err.contains("synctop may sit elsewhere in the network"), "the proxy's own URL (github) is out of reach here: \(unreachable.err)")
    }

    @Test func aServedModelLosingItsPriceComesFirst() throws {
        let sim = try SimulatorProcess(args: [])
        defer { sim.stop() }
        let files = try FileServer()
        // The served map, but claude-sonnet's entry without prices and one unused price ×100.
        let served = try CostMapCommandTests.publicMap(sim).map
        var sonnet = try #require(served["claude-sonnet-4-20250514"] as? [String: Any])
        sonnet["input_cost_per_token"] = nil
        sonnet["output_cost_per_token"] = nil
        var other = try #require(served["gpt-4o"] as? [String: Any])
        other["input_cost_per_token"] = ((other["input_cost_per_token"] as? Double) ?? 2.5e-6) * 100
        try files.write("edited.json", try Self.servedMap(sim, replacing: ["claude-sonnet-4-20250514": sonnet, "gpt-4o": other]))
        let p = try Harness.run(Harness.binary, ["preview", "cost-map", "--url", sim.baseURL, "--source-url", files.url + "/edited.json"], env: Self.key)
        #expect(p.status == 0, "\(p.err)")
        let lines = p.out.split(separator: "\n").filter { $0.hasPrefix("    ! ") }
        #expect(lines.first?.contains("deployment claude-sonnet is priced by claude-sonnet-4-20250514, which loses its prices") == true, "\(p.out)")
        #expect(lines.contains { $0.contains("gpt-4o: input price ×100") }, "\(p.out)")
    }

    @Test func betaHeaderPreviewSaysTheFallbackAndTheDroppedBetas() throws {
        let sim = try SimulatorProcess(args: [])
        defer { sim.stop() }
        let files = try FileServer()
        let cache = try CostMapCommandTests.cacheHome()
        var env = Self.key
        env["XDG_CACHE_HOME"] = cache
        // A mapping where Bedrock (used by the bedrock-claude deployment) drops every beta.
        let real = try JSONSerialization.jsonObject(with: Data(contentsOf: CostMapCommandTests.seed.appendingPathComponent("litellm-1.109.1/anthropic_beta_headers_config.json"))) as! [String: Any]
        var edited = real
        let bedrock = (real["bedrock"] as? [String: Any]) ?? [:]
        edited["bedrock"] = bedrock.mapValues { _ in NSNull() }
        try files.write("real.json", String(decoding: try JSONSerialization.data(withJSONObject: real), as: UTF8.self))
        try files.write("edited.json", String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self))
        try files.write("bad.json", "{\"openai\": {}}")
        let seen = try Harness.run(Harness.binary, ["reload", "beta-headers", "--preview", "--yes", "--url", sim.baseURL, "--beta-headers-url", files.url + "/real.json"], env: env)
        #expect(seen.status == 0 && seen.out.contains("as previewed"), "\(seen.out)\(seen.err)")
        let p = try Harness.run(Harness.binary, ["preview", "beta-headers", "--url", sim.baseURL, "--beta-headers-url", files.url + "/edited.json"], env: env)
        #expect(p.status == 0, "\(p.err)")
        #expect(p.out.contains("against   the mapping synctop last saw loaded on this proxy"), "\(p.out)")
        #expect(p.out.contains("bedrock — used by bedrock-claude") && p.out.contains("! dropped (was forwarded):"), "\(p.out)")
        let bad = try Harness.run(Harness.binary, ["preview", "beta-headers", "--url", sim.baseURL, "--beta-headers-url", files.url + "/bad.json", "--json"], env: env)
        #expect(bad.status == 1, "\(bad.out)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(bad.out.utf8)) as? [String: Any])
        #expect((doc["fallback_reason"] as? String)?.isEmpty == false && doc["expected_providers_count"] as? Int == 8, "\(doc)")
        #expect(doc["source_reached"] as? Bool == true)
        // A source synctop cannot reach says nothing of what the proxy loads (it may reach
        // it): UNKNOWN, not FALLBACK, and not a failure of the command.
        let dead = "http://127.0.0.1:\(SimulatorProcess.freePort())/mapping.json"
        let unknown = try Harness.run(Harness.binary, ["preview", "beta-headers", "--url", sim.baseURL, "--beta-headers-url", dead], env: env)
        #expect(unknown.status == 0, "\(unknown.out)\(unknown.err)")
        #expect(unknown.out.contains("check     UNKNOWN: synctop cannot read \(dead)") && unknown.out.contains("the proxy may reach it")
                && unknown.out.contains("if the proxy falls back too:") && !unknown.out.contains("FALLBACK"), "\(unknown.out)")
        let unknownJSON = try Harness.run(Harness.binary, ["preview", "beta-headers", "--url", sim.baseURL, "--beta-headers-url", dead, "--json"], env: env)
        let u = try #require(try JSONSerialization.jsonObject(with: Data(unknownJSON.out.utf8)) as? [String: Any])
        #expect(u["source_reached"] as? Bool == false && (u["not_reached_reason"] as? String)?.contains("refused") == true && u["fallback_reason"] is NSNull, "\(u)")
    }
}

/// Issue 19 in a real terminal: `r` previews in the confirmation dialog while it is open.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct PreviewDashboardTests {
    func dashboard(_ sim: SimulatorProcess, config: String, name: String) throws -> TmuxSession {
        let path = Harness.scratch(name) + "/config.toml"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --config \(path) --interval 2", width: 110, height: 40,
                               env: PreviewCommandTests.key.merging(["XDG_CACHE_HOME": Harness.scratch(name + "-cache"),
                                                                     "XDG_STATE_HOME": Harness.scratch(name + "-state")]) { a, _ in a })
    }

    @Test func rPreviewsThenYReloadsAndSaysAsPreviewed() throws {
        let sim = try SimulatorProcess(args: [])
        defer { sim.stop() }
        let tmux = try dashboard(sim, config: "cost_map_url = \"\(sim.baseURL)/_sim/remote/model_prices_and_context_window.json\"\n", name: "preview-dash")
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("r")
        let shown = tmux.waitFor("anomalies", timeout: 15)
        #expect(shown.found && shown.screen.contains("+1,517 new, −375 removed") && shown.screen.contains("deployment claude-sonnet is priced by"), "\(shown.screen)")
        #expect(shown.screen.contains("more lines: synctop preview cost-map"), "cut to the dialog, with the command that prints all: \(shown.screen)")
        tmux.send("y")
        let after = tmux.waitFor("as previewed", timeout: 15)
        #expect(after.found, "\(after.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)
    }

    @Test func anUnreachableSourceSaysWhyAndYStillReloads() throws {
        let sim = try SimulatorProcess(args: [])
        defer { sim.stop() }
        // No cost_map_url: the proxy's own source (GitHub) is out of reach here.
        let tmux = try dashboard(sim, config: "timeout = 2\n", name: "preview-dash-down")
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("r")
        let failed = tmux.waitFor("no preview:", timeout: 15)
        #expect(failed.found && failed.screen.contains("synctop could not fetch"), "\(failed.screen)")
        tmux.send("y")
        #expect(tmux.waitFor("reloaded successfully", timeout: 15).found)
        #expect(!tmux.capture().contains("as previewed"))
    }

    @Test func escStopsAPreviewUnderWay() throws {
        let sim = try SimulatorProcess(args: ["--latency", "4000"])
        defer { sim.stop() }
        let tmux = try dashboard(sim, config: "timeout = 10\ncost_map_url = \"\(sim.baseURL)/_sim/remote/model_prices_and_context_window.json\"\n", name: "preview-dash-esc")
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled", timeout: 20).found)
        tmux.send("r")
        #expect(tmux.waitFor("previewing: fetching").found)
        tmux.send("Escape")
        let stopped = tmux.waitFor("aborted: preview stopped, nothing was sent")
        #expect(stopped.found, "\(stopped.screen)")
        let posts = try Harness.curl(["-s", "\(sim.baseURL)/_sim/requests"]).out
        #expect(!posts.contains("\"POST\""), "nothing was sent: \(posts.prefix(400))")
    }
}
