import ProxySimulator
import Testing

/// `hours` validation and the order of checks: auth and route checks, then FastAPI's query
/// validation (422), then the endpoint's own checks (403, 400, database).
@Suite struct ValidationTests {
    static let scheduleRoutes = ["/schedule/model_cost_map_reload", "/schedule/anthropic_beta_headers_reload"]

    @Test(arguments: LiteLLMVersion.allCases)
    func unparsableHoursAre422(_ version: LiteLLMVersion) async throws {
        try await Harness.withSimulator({ $0.litellmVersion = version }) { sim async throws in
            for route in Self.scheduleRoutes {
                for raw in ["1.5", "abc", "1e3", "", "6.", "0x10", "1__0", "%D9%A1"] {
                    let response = try await Harness.send(sim, "POST", "\(route)?hours=\(raw)")
                    #expect(response.status == 422, "\(route) hours=\(raw)")
                    let decoded = raw.removingPercentEncoding!
                    let input = version == .v1_100_5 ? #","input":"\#(decoded)""# : ""
                    let expected = #"{"detail":[{"type":"int_parsing","loc":["query","hours"],"msg":"Input should be a valid integer, unable to parse string as an integer"\#(input)}]}"#
                    #expect(response.text == expected, "\(route) hours=\(raw)")
                }
                let missing = try await Harness.send(sim, "POST", route)
                #expect(missing.status == 422)
                let input = version == .v1_100_5 ? #","input":null"# : ""
                #expect(missing.text == #"{"detail":[{"type":"missing","loc":["query","hours"],"msg":"Field required"\#(input)}]}"#)
            }
        }
    }

    @Test func nonPositiveHoursAre400() async throws {
        try await Harness.withSimulator { sim async throws in
            for route in Self.scheduleRoutes {
                for raw in ["0", "-3", "-0", "0.0", "-6.0"] {
                    let response = try await Harness.send(sim, "POST", "\(route)?hours=\(raw)")
                    #expect(response.status == 400, "\(route) hours=\(raw)")
                    #expect(response.text == #"{"detail":"Hours must be greater than 0"}"#)
                }
            }
        }
    }

    /// Pydantic's lax integer parsing accepts more than digits, and the value is normalised.
    @Test func laxIntegersAreAccepted() async throws {
        try await Harness.withSimulator { sim async throws in
            let accepted: [(String, Int)] = [("%2B5", 5), ("%206%20", 6), ("6.00", 6), ("1_000.0", 1000), ("00007", 7), ("3&hours=4", 4)]
            for (raw, value) in accepted {
                let (status, body) = try await Harness.json(sim, "POST", "/schedule/model_cost_map_reload?hours=\(raw)")
                #expect(status == 200, "hours=\(raw)")
                #expect(body["interval_hours"]?.intValue == value)
                #expect(body["message"]?.stringValue == "Model cost map reload scheduled for every \(value) hours")
            }
            // The last occurrence wins, so a bad trailing value fails even after a good one.
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=3&hours=abc").status == 422)
        }
    }

    @Test func authAndRouteChecksComeBeforeValidation() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_100_5 }) { sim async throws in
            let path = "/schedule/model_cost_map_reload?hours=abc"
            #expect(try await Harness.send(sim, "POST", path, key: nil).status == 401)
            #expect(try await Harness.send(sim, "POST", path, key: Keys.wrong).status == 401)
            #expect(try await Harness.send(sim, "POST", path, key: Keys.viewer).status == 403)
            #expect(try await Harness.send(sim, "POST", path, key: Keys.user).status == 401)
            #expect(try await Harness.send(sim, "POST", path, key: Keys.master).status == 422)
        }
        try await Harness.withSimulator({ $0.hasDatabase = false; $0.litellmVersion = .v1_100_5 }) { sim async throws in
            let path = "/schedule/model_cost_map_reload?hours=abc"
            #expect(try await Harness.send(sim, "POST", path, key: nil).status == 500)
            #expect(try await Harness.send(sim, "POST", path, key: Keys.wrong).status == 400)
            #expect(try await Harness.send(sim, "POST", path, key: Keys.master).status == 422)
            // Without a database the 400 for hours still comes before the database check.
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=0").status == 400)
        }
    }

    @Test func catalogOnlyIsABooleanIn1_109_1() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_109_1 }) { sim async throws in
            let response = try await Harness.send(sim, "GET", "/public/litellm_model_cost_map?catalog_only=maybe", key: nil)
            #expect(response.status == 422)
            #expect(response.text == #"{"detail":[{"type":"bool_parsing","loc":["query","catalog_only"],"msg":"Input should be a valid boolean, unable to interpret input"}]}"#)
        }
        try await Harness.withSimulator({ $0.litellmVersion = .v1_100_5 }) { sim async throws in
            // 1.100.5 has no such parameter; FastAPI ignores unknown query parameters.
            #expect(try await Harness.send(sim, "GET", "/public/litellm_model_cost_map?catalog_only=maybe", key: nil).status == 200)
        }
    }

    /// LiteLLM parses any body before looking at the key (messages are orjson's, positions in
    /// characters), so a malformed one is a 400 even without a valid key.
    @Test func malformedBodiesAre400WhateverTheKey() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_100_5 }) { sim async throws in
            let cases: [(String, String)] = [
                ("hello", "unexpected character, expected a JSON value: line 1 column 1 (char 0)"),
                ("{\"é\":x}", "unexpected character, expected a JSON value: line 1 column 6 (char 5)"),
                ("{\"a\":1,}", "trailing comma is not allowed: line 1 column 7 (char 6)"),
                ("\n\nhi", "unexpected character, expected a JSON value: line 3 column 1 (char 2)"),
                ("-01", "number with leading zero is not allowed: line 1 column 2 (char 1)"),
            ]
            for key in [Keys.master, Keys.wrong, nil] {
                for (body, reason) in cases {
                    let response = try await Harness.send(sim, "POST", "/reload/model_cost_map", key: key, body: Array(body.utf8))
                    #expect(response.status == 400, "\(body)")
                    #expect(response.text == #"{"error":{"message":"Invalid JSON payload: \#(reason)","type":"invalid_request_error","param":"request_body","code":"400"}}"#)
                }
            }
            // Lenient json.loads accepts NaN; a form body is not JSON at all; a non-object crashes (500).
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map", body: Array(#"{"a":NaN}"#.utf8)).status == 200)
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("x".utf8)).status == 200)
            let list = try await Harness.send(sim, "POST", "/reload/model_cost_map", body: Array("[]".utf8))
            #expect(list.status == 500 && list.text.contains("internal_server_error"))
            // Endpoints without auth never read the body.
            #expect(try await Harness.send(sim, "GET", "/health/readiness", key: nil, body: Array("hello".utf8)).status == 200)
        }
    }
}
