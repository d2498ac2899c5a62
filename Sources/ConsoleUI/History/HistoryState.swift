import ProxyAdmin

/// The history file as last read for the History view, and how the view shows it: which
/// jobs and outcomes, and how far it is scrolled.
public struct HistoryState: Equatable, Sendable {
    public var records: [HistoryRecord] = []
    public var skippedLines = 0
    public var error: String?
    public var loading = true
    /// nil: every job / every outcome.
    public var job: SyncJob?
    public var outcome: HistoryRecord.Outcome?
    /// The selected record, in `shown`: the list pages to keep it on screen, `v` shows it
    /// whole.
    public var selection = 0

    /// The records the list shows: filtered, newest first (file order breaks ties).
    public var shown: [HistoryRecord] {
        records.enumerated()
            .filter { (job == nil || $0.element.job == job) && (outcome == nil || $0.element.outcome == outcome) }
            .sorted { ($0.element.time, $0.offset) > ($1.element.time, $1.offset) }
            .map(\.element)
    }
}
