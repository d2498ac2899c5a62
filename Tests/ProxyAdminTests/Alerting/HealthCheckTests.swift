import Foundation
import Testing
@testable import ProxyAdmin

/// Issue 21: `synctop check`'s judgement, condition by condition, and its plugin output.
@Suite struct HealthCheckTests {
    static let now = Date(timeIntervalSince1970: 1_795_240_285)

    static func snapshot(costMap: JobStatus = JobStatus(scheduled: true, intervalHours: 6, lastRun: now.addingTimeInterval(-600), nextRun: now.addingTimeInterval(20_000)),
                         beta: JobStatus = JobStatus(scheduled: true, intervalHours: 24, lastRun: now.addingTimeInterval(-600), nextRun: now.addingTimeInterval(80_000)),
                         fallback: String? = nil, models: Int = 4877, revision: String = "1a2b3c", loadedAt: Date = now.addingTimeInterval(-600),
                         database: String = "connected") -> ProxySnapshot {
        ProxySnapshot(costMap: .success(costMap), betaHeaders: .success(beta),
                      source: .success(CostMapSource(source: fallback == nil ? "remote" : "local", fallbackReason: fallback, modelCount: models,
                                                     loadedAt: loadedAt, sourceRevision: revision)),
                      health: .success(Health(alive: true, readiness: "healthy", database: database)))
    }

    static func input(_ s: ProxySnapshot?, error: ProxyError? = nil, context: String = "prod", pods: [CheckInput.Reading]? = nil,
                      snapshot: CheckInput.SnapshotCount? = nil, beta: CheckInput.BetaReloadCount? = nil) -> CheckInput {
        CheckInput(context: context, service: .init(url: "http://prod:4000", snapshot: s, error: error, durationSeconds: 0.012),
                   pods: pods, newestSnapshot: snapshot, betaReload: beta)
    }

    static func check(_ inputs: [CheckInput], _ t: CheckThresholds = CheckThresholds()) -> CheckReport {
        CheckReport(inputs: inputs, thresholds: t, now: now)
    }

    @Test func healthyIsOKWithPerfdata() {
        let r = Self.check([Self.input(Self.snapshot())])
        #expect(r.severity == .ok)
        #expect(r.text == "SYNCTOP OK - prod OK | proxy_up=1;;;0;1 cost_map_models=4877;;;0 cost_map_overdue_s=0;3600;21600;0 beta_headers_overdue_s=0;3600;21600;0 poll_s=0.012s;;;0")
    }

    @Test func unreachableAndKeyRejectedAreCritical() {
        let down = Self.check([Self.input(nil, error: .unreachable("connection refused"))])
        #expect(down.severity == .critical)
        #expect(down.text.hasPrefix("SYNCTOP CRITICAL - prod: proxy unreachable: connection refused | proxy_up=0;;;0;1"))
        let auth = ProxySnapshot(costMap: .failure(.unauthorized("bad key")), betaHeaders: .failure(.unauthorized("bad key")),
                                 source: .failure(.unauthorized("bad key")), health: .success(Health(alive: true)))
        let rejected = Self.check([Self.input(auth)])
        #expect(rejected.findings.map(\.code) == ["key_rejected"])
        #expect(rejected.severity == .critical)
    }

    @Test func costMapFallbackIsCriticalWithItsReason() {
        let r = Self.check([Self.input(Self.snapshot(fallback: "HTTP 404 from https://example/x.json"))])
        #expect(r.severity == .critical)
        #expect(r.text.hasPrefix("SYNCTOP CRITICAL - prod: cost map on bundled prices (fetch failed: HTTP 404 from https://example/x.json) |"))
    }

    @Test func noDatabaseIsCriticalOnlyWhenSchedulesAreExpected() {
        let s = ProxySnapshot(costMap: .failure(.noDatabase), betaHeaders: .failure(.noDatabase), source: Self.snapshot().source,
                              health: .success(Health(alive: true, readiness: "healthy", database: "Not connected")))
        #expect(Self.check([Self.input(s)]).severity == .warning)
        #expect(Self.check([Self.input(s)]).findings.map(\.code) == ["no_database"], "one line, not one per failed read")
        var t = CheckThresholds()
        t.expected = [.costMap: 6]
        #expect(Self.check([Self.input(s)], t).severity == .critical)
    }

    @Test func expectedSchedules() {
        var t = CheckThresholds()
        t.expected = [.costMap: 6, .betaHeaders: 12]
        let r = Self.check([Self.input(Self.snapshot(costMap: JobStatus(scheduled: false)))], t)
        #expect(r.findings.map(\.message) == ["cost map not scheduled (expected every 6 h)", "beta headers every 24 h (expected 12 h)"])
        #expect(r.severity == .critical)
    }

    @Test func overdueWarnsThenPages() {
        func late(_ seconds: Double) -> CheckReport {
            let status = JobStatus(scheduled: true, intervalHours: 6, lastRun: Self.now.addingTimeInterval(-21_600 - seconds), nextRun: Self.now.addingTimeInterval(-seconds))
            return Self.check([Self.input(Self.snapshot(costMap: status))])
        }
        #expect(late(1800).severity == .ok)
        #expect(late(7200).severity == .warning)
        #expect(late(7200).findings.first?.message == "cost map overdue by 2h 0m")
        #expect(late(7200).text.contains("cost_map_overdue_s=7200;3600;21600;0"))
        #expect(late(30_000).severity == .critical)
    }

