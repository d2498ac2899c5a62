/// The two data files a LiteLLM proxy keeps fresh, and the admin endpoints that drive each.
public enum SyncJob: String, CaseIterable, Sendable, Codable, Hashable {
    case costMap = "cost-map"
    case betaHeaders = "beta-headers"

    /// What an operator calls it on screen.
    public var title: String {
        switch self {
        case .costMap: "Model cost map"
        case .betaHeaders: "Anthropic beta headers"
        }
    }

    /// For narrow panels.
    public var shortTitle: String {
        switch self {
        case .costMap: "Cost map"
        case .betaHeaders: "Beta headers"
        }
    }

    /// The job in every `--json` output, as a key (`status`, `history`'s stats) and as a
    /// value (`"job": "cost_map"` in history records, action results, previews). The
    /// command line and the history file keep `rawValue` ("cost-map").
    public var jsonKey: String {
        switch self {
        case .costMap: "cost_map"
        case .betaHeaders: "beta_headers"
        }
    }

    /// Either spelling: "cost-map" (the command line, the history file) or "cost_map" (JSON).
    public init?(anySpelling text: String) {
        guard let job = SyncJob(rawValue: text) ?? SyncJob.allCases.first(where: { $0.jsonKey == text }) else { return nil }
        self = job
    }

    /// The path stem LiteLLM uses: `/schedule/<stem>_reload`, `/reload/<stem>`.
    var pathStem: String {
        switch self {
        case .costMap: "model_cost_map"
        case .betaHeaders: "anthropic_beta_headers"
        }
    }
}
