#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a new `last_run` says about who ran the job. The proxy's schedule runs at or after
/// the expected next run (`next_run`, or `last_run + interval` once LiteLLM stops showing
/// it); a run well before that, or on a job with no schedule, was asked for by another
/// client: another synctop, curl, LiteLLM's web UI.
public enum RunEvidence {
    public enum Cause: Equatable, Sendable {
        case schedule, otherClient

        public var eventText: String {
            switch self {
            case .schedule: "the proxy ran a scheduled reload"
            case .otherClient: "reloaded by another client (not its schedule, not this synctop)"
            }
        }
    }

    /// A run this much before the expected time still counts as the schedule's: pods
    /// check every 30 s and stamp the check's start.
    public static let earlyTolerance: TimeInterval = 90
    /// A `last_run` further ahead of our clock than this means the proxy's clock is ahead.
    public static let clockSkewTolerance: TimeInterval = 60

    /// `after` is the status that shows the run: a schedule set since the last poll fires
    /// at its first check, so a run with it is the schedule's.
    public static func cause(of run: Date, before old: JobStatus, after new: JobStatus? = nil) -> Cause {
        guard old.scheduled, let hours = old.intervalHours else { return new?.scheduled == true ? .schedule : .otherClient }
        let expected = old.nextRun ?? old.lastRun.map { $0.addingTimeInterval(TimeInterval(hours) * 3600) }
        // Never run before: a schedule that never ran fires at its first check.
        guard let expected else { return .schedule }
        return run >= expected.addingTimeInterval(-earlyTolerance) ? .schedule : .otherClient
    }
}
