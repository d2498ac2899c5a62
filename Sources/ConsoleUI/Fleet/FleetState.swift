#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// A context as the dashboard knows it from config.toml.
public struct FleetContext: Equatable, Sendable {
    public var name: String
    /// The service URL (shown through `URLText.display`).
    public var url: String
    public var accent: String?
    /// Pod URLs from `pods = [...]`; discovered ones arrive as `.podsDiscovered`.
    public var pods: [String]
    /// `pods_dns` / `pods_command`: run again every minute while this context is shown.
    public var discovery: PodDiscovery.Source?
    public init(name: String, url: String, accent: String? = nil, pods: [String] = [], discovery: PodDiscovery.Source? = nil) {
        self.name = name
        self.url = url
        self.accent = accent
        self.pods = pods
        self.discovery = discovery
    }
}

/// One target the fleet views poll on its own schedule: another context's service URL,
/// or one pod of the current context. The current context's service URL is the
/// dashboard's own poll (`AppState`), not one of these.
public struct TargetPoll: Equatable, Sendable {
    public var id: TargetID
    public var url: String
    public var snapshot: ProxySnapshot?
    /// The last poll's failure (the whole target down), nil once one answers.
    public var error: ProxyError?
    public var lastAnswerAt: Date?
    public var failures = 0
    public var inFlight: Int?
    public var nextPollAt: Date

    public init(id: TargetID, url: String, nextPollAt: Date) {
        self.id = id
        self.url = url
        self.nextPollAt = nextPollAt
    }
}

/// After a cost-map reload (synctop's, or one seen on the proxy): which pods have applied it, and since when.
public struct Convergence: Equatable, Sendable {
    public var startedAt: Date
    /// The revision the reload answered with (1.109+), else pods count once loaded after.
    public var revision: String?
    public var reported = false

    /// Pods give up after this long: a pod that has not followed is named.
    public static let patience: TimeInterval = 120
}

/// The Contexts (`0`) and Pods (`5`) views' state: every target, polled side by side.
public struct FleetState: Equatable, Sendable {
    public var targets: [TargetID: TargetPoll] = [:]
    public var generation = 0
    public var contextSelection = 0
    public var podSelection = 0
    /// Why each context's pod discovery failed last (its last known pods are kept).
    public var discoveryErrors: [String: String] = [:]
    public var convergence: Convergence?
    /// When each context's `pods_dns` / `pods_command` runs again.
    public var nextDiscoveryAt: [String: Date] = [:]

    /// How often `pods_dns` / `pods_command` run again.
    public static let discoveryInterval: TimeInterval = 60

    public init() {}

    /// The current context's pods, in the order configured or discovered.
    public func pods(of context: String?) -> [TargetPoll] {
        targets.values.filter { $0.id.context == (context ?? "") && $0.id.pod != nil }.sorted { $0.id < $1.id }
    }
}

extension DashboardConfig {
    /// The targets the fleet views poll, besides the dashboard's own: every other
    /// context's service URL, and every pod of every context (the Contexts view says
    /// whether each context's pods agree).
    func fleetTargets(now: Date) -> [TargetPoll] {
        var out: [TargetPoll] = []
        for c in contexts {
            if c.name != currentContext { out.append(TargetPoll(id: TargetID(context: c.name), url: c.url, nextPollAt: now)) }
            for pod in c.pods { out.append(TargetPoll(id: TargetID(context: c.name, pod: pod), url: pod, nextPollAt: now)) }
        }
        return out
    }
}
