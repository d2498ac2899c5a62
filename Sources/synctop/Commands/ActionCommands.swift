import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import ConsoleUI
import ProxyAdmin
import Synchronization

extension SyncJob: ExpressibleByArgument {}

/// What `reload` and `cancel` take: the job, the proxy, and whether to skip the question.
struct ConfirmedActionArguments: ParsableArguments {
    @Argument(help: "cost-map or beta-headers") var job: SyncJob
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Do not ask for confirmation.") var yes = false
    @Flag(help: "Write the result as JSON.") var json = false

    func run(_ action: JobAction) async throws {
        guard action == .reload(.costMap) else {
            try await ActionRunner(connection: connection, json: json).run(action, confirm: !yes)
            return
        }
        // What the reload changed, as the dashboard says it: the served catalog before and after.
        let settings = try connection.settings()
        let before = await servedCatalog(settings)
        try await ActionRunner(connection: connection, json: json).run(action, confirm: !yes, settings: settings) { _ in
            guard let before, let after = await servedCatalog(settings) else {
                return .unknown("the proxy's served cost map could not be read before and after the reload")
            }
            return .costMap(CostMapDiff(old: before, new: after))
        }
    }

    private func servedCatalog(_ settings: ConnectionSettings) async -> CostMap? {
        guard let (client, transport) = try? connection.client(settings, readOnly: true) else { return nil }
        let answer = await client.call(.catalogCostMap)
        await transport.shutdown()
        guard case .success(let bytes) = answer else { return nil }
        return try? CostMap.parse(bytes)
    }

    /// `reload --preview`: the preview first, then the question, the reload, and whether
    /// it did what was previewed.
    func runPreviewed(_ options: PreviewOptions) async throws {
        let settings = try connection.settings()
        let preview = try await PreviewRun(connection: connection, options: options).compute(job, settings: settings)
        if json { printOut(preview.json(proxy: settings.proxyName).rendered(pretty: true)) } else { printOut(preview.lines(proxy: settings.proxyName).joined(separator: "\n")) }
        let outcome = try await ActionRunner(connection: connection, json: json).run(.reload(job), confirm: !yes, settings: settings)
        let (text, warning) = await preview.afterReload(outcome, connection: connection, settings: settings)
        guard !text.isEmpty else { return }
        if warning { printError("synctop: warning: \(text)") } else if !json { printOut(text) }
    }

    static let discussion = "Asks for confirmation on a terminal unless --yes; without a terminal it refuses to act without --yes. Exit codes as for status."
}

