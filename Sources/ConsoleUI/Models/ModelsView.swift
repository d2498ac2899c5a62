extension Screen {
    /// Key `3`: every model of the cost map.
    public static let models = Screen("models")
}

extension ViewSpec {
    static let models = ViewSpec(
        screen: .models, numberKey: .char("3"), keys: .models,
        draw: { state, zone, buffer, body, _ in ModelsScreen(state: state, zone: zone).draw(into: &buffer, body) },
        update: handleModelsAction,
        input: { state, key in state.models.editingFilter || state.models.editingDiffFilter ? handleModelsEditKey(&state, key) : nil },
        onShow: onShowModels, click: clickModels, wheelScrolls: true,
        whole: ModelsScreen.whole)
}
