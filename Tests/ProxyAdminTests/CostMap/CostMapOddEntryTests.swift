import Testing
@testable import ProxyAdmin

/// Entries as a hand-edited or future cost map may hold them: the parse and the diff
/// must read them as the proxy (Python's `json`) does and never give up on the whole map.
@Suite struct CostMapOddEntryTests {
    @Test func numbersAsStringsMissingFieldsAndOtherTypesAreReadLeniently() throws {
        let map = try CostMapSeeds.map("""
        {"sample_spec": {"input_cost_per_token": "cost per token", "max_input_tokens": "max input tokens"},
         "strings": {"litellm_provider": "p", "mode": "chat", "input_cost_per_token": "0.000003",
                     "output_cost_per_token": " 1.5e-05 ", "max_input_tokens": "128000", "max_output_tokens": "8192.0"},
         "bare": {},
         "wrong types": {"litellm_provider": 7, "mode": null, "input_cost_per_token": true,
                         "output_cost_per_token": [1], "max_input_tokens": 12.5, "max_output_tokens": "lots"},
         "nested": {"search_context_cost_per_query": {"low": 0.01}, "supported_regions": ["us", "eu"]},
         "not an object": 42}
        """)
        #expect(map.entries.map(\.name) == ["strings", "bare", "wrong types", "nested", "not an object"], "file order, no sample_spec")
        let s = try #require(map["strings"])
        #expect(s.provider == "p" && s.mode == "chat")
        #expect(PriceText.rounded(try #require(s.inputPerMillion)) == 3)
        #expect(PriceText.rounded(try #require(s.outputPerMillion)) == 15)
        #expect(s.maxInputTokens == 128_000 && s.maxOutputTokens == 8192)
        let bare = try #require(map["bare"])
        #expect(bare.provider == nil && bare.inputPerMillion == nil && bare.maxInputTokens == nil)
        let wrong = try #require(map["wrong types"])
        #expect(wrong.provider == nil && wrong.mode == nil, "a number is not a provider name")
        #expect(wrong.inputPerMillion == nil && wrong.outputPerMillion == nil)
        #expect(wrong.maxInputTokens == nil, "12.5 is not a token count")
        #expect(wrong.maxOutputTokens == nil)
        #expect(map["nested"]?.value["search_context_cost_per_query"] == .object([("low", .double(0.01))]))
        #expect(map["not an object"]?.value == .int(42))
        #expect(map["not an object"]?.provider == nil)
    }

    @Test func aRepeatedKeyKeepsItsFirstPlaceAndLastValue() throws {
        let map = try CostMapSeeds.map(#"{"a": {"mode": "chat"}, "b": {}, "a": {"mode": "embedding"}}"#)
        #expect(map.entries.map(\.name) == ["a", "b"])
        #expect(map["a"]?.mode == "embedding", "Python's json keeps the last value")
    }

    @Test func notACostMapIsRefusedWithTheReason() {
        #expect(throws: CostMap.ParseError.notAnObject(kind: "an array")) { try CostMapSeeds.map("[1, 2]") }
        #expect(throws: CostMap.ParseError.self) { try CostMapSeeds.map("# README\n") }
        #expect(throws: CostMap.ParseError.self) { try CostMapSeeds.map(#"{"a": {"#) }
    }

    @Test func oneEqualsOnePointZeroAndKeyOrderIsIgnored() throws {
        let old = try CostMapSeeds.map(#"{"m": {"input_cost_per_token": 1, "max_tokens": 4096, "mode": "chat", "x": {"a": 1, "b": [1, 2.0]}}}"#)
        let new = try CostMapSeeds.map(#"{"m": {"mode": "chat", "x": {"b": [1.0, 2], "a": 1.0}, "max_tokens": 4096.0, "input_cost_per_token": 1.0}}"#)
        let diff = CostMapDiff(old: old, new: new)
        #expect(diff.isEmpty, "\(diff.changed)")
        #expect(diff.summary == "no change (1 models)")
    }

    @Test func aRepeatedKeyInsideAnEntryComparesByItsLastValue() throws {
        let old = try CostMapSeeds.map(#"{"m": {"input_cost_per_token": 1e-06, "input_cost_per_token": 2e-06}}"#)
        let new = try CostMapSeeds.map(#"{"m": {"input_cost_per_token": 2e-06}}"#)
        #expect(CostMapDiff(old: old, new: new).isEmpty)
    }

    @Test func fieldChangesNameTheFieldBothSidesAndThePercent() throws {
        let old = try CostMapSeeds.map("""
        {"m": {"input_cost_per_token": 2e-06, "output_cost_per_token": "0.00001", "mode": "chat", "gone": true, "max_tokens": 8},
         "free": {"input_cost_per_token": 0}, "text": {"input_cost_per_token": "n/a"},
         "shape": {"mode": "chat"}, "scalar": 1, "removed": {}}
        """)
        let new = try CostMapSeeds.map("""
        {"m": {"input_cost_per_token": 2.25e-06, "output_cost_per_token": 5e-06, "mode": "responses", "max_tokens": 8.0, "new": [1]},
         "free": {"input_cost_per_token": 1e-06}, "text": {"input_cost_per_token": 1e-06},
         "shape": ["chat"], "scalar": 2, "added": {}}
        """)
        let diff = CostMapDiff(old: old, new: new)
        #expect(diff.added == ["added"] && diff.removed == ["removed"])
        #expect(diff.changed.map(\.name) == ["m", "free", "text", "shape", "scalar"])
        let m = diff.changed[0]
        #expect(m.fields.map(\.key) == ["input_cost_per_token", "output_cost_per_token", "mode", "new", "gone"],
                "new entry's order, then fields only the old one had")
        #expect(m.fields[0].percent.map(PriceText.percent) == "+12.5%")
        #expect(m.fields[1].percent.map(PriceText.percent) == "−50%", "a price given as a string still compares as a number")
        #expect(m.fields[2].percent == nil, "mode is no price")
        #expect(m.fields[3].old == nil && m.fields[3].new == .array([.int(1)]))
        #expect(m.fields[4].old == .bool(true) && m.fields[4].new == nil)
        #expect(diff.changed[1].fields[0].percent == nil, "no percentage from zero")
        #expect(diff.changed[2].fields[0].percent == nil, "no percentage from text")
        #expect(diff.changed[3].fields.map(\.key) == [""] && !diff.changed[3].isRepriced, "an entry that is no longer an object")
        #expect(diff.changed[4].fields == [.init(key: "", old: .int(1), new: .int(2))])
        #expect(diff.repricedCount == 3)
        #expect(diff.summary == "+1 new, −1 removed, 3 re-priced, 2 other changes")
    }
}
