#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Whether successive answers come from one proxy process. Behind a load balancer each
/// poll may reach another pod, and a pod-memory value (the beta-header `last_run`, the
/// cost map's `loaded_at`) then alternates between old and new: A, B, A. A value that
/// comes back after another one is that evidence. From then on synctop infers no runs and
/// no cost-map changes from those flapping values (it would log runs that never
/// happened), and says once what to do.
public struct ProcessEvidence: Equatable, Sendable {
    /// The last few distinct values seen per signal ("beta_headers.last_run", ...).
    private var recent: [String: [Date]] = [:]
    /// Signals that flapped.
    public private(set) var flapping: Set<String> = []

    public static let betaLastRun = "beta_headers.last_run"
    public static let costMapLoadedAt = "cost_map.loaded_at"

    public init() {}

    /// Notes `value` after `previous`; a value seen before, other than the previous one,
    /// marks `signal` as flapping.
    public mutating func note(_ signal: String, previous: Date?, value: Date?) {
        guard let value, value != previous else { return }
        var seen = recent[signal] ?? []
        defer {
            seen.removeAll { $0 == value }
            seen.append(value)
            recent[signal] = Array(seen.suffix(4))
        }
        if seen.contains(value) { flapping.insert(signal) }
    }

    public func flaps(_ signal: String) -> Bool { flapping.contains(signal) }

    /// The context's pods are configured: the service URL balances between them, so
    /// both pod-memory signals are treated as flapping from the first poll.
    public mutating func assumeSeveral() {
        flapping.formUnion([Self.betaLastRun, Self.costMapLoadedAt])
    }

    /// A cost-map `last_run` this soon after the previous one, with several processes, is
    /// a pod applying that reload (each stamps `last_run_at`), not a new run: LiteLLM's
    /// default check every 30 s, plus the 2 minutes synctop waits for a pod to follow.
    public static let podFollowWindow: TimeInterval = 150

    static func podsMessage(_ count: Int) -> String {
        "\(count) pods answer behind this URL: runs are taken from the shared schedule, each pod's own state is in the Pods view (5)"
    }

    /// What the operator is told the first time.
    public static let message = "answers come from several proxy processes (a load balancer in front?) — configure pods for this proxy to see each; runs are no longer inferred from values that alternate"
}
