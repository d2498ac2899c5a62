import Foundation
import ProxySimulator
import Testing

/// `/_sim/fail_next_reload`, `/_sim/stall`, the latency option and `/_sim/reset`.
@Suite struct FailureInjectionTests {
    @Test(arguments: LiteLLMVersion.allCases)
    func failedCostMapFetchIs502AndKeepsTheData(_ version: LiteLLMVersion) async throws {
        try await Harness.withSimulator({ $0.litellmVersion = version }) { sim async throws in
            let (status, armed) = try await Harness.json(sim, "POST", "/_sim/fail_next_reload?job=cost_map", key: nil)
            #expect(status == 200 && armed["pending_failures"]?.intValue == 1)
            let failed = try await Harness.send(sim, "POST", "/reload/model_cost_map")
            #expect(failed.status == 502)
            #expect(failed.text == #"{"detail":"Failed to reload model cost map: HTTP 503 from https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json (after 3 attempts). Current pricing data was kept."}"#)
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            // 1.100.5/1.109.1 start on 1.100.5's data, 1.110.2 on its own (2 deployments added).
            #expect(source["model_count"]?.intValue == (version == .v1_110_2 ? 4879 : 3412), "current pricing data was kept")
            let (_, cost) = try await Harness.json(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(cost["last_run"]?.isNull == true, "a failed reload records no run")
            // Only the next fetch fails.
            let (okStatus, ok) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(okStatus == 200 && ok["models_count"]?.intValue == (version == .v1_110_2 ? 4877 : 4552))
        }
    }

    @Test func failedScheduledFetchIsRetriedAtTheNextCheck() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/_sim/fail_next_reload?job=cost_map", key: nil).status == 200)
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=6").status == 200)
            sim.advanceClock(by: 1)
            var (_, status) = try await Harness.json(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(status["last_run"]?.isNull == true)
            sim.advanceClock(by: 10)
            (_, status) = try await Harness.json(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(status["last_run"]?.stringValue != nil)
        }
    }

    @Test func failedBetaHeadersFetchFallsBackToTheBundledFile() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/_sim/fail_next_reload?job=beta_headers", key: nil).status == 200)
            let (status, fallback) = try await Harness.json(sim, "POST", "/reload/anthropic_beta_headers")
            #expect(status == 200)
            #expect(fallback["providers_count"]?.intValue == 6, "1.100.5's bundled file has 6 provider columns")
            #expect(fallback["message"]?.stringValue == "Anthropic beta headers configuration reloaded successfully! 6 providers updated.")
            let (_, remote) = try await Harness.json(sim, "POST", "/reload/anthropic_beta_headers")
            #expect(remote["providers_count"]?.intValue == 8, "1.109.1 adds bedrock_mantle and vertex_ai_header_only")
            #expect(try await Harness.send(sim, "POST", "/_sim/fail_next_reload?job=prices", key: nil).status == 400)
        }
    }

    @Test func stallDelaysTheNextResponsesOnly() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/_sim/stall?seconds=1.5&count=2", key: nil).status == 200)
            // A client with a short deadline gives up on a stalled request.
            await #expect(throws: (any Error).self) {
                _ = try await Harness.send(sim, "GET", "/health/liveliness", key: nil, timeoutMilliseconds: 500)
            }
            var started = Date()
            #expect(try await Harness.send(sim, "GET", "/health/liveliness", key: nil).status == 200)
            #expect(Date().timeIntervalSince(started) >= 1.4)
            started = Date()
            #expect(try await Harness.send(sim, "GET", "/health/liveliness", key: nil).status == 200)
            #expect(Date().timeIntervalSince(started) < 1.0, "only two responses were stalled")
        }
    }

    /// Like a real proxy, the simulator finishes a request whose caller timed out.
    @Test func aTimedOutReloadStillHappens() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/_sim/stall?seconds=0.6", key: nil).status == 200)
            await #expect(throws: (any Error).self) {
                _ = try await Harness.send(sim, "POST", "/reload/model_cost_map", timeoutMilliseconds: 200)
            }
            try await Task.sleep(for: .milliseconds(900))
            let (_, status) = try await Harness.json(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(status["last_run"]?.stringValue != nil)
            #expect(sim.requestLog().first?.status == 200)
        }
    }

    @Test func latencyAppliesToEveryLiteLLMResponseButNotToControlCalls() async throws {
        try await Harness.withSimulator({ $0.latency = .milliseconds(400) }) { sim async throws in
            var started = Date()
            #expect(try await Harness.send(sim, "GET", "/health/readiness", key: nil).status == 200)
            #expect(Date().timeIntervalSince(started) >= 0.38)
            // Delays are scheduled, not slept: concurrent requests overlap.
            started = Date()
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<5 { group.addTask { try await Harness.send(sim, "GET", "/v1/models").status } }
                for try await status in group { #expect(status == 200) }
            }
            #expect(Date().timeIntervalSince(started) < 1.5)
            started = Date()
            #expect(try await Harness.send(sim, "GET", "/_sim/requests", key: nil).status == 200)
            #expect(Date().timeIntervalSince(started) < 0.35)
        }
    }

    @Test func resetRestoresTheStartState() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=6").status == 200)
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 200)
            #expect(try await Harness.send(sim, "POST", "/_sim/fail_next_reload?job=cost_map", key: nil).status == 200)
            sim.advanceClock(by: 86400)
            let (status, clock) = try await Harness.json(sim, "POST", "/_sim/reset", key: nil)
            #expect(status == 200 && clock["offset_seconds"] == .number(0, text: "0.0"))
            #expect(sim.requestLog().isEmpty)
            let cost = try await Harness.send(sim, "GET", "/schedule/model_cost_map_reload/status")
            #expect(cost.text == #"{"scheduled":false,"interval_hours":null,"last_run":null,"next_run":null,"source_revision":"df2adebb7dfc7b62068e2d56a679e276d719d6e6","etag":null}"#)
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 200, "injected failure cleared")
        }
    }
}
