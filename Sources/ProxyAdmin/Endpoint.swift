/// Every proxy endpoint synctop calls, with its method and path: the one place to look
/// for "which URL does X hit".
public enum Endpoint: Sendable, Hashable {
    case jobStatus(SyncJob)
    case reload(SyncJob)
    case schedule(SyncJob, hours: Int)
    case cancelSchedule(SyncJob)
    case costMapSource
    case costMap
    case liveliness
    case readiness
    case models
    /// Every deployment the proxy serves, with its cost-map key (admin only).
    case modelInfo
    /// The served map without run-time registrations (1.109.1+; older ones ignore it).
    case catalogCostMap

    public enum Method: String, Sendable { case get = "GET", post = "POST", delete = "DELETE" }

    public var method: Method {
        switch self {
        case .reload, .schedule: .post
        case .cancelSchedule: .delete
        default: .get
        }
    }

    /// Path and query, relative to the proxy's base URL.
    public var path: String {
        switch self {
        case .jobStatus(let job): "/schedule/\(job.pathStem)_reload/status"
        case .reload(let job): "/reload/\(job.pathStem)"
        case .schedule(let job, let hours): "/schedule/\(job.pathStem)_reload?hours=\(hours)"
        case .cancelSchedule(let job): "/schedule/\(job.pathStem)_reload"
        case .costMapSource: "/model/cost_map/source"
        case .costMap: "/public/litellm_model_cost_map"
        case .liveliness: "/health/liveliness"
        case .readiness: "/health/readiness"
        case .models: "/v1/models"
        case .modelInfo: "/model/info"
        case .catalogCostMap: "/public/litellm_model_cost_map?catalog_only=true"
        }
    }

    /// The most of an answer read before giving up, checked while it streams: the cost
    /// map is 1.5–3 MB today (64 MB leaves room for years), every other answer a few
    /// hundred bytes (1 MB). An endless or padded body ends at the cap with a message.
    public var maxBodyBytes: Int {
        switch self {
        case .costMap, .catalogCostMap: 64 << 20
        case .models, .modelInfo: 16 << 20
        default: 1 << 20
        }
    }

    /// Writes change the proxy; `--read-only` must never send one.
    public var isWrite: Bool { method != .get }
}
