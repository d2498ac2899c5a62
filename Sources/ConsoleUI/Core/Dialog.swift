#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// A modal question on top of the dashboard. While one is open, keys go to it.
public enum Dialog: Equatable, Sendable {
    /// "Reload the model cost map on http://… now?" — y/Enter confirms, n/Esc aborts.
    case confirm(JobAction)
    /// "Reload the beta-header mapping on each of the N pods?" (Pods view, `R`).
    case confirmAllPods(count: Int)
    /// The interval input, prefilled and selected; `error` is why the last Enter was
    /// refused; `confirming` is a value that needs a second Enter (above LiteLLM's UI
    /// maximum, or more than 10× the current interval).
    case editInterval(SyncJob, input: TextInput, error: String?, confirming: Int?)
}

/// The preview shown in a reload's confirmation dialog: computed after `r`, while the
/// operator reads; `y` reloads whether or not it is done.
public struct ReloadPreview: Equatable, Sendable {
    public var job: SyncJob
    public var generation: Int
    public var startedAt: Date
    /// nil while it is being computed.
    public var result: PreviewResult?
}

public enum PreviewResult: Equatable, Sendable {
    case costMap(CostMapPreview)
    case betaHeaders(BetaHeaderPreview)
    /// Why there is no preview (the file could not be fetched, the proxy did not answer).
    case failed(String)
}

/// A write under way, shown on its job's panel so a slow proxy does not look frozen.
public struct ActionInFlight: Equatable, Sendable {
    public var action: JobAction
    public var generation: Int
    public var startedAt: Date
}

/// The latest action's result, shown on the status line for a while and kept in events.
public struct Banner: Equatable, Sendable {
    public var text: String
    public var role: Role
    public var until: Date
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
