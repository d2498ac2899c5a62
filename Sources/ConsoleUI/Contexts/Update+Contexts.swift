/// The Contexts view's own actions: move the selection, switch to the selected context.
func handleContextsAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    let contexts = state.config.contexts
    if let moved = movedSelection(state.fleet.contextSelection, by: action, count: contexts.count,
                                  page: PagedTable.visibleRows(box: PagedTable.body(state.size))) {
        state.fleet.contextSelection = moved
        return []
    }
    switch action {
    case .openDetail:
        guard contexts.indices.contains(state.fleet.contextSelection) else { return [] }
        let name = contexts[state.fleet.contextSelection].name
        if name == state.config.currentContext {
            state.screen = .dashboard
            return []
        }
        return [.switchContext(name)]
    default: return nil
    }
    return []
}
