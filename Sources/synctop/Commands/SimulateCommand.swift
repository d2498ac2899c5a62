import ArgumentParser
import ProxyAdmin
import ProxySimulator
#if canImport(Glibc)
import Glibc
#endif

/// Options of the built-in LiteLLM simulator, shared by `simulate` and `demo`.
struct SimulatorOptions: ParsableArguments {
    @Flag(help: "Answer as a proxy started without a database (writes fail with 500, as LiteLLM does).")
    var noDb = false

    @Option(help: "The master (proxy_admin) key the simulator accepts.")
    var masterKey: String = SimulatorConfiguration().masterKey

    @Option(help: ArgumentHelp("Delay every answer by this many milliseconds.", valueName: "ms"))
    var latency: Int = 0

    @Option(help: "Which LiteLLM release to answer as (1.100.5, 1.109.1 or 1.110.2).")
    var litellmVersion: String = LiteLLMVersion.v1_109_1.rawValue

    @Option(help: ArgumentHelp("Misbehave on purpose, for tests: MODE or MODE:PATH-PREFIX, repeatable. Modes: \(FaultMode.allCases.map(\.rawValue).joined(separator: ", ")). At run time: POST /_sim/fault?mode=&path=&count=.", valueName: "mode[:path]"))
    var fault: [String] = []

    @Option(help: ArgumentHelp("Each pod's periodic schedule check runs this often, as LiteLLM's proxy_config_reload_interval_seconds.", valueName: "seconds"))
    var checkInterval: Int = 30

    @Flag(inversion: .prefixedNo, help: "As LiteLLM's store_model_in_db: only with it on do pods act on a beta-header schedule or force_reload.")
    var storeModelInDb = true

    @Option(help: ArgumentHelp("How the remote cost-map source answers fetches: \(RemoteMode.names). At run time: POST /_sim/remote?cost_map=MODE.", valueName: "mode"))
    var remoteCostMap = "ok"

    @Option(help: ArgumentHelp("How the remote beta-header source answers fetches: the same modes but small:N. At run time: POST /_sim/remote?beta_headers=MODE.", valueName: "mode"))
    var remoteBetaHeaders = "ok"

    @Option(help: ArgumentHelp("Serve this file as the remote cost map (at run time: PUT /_sim/remote/cost_map with the file as the body).", valueName: "path"))
    var remoteCostMapFile: String?

    @Option(help: ArgumentHelp("Serve this file as the remote beta-header mapping (PUT /_sim/remote/beta_headers).", valueName: "path"))
    var remoteBetaHeadersFile: String?

    @Flag(inversion: .prefixedNo, help: "Wait between fetch attempts as LiteLLM does (about 7 s) before a reload whose source keeps failing with a retried error (connect error, 429, 500, 502-504) answers 502.")
    var remoteRetryDelays = true

