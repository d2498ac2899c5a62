/// The Models view's own actions.
extension Action {
    public static let nextSortColumn = Action("nextSortColumn")
    public static let reverseSort = Action("reverseSort")
    public static let refreshModels = Action("refreshModels")
}

extension KeyMap {
    /// The Models view's keys as shipped; `[keys.models]` in config.toml remaps them.
    public static let models = KeyMap(bindings: [
        KeyBinding(keys: [.char("/")], action: .filter, help: "filter by model or provider (Enter keeps, Esc clears)", footer: "filter"),
        KeyBinding(keys: [.char("s")], action: .nextSortColumn, help: "sort by the next column", footer: "sort"),
        KeyBinding(keys: [.char("S")], action: .reverseSort, help: "reverse the sort order", footer: nil),
        KeyBinding(keys: [.enter], action: .openDetail, help: "every field of the selected model (Esc: back)", footer: "fields"),
        KeyBinding(keys: [.char("d")], action: .showChanges, help: "what the last cost-map reload changed", footer: "changes"),
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous model (scroll up)", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next model (scroll down)", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: "page up", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: "page down", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "first model", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "last model", footer: nil),
        KeyBinding(keys: [.ctrl("r"), .function(5)], action: .refreshModels, help: "fetch the cost map again", footer: "refresh"),
        KeyBinding(keys: [.escape], action: .back, help: "one level back: the table, no filter, the dashboard", footer: nil),
        KeyBinding(keys: [.char("1")], action: .show(.dashboard), help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("2")], action: .show(.mappings), help: "beta-header mappings per provider", footer: nil),
        KeyBinding(keys: [.char("4")], action: .show(.history), help: "history of actions and runs", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v")], action: .showWhole, help: "the selected model, every field (as Enter)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
