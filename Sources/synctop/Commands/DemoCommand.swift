import ArgumentParser
import ConsoleUI
import ProxyAdmin
import ProxySimulator

/// `synctop demo`: the simulator on a free loopback port and the dashboard on it, with
/// schedules that come due within minutes, so a newcomer sees a live screen.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the built-in LiteLLM simulator and open the dashboard on it (no proxy needed)."
    )

    @OptionGroup var options: DashboardOptions
    @OptionGroup var simulator: SimulatorOptions
    @OptionGroup var mappingSource: MappingSourceOptions
    @OptionGroup var configFile: ConfigOption

    func run() async throws {
        let file = try configFile.load(printWarnings: true)
        let terminal = try options.terminalOptions(file)  // a bad theme stops here, before anything starts
        let sim: ProxySimulator
        do {
            sim = try await ProxySimulator.start(simulator.configuration(port: 0, demo: true))
        } catch {
            printError("synctop: cannot start the simulator: \(describeStartFailure(error, port: 0))")
            throw ExitStatus.usage
        }
        let settings = ConnectionSettings(baseURL: sim.baseURL, urlOrigin: .defaultValue, apiKey: simulator.masterKey,
                                          keyOrigin: .flag, keySourceName: "demo")
        Redactor.register(apiKey: settings.apiKey)
        guard let transport = SocketTransport(baseURL: sim.baseURL) else {
            printError("synctop: the simulator's address \(sim.baseURL) is not plain http")
            throw ExitStatus.usage
        }
        let client = ProxyAdminClient(transport: transport, apiKey: settings.apiKey, readOnly: options.readOnly(file))
        var failure: (any Error)?
        do {
            let config = options.dashboardConfig(settings, file)
            // The simulator serves the "remote" file its reloads read.
            let source = mappingSource.source(fallbackURL: sim.baseURL + "/_sim/remote/anthropic_beta_headers_config.json", config: file)
            try await MainActor.run {
                try runDashboard(client: client, config: config, terminal: terminal,
                                 history: .standard(apiKey: settings.apiKey), mappingSource: source)
            }
        } catch {
            failure = error
        }
        await transport.shutdown()
        try? await sim.shutdown()
        if let failure { throw failure }
    }
}
