/// The Events view's scrolling; nil for the shared actions.
func handleEventsAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    let total = EventsScreen.lines(state, zone: .utc, width: max(1, state.size.width - 2)).count
    let page = max(1, state.size.height - 5)
    let last = max(0, total - page)
    switch action {
    case .moveUp: state.eventsOffset = max(0, state.eventsOffset - 1)
    case .moveDown: state.eventsOffset = min(last, state.eventsOffset + 1)
    case .pageUp: state.eventsOffset = max(0, state.eventsOffset - page)
    case .pageDown: state.eventsOffset = min(last, state.eventsOffset + page)
    case .moveTop: state.eventsOffset = 0
    case .moveBottom: state.eventsOffset = last
    default: return nil
    }
    return []
}
