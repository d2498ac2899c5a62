import Foundation
import Testing
@testable import ProxyAdmin

/// Issue 18: pods of one proxy compared, disagreements in words.
@Suite struct PodComparisonTests {
    static let now = Date(timeIntervalSince1970: 1_795_240_285)

    static func snapshot(revision: String?, loadedAt: Date, betaRun: Date?, scheduled: Bool = true, fallback: String? = nil) -> ProxySnapshot {
        let cost = JobStatus(scheduled: scheduled, intervalHours: scheduled ? 6 : nil, lastRun: loadedAt, sourceRevision: revision)
        let beta = JobStatus(scheduled: true, intervalHours: 24, lastRun: betaRun)
        let source = CostMapSource(source: "remote", fallbackReason: fallback, modelCount: 4877, loadedAt: loadedAt, sourceRevision: revision)
        return ProxySnapshot(costMap: .success(cost), betaHeaders: .success(beta), source: .success(source), health: .success(Health(alive: true)))
    }

    @Test func agreeingPodsSayNothing() {
        let a = Self.snapshot(revision: "1a2b3c", loadedAt: Self.now, betaRun: Self.now)
        let b = Self.snapshot(revision: "1a2b3c", loadedAt: Self.now.addingTimeInterval(12), betaRun: Self.now.addingTimeInterval(3))
        #expect(PodComparison.disagreements([("http://p1:4000", a), ("http://p2:4000", b)], now: Self.now) == [])
    }

    @Test func aPodBehindOnTheCostMapIsNamedWithHowLong() {
        let reload = Self.now.addingTimeInterval(-40)
        let new = Self.snapshot(revision: "1a2b3c4d5e6f7", loadedAt: reload, betaRun: Self.now)
        let old = Self.snapshot(revision: "df2adebb7dfc", loadedAt: reload.addingTimeInterval(-3600), betaRun: Self.now)
        let d = PodComparison.disagreements([("http://10.0.0.11:4000", new), ("http://10.0.0.12:4000", old)], now: Self.now)
        #expect(d.count == 1)
        #expect(d.first?.field == "source_revision")
        #expect(d.first?.message == "10.0.0.12:4000 has not applied the 05:50 UTC cost-map reload yet — pods re-check the database every 30 s by default; 40 s so far")
        #expect(d.first?.values.map(\.value) == ["1a2b3c4d5e6f", "df2adebb7dfc"])
    }

    /// The wait counts from the reload (the first pod to load the new file), not from the
    /// last pod that followed it: that one's own check came up to 30 s later, and the pod
    /// still behind has been behind since the reload. (Found with the release build, whose
    /// faster `check` ran within a second of the second pod's load and said OK.)
    @Test func theWaitCountsFromTheReloadNotFromTheLastPodThatFollowed() {
        let reload = Self.now.addingTimeInterval(-40)
        let first = Self.snapshot(revision: "1a2b3c4d5e6f7", loadedAt: reload, betaRun: Self.now)
        let followed = Self.snapshot(revision: "1a2b3c4d5e6f7", loadedAt: reload.addingTimeInterval(29), betaRun: Self.now)
        let old = Self.snapshot(revision: "df2adebb7dfc", loadedAt: reload.addingTimeInterval(-3600), betaRun: Self.now)
        let d = PodComparison.disagreements([("http://10.0.0.11:4000", first), ("http://10.0.0.13:4000", followed), ("http://10.0.0.12:4000", old)], now: Self.now)
        #expect(d.first?.waitedSeconds == 40)
        #expect(d.first?.message == "10.0.0.12:4000 has not applied the 05:50 UTC cost-map reload yet — pods re-check the database every 30 s by default; 40 s so far")
    }

    @Test func betaHeaderReloadsHoursApartAndSchedulesThatDiffer() {
        let a = Self.snapshot(revision: "r", loadedAt: Self.now, betaRun: Self.now)
        let b = Self.snapshot(revision: "r", loadedAt: Self.now, betaRun: Self.now.addingTimeInterval(-3 * 3600), scheduled: false)
        let d = PodComparison.disagreements([("http://a:1", a), ("http://b:1", b)], now: Self.now)
        #expect(d.map(\.field) == ["schedule", "last_run"])
        #expect(d.last?.message.contains("--all-pods") == true)
    }

    @Test func aPodOnBundledPricesIsNamed() {
        let a = Self.snapshot(revision: "r", loadedAt: Self.now, betaRun: Self.now)
        let b = Self.snapshot(revision: "r", loadedAt: Self.now, betaRun: Self.now, fallback: "HTTP 503")
        let d = PodComparison.disagreements([("http://a:1", a), ("http://b:1", b)], now: Self.now)
        #expect(d.map(\.field) == ["fallback_reason"])
        #expect(d.first?.message.hasPrefix("b:1 fell back to bundled prices") == true)
    }
}
