/// Every view's key table, as `config.toml` may have remapped it, keyed by screen and
/// seeded from `ViewRegistry`. The help overlay and the footers are drawn from these, so a
/// remapped key shows where it is used.
public struct KeyMaps: Equatable, Sendable {
    private var maps: [Screen: KeyMap]

    public static let standard = KeyMaps()
    /// The `[keys.NAME]` sections config.toml may have.
    public static let viewNames = ViewRegistry.all.map(\.name)

    public init() {
        maps = Dictionary(uniqueKeysWithValues: ViewRegistry.all.map { ($0.screen, $0.keys) })
    }

    public subscript(screen: Screen) -> KeyMap {
        maps[screen] ?? ViewRegistry.spec(screen).keys
    }

    /// "poll_now" → "pollNow": config files use snake_case like the rest of the file.
    static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_")
        guard let first = parts.first else { return name }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// "pollNow" → "poll_now", for messages and the README's list.
    public static func snakeCase(_ action: Action) -> String {
        action.name.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    /// Gives `action` in `view` exactly `keys` (its default keys are dropped). A key left
    /// bound to two actions of one view is refused, naming both.
    public mutating func rebind(view: String, action: String, keys: [Key]) -> String? {
        let name = Self.camelCase(action)
        guard let a = ViewRegistry.actions.first(where: { $0.name == name }) else { return "unknown action \"\(action)\"" }
        guard let spec = ViewRegistry.spec(named: view) else {
            return "unknown view \"\(view)\" (views: \(Self.viewNames.joined(separator: ", ")))"
        }
        var map = self[spec.screen]
        guard let i = map.bindings.firstIndex(where: { $0.action == a }) else {
            let known = map.bindings.map { Self.snakeCase($0.action) }.joined(separator: ", ")
            return "the \(view) view has no action \"\(action)\" (it has: \(known))"
        }
        guard !keys.isEmpty else { return "no key given for \(action)" }
        map.bindings[i].keys = keys
        for key in keys {
            if let other = map.bindings.first(where: { $0.action != a && $0.keys.contains(key) }) {
                return "\(key.label) is bound to both \(action) and \(Self.snakeCase(other.action)) in the \(view) view"
            }
        }
        maps[spec.screen] = map
        return nil
    }
}

extension Key {
    /// A key as `config.toml` names it: a character, `Ctrl-r` or `^r`, `F5`, `Enter`, `Esc`,
    /// `Tab`, `S-Tab`, `Space`, `Up` `Down` `Left` `Right`, `PgUp` `PgDn`, `Home` `End`, `BS`,
    /// `Del` (case-insensitive names).
    public static func named(_ name: String) -> Key? {
        if name.count == 1, let c = name.first { return .char(c) }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            return .ctrl(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        switch lower {
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "tab": return .tab
        case "s-tab", "shift-tab", "backtab": return .backTab
        case "space": return .char(" ")
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "home": return .home
        case "end": return .end
        case "bs", "backspace": return .backspace
        case "del", "delete": return .delete
        default: return nil
        }
    }
}
