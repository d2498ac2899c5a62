#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /schedule/<job>_reload/status`. Unknown fields are ignored and optional ones may
/// be missing (older and newer proxies differ); a timestamp LiteLLM would never write is
/// a decoding error that names the field, not a silent nil.
public struct JobStatus: Equatable, Sendable {
    public var scheduled: Bool
    public var intervalHours: Int?
    public var lastRun: Date?
    public var nextRun: Date?
    /// 1.109.1+: git blob id of the cost map file last loaded.
    public var sourceRevision: String?
    public var etag: String?

    public init(scheduled: Bool, intervalHours: Int? = nil, lastRun: Date? = nil, nextRun: Date? = nil,
                sourceRevision: String? = nil, etag: String? = nil) {
        self.scheduled = scheduled
        self.intervalHours = intervalHours
        self.lastRun = lastRun
        self.nextRun = nextRun
        self.sourceRevision = sourceRevision
        self.etag = etag
    }
}

extension JobStatus: Decodable {
    enum CodingKeys: String, CodingKey {
        case scheduled, intervalHours = "interval_hours", lastRun = "last_run", nextRun = "next_run"
        case sourceRevision = "source_revision", etag
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Required: every LiteLLM status carries it, and `{}` (a front's placeholder, a
        // stub) must read as "unreadable", not as "not scheduled" (a cancel that never was).
        scheduled = try c.decode(Bool.self, forKey: .scheduled)
        intervalHours = try c.decodeLenientInt(forKey: .intervalHours)
        lastRun = try c.decodeTimestamp(forKey: .lastRun)
        nextRun = try c.decodeTimestamp(forKey: .nextRun)
        sourceRevision = try c.decodeIfPresent(String.self, forKey: .sourceRevision)
        etag = try c.decodeIfPresent(String.self, forKey: .etag)
    }
}

extension KeyedDecodingContainer {
    /// A LiteLLM timestamp (offset or naive UTC) or null/missing.
    func decodeTimestamp(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = ProxyTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                debugDescription: "\(key.stringValue) is not an ISO 8601 time: \"\(text)\"")
        }
        return date
    }

    /// An integer that a proxy might also send as a whole float (6.0).
    func decodeLenientInt(forKey key: Key) throws -> Int? {
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i }
        if let d = try decodeIfPresent(Double.self, forKey: key), d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        return nil
    }
}
