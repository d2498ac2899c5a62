import Foundation
import ProxySimulator
import Testing

@Suite struct RequestLogTests {
    @Test func logsEveryLiteLLMRequestWithoutTheKey() async throws {
        try await Harness.withSimulator { sim async throws in
            let before = Date()
            _ = try await Harness.send(sim, "GET", "/schedule/model_cost_map_reload/status")
            _ = try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=abc")
            _ = try await Harness.send(sim, "GET", "/health/liveliness", key: nil)
            _ = try await Harness.send(sim, "GET", "/nope", key: Keys.wrong)
            _ = try await Harness.send(sim, "GET", "/_sim/requests", key: nil)  // control calls are not logged
            let log = sim.requestLog()
            #expect(log.map(\.method) == ["GET", "POST", "GET", "GET"])
            #expect(log.map(\.path) == [
                "/schedule/model_cost_map_reload/status", "/schedule/model_cost_map_reload?hours=abc",
                "/health/liveliness", "/nope",
            ])
            #expect(log.map(\.status) == [200, 422, 200, 404])
            #expect(log.map(\.hasAuthorization) == [true, true, false, true])
            #expect(log.map(\.sequence) == [1, 2, 3, 4])
            #expect(log.allSatisfy { $0.time >= before.addingTimeInterval(-1) && $0.time <= Date().addingTimeInterval(1) })

            // The HTTP view decodes into the same values and never contains a key.
            let response = try await Harness.send(sim, "GET", "/_sim/requests", key: nil)
            let decoded = try JSONDecoder().decode([SimulatedRequest].self, from: Data(response.bytes))
            #expect(decoded.count == 4)
            #expect(zip(decoded, log).allSatisfy { abs($0.time.timeIntervalSince($1.time)) < 0.000_002 && $0.path == $1.path && $0.status == $1.status })
            #expect(!response.text.contains(Keys.master) && !response.text.contains(Keys.wrong))
            let first = try OrderedJSON.parse(response.text)
            guard case .array(let items) = first else { Issue.record("not an array"); return }
            #expect(items[0].keys == ["sequence", "time", "method", "path", "has_authorization", "status"])
            #expect(items[0]["time"]?.stringValue.map(Timestamp.isAware) == true)
        }
    }

    @Test func logTimesFollowTheSimulatedClock() async throws {
        try await Harness.withSimulator { sim async throws in
            sim.advanceClock(by: 3600)
            _ = try await Harness.send(sim, "GET", "/health/liveliness", key: nil)
            let entry = try #require(sim.requestLog().first)
            let ahead = entry.time.timeIntervalSinceNow
            #expect(ahead > 3500 && ahead <= 3601)
        }
    }
}
