#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Asks the runner to fetch the cost map; a newer fetch supersedes an older one.
func startCostMapLoad(_ state: inout AppState, diff reason: CostMapDiffReason? = nil, against base: CostMapBase? = nil) -> Effect {
    state.models.loadGeneration += 1
    state.models.loadInFlight = state.models.loadGeneration
    state.models.progress = .fetching
    state.models.loadStartedAt = state.now
    state.models.diffReason = reason
    return .loadCostMap(generation: state.models.loadGeneration, diffAgainst: reason == nil ? .none : base ?? .newestSnapshot)
}

/// Coming up fetches the cost map the first time.
func onShowModels(_ state: inout AppState) -> [Effect] {
    if state.models.loaded == nil, state.models.loadInFlight == nil { return [startCostMapLoad(&state)] }
    return []
}

func applyCostMapProgress(_ state: inout AppState, generation: Int, _ progress: CostMapLoadProgress) {
    guard generation == state.models.loadInFlight else { return }
    state.models.progress = progress
}

/// A fetch came back. A failure keeps what is on screen and says why; a success replaces
/// it and, when a diff was asked for, compares it with the snapshot from before.
func applyCostMapLoad(_ state: inout AppState, generation: Int, _ result: Result<CostMapFetch, CostMapLoadError>,
                      at: Date) -> [Effect] {
    guard generation == state.models.loadInFlight else { return [] }
    var m = state.models
    m.loadInFlight = nil
    m.progress = nil
    let reason = m.diffReason
    m.diffReason = nil
    switch result {
    case .failure(let error):
        if m.lastFailure != error.message {
            let kept = m.loaded != nil ? "; keeping the copy fetched before" : ""
            logEvent(&state, at, "cost map could not be fetched: \(error.message)\(kept)", .warning)
        }
        m.lastFailure = error.message
        if reason != nil {
            logEvent(&state, at, "cost map: cannot show what changed (the map could not be fetched)", .warning)
        }
        state.models = m
        return []
    case .success(let fetch):
        let selected = m.selectedEntry?.name
        if m.lastFailure != nil, m.loaded != nil { logEvent(&state, at, "cost map fetched again", .ok) }
        m.lastFailure = nil
        m.loaded = fetch
        m.loadedAt = at
        m.resort()
        // Keep the same model selected when it is still listed.
        if let selected, let map = m.map, let row = m.rows.firstIndex(where: { map.entries[$0].name == selected }) {
            m.selection = row
        }
        if let problem = fetch.snapshotProblem { logEvent(&state, at, "cost map snapshot not kept: \(problem)", .warning) }
        state.models = m
        if let reason { noteCostMapChanges(&state, fetch, reason: reason, at: at) }
        return []
    }
}

/// Puts a reload's (or the proxy's own run's) changes in the events, the banner and the
/// changes page.
private func noteCostMapChanges(_ state: inout AppState, _ fetch: CostMapFetch, reason: CostMapDiffReason, at: Date) {
    guard let diff = fetch.diff else {
        logEvent(&state, at, "cost map: no earlier snapshot to compare with; this copy is kept for next time", .text)
        return
    }
    let title: String
    switch reason {
    case .ownReload: title = "what the cost-map reload changed"
    case .observed: title = "what changed on the proxy"
    }
    state.models.changes = CostMapChanges(diff: diff, title: title, since: fetch.previousSavedAt, at: at)
    state.models.changes?.setFilter(state.models.diffFilter.text)  // a filter typed on the page stays
    let lead: String
    switch reason {
    case .ownReload: lead = "cost map reload: "
    case .observed(let why): lead = "cost map changed on the proxy (\(why)): "
    }
    let hint = diff.isEmpty ? "" : " (3, d: details)"
    logEvent(&state, at, lead + diff.summary + hint, diff.isEmpty ? .text : .diffChanged)
    if reason == .ownReload, var banner = state.banner {
        banner.text += " · " + diff.summary
        state.banner = banner
    }
}

/// Called after each poll: the proxy's cost map moved without synctop asking (its
/// schedule ran, or another client reloaded), so fetch it and diff with the last snapshot.
func costMapMovedOnProxy(_ state: inout AppState, before: CostMapSource?, after: CostMapSource?, at: Date) -> Effect? {
    guard let before, let after else { return nil }
    var moved: [String] = []
    if let a = before.sourceRevision, let b = after.sourceRevision, a != b { moved.append("revision \(a.prefix(7)) → \(b.prefix(7))") }
    if let a = before.modelCount, let b = after.modelCount, a != b { moved.append("\(ModelNumberText.grouped(a)) → \(ModelNumberText.grouped(b)) models") }
    if moved.isEmpty, let a = before.loadedAt, let b = after.loadedAt, a != b { moved.append("loaded again") }
    guard !moved.isEmpty else { return nil }
    if let own = state.models.ownReloadAt, at.timeIntervalSince(own) < 60 { return nil }  // our own reload
    if state.actionInFlight?.action == .reload(.costMap) { return nil }  // ours, still under way
    if state.models.loadInFlight != nil, state.models.diffReason != nil { return nil }
    return startCostMapLoad(&state, diff: .observed(moved.joined(separator: ", ")))
}

