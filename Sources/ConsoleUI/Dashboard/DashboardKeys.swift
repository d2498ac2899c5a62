/// The dashboard's own actions: the job panels and what can be done to the selected job.
extension Action {
    public static let nextJob = Action("nextJob")
    public static let previousJob = Action("previousJob")
    public static let reload = Action("reload")
    public static let editInterval = Action("editInterval")
    public static let cancelSchedule = Action("cancelSchedule")
}

extension KeyMap {
    /// The dashboard's keys as shipped; `[keys.dashboard]` in config.toml remaps them.
    public static let dashboard = KeyMap(bindings: [
        KeyBinding(keys: [.tab, .right, .down, .char("l"), .char("j")], action: .nextJob,
                   help: "select the next job panel", footer: nil),
        KeyBinding(keys: [.backTab, .left, .up, .char("h"), .char("k")], action: .previousJob,
                   help: "select the previous job panel", footer: nil),
        KeyBinding(keys: [.char("r")], action: .reload, help: "reload the selected job's file now (asks first)", footer: "reload"),
        KeyBinding(keys: [.char("e")], action: .editInterval, help: "set the selected job's reload interval (hours)", footer: "interval"),
        KeyBinding(keys: [.char("x")], action: .cancelSchedule, help: "cancel the selected job's schedule (asks first)", footer: "cancel"),
        KeyBinding(keys: [.ctrl("r"), .function(5)], action: .pollNow,
                   help: "poll the proxy now", footer: "poll"),
        KeyBinding(keys: [.char("2")], action: .show(.mappings), help: "beta-header mappings per provider, header check", footer: "mappings"),
        KeyBinding(keys: [.char("3")], action: .show(.models), help: "every model of the cost map: prices, limits, what a reload changed", footer: "models"),
        KeyBinding(keys: [.char("4")], action: .show(.history), help: "history of actions and runs", footer: "history"),
        KeyBinding(keys: [.char("0")], action: .show(.contexts), help: "every context of config.toml side by side", footer: nil),
        KeyBinding(keys: [.char("5")], action: .show(.pods), help: "every pod of this context side by side", footer: nil),
        KeyBinding(keys: [.char("6")], action: .show(.events), help: "every event, whole, full screen (scrolls)", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v")], action: .showWhole, help: "the selected job and the cost map's source, every row in full", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
