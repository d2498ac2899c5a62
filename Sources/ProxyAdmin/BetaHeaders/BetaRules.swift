/// How a LiteLLM release applies the beta-header mapping to a request.
public enum BetaRules: Sendable, Equatable {
    /// 1.100.5 and 1.109.1: the provider's column decides, from the mapping file alone.
    case mappingOnly
    /// 1.110.2: `/v1/messages` decides per deployment (provider config, `api_base`, model).
    case perDeployment

    /// The first release whose `/v1/messages` decides per deployment.
    public static let perDeploymentSince = "1.110.2"

    public init(release: String) {
        self = LiteLLMRelease.atLeast(release, Self.perDeploymentSince) ? .perDeployment : .mappingOnly
    }

    /// How a column of the table reads on `/v1/messages` under these rules, for the
    /// Mappings view's markers: nil when the column filters as the file says.
    public func marker(forColumn column: String) -> ColumnMarker? {
        guard self == .perDeployment else { return nil }
        if case .verbatim = MessagesRoute.of(BetaTarget(provider: column)) { return .verbatim }
        if column.exactlyEquals(MessagesRoute.resolveBetaProvider("anthropic", apiBase: "https://" + AzureHosts.suffixes[0])) {
            return .forwardsUnlisted
        }
        return nil
    }
}

/// What the Mappings view marks on a column under 1.110.2's rules.
public enum ColumnMarker: String, Sendable, Equatable {
    /// `=`: deployments of this provider get the `anthropic-beta` header verbatim on
    /// `/v1/messages`; the column still filters the `anthropic_beta` body field.
    case verbatim = "="
    /// `»`: the row `anthropic` deployments on Azure AI Foundry hosts take, which forwards
    /// a beta it does not list as sent (a `null` one is still dropped).
    case forwardsUnlisted = "»"
}
