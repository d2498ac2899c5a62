import ArgumentParser
import ConsoleUI
import CursesTerminal
import ProxyAdmin
#if canImport(Glibc)
import Glibc
#endif

/// Options of the full-screen dashboard, shared by `synctop` and `synctop demo`.
struct DashboardOptions: ParsableArguments {
    @Option(help: "Seconds between polls (at least 2; default 10).")
    var interval: Int?

    @Option(help: ArgumentHelp("Colour theme: default, light, solarized-dark, nord, high-contrast, monochrome, a theme in $XDG_CONFIG_HOME/synctop/themes/, or a .toml path.", valueName: "name"))
    var theme: String?

    @Flag(help: "No colour (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw with ASCII only (for terminals without box-drawing characters).")
    var noUnicode = false

    @Flag(help: "Watch only: reload, interval and cancel keys are off and no write request is ever sent.")
    var readOnly = false

    @Flag(help: "Mouse support: a click selects, the wheel scrolls (off by default: it takes over the terminal's text selection).")
    var mouse = false

    func validate() throws {
        if let interval, interval < 2 { throw ValidationError("--interval must be at least 2 seconds") }
        if let theme, let problem = ThemeCatalog.referenceProblem(theme) { throw ValidationError("--theme: \(problem)") }
    }

    // Flags win over the config file, which wins over the defaults.
    func interval(_ config: ConfigFile) -> Int { interval ?? config.interval ?? 10 }
    func theme(_ config: ConfigFile) -> String { theme ?? config.theme ?? "default" }
    func noColor(_ config: ConfigFile) -> Bool { noColor || config.noColor == true }
    func noUnicode(_ config: ConfigFile) -> Bool { noUnicode || config.noUnicode == true }
    func readOnly(_ config: ConfigFile) -> Bool { readOnly || config.readOnly == true }
    func mouse(_ config: ConfigFile) -> Bool { mouse || config.mouse == true }

    /// Exits 64 with the theme's problem (unknown name, or the file and line at fault).
    func terminalOptions(_ config: ConfigFile) throws -> TerminalOptions {
        let env = Environment.all()
        let noColorEnv = !(env["NO_COLOR"] ?? "").isEmpty
        switch ThemeCatalog.standard().load(theme(config)) {
        case .success(let t):
            return TerminalOptions(theme: t, noColor: noColor(config) || noColorEnv, asciiOnly: noUnicode(config), mouse: mouse(config))
        case .failure(let e):
            printError("synctop: \(e)")
            throw ExitStatus.usage
        }
    }

    func dashboardConfig(_ settings: ConnectionSettings, _ config: ConfigFile) -> DashboardConfig {
        var dashboard = DashboardConfig(proxyURL: settings.proxyName, maskedKey: settings.maskedKey, pollIntervalSeconds: interval(config),
                                        readOnly: readOnly(config), keyMaps: config.keyMaps)
        dashboard.keyInClear = settings.keySentInClear
        dashboard.contexts = config.contexts.map { c in
            let discovery: PodDiscovery.Source? = c.podsDNS.map { .dns($0) } ?? c.podsCommand.map { .command($0) }
            return FleetContext(name: c.name, url: c.url, accent: c.accent, pods: c.pods, discovery: discovery)
        }
        dashboard.currentContext = settings.context
        dashboard.accent = config.contexts.first { $0.name == settings.context }?.accent
        // `:theme <Tab>` offers the user's themes too.
        let mine = ThemeCatalog.userDirectory(environment: Environment.all()).map(Self.themeFiles) ?? []
        dashboard.themeNames += mine.filter { !dashboard.themeNames.contains($0) }
        return dashboard
    }

    /// `NAME` of each `NAME.toml` in the user's theme folder, sorted; none if it is absent.
    static func themeFiles(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".toml"), name.count > 5 { names.append(String(name.dropLast(5))) }
        }
        return names.sorted()
    }
}

extension ThemeCatalog {
    /// User themes from `$XDG_CONFIG_HOME/synctop/themes`, read from disk.
    static func standard() -> ThemeCatalog {
        ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: Environment.all())) { path in
            try LocalFile.readText(path)
        }
    }
}

