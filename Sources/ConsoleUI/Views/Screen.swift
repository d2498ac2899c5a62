/// Which view is up. Open, not an enum: a view declares its id in its own folder
/// (`Screen.pods` in Pods/PodsView.swift), so adding one edits no switch elsewhere.
public struct Screen: Hashable, Sendable, CustomStringConvertible {
    /// Also the view's name in config.toml's `[keys.NAME]` and in `:NAME`.
    public let id: String

    init(_ id: String) { self.id = id }

    public var description: String { id }
}