/// `synctop reload JOB`: reload one file on the proxy now.
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Reload the cost map or the beta-header mapping on the proxy now.",
        discussion: ConfirmedActionArguments.discussion
    )

    @OptionGroup var arguments: ConfirmedActionArguments

    @Flag(help: "beta-headers only: reload on every pod of the context, one after another (the mapping lives in each pod's memory).")
    var allPods = false

    @Flag(help: "Show what the reload would change first (as `synctop preview`), then ask; afterwards say whether it did as previewed.")
    var preview = false

    @OptionGroup var previewOptions: PreviewOptions

    func validate() throws {
        if allPods && arguments.job != .betaHeaders {
            throw ValidationError("--all-pods is for beta-headers: a cost-map reload is stored in the shared database and every pod applies it within its check interval")
        }
    }

    func run() async throws {
        if allPods { return try await AllPodsReload(arguments: arguments).run() }
        if preview { return try await arguments.runPreviewed(previewOptions) }
        guard arguments.job == .betaHeaders else { return try await arguments.run(.reload(arguments.job)) }
        let connection = arguments.connection, source = previewOptions.mappingSource
        let settings = try connection.settings()
        // The proxy exposes no mapping: what it held is what synctop last saw it load.
        let (before, comparedWith) = LastSeenMapping.read(proxyURL: settings.proxyName)
        try await ActionRunner(connection: connection, json: arguments.json)
            .run(.reload(.betaHeaders), confirm: !arguments.yes, settings: settings) { outcome in
                await Self.betaHeaderChanges(outcome, before: before, comparedWith: comparedWith, source: source,
                                             connection: connection, proxy: settings.proxyName)
            }
    }

    /// What a beta-header reload changed, as the dashboard says it: the source's mapping
    /// (which the proxy has just loaded) against the one before. A reload whose source is
    /// broken answers 200 with the bundled file's providers_count (LiteLLM 1.110.2); the
    /// source's own count gives it away: a warning, and no claim of what changed. The
    /// mapping is remembered as loaded only when the counts agree.
    static func betaHeaderChanges(_ outcome: ActionOutcome, before: BetaHeaderMapping, comparedWith: String, source: MappingSourceOptions,
                                  connection: ConnectionOptions, proxy: String) async -> ReloadChanges {
        let config = (try? connection.loadConfig()) ?? ConfigFile()
        let kept = Mutex<[UInt8]>([])
        let load = await BetaHeaderLoader.load(source.source(config: config), fetch: { (url: String, seconds: Int) async throws(HTTPGet.Failure) -> [UInt8] in
            let bytes = try await BetaHeaderLoader.liveFetch(url, seconds)
            kept.withLock { $0 = bytes }
            return bytes
        }, readFile: { (path: String) throws(SettingsError) -> [UInt8]? in
            let bytes = try BetaHeaderLoader.liveReadFile(path)
            kept.withLock { $0 = bytes ?? [] }
            return bytes
        }, timeoutSeconds: (try? connection.timeoutSeconds()) ?? 5)
        if let failure = load.failure { return .unknown("the mapping source could not be read: \(failure)") }
        if let answered = outcome.count, let suspicion = BetaHeaderPreview.fallbackSuspicion(answered: answered, source: load.mapping) {
            var changes = ReloadChanges.unknown("the proxy did not load the source's mapping (see the warning)")
            changes.warning = "\(suspicion) (\(load.source))"
            return changes
        }
        let bytes = kept.withLock { $0 }
        if load.source.location != .bundled, !bytes.isEmpty { LastSeenMapping.save(bytes, proxyURL: proxy) }
        return .betaHeaders(BetaHeaderDiff(from: before, to: load.mapping), comparedWith: comparedWith)
    }
}

/// What a reload changed, for `reload`'s output: one line of text ("changed: …") and the
/// `changes` object of its JSON (`summary` null when it cannot be told, with the reason),
/// and a warning for stderr.
struct ReloadChanges {
    var text: String
    var json: JSONValue
    var warning: String?

    static func unknown(_ reason: String) -> ReloadChanges {
        ReloadChanges(text: "changed: cannot tell: \(reason)", json: .object([("summary", .null), ("reason", .string(reason))]))
    }

    /// The served catalog before and after (counts, as `preview cost-map --json` gives them).
    static func costMap(_ d: CostMapDiff) -> ReloadChanges {
        let repriced = d.repricedCount
        return ReloadChanges(text: "changed: " + d.summary, json: .object([
            ("summary", .string(d.summary)),
            ("compared_with", .string("the map the proxy served before the reload")),
            ("added", .int(d.added.count)), ("removed", .int(d.removed.count)),
            ("repriced", .int(repriced)), ("other_changed", .int(d.changed.count - repriced)),
            ("old_count", .int(d.oldCount)), ("new_count", .int(d.newCount)),
        ]))
    }

    /// The mapping before and after (the fields of `mappings diff --json`).
    static func betaHeaders(_ d: BetaHeaderDiff, comparedWith: String) -> ReloadChanges {
        var pairs: [(String, JSONValue)] = [("summary", .string(d.summary)), ("compared_with", .string(comparedWith))]
        if case .object(let diff) = BetaHeaderReport.diffJSON(d) { pairs += diff }
        return ReloadChanges(text: "changed: \(d.summary) (against \(comparedWith))", json: .object(pairs))
    }
}

/// `synctop schedule JOB --hours N`: set (or change) the reload interval.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Make the proxy reload the cost map or the beta-header mapping every N hours.",
        discussion: "N is a whole number of hours from 1 to 8760, checked before anything is sent. Exit codes as for status."
    )

    @Argument(help: "cost-map or beta-headers") var job: SyncJob
    @Option(help: "Whole hours between reloads (1 to 8760).") var hours: String
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Write the result as JSON.") var json = false

    func validate() throws {
        if case .failure(let why) = HoursInput.parse(hours) { throw ValidationError("--hours: \(why)") }
    }

    func run() async throws {
        guard case .success(let h) = HoursInput.parse(hours) else { throw ExitStatus.usage }
        try await ActionRunner(connection: connection, json: json).run(.schedule(job, hours: h), confirm: false)
    }
}

