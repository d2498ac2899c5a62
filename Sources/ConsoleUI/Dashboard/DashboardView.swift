extension Screen {
    /// The dashboard: the job panels, the cost map's source, events.
    public static let dashboard = Screen("dashboard")
}

extension ViewSpec {
    static let dashboard = ViewSpec(
        screen: .dashboard, numberKey: .char("1"), keys: .dashboard,
        draw: { state, zone, buffer, body, cache in DashboardScreen(state: state, zone: zone).draw(into: &buffer, body, cache: cache) },
        update: handleDashboardAction, click: clickDashboard,
        whole: DashboardScreen.whole,
        readOnlyHides: KeyMap.writeActions)
}
