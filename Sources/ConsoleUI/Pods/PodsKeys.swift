/// The Pods view's own action.
extension Action {
    public static let reloadAllPods = Action("reloadAllPods")
}

extension KeyMap {
    /// The Pods view's keys as shipped; `[keys.pods]` in config.toml remaps them.
    public static let pods = KeyMap(bindings: [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous pod", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next pod", footer: nil),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: "page up", footer: nil),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: "page down", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "first pod", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "last pod", footer: nil),
        KeyBinding(keys: [.char("R")], action: .reloadAllPods, help: "reload the beta-header mapping on every pod, one after another (asks first)", footer: "reload all pods"),
        KeyBinding(keys: [.char("1"), .escape], action: .show(.dashboard), help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("0")], action: .show(.contexts), help: "every context", footer: "contexts"),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("v"), .enter], action: .showWhole, help: "the selected pod, every cell in full", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])
}
