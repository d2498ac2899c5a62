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
            let (table, _, _) = ModelsScreen.tableLayout(state.models, ModelsScreen.body(state.size))
            // Inside the box: a header row, then the page of rows the selection is on.
            let visibleRows = table.height - 3
            let row = event.y - (table.y + 2)
            guard visibleRows > 0, (0..<visibleRows).contains(row), event.x > table.x, event.x < table.x + table.width - 1 else { return [] }
            let index = (state.models.selection / visibleRows) * visibleRows + row
            if state.models.rows.indices.contains(index) { state.models.selection = index }
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
