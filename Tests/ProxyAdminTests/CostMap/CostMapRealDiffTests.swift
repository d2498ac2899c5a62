import Foundation
import Testing
@testable import ProxyAdmin

/// The diff of LiteLLM 1.100.5's cost map against 1.109.1's, checked against a second
/// computation that shares no code with the product (`IndependentCostMapDiff`) and against
/// the numbers Python's `json` + `==` gives (written down once, so both cannot drift together).
@Suite struct CostMapRealDiffTests {
    static let python = IndependentCostMapDiff.Counts(old: 3410, new: 4552, added: 1517, removed: 375, changed: 2614, repriced: 762)

    let diff: CostMapDiff
    let old: CostMap
    let new: CostMap

    init() throws {
        old = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.old))
        new = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.new))
        diff = CostMapDiff(old: old, new: new)
    }

    @Test func everyCountMatchesTheIndependentComputation() throws {
        let independent = try IndependentCostMapDiff.counts(old: Data(contentsOf: CostMapSeeds.old), new: Data(contentsOf: CostMapSeeds.new))
        let product = IndependentCostMapDiff.Counts(old: diff.oldCount, new: diff.newCount, added: diff.added.count,
                                                    removed: diff.removed.count, changed: diff.changed.count,
                                                    repriced: diff.repricedCount)
        #expect(independent == Self.python, "Foundation and Python agree")
        #expect(product == independent)
        #expect(diff.summary == "+1,517 new, −375 removed, 762 re-priced, 1,852 other changes")
    }

    @Test func namesAreKeptInFileOrderAndSampleSpecIsLeftOut() throws {
        #expect(old.entries.count == 3410)
        #expect(old["sample_spec"] == nil)
        #expect(!diff.added.contains("sample_spec") && !diff.removed.contains("sample_spec"))
        // Added names come in the new file's order, removed ones in the old file's.
        let newOrder = Dictionary(uniqueKeysWithValues: new.entries.enumerated().map { ($0.element.name, $0.offset) })
        #expect(diff.added.map { newOrder[$0]! } == diff.added.map { newOrder[$0]! }.sorted())
        let oldOrder = Dictionary(uniqueKeysWithValues: old.entries.enumerated().map { ($0.element.name, $0.offset) })
        #expect(diff.removed.map { oldOrder[$0]! } == diff.removed.map { oldOrder[$0]! }.sorted())
    }

    @Test func aRealRepricingCarriesOldNewAndPercent() throws {
        let titan = try #require(diff.changed.first { $0.name == "amazon.titan-text-express-v1" })
        #expect(titan.isRepriced)
        #expect(Set(titan.fields.map(\.key)) == ["input_cost_per_token", "output_cost_per_token", "max_tokens"])
        let input = try #require(titan.fields.first { $0.key == "input_cost_per_token" })
        #expect(input.old == .double(1.3e-06) && input.new == .double(2e-07))
        #expect(PriceText.percent(try #require(input.percent)) == "−84.6%")
        let maxTokens = try #require(titan.fields.first { $0.key == "max_tokens" })
        #expect(maxTokens.new == nil, "a field the new map dropped")
        #expect(maxTokens.percent == nil, "not a price")
    }

    @Test func intAgainstFloatAndKeyOrderAreNoChange() throws {
        // 1.109.1 writes prompt_cache_min_tokens as 4096.0 where 1.100.5 had 4096.
        let gemini = try #require(diff.changed.first { $0.name == "gemini-3.1-pro-preview" })
        #expect(!gemini.fields.contains { $0.key == "prompt_cache_min_tokens" })
        // The same fields in another order: equal as Python dicts.
        #expect(old["xai/grok-imagine-image-pro"]?.value != new["xai/grok-imagine-image-pro"]?.value, "the order differs")
        #expect(!diff.changed.contains { $0.name == "xai/grok-imagine-image-pro" })
    }
}
