#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of `history.jsonl`: an action synctop took (or refused to take) on one job of one
/// proxy, or a run the proxy did by itself that a poll observed.
///
/// There is deliberately no field for the API key or any header: nothing here may hold a
/// credential. `proxy` is stored without URL user-info (`https://user:pass@host` → `https://host`),
/// and callers that build `message` from text which might echo the key pass it through
/// `redacting(key:)`.
public struct HistoryRecord: Equatable, Sendable {
    public enum Action: String, CaseIterable, Sendable {
        case reload
        case schedule
        case cancel
        /// The proxy ran the job by itself: its `last_run` advanced between two polls.
        case observedRun = "observed_run"
    }

    public enum Outcome: String, CaseIterable, Sendable {
        case success
        case failure
        /// Stopped before anything was sent: read-only mode, invalid input, no confirmation.
        case refused
    }

    /// What the action was asked to do. Only `schedule` has one today (`hours`); later
    /// versions may add more, and readers ignore what they do not know.
    public struct Parameters: Equatable, Sendable {
        public var hours: Int?
        public init(hours: Int? = nil) { self.hours = hours }
        public static let none = Parameters()
    }

    /// When the action started (or the observed run happened), to the microsecond.
    public let time: Date
    /// The proxy's base URL, without user-info.
    public let proxy: String
    public let job: SyncJob
    public let action: Action
    public let parameters: Parameters
    public let outcome: Outcome
    /// The proxy's answer, nil when none came (refused, unreachable, timeout, observed run).
    public let httpStatus: Int?
    /// From sending the request to the answer (or giving up), nil when nothing was sent.
    public let durationMs: Int?
    /// What happened, in words (the same words the operator saw).
    public let message: String
    /// A reload's count as the proxy answered it (`models_count`, `providers_count`): a
    /// beta-header reload answered with the bundled file's count gives a fallback away
    /// later (`synctop check`). Nil for everything else.
    public let count: Int?

    public init(
        time: Date, proxy: String, job: SyncJob, action: Action, parameters: Parameters = .none,
        outcome: Outcome, httpStatus: Int? = nil, durationMs: Int? = nil, message: String, count: Int? = nil
    ) {
        // Microsecond precision, what the line holds: a record equals itself read back.
        self.time = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
        self.proxy = HistoryRecord.withoutUserInfo(proxy)
        self.job = job
        self.action = action
        self.parameters = parameters
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.durationMs = durationMs
        self.message = message
        self.count = count
    }

    /// The same record with every occurrence of `key` in the message replaced by its masked
    /// form (`sk-…a1b2`). Defence in depth for messages built from proxy answers.
    public func redacting(key: String?) -> HistoryRecord {
        guard let key, !key.isEmpty, message.contains(key) else { return self }
        return HistoryRecord(
            time: time, proxy: proxy, job: job, action: action, parameters: parameters, outcome: outcome,
            httpStatus: httpStatus, durationMs: durationMs,
            message: message.replacing(key, with: APIKey.mask(key)), count: count)
    }

    // MARK: - The line

    /// The record as `history --json` prints it: the job spelled as in every JSON output
    /// (`cost_map`, `SyncJob.jsonKey`). The file keeps `jsonLine`'s spelling.
    public var json: JSONValue { json(job: job.jsonKey) }

    /// The record as JSON with a fixed key order: time, proxy, job, action, parameters,
    /// outcome, http_status, duration_ms, message, then `count` for reloads that have one
    /// (older lines lack it). Absent values are explicit nulls; absent parameters are left
    /// out of the `parameters` object.
    private func json(job jobText: String) -> JSONValue {
        var params: [(String, JSONValue)] = []
        if let hours = parameters.hours { params.append(("hours", .int(hours))) }
        var pairs: [(String, JSONValue)] = [
            ("time", .string(ProxyTimestamp.format(time))),
            ("proxy", .string(proxy)),
            ("job", .string(jobText)),
            ("action", .string(action.rawValue)),
            ("parameters", .object(params)),
            ("outcome", .string(outcome.rawValue)),
            ("http_status", .optional(httpStatus)),
            ("duration_ms", .optional(durationMs)),
            ("message", .string(message)),
        ]
        if let count { pairs.append(("count", .int(count))) }
        return .object(pairs)
    }

    /// One line of `history.jsonl`, without the newline. Never contains a newline itself
    /// (the writer escapes control characters). The job as ever ("cost-map"): files stay
    /// readable by every synctop version, older ones too.
    public var jsonLine: String { json(job: job.rawValue).rendered() }

    /// Reads one line back; nil when it is not a record (torn, garbage, or a value this
    /// version does not know, such as a future action). Unknown fields are ignored; the job
    /// may be spelled either way ("cost-map" as written, "cost_map" as `history --json` prints).
    public init?(jsonLine line: String) {
        guard let wire = try? JSONDecoderShim.decode(Wire.self, from: line),
              let time = ProxyTimestamp.parse(wire.time),
              let job = SyncJob(anySpelling: wire.job),
              let action = Action(rawValue: wire.action),
              let outcome = Outcome(rawValue: wire.outcome)
        else { return nil }
        self.init(
            time: time, proxy: wire.proxy, job: job, action: action,
            parameters: Parameters(hours: wire.parameters?.hours), outcome: outcome,
            httpStatus: wire.http_status, durationMs: wire.duration_ms, message: wire.message, count: wire.count)
    }

    private struct Wire: Decodable {
        struct Params: Decodable { var hours: Int? }
        var time: String
        var proxy: String
        var job: String
        var action: String
        var parameters: Params?
        var outcome: String
        var http_status: Int?
        var duration_ms: Int?
        var message: String
        var count: Int?
    }

    /// `https://user:secret@host:4000/x` → `https://host:4000/x`; anything else unchanged.
    static func withoutUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }
}
