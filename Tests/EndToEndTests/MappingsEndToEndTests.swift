import Foundation
import Testing

/// The beta-header mapping in a real terminal and as one-shot commands, read from the
/// simulator's "remote" file (what its reloads fetch) or from the real data files.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct MappingsEndToEndTests {
    static let key = ["LITELLM_PROXY_API_KEY": SimulatorProcess.masterKey]
    static let data = Harness.packageRoot.appendingPathComponent("Tests/ProxyAdminTests/Fixtures")
    static let old = data.appendingPathComponent("litellm-1.100.5-anthropic_beta_headers_config.json").path
    static let new = data.appendingPathComponent("litellm-1.109.1-anthropic_beta_headers_config.json").path

    static func remote(_ sim: SimulatorProcess) -> String { "\(sim.baseURL)/_sim/remote/anthropic_beta_headers_config.json" }

    @Test func pasteAHeaderLineAndReadWhatEachProviderReceives() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --beta-headers-url \(Self.remote(sim))",
                                   width: 120, height: 40, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("2")
        let table = tmux.waitFor("40 betas × 7 providers")
        #expect(table.found, "\(table.screen)")
        #expect(table.screen.contains("/_sim/remote/anthropic_beta_headers_config.json"), "the source is named")

        tmux.send("c")
        #expect(tmux.waitFor("anthropic-beta:").found)
        tmux.sendLiteral("anthropic-beta: context-1m-2025-08-07, advanced-tool-use-2025-11-20,,files-api-2025-04-14,bogus-9")
        tmux.send("Enter")
        let checked = tmux.waitFor("4 beta(s) read")
        #expect(checked.found, "\(checked.screen)")
        let s = checked.screen
        #expect(s.contains("renamed advanced-tool-use-2025-11-20 → tool-search-tool-2025-10-19"), "\(s)")
        #expect(s.contains("dropped files-api-2025-04-14: unsupported (null)"))
        #expect(s.contains("dropped bogus-9: unknown to anthropic"))
        #expect(s.contains("bedrock           both    context-1m-2025-08-07,tool-search-tool-2025-10-19"), "renamed, deduplicated, sorted")

        tmux.send("Escape")
        tmux.send("/")
        tmux.sendLiteral("mantle")
        #expect(tmux.waitFor("no beta matches the filter").found, "filter by beta name")
        tmux.send("Escape")
        #expect(tmux.waitFor("40 betas × 7 providers").found, "Esc clears the filter")
    }

    @Test func aReloadFromSynctopShowsWhatTheMappingGained() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        // The remote file is the older release when synctop starts...
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.100.5"])
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --beta-headers-url \(Self.remote(sim))",
                                   width: 120, height: 40, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("2")
        #expect(tmux.waitFor("31 betas × 6 providers").found)
        // ...then it moves on, and the operator reloads the beta headers.
        _ = try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.109.1"])
        tmux.send("1")
        tmux.send("Tab")
        tmux.send("r")
        #expect(tmux.waitFor("Reload the anthropic beta headers on").found)
        tmux.send("y")
        let result = tmux.waitFor("beta headers reload: +2 column(s) (bedrock_mantle, vertex_ai_header_only), +9 beta(s)")
        #expect(result.found, "the events say what the reload changed: \(result.screen)")
        tmux.send("2")
        tmux.send("d")
        let changes = tmux.waitFor("what the beta-header reload changed")
        #expect(changes.found, "\(changes.screen)")
        #expect(changes.screen.contains("+ bedrock_mantle"))
        #expect(changes.screen.contains("+ compact-2026-09-04"))
    }

    @Test func anUnreadableSourceFallsBackToTheBundledCopyAndSaysSo() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let tmux = try TmuxSession(command: "\(Harness.binary) --url \(sim.baseURL) --beta-headers-url http://127.0.0.1:9/nothing.json",
                                   width: 160, height: 40, env: Self.key)
        defer { tmux.kill() }
        #expect(tmux.waitFor("polled").found)
        tmux.send("2")
        let shown = tmux.waitFor("bundled copy — may differ from what the proxy loaded")
        #expect(shown.found, "\(shown.screen)")
        #expect(shown.screen.contains("40 betas × 7 providers"), "the bundled 1.109.1 copy is on screen")
    }

    @Test func checkHeadersCommandAnswersAsJSON() throws {
        let r = try Harness.run(Harness.binary, ["check-headers", "compact-2026-09-04, context-1m-2025-08-07 ,nope", "--provider", "vertex_ai",
                                                 "--beta-headers-file", Self.new, "--json", "--litellm-version", "1.109.1"])
        #expect(r.status == 0, "\(r.err)")
        let j = try #require(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        // The mapping it checked against, named as `mappings --json` names it, and whose rules.
        let source = try #require(j["source"] as? [String: Any])
        #expect(source["location"] as? String == Self.new && source["origin"] as? String == "--beta-headers-file", "\(source)")
        #expect(source["bundled"] as? Bool == false && source["fallback_reason"] is NSNull)
        #expect(j["litellm_version"] as? String == "1.109.1" && j["litellm_version_basis"] as? String == "--litellm-version 1.109.1")
        let all = try #require(j["checks"] as? [[String: Any]])
        #expect(all.count == 2, "header and body")
        let header = try #require(all.first { $0["placement"] as? String == "header" })
        let body = try #require(all.first { $0["placement"] as? String == "body" })
        #expect(header["provider"] as? String == "vertex_ai")
        #expect(header["forwarded"] as? [String] == ["compact-2026-09-04", "context-1m-2025-08-07"], "header-only overlay")
        #expect(body["forwarded"] as? [String] == ["context-1m-2025-08-07"], "header-only betas leave the body")
        let dropped = try #require(body["dropped"] as? [[String: Any]])
        #expect(dropped.map { $0["beta"] as? String } == ["compact-2026-09-04", "nope"])
        #expect(dropped.map { $0["reason"] as? String } == ["unknown", "unknown"])
    }

    @Test func mappingsAndDiffCommandsOnTheRealFiles() throws {
        let table = try Harness.run(Harness.binary, ["mappings", "--provider", "bedrock", "--beta-headers-file", Self.old, "--json"])
        #expect(table.status == 0, "\(table.err)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(table.out.utf8)) as? [String: Any])
        #expect(json["providers"] as? [String] == ["bedrock"])

        let unknown = try Harness.run(Harness.binary, ["mappings", "--provider", "nosuch", "--beta-headers-file", Self.old])
        #expect(unknown.status == 64)
        #expect(unknown.err.contains("no column for provider \"nosuch\""))

        let diff = try Harness.run(Harness.binary, ["mappings", "diff", Self.old, Self.new, "--json"])
        #expect(diff.status == 0, "\(diff.err)")
        let d = try #require(JSONSerialization.jsonObject(with: Data(diff.out.utf8)) as? [String: Any])
        #expect(d["added_columns"] as? [String] == ["bedrock_mantle", "vertex_ai_header_only"])
        #expect((d["added_betas"] as? [Any])?.count == 9)

        let missing = try Harness.run(Harness.binary, ["mappings", "diff", "/nonexistent.json", Self.new])
        #expect(missing.status == 64)
        let notMapping = try Harness.run(Harness.binary, ["mappings", "diff", Self.data.appendingPathComponent("../../../README.md").path, Self.new])
        #expect(notMapping.status == 65, "\(notMapping.err)")

        // Issue 17: JSON that is no beta-header mapping — a cost map, `{}`, provider keys
        // that hold no betas — is refused with 65 and what is wrong.
        let costMap = CostMapCommandTests.new
        let wrongFile = try Harness.run(Harness.binary, ["mappings", "diff", costMap, Self.new])
        #expect(wrongFile.status == 65, "\(wrongFile.err)")
        #expect(wrongFile.err.contains("none of the provider keys anthropic, azure_ai, bedrock, bedrock_converse, vertex_ai is there; its 4553 key(s) begin"),
                "\(wrongFile.err)")
        let dir = Harness.scratch("mappings")
        try "{}".write(toFile: dir + "/empty.json", atomically: true, encoding: .utf8)
        try #"{"anthropic": 1, "vertex_ai": ["a"]}"#.write(toFile: dir + "/odd.json", atomically: true, encoding: .utf8)
        let empty = try Harness.run(Harness.binary, ["mappings", "diff", Self.old, dir + "/empty.json"])
        #expect(empty.status == 65 && empty.err.contains("empty: the top-level object has no keys"), "\(empty.err)")
        let odd = try Harness.run(Harness.binary, ["mappings", "diff", dir + "/odd.json", Self.new])
        #expect(odd.status == 65, "\(odd.err)")
        #expect(odd.err.contains("odd.json is not a beta-header mapping: none of the provider keys"), "\(odd.err)")
        #expect(odd.err.contains("\"vertex_ai\" is an array, not an object of betas"), "\(odd.err)")
    }
}
