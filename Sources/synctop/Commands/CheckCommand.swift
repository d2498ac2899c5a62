import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// `synctop check`: a monitoring plugin (Nagios, Icinga, Sensu). Reads only; answers
/// within its timeout even when a pod hangs; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the proxy (or every context, or every pod) as a Nagios/Icinga/Sensu plugin: one status line with perfdata, exit 0-3.",
        discussion: """
        Never writes to the proxy. CRITICAL: unreachable, key rejected, cost map on bundled prices, \
        a job expected by --expect and not scheduled, overdue past --crit-overdue, the model count \
        down more than --max-drop against synctop's newest snapshot (synctop models/price/diff/the \
        dashboard save them), pods on different cost maps past --pods-grace or schedules, no database \
        when --expect is given. WARNING: another interval than expected, overdue past --warn-overdue, \
        a read failing, pods that loaded the beta-header mapping at different times, a beta-header \
        reload synctop recorded whose providers_count differs from the source's (a silent fallback \
        to the bundled mapping). Durations: 90s, 15m, 6h, 1d.

        Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (bad flags or config: nothing checked).
        """
    )

    @OptionGroup var targets: TargetSelection

    @Flag(help: "Write the findings as JSON (status, exit_code, contexts, findings, perfdata).")
    var json = false

    @Option(help: ArgumentHelp("Jobs that must be scheduled, and at which interval: cost-map=6h,beta-headers=24h.", valueName: "jobs"))
    var expect: String?

    @Option(help: ArgumentHelp("WARNING when a job is overdue by more than this.", valueName: "duration"))
    var warnOverdue = "1h"

    @Option(help: ArgumentHelp("CRITICAL when a job is overdue by more than this.", valueName: "duration"))
    var critOverdue = "6h"

    @Option(help: ArgumentHelp("CRITICAL when the cost map has lost more than this share of the models in synctop's newest snapshot.", valueName: "percent"))
    var maxDrop = "10%"

    @Option(help: ArgumentHelp("How long pods may take to follow a cost-map reload (LiteLLM re-checks every 30 s).", valueName: "duration"))
    var podsGrace = "2m"

    func validate() throws { _ = try thresholds() }

    func thresholds() throws -> CheckThresholds {
        var t = CheckThresholds()
        if let expect {
            switch CheckThresholds.parseExpect(expect) {
            case .success(let e): t.expected = e
            case .failure(let e): throw ValidationError(e.description)
            }
        }
        func duration(_ text: String, _ flag: String) throws -> Int {
            guard let s = DurationText.seconds(text) else { throw ValidationError("\(flag): \"\(text)\" is not a duration (90s, 15m, 6h, 1d)") }
            return s
        }
        t.warnOverdueSeconds = try duration(warnOverdue, "--warn-overdue")
        t.critOverdueSeconds = try duration(critOverdue, "--crit-overdue")
        if t.critOverdueSeconds < t.warnOverdueSeconds {
            throw ValidationError("--crit-overdue (\(critOverdue)) is shorter than --warn-overdue (\(warnOverdue))")
        }
        t.podsGraceSeconds = try duration(podsGrace, "--pods-grace")
        switch CheckThresholds.parsePercent(maxDrop) {
        case .success(let v): t.maxDrop = v
        case .failure(let e): throw ValidationError(e.description)
        }
        return t
    }

    func run() async throws {
        let thresholds = try thresholds()
        let plan: [CheckPlan.Context]
        do {
            plan = try targets.plan()
        } catch {
            // A monitoring plugin that cannot start says UNKNOWN, never a 64 Nagios reads as CRITICAL.
            throw CheckUnknown("\(error)")
        }
        let inputs = await targets.round(plan, timeoutSeconds: try targets.connection.timeoutSeconds())
        let report = CheckReport(inputs: inputs, thresholds: thresholds, now: Date())
        printOut(json ? report.json.rendered(pretty: true) : report.text)
        throw ExitCode(Int32(report.severity.rawValue))
    }
}

/// Bad flags or config: nothing was checked.
struct CheckUnknown: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
