extension KeyMap {
    /// The Events view's keys as shipped; `[keys.events]` in config.toml remaps them.
    public static let events = KeyMap(bindings: [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "scroll up (newer)", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "scroll down (older)", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: "page up", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: "page down", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "newest event", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "oldest event", footer: nil),
        KeyBinding(keys: [.char("1"), .escape], action: .show(.dashboard), help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