/// synctop's cost-map reload succeeded: fetch the map and diff it with the snapshot the
/// runner took just before sending the reload.
func refetchCostMapAfterReload(_ state: inout AppState, at: Date) -> Effect {
    state.models.ownReloadAt = at
    let base = state.models.reloadBaseline.map(CostMapBase.snapshot)
    state.models.reloadBaseline = nil
    return startCostMapLoad(&state, diff: .ownReload, against: base)
}

/// Keys while the filter field has them.
func handleModelsEditKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.models.editingDiffFilter {
        state.models.diffFilter.applyAsFilter(key, editing: &state.models.editingDiffFilter)
        state.models.changes?.setFilter(state.models.diffFilter.text)
        state.models.pageScroll = 0
        return []
    }
    state.models.filter.applyAsFilter(key, editing: &state.models.editingFilter)
    state.models.selection = 0
    state.models.refilter()
    return []
}

/// The Models view's own actions; nil for the shared ones (quit, help, views).
func handleModelsAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    let page = max(1, state.size.height - 8)
    switch action {
    case .refreshModels:
        guard state.models.loadInFlight == nil else {
            state.notice = "the cost map is being fetched already"
            return []
        }
        return [startCostMapLoad(&state)]
    case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
        let delta: Int = switch action {
        case .moveUp: -1
        case .moveDown: 1
        case .pageUp: -page
        case .pageDown: page
        case .moveTop: Int.min / 2
        default: Int.max / 2
        }
        if state.models.mode == .table {
            state.models.selection = max(0, min(state.models.rows.count - 1, state.models.selection + delta))
        } else {
            let lines: Int = switch state.models.mode {
            case .detail: state.models.selectedEntry.map { ScrollPage.lineCount(ModelFieldLines.lines($0, in: state.models.map), size: state.size) } ?? 0
            default: state.models.changes?.rows.count ?? 0
            }
            state.models.pageScroll = clampedPageScroll(state.models.pageScroll, delta, lines: lines, size: state.size)
        }
    case .filter where state.models.mode == .changes:
        state.models.editingDiffFilter = true
        state.models.diffFilter.selectAll()
    case .filter:
        state.models.mode = .table
        state.models.editingFilter = true
        state.models.filter.selectAll()
    case .nextSortColumn:
        let all = ModelColumn.allCases
        let next = all[((all.firstIndex(of: state.models.query.sort) ?? 0) + 1) % all.count]
        state.models.query = ModelQuery(filter: state.models.filter.text, sort: next)
        state.models.selection = 0
        state.models.resort()
    case .reverseSort:
        state.models.query.descending.toggle()
        state.models.selection = 0
        state.models.resort()
    case .openDetail:
        guard state.models.selectedEntry != nil else {
            state.notice = "no model selected"
            return []
        }
        state.models.mode = .detail
        state.models.pageScroll = 0
    case .showChanges:
        guard state.models.changes != nil else {
            state.notice = "no cost-map reload seen yet: its changes show here after one (r on the dashboard)"
            return []
        }
        state.models.mode = .changes
        state.models.pageScroll = 0
    case .back:
        if state.models.mode == .changes, !state.models.diffFilter.text.isEmpty {
            state.models.diffFilter.text = ""
            state.models.changes?.setFilter("")
            state.models.pageScroll = 0
        } else if state.models.mode != .table {
            state.models.mode = .table
        } else if !state.models.filter.text.isEmpty {
            state.models.filter.text = ""
            state.models.refilter()
        } else {
            state.screen = .dashboard
        }
    default:
        return nil
    }
    return []
}

/// A click on a row of the table selects the row drawn there.
func clickModels(_ state: inout AppState, _ event: MouseEvent) {
    guard state.models.mode == .table, state.models.map != nil else { return }
    let (table, _, _) = ModelsScreen.tableLayout(state.models, PagedTable.body(state.size))
    if let index = PagedTable.rowIndex(atX: event.x, y: event.y, box: table,
                                       selection: state.models.selection, count: state.models.rows.count) {
        state.models.selection = index
    }
}

/// A page's first line after moving by `delta`: never past the last page, so ↑ after G
/// moves at once (the page is the view's body inside its box).
func clampedPageScroll(_ scroll: Int, _ delta: Int, lines: Int, size: ScreenSize) -> Int {
    let pageHeight = max(1, PagedTable.body(size).height - 2)
    let last = max(0, lines - pageHeight)
    let moved = delta > 0 ? (scroll > Int.max - delta ? Int.max : scroll + delta) : scroll + delta
    return max(0, min(last, moved))
}
