/// One view as the rest of the app sees it. Whatever used to switch on the screen asks
/// this instead, so a new view is its own folder plus one line in `ViewRegistry.all`.
struct ViewSpec: Sendable {
    let screen: Screen
    /// Other words `:` takes for it (`:ctx`); `[keys.NAME]` takes the name only.
    var aliases: [String] = []
    /// The key that brings it up from the dashboard (for the dashboard: from the others).
    var numberKey: Key?
    /// Its key table as shipped; `DashboardConfig.keyMaps` holds it as configured.
    let keys: KeyMap
    /// Its body, between the header and the footer.
    let draw: @Sendable (_ state: AppState, _ zone: LocalZone, _ buffer: inout CellBuffer, _ body: Rect, _ cache: PanelCache?) -> Void
    /// The actions of its table it handles itself; nil leaves one to the shared handling
    /// (quit, help, `:`, poll).
    var update: @Sendable (inout AppState, Action) -> [Effect]? = { _, _ in nil }
    /// Keys it takes before its table looks at them (while its text field is open); nil
    /// when it does not want this one.
    var input: @Sendable (inout AppState, Key) -> [Effect]? = { _, _ in nil }
    /// What coming up starts, such as the first read of what it shows.
    var onShow: @Sendable (inout AppState) -> [Effect] = { _ in [] }
    /// A click in it (`--mouse`).
    var click: @Sendable (inout AppState, MouseEvent) -> Void = { _, _ in }
    /// The mouse wheel moves its list (three `moveUp` / `moveDown` a step).
    var wheelScrolls = false
    /// What `v` shows for its selected row; nil when nothing is selected. Drawn as the
    /// panel is shown, so it follows new polls.
    var whole: @Sendable (_ state: AppState, _ zone: LocalZone) -> WholeContent? = { _, _ in nil }
    /// Footer hints `--read-only` leaves out.
    var readOnlyHides: Set<Action> = []

    /// `[keys.NAME]` in config.toml, `:NAME` on the command line.
    var name: String { screen.id }
}
