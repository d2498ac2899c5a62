import ProxySimulator
import Testing

/// The two jobs' schedules over simulated time.
@Suite struct ScheduleTests {
    static let costStatus = "/schedule/model_cost_map_reload/status"
    static let betaStatus = "/schedule/anthropic_beta_headers_reload/status"
    /// Git blob ids of the seed cost maps (`git hash-object`).
    static let revision1_100_5 = "df2adebb7dfc7b62068e2d56a679e276d719d6e6"
    static let revision1_109_1 = "d68eb3ce77503b757f30e611eea758937f2ac2ed"

    @Test func scheduledCostMapReloadFiresAfterAdvancingTheClock() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=6").status == 200)
            var (_, status) = try await Harness.json(sim, "GET", Self.costStatus)
            // Scheduled but never run: no times yet, and still the startup data.
            #expect(status["scheduled"]?.boolValue == true)
            #expect(status["last_run"]?.isNull == true && status["next_run"]?.isNull == true)
            #expect(status["source_revision"]?.stringValue == Self.revision1_100_5)

            // A schedule that never ran fires at the next check.
            sim.advanceClock(by: 1)
            (_, status) = try await Harness.json(sim, "GET", Self.costStatus)
            let firstRun = try #require(status["last_run"]?.stringValue)
            #expect(Timestamp.isAware(firstRun))
            #expect(Timestamp.seconds(from: firstRun, to: status["next_run"]!.stringValue!) == 6.0 * 3600)
            #expect(status["source_revision"]?.stringValue == Self.revision1_109_1)
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(source["model_count"]?.intValue == 4556)
            #expect(source["loaded_at"]?.stringValue == firstRun)

