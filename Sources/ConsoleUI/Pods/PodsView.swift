extension Screen {
    /// Key `5`: every pod of the current context.
    public static let pods = Screen("pods")
}

extension ViewSpec {
    static let pods = ViewSpec(
        screen: .pods, numberKey: .char("5"), keys: .pods,
        draw: { state, zone, buffer, body, _ in PodsScreen(state: state, zone: zone).draw(into: &buffer, body) },
        update: handlePodsAction,
        whole: PodsScreen.whole,
        readOnlyHides: KeyMap.writeActions)
}
