#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The Models view (key `3`): the proxy's cost map as a table, its filter and sort, the
/// selected model's fields, and what the last reload changed.
public struct ModelsState: Equatable, Sendable {
    /// The last good fetch, kept on screen when a later one fails.
    public var loaded: CostMapFetch?
    public var loadedAt: Date?
    /// The latest fetch failed: why (what is on screen is then the earlier one).
    public var lastFailure: String?
    public var loadInFlight: Int?
    public var loadGeneration = 0
    /// What the fetch under way is doing, for the progress line.
    public var progress: CostMapLoadProgress?
    public var loadStartedAt: Date?
    /// Why the fetch under way will be diffed against the newest snapshot, if it will.
    public var diffReason: CostMapDiffReason?
    /// When synctop's own cost-map reload finished: the source moving right after it is
    /// that reload, not the proxy's schedule.
    public var ownReloadAt: Date?
    /// The snapshot taken just before synctop's reload went out.
    public var reloadBaseline: CostMapSnapshotStore.Snapshot?
    public var baselineTaken = false

    public var query = ModelQuery()
    public var filter = TextInput()
    public var editingFilter = false
    /// `/` on the changes page filters the changes, not the table behind them.
    public var diffFilter = TextInput()
    public var editingDiffFilter = false
    /// Every entry in the query's sort order, kept so a filter keystroke does not re-sort.
    public private(set) var sortedOrder: [Int] = []
    /// `sortedOrder` filtered: what the table lists.
    public private(set) var rows: [Int] = []
    public var selection = 0
    public var mode: ModelsMode = .table
    public var changes: CostMapChanges?
    /// First line shown on the changes page and in the detail pane.
    public var pageScroll = 0

    public init() {}

    public var map: CostMap? { loaded?.map }

    /// The selected model, if any row is listed.
    public var selectedEntry: ModelEntry? {
        guard let map, rows.indices.contains(selection) else { return nil }
        return map.entries[rows[selection]]
    }

    /// After the map or the sort changed: sort again, then filter.
    mutating func resort() {
        guard let map else {
            sortedOrder = []
            rows = []
            return
        }
        sortedOrder = ModelQuery.order(of: map, by: query.sort, descending: query.descending)
        refilter()
    }

    /// After the filter changed: one pass over the sorted order.
    mutating func refilter() {
        query.filter = filter.text
        guard let map else { return }
        rows = query.rows(of: map, sortedOrder: sortedOrder)
        selection = max(0, min(selection, rows.count - 1))
    }
}

public enum CostMapDiffReason: Equatable, Sendable {
    /// synctop sent the reload: the result line carries the summary.
    case ownReload
    /// The proxy's data moved between polls (its schedule ran, or another client reloaded).
    case observed(String)
}

public enum ModelsMode: Equatable, Sendable {
    case table
    /// Every field of the selected model.
    case detail
    /// What the last reload (or a run the proxy did by itself) changed.
    case changes
}

/// One fetch of `/public/litellm_model_cost_map`, decoded.
public struct CostMapFetch: Equatable, Sendable {
    public var map: CostMap
    public var byteCount: Int
    public var url: String
    /// Against the snapshot asked for (computed where the fetch ran, not in the UI loop;
    /// nil when no diff was asked for or no snapshot existed).
    public var diff: CostMapDiff?
    public var previousSavedAt: Date?
    /// Why the fetch could not be kept as a snapshot (the view still works).
    public var snapshotProblem: String?
    public var durationMs: Int

    public init(map: CostMap, byteCount: Int, url: String, diff: CostMapDiff? = nil, previousSavedAt: Date? = nil,
                snapshotProblem: String? = nil, durationMs: Int = 0) {
        self.map = map
        self.byteCount = byteCount
        self.url = url
        self.diff = diff
        self.previousSavedAt = previousSavedAt
        self.snapshotProblem = snapshotProblem
        self.durationMs = durationMs
    }
}

public enum CostMapLoadProgress: Equatable, Sendable {
    case fetching
    case decoding(bytes: Int)
}

/// A cost-map diff with what it compares.
public struct CostMapChanges: Equatable, Sendable {
    public var diff: CostMapDiff
    /// e.g. "what the reload changed" or "changed on the proxy".
    public var title: String
    /// When the "before" side was fetched.
    public var since: Date?
    public var at: Date
    /// The changes page's rows, built once (and again when the filter changes): thousands
    /// of them, and the page is drawn every second.
    private(set) var rows: [CostMapChangeLines.Row]
    /// `/` on the changes page: models whose name contains it.
    public private(set) var filter = ""

    mutating func setFilter(_ text: String) {
        guard text != filter else { return }
        filter = text
        rows = CostMapChangeLines.rows(diff, filter: text)
    }

    public init(diff: CostMapDiff, title: String, since: Date?, at: Date) {
        self.diff = diff
        self.title = title
        self.since = since
        self.at = at
        rows = CostMapChangeLines.rows(diff)
    }
}