    func validate() throws {
        guard LiteLLMVersion(rawValue: litellmVersion) != nil else {
            throw ValidationError("--litellm-version must be one of \(LiteLLMVersion.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (0...60_000).contains(latency) else { throw ValidationError("--latency must be 0 to 60000 ms") }
        guard !masterKey.isEmpty else { throw ValidationError("--master-key must not be empty") }
        guard (1...86_400).contains(checkInterval) else { throw ValidationError("--check-interval must be 1 to 86400 seconds") }
        guard RemoteMode(flag: remoteCostMap) != nil else {
            throw ValidationError("--remote-cost-map must be one of \(RemoteMode.names) (N: 0 to 1000000, CODE: 400 to 599)")
        }
        guard RemoteMode(flag: remoteBetaHeaders) != nil, !remoteBetaHeaders.hasPrefix("small:") else {
            throw ValidationError("--remote-beta-headers must be one of \(RemoteMode.names), but small:N (CODE: 400 to 599)")
        }
        for f in fault where Fault(flag: f) == nil {
            throw ValidationError("--fault \(f): the mode must be one of \(FaultMode.allCases.map(\.rawValue).joined(separator: ", ")), optionally :PATH")
        }
    }

    func configuration(port: Int, demo: Bool) throws -> SimulatorConfiguration {
        var c = SimulatorConfiguration()
        c.port = port
        c.hasDatabase = !noDb
        c.masterKey = masterKey
        c.latency = .milliseconds(latency)
        c.litellmVersion = LiteLLMVersion(rawValue: litellmVersion) ?? .v1_109_1
        c.demoSchedules = demo
        c.faults = fault.compactMap(Fault.init(flag:))
        c.checkInterval = .seconds(checkInterval)
        c.storeModelInDB = storeModelInDb
        c.remoteCostMap = RemoteMode(flag: remoteCostMap) ?? .ok
        c.remoteBetaHeaders = RemoteMode(flag: remoteBetaHeaders) ?? .ok
        c.remoteRetryDelays = remoteRetryDelays
        c.remoteCostMapFile = try remoteCostMapFile.map(Self.readFile)
        c.remoteBetaHeadersFile = try remoteBetaHeadersFile.map(Self.readFile)
        return c
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        do {
            guard let bytes = try LocalFile.readBytes(path, limit: 32 << 20) else { throw ValidationError("\(path) does not exist") }
            return bytes
        } catch let error as SettingsError {
            throw ValidationError("\(error)")
        }
    }
}

/// `synctop simulate`: the simulator alone, for tests, scripts and curl.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the built-in LiteLLM admin API simulator on loopback until interrupted.",
        discussion: """
        It answers every endpoint synctop uses exactly as LiteLLM does, seeded with LiteLLM's real \
        data files; a reload switches to the newer bundled release. Keys: the master key (proxy_admin), \
        sk-synctop-viewer (proxy_admin_viewer), sk-synctop-user (internal_user). Test-only controls live \
        under /_sim/ (requests, advance, fail_next_reload, stall, reset, remote, pods, pod).

        The remote source its reloads fetch from can fail on purpose, per job: --remote-cost-map \
        and --remote-beta-headers MODE, or POST /_sim/remote?cost_map=MODE&beta_headers=MODE at run \
        time, with MODE one of ok, invalid-json ({oops}), list ([]), empty ({}), small:N (N entries, \
        cost map only), http:CODE (400 to 599) or unreachable (connections refused). A cost-map reload \
        then answers 502 with LiteLLM's reason (after about 7 s of retries for unreachable, 429 and \
        500/502/503/504, unless --no-remote-retry-delays); a beta-header reload falls back to the \
        bundled file and answers 200. PUT /_sim/remote/cost_map (or beta_headers) with a file as the \
        body serves that file (DELETE: the release's again); GET /_sim/remote shows the settings, \
        GET /_sim/remote/<file name> what a fetch gets. POST /_sim/remote?release=R switches the \
        release whose files are served.

        With --pods N it runs N pods of one proxy on ports P to P+N-1: they share the database rows \
        (schedules, the cost map's last_run and reload_revision, the beta headers' force_reload) and \
        the simulated clock, and each keeps its own loaded data and beta-header last_run, as LiteLLM's \
        pods do. POST /_sim/pod?action=stop|start|restart|lag&pod=K[&seconds=S|off] stops, starts \
        (fresh memory) or restarts pod K, or delays or disables its periodic check; GET /_sim/pods \
        shows each pod. --balancer-port adds a round-robin load balancer in front of them.
        """
    )

    @Option(help: "Loopback port to listen on (0 picks a free one); with --pods N, pod K listens on PORT+K.")
    var port: Int = 4000

    @Option(help: "How many pods of one proxy to run, sharing one database (1 to 64).")
    var pods: Int = 1

    @Option(help: ArgumentHelp("Also listen here as a round-robin load balancer in front of the pods (0 picks a free port).", valueName: "port"))
    var balancerPort: Int?

    @Flag(help: "Seed schedules that come due within minutes, as in the demo.")
    var demoSchedules = false

