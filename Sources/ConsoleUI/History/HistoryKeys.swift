/// The History view's own actions.
extension Action {
    public static let cycleJobFilter = Action("cycleJobFilter")
    public static let cycleOutcomeFilter = Action("cycleOutcomeFilter")
    public static let refreshHistory = Action("refreshHistory")
}

extension KeyMap {
    /// The History view's keys as shipped; `[keys.history]` in config.toml remaps them.
    public static let history = KeyMap(bindings: [
        KeyBinding(keys: [.char("f")], action: .cycleJobFilter, help: "show one job, the other, or both", footer: "job"),
        KeyBinding(keys: [.char("o")], action: .cycleOutcomeFilter, help: "show successes, failures, refusals, or all", footer: "outcome"),
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous record (newer)", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next record (older)", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: "page up", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: "page down", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "newest record", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "oldest record", footer: nil),
        KeyBinding(keys: [.ctrl("r"), .function(5)], action: .refreshHistory, help: "read the history file again", footer: "refresh the history"),
        KeyBinding(keys: [.escape], action: .back, help: "one level back: no filters, then the dashboard", footer: nil),
        KeyBinding(keys: [.char("1")], action: .show(.dashboard), help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("2")], action: .show(.mappings), help: "beta-header mappings per provider", footer: nil),
        KeyBinding(keys: [.char("3")], action: .show(.models), help: "every model of the cost map", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v"), .enter], action: .showWhole, help: "the selected record, every field in full", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
