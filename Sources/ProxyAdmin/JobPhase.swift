#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a sync job stands at a given moment, from its status. The proxy checks its
/// schedules every 10 s, so a run a little late is "due"; later than `grace` is
/// "overdue" and worth an operator's attention.
public enum JobPhase: Equatable, Sendable {
    case notScheduled
    /// Scheduled but never run: the proxy runs it at its next check.
    case neverRun
    /// Beta headers scheduled, `last_run` null: the run lives in each pod's memory, so this
    /// process has not run it yet (after a start or restart) — waiting, not due.
    case firstRunPending
    case waiting(next: Date)
    /// Next run reached (or the proxy reports it elapsed); `since` when known.
    case due(since: Date?)
    case overdue(since: Date)

    public static let grace: TimeInterval = 60

    public init(status: JobStatus, now: Date, job: SyncJob = .costMap) {
        guard status.scheduled else { self = .notScheduled; return }
        guard let last = status.lastRun else { self = job == .betaHeaders ? .firstRunPending : .neverRun; return }
        if let next = status.nextRun, next > now { self = .waiting(next: next); return }
        let expected = status.nextRun ?? status.intervalHours.map { last.addingTimeInterval(TimeInterval($0) * 3600) }
        guard let expected, expected <= now else {
            // The proxy says the interval elapsed but our clock disagrees: trust the proxy.
            self = .due(since: nil)
            return
        }
        self = now.timeIntervalSince(expected) > Self.grace ? .overdue(since: expected) : .due(since: expected)
    }

    public var isLate: Bool {
        switch self {
        case .due, .overdue: true
        default: false
        }
    }
}
