/// What a key does on the dashboard.
public enum Action: String, CaseIterable, Sendable {
    case quit, pollNow, nextJob, previousJob, help, reload, editInterval, cancelSchedule
    case showDashboard, showHistory
}

/// One row of the key table: the keys, the action, and the words the help screen and
/// footer show. The help overlay is generated from this table, so it cannot drift.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    /// Short label for the footer; nil keeps it out of the footer.
    public var footer: String?
}

public struct KeyMap: Equatable, Sendable {
    public var bindings: [KeyBinding]

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
        KeyBinding(keys: [.char("4")], action: .showHistory, help: "history of actions and runs", footer: "history"),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

    public static let history = KeyMap(bindings: [
        KeyBinding(keys: [.char("1"), .escape], action: .showDashboard, help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.ctrl("r"), .function(5)], action: .showHistory, help: "read the history file again", footer: "reload"),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

    /// The key table of a screen.
    public static func of(_ screen: Screen) -> KeyMap {
        switch screen {
        case .dashboard: dashboard
        case .history: history
        }
    }

    /// The actions `--read-only` turns off (and hides from the footer).
    public static let writeActions: Set<Action> = [.reload, .editInterval, .cancelSchedule]

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }
}
