/// `--mouse`: the wheel scrolls lists, a click selects the job panel or the table row
/// under it. Positions go through the same layout functions the view draws with.
func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    switch event.kind {
    case .wheelUp, .wheelDown:
        guard state.screen == .mappings || state.screen == .models else { return [] }
        let action: Action = event.kind == .wheelUp ? .moveUp : .moveDown
        var effects: [Effect] = []
        for _ in 0..<3 { effects += dispatch(&state, action) }
        return effects
    case .click:
        switch state.screen {
        case .dashboard:
            let layout = DashboardLayout(body: Rect(x: 0, y: 2, width: state.size.width, height: state.size.height - 3))
            if layout.costMap.contains(x: event.x, y: event.y) { state.selected = .costMap }
            if layout.betaHeaders.contains(x: event.x, y: event.y) { state.selected = .betaHeaders }
        case .models where state.models.mode == .table && state.models.map != nil:
            let (table, _, _) = ModelsScreen.tableLayout(state.models, PagedTable.body(state.size))
            if let index = PagedTable.rowIndex(atX: event.x, y: event.y, box: table,
                                               selection: state.models.selection, count: state.models.rows.count) {
                state.models.selection = index
            }
        case .mappings where state.mappings.mode == .table:
            guard let mapping = state.mappings.mapping else { break }
            let (table, _, _) = MappingsScreen.tableLayout(mapping, PagedTable.body(state.size))
            if let index = PagedTable.rowIndex(atX: event.x, y: event.y, box: table,
                                               selection: state.mappings.selection, count: state.mappings.rows.count) {
                state.mappings.selection = index
            }
        default:
            break
        }
        return []
    }
}

extension Rect {
    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}
