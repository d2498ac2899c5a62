/// The Pods view's own actions: move the selection, reload the mapping on every pod.
func handlePodsAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    let pods = state.fleet.pods(of: state.config.currentContext)
    if let moved = movedSelection(state.fleet.podSelection, by: action, count: pods.count,
                                  page: PagedTable.visibleRows(box: PagedTable.body(state.size))) {
        state.fleet.podSelection = moved
        return []
    }
    switch action {
    case .reloadAllPods:
        if state.config.readOnly {
            state.notice = "read-only mode: actions are off"
            return []
        }
        if let off = state.writesOff {
            state.notice = off.reason
            return []
        }
        guard !pods.isEmpty else {
            state.notice = "no pods configured for this context: add pods = [...] to [contexts.\(state.config.currentContext ?? "NAME")]"
            return []
        }
        state.dialog = .confirmAllPods(count: pods.count)
    default: return nil
    }
    return []
}
