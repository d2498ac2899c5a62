import Foundation
@testable import ConsoleUI
@testable import ProxyAdmin

/// Fixed instants and snapshots the update and screen tests share.
enum Scenarios {
    static let now = Date(timeIntervalSince1970: 1_795_240_285) // 2026-11-21T05:51:25Z
    static let config = DashboardConfig(proxyURL: "http://localhost:4000", maskedKey: "sk-…a1b2")

    static func state(size: ScreenSize = ScreenSize(width: 80, height: 24)) -> AppState {
        AppState(config: config, now: now, size: size)
    }

    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    static let scheduled = JobStatus(scheduled: true, intervalHours: 6, lastRun: ago(41 * 60),
                                     nextRun: ago(41 * 60).addingTimeInterval(6 * 3600),
                                     sourceRevision: "df2adebb7dfc7b62068e2d56a679e276d719d6e6")
    static let betaScheduled = JobStatus(scheduled: true, intervalHours: 24, lastRun: ago(3 * 3600),
                                         nextRun: ago(3 * 3600).addingTimeInterval(24 * 3600))
    static let notScheduled = JobStatus(scheduled: false)
    static let neverRun = JobStatus(scheduled: true, intervalHours: 6)
    /// Beta headers: interval elapsed, so LiteLLM sends next_run null.
    static let overdue = JobStatus(scheduled: true, intervalHours: 24, lastRun: ago(24 * 3600 + 600))
    static let source = CostMapSource(source: "remote", url: "http://127.0.0.1:8765/model_prices_and_context_window.json",
                                      isEnvForced: false, modelCount: 3412, loadedAt: ago(41 * 60),
                                      sourceRevision: "df2adebb7dfc7b62068e2d56a679e276d719d6e6")
    static let oldSource = CostMapSource(source: "remote", url: "http://127.0.0.1:8765/model_prices_and_context_window.json",
                                         isEnvForced: false, modelCount: 3412)
    static let fallbackSource = CostMapSource(source: "local", url: "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
                                              isEnvForced: false, fallbackReason: "Remote fetch failed: timed out after 5s",
                                              modelCount: 3412)
    static let healthDB = Health(alive: true, readiness: "healthy", database: "connected")
    static let healthNoDB = Health(alive: true, readiness: "healthy", database: "Not connected")

    static func snapshot(cost: JobStatus = scheduled, beta: JobStatus = betaScheduled, source: CostMapSource = source,
                         health: Health = healthDB) -> ProxySnapshot {
        ProxySnapshot(costMap: .success(cost), betaHeaders: .success(beta), source: .success(source), health: .success(health))
    }

    static func failing(_ e: ProxyError, health: Result<Health, ProxyError>? = nil) -> ProxySnapshot {
        ProxySnapshot(costMap: .failure(e), betaHeaders: .failure(e), source: .failure(e), health: health ?? .failure(e))
    }

    /// A state after one poll that answered `snapshot` at `now`.
    static func polled(_ snapshot: ProxySnapshot, size: ScreenSize = ScreenSize(width: 80, height: 24)) -> AppState {
        var s = state(size: size)
        _ = update(&s, .tick(now))
        _ = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: snapshot, at: now))
        return s
    }
}
