/// What a key does. Open like `Screen`: actions only one view has are declared in that
/// view's folder, next to its key table.
public struct Action: Hashable, Sendable, CustomStringConvertible {
    /// camelCase; config.toml spells it in snake_case (`KeyMaps.snakeCase`).
    public let name: String
    /// Set on `show(_:)` actions: the view they bring up.
    public let shows: Screen?

    init(_ name: String) {
        self.name = name
        shows = nil
    }

    /// Brings up a view. Named after it (`showPods`, `show_pods` in config.toml), so the
    /// names config files use stay what they were when each view had its own action.
    public static func show(_ screen: Screen) -> Action {
        Action(name: "show" + screen.id.prefix(1).uppercased() + screen.id.dropFirst(), shows: screen)
    }

    private init(name: String, shows: Screen) {
        self.name = name
        self.shows = shows
    }

    public var description: String { name }
}

/// Actions every view may bind.
extension Action {
    public static let quit = Action("quit")
    public static let help = Action("help")
    /// `:`: the command line.
    public static let commandLine = Action("commandLine")
    public static let pollNow = Action("pollNow")
}

/// Lists and tables, in the views that have one.
extension Action {
    public static let moveUp = Action("moveUp")
    public static let moveDown = Action("moveDown")
    public static let pageUp = Action("pageUp")
    public static let pageDown = Action("pageDown")
    public static let moveTop = Action("moveTop")
    public static let moveBottom = Action("moveBottom")
    public static let filter = Action("filter")
    public static let openDetail = Action("openDetail")
    public static let showChanges = Action("showChanges")
    /// `v`: the selected row whole, in a panel (`WholeText`).
    public static let showWhole = Action("showWhole")
    public static let back = Action("back")
}
