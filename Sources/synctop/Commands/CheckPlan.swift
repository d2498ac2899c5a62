#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

import ArgumentParser

/// Which targets `check`, `metrics` and `serve-metrics` read: the connection, the mapping
/// source, and `--all-contexts` / `--pods`.
struct TargetSelection: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var mappingSource: MappingSourceOptions

    @Flag(help: "Every context of config.toml.")
    var allContexts = false

    @Flag(help: "Also every pod of each context (pods, pods_dns or pods_command).")
    var pods = false

    func validate() throws {
        if allContexts && (connection.context != nil || connection.url != nil) {
            throw ValidationError("--all-contexts takes no --context or --url")
        }
    }

    func plan() throws -> [CheckPlan.Context] {
        try CheckPlan.contexts(connection, allContexts: allContexts, pods: pods, mappingSource: mappingSource)
    }

    /// One round of reads of the planned contexts.
    func round(_ plan: [CheckPlan.Context], timeoutSeconds: Int) async -> [CheckInput] {
        await CheckPlan.round(plan, timeoutSeconds: timeoutSeconds, caFile: connection.caFile)
    }
}

/// What `check` (and the metrics) read: the chosen contexts, how to reach each, how to
/// find its pods; then one round of reads per context, every read side by side.
enum CheckPlan {
    struct Context: Sendable {
        var name: String
        var settings: ConnectionSettings
        var podSource: PodDiscovery.Source?
        var betaSource: BetaHeaderSource
    }

    static func contexts(_ connection: ConnectionOptions, allContexts: Bool, pods: Bool,
                         mappingSource: MappingSourceOptions) throws -> [Context] {
        let file = try connection.loadConfig()
        let environment = Environment.all()
        let betaSource = mappingSource.source(config: file)
        if allContexts {
            guard !file.contexts.isEmpty else {
                throw CheckUnknown("--all-contexts: \(file.path ?? "config.toml") has no [contexts.NAME] tables")
            }
            return try file.contexts.map { c in
                let settings = try ConnectionOptions.settings(for: c, keyFileFlag: connection.keyFile, environment: environment)
                Redactor.register(apiKey: settings.apiKey)
                return Context(name: c.name, settings: settings, podSource: pods ? FleetStatus.podSource(c) : nil, betaSource: betaSource)
            }
        }
        let settings = try connection.settings(warnKeyInClear: false)
        Redactor.register(apiKey: settings.apiKey)
        let chosen = try connection.chosenContext(file, environment: environment)
        var podSource: PodDiscovery.Source?
        if pods {
            guard let chosen, let source = FleetStatus.podSource(chosen) else {
                throw CheckUnknown("--pods needs a context with pods = [...], pods_dns or pods_command in config.toml")
            }
            podSource = source
        }
        return [Context(name: chosen?.name ?? PodName.short(settings.proxyName), settings: settings, podSource: podSource, betaSource: betaSource)]
    }

    /// One context: the service URL and its pods read at once, plus what synctop stored.
    static func read(_ c: Context, timeoutSeconds: Int, caFile: String?, started: Date, history: [HistoryRecord]) async -> CheckInput {
        let ca = c.settings.caFile ?? caFile
        async let service = reading(c.settings.baseURL, settings: c.settings, caFile: ca, timeout: timeoutSeconds)
        async let pods = podReadings(c, caFile: ca, timeout: timeoutSeconds, started: started)
        async let beta = betaReload(c, history: history, timeout: timeoutSeconds)
        let snapshot = newestSnapshot(c.settings.proxyName)
        return CheckInput(context: c.name, service: await service, pods: await pods, newestSnapshot: snapshot, betaReload: await beta)
    }

