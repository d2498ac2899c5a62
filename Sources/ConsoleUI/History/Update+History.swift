import ProxyAdmin

/// Coming up (or Ctrl-R in the view) reads the history file again.
func onShowHistory(_ state: inout AppState) -> [Effect] {
    state.history.loading = true
    return [.loadHistory]
}

func applyHistoryLoad(_ state: inout AppState, _ result: Result<HistoryFile, HistoryLoadError>) {
    state.history.loading = false
    switch result {
    case .success(let file):
        state.history.records = file.records
        state.history.skippedLines = file.skippedLines
        state.history.error = nil
    case .failure(let e):
        state.history.error = e.message
    }
    state.history.selection = min(state.history.selection, max(0, state.history.shown.count - 1))
}

/// The records the list has room for: the body less the stats box, the list's frame and
/// its header row.
func historyPage(_ state: AppState) -> Int {
    let inside = state.size.height - 3 - (2 + SyncJob.allCases.count + 1) - 2
    return max(1, inside - 1 - (inside >= 8 ? 4 : 0))  // the header row; the message lines
}

/// The History view's own actions; nil for the shared ones.
func handleHistoryAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    var h = state.history
    if let moved = movedSelection(h.selection, by: action, count: h.shown.count, page: historyPage(state)) {
        state.history.selection = moved
        return []
    }
    switch action {
    case .cycleJobFilter:
        let all: [SyncJob?] = [nil] + SyncJob.allCases
        h.job = all[((all.firstIndex(of: h.job) ?? 0) + 1) % all.count]
        h.selection = 0
    case .cycleOutcomeFilter:
        let all: [HistoryRecord.Outcome?] = [nil] + HistoryRecord.Outcome.allCases
        h.outcome = all[((all.firstIndex(of: h.outcome) ?? 0) + 1) % all.count]
        h.selection = 0
    case .back:
        // One level back: the filters first, then the dashboard.
        if h.job != nil || h.outcome != nil {
            h.job = nil
            h.outcome = nil
            h.selection = 0
        } else {
            state.screen = .dashboard
        }
    case .refreshHistory:
        state.history = h
        return onShowHistory(&state)
    default: return nil
    }
    state.history = h
    return []
}