/// `synctop` (the default): the live dashboard of one proxy.
struct DashboardCommand: ParsableCommand, MainThreadCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The live full-screen dashboard (the default command)."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: DashboardOptions
    @OptionGroup var mappingSource: MappingSourceOptions

    @Option(help: ArgumentHelp("The proxy's LiteLLM release, whose beta-header rules the Mappings view marks (1.100.5, 1.109.1, 1.110.2; default: the version its readiness reports, which it does only with a database).", valueName: "version"))
    var litellmVersion: String?

    func validate() throws {
        if let v = litellmVersion, CostMapValidation.bundledEntries[v] == nil {
            throw ValidationError("--litellm-version: \(v) is not one synctop knows (\(CostMapValidation.bundledEntries.keys.sorted().joined(separator: ", ")))")
        }
    }

    /// Only through `Entry`, which calls `runOnMainThread`; kept for the parser.
    func run() throws { try runOnMainThread() }

    func runOnMainThread() throws {
        var connection = self.connection
        while true {
            let settings = try connection.settings(warnKeyInClear: false)
            let file = try connection.loadConfig()
            let readOnly = options.readOnly(file) || settings.readOnly == true
            let (client, _) = try connection.client(settings, readOnly: readOnly)
            var config = options.dashboardConfig(settings, file)
            config.readOnly = readOnly
            config.litellmVersion = litellmVersion
            let fleet = FleetClients(file: file, current: settings, connection: connection, readOnly: readOnly)
            switch try runDashboard(client: client, config: config, terminal: try options.terminalOptions(file),
                                    history: .standard(apiKey: settings.apiKey), mappingSource: mappingSource.source(config: file),
                                    costMapURL: file.costMapURL,
                                    fleetClient: fleet.client) {
            case .switchContext(let name):
                connection.context = name
                connection.url = nil
            case .ended:
                return
            }
        }
    }
}

/// The fleet views' clients: another context's with its own key and CA, a pod of the
/// current context's with the context's key. Pods and other contexts are read-only here,
/// but for the beta-header reload of every pod, which only the Pods view sends.
struct FleetClients: Sendable {
    /// Each other context's URL and key, resolved once when the dashboard starts (not per
    /// poll: a key file or the environment read every 10 s per target is I/O for nothing),
    /// or why it cannot be used (its key_env is not set).
    let others: [String: Result<ConnectionSettings, ProxyError>]
    let current: ConnectionSettings
    let caFile: String?
    let timeout: Int
    let readOnly: Bool

    init(others: [String: Result<ConnectionSettings, ProxyError>], current: ConnectionSettings, caFile: String?, timeout: Int, readOnly: Bool) {
        self.others = others
        self.current = current
        self.caFile = caFile
        self.timeout = timeout
        self.readOnly = readOnly
    }

    init(file: ConfigFile, current: ConnectionSettings, connection: ConnectionOptions, readOnly: Bool) {
        let environment = Environment.all()
        var others: [String: Result<ConnectionSettings, ProxyError>] = [:]
        for context in file.contexts where context.name != current.context {
            do throws(SettingsError) {
                let settings = try ConnectionOptions.settings(for: context, keyFileFlag: nil, environment: environment)
                Redactor.register(apiKey: settings.apiKey)
                others[context.name] = .success(settings)
            } catch {
                others[context.name] = .failure(.unauthorized("\(error)"))
            }
        }
        self.others = others
        self.current = current
        caFile = connection.caFile
        timeout = (try? connection.timeoutSeconds()) ?? 5
        self.readOnly = readOnly
    }

    var client: @Sendable (TargetID, String) -> Result<ProxyAdminClient, ProxyError> {
        let me = self
        return { id, url in me.make(id, url) }
    }

    func make(_ id: TargetID, _ url: String) -> Result<ProxyAdminClient, ProxyError> {
        let isCurrent = id.context == (current.context ?? "")
        let settings: ConnectionSettings
        if isCurrent {
            settings = current
        } else {
            switch others[id.context] ?? .failure(.unreachable("no such context")) {
            case .success(let resolved): settings = resolved
            case .failure(let error): return .failure(error)
            }
        }
        do throws(ProxyError) {
            let transport = try ConnectionOptions.transport(for: url, caFile: settings.caFile ?? caFile)
            // Other contexts are only read from here; the current context's pods take the one
            // write the Pods view sends.
            let writable = id.pod != nil && isCurrent && !readOnly
            return .success(ProxyAdminClient(transport: transport, apiKey: settings.apiKey, timeoutSeconds: timeout, readOnly: !writable))
        } catch {
            return .failure(error)
        }
    }
}

/// Runs the blocking UI loop on the calling thread (the main thread: `Entry`, or the main
/// actor for `demo`), away from the threads the network work uses. Ended by a signal, it
/// exits 128 + signal, as shells expect.
@discardableResult
func runDashboard(client: ProxyAdminClient, config: DashboardConfig, terminal: TerminalOptions,
                  history: HistoryWriter, mappingSource: BetaHeaderSource, costMapURL: String? = nil,
                  fleetClient: @escaping @Sendable (TargetID, String) -> Result<ProxyAdminClient, ProxyError> = { _, _ in .failure(.readOnly) }) throws -> DashboardRunner.Exit {
    let costMaps = CostMapFetcher(client: client, proxyURL: config.proxyURL, environment: Environment.all())
    var runner = DashboardRunner(client: client, config: config, terminal: terminal, history: history,
                                 mappingSource: mappingSource, costMaps: costMaps)
    runner.fleetClient = fleetClient
    runner.costMapURL = costMapURL
    let exit: DashboardRunner.Exit
    do {
        exit = try runner.run()
    } catch {
        printError("synctop: cannot start the terminal UI: \(error)")
        throw ExitStatus.usage
    }
    if case .ended(let signal?) = exit { throw ExitCode(128 + signal) }
    return exit
}
