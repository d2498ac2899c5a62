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
import NIOCore
import ProxyAdmin

/// `synctop metrics`: one round of reads in the Prometheus text format, for
/// node_exporter's textfile collector.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the Prometheus metrics of one round of reads (for node_exporter's textfile collector).",
        discussion: "Metrics: \(MetricSamples.help.keys.sorted().joined(separator: ", ")). Labels: context, pod (\"\" for the context's URL), job. Never writes to the proxy."
    )

    @OptionGroup var targets: TargetSelection

    func run() async throws {
        let plan = try targets.plan()
        let timeout = try targets.connection.timeoutSeconds()
        let export = PrometheusExport()
        export.update(await targets.round(plan, timeoutSeconds: timeout), now: Date())
        printOut(String(decoding: export.text(), as: UTF8.self), terminator: "") // sanitised: context names come from a file
    }
}

/// `synctop serve-metrics`: polls on its own schedule and answers scrapes from the last
/// round, so a scrape never waits on a hanging proxy.
struct ServeMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-metrics",
        abstract: "Serve the Prometheus metrics on /metrics, polling the targets every --interval seconds.",
        discussion: "Listens on loopback by default; put it behind your usual scrape network rules. Never writes to the proxy."
    )

    @OptionGroup var targets: TargetSelection

    @Option(help: ArgumentHelp("host:port to listen on.", valueName: "address"))
    var listen = "127.0.0.1:9464"

    @Option(help: "Seconds between rounds of reads (5 to 3600).")
    var interval = 30

    func validate() throws {
        guard (5...3600).contains(interval) else { throw ValidationError("--interval must be 5 to 3600 seconds") }
        _ = try Self.address(listen)
    }

    static func address(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--listen: \"\(SafeText.escaped(text))\" is not host:port (e.g. 127.0.0.1:9464)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--listen: no host in \"\(SafeText.escaped(text))\" (0.0.0.0:9464 listens everywhere)") }
        return (host, port)
    }

    func run() async throws {
        let plan = try targets.plan()
        let timeout = try targets.connection.timeoutSeconds()
        let (host, port) = try Self.address(listen)
        let export = PrometheusExport()
        let last = LockedBytes()
        export.update(await targets.round(plan, timeoutSeconds: timeout), now: Date())
        last.set(export.text())
        let channel: any Channel
        do {
            channel = try await MetricsHTTPServer.start(host: host, port: port) { last.get() }
        } catch {
            printError("synctop: cannot listen on \(SafeText.escaped(listen)): \(error)")
            throw ExitStatus.usage
        }
        printOut("synctop: serving /metrics on http://\(host.contains(":") ? "[\(host)]" : host):\(channel.localAddress?.port ?? port) (every \(interval) s)")
        while true {
            try await Task.sleep(nanoseconds: UInt64(interval) * 1_000_000_000)
            export.update(await targets.round(plan, timeoutSeconds: timeout), now: Date())
            last.set(export.text())
        }
    }
}


/// The latest text, handed from the poll loop to the listener's threads.
final class LockedBytes: @unchecked Sendable {
    private let lock = ConditionLock()
    private var bytes: [UInt8] = []
    func set(_ b: [UInt8]) { lock.withLock { bytes = b } }
    func get() -> [UInt8] { lock.withLock { bytes } }
}
