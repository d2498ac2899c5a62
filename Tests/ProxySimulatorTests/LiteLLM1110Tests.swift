import Foundation
@testable import ProxySimulator
import Testing

/// What 1.110.2 serves differently from 1.109.1: its counts, `alias_of` rows resolved, its
/// deployments (`/v1/models`, `/model/info`, the registered entries).
@Suite struct LiteLLM1110Tests {
    static func object(_ response: SimResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(response.bytes)) as? [String: Any])
    }

    @Test func countsAsCaptured() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_110_2 }) { sim async throws in
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(source["model_count"]?.intValue == 4879, "4,877 loaded + one entry per deployment id")
            #expect(source["source_revision"]?.stringValue == "c8f11f1b697e1c3d7fcb6fbed38b78179150ac34")
            let served = try Self.object(try await Harness.send(sim, "GET", "/public/litellm_model_cost_map", key: nil))
            let catalog = try Self.object(try await Harness.send(sim, "GET", "/public/litellm_model_cost_map?catalog_only=true", key: nil))
            #expect(served.count == 4879 && catalog.count == 4877)
            let ids = Set(served.keys).subtracting(catalog.keys)
            #expect(ids == Set(SimulatedDeployment.v1_110_2.map(\.id)))
            for id in ids {
                let entry = try #require(served[id] as? [String: Any])
                #expect(entry["db_model"] as? Bool == false && entry["member_auto_router"] as? Bool == false)
            }
            let (status, reload) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(status == 200)
            #expect(reload["models_count"]?.intValue == 4877)
            #expect(reload["message"]?.stringValue == "Price data reloaded successfully! 4877 models updated.")
        }
    }

    @Test func aliasRowsAreServedAsTheirTargets() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_110_2 }) { sim async throws in
            for path in ["/public/litellm_model_cost_map", "/public/litellm_model_cost_map?catalog_only=true"] {
                let map = try Self.object(try await Harness.send(sim, "GET", path, key: nil))
                let alias = try #require(map["bedrock/claude-fable-latest"] as? [String: Any], "\(path)")
                let target = try #require(map["global.anthropic.claude-fable-5-1"] as? [String: Any])
                #expect(alias["alias_of"] == nil, "\(path)")
                let canonical = { (entry: [String: Any]) in try JSONSerialization.data(withJSONObject: entry, options: .sortedKeys) }
                #expect(try canonical(alias) == canonical(target), "\(path)")
                #expect(!map.values.contains { ($0 as? [String: Any])?["alias_of"] != nil }, "no stub left in \(path)")
            }
        }
    }

    /// 1.109.1 fetching 1.110.2's file serves the stubs as they are.
    @Test func version1109ServesTheStubs() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/_sim/remote?release=1.110.2", key: nil).status == 200)
            let (_, reload) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(reload["models_count"]?.intValue == 4877)
            let map = try Self.object(try await Harness.send(sim, "GET", "/public/litellm_model_cost_map?catalog_only=true", key: nil))
            #expect((map["bedrock/claude-fable-latest"] as? [String: String]) == ["alias_of": "global.anthropic.claude-fable-5-1"])
        }
    }

    /// Both expectations are what 1.110.2's own `_finalize_model_cost_map` returned.
    @Test func aliasRulesAsLiteLLM1110() throws {
        let raw = try PythonJSONParser.parse(Array("""
        {"a":{"p":1,"aliases":["a-new","b"]},"ptr":{"alias_of":"c"},"b":{"p":2},"c":{"p":3},
         "dangling":{"alias_of":"nowhere"},"chain":{"alias_of":"ptr"},"late":{"alias_of":"a"},
         "fallback_generalizations":{"rules":[]}}
        """.utf8))
        guard case .object(let object) = raw else { Issue.record("not an object"); return }
        let served = String(decoding: PythonJSONWriter.encode(.object(CostMapRules.finalize1_110_2(object))), as: UTF8.self)
        // `b` exists as an entry, so `a`'s alias to it is skipped; the pointer rows keep their
        // places; the dangling and chained pointers go; `a-new` comes last.
        #expect(served == #"{"a":{"p":1},"ptr":{"p":3},"b":{"p":2},"c":{"p":3},"late":{"p":1},"a-new":{"p":1}}"#)
        // A pointer row's name claimed by an `aliases` list first serves that list's owner.
        guard case .object(let second) = try PythonJSONParser.parse(Array(#"{"x":{"p":1,"aliases":["ptr"]},"ptr":{"alias_of":"c"},"c":{"p":3,"aliases":["z"]},"y":{"alias_of":"c"}}"#.utf8)) else { return }
        let claimed = String(decoding: PythonJSONWriter.encode(.object(CostMapRules.finalize1_110_2(second))), as: UTF8.self)
        #expect(claimed == #"{"x":{"p":1},"ptr":{"p":1},"c":{"p":3},"y":{"p":3},"z":{"p":3}}"#)  // CPython's answer
    }

    @Test func modelsAndModelInfoAsCaptured() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_110_2 }) { sim async throws in
            let models = try await Harness.send(sim, "GET", "/v1/models")
            #expect(models.text == #"{"data":[{"id":"claude-sonnet","object":"model","created":1677610602,"owned_by":"openai","mode":"chat","max_input_tokens":200000,"max_output_tokens":64000},{"id":"bedrock-claude","object":"model","created":1677610602,"owned_by":"openai","mode":"chat","max_input_tokens":200000,"max_output_tokens":4096}],"object":"list"}"#)
            let info = try await Harness.send(sim, "GET", "/model/info")
            #expect(info.status == 200)
            #expect(info.text.hasPrefix(#"{"data":[{"model_name":"claude-sonnet","litellm_params":{"allow_client_keepalive_override":false,"use_in_pass_through":false,"use_litellm_proxy":false,"use_xai_oauth":false,"merge_reasoning_content_in_choices":false,"model":"anthropic/claude-sonnet-4-5-20250929"},"model_info":{"id":"26e2c6cd561790cc0e5596cc8148c633bac1c8c1fed474cecee88c76ad0a5026","db_model":false,"member_auto_router":false,"pricing_overrides":[],"key":"claude-sonnet-4-5-20250929","max_tokens":64000,"max_input_tokens":200000,"max_output_tokens":64000,"input_cost_per_token":3e-6,"#))
            #expect(info.text.contains(#""aws_region_name":"us-east-1""#))
            // The registered entry in the public map: catalog fields first, then what
            // get_model_info adds, in its order, with what it knows of Anthropic.
            let map = try await Harness.send(sim, "GET", "/public/litellm_model_cost_map", key: nil)
            #expect(map.text.contains(#""source":"https://docs.anthropic.com/en/docs/about-claude/pricing","key":"claude-sonnet-4-5-20250929","max_tokens":64000,"input_cost_per_token_flex":null,"#))
            #expect(map.text.contains(#""supports_system_messages":true,"supports_parallel_function_calling":true,"#))
        }
    }

    @Test func orjsonFloats() {
        let cases: [(Double, String)] = [
            (3e-06, "3e-6"), (1.5e-05, "0.000015"), (1e-05, "0.00001"), (1.234567e-05, "0.00001234567"),
            (-1.5e-05, "-0.000015"), (0.0001, "0.0001"), (1e-300, "1e-300"), (1e16, "1e+16"), (1.5e300, "1.5e+300"),
            (0.1, "0.1"), (-3e-06, "-3e-6"), (1000000000000000.0, "1000000000000000.0"),
        ]
        for (value, expected) in cases { #expect(PythonFloatRepr.orjson(value) == expected, "\(value)") }
    }

    @Test func pythonJSONErrorWords() {
        func words(_ text: String) -> String {
            let bytes = Array(text.utf8)
            do { _ = try PythonJSONParser.parse(bytes); return "parsed" } catch { return PythonJSONErrors.message(for: error, in: bytes) }
        }
        // From CPython 3.11's json.loads.
        #expect(words("{oops}") == "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")
        #expect(words("") == "Expecting value: line 1 column 1 (char 0)")
        #expect(words("[1,2") == "Expecting ',' delimiter: line 1 column 5 (char 4)")
        #expect(words(#"{"a" 1}"#) == "Expecting ':' delimiter: line 1 column 6 (char 5)")
        #expect(words(#"{"a":1} x"#) == "Extra data: line 1 column 9 (char 8)")
        #expect(words("{\n \"a\":1\n x}") == "Expecting ',' delimiter: line 3 column 2 (char 10)")
    }
}
