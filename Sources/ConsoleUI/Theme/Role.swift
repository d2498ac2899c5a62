/// The closed list of semantic roles a screen paints with (htop's ColorElements).
/// Widgets name a role, never a colour; a `Theme` maps each role to a `Style`.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case text
    case dim
    case border
    case title
    case header
    case label
    case value
    case ok
    case warning
    case error
    case stale
    case due
    case overdue
    case selected
    case selectedBorder = "selected_border"
    case keyHint = "key_hint"
    case countdown
    case dialog
    case footer
}