            // Not yet due one minute before the interval has passed...
            sim.advanceClock(by: 6 * 3600 - 60)
            (_, status) = try await Harness.json(sim, "GET", Self.costStatus)
            #expect(status["last_run"]?.stringValue == firstRun)
            // ...and fired once it has.
            sim.advanceClock(by: 120)
            (_, status) = try await Harness.json(sim, "GET", Self.costStatus)
            let secondRun = try #require(status["last_run"]?.stringValue)
            let gap = try #require(Timestamp.seconds(from: firstRun, to: secondRun))
            // At least the interval plus the clock moves; the upper bound leaves room for the
            // real seconds a loaded machine spends between the calls.
            #expect(gap >= 6 * 3600 + 60 && gap < 6 * 3600 + 600)
            #expect(Timestamp.seconds(from: secondRun, to: status["next_run"]!.stringValue!) == 6.0 * 3600)
        }
    }

    /// Same through the HTTP control endpoint, which tools without the Swift API use.
    @Test func simAdvanceEndpointMovesTheClock() async throws {
        try await Harness.withSimulator { sim async throws in
            let (_, before) = try await Harness.json(sim, "POST", "/_sim/advance?seconds=0", key: nil)
            let (status, after) = try await Harness.json(sim, "POST", "/_sim/advance?seconds=7200", key: nil)
            #expect(status == 200)
            let moved = try #require(Timestamp.seconds(from: before["now"]!.stringValue!, to: after["now"]!.stringValue!))
            #expect(moved >= 7200 && moved < 7210)
            #expect(after["offset_seconds"] == .number(7200, text: "7200.0"))
            // Timestamps in answers follow the simulated clock.
            let (_, reload) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            let stamped = try #require(Timestamp.seconds(from: before["now"]!.stringValue!, to: reload["timestamp"]!.stringValue!))
            #expect(stamped >= 7200 && stamped < 7210)
            #expect(try await Harness.send(sim, "POST", "/_sim/advance?seconds=soon", key: nil).status == 400)
        }
    }

    @Test func betaHeadersNextRunIsNullOnceOverdue() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/reload/anthropic_beta_headers").status == 200)
            #expect(try await Harness.send(sim, "POST", "/schedule/anthropic_beta_headers_reload?hours=24").status == 200)
            var (_, status) = try await Harness.json(sim, "GET", Self.betaStatus)
            let lastRun = try #require(status["last_run"]?.stringValue)
            #expect(Timestamp.isNaive(lastRun), "beta-header times carry no offset")
            #expect(Timestamp.seconds(from: lastRun, to: status["next_run"]!.stringValue!) == 24.0 * 3600)

            // Past the interval, before the next check: scheduled, last_run kept, next_run null.
            #expect(try await Harness.send(sim, "POST", "/_sim/advance?seconds=90000&check=false", key: nil).status == 200)
            (_, status) = try await Harness.json(sim, "GET", Self.betaStatus)
            #expect(status["scheduled"]?.boolValue == true)
            #expect(status["interval_hours"]?.intValue == 24)
            #expect(status["last_run"]?.stringValue == lastRun)
            #expect(status["next_run"]?.isNull == true)

            // The check then reloads, and next_run is back.
            sim.advanceClock(by: 0)
            (_, status) = try await Harness.json(sim, "GET", Self.betaStatus)
            let reloaded = try #require(status["last_run"]?.stringValue)
            #expect(Timestamp.seconds(from: lastRun, to: reloaded)! >= 90000)
            #expect(Timestamp.seconds(from: reloaded, to: status["next_run"]!.stringValue!) == 24.0 * 3600)
        }
    }

    @Test func overdueCostMapKeepsItsNextRun() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 200)
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=6").status == 200)
            let (_, before) = try await Harness.json(sim, "GET", Self.costStatus)
            #expect(try await Harness.send(sim, "POST", "/_sim/advance?seconds=25200&check=false", key: nil).status == 200)
            let (_, after) = try await Harness.json(sim, "GET", Self.costStatus)
            #expect(after["next_run"] == before["next_run"], "the cost map reports last_run + interval even when overdue")
        }
    }

    @Test func cancelKeepsCostMapLastRunButDropsBetaHeaders() async throws {
        try await Harness.withSimulator { sim async throws in
            for path in ["/reload/model_cost_map", "/schedule/model_cost_map_reload?hours=6",
                         "/reload/anthropic_beta_headers", "/schedule/anthropic_beta_headers_reload?hours=24"] {
                #expect(try await Harness.send(sim, "POST", path).status == 200, "\(path)")
            }
            #expect(try await Harness.send(sim, "DELETE", "/schedule/model_cost_map_reload").status == 200)
            #expect(try await Harness.send(sim, "DELETE", "/schedule/anthropic_beta_headers_reload").status == 200)
            let (_, cost) = try await Harness.json(sim, "GET", Self.costStatus)
            #expect(cost.keys == ["scheduled", "interval_hours", "last_run", "next_run", "source_revision", "etag"])
            #expect(cost["scheduled"]?.boolValue == false && cost["interval_hours"]?.isNull == true)
            #expect(cost["last_run"]?.stringValue.map(Timestamp.isAware) == true)
            #expect(cost["next_run"]?.isNull == true)
            let beta = try await Harness.send(sim, "GET", Self.betaStatus)
            #expect(beta.text == #"{"scheduled":false,"interval_hours":null,"last_run":null,"next_run":null}"#)
            // Cancelling again is not an error.
            #expect(try await Harness.send(sim, "DELETE", "/schedule/anthropic_beta_headers_reload").status == 200)
        }
    }

    /// A manual beta reload leaves LiteLLM's `force_reload` flag set, so the next check
    /// reloads once more (and clears it).
    @Test func manualBetaReloadIsRepeatedByTheNextCheck() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/schedule/anthropic_beta_headers_reload?hours=24").status == 200)
            let (_, reload) = try await Harness.json(sim, "POST", "/reload/anthropic_beta_headers")
            let manual = try #require(reload["timestamp"]?.stringValue)
            sim.advanceClock(by: 5)
            var (_, status) = try await Harness.json(sim, "GET", Self.betaStatus)
            let forced = try #require(status["last_run"]?.stringValue)
            #expect(Timestamp.seconds(from: manual, to: forced)! >= 5)
            sim.advanceClock(by: 5)
            (_, status) = try await Harness.json(sim, "GET", Self.betaStatus)
            #expect(status["last_run"]?.stringValue == forced, "the flag was cleared")
        }
    }

    @Test func demoSchedules() async throws {
        try await Harness.withSimulator({ $0.demoSchedules = true }) { sim async throws in
            let (_, cost) = try await Harness.json(sim, "GET", Self.costStatus)
            #expect(cost["scheduled"]?.boolValue == true && cost["interval_hours"]?.intValue == 6)
            let lastRun = try #require(cost["last_run"]?.stringValue)
            let nextRun = try #require(cost["next_run"]?.stringValue)
            let (_, clock) = try await Harness.json(sim, "POST", "/_sim/advance?seconds=0&check=false", key: nil)
            let untilNext = try #require(Timestamp.seconds(from: clock["now"]!.stringValue!, to: nextRun))
            #expect(untilNext > 100 && untilNext <= 120, "fires about two minutes after start")
            let (_, beta) = try await Harness.json(sim, "GET", Self.betaStatus)
            #expect(beta["interval_hours"]?.intValue == 24)
            let betaAge = try #require(Timestamp.seconds(from: beta["last_run"]!.stringValue!, to: clock["now"]!.stringValue!))
            #expect(betaAge >= 3 * 3600 && betaAge < 3 * 3600 + 10)
            // Two and a half minutes later the cost map has reloaded.
            sim.advanceClock(by: 150)
            let (_, after) = try await Harness.json(sim, "GET", Self.costStatus)
            #expect(after["last_run"]?.stringValue != lastRun)
            #expect(after["source_revision"]?.stringValue == Self.revision1_109_1)
        }
    }

    @Test func hugeIntervalsOverflowLikePython() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 200)
            #expect(try await Harness.send(sim, "POST", "/schedule/model_cost_map_reload?hours=100000000").status == 200)
            let response = try await Harness.send(sim, "GET", Self.costStatus)
            #expect(response.status == 500)
            #expect(response.text == #"{"detail":"Failed to get model cost map reload status: date value out of range"}"#)
        }
    }
}