    static func reading(_ url: String, settings: ConnectionSettings, caFile: String?, timeout: Int) async -> CheckInput.Reading {
        let start = Date()
        let transport: any ProxyTransport
        do throws(ProxyError) {
            transport = try ConnectionOptions.transport(for: url, caFile: caFile)
        } catch {
            return .init(url: url, snapshot: nil, error: error, durationSeconds: 0)
        }
        let client = ProxyAdminClient(transport: transport, apiKey: settings.apiKey, timeoutSeconds: timeout, readOnly: true)
        let snapshot = await client.snapshot()
        await transport.shutdown()
        let took = Date().timeIntervalSince(start)
        let allFailed = snapshot.costMap.value == nil && snapshot.betaHeaders.value == nil && snapshot.source.value == nil && snapshot.health.value == nil
        if allFailed, let worst = snapshot.worstError { return .init(url: url, snapshot: nil, error: worst, durationSeconds: took) }
        return .init(url: url, snapshot: snapshot, error: nil, durationSeconds: took)
    }

    /// Discovery and the reads share the one timeout: what is not back in time is a timeout.
    static func podReadings(_ c: Context, caFile: String?, timeout: Int, started: Date) async -> [CheckInput.Reading]? {
        guard let source = c.podSource else { return nil }
        let scheme = c.settings.baseURL.lowercased().hasPrefix("https://") ? "https" : "http"
        let urls: [String]
        switch await PodDiscovery.pods(source, scheme: scheme, timeoutSeconds: timeout) {
        case .success(let found): urls = found
        case .failure(let why):
            return [.init(url: "pods of \(c.name)", snapshot: nil, error: .unreachable("pod discovery failed: \(why)"), durationSeconds: 0)]
        }
        let left = max(1, Double(timeout) + 1 - Date().timeIntervalSince(started))
        let got = await Deadline.gather(urls.count, seconds: left) { i in
            await reading(urls[i], settings: c.settings, caFile: caFile, timeout: timeout)
        }
        return zip(urls, got).map { url, r in r ?? .init(url: url, snapshot: nil, error: .timeout(seconds: timeout), durationSeconds: Double(timeout)) }
    }

    /// The model count of synctop's newest snapshot of this proxy's served map, if any.
    static func newestSnapshot(_ proxyURL: String) -> CheckInput.SnapshotCount? {
        guard let store = try? costMapSnapshots(proxyURL: proxyURL).get(), let newest = store.latest(),
              let bytes = try? store.read(newest), let map = try? CostMap.parse(bytes) else { return nil }
        return .init(models: map.modelCount, savedAt: newest.savedAt)
    }

    /// The last beta-header reload synctop recorded for this proxy, beside the source's
    /// provider count now. Fetches the source only when there is such a record.
    static func betaReload(_ c: Context, history: [HistoryRecord], timeout: Int) async -> CheckInput.BetaReloadCount? {
        guard let last = HistoryRecord.lastCountedReload(of: .betaHeaders, proxy: c.settings.proxyName, in: history),
              let answered = last.count else { return nil }
        let load = await BetaHeaderLoader.load(c.betaSource, timeoutSeconds: timeout)
        guard load.failure == nil else { return nil } // synctop cannot read the source either: nothing to compare
        return .init(answered: answered, at: last.time, sourceProviders: BetaHeaderPreview.providersCount(load.mapping))
    }

    /// One round of reads of every planned context, side by side; what is not back within
    /// the timeout (plus a little for discovery) is a timeout. `check` and the metrics.
    static func round(_ plan: [Context], timeoutSeconds timeout: Int, caFile: String?) async -> [CheckInput] {
        let started = Date()
        // The history file once per round, not once per context.
        let history = HistoryStore.defaultPath(environment: Environment.all()).flatMap { try? HistoryStore(path: $0).read().records } ?? []
        let answers = await Deadline.gather(plan.count, seconds: Double(timeout) + 1.5) { i in
            await read(plan[i], timeoutSeconds: timeout, caFile: caFile, started: started, history: history)
        }
        return zip(plan, answers).map { c, a in
            a ?? CheckInput(context: c.name, service: .init(url: c.settings.baseURL, snapshot: nil, error: .timeout(seconds: timeout), durationSeconds: Double(timeout)))
        }
    }
}
