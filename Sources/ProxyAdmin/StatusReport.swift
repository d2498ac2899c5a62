#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `synctop status --json`: a snapshot as JSON. Times are ISO 8601 UTC with an explicit
/// offset whatever the proxy sent (beta-header times arrive naive); a section that could
/// not be read is `{"error": {"kind", "message"}}` so scripts see which part failed.
public enum StatusReport {
    public static func json(_ snapshot: ProxySnapshot, proxyURL: String, maskedKey: String, checkedAt: Date) -> JSONValue {
        .object([
            ("proxy", .object([("url", .string(proxyURL)), ("key", .string(maskedKey))])),
            ("checked_at", .string(ProxyTimestamp.format(checkedAt))),
            (SyncJob.costMap.jsonKey, section(snapshot.costMap) { job($0, .costMap, now: checkedAt) }),
            (SyncJob.betaHeaders.jsonKey, section(snapshot.betaHeaders) { job($0, .betaHeaders, now: checkedAt) }),
            ("source", section(snapshot.source, source)),
            ("health", section(snapshot.health, health)),
        ])
    }

    static func section<T>(_ result: Result<T, ProxyError>, _ body: (T) -> JSONValue) -> JSONValue {
        switch result {
        case .success(let v): body(v)
        case .failure(let e): .object([("error", error(e))])
        }
    }

    public static func error(_ e: ProxyError) -> JSONValue {
        let kind = switch e.kind {
        case .unreachable: "unreachable"
        case .auth: "auth"
        case .proxy: "proxy"
        }
        return .object([("kind", .string(kind)), ("message", .string(e.summary))])
    }

    static func time(_ d: Date?) -> JSONValue { d.map { .string(ProxyTimestamp.format($0)) } ?? .null }

    static func job(_ s: JobStatus, _ kind: SyncJob, now: Date) -> JSONValue {
        let phase: String = switch JobPhase(status: s, now: now, job: kind) {
        case .notScheduled: "not_scheduled"
        case .neverRun: "never_run"
        case .firstRunPending: "first_run_pending"
        case .waiting: "scheduled"
        case .due: "due"
        case .overdue: "overdue"
        }
        var pairs: [(String, JSONValue)] = [
            ("scheduled", .bool(s.scheduled)),
            ("interval_hours", .optional(s.intervalHours)),
            ("last_run", time(s.lastRun)),
            ("next_run", time(s.nextRun)),
            ("phase", .string(phase)),
        ]
        if let r = s.sourceRevision { pairs.append(("source_revision", .string(r))) }
        if let e = s.etag { pairs.append(("etag", .string(e))) }
        return .object(pairs)
    }

    static func source(_ s: CostMapSource) -> JSONValue {
        .object([
            ("source", .string(s.source)),
            ("url", .optional(s.url)),
            ("is_env_forced", .optional(s.isEnvForced)),
            ("fallback_reason", .optional(s.fallbackReason)),
            ("model_count", .optional(s.modelCount)),
            ("loaded_at", time(s.loadedAt)),
            ("source_revision", .optional(s.sourceRevision)),
            ("etag", .optional(s.etag)),
        ])
    }

    static func health(_ h: Health) -> JSONValue {
        .object([
            ("alive", .bool(h.alive)),
            ("readiness", .optional(h.readiness)),
            ("db", .optional(h.database)),
            ("db_connected", .optional(h.databaseConnected)),
            ("version", .optional(h.version)),
        ])
    }
}
