import ArgumentParser
import ConsoleUI
import ProxyAdmin
import ProxySimulator

/// `synctop demo`: the simulator on a free loopback port and the dashboard on it, with
/// schedules that come due within minutes, so a newcomer sees a live screen.
/// `demo --fleet`: two contexts, so the Contexts (0) and Pods (5) views have a fleet.
struct DemoCommand: MainActorCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the built-in LiteLLM simulator and open the dashboard on it (no proxy needed)."
    )

    @OptionGroup var options: DashboardOptions
    @OptionGroup var simulator: SimulatorOptions
    @OptionGroup var mappingSource: MappingSourceOptions
    @OptionGroup var configFile: ConfigOption

    @Flag(help: "Two contexts: prod (three pods sharing a database behind a load balancer, the third applying reloads late) and staging (one older proxy). Starts on the Pods view.")
    var fleet = false

    func run() async throws {
        let file = try configFile.load(printWarnings: true)
        let terminal = try options.terminalOptions(file)  // a bad theme stops here, before anything starts
        let demo = try await DemoFleet.start(simulator, fleet: fleet)
        var failure: (any Error)?
        do {
            var current = demo.contexts[0].name
            var first = true
            while true {
                let context = demo.contexts.first { $0.name == current } ?? demo.contexts[0]
                var config = options.dashboardConfig(context.settings, demo.file(keyMaps: file))
                if fleet, first { config.startScreen = .pods }
                first = false
                // The simulator serves the "remote" file its reloads read.
                let source = mappingSource.source(fallbackURL: context.settings.baseURL + "/_sim/remote/anthropic_beta_headers_config.json", config: file)
                let client = ProxyAdminClient(transport: context.transport, apiKey: context.settings.apiKey, readOnly: options.readOnly(file))
                let exit = try await MainActor.run {
                    try runDashboard(client: client, config: config, terminal: terminal,
                                     history: .standard(apiKey: context.settings.apiKey), mappingSource: source,
                                     costMapURL: file.costMapURL ?? context.settings.baseURL + "/_sim/remote/model_prices_and_context_window.json",
                                     fleetClient: demo.fleetClients(current: context.settings, readOnly: options.readOnly(file)).client)
                }
                guard case .switchContext(let name) = exit else { break }
                current = name
            }
        } catch {
            failure = error
        }
        await demo.shutdown()
        if let failure { throw failure }
    }
}

/// The demo's proxies: one simulator per context, named as a config file would name them.
struct DemoFleet {
    struct Context {
        var name: String
        var settings: ConnectionSettings
        var transport: SocketTransport
        var pods: [String]
        var accent: String?
    }

    let simulators: [ProxySimulator]
    let contexts: [Context]

    /// One simulator (`demo`), or with `fleet` two: prod of three pods behind a balancer
    /// where the third checks the database 45 s late (so a reload visibly reaches it last),
    /// and staging of one pod answering as LiteLLM 1.100.5.
    static func start(_ options: SimulatorOptions, fleet: Bool) async throws -> DemoFleet {
        var plan: [(name: String?, configuration: SimulatorConfiguration, accent: String?)] = []
        if fleet {
            var prod = try options.configuration(port: 0, demo: true)
            prod.pods = 3
            prod.balancerPort = 0
            var staging = try options.configuration(port: 0, demo: true)
            staging.litellmVersion = .v1_100_5
            plan = [("prod", prod, "red"), ("staging", staging, "green")]
        } else {
            plan = [(nil, try options.configuration(port: 0, demo: true), nil)]
        }
        var simulators: [ProxySimulator] = []
        var contexts: [Context] = []
        for (name, configuration, accent) in plan {
            let sim: ProxySimulator
            do {
                sim = try await ProxySimulator.start(configuration)
            } catch {
                for started in simulators { try? await started.shutdown() }
                printError("synctop: cannot start the simulator: \(describeStartFailure(error, port: 0))")
                throw ExitStatus.usage
            }
            simulators.append(sim)
            if sim.podCount > 1 { sim.setCheckLag(45, pod: sim.podCount - 1) }
            let url = sim.balancerURL ?? sim.baseURL
            var settings = ConnectionSettings(baseURL: url, urlOrigin: .defaultValue, apiKey: configuration.masterKey,
                                              keyOrigin: .flag, keySourceName: "demo")
            settings.context = name
            Redactor.register(apiKey: settings.apiKey)
            guard let transport = SocketTransport(baseURL: url) else {
                printError("synctop: the simulator's address \(url) is not plain http")
                throw ExitStatus.usage
            }
            contexts.append(Context(name: name ?? "demo", settings: settings, transport: transport,
                                    pods: sim.podCount > 1 ? sim.podURLs : [], accent: accent))
        }
        return DemoFleet(simulators: simulators, contexts: contexts)
    }

    /// The user's config file (its keys and theme) with the demo's contexts in place of theirs.
    func file(keyMaps user: ConfigFile) -> ConfigFile {
        var file = user
        file.contexts = contexts.compactMap { c in
            guard c.settings.context != nil else { return nil }
            var config = ContextConfig(name: c.name, url: c.settings.baseURL)
            config.pods = c.pods
            config.accent = c.accent
            return config
        }
        file.currentContext = nil
        return file
    }

    func fleetClients(current: ConnectionSettings, readOnly: Bool) -> FleetClients {
        var others: [String: Result<ConnectionSettings, ProxyError>] = [:]
        for c in contexts where c.name != current.context { others[c.name] = .success(c.settings) }
        return FleetClients(others: others, current: current, caFile: nil, timeout: 5, readOnly: readOnly)
    }

    func shutdown() async {
        for c in contexts { await c.transport.shutdown() }
        for sim in simulators { try? await sim.shutdown() }
    }
}
