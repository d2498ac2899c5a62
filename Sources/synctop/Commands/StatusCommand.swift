import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// `synctop status [--json]`: both jobs, provenance and health once, then exit.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print both sync jobs, the cost map's provenance and the proxy's health once.",
        discussion: "Exit codes: 0 ok, 64 usage, 69 unreachable, 77 auth/permission, 70 proxy-side error."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Write JSON (timestamps ISO 8601 UTC with offset; keys cost_map, beta_headers, source, health).")
    var json = false

    @Flag(help: "Every context of config.toml, side by side (JSON: one object per context, with the usual parts or an error).")
    var allContexts = false

    @Flag(help: "Every pod of the context (pods, pods_dns or pods_command), side by side, and where they disagree.")
    var pods = false

    func validate() throws {
        if allContexts && pods { throw ValidationError("give --all-contexts or --pods, not both") }
        if allContexts && (connection.context != nil || connection.url != nil) { throw ValidationError("--all-contexts takes no --context or --url") }
    }

    func run() async throws {
        if allContexts { return try await FleetStatus.allContexts(connection, json: json) }
        if pods { return try await FleetStatus.pods(connection, json: json) }
        let settings = try connection.settings()
        let (client, transport) = try connection.client(settings)
        let snapshot = await client.snapshot()
        await transport.shutdown()
        let now = Date()
        if json {
            let value = StatusReport.json(snapshot, proxyURL: settings.proxyName, maskedKey: settings.maskedKey, checkedAt: now)
            printOut(value.rendered(pretty: true))
        } else {
            printOut(StatusText.render(snapshot, settings: settings, now: now, zone: .system))
        }
        if let error = snapshot.worstError {
            if json { printError("synctop: \(error.summary)") }
            throw ExitStatus.of(error)
        }
    }
}

/// The human form of `status`: one labelled line per part.
enum StatusText {
    static func render(_ s: ProxySnapshot, settings: ConnectionSettings, now: Date, zone: LocalZone, proxyLine: Bool = true) -> String {
        var lines: [String] = []
        let keyFrom = settings.keySourceName.map { " (\($0))" } ?? ""
        if proxyLine {
            let context = settings.context.map { "  context \($0)" } ?? ""
            lines.append("proxy         \(settings.proxyName)  key \(settings.maskedKey)\(keyFrom)\(context)")
        }
        switch s.health {
        case .success(let h):
            var text = h.alive ? "alive" : "not alive"
            if let r = h.readiness { text += ", ready: \(r)" }
            if let db = h.database { text += ", db: \(db)" }
            if h.databaseConnected == false { text += " (schedules and reloads need a database)" }
            if let v = h.version { text += ", LiteLLM \(v)" }
            lines.append("health        \(text)")
        case .failure(let e):
            lines.append("health        ERROR: \(e.summary)")
        }
        for job in SyncJob.allCases {
            let label = job.shortTitle.lowercased().padding(14)
            switch s.status(of: job) {
            case .success(let st): lines.append(label + jobLine(st, job: job, now: now, zone: zone))
            case .failure(let e): lines.append(label + "ERROR: \(e.summary)")
            }
        }
        switch s.source {
        case .success(let src):
            var text = src.source
            if let u = src.url { text += " \(u)" }
            if let f = src.isEnvForced { text += ", forced local: \(f ? "yes" : "no")" }
            if let m = src.modelCount { text += ", \(ModelNumberText.grouped(m)) models" }
            if let l = src.loadedAt { text += ", loaded \(stamp(l, now: now, zone: zone))" }
            if let r = src.sourceRevision { text += ", revision \(r.prefix(7))" }
            lines.append("source        \(text)")
            if let reason = src.fallbackReason, !reason.isEmpty {
                lines.append("WARNING       remote fetch failed, bundled prices in use: \(reason)")
            }
        case .failure(let e):
            lines.append("source        ERROR: \(e.summary)")
        }
        return lines.joined(separator: "\n")
    }

    static func jobLine(_ st: JobStatus, job: SyncJob, now: Date, zone: LocalZone) -> String {
        var parts: [String] = []
        parts.append(st.scheduled ? "every \(st.intervalHours.map(String.init) ?? "?") h" : "not scheduled")
        parts.append("last run " + (st.lastRun.map { stamp($0, now: now, zone: zone) } ?? "never"))
        switch JobPhase(status: st, now: now, job: job) {
        case .notScheduled: break
        case .neverRun: parts.append("DUE (never run)")
        case .firstRunPending: parts.append("waiting for first run (each pod runs it once after it starts)")
        case .waiting(let next): parts.append("next run \(stamp(next, now: now, zone: zone))")
        case .due: parts.append("DUE now")
        case .overdue(let since): parts.append("OVERDUE by \(TimeText.span(now.timeIntervalSince(since)))")
        }
        return parts.joined(separator: " · ")
    }

    static func stamp(_ d: Date, now: Date, zone: LocalZone) -> String {
        "\(TimeText.clock(d, now: now, zone: zone)) (\(TimeText.relative(d, now: now)))"
    }
}
