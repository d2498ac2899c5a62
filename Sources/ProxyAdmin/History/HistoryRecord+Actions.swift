#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The records synctop writes: one per action it sent or refused, one per run the proxy
/// did by itself.
extension HistoryRecord {
    public static func of(_ action: JobAction, proxy: String, reply: ActionReply, at time: Date) -> HistoryRecord {
        let message: String = switch reply.result {
        case .success(let o): o.message
        case .failure(let e): ActionReport.explain(e, action: action)
        }
        let isReload = if case .reload = action { true } else { false }
        return HistoryRecord(time: time, proxy: proxy, job: action.job, action: Action(action),
                             parameters: Parameters(action), outcome: reply.result.value != nil ? .success : .failure,
                             httpStatus: reply.httpStatus, durationMs: reply.durationMs, message: message,
                             count: isReload ? reply.result.value?.count : nil)
    }

    /// An action stopped before anything was sent (read-only mode, declined, no terminal).
    public static func refused(_ action: JobAction, proxy: String, reason: String, at time: Date) -> HistoryRecord {
        HistoryRecord(time: time, proxy: proxy, job: action.job, action: Action(action), parameters: Parameters(action),
                      outcome: .refused, message: reason)
    }

    /// A poll saw the job's last run move to `lastRun`, by the proxy's schedule or by
    /// another client (another synctop, curl, the web UI).
    public static func observedRun(_ job: SyncJob, proxy: String, lastRun: Date, cause: RunEvidence.Cause = .schedule) -> HistoryRecord {
        HistoryRecord(time: lastRun, proxy: proxy, job: job, action: .observedRun, outcome: .success,
                      message: cause.eventText)
    }
}

extension HistoryRecord.Action {
    init(_ action: JobAction) {
        switch action {
        case .reload: self = .reload
        case .schedule: self = .schedule
        case .cancel: self = .cancel
        }
    }
}

extension HistoryRecord.Parameters {
    init(_ action: JobAction) {
        if case .schedule(_, let h) = action { self.init(hours: h) } else { self.init() }
    }
}
