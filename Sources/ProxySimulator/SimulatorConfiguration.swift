/// The LiteLLM release whose answers the simulator reproduces. The differences are small but
/// visible to a client: 1.109.1 adds `source_revision`/`etag` to the cost-map status and
/// reload, `loaded_at`/`source_revision`/`etag` to `/model/cost_map/source`, model limits to
/// `/v1/models`, `?catalog_only=true`; drops `"input"` from 422 details; and words auth errors
/// differently.
public enum LiteLLMVersion: String, Sendable, CaseIterable {
    case v1_100_5 = "1.100.5"
    case v1_109_1 = "1.109.1"
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