/// `synctop cancel JOB`: stop the periodic reload.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel the proxy's periodic reload of the cost map or the beta-header mapping.",
        discussion: ConfirmedActionArguments.discussion
    )

    @OptionGroup var arguments: ConfirmedActionArguments

    func run() async throws {
        // Nothing to cancel: say so and send nothing (LiteLLM would answer 200 regardless).
        let connection = arguments.connection
        let settings = try connection.settings()
        let (client, transport) = try connection.client(settings, readOnly: true)
        let status = await client.jobStatus(arguments.job)
        await transport.shutdown()
        if case .success(let s) = status, !s.scheduled {
            if arguments.json {
                printOut(JSONValue.object([("proxy", .string(settings.proxyName)), ("job", .string(arguments.job.jsonKey)),
                                           ("sent", .bool(false)), ("reason", .string("not scheduled"))]).rendered(pretty: true))
            } else {
                printOut("\(arguments.job.title): not scheduled on \(settings.proxyName): nothing to cancel, nothing sent")
            }
            return
        }
        try await arguments.run(.cancel(arguments.job))
    }
}

/// What the three write commands share: confirm, send once, report, exit code.
struct ActionRunner {
    var connection: ConnectionOptions
    var json: Bool

    /// The outcome of a write the proxy accepted (a failure throws its exit status).
    /// `changes`: after a success, what the write changed, printed with its result.
    @discardableResult
    func run(_ action: JobAction, confirm: Bool, settings given: ConnectionSettings? = nil,
             changes: ((ActionOutcome) async -> ReloadChanges)? = nil) async throws -> ActionOutcome {
        let settings = try given ?? connection.settings()
        let history = HistoryWriter.standard(apiKey: settings.apiKey)
        defer { history.flush() }
        if confirm {
            guard isatty(0) == 1 else {
                let why = "refusing to \(action.verb) without a terminal to confirm on; add --yes"
                history.append(.refused(action, proxy: settings.proxyName, reason: why, at: Date()))
                printError("synctop: \(why)")
                throw ExitStatus.usage
            }
            guard Confirmation.ask(action.question(proxy: settings.proxyName)) else {
                history.append(.refused(action, proxy: settings.proxyName, reason: "declined at the confirmation", at: Date()))
                printError("synctop: nothing done")
                throw ExitCode(1)
            }
        }
        let (client, transport) = try connection.client(settings)
        let reply = await client.perform(action)
        await transport.shutdown()
        history.append(.of(action, proxy: settings.proxyName, reply: reply, at: Date()))
        let result = reply.result
        let ms = reply.durationMs
        switch result {
        case .success(let outcome):
            let changed = await changes?(outcome)
            if json {
                var report = ActionReport.json(action, proxy: settings.proxyName, result: result, durationMs: ms)
                if let changed, case .object(let pairs) = report { report = .object(pairs + [("changes", changed.json)]) }
                printOut(report.rendered(pretty: true))
            } else {
                printOut(ActionReport.text(action, outcome: outcome, durationMs: ms))
                if let changed { printOut(changed.text) }
            }
            if let warning = changed?.warning { printError("synctop: warning: \(warning)") }
            return outcome
        case .failure(let error):
            if json {
                printOut(ActionReport.json(action, proxy: settings.proxyName, result: result, durationMs: ms).rendered(pretty: true))
            }
            printError("synctop: \(action.verb) \(action.job.rawValue) failed: \(ActionReport.explain(error, action: action))")
            throw ExitStatus.of(error)
        }
    }
}

/// A yes/no question on the terminal; anything but y/yes is no.
enum Confirmation {
    static func ask(_ question: String) -> Bool {
        var prompt = question + " [y/N] "
        prompt.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        guard let answer = readLine() else { return false }
        let word = answer.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
        return word == "y" || word == "yes"
    }
}
