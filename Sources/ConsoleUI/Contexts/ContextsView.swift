extension Screen {
    /// Key `0`: every context of config.toml.
    public static let contexts = Screen("contexts")
}

extension ViewSpec {
    static let contexts = ViewSpec(
        screen: .contexts, aliases: ["ctx"], numberKey: .char("0"), keys: .contexts,
        draw: { state, zone, buffer, body, _ in ContextsScreen(state: state, zone: zone).draw(into: &buffer, body) },
        update: handleContextsAction,
        whole: ContextsScreen.whole)
}
