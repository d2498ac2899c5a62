import Foundation
import Testing

/// "What does each of my deployments receive?": `synctop check-headers --deployments`
/// against the simulator's /model/info and against a real 1.110.2 /model/info served from
/// a fixture, in a terminal and as JSON, and the Mappings view's 1.110.2 markers.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct CheckHeadersDeploymentsEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]
    static let fixtures = Harness.packageRoot.appendingPathComponent("Tests/ProxyAdminTests/Fixtures")
    static let mapping1110 = fixtures.appendingPathComponent("litellm-1.110.2-anthropic_beta_headers_config.json").path
    static let line = "context-1m-2025-08-07, per-turn-control-2026-07-01,bogus,advanced-tool-use-2025-11-20"

    static func remote(_ sim: SimulatorProcess) -> String { "\(sim.baseURL)/_sim/remote/anthropic_beta_headers_config.json" }

    @Test func everyDeploymentOfTheSimulatorInATerminal() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) check-headers '\(Self.line)' --deployments --url \(sim.baseURL) "
                                       + "--beta-headers-file \(Self.mapping1110) --litellm-version 1.110.2",
                                   width: 160, height: 40, env: Self.key)
        defer { tmux.kill() }
        let done = tmux.waitFor("EXITED 0")
        #expect(done.found, "\(done.screen)")
        let s = done.screen
        #expect(s.contains("rules: LiteLLM 1.110.2's, per deployment on /v1/messages (--litellm-version 1.110.2)"), "\(s)")
        // The simulator's two deployments, by the names clients call.
        #expect(s.contains("claude-sonnet  anthropic/claude-sonnet-4-20250514"))
        #expect(s.contains("route   native Anthropic: nothing filtered (=)"))
        #expect(s.contains("header  advanced-tool-use-2025-11-20,bogus,context-1m-2025-08-07,per-turn-control-2026-07-01"), "unfiltered, sorted")
        #expect(s.contains("bedrock-claude  bedrock/anthropic.claude-3-sonnet-20240229-v1:0"))
        #expect(s.contains("Bedrock Invoke: the bedrock row, betas it does not list dropped; keeps nothing"))
        #expect(s.contains("header  context-1m-2025-08-07,tool-search-tool-2025-10-19"), "Claude 3 keeps no per-turn control")
    }

    @Test func theDefaultRulesSayWhyAndJSONCarriesTheRoutes() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        // The simulator's readiness says no version: 1.109.1's rules, and the line says why.
        let text = try Harness.run(Harness.binary, ["check-headers", Self.line, "--deployments", "--url", sim.baseURL,
                                                    "--beta-headers-url", Self.remote(sim)], env: Self.key)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.hasPrefix("rules: LiteLLM 1.109.1's, the provider's column of the mapping file (default: the proxy at \(sim.baseURL) does not report its version"),
                "\(text.out)")
        #expect(!text.out.contains("route "), "no routes under the column rules")

        let r = try Harness.run(Harness.binary, ["check-headers", Self.line, "--deployments", "--url", sim.baseURL, "--json",
                                                 "--beta-headers-file", Self.mapping1110, "--litellm-version", "1.110.2"], env: Self.key)
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((j["source"] as? [String: Any])?["location"] as? String == Self.mapping1110, "\(r.out)")
        #expect(j["litellm_version"] as? String == "1.110.2")
        let all = try #require(j["checks"] as? [[String: Any]])
        #expect(all.count == 4, "two deployments, header and body each")
        let header = { (name: String) in all.first { $0["deployment"] as? String == name && $0["placement"] as? String == "header" } }
        let anthropic = try #require(header("claude-sonnet"))
        #expect(anthropic["route"] as? String == "verbatim" && anthropic["proxy_passes_header"] as? Bool == true)
        #expect(anthropic["header_value"] as? String == "advanced-tool-use-2025-11-20,bogus,context-1m-2025-08-07,per-turn-control-2026-07-01")
        let bedrock = try #require(header("bedrock-claude"))
        #expect(bedrock["route"] as? String == "filtered" && bedrock["row"] as? String == "bedrock")
        #expect(bedrock["header_value"] as? String == "context-1m-2025-08-07,tool-search-tool-2025-10-19")

        // Without a key /model/info is refused: the command says so and exits 77.
        let refused = try Harness.run(Harness.binary, ["check-headers", Self.line, "--deployments", "--url", sim.baseURL,
                                                       "--beta-headers-file", Self.mapping1110], env: ["LITELLM_PROXY_API_KEY": "sk-wrong"])
        #expect(refused.status == 77, "\(refused.out)\n\(refused.err)")
        #expect(refused.err.contains("cannot read the deployments (/model/info)"))
    }

    /// A real 1.110.2 proxy's /model/info (eleven deployments) and a readiness that reports
    /// 1.110.2, served as files: the reported version picks the rules.
    static let python3 = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: python3 != nil, "needs python3 (/usr/bin or /usr/local/bin) to serve the fixture"))
    func theRealModelInfoWithAReportedVersion() throws {
        let root = Harness.scratch("model-info-1110")
        try FileManager.default.createDirectory(atPath: root + "/model", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/health", withIntermediateDirectories: true)
        try Data(contentsOf: Self.fixtures.appendingPathComponent("model-info-1.110.2.json")).write(to: URL(fileURLWithPath: root + "/model/info"))
        try Data(#"{"status": "healthy", "db": "connected", "litellm_version": "1.110.2"}"#.utf8)
            .write(to: URL(fileURLWithPath: root + "/health/readiness"))
        let port = SimulatorProcess.freePort()
        var server = try Harness.spawn(Self.python3!, ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root])
        defer { _ = Harness.stop(&server, signal: SIGTERM) }
        let url = "http://127.0.0.1:\(port)"
        #expect(Harness.eventually(timeout: 10) { (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", url + "/health/readiness"]).out) == "200" })

        let tmux = try TmuxSession(command: "\(Harness.binary) check-headers '\(Self.line)' --deployments --url \(url) --beta-headers-file \(Self.mapping1110) | head -3",
                                   width: 200, height: 60, env: Self.key)
        defer { tmux.kill() }
        let shown = tmux.waitFor("rules: LiteLLM 1.110.2's, per deployment on /v1/messages (the proxy reports 1.110.2)")
        #expect(shown.found, "\(shown.screen)")

        let r = try Harness.run(Harness.binary, ["check-headers", Self.line, "--deployments", "--url", url, "--json", "--placement", "header",
                                                 "--beta-headers-file", Self.mapping1110], env: Self.key)
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(j["litellm_version"] as? String == "1.110.2" && j["litellm_version_basis"] as? String == "the proxy reports 1.110.2", "\(r.out)")
        let all = try #require(j["checks"] as? [[String: Any]])
        #expect(all.count == 11)
        func row(_ name: String) throws -> [String: Any] { try #require(all.first { $0["deployment"] as? String == name }, "\(name)") }
        #expect(try row("claude-foundry")["row"] as? String == "azure_ai")
        #expect(try row("claude-foundry")["forwarded_unlisted"] as? [String] == ["bogus"], "Foundry passes what azure_ai does not list")
        #expect(try row("foundry-azure-ai")["header_value"] as? String == "advanced-tool-use-2025-11-20,context-1m-2025-08-07,per-turn-control-2026-07-01")
        #expect(try row("sonnet-invoke")["kept"] as? [String] == ["per-turn-control-2026-07-01"])
        #expect(try row("sonnet-invoke")["header_value"] as? String == "context-1m-2025-08-07,tool-search-tool-2025-10-19,per-turn-control-2026-07-01")
        #expect(try row("sonnet-invoke-no-ptc")["kept"] as? [String] == [])
        #expect(try row("haiku3-converse")["route"] as? String == "translated")
        #expect(try row("haiku-mantle")["header_value"] as? String == Self.line, "Mantle sends the line as it came")
        #expect(try row("compat-gateway")["proxy_passes_header"] as? Bool == false)
        #expect(try row("compat-gateway")["header_value"] is NSNull)
    }

    @Test func theMappingsViewMarksThe1110Columns() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --beta-headers-url \(Self.remote(sim)) --litellm-version 1.110.2",
                                   width: 80, height: 24, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("2")
        // The detail pane's last marked line, drawn after the legend: the whole view is on screen.
        let shown = tmux.waitFor("=bedrock_mantle")
        #expect(shown.found, "\(shown.screen)")
        #expect(shown.screen.contains("1.110.2: = header not filtered  » anthropic on Foundry: unlisted betas pass"), "\(shown.screen)")
        #expect(shown.screen.contains("=anthrop") && shown.screen.contains("»azure_ai"), "\(shown.screen)")
        tmux.send("q")
        #expect(tmux.waitFor("EXITED 0").found)

        // Without the release (the simulator does not report one): no markers.
        let plain = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --beta-headers-url \(Self.remote(sim))",
                                    width: 80, height: 24, env: Self.key)
        defer { plain.kill() }
        #expect(plain.waitFor("polled").found)
        plain.send("2")
        let table = plain.waitFor("│ databricks  ")  // the detail pane's last line: all drawn
        #expect(table.found, "\(table.screen)")
        #expect(!table.screen.contains("=anthrop") && !table.screen.contains("/v1/messages"), "\(table.screen)")
    }
}
