#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `check` and the metrics know about one context after one round of reads: its
/// service URL's answers, its pods' when asked for, and what synctop itself remembers
/// (the newest cost-map snapshot, the last beta-header reload it recorded).
public struct CheckInput: Sendable {
    public struct Reading: Sendable {
        public var url: String
        /// Nil when no read answered at all (`error` says why).
        public var snapshot: ProxySnapshot?
        public var error: ProxyError?
        public var durationSeconds: Double

        public init(url: String, snapshot: ProxySnapshot?, error: ProxyError?, durationSeconds: Double) {
            self.url = url
            self.snapshot = snapshot
            self.error = error
            self.durationSeconds = durationSeconds
        }

        /// Every read that failed, the whole target's failure included.
        public var errors: [ProxyError] {
            if let error { return [error] }
            return snapshot?.failedReads.map(\.error) ?? []
        }
    }

    /// The newest snapshot synctop saved of this proxy's served cost map.
    public struct SnapshotCount: Sendable, Equatable {
        public var models: Int
        public var savedAt: Date
        public init(models: Int, savedAt: Date) { self.models = models; self.savedAt = savedAt }
    }

    /// The last successful beta-header reload synctop recorded for this proxy, and what the
    /// mapping source holds now, both as LiteLLM counts providers.
    public struct BetaReloadCount: Sendable, Equatable {
        public var answered: Int
        public var at: Date
        public var sourceProviders: Int
        public init(answered: Int, at: Date, sourceProviders: Int) {
            self.answered = answered
            self.at = at
            self.sourceProviders = sourceProviders
        }
    }

    public var context: String
    public var service: Reading
    /// Nil unless pods were asked for.
    public var pods: [Reading]?
    public var newestSnapshot: SnapshotCount?
    public var betaReload: BetaReloadCount?

    public init(context: String, service: Reading, pods: [Reading]? = nil,
                newestSnapshot: SnapshotCount? = nil, betaReload: BetaReloadCount? = nil) {
        self.context = context
        self.service = service
        self.pods = pods
        self.newestSnapshot = newestSnapshot
        self.betaReload = betaReload
    }
}
