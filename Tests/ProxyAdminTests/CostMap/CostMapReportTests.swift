import Foundation
import Testing
@testable import ProxyAdmin

/// How prices, entries and diffs read as text and JSON.
@Suite struct CostMapReportTests {
    // MARK: numbers

    /// Per-token prices from real maps, × 1M as the columns compute them; the first four
    /// come out of the multiplication as 0.19999999999999998, 0.7999999999999999, ...
    static let prices: [(Double, String)] = [
        (1e6 * 2e-07, "0.2"), (1e6 * 8e-07, "0.8"), (1e6 * 1e-07, "0.1"), (1e6 * 3.6e-06, "3.6"), (1e6 * 3e-06, "3"), (1e6 * 1.5e-07, "0.15"), (1e6 * 3.75e-08, "0.0375"), (1e6 * 1.25e-06, "1.25"),
        (1e6 * 1.5e-05, "15"), (1e6 * 2.1875e-06, "2.1875"), (1e6 * 5.46875e-07, "0.546875"),
        (1e6 * 1e-11, "0.00001"), (1e6 * 0.0001, "100"), (0, "0"), (1e6 * 7.5e-05, "75"),
        (123_456_789_012.0, "123456789000"), (-0.5, "-0.5"),
    ]

    @Test(arguments: prices)
    func pricesPrintExactlyWithoutFloatNoise(value: Double, text: String) {
        #expect(PriceText.price(value) == text)
    }

    @Test func theNoiseIsReallyThereBeforeRounding() {
        #expect(1e6 * 3.6e-06 != 3.6, "3.5999999999999996: what this formatting is for")
        #expect("\(1e6 * 2e-07)" == "0.19999999999999998")
        #expect(PriceText.rounded(1e6 * 3.6e-06) == 3.6)
        #expect(PriceText.rounded(1e6 * 2e-07) == 0.2)
        #expect(PriceText.rounded(1e6 * 3.75e-08) == 0.0375)
    }

    @Test func percentagesHaveOneDecimalAndASign() {
        #expect(PriceText.percent(12.5) == "+12.5%")
        #expect(PriceText.percent(-50) == "−50%")
        #expect(PriceText.percent(-84.61538461538461) == "−84.6%")
        #expect(PriceText.percent(0.04) == "0%")
        #expect(PriceText.percent(300) == "+300%")
    }

    @Test func plainDecimalNeverUsesAnExponent() {
        #expect(PriceText.plainDecimal(1e-07) == "0.0000001")
        #expect(PriceText.plainDecimal(1.5e-05) == "0.000015")
        #expect(PriceText.plainDecimal(1e16) == "10000000000000000")
        #expect(PriceText.plainDecimal(-2.5e-06) == "-0.0000025")
    }

    // MARK: price

