import ProxySimulator
import Testing

/// FastAPI/Starlette routing answers and uvicorn's headers.
@Suite struct RoutingTests {
    @Test func unknownPathIs404BeforeAuth() async throws {
        try await Harness.withSimulator { sim async throws in
            for key in [Keys.master, nil] {
                let response = try await Harness.send(sim, "GET", "/nope", key: key)
                #expect(response.status == 404)
                #expect(response.text == #"{"detail":"Not Found"}"#)
            }
            #expect(try await Harness.send(sim, "GET", "/V1/MODELS").status == 404, "paths are case-sensitive")
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await Harness.withSimulator { sim async throws in
            let cases: [(String, String, String)] = [
                ("GET", "/reload/model_cost_map", "POST"),
                ("PUT", "/schedule/model_cost_map_reload", "POST"),
                ("POST", "/schedule/model_cost_map_reload/status", "GET"),
                ("POST", "/public/litellm_model_cost_map", "GET"),
                ("HEAD", "/health/liveliness", "GET"),
                ("OPTIONS", "/v1/models", "GET"),
            ]
            for (method, path, allow) in cases {
                let response = try await Harness.send(sim, method, path, key: nil)
                #expect(response.status == 405, "\(method) \(path)")
                #expect(response.header("allow") == allow)
                if method != "HEAD" { #expect(response.text == #"{"detail":"Method Not Allowed"}"#) }
            }
        }
    }

    @Test func trailingSlashRedirects() async throws {
        try await Harness.withSimulator { sim async throws in
            let response = try await Harness.send(sim, "GET", "/v1/models//?a=1", key: nil)
            #expect(response.status == 307)
            #expect(response.header("location") == "\(sim.baseURL)/v1/models?a=1")
            #expect(response.bytes.isEmpty && response.header("content-type") == nil)
        }
    }

    @Test func headersAreUvicornsAndLiteLLMs() async throws {
        try await Harness.withSimulator { sim async throws in
            let response = try await Harness.send(sim, "GET", "/health/liveliness", key: nil)
            #expect(response.headers.map { $0.name.lowercased() } == [
                "date", "server", "content-length", "content-type",
                "vary", "x-frame-options", "content-security-policy", "x-content-type-options",
            ])
            #expect(response.header("server") == "uvicorn")
            #expect(response.header("content-type") == "application/json")
            #expect(response.header("content-length") == "12")
            #expect(response.header("date")?.hasSuffix(" GMT") == true)
        }
    }

    @Test(arguments: LiteLLMVersion.allCases)
    func modelList(_ version: LiteLLMVersion) async throws {
        try await Harness.withSimulator({ $0.litellmVersion = version }) { sim async throws in
            let (status, body) = try await Harness.json(sim, "GET", "/v1/models")
            #expect(status == 200)
            guard case .array(let items)? = body["data"] else { Issue.record("no data"); return }
            #expect(items.compactMap { $0["id"]?.stringValue } == ["claude-sonnet", "bedrock-claude"])
            let expectedKeys = version == .v1_100_5
                ? ["id", "object", "created", "owned_by"]
                : ["id", "object", "created", "owned_by", "mode", "max_input_tokens", "max_output_tokens"]
            #expect(items.allSatisfy { $0.keys == expectedKeys })
            #expect(try await Harness.send(sim, "GET", "/models").status == 200)
        }
    }

    @Test func startFailsCleanlyOnABusyPort() async throws {
        try await Harness.withSimulator { sim async throws in
            var configuration = SimulatorConfiguration()
            configuration.port = sim.port
            await #expect(throws: (any Error).self) { _ = try await ProxySimulator.start(configuration) }
        }
    }
}
