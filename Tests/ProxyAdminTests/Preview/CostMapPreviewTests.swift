import Foundation
import Testing
@testable import ProxyAdmin

/// Issue 19: a cost-map reload previewed — LiteLLM's integrity rule, `alias_of` rows as
/// 1.110.2 serves them, the diff against the served map, anomalies for served models first.
@Suite struct CostMapPreviewTests {
    static func entry(_ input: Double?, _ output: Double?, context: Int? = nil, provider: String = "anthropic") -> String {
        var fields = ["\"litellm_provider\": \"\(provider)\""]
        if let input { fields.append("\"input_cost_per_token\": \(input)") }
        if let output { fields.append("\"output_cost_per_token\": \(output)") }
        if let context { fields.append("\"max_input_tokens\": \(context)") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `count` filler entries plus the named ones.
    static func map(_ named: [String: String], filler: Int = 60) throws -> CostMap {
        var parts = named.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
        parts += (0..<filler).map { "\"filler-\($0)\": \(entry(1e-6, 2e-6))" }
        return try CostMapSeeds.map("{" + parts.joined(separator: ", ") + "}")
    }

    static let deployments = [
        Deployment(modelName: "claude-sonnet", model: "anthropic/claude-sonnet-4", catalogKey: "claude-sonnet-4", provider: "anthropic", id: "hash-1"),
        Deployment(modelName: "cheap", model: "openai/gpt-mini", catalogKey: "gpt-mini", provider: "openai", id: "hash-2"),
    ]

    @Test func realFilesCountAsTheDiffDoes() throws {
        let old = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.old))
        let new = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.new))
        // The proxy serves neither file's `fallback_generalizations`; the preview leaves it
        // out of the new file as the proxy will.
        func served(_ m: CostMap) -> CostMap { CostMap(entries: m.entries.filter { $0.name != "fallback_generalizations" }, hasSampleSpec: m.hasSampleSpec) }
        let preview = CostMapPreview.compute(sourceURL: "u", served: served(old), file: new, deployments: [], version: "1.109.1", versionGuessed: false)
        let diff = CostMapDiff(old: served(old), new: served(new))
        #expect(preview.diff.added == diff.added.count && preview.diff.removed == diff.removed.count && preview.diff.repriced == diff.repricedCount)
        #expect(preview.diff.summary == diff.summary)
        #expect(preview.verdict == .loads(entries: 4551), "\(preview.verdict)")
        #expect(preview.diff.oldCount == diff.oldCount && preview.diff.newCount == diff.newCount, "no deployments: the files' own counts")
    }

    /// The totals are the proxy's `model_count` before and after: one entry per deployment
    /// id is registered at run time and stays through the reload (as the header counts).
    @Test func totalsCountAsTheProxysModelCount() throws {
        let old = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.old))
        let new = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.new))
        let ids = Self.deployments.compactMap(\.id).map { ModelEntry(name: $0, value: .object([]), raw: Array("{}".utf8)) }
        let served = CostMap(entries: old.entries.filter { $0.name != "fallback_generalizations" } + ids, hasSampleSpec: old.hasSampleSpec)
        let preview = CostMapPreview.compute(sourceURL: "u", served: served, file: new, deployments: Self.deployments, version: "1.109.1", versionGuessed: false)
        #expect(preview.diff.oldCount == served.modelCount, "the header's count: \(preview.diff.oldCount) vs \(served.modelCount)")
        // Registered again: the two ids, and `{}` under each deployment's model that the new
        // file lacks (neither claude-sonnet-4 nor gpt-mini is in it).
        #expect(new["claude-sonnet-4"] == nil && new["gpt-mini"] == nil)
        #expect(preview.diff.newCount == new.modelCount + 2 + 2, "\(preview.diff.newCount) vs \(new.modelCount)")
        #expect(preview.diff.removed == CostMapDiff(old: CostMap(entries: served.entries.filter { !$0.name.hasPrefix("hash-") }, hasSampleSpec: true), new: new).removed.count,
                "the deployment ids are not counted as removed")
        // A catalog-only served map (1.109+) lacks the registrations: the source endpoint's
        // model_count says how many there are.
        let catalog = CostMap(entries: old.entries.filter { $0.name != "fallback_generalizations" }, hasSampleSpec: old.hasSampleSpec)
        let fromCatalog = CostMapPreview.compute(sourceURL: "u", served: catalog, file: new, deployments: Self.deployments, version: "1.109.1",
                                                 versionGuessed: false, proxyModelCount: catalog.modelCount + 2)
        #expect(fromCatalog.diff.oldCount == catalog.modelCount + 2 && fromCatalog.diff.newCount == new.modelCount + 4)
        // Without deployments (/model/info unreadable): as many registrations as before.
        let blind = CostMapPreview.compute(sourceURL: "u", served: catalog, file: new, deployments: [], version: "1.109.1",
                                           versionGuessed: false, proxyModelCount: catalog.modelCount + 2)
        #expect(blind.diff.newCount == new.modelCount + 2)
        #expect(fromCatalog.diff.removed == preview.diff.removed && fromCatalog.diff.added == preview.diff.added)
    }

    @Test func integrityRuleAsLiteLLM1110() {
        #expect(CostMapValidation.check(entries: 0, version: "1.110.2") == .refused("the file is an empty object"))
        #expect(CostMapValidation.check(entries: 49, version: "1.110.2") != .loads(entries: 49))
        // 1.110.2's bundled 4,876: 2,437 fails and 2,438 loads (litellm/README.md).
        #expect(CostMapValidation.check(entries: 2437, version: "1.110.2") != .loads(entries: 2437))
        #expect(CostMapValidation.check(entries: 2438, version: "1.110.2") == .loads(entries: 2438))
        #expect(CostMapValidation.check(entries: 2276, version: "1.109.1") == .loads(entries: 2276))
    }

    @Test func aSmallFileIsRefusedWithTheReason() throws {
        let served = try Self.map(["claude-sonnet-4": Self.entry(3e-6, 1.5e-5)], filler: 3000)
        let file = try Self.map(["claude-sonnet-4": Self.entry(3e-6, 1.5e-5)], filler: 100)
        let p = CostMapPreview.compute(sourceURL: "u", served: served, file: file, deployments: [], version: "1.110.2", versionGuessed: false)
        #expect(p.refused)
        guard case .refused(let why) = p.verdict else { return }
        #expect(why.contains("101 entries") && why.contains("2438"), "\(why)")
    }

    @Test func servedModelsAnomaliesComeFirst() throws {
        let served = try Self.map([
            "claude-sonnet-4": Self.entry(3e-6, 1.5e-5, context: 200_000),
            "gpt-mini": Self.entry(1e-7, 4e-7),
            "unused-jump": Self.entry(1e-6, 1e-6),
            "unused-zero": Self.entry(1e-6, 1e-6),
            "shrinks": Self.entry(1e-6, 1e-6, context: 200_000),
            "hash-1": "{\"id\": \"hash-1\"}",
        ])
        let file = try Self.map([
            "claude-sonnet-4": Self.entry(nil, nil, context: 200_000),   // loses its prices
            "unused-jump": Self.entry(1.2e-5, 1e-6),                      // ×12
            "unused-zero": Self.entry(0, 1e-6),                            // → 0
            "shrinks": Self.entry(1e-6, 1e-6, context: 8192),
        ])  // gpt-mini gone
        let p = CostMapPreview.compute(sourceURL: "u", served: served, file: file, deployments: Self.deployments, version: "1.110.2", versionGuessed: false)
        #expect(p.anomalies.map(\.kind) == [.lostEntry, .lostPrice, .priceZero, .priceJump, .contextShrinks], "\(p.anomalies.map(\.text))")
        #expect(p.anomalies[0].text.contains("deployment cheap is priced by gpt-mini"), "\(p.anomalies[0].text)")
        #expect(p.anomalies[3].text.contains("×12"), "\(p.anomalies[3].text)")
        #expect(p.diff.removed == 1, "the deployment's id entry is a run-time registration, not a removal: \(p.diff)")
    }

    @Test func aliasRowsResolveAsTheProxyServesThem() throws {
        let file = try Self.map([
            "target": Self.entry(3e-6, 1.5e-5),
            "alias": "{\"alias_of\": \"target\"}",
            "dangling": "{\"alias_of\": \"nowhere\"}",
            "chain": "{\"alias_of\": \"alias\"}",
        ])
        let resolved = AliasRows.served(file, version: "1.110.2")
        #expect(resolved["alias"]?.inputPerMillion == 3)
        #expect(resolved["dangling"] == nil && resolved["chain"] == nil)
        #expect(AliasRows.served(file, version: "1.109.1")["alias"]?.aliasOf == "target", "1.109.1 serves the stub as it is")
        let p = CostMapPreview.compute(sourceURL: "u", served: file, file: file, deployments: [], version: "1.110.2", versionGuessed: false)
        #expect(p.aliasRows == 3)
    }

    @Test func afterTheReloadTheCountsAreCompared() throws {
        var counts = CostMapPreview.Counts(CostMapDiff(old: try Self.map([:]), new: try Self.map(["a": Self.entry(1e-6, 1e-6)])))
        let p = CostMapPreview(sourceURL: "u", version: "1.110.2", versionGuessed: false, verdict: .loads(entries: 61), fileEntries: 61,
                               aliasRows: 0, diff: counts, anomalies: [], deploymentsChecked: 0)
        #expect(p.compare(with: counts).hasPrefix("as previewed"))
        counts.added += 1
        #expect(p.compare(with: counts).hasPrefix("not as previewed: previewed +1 new; happened +2 new"))
    }

    @Test func deploymentsFromRealModelInfo() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.directory.appendingPathComponent("model-info-1.100.5.json")))
        let list = try Deployment.parseList(bytes)
        #expect(list.map(\.modelName) == ["claude-sonnet", "bedrock-claude", "foundry"])
        #expect(list[0].catalogKey == "claude-sonnet-4-20250514" && list[0].provider == "anthropic")
        #expect(list[1].catalogKey == "bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0" && list[1].provider == "bedrock")
        #expect(list[2].apiBase == "https://x.services.ai.azure.com/anthropic")
    }

    /// Pointer rows show their target's columns; `price` notes say where they point and the
    /// model's lifecycle.
    @Test func pointerRowsShowTheirTargetAndTheLifecycle() throws {
        let map = try Self.map([
            "target": "{\"input_cost_per_token\": 3e-06, \"litellm_provider\": \"bedrock\", \"deprecation_date\": \"2026-06-15\", \"deprecation_source\": \"https://docs\", \"successor_model\": \"next-model\"}",
            "alias": "{\"alias_of\": \"target\"}",
            "dangling": "{\"alias_of\": \"nowhere\"}",
        ])
        #expect(map["alias"]?.inputPerMillion == 3 && map["alias"]?.provider == "bedrock")
        #expect(map["alias"]?.raw == Array("{\"alias_of\": \"target\"}".utf8), "the stub's bytes stay as served")
        #expect(map["dangling"]?.inputPerMillion == nil)
        let notes = CostMapReport.notes(map["alias"]!, in: map)
        #expect(notes.first == "alias of target: LiteLLM 1.110.2 serves target's entry under this name (1.109.1 serves the stub as it is)")
        #expect(notes.last == "deprecated on 2026-06-15 (source: https://docs); successor: next-model")
        #expect(CostMapReport.notes(map["dangling"]!, in: map).first?.contains("not in the map: LiteLLM 1.110.2 drops this name") == true)
    }

    @Test func theReportedReleasePicksTheRules() {
        #expect(LiteLLMRelease.rules(for: "1.110.5") == "1.110.2")
        #expect(LiteLLMRelease.rules(for: "1.110.2") == "1.110.2")
        #expect(LiteLLMRelease.rules(for: "1.109.9") == "1.109.1")
        #expect(LiteLLMRelease.rules(for: "1.99.0") == nil)
        #expect(LiteLLMRelease.atLeast("1.110.2", "1.109.1") && !LiteLLMRelease.atLeast("1.9.0", "1.10.0"))
    }
}
