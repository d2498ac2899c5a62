/// What a key does on the dashboard.
public enum Action: String, CaseIterable, Sendable {
    case quit, pollNow, nextJob, previousJob, help, reload, editInterval, cancelSchedule
    case showDashboard, showMappings, showModels, showHistory
    // Lists and tables (the Mappings view).
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom, scrollLeft, scrollRight
    case filter, toggleSort, checkHeaders, showChanges, diffBundled, rereadMapping, back
    // The Models view.
    case nextSortColumn, reverseSort, openDetail, refreshModels
    // The fleet views.
    case showContexts, showPods, reloadAllPods
    /// `:`: the command line.
    case commandLine
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
        KeyBinding(keys: [.char("2")], action: .showMappings, help: "beta-header mappings per provider, header check", footer: "mappings"),
        KeyBinding(keys: [.char("3")], action: .showModels, help: "every model of the cost map: prices, limits, what a reload changed", footer: "models"),
        KeyBinding(keys: [.char("4")], action: .showHistory, help: "history of actions and runs", footer: "history"),
        KeyBinding(keys: [.char("0")], action: .showContexts, help: "every context of config.toml side by side", footer: nil),
        KeyBinding(keys: [.char("5")], action: .showPods, help: "every pod of this context side by side", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

    public static let contexts = KeyMap(bindings: [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous context", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next context", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "first context", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "last context", footer: nil),
        KeyBinding(keys: [.enter], action: .openDetail, help: "switch the dashboard to the selected context", footer: "switch"),
        KeyBinding(keys: [.char("1"), .escape], action: .showDashboard, help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("5")], action: .showPods, help: "every pod of this context", footer: "pods"),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

    public static let pods = KeyMap(bindings: [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: "previous pod", footer: nil),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: "next pod", footer: nil),
        KeyBinding(keys: [.home, .char("g")], action: .moveTop, help: "first pod", footer: nil),
        KeyBinding(keys: [.end, .char("G")], action: .moveBottom, help: "last pod", footer: nil),
        KeyBinding(keys: [.char("R")], action: .reloadAllPods, help: "reload the beta-header mapping on every pod, one after another (asks first)", footer: "reload all pods"),
        KeyBinding(keys: [.char("1"), .escape], action: .showDashboard, help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("0")], action: .showContexts, help: "every context", footer: "contexts"),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

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
        KeyBinding(keys: [.escape], action: .back, help: "back to the table / clear the filter", footer: nil),
        KeyBinding(keys: [.char("1")], action: .showDashboard, help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("3")], action: .showModels, help: "every model of the cost map", footer: nil),
        KeyBinding(keys: [.char("4")], action: .showHistory, help: "history of actions and runs", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

    public static let history = KeyMap(bindings: [
        KeyBinding(keys: [.char("1"), .escape], action: .showDashboard, help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("2")], action: .showMappings, help: "beta-header mappings per provider", footer: nil),
        KeyBinding(keys: [.char("3")], action: .showModels, help: "every model of the cost map", footer: nil),
        KeyBinding(keys: [.ctrl("r"), .function(5)], action: .showHistory, help: "read the history file again", footer: "reload"),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

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
        KeyBinding(keys: [.escape], action: .back, help: "back to the table / clear the filter", footer: nil),
        KeyBinding(keys: [.char("1")], action: .showDashboard, help: "back to the dashboard", footer: "dashboard"),
        KeyBinding(keys: [.char("2")], action: .showMappings, help: "beta-header mappings per provider", footer: nil),
        KeyBinding(keys: [.char("4")], action: .showHistory, help: "history of actions and runs", footer: nil),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: "command line: reload, schedule, cancel, theme, views… (Tab completes)", footer: nil),
        KeyBinding(keys: [.char("?")], action: .help, help: "show or hide this help", footer: "help"),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", footer: "quit"),
    ])

    /// The key table of a screen, as shipped (`KeyMaps` holds them as configured).
    public static func of(_ screen: Screen) -> KeyMap { KeyMaps.standard.of(screen) }

    /// The actions `--read-only` turns off (and hides from the footer).
    public static let writeActions: Set<Action> = [.reload, .editInterval, .cancelSchedule, .reloadAllPods]

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }
}
