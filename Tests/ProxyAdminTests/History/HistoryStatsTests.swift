import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct HistoryStatsTests {
    /// A hand-built history whose answers are worked out by hand below.
    static let records: [HistoryRecord] = [
        // cost map: 4 successes, 2 failures, 3 refused, 2 observed runs, deliberately out of time order
        historySample(100, job: .costMap, action: .reload, outcome: .success),
        historySample(500, job: .costMap, action: .schedule, outcome: .success, hours: 6),
        historySample(300, job: .costMap, action: .reload, outcome: .failure, status: 502, message: "source unreachable"),
        historySample(900, job: .costMap, action: .reload, outcome: .refused, status: nil, ms: nil, message: "read-only mode"),
        historySample(200, job: .costMap, action: .cancel, outcome: .success),
        historySample(400, job: .costMap, action: .reload, outcome: .failure, status: 500,
                      message: "this proxy has no database: schedules and reloads need one"),
        historySample(950, job: .costMap, action: .schedule, outcome: .refused, hours: 0, status: nil, ms: nil),
        historySample(960, job: .costMap, action: .schedule, outcome: .refused, hours: 99999, status: nil, ms: nil),
        historySample(350, job: .costMap, action: .reload, outcome: .success),
        historySample(800, job: .costMap, action: .observedRun, status: nil, ms: nil),
        historySample(700, job: .costMap, action: .observedRun, status: nil, ms: nil),
        // beta headers: 1 success, 3 failures (two at the same latest time: the later line wins)
        historySample(10, job: .betaHeaders, action: .reload, outcome: .failure, status: 403, message: "first"),
        historySample(600, job: .betaHeaders, action: .reload, outcome: .failure, status: 401, message: "tie, written first"),
        historySample(20, job: .betaHeaders, action: .schedule, outcome: .success, hours: 2),
        historySample(600, job: .betaHeaders, action: .cancel, outcome: .failure, status: 500, message: "tie, written last"),
    ]

    @Test func countsAndRatesPerJob() throws {
        let stats = HistoryStats(records: Self.records)
        #expect(stats.jobs.map(\.job) == [.costMap, .betaHeaders])

        let cost = try #require(stats[.costMap])
        #expect(cost.successes == 4)
        #expect(cost.failures == 2)
        #expect(cost.refused == 3)
        #expect(cost.observedRuns == 2)
        #expect(cost.successRate == 4.0 / 6.0)
        #expect(cost.lastSuccess == historyTime(500))
        #expect(cost.lastFailure == historyTime(400))
        #expect(cost.lastFailureMessage == "this proxy has no database: schedules and reloads need one")
        #expect(cost.lastObservedRun == historyTime(800))

        let beta = try #require(stats[.betaHeaders])
        #expect(beta.successes == 1)
        #expect(beta.failures == 3)
        #expect(beta.refused == 0)
        #expect(beta.observedRuns == 0)
        #expect(beta.successRate == 0.25)
        #expect(beta.lastSuccess == historyTime(20))
        #expect(beta.lastFailure == historyTime(600))
        #expect(beta.lastFailureMessage == "tie, written last")
        #expect(beta.lastObservedRun == nil)
    }

    @Test func refusedAndObservedStayOutOfTheRate() throws {
        let onlyRefused = (0..<10).map { historySample(Double($0), outcome: .refused, status: nil, ms: nil) }
        let s0 = try #require(HistoryStats(records: onlyRefused)[.costMap])
        #expect(s0.successRate == nil)
        #expect(s0.refused == 10)
        #expect(s0.lastSuccess == nil && s0.lastFailure == nil)

        let mixed = onlyRefused + [historySample(20, outcome: .failure, status: 500)]
            + (0..<5).map { historySample(Double(30 + $0), action: .observedRun, status: nil, ms: nil) }
        let s1 = try #require(HistoryStats(records: mixed)[.costMap])
        #expect(s1.successRate == 0)
        #expect(s1.successes == 0)
        #expect(s1.failures == 1)
        #expect(s1.observedRuns == 5)
        #expect(s1.lastSuccess == nil, "an observed run is not one of synctop's successes")
    }

    /// One synctop's reload, seen by another synctop's dashboard as a run by another client,
    /// is one reload: not also a run by the proxy. A run 10 s away, or on another proxy, is.
    @Test func aReloadSeenByAnotherSynctopIsNotARunByTheProxy() throws {
        let records = [historySample(100, action: .reload, outcome: .success),
                       historySample(99.2, action: .observedRun, status: nil, ms: nil),
                       historySample(110, action: .observedRun, status: nil, ms: nil),
                       historySample(200, job: .betaHeaders, action: .observedRun, status: nil, ms: nil),
                       historySample(201, job: .betaHeaders, action: .reload, outcome: .failure, status: 500)]
        let stats = HistoryStats(records: records)
        #expect(stats[.costMap]?.observedRuns == 1 && stats[.costMap]?.lastObservedRun == historyTime(110))
        #expect(stats[.costMap]?.successes == 1)
        #expect(stats[.betaHeaders]?.observedRuns == 1, "a failed reload made no run")
    }

    @Test func emptyHistoryHasEveryJobAndNoRate() {
        let stats = HistoryStats(records: [])
        #expect(stats.jobs.count == 2)
        #expect(stats.jobs.allSatisfy { $0.isEmpty && $0.successRate == nil && $0.lastFailureMessage == nil })
    }

    @Test func jobFilter() throws {
        let stats = HistoryStats(records: Self.records, job: .betaHeaders)
        #expect(stats.jobs.map(\.job) == [.betaHeaders])
        #expect(stats[.costMap] == nil)
        #expect(stats[.betaHeaders]?.failures == 3)
        #expect(stats[.betaHeaders] == HistoryStats(records: Self.records)[.betaHeaders])
    }

    /// Random histories against a second, deliberately plain computation.
    @Test func matchesAPlainRecount() throws {
        var rng = SplitMix(seed: 0x5EED)
        for _ in 0..<50 {
            let records = (0..<Int(rng.next() % 200)).map { _ -> HistoryRecord in
                historySample(
                    Double(rng.next() % 10_000),
                    job: SyncJob.allCases[Int(rng.next() % 2)],
                    action: HistoryRecord.Action.allCases[Int(rng.next() % 4)],
                    outcome: HistoryRecord.Outcome.allCases[Int(rng.next() % 3)],
                    message: "m\(rng.next() % 1000)")
            }
            let stats = HistoryStats(records: records)
            for job in SyncJob.allCases {
                let mine = records.filter { $0.job == job }
                let acted = mine.filter { $0.action != .observedRun }
                let ok = acted.filter { $0.outcome == .success }
                let bad = acted.filter { $0.outcome == .failure }
                let s = try #require(stats[job])
                #expect(s.successes == ok.count)
                #expect(s.failures == bad.count)
                #expect(s.refused == acted.filter { $0.outcome == .refused }.count)
                // Observed runs, less those within 5 s of one of synctop's own successful reloads.
                let ownReloads = ok.filter { $0.action == .reload }.map(\.time)
                let byProxy = mine.filter { $0.action == .observedRun }.filter { run in !ownReloads.contains { abs($0.timeIntervalSince(run.time)) <= 5 } }
                #expect(s.observedRuns == byProxy.count)
                if ok.count + bad.count == 0 {
                    #expect(s.successRate == nil)
                } else {
                    #expect(s.successRate == Double(ok.count) / Double(ok.count + bad.count))
                }
                #expect(s.lastSuccess == ok.map(\.time).max())
                let latestBad = bad.map(\.time).max()
                #expect(s.lastFailure == latestBad)
                #expect(s.lastFailureMessage == bad.last(where: { $0.time == latestBad })?.message)
            }
        }
    }

    @Test func reportJSON() throws {
        let stats = HistoryStats(records: Self.records, job: .betaHeaders)
        let rec = historySample(600, job: .betaHeaders, action: .cancel, outcome: .failure, status: 500, message: "tie, written last")
        let text = HistoryReport.json(records: [rec], stats: stats, skippedLines: 2).rendered()
        // The record as the file holds it, but for the job, spelled as every --json spells it.
        let record = #"{"time":"2026-11-21T00:10:00.000000+00:00","proxy":"http://localhost:4000","job":"beta_headers","action":"cancel","parameters":{},"outcome":"failure","http_status":500,"duration_ms":840,"message":"tie, written last"}"#
        #expect(rec.jsonLine == record.replacingOccurrences(of: #""job":"beta_headers""#, with: #""job":"beta-headers""#))
        #expect(text == #"{"records":["# + record + #"],"stats":{"beta_headers":{"successes":1,"failures":3,"success_rate":0.25,"refused":0,"observed_runs":0,"last_success":"2026-11-21T00:00:20.000000+00:00","last_failure":{"time":"2026-11-21T00:10:00.000000+00:00","message":"tie, written last"},"last_observed_run":null}},"skipped_lines":2}"#)
    }
}

/// A small seeded generator, so the random test is the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
