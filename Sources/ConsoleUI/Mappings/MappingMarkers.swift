import ProxyAdmin

/// The Mappings view's column markers under LiteLLM 1.110.2's rules, where `/v1/messages`
/// decides per deployment: `=` on a column whose provider gets the betas unfiltered, `»`
/// on the row an `anthropic` deployment on a Foundry host takes, which forwards betas it
/// does not list. None under earlier releases, or when the release is not known.
struct MappingMarkers {
    var rules: BetaRules
    var release: String?

    /// `--litellm-version`, else the version the proxy reports.
    init(_ state: AppState) {
        let known = (state.config.litellmVersion ?? state.health.value?.version).flatMap(LiteLLMRelease.rules(for:))
        release = known
        rules = known.map(BetaRules.init(release:)) ?? .mappingOnly
    }

    func marker(_ provider: String) -> ColumnMarker? { rules.marker(forColumn: provider) }

    /// The column's name with its marker in front, where truncation cannot hide it.
    func label(_ provider: String) -> String { (marker(provider)?.rawValue ?? "") + provider }

    /// The legend line, under the cell legend; nil when no column is marked. Short enough
    /// for 80 columns, longer where there is room.
    func legend(width: Int) -> Line? {
        guard rules == .perDeployment, let release else { return nil }
        let long: Line = [
            Span("LiteLLM \(release) /v1/messages: ", .label),
            Span("=", .text), Span(" header not filtered (the column still filters the body field)  ", .dim),
            Span("»", .text), Span(" the row anthropic on Foundry hosts takes: unlisted betas pass", .dim),
        ]
        guard long.reduce(0, { $0 + DisplayWidth.of($1.text) }) > width else { return long }
        return [
            Span("\(release): ", .label),
            Span("=", .text), Span(" header not filtered  ", .dim),
            Span("»", .text), Span(" anthropic on Foundry: unlisted betas pass", .dim),
        ]
    }
}