    @Test func aModelDropBeyondTheLimitPages() {
        let snap = CheckInput.SnapshotCount(models: 4877, savedAt: Self.now.addingTimeInterval(-86_400))
        #expect(Self.check([Self.input(Self.snapshot(models: 4500), snapshot: snap)]).severity == .ok, "7.7% is within 10%")
        let r = Self.check([Self.input(Self.snapshot(models: 3358), snapshot: snap)])
        #expect(r.severity == .critical)
        #expect(r.findings.first?.message == "cost map lost 1,519 of 4,877 models (31%) since synctop's snapshot of 2026-11-20 05:51 UTC")
        var t = CheckThresholds()
        t.maxDrop = 0.5
        #expect(Self.check([Self.input(Self.snapshot(models: 3358), snapshot: snap)], t).severity == .ok)
    }

    @Test func aSilentBetaFallbackWarns() {
        let same = CheckInput.BetaReloadCount(answered: 8, at: Self.now, sourceProviders: 8)
        #expect(Self.check([Self.input(Self.snapshot(), beta: same)]).severity == .ok)
        let other = CheckInput.BetaReloadCount(answered: 8, at: Self.now, sourceProviders: 9)
        let r = Self.check([Self.input(Self.snapshot(), beta: other)])
        #expect(r.severity == .warning)
        #expect(r.findings.first?.code == "beta_headers_fallback_suspected")
    }

    @Test func podsBehindPastTheGracePageAndAHangingPodWarns() {
        let reload = Self.now.addingTimeInterval(-40)
        let new = Self.snapshot(revision: "1a2b3c", loadedAt: reload)
        let old = Self.snapshot(revision: "df2ade", loadedAt: reload.addingTimeInterval(-3600))
        func pods(_ a: ProxySnapshot, _ b: ProxySnapshot) -> [CheckInput.Reading] {
            [.init(url: "http://10.0.0.11:4000", snapshot: a, error: nil, durationSeconds: 0.01),
             .init(url: "http://10.0.0.12:4000", snapshot: b, error: nil, durationSeconds: 0.01)]
        }
        #expect(Self.check([Self.input(new, pods: pods(new, old))]).severity == .ok, "40 s: still converging")
        let late = Self.snapshot(revision: "1a2b3c", loadedAt: Self.now.addingTimeInterval(-300))
        let r = Self.check([Self.input(late, pods: pods(late, old))])
        #expect(r.severity == .critical)
        #expect(r.findings.first?.message.hasPrefix("pods disagree: 10.0.0.12:4000 has not applied") == true)
        var hanging = new
        hanging.costMap = .failure(.timeout(seconds: 5))
        let h = Self.check([Self.input(new, pods: pods(new, hanging))])
        #expect(h.severity == .warning)
        #expect(h.findings.first?.message == "pod 10.0.0.12:4000: answers only part of its reads: no answer within 5 s")
        #expect(h.text.contains("pods_answering=1;;;0;2"))
        let down = Self.check([Self.input(new, pods: [.init(url: "http://10.0.0.13:4000", snapshot: nil, error: .unreachable("connection refused"), durationSeconds: 0)])])
        #expect(down.severity == .critical)
    }

    @Test func severalContextsShareOneLineWithLabelledPerfdata() {
        let r = Self.check([Self.input(Self.snapshot(fallback: "boom")), Self.input(Self.snapshot(), context: "staging")])
        #expect(r.text.hasPrefix("SYNCTOP CRITICAL - prod: cost map on bundled prices (fetch failed: boom); staging OK | prod.proxy_up=1;;;0;1"))
        #expect(r.text.contains(" staging.cost_map_models=4877;;;0"))
        #expect(r.text.split(separator: "\n").count == 2)
    }

    /// A hostile proxy's words cannot break the plugin line: no line break, no `|`, no escape.
    @Test func hostileTextStaysOnOneLine() {
        let r = Self.check([Self.input(Self.snapshot(fallback: "x\n| evil=1\u{1B}[31m"))])
        let first = r.text.split(separator: "\n").first!
        #expect(first.filter { $0 == "|" }.count == 1)
        #expect(!r.text.contains("\u{1B}"))
        #expect(first.contains("evil=1") && !first.hasSuffix("evil=1"))
    }

    @Test func flagParsing() throws {
        #expect(try CheckThresholds.parseExpect("cost-map=6h,beta_headers=1d").get() == [.costMap: 6, .betaHeaders: 24])
        #expect(throws: InputError.self) { try CheckThresholds.parseExpect("cost-map=90m").get() }
        #expect(throws: InputError.self) { try CheckThresholds.parseExpect("prices=6h").get() }
        #expect(try CheckThresholds.parsePercent("10%").get() == 0.10)
        #expect(throws: InputError.self) { try CheckThresholds.parsePercent("150%").get() }
        #expect(DurationText.seconds("90s") == 90 && DurationText.seconds("15m") == 900 && DurationText.seconds("1d") == 86_400)
        #expect(DurationText.seconds("-5m") == nil && DurationText.seconds("99999999999999h") == nil && DurationText.seconds("") == nil)
    }
}