    @OptionGroup var simulator: SimulatorOptions

    // LiteLLM's own spelling of these three, so a command line carries over.
    @Option(name: .customLong("ssl_certfile_path"), help: ArgumentHelp("Serve https with this PEM certificate chain (with --ssl_keyfile_path).", valueName: "path"))
    var sslCertfilePath: String?

    @Option(name: .customLong("ssl_keyfile_path"), help: ArgumentHelp("The PEM private key of --ssl_certfile_path.", valueName: "path"))
    var sslKeyfilePath: String?

    @Option(name: .customLong("keepalive_timeout"), help: ArgumentHelp("Close a connection left idle this many seconds after an answer, as uvicorn does (its default is 5).", valueName: "seconds"))
    var keepaliveTimeout: Int = 5

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard (1...64).contains(pods) else { throw ValidationError("--pods must be 1 to 64") }
        guard port == 0 || port + pods - 1 <= 65_535 else { throw ValidationError("--port \(port) with --pods \(pods) goes past port 65535") }
        if let balancerPort, !(0...65_535).contains(balancerPort) { throw ValidationError("--balancer-port must be 0 to 65535") }
        guard (sslCertfilePath == nil) == (sslKeyfilePath == nil) else {
            throw ValidationError("Both --ssl_certfile_path and --ssl_keyfile_path are required for SSL.")  // LiteLLM's words
        }
        guard (1...3600).contains(keepaliveTimeout) else { throw ValidationError("--keepalive_timeout must be 1 to 3600 seconds") }
    }

    private var simulatorConfiguration: SimulatorConfiguration {
        get throws {
            var c = try simulator.configuration(port: port, demo: demoSchedules)
            if let sslCertfilePath, let sslKeyfilePath {
                c.tls = TLSFiles(certificatePath: sslCertfilePath, keyPath: sslKeyfilePath)
            }
            c.keepAliveTimeout = .seconds(keepaliveTimeout)
            c.pods = pods
            c.balancerPort = balancerPort
            return c
        }
    }

    func run() async throws {
        let configuration = try simulatorConfiguration  // a remote file that cannot be read: a usage error
        let sim: ProxySimulator
        do {
            sim = try await ProxySimulator.start(configuration)
        } catch {
            var ports = pods == 1 ? "port \(port)" : "one of ports \(port) to \(port + pods - 1)"
            if let balancerPort { ports += " or the balancer port \(balancerPort)" }
            printError("synctop: cannot start the simulator: \(describeStartFailure(error, port: port, ports: ports))")
            throw ExitStatus.usage
        }
        let database = simulator.noDb ? " (no database)" : ""
        if pods == 1 {
            printOut("LiteLLM \(simulator.litellmVersion) simulator listening on \(sim.baseURL)\(database)")
        } else {
            printOut("LiteLLM \(simulator.litellmVersion) simulator: \(pods) pods of one proxy sharing one database\(database)")
            for (index, url) in sim.podURLs.enumerated() { printOut("pod \(index): \(url)") }
        }
        if let balancer = sim.balancerURL { printOut("balancer: \(balancer) (round robin over the pods)") }
        let trust = sslCertfilePath.map { " --ca-file \($0)" } ?? ""
        let url = sim.balancerURL ?? sim.baseURL
        printOut("master key: \(simulator.masterKey)   try: synctop --url \(url)\(trust) with LITELLM_PROXY_API_KEY set")
        fflush(nil) // stdout itself is a C global strict concurrency rejects
        await waitForTerminationSignal()
        try? await sim.shutdown()
    }
}

/// "port 4000 is already in use" rather than a NIO error dump.
func describeStartFailure(_ error: any Error, port: Int, ports: String? = nil) -> String {
    let text = String(describing: error)
    let ports = ports ?? "port \(port)"
    if text.contains("Address already in use") { return "\(ports) is already in use (pick another with --port, or 0 for any free one)" }
    if text.contains("Permission denied") { return "not allowed to listen on \(ports)" }
    return text
}
