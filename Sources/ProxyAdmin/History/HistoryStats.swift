#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Per job, how synctop's actions went: the "success/failure rate" of a sync job. Pure.
///
/// Successes and failures count reload, schedule and cancel actions. Refused actions (nothing
/// was sent) are counted apart and stay out of the rate; runs the proxy did by itself
/// (observed runs) are counted apart too.
public struct HistoryStats: Equatable, Sendable {
    public struct Job: Equatable, Sendable {
        public let job: SyncJob
        public internal(set) var successes = 0
        public internal(set) var failures = 0
        public internal(set) var refused = 0
        public internal(set) var observedRuns = 0
        public internal(set) var lastSuccess: Date?
        public internal(set) var lastFailure: Date?
        /// The message of the failure at `lastFailure`.
        public internal(set) var lastFailureMessage: String?
        public internal(set) var lastObservedRun: Date?

        public init(job: SyncJob) { self.job = job }

        /// successes / (successes + failures); nil when neither happened.
        public var successRate: Double? {
            let attempts = successes + failures
            return attempts == 0 ? nil : Double(successes) / Double(attempts)
        }

        /// Any record at all for this job.
        public var isEmpty: Bool { successes + failures + refused + observedRuns == 0 }
    }

    /// One entry per job in `SyncJob.allCases` order (only the filtered job with a filter),
    /// present even when the job has no records.
    public let jobs: [Job]

    public init(records: [HistoryRecord], job filter: SyncJob? = nil) {
        var byJob: [SyncJob: Job] = [:]
        let wanted = filter.map { [$0] } ?? SyncJob.allCases
        for job in wanted { byJob[job] = Job(job: job) }
        // A run one synctop made is seen by another synctop's dashboard as "reloaded by another
        // client": in one history file it is synctop's reload, not a run by the proxy.
        func key(_ r: HistoryRecord) -> String { r.proxy + " " + r.job.rawValue }
        var reloads: [String: [Date]] = [:]
        for r in records where r.action == .reload && r.outcome == .success { reloads[key(r), default: []].append(r.time) }
        for r in records {
            guard var s = byJob[r.job] else { continue }
            if r.action == .observedRun {
                if reloads[key(r)]?.contains(where: { abs($0.timeIntervalSince(r.time)) <= Self.sameRunWindow }) == true { continue }
                // The proxy's own runs: counted apart whatever their outcome field says.
                s.observedRuns += 1
                s.lastObservedRun = HistoryStats.later(s.lastObservedRun, r.time)
            } else {
                switch r.outcome {
                case .success:
                    s.successes += 1
                    s.lastSuccess = HistoryStats.later(s.lastSuccess, r.time)
                case .failure:
                    s.failures += 1
                    // Latest by time; on a tie the one written last.
                    if s.lastFailure.map({ r.time >= $0 }) ?? true {
                        s.lastFailure = r.time
                        s.lastFailureMessage = r.message
                    }
                case .refused:
                    s.refused += 1
                }
            }
            byJob[r.job] = s
        }
        jobs = wanted.map { byJob[$0]! }
    }

    public subscript(job: SyncJob) -> Job? { jobs.first { $0.job == job } }

    /// An observed run this close to a successful reload of the same job on the same proxy
    /// is that reload (its record is written when the answer arrives, the run stamped just
    /// before).
    static let sameRunWindow: TimeInterval = 5

    /// `{"cost_map": {...}, "beta_headers": {...}}`, times ISO 8601 UTC with offset.
    public var json: JSONValue {
        .object(jobs.map { s in
            (s.job.jsonKey, .object([
                ("successes", .int(s.successes)),
                ("failures", .int(s.failures)),
                ("success_rate", s.successRate.map(JSONValue.double) ?? .null),
                ("refused", .int(s.refused)),
                ("observed_runs", .int(s.observedRuns)),
                ("last_success", .optional(s.lastSuccess.map(ProxyTimestamp.format))),
                ("last_failure", s.lastFailure.map { t in
                    .object([("time", .string(ProxyTimestamp.format(t))), ("message", .optional(s.lastFailureMessage))])
                } ?? .null),
                ("last_observed_run", .optional(s.lastObservedRun.map(ProxyTimestamp.format))),
            ]))
        })
    }

    private static func later(_ a: Date?, _ b: Date) -> Date { a.map { max($0, b) } ?? b }
}

/// `synctop history --json`: `{"records": [...], "stats": {...}, "skipped_lines": N}`.
public enum HistoryReport {
    public static func json(records: [HistoryRecord], stats: HistoryStats, skippedLines: Int) -> JSONValue {
        .object([
            ("records", .array(records.map(\.json))),
            ("stats", stats.json),
            ("skipped_lines", .int(skippedLines)),
        ])
    }
}
