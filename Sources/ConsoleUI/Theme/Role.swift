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
    /// An input field being edited (filter, header line).
    case input
    /// Mapping cells: forwarded unchanged, renamed, unsupported (null), absent (dropped).
    case mappingForwarded = "mapping_forwarded"
    case mappingRenamed = "mapping_renamed"
    case mappingUnsupported = "mapping_unsupported"
    case mappingAbsent = "mapping_absent"
    /// What a reload changed.
    case diffAdded = "diff_added"
    case diffRemoved = "diff_removed"
    case diffChanged = "diff_changed"
}
