import ProxySimulator
import Testing

/// Keys and roles, with the exact bodies LiteLLM's auth layer produces (checked against the
/// real 1.100.5 app with its key cache standing in for the database).
@Suite struct AuthTests {
    static let writes: [(String, String)] = [
        ("POST", "/reload/model_cost_map"),
        ("POST", "/schedule/model_cost_map_reload?hours=6"),
        ("DELETE", "/schedule/model_cost_map_reload"),
        ("POST", "/reload/anthropic_beta_headers"),
        ("POST", "/schedule/anthropic_beta_headers_reload?hours=24"),
        ("DELETE", "/schedule/anthropic_beta_headers_reload"),
    ]
    static let reads = ["/schedule/model_cost_map_reload/status", "/schedule/anthropic_beta_headers_reload/status", "/model/cost_map/source"]

    static func routeOnly(_ path: String) -> String { String(path.split(separator: "?")[0]) }

    @Test(arguments: LiteLLMVersion.allCases)
    func viewerReadsButCannotWrite(_ version: LiteLLMVersion) async throws {
        try await Harness.withSimulator({ $0.litellmVersion = version }) { sim async throws in
            for path in Self.reads {
                #expect(try await Harness.send(sim, "GET", path, key: Keys.viewer).status == 200, "\(path)")
            }
            #expect(try await Harness.send(sim, "GET", "/v1/models", key: Keys.viewer).status == 200)
            let param = version == .v1_100_5 ? #""None""# : "null"
            for (method, path) in Self.writes {
                let response = try await Harness.send(sim, method, path, key: Keys.viewer)
                #expect(response.status == 403, "\(method) \(path)")
                let message = "user not allowed to access this route, role= proxy_admin_viewer. Trying to access: \(Self.routeOnly(path))"
                #expect(response.text == #"{"error":{"message":"\#(message)","type":"auth_error","param":\#(param),"code":"403"}}"#)
            }
            // Nothing changed.
            let (_, status) = try await Harness.json(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(status["scheduled"]?.boolValue == false)
            #expect(status["last_run"]?.isNull == true)
        }
    }

    @Test func internalUserIsRefusedByRouteChecks() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_100_5 }) { sim async throws in
            for (method, path) in Self.writes + Self.reads.map({ ("GET", $0) }) {
                let response = try await Harness.send(sim, method, path, key: Keys.user)
                #expect(response.status == 401, "\(method) \(path)")
                let message = "Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. "
                    + "Route=\(Self.routeOnly(path)). Your role=internal_user. Your user_id=syncto****er"
                #expect(response.text == #"{"error":{"message":"\#(message)","type":"auth_error","param":"None","code":"401"}}"#)
            }
            // LLM routes are open to every valid key.
            #expect(try await Harness.send(sim, "GET", "/v1/models", key: Keys.user).status == 200)
        }
    }

    @Test func wrongAndMissingKeysWithDatabase() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_100_5 }) { sim async throws in
            let path = "/schedule/model_cost_map_reload/status"
            let short = try await Harness.send(sim, "GET", path, key: Keys.wrong)
            #expect(short.status == 401)
            #expect(short.text.contains("Received API Key = sk-..., Key Hash (Token) =fa15715de513b67c4e7f1d37f1ee57fa9aa172a4f3218804114b34df5044a3be."))
            // Keys of 16+ characters show their last four.
            let long = try await Harness.send(sim, "GET", path, key: "sk-0123456789abcdef")
            #expect(long.text.contains("Received API Key = sk-...cdef, Key Hash (Token) ="))
            let notSK = try await Harness.send(sim, "GET", path, key: "wrongkey-nosk")
            #expect(notSK.status == 401)
            #expect(notSK.text == #"{"error":{"message":"LiteLLM Virtual Key expected. Received=wron****nosk, expected to start with 'sk-'.","type":"auth_error","param":"None","code":"401"}}"#)
            let malformed = try await Harness.send(sim, "GET", path, key: nil, headers: [("Authorization", Keys.master)])
            #expect(malformed.status == 401)
            #expect(malformed.text.contains("Malformed API Key passed in. Ensure Key has `Bearer ` prefix."))
            // Other headers LiteLLM reads keys from.
            #expect(try await Harness.send(sim, "GET", path, key: nil, headers: [("x-litellm-api-key", Keys.master)]).status == 200)
            #expect(try await Harness.send(sim, "GET", path, key: nil, headers: [("api-key", Keys.master)]).status == 200)
            #expect(try await Harness.send(sim, "GET", path, key: nil, headers: [("Authorization", "bearer \(Keys.master)")]).status == 200)
            // x-litellm-api-key wins over Authorization.
            #expect(try await Harness.send(sim, "GET", path, key: Keys.master, headers: [("x-litellm-api-key", Keys.wrong)]).status == 401)
        }
    }

    @Test func noDatabaseQuirks() async throws {
        try await Harness.withSimulator({ $0.hasDatabase = false; $0.litellmVersion = .v1_100_5 }) { sim async throws in
            let path = "/schedule/model_cost_map_reload/status"
            for key in [Keys.wrong, Keys.viewer, Keys.user] {
                let response = try await Harness.send(sim, "GET", path, key: key)
                #expect(response.status == 400)
                #expect(response.text == #"{"error":{"message":"No connected db.","type":"no_db_connection","param":null,"code":"400"}}"#)
            }
            let none = try await Harness.send(sim, "GET", path, key: nil)
            #expect(none.status == 500)
            #expect(none.text == #"{"error":{"message":"Internal server error","type":"internal_server_error"}}"#)
            #expect(none.header("vary") == nil, "the outermost error handler skips LiteLLM's middleware")
            let expected = [
                "Database connection not available",
                "Failed to schedule model cost map reload: 500: Database connection not available",
                "Failed to cancel model cost map reload: 500: Database connection not available",
                "Failed to reload anthropic beta headers: 500: Database connection not available",
                "Failed to schedule anthropic beta headers reload: 500: Database connection not available",
                "Failed to cancel anthropic beta headers reload: 500: Database connection not available",
            ]
            for ((method, path), detail) in zip(Self.writes, expected) {
                let response = try await Harness.send(sim, method, path)
                #expect(response.status == 500, "\(method) \(path)")
                #expect(response.text == #"{"detail":"\#(detail)"}"#)
            }
            for path in Self.reads.prefix(2) {
                let response = try await Harness.send(sim, "GET", path)
                #expect(response.text == #"{"scheduled":false,"interval_hours":null,"last_run":null,"next_run":null}"#)
            }
            #expect(try await Harness.send(sim, "GET", "/health/readiness", key: nil).text == #"{"status":"healthy","db":"Not connected"}"#)
        }
    }

    @Test func readinessReportsTheDatabase() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "GET", "/health/readiness", key: nil).text == #"{"status":"healthy","db":"connected"}"#)
            #expect(try await Harness.send(sim, "GET", "/health/liveliness", key: nil).text == #""I'm alive!""#)
        }
    }

    @Test func customMasterKey() async throws {
        try await Harness.withSimulator({ $0.masterKey = "sk-custom-master-0001"; $0.viewerKey = nil }) { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map", key: "sk-custom-master-0001").status == 200)
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map", key: Keys.master).status == 401)
            #expect(try await Harness.send(sim, "GET", "/model/cost_map/source", key: Keys.viewer).status == 401, "viewer key disabled")
        }
    }
}
