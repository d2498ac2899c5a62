import Foundation
import Testing
@testable import ProxyAdmin

/// One model count everywhere: `CostMap.modelCount` counts as LiteLLM's `model_count` and a
/// reload's `models_count` do (`len(litellm.model_cost)`): `sample_spec` counted,
/// `fallback_generalizations` not. The expected numbers are the proxies' own answers in
/// `shared/litellm/captures` (and `litellm/README.md`), not recomputed here.
@Suite struct ModelCountTests {
    static func seed(_ release: String) throws -> CostMap {
        try CostMap.parse(CostMapSeeds.bytes(CostMapSeeds.directory.appendingPathComponent("litellm-\(release)/model_prices_and_context_window.json")))
    }

    @Test func aBundledFileCountsAsTheReloadAnswers() throws {
        // captures: 1.100.5's reload of its bundled file answered models_count 3410, 1.110.2's 4877.
        let old = try Self.seed("1.100.5")
        #expect(old.modelCount == 3410)
        #expect(old.hasSampleSpec && old["fallback_generalizations"] != nil, "the raw file has both reserved keys")
        let new = try Self.seed("1.110.2")
        #expect(new.modelCount == 4877)
        // The table lists every entry but sample_spec; the count differs from the rows by
        // exactly what the note says.
        #expect(new.entries.count == 4877 && new.modelCountNote == "sample_spec counted, not listed")
    }

    @Test func theServedMapCountsAsTheSourceEndpoint() throws {
        // 1.110.2 serves its map without fallback_generalizations, with one entry per
        // deployment id: /model/cost_map/source answered model_count 4879 with two.
        let file = try Self.seed("1.110.2")
        let deployments = ["hash-1", "hash-2"].map { ModelEntry(name: $0, value: .object([]), raw: Array("{}".utf8)) }
        let served = CostMap(entries: file.entries.filter { $0.name != "fallback_generalizations" } + deployments, hasSampleSpec: true)
        #expect(served.modelCount == 4879)
        #expect(served.entries.count == 4878, "sample_spec has no row")
    }

    @Test func theIntegrityRuleCountsWithoutSampleSpec() throws {
        // LiteLLM's own validation leaves both reserved keys out: 4,876 for 1.110.2's file.
        #expect(CostMapValidation.countedEntries(try Self.seed("1.110.2")) == CostMapValidation.bundledEntries["1.110.2"])
        #expect(CostMapValidation.countedEntries(try Self.seed("1.100.5")) == CostMapValidation.bundledEntries["1.100.5"])
    }

    @Test func aMapWithoutTheReservedKeysCountsItsEntries() throws {
        let map = try CostMapSeeds.map(#"{"a": {}, "b": {}, "c": {}}"#)
        #expect(map.modelCount == 3 && !map.hasSampleSpec && map.modelCountNote == nil)
        let documented = try CostMapSeeds.map(#"{"sample_spec": {"max_tokens": "LEGACY"}, "a": {}, "fallback_generalizations": {}}"#)
        #expect(documented.entries.map(\.name) == ["a", "fallback_generalizations"])
        #expect(documented.modelCount == 2, "a and sample_spec")
    }

    @Test func theDiffCountsModelsAsLiteLLM() throws {
        let old = try CostMapSeeds.map(#"{"sample_spec": {}, "a": {}, "b": {}}"#)
        let new = try CostMapSeeds.map(#"{"sample_spec": {}, "a": {}, "b": {}, "c": {}, "fallback_generalizations": {}}"#)
        let diff = CostMapDiff(old: old, new: new)
        #expect(diff.oldCount == 3 && diff.newCount == 4)
    }
}
