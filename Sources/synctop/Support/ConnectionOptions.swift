import ArgumentParser
import ConsoleUI
import ProxyAdmin

/// How to reach the proxy; shared by every command that talks to one.
struct ConnectionOptions: ParsableArguments {
    // An array, so that `--url a --url b` is refused instead of silently keeping the last.
    @Option(name: .customLong("url"), help: "Proxy base URL (default: LITELLM_PROXY_URL, ~/.litellm/config.json, http://localhost:4000).")
    var urls: [String] = []

    var url: String? {
        get { urls.last }
        set { urls = newValue.map { [$0] } ?? [] }
    }

    @Option(help: ArgumentHelp("File holding the API key (default: LITELLM_PROXY_API_KEY, then LITELLM_MASTER_KEY).", valueName: "path"))
    var keyFile: String?

    @Option(help: "Seconds to wait for each answer (default 5).")
    var timeout: Int?

    @OptionGroup var configFile: ConfigOption

    @Option(help: ArgumentHelp("PEM file of CA certificates to trust (proxies behind a private CA).", valueName: "path"))
    var caFile: String?

    @Option(help: ArgumentHelp("A proxy from config.toml's [contexts.NAME] (default: its current_context).", valueName: "name"))
    var context: String?

    func validate() throws {
        if let timeout, !(1...300).contains(timeout) { throw ValidationError("--timeout must be 1 to 300 seconds") }
        if urls.count > 1 {
            throw ValidationError("--url is given \(urls.count) times: synctop talks to one proxy per run (several proxies: [contexts.NAME] in config.toml and --all-contexts; the pods of one: pods = [...] and --pods)")
        }
        if context != nil, url != nil { throw ValidationError("give --url or --context, not both") }
    }

    /// The context this command talks to: `--context`, else `current_context` unless a URL
    /// is given by flag or environment; nil when the config has no contexts.
    func chosenContext(_ file: ConfigFile, environment: [String: String], quiet: Bool = false) throws -> ContextConfig? {
        if let context {
            guard let found = file.contexts.first(where: { $0.name == context }) else {
                let known = file.contexts.map(\.name)
                if !quiet { printError("synctop: no context \"\(context)\" in \(file.path ?? "config.toml")"
                           + (known.isEmpty ? " (it has no [contexts.NAME] tables)" : " (contexts: \(known.joined(separator: ", ")))")) }
                throw ExitStatus.usage
            }
            return found
        }
        guard url == nil, (environment["LITELLM_PROXY_URL"] ?? "").isEmpty, let current = file.currentContext else { return nil }
        return file.contexts.first { $0.name == current }
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
    /// `quiet`: print nothing, only throw (a command that asks the proxy in passing, as
    /// `check-headers` asks its version, and goes on without it).
    /// `tolerateMissingKeyFile`: a named key file that does not exist is no key, said in
    /// `missingKeyFile` (`synctop info`); every other command exits 64 on it.
    func settings(warnKeyInClear: Bool = true, quiet: Bool = false, tolerateMissingKeyFile: Bool = false) throws -> ConnectionSettings {
        let environment = Environment.all()
        let file = try loadConfig(printWarnings: !quiet)
        let chosen = try chosenContext(file, environment: environment, quiet: quiet)
        do {
            var resolved: ConnectionSettings
            if let chosen {
                resolved = try Self.settings(for: chosen, keyFileFlag: keyFile, environment: environment,
                                             tolerateMissingKeyFile: tolerateMissingKeyFile)
            } else {
                resolved = try ConnectionSettings.resolve(
                    urlFlag: url, keyFile: keyFile, environment: environment,
                    homeDirectory: UserDirectory.home(environment: environment).value?.path, configURL: file.url, configKeyFile: file.keyFile,
                    tolerateMissingKeyFile: tolerateMissingKeyFile, readKeyFile: LocalFile.readSecret, readFile: LocalFile.readText)
            }
            if resolved.caFile == nil { resolved.caFile = caFile }
            // From here on every line printed, logged or stored is scrubbed of them.
            Redactor.register(apiKey: resolved.apiKey)
            URLText.registerSecrets(of: resolved.baseURL)
            if resolved.keySentInClear && warnKeyInClear && !quiet {
                printError("synctop: warning: the API key is sent in clear over http:// to \(resolved.proxyName): use https:// for a proxy on another host")
            }
            return resolved
        } catch {
            if !quiet { printError("synctop: \(error)") }
            throw ExitStatus.usage
        }
    }

    /// A context's URL and key: `key_env` names the variable, `key_file` the file (a
    /// `--key-file` flag wins); with neither, the usual variables. A `key_env` that is not
    /// set is an error, never a silent fall back to another proxy's key.
    static func settings(for context: ContextConfig, keyFileFlag: String?, environment: [String: String],
                         tolerateMissingKeyFile: Bool = false) throws(SettingsError) -> ConnectionSettings {
        var env = environment
        if let name = context.keyEnv, keyFileFlag == nil {
            guard let value = environment[name], !value.isEmpty else { throw .contextKeyUnset(context: context.name, variable: name) }
            env = ["LITELLM_PROXY_API_KEY": value]
        } else if context.keyFile != nil || keyFileFlag != nil {
            env = [:]
        }
        var resolved = try ConnectionSettings.resolve(urlFlag: context.url, keyFile: keyFileFlag ?? context.keyFile, environment: env,
                                                      homeDirectory: nil, tolerateMissingKeyFile: tolerateMissingKeyFile, readKeyFile: LocalFile.readSecret, readFile: LocalFile.readText)
        resolved.urlOrigin = .context
        resolved.context = context.name
        resolved.caFile = context.caFile
        resolved.readOnly = context.readOnly
        if keyFileFlag == nil, let name = context.keyEnv {
            resolved.keyOrigin = .context
            resolved.keySourceName = name
        } else if keyFileFlag == nil, context.keyFile != nil {
            resolved.keyOrigin = .context
        }
        return resolved
    }

    /// Plain http goes over `SocketTransport`: no event-loop set-up (most of a one-shot
    /// command's time), and about half the CPU per dashboard poll (0.9 ms against 1.9 ms
    /// with AsyncHTTPClient, `Tests/Benchmarks/run`). https goes over `TLSTransport` (NIO
    /// without libdispatch: the idle dashboard's CPU); AsyncHTTPClient only for URLs
    /// neither parses (user info in the URL).
    func client(_ settings: ConnectionSettings, readOnly: Bool = false) throws -> (ProxyAdminClient, any ProxyTransport) {
        let timeout = try timeoutSeconds()  // a broken config file has said so already
        do {
            let transport = try Self.transport(for: settings.baseURL, caFile: settings.caFile ?? caFile)
            let client = ProxyAdminClient(transport: transport, apiKey: settings.apiKey, timeoutSeconds: timeout, readOnly: readOnly)
            return (client, transport)
        } catch {
            printError("synctop: \(error.summary)")
            throw ExitStatus.usage
        }
    }

    /// The transport for one base URL (a proxy's service URL or one pod's).
    static func transport(for baseURL: String, caFile: String?) throws(ProxyError) -> any ProxyTransport {
        if let plain = SocketTransport(baseURL: baseURL) { return plain }
        if let tls = try TLSTransport(baseURL: baseURL, caFile: caFile) { return tls }
        return try HTTPTransport(baseURL: baseURL, caFile: caFile)
    }
}
