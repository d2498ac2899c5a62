import ArgumentParser
import ProxyAdmin

/// How to reach the proxy; shared by every command that talks to one.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).")
    var url: String?

    @Option(help: ArgumentHelp("File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).", valueName: "path"))
    var keyFile: String?

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Int = 5

    @Option(help: ArgumentHelp("PEM file of CA certificates to trust (proxies behind a private CA).", valueName: "path"))
    var caFile: String?

    func validate() throws {
        guard (1...300).contains(timeout) else { throw ValidationError("--timeout must be 1 to 300 seconds") }
    }

    /// Resolves URL and key, or exits 64 with the reason.
    func settings() throws -> ConnectionSettings {
        let environment = Environment.all()
        do {
            return try ConnectionSettings.resolve(
                urlFlag: url, keyFile: keyFile, environment: environment,
                homeDirectory: environment["HOME"], readFile: LocalFile.readText)
        } catch {
            printError("synctop: \(error)")
            throw ExitStatus.usage
        }
    }

    /// One-shot commands talk plain http over `SocketTransport` (no event-loop set-up, which
    /// is most of a short command's time); the dashboard, https and `--ca-file` use
    /// AsyncHTTPClient.
    func client(_ settings: ConnectionSettings, readOnly: Bool = false,
                oneShot: Bool = true) throws -> (ProxyAdminClient, any ProxyTransport) {
        do {
            let transport: any ProxyTransport
            if oneShot, caFile == nil, let plain = SocketTransport(baseURL: settings.baseURL) {
                transport = plain
            } else {
                transport = try HTTPTransport(baseURL: settings.baseURL, caFile: caFile)
            }
            let client = ProxyAdminClient(transport: transport, apiKey: settings.apiKey, timeoutSeconds: timeout, readOnly: readOnly)
            return (client, transport)
        } catch {
            printError("synctop: \(error.summary)")
            throw ExitStatus.usage
        }
    }
}
