#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Everything that can happen to the dashboard.
public enum Msg: Sendable {
    /// The clock moved (the loop wakes at least every second).
    case tick(Date)
    case key(Key)
    case resized(ScreenSize)
    /// A poll's answers, tagged with the generation that asked.
    case pollFinished(generation: Int, snapshot: ProxySnapshot, at: Date)
    /// A write's answer, tagged with the generation that sent it.
    case actionFinished(generation: Int, reply: ActionReply, at: Date)
    /// The history file, read for the History view (records, lines skipped) or why not.
    case historyLoaded(Result<HistoryFile, HistoryLoadError>)
    /// The beta-header mapping source was read (or the bundled copy stands in, and why).
    case mappingsLoaded(generation: Int, load: BetaHeaderLoad, at: Date)
    /// The cost map fetch under way reached another step (for the progress line).
    case costMapProgress(generation: Int, CostMapLoadProgress)
    /// Just before synctop's own cost-map reload: the snapshot its diff must compare with.
    case costMapBaseline(CostMapSnapshotStore.Snapshot)
    /// The cost map was fetched and decoded, or why not.
    case costMapLoaded(generation: Int, Result<CostMapFetch, CostMapLoadError>, at: Date)
    /// One fleet target's poll (another context, or a pod), tagged with its generation.
    case targetPolled(TargetID, generation: Int, snapshot: ProxySnapshot, at: Date)
    /// `pods_dns` / `pods_command` ran again: the context's pods now, or why not.
    case podsDiscovered(context: String, Result<[String], PodDiscovery.Failure>, at: Date)
    /// The beta-header reload of one pod (`--all-pods` from the Pods view).
    case podActionFinished(TargetID, reply: ActionReply, at: Date)
    /// Something the runner could not do (e.g. write the history), to show as a notice.
    case notice(String)
    /// A reload's preview, computed while its confirmation dialog is open.
    case previewFinished(generation: Int, PreviewResult)
    /// After a previewed reload: "as previewed", or what differs (`warning`).
    case previewChecked(SyncJob, text: String, warning: Bool)
    /// SIGINT/SIGTERM/SIGHUP or stdin closed.
    case terminate
}

/// What `update` asks the outside world to do; the runner performs it and reports back
/// with a `Msg`.
public enum Effect: Equatable, Sendable {
    case poll(generation: Int)
    /// Send one write, once.
    case perform(JobAction, generation: Int)
    /// Append to the history file.
    case record(HistoryRecord)
    /// Read the history file for the History view.
    case loadHistory
    /// Read the beta-header mapping from the source the proxy reads.
    case loadMappings(generation: Int)
    /// Fetch the proxy's cost map, keep it as a snapshot, and (when asked) hand back the
    /// newest snapshot from before, to diff against.
    case loadCostMap(generation: Int, diffAgainst: CostMapBase)
    /// Fetch the cost map only to keep it as a snapshot (at start: so that a run the
    /// proxy's schedule does later has a "before" to diff against).
    case snapshotCostMap
    /// `:theme NAME`: load and apply a theme (the runner reports back with a notice).
    case setTheme(String)
    /// Poll one fleet target (another context's service URL, or a pod).
    case pollTarget(TargetID, url: String, generation: Int)
    /// Reload the beta-header mapping on each of these pods, one after another.
    case reloadBetaOnPods([TargetID])
    /// Run `pods_dns` / `pods_command` for a context (bounded by the timeout).
    case discoverPods(String, PodDiscovery.Source)
    /// Work out what a reload of this job would change (reads only).
    case preview(SyncJob, generation: Int)
    /// Leave this dashboard for another context's (Enter in the Contexts view).
    case switchContext(String)
    case quit
}

public struct HistoryFile: Equatable, Sendable {
    public var records: [HistoryRecord]
    public var skippedLines: Int
    public init(records: [HistoryRecord], skippedLines: Int) {
        self.records = records
        self.skippedLines = skippedLines
    }
}

public struct HistoryLoadError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

public struct CostMapLoadError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// What a cost-map fetch is diffed against.
public enum CostMapBase: Equatable, Sendable {
    case none
    /// The newest snapshot before this fetch (a change the proxy made by itself).
    case newestSnapshot
    /// This snapshot: the one taken just before synctop's own reload, whatever else was
    /// saved since.
    case snapshot(CostMapSnapshotStore.Snapshot)
}
