/// The Mappings view's own actions.
extension Action {
    public static let scrollLeft = Action("scrollLeft")
    public static let scrollRight = Action("scrollRight")
    public static let toggleSort = Action("toggleSort")
    public static let checkHeaders = Action("checkHeaders")
    public static let diffBundled = Action("diffBundled")
    public static let rereadMapping = Action("rereadMapping")
}

extension KeyMap {
    /// The Mappings view's keys as shipped; `[keys.mappings]` in config.toml remaps them.
    public static let mappings = KeyMap(bindings: [
        KeyBinding(keys: [.char("c")], action: .checkHeaders,
                   help: "check a header line: what each provider would receive", footer: "check"),
        KeyBinding(keys: [.char("/")], action: .filter, help: "filter betas (Enter keeps, Esc clears)", footer: "filter"),
        KeyBinding(keys: [.char("s")], action: .toggleSort, help: "sort by name / by how many providers support it", footer: "sort"),
        KeyBinding(keys: [.char("d")], action: .showChanges, help: "what the last beta-header reload changed", footer: "changes"),
        KeyBinding(keys: [.char("b")], action: .diffBundled, help: "compare synctop's bundled copy with the current source", footer: nil),
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous beta (scroll up)", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next beta (scroll down)", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: "page up", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: "page down", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "first beta", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "last beta", footer: nil),
        KeyBinding(keys: [.left, .char("h")], action: .scrollLeft, help: "scroll provider columns left", footer: nil),
        KeyBinding(keys: [.right, .char("l")], action: .scrollRight, help: "scroll provider columns right", footer: nil),
        KeyBinding(keys: [.ctrl("r"), .function(5)], action: .rereadMapping, help: "read the mapping source again", footer: "reread"),
        KeyBinding(keys: [.escape], action: .back, help: "one level back: the table, no filter, the dashboard", footer: nil),
        KeyBinding(keys: [.char("1")], action: .show(.dashboard), help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("3")], action: .show(.models), help: "every model of the cost map", footer: nil),
        KeyBinding(keys: [.char("4")], action: .show(.history), help: "history of actions and runs", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v"), .enter], action: .showWhole, help: "the selected beta on every provider, in full", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
