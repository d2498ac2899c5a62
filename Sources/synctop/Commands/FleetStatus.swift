import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
import ProxyAdmin

/// `status --all-contexts` and `status --pods`: several targets read side by side, each
/// bounded by `--timeout`, so a dead or hanging one never holds up the others' answers.
enum FleetStatus {
    /// One read target: what to show it as, and its answers or why none came.
    struct Read: Sendable {
        var target: TargetID
        var settings: ConnectionSettings?
        var snapshot: ProxySnapshot?
        var error: String?
        var exit: ExitCode?
    }

    static func allContexts(_ connection: ConnectionOptions, json: Bool) async throws {
        let file = try connection.loadConfig(printWarnings: true)
        guard !file.contexts.isEmpty else {
            printError("synctop: --all-contexts: \(file.path ?? "config.toml") has no [contexts.NAME] tables (README, \"Contexts\")")
            throw ExitStatus.usage
        }
        let environment = Environment.all()
        let timeout = try connection.timeoutSeconds()
        let reads = await withTaskGroup(of: (Int, Read).self) { group in
            for (i, context) in file.contexts.enumerated() {
                group.addTask {
                    let target = TargetID(context: context.name)
                    do {
                        let settings = try ConnectionOptions.settings(for: context, keyFileFlag: nil, environment: environment)
                        return (i, await read(target, settings: settings, url: settings.baseURL, caFile: settings.caFile ?? connection.caFile, timeout: timeout))
                    } catch {
                        return (i, Read(target: target, error: "\(error)", exit: ExitStatus.usage))
                    }
                }
            }
            var out = [Read?](repeating: nil, count: file.contexts.count)
            for await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        for r in reads { Redactor.register(apiKey: r.settings?.apiKey) }
        let now = Date()
        if json {
            printOut(JSONValue.array(reads.map { r in
                var pairs: [(String, JSONValue)] = [("context", .string(r.target.context))]
                if let snapshot = r.snapshot, let settings = r.settings {
                    if case .object(let parts) = StatusReport.json(snapshot, proxyURL: settings.proxyName, maskedKey: settings.maskedKey, checkedAt: now) {
                        pairs += parts
                    }
                } else {
                    pairs.append(("error", .string(r.error ?? "no answer")))
                }
                return .object(pairs)
            }).rendered(pretty: true))
        } else {
            for r in reads {
                printOut("── \(r.target.context) " + String(repeating: "─", count: max(3, 60 - r.target.context.count)))
                if let snapshot = r.snapshot, let settings = r.settings {
                    printOut(StatusText.render(snapshot, settings: settings, now: now, zone: .system))
                } else {
                    printOut("error         \(r.error ?? "no answer")")
                }
            }
        }
        if let worst = reads.compactMap(\.exit).max(by: { severity($0) < severity($1) }) { throw worst }
    }

    /// The chosen context, its settings (the service's key, CA) and its pods now, or an
    /// exit with what to configure.
    static func discoverPods(_ connection: ConnectionOptions) async throws -> (ContextConfig, ConnectionSettings, [String]) {
        let file = try connection.loadConfig(printWarnings: true)
        let environment = Environment.all()
        guard let context = try connection.chosenContext(file, environment: environment) else {
            printError("synctop: pods need a context: add pods = [...], pods_dns or pods_command to [contexts.NAME] in config.toml and pass --context NAME")
            throw ExitStatus.usage
        }
        let settings = try connection.settings()
        let timeout = try connection.timeoutSeconds()
        guard let source = podSource(context) else {
            printError("synctop: context \(context.name) has no pods: add pods = [\"http://10.0.0.11:4000\", …], pods_dns or pods_command")
            throw ExitStatus.usage
        }
        let scheme = settings.baseURL.lowercased().hasPrefix("https://") ? "https" : "http"
        let podURLs: [String]
        switch await PodDiscovery.pods(source, scheme: scheme, timeoutSeconds: timeout) {
        case .success(let found): podURLs = found
        case .failure(let why):
            printError("synctop: context \(context.name): \(why)")
            throw ExitStatus.unreachable
        }
        for pod in podURLs where URLText.forbiddenCharacter(in: pod) != nil {
            printError("synctop: pod URL \"\(SafeText.escaped(pod))\" may not contain spaces, tabs or line breaks")
            throw ExitStatus.usage
        }
        return (context, settings, podURLs)
    }

    /// How a context's pods are found: its list, its DNS name or its command; nil for none.
    static func podSource(_ context: ContextConfig) -> PodDiscovery.Source? {
        if !context.pods.isEmpty { return .list(context.pods) }
        if let dns = context.podsDNS { return .dns(dns) }
        if let command = context.podsCommand { return .command(command) }
        return nil
    }

    static func pods(_ connection: ConnectionOptions, json: Bool) async throws {
        let (context, settings, podURLs) = try await discoverPods(connection)
        let timeout = try connection.timeoutSeconds()
        let reads = await withTaskGroup(of: (Int, Read).self) { group in
            for (i, pod) in podURLs.enumerated() {
                group.addTask {
                    (i, await read(TargetID(context: context.name, pod: pod), settings: settings, url: pod,
                                   caFile: settings.caFile ?? connection.caFile, timeout: timeout))
                }
            }
            var out = [Read?](repeating: nil, count: podURLs.count)
            for await (i, r) in group { out[i] = r }
            return out.compactMap { $0 }
        }
        let now = Date()
        let answered = reads.compactMap { r in r.snapshot.map { (pod: r.target.pod!, snapshot: $0) } }
        let disagreements = PodComparison.disagreements(answered, now: now)
        if json {
            printOut(podsJSON(context: context.name, reads: reads, disagreements: disagreements, now: now).rendered(pretty: true))
        } else {
            printOut("context \(context.name) · \(podURLs.count) pods · service \(settings.proxyName)")
            for r in reads {
                printOut("── pod \(PodName.short(r.target.pod ?? "")) " + String(repeating: "─", count: 40))
                if let snapshot = r.snapshot {
                    printOut(StatusText.render(snapshot, settings: settings, now: now, zone: .system, proxyLine: false))
                } else {
                    printOut("error         \(r.error ?? "no answer")")
                }
            }
            // A pod that answered some reads and not others cannot be said to agree.
            let whole = answered.filter { $0.snapshot.worstError == nil }.count
            if disagreements.isEmpty {
                printOut(whole == reads.count ? "all \(reads.count) pods agree" : "the \(whole) of \(reads.count) pods that answered every read agree")
            } else {
                for d in disagreements { printOut("DISAGREE      \(d.job.jsonKey).\(d.field): \(d.message)") }
            }
        }
        if let worst = reads.compactMap(\.exit).max(by: { severity($0) < severity($1) }) { throw worst }
    }

    /// `{"context", "pods": [{"pod", "cost_map", "beta_headers", "source", "health"}], "disagreements": [...]}`.
    static func podsJSON(context: String, reads: [Read], disagreements: [PodComparison.Disagreement], now: Date) -> JSONValue {
        .object([
            ("context", .string(context)),
            ("checked_at", .string(ProxyTimestamp.format(now))),
            ("pods", .array(reads.map { r in
                var pairs: [(String, JSONValue)] = [("pod", .string(URLText.display(r.target.pod ?? "")))]
                if let snapshot = r.snapshot,
                   case .object(let parts) = StatusReport.json(snapshot, proxyURL: "", maskedKey: "", checkedAt: now) {
                    pairs += parts.filter { $0.0 != "proxy" && $0.0 != "checked_at" }
                } else {
                    pairs.append(("error", .string(r.error ?? "no answer")))
                }
                return .object(pairs)
            })),
            ("disagreements", .array(disagreements.map { d in
                .object([
                    ("job", .string(d.job.jsonKey)),
                    ("field", .string(d.field)),
                    ("values", .object(d.values.map { (URLText.display($0.pod), .string($0.value)) })),
                    ("message", .string(d.message)),
                ])
            })),
        ])
    }

    /// One target's four reads. A target whose reads all failed is an error row with the
    /// exit code it would have had alone.
    static func read(_ target: TargetID, settings: ConnectionSettings, url: String, caFile: String?, timeout: Int) async -> Read {
        let transport: any ProxyTransport
        do throws(ProxyError) {
            transport = try ConnectionOptions.transport(for: url, caFile: caFile)
        } catch {
            return Read(target: target, settings: settings, error: error.summary, exit: ExitStatus.usage)
        }
        let client = ProxyAdminClient(transport: transport, apiKey: settings.apiKey, timeoutSeconds: timeout, readOnly: true)
        let snapshot = await client.snapshot()
        await transport.shutdown()
        let worst = snapshot.worstError
        let allFailed = snapshot.costMap.value == nil && snapshot.betaHeaders.value == nil && snapshot.source.value == nil && snapshot.health.value == nil
        if allFailed, let worst { return Read(target: target, settings: settings, error: worst.summary, exit: ExitStatus.of(worst)) }
        return Read(target: target, settings: settings, snapshot: snapshot, exit: worst.map(ExitStatus.of))
    }

    /// Which exit code wins when several targets fail: usage, auth, unreachable, proxy.
    static func severity(_ code: ExitCode) -> Int {
        switch code.rawValue {
        case 64: 4
        case 77: 3
        case 69: 2
        case 70: 1
        default: 0
        }
    }
}
