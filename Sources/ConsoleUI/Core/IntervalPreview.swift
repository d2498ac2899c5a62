#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// What Enter in the interval field will do, said while typing: "every 60 h (2d 12h) —
/// next run ≈ Tue 14:05". LiteLLM counts the next run from the last one
/// (`next_run = last_run + interval`); a job that never ran runs at its first check.
public enum IntervalPreview {
    /// LiteLLM's admin UI offers 1 to 168 hours; above it, or above 10× the current
    /// interval (a 6 typed after a prefilled 6 would be 66), Enter asks once more.
    public static let uiMaximum = 168

    public static func needsConfirmation(_ hours: Int, current: Int?) -> Bool {
        hours > uiMaximum || (current.map { hours > 10 * $0 } ?? false)
    }

    public static func text(_ hours: Int, status: JobStatus?, now: Date, zone: LocalZone) -> String {
        let every = hours >= 24 ? "every \(hours) h (\(TimeText.span(TimeInterval(hours) * 3600)))" : "every \(hours) h"
        guard let last = status?.lastRun else { return every + " — first run at the proxy's next check (≤ 30 s)" }
        let next = last.addingTimeInterval(TimeInterval(hours) * 3600)
        if next <= now { return every + " — due at once (last run \(TimeText.relative(last, now: now)))" }
        return every + " — next run ≈ " + TimeText.clock(next, now: now, zone: zone)
    }

    /// Why the second Enter is asked for.
    public static func confirmationText(_ hours: Int, current: Int?) -> String {
        var why: [String] = []
        if hours > uiMaximum { why.append("above LiteLLM's UI maximum of \(uiMaximum) h") }
        if let current, hours > 10 * current { why.append("more than 10× the current \(current) h") }
        return "every \(hours) h (\(TimeText.span(TimeInterval(hours) * 3600))) is \(why.joined(separator: " and ")): Enter or y to confirm, any other key to edit"
    }
}