    @Test func priceTextListsEveryFieldAsGivenThenDerivedPerMillionPrices() throws {
        let map = try CostMapSeeds.map("""
        {"m": {"litellm_provider": "anthropic", "input_cost_per_token": 3e-06, "output_cost_per_token": "0.000015",
               "cache_read_input_token_cost": 3e-07, "input_cost_per_audio_per_second_above_128k_tokens": 2,
               "max_input_tokens": 200000, "rpm": 1000.0, "mode": "chat", "note": "3", "blank": "",
               "search_context_cost_per_query": {"low": 0.01, "high": 1.0}, "supported_regions": ["us", "eu"],
               "supports_vision": true, "deprecation_date": null}}
        """)
        let text = CostMapReport.priceText(try #require(map["m"]))
        #expect(text == """
        litellm_provider                                   anthropic
        input_cost_per_token                               3e-06
        output_cost_per_token                              "0.000015"
        cache_read_input_token_cost                        3e-07
        input_cost_per_audio_per_second_above_128k_tokens  2
        max_input_tokens                                   200000
        rpm                                                1000.0
        mode                                               chat
        note                                               "3"
        blank                                              ""
        search_context_cost_per_query                      {"low":0.01,"high":1.0}
        supported_regions                                  ["us","eu"]
        supports_vision                                    true
        deprecation_date                                   null
        input_cost_per_token*1M                            3  (derived: $ per 1M tokens)
        output_cost_per_token*1M                           15  (derived: $ per 1M tokens)
        cache_read_input_token_cost*1M                     0.3  (derived: $ per 1M tokens)

        """)
    }

    @Test func priceTextOfAnEntryThatIsNotAnObject() throws {
        let map = try CostMapSeeds.map(#"{"odd": [1, "two"]}"#)
        #expect(CostMapReport.priceText(try #require(map["odd"])) == "(entry)  [1,\"two\"]\n")
    }

    @Test func priceJSONCarriesTheColumnsAndTheEntryAsGiven() throws {
        let map = try CostMapSeeds.map(#"{"m": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05, "max_tokens": 8.0}}"#)
        let json = CostMapReport.priceJSON(try #require(map["m"]), proxy: "http://p")
        #expect(json.rendered() == """
        {"proxy":"http://p","model":"m","provider":null,"mode":null,"input_per_million":3,"output_per_million":15,\
        "max_input_tokens":null,"max_output_tokens":null,"entry":{"input_cost_per_token":3e-06,"output_cost_per_token":1.5e-05,"max_tokens":8}}
        """)
    }

    // MARK: models

    @Test func modelsTextIsOneAlignedRowPerModel() throws {
        let map = try CostMapSeeds.map("""
        {"gpt-4o-mini": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07,
                         "max_input_tokens": 128000, "max_output_tokens": 16384},
         "claude": {"litellm_provider": "anthropic", "input_cost_per_token": 3e-06},
         "line\\nbreak": {}}
        """)
        let text = CostMapReport.modelsText(map, rows: [0, 1, 2])
        #expect(text == """
        model        provider   mode  in $/1M  out $/1M  max in  max out
        gpt-4o-mini  openai     chat     0.15       0.6  128000    16384
        claude       anthropic  -           3         -       -        -
        line?break   -          -           -         -       -        -

        """)
        #expect(CostMapReport.modelsText(map, rows: []) == "model  provider  mode  in $/1M  out $/1M  max in  max out\n")
    }

    @Test func modelsJSONWritesNumbersAsNumbersAndMissingAsNull() throws {
        let map = try CostMapSeeds.map(#"{"a": {"input_cost_per_token": "3.75e-08", "max_input_tokens": "1000"}, "b": {}}"#)
        let query = ModelQuery(filter: "", sort: .input)
        let json = CostMapReport.modelsJSON(map, rows: query.rows(of: map), query: query, proxy: "http://p")
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.rendered().utf8)) as? [String: Any])
        #expect(parsed["total"] as? Int == 2 && parsed["count"] as? Int == 2)
        #expect(parsed["sort"] as? String == "input" && parsed["descending"] as? Bool == true)
        let rows = try #require(parsed["models"] as? [[String: Any]])
        #expect(rows[0]["model"] as? String == "a")
        #expect(rows[0]["input_per_million"] as? Double == 0.0375)
        #expect(rows[0]["max_input_tokens"] as? Int == 1000)
        #expect(rows[0]["provider"] is NSNull && rows[1]["input_per_million"] is NSNull)
    }

    // MARK: diff

    @Test func diffTextStartsWithTheSummaryThenMarksEachModel() throws {
        let old = try CostMapSeeds.map(#"{"kept": {"input_cost_per_token": 2e-06, "mode": "chat"}, "gone": {}, "scalar": 1}"#)
        let new = try CostMapSeeds.map(#"{"kept": {"input_cost_per_token": 2.25e-06, "mode": "chat", "tier": "x"}, "fresh": {}, "scalar": "1"}"#)
        let text = CostMapReport.diffText(CostMapDiff(old: old, new: new), old: "a.json", new: "b.json")
        #expect(text == """
        +1 new, −1 removed, 1 re-priced, 1 other change (3 → 3 models)
        a.json → b.json
        + fresh
        − gone
        ~ kept
          input_cost_per_token: 2e-06 → 2.25e-06 ($2 → $2.25 per 1M) (+12.5%)
          tier: (absent) → x
        ~ scalar
          (entry): 1 → "1"

        """)
    }

    @Test func diffTextOfIdenticalMapsSaysNoChangeOnce() throws {
        let map = try CostMapSeeds.map(#"{"a": {}, "b": {}}"#)
        #expect(CostMapReport.diffText(CostMapDiff(old: map, new: map), old: "x", new: "y") == "no change (2 models)\nx → y\n")
    }

    @Test func diffJSONHasCountsAndFieldsWithNullForAbsent() throws {
        let old = try CostMapSeeds.map(#"{"kept": {"input_cost_per_token": 2e-06}, "gone": {}}"#)
        let new = try CostMapSeeds.map(#"{"kept": {"input_cost_per_token": 1e-06, "tier": [1]}, "fresh": {}}"#)
        let json = CostMapReport.diffJSON(CostMapDiff(old: old, new: new), old: "a", new: "b", prefix: [("proxy", .string("p"))])
        #expect(json.rendered() == """
        {"proxy":"p","old":"a","new":"b","summary":"+1 new, −1 removed, 1 re-priced","old_count":2,"new_count":2,\
        "counts":{"added":1,"removed":1,"changed":1,"repriced":1},"added":["fresh"],"removed":["gone"],\
        "changed":[{"model":"kept","repriced":true,"fields":[{"field":"input_cost_per_token","old":2e-06,"new":1e-06,"percent":-50},\
        {"field":"tier","old":null,"new":[1],"percent":null}]}]}
        """)
    }

    @Test func suggestionsForAnUnknownModel() throws {
        let map = try CostMapSeeds.map("""
        {"claude-3-5-sonnet-20241022": {}, "anthropic.claude-3-5-sonnet-20241022-v2:0": {}, "claude-3-opus": {},
         "gpt-4o": {}, "gpt-4o-mini": {}, "openai/gpt-4o": {}}
        """)
        #expect(map.suggestions(for: "GPT-4O") == ["gpt-4o", "gpt-4o-mini", "openai/gpt-4o"], "case-insensitive, shortest first")
        #expect(map.suggestions(for: "anthropic/claude-3-opus") == ["claude-3-opus"], "the part after the provider prefix")
        #expect(map.suggestions(for: "sonnet 20241022") == ["claude-3-5-sonnet-20241022", "anthropic.claude-3-5-sonnet-20241022-v2:0"],
                "every word")
        #expect(map.suggestions(for: "gpt", limit: 2) == ["gpt-4o", "gpt-4o-mini"])
        #expect(map.suggestions(for: "GPT4o") == ["gpt-4o", "gpt-4o-mini", "openai/gpt-4o"], "punctuation ignored last")
        #expect(map.suggestions(for: "llama").isEmpty)
    }

    /// Issue 20: `claude-sonnet-4.5` finds `claude-sonnet-4-5` first, not every sonnet.
    @Test func versionSeparatorsAreOne() throws {
        let map = try CostMapSeeds.map("""
        {"claude-sonnet-4-5": {}, "claude-sonnet-4-5-20250929": {}, "claude-3-sonnet": {}, "vertex_ai/claude-3-5-sonnet@20240620": {},
         "bedrock/claude-sonnet-4": {}}
        """)
        #expect(map.suggestions(for: "claude-sonnet-4.5") == ["claude-sonnet-4-5", "claude-sonnet-4-5-20250929"])
        #expect(map.suggestions(for: "anthropic/claude-sonnet-4.5") == ["claude-sonnet-4-5", "claude-sonnet-4-5-20250929"], "provider prefix dropped")
        #expect(map.suggestions(for: "claude-3-5-sonnet-20240620") == ["vertex_ai/claude-3-5-sonnet@20240620"])
        // The real map spells it both ways: a literal hit must not hide claude-sonnet-4-5.
        let both = try CostMapSeeds.map(#"{"github_copilot/claude-sonnet-4.5": {}, "claude-sonnet-4-5": {}, "claude-sonnet-4-5-20250929": {}, "x/claude-sonnet-4.5": {}}"#)
        #expect(both.suggestions(for: "claude-sonnet-4.5", limit: 3) == ["claude-sonnet-4-5", "x/claude-sonnet-4.5", "claude-sonnet-4-5-20250929"])
        // The real 1.100.5 map, as `synctop price claude-sonnet-4.5` met it.
        let real = try CostMap.parse(try CostMapSeeds.bytes(CostMapSeeds.old))
        #expect(real.suggestions(for: "claude-sonnet-4.5").first == "claude-sonnet-4-5")
    }
}
