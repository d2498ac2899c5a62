#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Asks the runner to read the mapping source; a newer read supersedes an older one.
func startMappingsLoad(_ state: inout AppState) -> Effect {
    state.mappings.loadGeneration += 1
    state.mappings.loadInFlight = state.mappings.loadGeneration
    return .loadMappings(generation: state.mappings.loadGeneration)
}

/// Coming up reads the mapping the first time.
func onShowMappings(_ state: inout AppState) -> [Effect] {
    if state.mappings.shown == nil, state.mappings.loadInFlight == nil { return [startMappingsLoad(&state)] }
    return []
}

/// A read of the mapping source came back. A failed read keeps the last good mapping on
/// screen (and says why); with none, the bundled copy the loader fell back to is shown.
func applyMappingsLoad(_ state: inout AppState, generation: Int, load: BetaHeaderLoad, at: Date) -> [Effect] {
    guard generation == state.mappings.loadInFlight else { return [] }
    state.mappings.loadInFlight = nil
    let hadGoodRead = state.mappings.shown.map { $0.failure == nil } ?? false
    if let failure = load.failure {
        let reason = failure.description
        if state.mappings.lastFailure != reason {
            let kept = hadGoodRead ? "keeping the mapping read before" : "showing the bundled copy"
            logEvent(&state, at, "beta-header mapping: \(reason); \(kept)", .warning)
        }
        state.mappings.lastFailure = reason
        if !hadGoodRead {
            state.mappings.shown = load
            state.mappings.shownAt = at
        }
    } else {
        if state.mappings.lastFailure != nil { logEvent(&state, at, "beta-header mapping read again", .ok) }
        state.mappings.lastFailure = nil
        state.mappings.shown = load
        state.mappings.shownAt = at
    }
    if let line = state.mappings.checkedLine, let mapping = state.mappings.mapping {
        state.mappings.checkResults = mapping.checkAll(line: line)
    }
    state.mappings.selection = min(state.mappings.selection, max(0, state.mappings.rows.count - 1))

    if let base = state.mappings.diffBase {
        state.mappings.diffBase = nil
        defer { state.mappings.summaryToBanner = false; state.mappings.reloadProvidersCount = nil }
        if load.failure == nil {
            let diff = BetaHeaderDiff(from: base, to: load.mapping)
            state.mappings.changes = MappingChanges(diff: diff, title: "what the beta-header reload changed", at: at)
            let summary = MappingChangeLines.summary(diff)
            logEvent(&state, at, "beta headers reload: " + summary, diff.isEmpty ? .text : .diffChanged)
            if let answered = state.mappings.reloadProvidersCount,
               let suspicion = BetaHeaderPreview.fallbackSuspicion(answered: answered, source: load.mapping) {
                logEvent(&state, at, "beta headers: " + suspicion, .warning)
            }
            // The reload's result line carries what it changed (d shows the details).
            if state.mappings.summaryToBanner, var banner = state.banner {
                banner.text += " · mapping: " + summary
                state.banner = banner
            }
        } else {
            logEvent(&state, at, "beta headers reload: cannot show what changed (the mapping could not be read)", .warning)
        }
    }
    return []
}

/// The proxy reloaded the beta headers (synctop asked, or its schedule ran): read the
/// mapping again and diff it against the one on screen.
func rereadMappingsAfterReload(_ state: inout AppState, ownReload: Bool) -> Effect? {
    guard let current = state.mappings.mapping, state.mappings.lastFailure == nil else { return nil }
    state.mappings.diffBase = current
    state.mappings.summaryToBanner = ownReload
    return startMappingsLoad(&state)
}

/// Keys of the Mappings view that are not in its key table: the text fields.
func handleMappingsEditKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.mappings.editingDiffFilter {
        state.mappings.diffFilter.applyAsFilter(key, editing: &state.mappings.editingDiffFilter)
        state.mappings.pageScroll = 0
        return []
    }
    if state.mappings.editingFilter {
        state.mappings.filter.applyAsFilter(key, editing: &state.mappings.editingFilter)
        state.mappings.selection = 0
        return []
    }
    switch state.mappings.checkInput.apply(key) {
    case .submitted:
        state.mappings.editingCheck = false
        let line = state.mappings.checkInput.text
        guard !BetaHeaderLine.parts(line).isEmpty else {
            state.notice = "paste an anthropic-beta header line first (e.g. context-1m-2025-08-07,files-api-2025-04-14)"
            state.mappings.editingCheck = true
            return []
        }
        state.mappings.checkedLine = line
        state.mappings.checkResults = state.mappings.mapping?.checkAll(line: line) ?? []
        state.mappings.mode = .check
        state.mappings.pageScroll = 0
    case .cancelled:
        state.mappings.editingCheck = false
    case .edited, .ignored:
        break
    }
    return []
}

