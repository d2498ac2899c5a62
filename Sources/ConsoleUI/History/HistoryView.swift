extension Screen {
    /// Key `4`: what synctop did and saw, from the history file.
    public static let history = Screen("history")
}

extension ViewSpec {
    static let history = ViewSpec(
        screen: .history, numberKey: .char("4"), keys: .history,
        draw: { state, zone, buffer, body, _ in HistoryScreen(state: state, zone: zone).draw(into: &buffer, body) },
        update: handleHistoryAction,
        onShow: onShowHistory,
        wheelScrolls: true, whole: HistoryScreen.whole)
}
