/// `/health/liveliness` and `/health/readiness` together: is the proxy up, and can it
/// do schedules and reloads (they need its database).
public struct Health: Equatable, Sendable {
    public var alive: Bool
    /// readiness `status`, e.g. "healthy"; nil when readiness could not be read.
    public var readiness: String?
    /// readiness `db`: "connected", "Not connected", or nil when not reported.
    public var database: String?
    /// readiness `litellm_version`, when the proxy reports it.
    public var version: String?

    public init(alive: Bool, readiness: String? = nil, database: String? = nil, version: String? = nil) {
        self.alive = alive
        self.readiness = readiness
        self.database = database
        self.version = version
    }

    /// nil when unknown. LiteLLM writes "connected" or "Not connected".
    public var databaseConnected: Bool? {
        guard let db = database?.lowercased() else { return nil }
        return db == "connected"
    }
}

/// The readiness body; every field optional, unknown ones ignored.
struct ReadinessBody: Decodable {
    var status: String?
    var db: String?
    var litellm_version: String?
}
