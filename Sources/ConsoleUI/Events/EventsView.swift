extension Screen {
    /// Key `6`: every event of this session, full screen, whole lines.
    public static let events = Screen("events")
}

extension ViewSpec {
    static let events = ViewSpec(
        screen: .events, numberKey: .char("6"), keys: .events,
        draw: { state, zone, buffer, body, _ in EventsScreen(state: state, zone: zone).draw(into: &buffer, body) },
        update: handleEventsAction,
        onShow: { state in state.eventsOffset = 0; return [] },
        wheelScrolls: true)
}
