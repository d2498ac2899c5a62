/// `--mouse`: the wheel scrolls lists, a click selects the job panel or the table row
/// under it. Positions go through the same layout functions the view draws with.
func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    let spec = ViewRegistry.spec(state.screen)
    switch event.kind {
    case .wheelUp, .wheelDown:
        guard spec.wheelScrolls else { return [] }
        let action: Action = event.kind == .wheelUp ? .moveUp : .moveDown
        var effects: [Effect] = []
        for _ in 0..<3 { effects += dispatch(&state, action) }
        return effects
    case .click:
        spec.click(&state, event)
        return []
    }
}

extension Rect {
    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }
}
