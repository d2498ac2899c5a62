import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// `synctop history [--json] [--job J] [--limit N]`: the action log and, per job, how it went.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print the actions synctop took and the runs it observed, with per-job success rates.",
        discussion: """
        Reads $XDG_STATE_HOME/synctop/history.jsonl (default ~/.local/state/synctop/history.jsonl). \
        Records are printed newest first, as in the History view (--reverse: oldest first); the statistics cover every record of the \
        shown jobs, whatever --limit says. Refused actions (nothing sent) are not in the rate; \
        runs the proxy did by itself are counted apart. A missing file is an empty history. \
        Exit codes: 0 ok, 64 usage or unreadable history file.
        """
    )

    @Flag(help: "Write JSON: {\"records\": [...], \"stats\": {...}, \"skipped_lines\": N}.")
    var json = false

    @Option(help: ArgumentHelp("Only this job.", valueName: "job"))
    var job: HistoryJobArgument?

    @Option(help: ArgumentHelp("Print only the newest N records (statistics still cover all).", valueName: "n"))
    var limit: Int?

    @Flag(help: "Oldest first.")
    var reverse = false

    @Option(help: ArgumentHelp("The history file (default: the XDG state path above).", valueName: "path"))
    var historyFile: String?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let environment = Environment.all()
        guard let path = historyFile ?? HistoryStore.defaultPath(environment: environment) else {
            let why = UserDirectory.resolve(.state, environment: environment).failure.map { "\($0)" } ?? "unavailable"
            printError("synctop: no history file: the state folder is \(why); or give --history-file PATH")
            throw ExitStatus.usage
        }
        let store = HistoryStore(path: path)
        let loaded: (records: [HistoryRecord], skippedLines: Int)
        do {
            loaded = try store.read()
        } catch {
            printError("synctop: \(error)")
            throw ExitStatus.usage
        }
        let filter = job?.job
        let all = HistoryText.chronological(loaded.records.filter { filter == nil || $0.job == filter })
        let stats = HistoryStats(records: all, job: filter)
        let newest = limit.map { Array(all.suffix($0)) } ?? all
        let shown = reverse ? newest : newest.reversed()
        if json {
            printOut(HistoryReport.json(records: shown, stats: stats, skippedLines: loaded.skippedLines).rendered(pretty: true))
        } else {
            printOut(HistoryText.render(
                records: shown, stats: stats, skippedLines: loaded.skippedLines, path: store.path,
                now: Date(), zone: .system))
        }
    }
}

/// `--job`'s value. A wrapper rather than a conformance on `SyncJob`, which another command
/// may declare for itself.
struct HistoryJobArgument: ExpressibleByArgument {
    let job: SyncJob
    init?(argument: String) {
        guard let job = SyncJob(anySpelling: argument) else { return nil }
        self.job = job
    }
    static var allValueStrings: [String] { SyncJob.allCases.map(\.rawValue) }
}

/// The human form of `history`: one line per record, then one line per job.
enum HistoryText {
    /// Oldest first by time; records with the same time keep their file order.
    static func chronological(_ records: [HistoryRecord]) -> [HistoryRecord] {
        records.enumerated()
            .sorted { $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset }
            .map(\.element)
    }

    static func render(records: [HistoryRecord], stats: HistoryStats, skippedLines: Int, path: String,
                       now: Date, zone: LocalZone) -> String {
        var lines: [String] = []
        if records.isEmpty {
            lines.append("no records in \(path)")
        } else {
            let manyProxies = Set(records.map(\.proxy)).count > 1
            let stamps = records.map { TimeText.clock($0.time, now: now, zone: zone) }
            let stampWidth = stamps.map(\.count).max() ?? 0
            let actionWidth = max(12, records.map { actionText($0).count }.max() ?? 0)
            for (record, stamp) in zip(records, stamps) {
                lines.append(line(record, stamp: pad(stamp, stampWidth), actionWidth: actionWidth, showProxy: manyProxies))
            }
        }
        lines.append("")
        for s in stats.jobs {
            lines.append(statsLine(s, now: now, zone: zone))
        }
        if skippedLines > 0 {
            lines.append("\(skippedLines) unreadable line\(skippedLines == 1 ? "" : "s") in \(path) skipped")
        }
        return lines.joined(separator: "\n")
    }

    /// `10:02:11  cost map      reload        ok       200    840 ms  reloaded 2,345 models`
    static func line(_ r: HistoryRecord, stamp: String, actionWidth: Int, showProxy: Bool) -> String {
        let outcome = switch r.outcome {
        case .success: r.action == .observedRun ? "ran" : "ok"
        case .failure: "FAILED"
        case .refused: "refused"
        }
        var parts = [
            stamp, pad(label(r.job), 12), pad(actionText(r), actionWidth), pad(outcome, 7),
            pad(r.httpStatus.map(String.init) ?? "-", 3), leftPad(r.durationMs.map(duration) ?? "-", 7),
        ]
        if showProxy { parts.append(r.proxy) }
        if !r.message.isEmpty { parts.append(r.message) }
        return parts.joined(separator: "  ")
    }

    /// `reload`, `schedule 6h`, `cancel`, `observed run`.
    static func actionText(_ r: HistoryRecord) -> String {
        var action = r.action == .observedRun ? "observed run" : r.action.rawValue
        if let hours = r.parameters.hours { action += " \(hours)h" }
        return action
    }

    /// `cost map: 12 ok, 1 failed (92%), last ok 10:02:11, last failure 09:40:03: <message>`
    static func statsLine(_ s: HistoryStats.Job, now: Date, zone: LocalZone) -> String {
        var text = label(s.job) + ": "
        if s.successes + s.failures == 0 {
            text += "no actions"
        } else {
            text += "\(s.successes) ok, \(s.failures) failed (\(percent(s)))"
        }
        if let t = s.lastSuccess { text += ", last ok \(TimeText.clock(t, now: now, zone: zone))" }
        if let t = s.lastFailure {
            text += ", last failure \(TimeText.clock(t, now: now, zone: zone))"
            if let m = s.lastFailureMessage, !m.isEmpty { text += ": \(m)" }
        }
        if s.refused > 0 { text += "; \(s.refused) refused" }
        if s.observedRuns > 0 {
            text += "; \(s.observedRuns) observed run\(s.observedRuns == 1 ? "" : "s")"
            if let t = s.lastObservedRun { text += ", last \(TimeText.clock(t, now: now, zone: zone))" }
        }
        return text
    }

    /// Whole percent, rounded down: one failure in 1000 is 99%, never 100%.
    static func percent(_ s: HistoryStats.Job) -> String {
        let attempts = s.successes + s.failures
        return attempts == 0 ? "-" : "\(s.successes * 100 / attempts)%"
    }

    static func label(_ job: SyncJob) -> String {
        switch job {
        case .costMap: "cost map"
        case .betaHeaders: "beta headers"
        }
    }

    static func duration(_ ms: Int) -> String {
        ms < 1000 ? "\(ms) ms" : "\(ms / 1000).\(ms % 1000 / 100) s"
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    private static func leftPad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
    }
}
