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

    /// The actions `--read-only` turns off (and hides from the footer).
    public static let writeActions: Set<Action> = [.reload, .editInterval, .cancelSchedule, .reloadAllPods]

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }
}
