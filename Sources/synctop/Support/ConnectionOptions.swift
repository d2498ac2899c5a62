import ArgumentParser
import ConsoleUI
import ProxyAdmin

/// How to reach the proxy; shared by every command that talks to one.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).")
    var url: String?

    @Option(help: ArgumentHelp("File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).", valueName: "path"))
    var keyFile: String?

    @Option(help: "Seconds to wait for each answer (default 5).")
    var timeout: Int?

    @OptionGroup var configFile: ConfigOption

    @Option(help: ArgumentHelp("PEM file of CA certificates to trust (proxies behind a private CA).", valueName: "path"))
    var caFile: String?

    func validate() throws {
        if let timeout, !(1...300).contains(timeout) { throw ValidationError("--timeout must be 1 to 300 seconds") }
    }

    func loadConfig(printWarnings: Bool = false) throws -> ConfigFile {
        try configFile.load(printWarnings: printWarnings)
    }

    /// `--timeout`, else the config file's, else 5 s.
    func timeoutSeconds() throws -> Int {
        if let timeout { return timeout }
        return try loadConfig().timeout ?? 5
    }

    /// Resolves URL and key, or exits 64 with the reason.
    /// `warnKeyInClear`: commands warn on stderr; the dashboard (which owns the terminal)
    /// shows the marker in its header instead.
    func settings(warnKeyInClear: Bool = true) throws -> ConnectionSettings {
        let environment = Environment.all()
        let file = try loadConfig(printWarnings: true)
        do {
            let resolved = try ConnectionSettings.resolve(
                urlFlag: url, keyFile: keyFile, environment: environment,
                homeDirectory: UserDirectory.home(environment: environment).value?.path, configURL: file.url, configKeyFile: file.keyFile,
                readKeyFile: LocalFile.readSecret, readFile: LocalFile.readText)
            // From here on every line printed, logged or stored is scrubbed of them.
            Redactor.register(apiKey: resolved.apiKey)
            URLText.registerSecrets(of: resolved.baseURL)
            if resolved.keySentInClear && warnKeyInClear {
                printError("synctop: warning: the API key is sent in clear over http:// to \(resolved.proxyName): use https:// for a proxy on another host")
            }
            return resolved
        } catch {
            printError("synctop: \(error)")
            throw ExitStatus.usage
        }
    }

    /// Plain http goes over `SocketTransport`: no event-loop set-up (most of a one-shot
    /// command's time), and about half the CPU per dashboard poll (0.9 ms against 1.9 ms
    /// with AsyncHTTPClient, `Tests/Benchmarks/run`). https goes over `TLSTransport` (NIO
    /// without libdispatch: the idle dashboard's CPU); AsyncHTTPClient only for URLs
    /// neither parses (user info in the URL).
    func client(_ settings: ConnectionSettings, readOnly: Bool = false) throws -> (ProxyAdminClient, any ProxyTransport) {
        let timeout = try timeoutSeconds()  // a broken config file has said so already
        do {
            let transport: any ProxyTransport
            if let plain = SocketTransport(baseURL: settings.baseURL) {
                transport = plain
            } else if let tls = try TLSTransport(baseURL: settings.baseURL, caFile: caFile) {
                transport = tls
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
