/// The LiteLLM release whose answers the simulator reproduces. The differences are small but
/// visible to a client: 1.109.1 adds `source_revision`/`etag` to the cost-map status and
/// reload, `loaded_at`/`source_revision`/`etag` to `/model/cost_map/source`, model limits to
/// `/v1/models`, `?catalog_only=true`; drops `"input"` from 422 details; and words auth errors
/// differently. 1.110.2 answers as 1.109.1 on every admin endpoint, but serves the cost map's
/// `alias_of` rows as their targets, registers its deployments with more fields, and (as
/// captured) ran with other deployments (`RuntimeRegistrations.swift`).
public enum LiteLLMVersion: String, Sendable, CaseIterable {
    case v1_100_5 = "1.100.5"
    case v1_109_1 = "1.109.1"
    case v1_110_2 = "1.110.2"

    /// 1.109.1 and later: `source_revision`/`etag`/`loaded_at`, `?catalog_only=true`, limits in
    /// `/v1/models`, no `"input"` in 422 details, "Invalid API key provided.".
    var reportsProvenance: Bool { self != .v1_100_5 }

    /// The release whose files this version bundles: what a failed beta-header fetch falls
    /// back to, what a pod that cannot fetch at start loads, and the count the integrity
    /// check compares with. 1.100.5 and 1.109.1 keep the simulator's long-standing choice
    /// (1.100.5's files, so a reload visibly changes the demo); 1.110.2 bundles its own.
    var bundledRelease: SeedRelease { self == .v1_110_2 ? .v1_110_2 : .v1_100_5 }

    /// What the remote source serves at start: 1.110.2's captures were taken with its own
    /// files there, the older versions fetch 1.109.1's newer ones.
    var defaultRemoteRelease: SeedRelease { self == .v1_110_2 ? .v1_110_2 : .v1_109_1 }
}

public struct SimulatorConfiguration: Sendable {
    /// Loopback by default; the simulator is meant for demos and tests on one machine.
    public var host = "127.0.0.1"
    /// 0 lets the OS pick a free port (read it back from `ProxySimulator.port`).
    public var port = 0
    /// Without a database LiteLLM refuses every write (500), reports status "not scheduled",
    /// and answers unknown keys with 400 `no_db_connection`.
    public var hasDatabase = true
    /// Role `proxy_admin`.
    public var masterKey = "sk-synctop-demo"
    /// A virtual key whose user has role `proxy_admin_viewer` (needs `hasDatabase`).
    public var viewerKey: String? = "sk-synctop-viewer"
    /// A virtual key whose user has role `internal_user` (needs `hasDatabase`).
    public var userKey: String? = "sk-synctop-user"
    /// Added to every LiteLLM response (not to `/_sim/` control calls).
    public var latency: Duration = .zero
    public var litellmVersion: LiteLLMVersion = .v1_109_1
    /// Start with both jobs scheduled: the cost map every 6 h with its last run 5 h 58 min ago
    /// (so it fires about two minutes after start), beta headers every 24 h, last run 3 h ago.
    /// Schedules live in the database, so this needs `hasDatabase`.
    public var demoSchedules = false
    /// Serve https with this PEM certificate chain and private key, as LiteLLM does when
    /// started with `--ssl_certfile_path` and `--ssl_keyfile_path`.
    public var tls: TLSFiles?
    /// An idle keep-alive connection is closed after this long: uvicorn's
    /// `timeout_keep_alive`, 5 s unless LiteLLM is started with `--keepalive_timeout`.
    public var keepAliveTimeout: Duration = .seconds(5)
    /// Misbehaviour from the start (`--fault`); `/_sim/fault` adds more at run time.
    public var faults: [Fault] = []
    /// How the remote cost-map source answers from the start (`--remote-cost-map`);
    /// `/_sim/remote?cost_map=MODE` changes it at run time.
    public var remoteCostMap: RemoteMode = .ok
    /// How the remote beta-header source answers from the start (`--remote-beta-headers`).
    public var remoteBetaHeaders: RemoteMode = .ok
    /// Served as the remote cost map / beta-header file from the start instead of the
    /// release's own (`--remote-cost-map-file`, `PUT /_sim/remote/cost_map` at run time).
    public var remoteCostMapFile: [UInt8]?
    public var remoteBetaHeadersFile: [UInt8]?
    /// Wait between fetch attempts as LiteLLM does (about 2.5 s, then 4.5 s) before a reload
    /// whose source keeps failing with a retried error answers 502. Off: answer at once.
    public var remoteRetryDelays = true
    /// How many pods of one proxy to run (`--pods`). They share the database rows and the
    /// simulated clock and keep their own memory (see "Several pods of one proxy" in
    /// `litellm/README.md`). Pod K listens on `port + K`, or on a free port when `port` is 0.
    public var pods = 1
    /// `proxy_config_reload_interval_seconds`: how often each pod runs its periodic check
    /// (real time; LiteLLM's default is 30 s). The first check comes one interval after start.
    public var checkInterval: Duration = .seconds(30)
    /// LiteLLM's `store_model_in_db`: only with it on does a pod run the beta-header check
    /// (at start and at every periodic check), so `force_reload` and beta-header schedules act.
    public var storeModelInDB = true
    /// Also listen here (0: a free port) as a round-robin load balancer in front of the pods:
    /// each request goes to the next running pod. nil: no balancer.
    public var balancerPort: Int?

    public init() {}
}

/// PEM files for https.
public struct TLSFiles: Sendable, Equatable {
    public var certificatePath: String
    public var keyPath: String

    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
