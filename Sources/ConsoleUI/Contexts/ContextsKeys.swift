extension KeyMap {
    /// The Contexts view's keys as shipped; `[keys.contexts]` in config.toml remaps them.
    public static let contexts = KeyMap(bindings: [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous context", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next context", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: "page up", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: "page down", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "first context", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "last context", footer: nil),
        KeyBinding(keys: [.enter], action: .openDetail, help: "switch the dashboard to the selected context", footer: "switch"),
        KeyBinding(keys: [.char("1"), .escape], action: .show(.dashboard), help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("5")], action: .show(.pods), help: "every pod of this context", footer: "pods"),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v")], action: .showWhole, help: "the selected context, every cell in full", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
