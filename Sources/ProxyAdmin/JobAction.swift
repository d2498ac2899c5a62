#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A write an operator can make to one sync job.
public enum JobAction: Sendable, Equatable, Hashable {
    case reload(SyncJob)
    case schedule(SyncJob, hours: Int)
    case cancel(SyncJob)

    public var job: SyncJob {
        switch self {
        case .reload(let j), .schedule(let j, _), .cancel(let j): j
        }
    }

    public var endpoint: Endpoint {
        switch self {
        case .reload(let j): .reload(j)
        case .schedule(let j, let h): .schedule(j, hours: h)
        case .cancel(let j): .cancelSchedule(j)
        }
    }

    /// "reload", "schedule", "cancel": the history's and `--json`'s word for it.
    public var verb: String {
        switch self {
        case .reload: "reload"
        case .schedule: "schedule"
        case .cancel: "cancel"
        }
    }

    /// What a confirmation asks, naming the job and the proxy.
    public func question(proxy: String) -> String {
        switch self {
        case .reload(let j): "Reload the \(j.title.lowercasedFirst) on \(proxy) now?"
        case .schedule(let j, let h): "Schedule the \(j.title.lowercasedFirst) to reload every \(h) h on \(proxy)?"
        case .cancel(let j): "Cancel the \(j.title.lowercasedFirst) reload schedule on \(proxy)?"
        }
    }
}

/// A successful write's answer. `count` is `models_count` (cost map) or `providers_count`
/// (beta headers) on a reload.
public struct ActionOutcome: Equatable, Sendable {
    public var message: String
    public var count: Int?
    public var intervalHours: Int?
    public var timestamp: Date?
    public var sourceRevision: String?

    public init(message: String, count: Int? = nil, intervalHours: Int? = nil, timestamp: Date? = nil, sourceRevision: String? = nil) {
        self.message = message
        self.count = count
        self.intervalHours = intervalHours
        self.timestamp = timestamp
        self.sourceRevision = sourceRevision
    }
}

extension ActionOutcome: Decodable {
    enum CodingKeys: String, CodingKey {
        case message, modelsCount = "models_count", providersCount = "providers_count"
        case intervalHours = "interval_hours", timestamp, sourceRevision = "source_revision"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        count = try c.decodeLenientInt(forKey: .modelsCount) ?? c.decodeLenientInt(forKey: .providersCount)
        intervalHours = try c.decodeLenientInt(forKey: .intervalHours)
        timestamp = try c.decodeTimestamp(forKey: .timestamp)
        sourceRevision = try c.decodeIfPresent(String.self, forKey: .sourceRevision)
    }
}

extension ProxyAdminClient {
    /// Sends one write, once: a write is never retried by synctop, since it may have
    /// happened even when no answer came back.
    public func perform(_ action: JobAction) async -> ActionReply {
        let started = ContinuousClock.now
        let (raw, status) = await exchange(action.endpoint)
        let elapsed = ContinuousClock.now - started
        let ms = Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        return ActionReply(result: decodeBody(ActionOutcome.self, raw, action.endpoint), httpStatus: status, durationMs: ms)
    }
}

/// A write's result with what the history keeps about it.
public struct ActionReply: Equatable, Sendable {
    public var result: Result<ActionOutcome, ProxyError>
    /// nil when no answer came (unreachable, timeout, read-only).
    public var httpStatus: Int?
    public var durationMs: Int

    public init(result: Result<ActionOutcome, ProxyError>, httpStatus: Int?, durationMs: Int) {
        self.result = result
        self.httpStatus = httpStatus
        self.durationMs = durationMs
    }
}

extension String {
    var lowercasedFirst: String {
        guard let f = first else { return self }
        return f.lowercased() + dropFirst()
    }
}
