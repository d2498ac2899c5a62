#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /model/cost_map/source`: where the prices in use came from. Fields an older
/// proxy omits stay nil and are shown as "—".
public struct CostMapSource: Equatable, Sendable {
    /// "remote" or "local" (the bundled copy).
    public var source: String
    public var url: String?
    public var isEnvForced: Bool?
    /// Non-nil: the remote fetch failed and the bundled (possibly stale) prices are in use.
    public var fallbackReason: String?
    public var modelCount: Int?
    public var loadedAt: Date?
    public var sourceRevision: String?
    public var etag: String?

    public init(source: String, url: String? = nil, isEnvForced: Bool? = nil, fallbackReason: String? = nil,
                modelCount: Int? = nil, loadedAt: Date? = nil, sourceRevision: String? = nil, etag: String? = nil) {
        self.source = source
        self.url = url
        self.isEnvForced = isEnvForced
        self.fallbackReason = fallbackReason
        self.modelCount = modelCount
        self.loadedAt = loadedAt
        self.sourceRevision = sourceRevision
        self.etag = etag
    }

    /// Whether the operator must be warned: prices are not the ones they asked for.
    public var isFallback: Bool { fallbackReason.map { !$0.isEmpty } ?? false }
}

extension CostMapSource: Decodable {
    enum CodingKeys: String, CodingKey {
        case source, url, isEnvForced = "is_env_forced", fallbackReason = "fallback_reason"
        case modelCount = "model_count", loadedAt = "loaded_at", sourceRevision = "source_revision", etag
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Required, as `scheduled` in a status: `{}` is not a source report.
        source = try c.decode(String.self, forKey: .source)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        isEnvForced = try c.decodeIfPresent(Bool.self, forKey: .isEnvForced)
        fallbackReason = try c.decodeIfPresent(String.self, forKey: .fallbackReason)
        modelCount = try c.decodeLenientInt(forKey: .modelCount)
        loadedAt = try c.decodeTimestamp(forKey: .loadedAt)
        sourceRevision = try c.decodeIfPresent(String.self, forKey: .sourceRevision)
        etag = try c.decodeIfPresent(String.self, forKey: .etag)
    }
}
