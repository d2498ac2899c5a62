#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// The Mappings view (key `2`): the beta-header mapping as read from the proxy's source,
/// the table's filter, sort and scroll, the header check, and what a reload changed.
public struct MappingsState: Equatable, Sendable {
    /// What is on screen: the last good read, or the bundled copy when none succeeded.
    public var shown: BetaHeaderLoad?
    public var shownAt: Date?
    /// The latest read failed (the source is down or the file is invalid): why. What is on
    /// screen is then the last good read, kept.
    public var lastFailure: String?
    public var loadInFlight: Int?
    public var loadGeneration = 0
    /// Set when a reload synctop sent succeeded: the next read is diffed against this.
    public var diffBase: BetaHeaderMapping?
    /// That reload was synctop's: its result line gets the diff's summary.
    public var summaryToBanner = false
    /// The `providers_count` our own reload was answered with, to compare with the source's
    /// once it is read again: another number means the proxy fell back to its bundled copy.
    public var reloadProvidersCount: Int?

    public var mode: MappingsMode = .table
    public var filter = TextInput()
    public var editingFilter = false
    public var order: BetaHeaderMapping.BetaOrder = .name
    /// Index into the filtered, sorted rows.
    public var selection = 0
    /// First provider column shown (horizontal scroll).
    public var columnOffset = 0
    /// The header line being checked, and whether it is being typed.
    public var checkInput = TextInput()
    public var editingCheck = false
    /// The last line checked (what the results show).
    public var checkedLine: String?
    /// What each provider receives for `checkedLine`, both placements.
    public var checkResults: [BetaHeaderCheck] = []
    /// The latest diff shown by the changes page.
    public var changes: MappingChanges?
    /// First line shown on the check and changes pages.
    public var pageScroll = 0
    /// `/` on the changes page filters the changes, not the table behind them.
    public var diffFilter = TextInput()
    public var editingDiffFilter = false

    public init() {}

    /// The mapping on screen, if any.
    public var mapping: BetaHeaderMapping? { shown?.mapping }

    /// Rows of the table: betas matching the filter (case-insensitive substring), in order.
    public var rows: [String] {
        guard let mapping else { return [] }
        let all = mapping.betas(sortedBy: order)
        let needle = filter.text.lowercased()
        guard !needle.isEmpty else { return all }
        return all.filter { $0.lowercased().contains(needle) }
    }

    /// Whether a text field has the keys.
    public var isEditing: Bool { editingFilter || editingCheck || editingDiffFilter }

    /// The changes page's lines, filtered by `diffFilter`.
    var changeLines: [Line] {
        guard let changes else { return [] }
        return DiffFilter.apply(MappingChangeLines.lines(changes.diff), diffFilter.text)
    }
}

/// What the Mappings view shows in its body.
public enum MappingsMode: Equatable, Sendable {
    /// Betas × providers, with a detail pane for the selected beta.
    case table
    /// What every provider receives for the checked header line, both placements.
    case check
    /// What changed between two mappings.
    case changes
}

/// A diff with what it compares, for the changes page and the events panel.
public struct MappingChanges: Equatable, Sendable {
    public var diff: BetaHeaderDiff
    /// e.g. "after the reload at 09:21:04" or "bundled copy → current source".
    public var title: String
    public var at: Date

    public init(diff: BetaHeaderDiff, title: String, at: Date) {
        self.diff = diff
        self.title = title
        self.at = at
    }
}
