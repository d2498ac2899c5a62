import Foundation
import ProxySimulator
import Testing

/// The remote source's failure modes (`/_sim/remote`, `PUT /_sim/remote/<job>`,
/// `SimulatorConfiguration.remoteCostMap`) and what 1.110.2 answers for each.
@Suite struct RemoteSourceTests {
    static let url = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"

    static func refused(_ reason: String) -> String {
        #"{"detail":"Failed to reload model cost map: "# + reason + #". Current pricing data was kept."}"#
    }

    static func fast(_ c: inout SimulatorConfiguration) {
        c.litellmVersion = .v1_110_2
        c.remoteRetryDelays = false
    }

    static func setRemote(_ sim: ProxySimulator, _ query: String) async throws {
        let r = try await Harness.send(sim, "POST", "/_sim/remote?" + query, key: nil)
        #expect(r.status == 200, "\(query): \(r.text)")
    }

    /// Every reason the README lists, each body byte for byte, and nothing changed after.
    @Test func failedReloadsAre502WithLiteLLMsReasonAndChangeNothing() async throws {
        try await Harness.withSimulator(Self.fast) { sim async throws in
            let sourceBefore = try await Harness.send(sim, "GET", "/model/cost_map/source").text
            let statusBefore = try await Harness.send(sim, "GET", "/schedule/model_cost_map_reload/status").text
            let mapBefore = try await Harness.send(sim, "GET", "/public/litellm_model_cost_map", key: nil).bytes
            let cases: [(String, String)] = [
                ("invalid-json", "invalid JSON from \(Self.url): Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                ("list", "expected a JSON object from \(Self.url), got list"),
                ("empty", "model cost map from \(Self.url) failed integrity validation"),
                ("small:3", "model cost map from \(Self.url) failed integrity validation"),
                ("small:49", "model cost map from \(Self.url) failed integrity validation"),
                ("small:2437", "model cost map from \(Self.url) failed integrity validation"),
                ("http:404", "HTTP 404 from \(Self.url)"),
                ("http:403", "HTTP 403 from \(Self.url)"),
                ("http:429", "HTTP 429 from \(Self.url) (after 3 attempts)"),
                ("http:500", "HTTP 500 from \(Self.url) (after 3 attempts)"),
                ("http:502", "HTTP 502 from \(Self.url) (after 3 attempts)"),
                ("http:503", "HTTP 503 from \(Self.url) (after 3 attempts)"),
                ("http:504", "HTTP 504 from \(Self.url) (after 3 attempts)"),
                ("unreachable", "ConnectError fetching \(Self.url): Cannot connect to host raw.githubusercontent.com:443 ssl:<ssl.SSLContext object at 0x7f7f56f3dc70> [Connect call failed ('185.199.108.133', 443)] (after 3 attempts)"),
            ]
            for (mode, reason) in cases {
                try await Self.setRemote(sim, "cost_map=" + mode)
                let r = try await Harness.send(sim, "POST", "/reload/model_cost_map")
                #expect(r.status == 502, "\(mode)")
                #expect(r.text == Self.refused(reason), "\(mode)")
            }
            #expect(try await Harness.send(sim, "GET", "/model/cost_map/source").text == sourceBefore)
            #expect(try await Harness.send(sim, "GET", "/schedule/model_cost_map_reload/status").text == statusBefore)
            #expect(try await Harness.send(sim, "GET", "/public/litellm_model_cost_map", key: nil).bytes == mapBefore)
        }
    }

    /// 1.110.2's bundled map has 4,876 entries (no `sample_spec`): half of it loads.
    @Test func integrityBoundaryIsHalfTheBundledMap() async throws {
        try await Harness.withSimulator(Self.fast) { sim async throws in
            try await Self.setRemote(sim, "cost_map=small:2438")
            let (status, body) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(status == 200)
            #expect(body["models_count"]?.intValue == 2438)
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(source["model_count"]?.intValue == 2440, "the two deployments' ids on top, their models are in the file")
            #expect(source["source_revision"]?.stringValue != "c8f11f1b697e1c3d7fcb6fbed38b78179150ac34")
            let (_, cost) = try await Harness.json(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(cost["source_revision"] == source["source_revision"])
        }
    }

    /// A retried failure answers after LiteLLM's waits between its three attempts; any other
    /// HTTP error at once.
    @Test func retriedFailuresWaitOutTheRetries() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_110_2 }) { sim async throws in
            try await Self.setRemote(sim, "cost_map=http:404")
            var started = Date()
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 502)
            #expect(Date().timeIntervalSince(started) < 2, "a 404 is not retried")
            try await Self.setRemote(sim, "cost_map=unreachable")
            started = Date()
            let r = try await Harness.send(sim, "POST", "/reload/model_cost_map")
            let waited = Date().timeIntervalSince(started)
            #expect(r.status == 502 && r.text.contains("(after 3 attempts)"))
            #expect(waited >= 6.8 && waited < 12, "waited \(waited) s")
        }
    }

    /// Beta headers: a broken source falls back to the bundled file silently (8 columns in
    /// 1.110.2); a valid file counts every key but `description` and `provider_aliases`.
    @Test func betaHeadersFallBackSilently() async throws {
        try await Harness.withSimulator(Self.fast) { sim async throws in
            func reload() async throws -> Int? {
                let (status, body) = try await Harness.json(sim, "POST", "/reload/anthropic_beta_headers")
                #expect(status == 200)
                return body["providers_count"]?.intValue
            }
            let two = #"{"description":"x","anthropic":{"a":"a"},"anthropic_header_only":{},"provider_aliases":{"c":"anthropic"}}"#
            #expect(try await Harness.send(sim, "PUT", "/_sim/remote/beta_headers", key: nil, body: Array(two.utf8)).status == 200)
            #expect(try await reload() == 2)
            for mode in ["invalid-json", "list", "empty", "http:404", "http:503", "unreachable"] {
                try await Self.setRemote(sim, "beta_headers=" + mode)
                #expect(try await reload() == 8, "\(mode)")
            }
            #expect(try await Harness.send(sim, "PUT", "/_sim/remote/beta_headers", key: nil, body: Array(#"{"openai":{}}"#.utf8)).status == 200)
            #expect(try await reload() == 8, "none of the five provider keys")
            #expect(try await Harness.send(sim, "DELETE", "/_sim/remote/beta_headers", key: nil).status == 200)
            #expect(try await reload() == 8)
        }
    }

    /// `PUT /_sim/remote/cost_map`: those bytes are what a reload fetches (and judges).
    @Test func aPutFileIsTheRemoteSource() async throws {
        try await Harness.withSimulator(Self.fast) { sim async throws in
            try await Self.setRemote(sim, "cost_map=small:2500")
            let file = try await Harness.send(sim, "GET", "/_sim/remote/model_prices_and_context_window.json", key: nil).bytes
            try await Self.setRemote(sim, "cost_map=http:500")
            let put = try await Harness.send(sim, "PUT", "/_sim/remote/cost_map", key: nil, body: file)
            #expect(put.status == 200)
            #expect(try put.json()["cost_map"]?.stringValue == "ok", "a put file is served as it is")
            #expect(try put.json()["cost_map_file"]?.stringValue == "put (\(file.count) bytes)")
            var (_, body) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(body["models_count"]?.intValue == 2500)
            #expect(try await Harness.send(sim, "PUT", "/_sim/remote/cost_map", key: nil, body: Array("{\"a\": 1".utf8)).status == 200)
            let broken = try await Harness.send(sim, "POST", "/reload/model_cost_map")
            #expect(broken.text == Self.refused("invalid JSON from \(Self.url): Expecting ',' delimiter: line 1 column 8 (char 7)"))
            #expect(try await Harness.send(sim, "DELETE", "/_sim/remote/cost_map", key: nil).status == 200)
            (_, body) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(body["models_count"]?.intValue == 4877)
        }
    }

    /// The remote's own URL answers as the fetch does, so a client reading it sees the same.
    @Test func theRemoteURLAnswersAsTheFetchDoes() async throws {
        try await Harness.withSimulator(Self.fast) { sim async throws in
            let path = "/_sim/remote/model_prices_and_context_window.json"
            try await Self.setRemote(sim, "cost_map=invalid-json&beta_headers=http:404")
            #expect(try await Harness.send(sim, "GET", path, key: nil).text == "{oops}")
            #expect(try await Harness.send(sim, "GET", "/_sim/remote/anthropic_beta_headers_config.json", key: nil).status == 404)
            try await Self.setRemote(sim, "cost_map=unreachable")
            await #expect(throws: (any Error).self) { _ = try await Harness.send(sim, "GET", path, key: nil) }
            let (_, state) = try await Harness.json(sim, "GET", "/_sim/remote")
            #expect(state.description == #"{"release":"1.110.2","cost_map":"unreachable","beta_headers":"http:404","cost_map_file":"release","beta_headers_file":"release"}"#)
            #expect(try await Harness.send(sim, "POST", "/_sim/remote?cost_map=sometimes", key: nil).status == 400)
            #expect(try await Harness.send(sim, "POST", "/_sim/remote?cost_map=http:200", key: nil).status == 400)
            #expect(try await Harness.send(sim, "POST", "/_sim/remote?beta_headers=small:5", key: nil).status == 400)
            #expect(try await Harness.send(sim, "POST", "/_sim/remote", key: nil).status == 400)
        }
    }

    /// A 1.110.2 pod that cannot fetch at start loads its bundled copy and says why, in
    /// `get_model_cost_map`'s words (one attempt at import).
    @Test func aPodStartingOnABrokenSourceFallsBackToTheBundledMap() async throws {
        var configuration: (inout SimulatorConfiguration) -> Void = { Self.fast(&$0); $0.remoteCostMap = .http(503) }
        try await Harness.withSimulator(configuration) { sim async throws in
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(source["source"]?.stringValue == "local")
            #expect(source["fallback_reason"]?.stringValue == "Remote fetch failed: HTTP 503 from \(Self.url)")
            #expect(source["model_count"]?.intValue == 4879)
            try await Self.setRemote(sim, "cost_map=small:10")
            #expect(try await Harness.send(sim, "POST", "/_sim/pod?action=restart", key: nil).status == 200)
            let (_, restarted) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(restarted["fallback_reason"]?.stringValue == "Remote data failed integrity validation")
            try await Self.setRemote(sim, "cost_map=ok")
            #expect(try await Harness.send(sim, "POST", "/_sim/pod?action=restart", key: nil).status == 200)
            let (_, healthy) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(healthy["source"]?.stringValue == "remote" && healthy["fallback_reason"]?.isNull == true)
        }
        configuration = { Self.fast(&$0); $0.remoteCostMap = .unreachable }
        try await Harness.withSimulator(configuration) { sim async throws in
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(source["fallback_reason"]?.stringValue == "Remote fetch failed: ConnectError fetching \(Self.url): Cannot connect to host raw.githubusercontent.com:443 ssl:<ssl.SSLContext object at 0x7f7f56f3dc70> [Connect call failed ('185.199.108.133', 443)]")
        }
    }

    /// `hours` has no upper bound; a huge one breaks the cost-map status (Python's
    /// `timedelta` words, by size), not the beta-header one.
    @Test func hugeIntervals() async throws {
        try await Harness.withSimulator(Self.fast) { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 200)
            #expect(try await Harness.send(sim, "POST", "/reload/anthropic_beta_headers").status == 200)
            let cases: [(Int, String)] = [
                (100_000_000_000, "Python int too large to convert to C int"),
                (51_539_607_552, "Python int too large to convert to C int"),
                (51_539_607_528, "days=2147483647; must have magnitude <= 999999999"),
                (24_000_000_000, "days=1000000000; must have magnitude <= 999999999"),
                (80_000_000, "date value out of range"),
            ]
            for (hours, words) in cases {
                #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=\(hours)").status == 200)
                let status = try await Harness.send(sim, "GET", "/schedule/model_cost_map_reload/status")
                #expect(status.status == 500)
                #expect(status.text == #"{"detail":"Failed to get model cost map reload status: "# + words + #""}"#, "\(hours)")
            }
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=60000000").status == 200)
            #expect(try await Harness.send(sim, "GET", "/schedule/model_cost_map_reload/status").status == 200, "before the year 9999")
            #expect(try await Harness.send(sim, "POST", "/schedule/anthropic_beta_headers_reload?hours=100000000000").status == 200)
            let (status, beta) = try await Harness.json(sim, "GET", "/schedule/anthropic_beta_headers_reload/status")
            #expect(status == 200)
            #expect(beta["scheduled"]?.boolValue == true && beta["interval_hours"]?.intValue == 100_000_000_000)
            #expect(beta["last_run"]?.stringValue != nil && beta["next_run"]?.isNull == true)
        }
    }
}