/// The Mappings view's own actions; nil for the shared ones (quit, help, views).
func handleMappingsAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    if action == .rereadMapping {
        guard state.mappings.loadInFlight == nil else {
            state.notice = "the mapping is being read already"
            return []
        }
        return [startMappingsLoad(&state)]
    }
    var m = state.mappings
    defer { state.mappings = m }
    let rowCount = m.rows.count
    // A page is what the box shows: the table's rows, or the text page's lines.
    let page = max(1, m.mode == .table ? PagedTable.visibleRows(box: MappingsScreen.tableRect(state)) : PagedTable.body(state.size).height - 2)
    switch action {
    case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
        let delta: Int = switch action {
        case .moveUp: -1
        case .moveDown: 1
        case .pageUp: -page
        case .pageDown: page
        case .moveTop: Int.min / 2
        default: Int.max / 2
        }
        if m.mode == .table {
            m.selection = max(0, min(rowCount - 1, m.selection + delta))
        } else {
            let lines: [Line] = switch m.mode {
            case .check: HeaderCheckLines.lines(m.checkResults, line: m.checkedLine ?? "", markers: MappingMarkers(state),
                                                width: ScrollPage.textWidth(state.size))
            case .changes: m.changeLines
            case .table: []
            }
            m.pageScroll = clampedPageScroll(m.pageScroll, delta, lines: ScrollPage.lineCount(lines, size: state.size), size: state.size)
        }
    case .scrollLeft:
        m.columnOffset = max(0, m.columnOffset - 1)
    case .scrollRight:
        // No further than the table can scroll at this size, so ← moves it back at once.
        m.columnOffset = min(MappingsScreen.maxColumnOffset(state), m.columnOffset + 1)
    case .filter where m.mode == .changes:
        m.editingDiffFilter = true
        m.diffFilter.selectAll()
    case .filter:
        m.mode = .table
        m.editingFilter = true
        m.filter.selectAll()
    case .toggleSort:
        m.order = m.order == .name ? .support : .name
        m.selection = 0
    case .checkHeaders:
        guard m.mapping != nil else {
            state.notice = "the mapping is not loaded yet"
            return []
        }
        m.editingCheck = true
        m.checkInput.selectAll()
    case .showChanges:
        guard m.changes != nil else {
            state.notice = "no reload seen yet: b compares the bundled copy with the current source"
            return []
        }
        m.mode = m.mode == .changes ? .table : .changes
        m.pageScroll = 0
    case .diffBundled:
        guard let current = m.shown, current.failure == nil, current.source.location != .bundled else {
            state.notice = "the mapping on screen is the bundled copy: nothing to compare"
            return []
        }
        m.changes = MappingChanges(diff: BetaHeaderDiff(from: BetaHeaderLoader.bundled, to: current.mapping),
                                   title: "bundled copy → current source", at: state.now)
        m.mode = .changes
        m.pageScroll = 0
    case .back:
        if m.mode == .changes, !m.diffFilter.text.isEmpty {
            m.diffFilter.text = ""
            m.pageScroll = 0
        } else if m.mode != .table {
            m.mode = .table
        } else if !m.filter.text.isEmpty {
            m.filter.text = ""
            m.selection = 0
        } else {
            state.screen = .dashboard
        }
    default:
        return nil
    }
    return []
}

/// A click on a row of the table selects the row drawn there.
func clickMappings(_ state: inout AppState, _ event: MouseEvent) {
    guard state.mappings.mode == .table, state.mappings.mapping != nil else { return }
    let table = MappingsScreen.tableRect(state)
    if let index = PagedTable.rowIndex(atX: event.x, y: event.y, box: table,
                                       selection: state.mappings.selection, count: state.mappings.rows.count) {
        state.mappings.selection = index
    }
}
