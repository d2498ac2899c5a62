extension Screen {
    /// Key `2`: the beta-header mapping per provider.
    public static let mappings = Screen("mappings")
}

extension ViewSpec {
    static let mappings = ViewSpec(
        screen: .mappings, numberKey: .char("2"), keys: .mappings,
        draw: { state, zone, buffer, body, _ in MappingsScreen(state: state, zone: zone).draw(into: &buffer, body) },
        update: handleMappingsAction,
        input: { state, key in state.mappings.isEditing ? handleMappingsEditKey(&state, key) : nil },
        onShow: onShowMappings, click: clickMappings, wheelScrolls: true,
        whole: MappingsScreen.whole)
}
