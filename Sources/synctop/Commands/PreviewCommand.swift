import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin
import Synchronization

/// What `preview` and `reload --preview` take besides the connection.
struct PreviewOptions: ParsableArguments {
    @Option(help: ArgumentHelp("cost-map: preview this file instead of the proxy's source URL (synctop may reach the file elsewhere than the proxy does).", valueName: "url"))
    var sourceURL: String?

    @Option(help: ArgumentHelp("The proxy's LiteLLM release, whose rules apply (1.100.5, 1.109.1, 1.110.2; default: guessed from its answers).", valueName: "version"))
    var litellmVersion: String?

    @OptionGroup var mappingSource: MappingSourceOptions

    func validate() throws {
        if let v = litellmVersion, CostMapValidation.bundledEntries[v] == nil {
            throw ValidationError("--litellm-version: \(v) is not one synctop knows (\(CostMapValidation.bundledEntries.keys.sorted().joined(separator: ", ")))")
        }
    }
}

/// `synctop preview cost-map|beta-headers`: what a reload would change, worked out before
/// it is sent. Only reads: the proxy's state and the file it would fetch.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show what a reload would change, before it is sent (reads only).",
        discussion: """
        cost-map: fetches the file the proxy would fetch (its /model/cost_map/source url, or --source-url), validates it as the proxy's LiteLLM release does, and diffs it against the map the proxy serves, anomalies first (a served deployment losing its entry or price, prices moving 10x or to 0, context windows shrinking). beta-headers: fetches the mapping source, says whether LiteLLM would fall back to its bundled copy, and which betas each provider stops or starts receiving, the providers your deployments use first. Exit 0 when the reload would load its file, 1 when LiteLLM would refuse it or fall back, else as for status.
        """
    )

    @Argument(help: "cost-map or beta-headers") var job: SyncJob
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var preview: PreviewOptions
    @Flag(help: "Write JSON (the same findings as objects).") var json = false

    func run() async throws {
        let settings = try connection.settings()
        let outcome = try await PreviewRun(connection: connection, options: preview).compute(job, settings: settings)
        if json { printOut(outcome.json(proxy: settings.proxyName).rendered(pretty: true)) } else { printOut(outcome.lines(proxy: settings.proxyName).joined(separator: "\n")) }
        if outcome.blocked { throw ExitCode(1) }
    }
}

/// One computed preview, either job.
enum PreviewOutcome {
    /// `served`: the map the proxy served when previewed.
    case costMap(CostMapPreview, served: CostMap)
    /// `loaded`: the source's bytes when they parse (saved as last seen after the reload).
    case betaHeaders(BetaHeaderPreview, loaded: [UInt8]?)

    func lines(proxy: String) -> [String] {
        switch self {
        case .costMap(let p, _): PreviewReport.lines(p, proxy: proxy)
        case .betaHeaders(let p, _): PreviewReport.lines(p, proxy: proxy)
        }
    }

    func json(proxy: String) -> JSONValue {
        switch self {
        case .costMap(let p, _): PreviewReport.json(p, proxy: proxy)
        case .betaHeaders(let p, _): PreviewReport.json(p, proxy: proxy)
        }
    }

    /// LiteLLM would refuse the file (cost map) or fall back to its bundled copy (betas).
    var blocked: Bool {
        switch self {
        case .costMap(let p, _): p.refused
        case .betaHeaders(let p, _): p.fallbackReason != nil
        }
    }
}

struct PreviewRun {
    var connection: ConnectionOptions
    var options: PreviewOptions

    func compute(_ job: SyncJob, settings: ConnectionSettings) async throws -> PreviewOutcome {
        let timeout = try connection.timeoutSeconds()
        let (client, transport) = try connection.client(settings, readOnly: true)
        defer { Task { await transport.shutdown() } }
        switch job {
        case .costMap:
            switch await CostMapPreviewer.preview(client: client, sourceURL: options.sourceURL ?? (try? connection.loadConfig())?.costMapURL, version: options.litellmVersion, timeoutSeconds: timeout) {
            case .success(let o): return .costMap(o.preview, served: o.served)
            case .failure(let f):
                printError("synctop: preview cost-map: \(f)")
                if case .proxy(let e, _) = f { throw ExitStatus.of(e) }
                throw ExitStatus.unreachable
            }
        case .betaHeaders:
            let source = options.mappingSource.source(config: try connection.loadConfig())
            let (before, comparedWith) = LastSeenMapping.read(proxyURL: settings.proxyName)
            let o = await BetaHeaderPreviewer.preview(client: client, source: source, before: before, comparedWith: comparedWith, timeoutSeconds: timeout,
                                                      fetch: { (url: String, seconds: Int) async throws(HTTPGet.Failure) -> [UInt8] in
                                                          try await DownloadProgress.fetch(url, timeoutSeconds: seconds)
                                                      })
            return .betaHeaders(o.preview, loaded: o.loadedBytes)
        }
    }
}

/// The beta-header mapping synctop last saw loaded on a proxy (the proxy exposes none):
/// kept after a previewed reload succeeds.
enum LastSeenMapping {
    static func store(_ proxyURL: String) -> CostMapSnapshotStore? {
        (try? CostMapSnapshotStore.defaultRoot(environment: Environment.all()).get()).map {
            CostMapSnapshotStore(root: $0, proxyURL: proxyURL, keep: 1, kind: "beta-mappings")
        }
    }

    static func read(proxyURL: String) -> (BetaHeaderMapping, String) {
        if let store = store(proxyURL), let last = store.latest(), let bytes = try? store.read(last),
           let mapping = try? BetaHeaderMapping(parsing: bytes) {
            return (mapping, "the mapping synctop last saw loaded on this proxy (\(ProxyTimestamp.format(last.savedAt)))")
        }
        return (BetaHeaderLoader.bundled, "synctop's bundled copy (no mapping seen loaded on this proxy before)")
    }

    static func save(_ bytes: [UInt8], proxyURL: String) {
        _ = try? store(proxyURL)?.save(bytes, at: Date())
    }
}

extension PreviewOutcome {
    /// After the reload: "as previewed", or what differs; for the betas, a
    /// `providers_count` that gives away a fallback. Reads only.
    func afterReload(_ outcome: ActionOutcome, connection: ConnectionOptions, settings: ConnectionSettings) async -> (text: String, warning: Bool) {
        guard let (client, transport) = try? connection.client(settings, readOnly: true) else { return ("", false) }
        defer { Task { await transport.shutdown() } }
        let kept: PreviewMemory.Kept
        switch self {
        case .costMap(let preview, let served): kept = .costMap(CostMapPreviewer.Outcome(preview: preview, served: served))
        case .betaHeaders(let preview, let loaded): kept = .betaHeaders(BetaHeaderPreviewer.Outcome(preview: preview, loadedBytes: loaded))
        }
        return await DashboardRunner.checkPreview(kept, outcome: outcome, client: client, proxy: settings.proxyName)
    }
}
