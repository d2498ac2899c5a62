/// How LiteLLM 1.110.2's `/v1/messages` treats one deployment's `anthropic-beta` header
/// (`llm_http_handler.async_anthropic_messages_handler`): the provider's native messages
/// config either forwards the header verbatim or filters it, and `resolve_beta_provider`
/// may hand it another row; without a native config the request is translated to LiteLLM's
/// chat API, where this filter does not run.
public enum MessagesRoute: Sendable, Equatable {
    /// The config does not filter (`should_filter_anthropic_beta_headers()` is false) and the
    /// row is the provider's own: every beta goes on. `normalises`: the config's environment
    /// check (`_update_headers_with_anthropic_beta`) first rewrites the header as the set of
    /// its betas, sorted, joined by ","; otherwise it goes on exactly as sent.
    case verbatim(config: String, normalises: Bool)
    /// Filtered with `row`: unlisted betas dropped when the config filters, forwarded as
    /// sent when only the row changed (an `anthropic` deployment on a Foundry host).
    case filtered(config: String, row: String, unlisted: UnlistedBetas, keep: PerTurnControl.Basis?)
    /// No native `/v1/messages` config: LiteLLM translates the request to its chat (or
    /// Responses) API, and what reaches the provider is that path's business.
    case translated
    /// The native config depends on what synctop does not see (an environment variable,
    /// a per-model endpoint list): why.
    case unmodelled(String)

    /// The config's name, when there is one.
    public var config: String? {
        switch self {
        case .verbatim(let c, _), .filtered(let c, _, _, _): c
        case .translated, .unmodelled: nil
        }
    }

    /// The betas the model keeps (Bedrock Invoke's per-turn control), as LiteLLM passes them.
    public var keep: [String] {
        if case .filtered(_, _, _, let basis?) = self, basis.keeps { return [PerTurnControl.beta] }
        return []
    }

    // MARK: deciding

    /// The route of `target` on 1.110.2. `anthropicAPIBase`: the proxy's `ANTHROPIC_API_BASE`
    /// (or `ANTHROPIC_BASE_URL`), which an `anthropic` deployment without `api_base` uses;
    /// synctop cannot read it and assumes it unset (api.anthropic.com).
    public static func of(_ target: BetaTarget, anthropicAPIBase: String? = nil) -> MessagesRoute {
        let native: Native?
        switch nativeConfig(provider: target.provider, model: target.model) {
        case .unknown(let why): return .unmodelled(why)
        case .config(let c): native = c
        case .none: native = nil
        }
        let config = native ?? (target.passesThroughMessages
            ? Native(name: "OpenAI-like Anthropic-compatible (model_info.supported_endpoints)", filters: false, normalises: true) : nil)
        guard let config else { return .translated }
        // `affinity_api_base`: an anthropic deployment without api_base talks to api.anthropic.com.
        let affinity = target.provider.exactlyEquals("anthropic") ? (target.apiBase ?? anthropicAPIBase ?? "https://api.anthropic.com") : target.apiBase
        let row = resolveBetaProvider(target.provider, apiBase: affinity)
        let otherRow = !row.exactlyEquals(target.provider)
        guard config.filters || otherRow else { return .verbatim(config: config.name, normalises: config.normalises) }
        let keep = config.isInvoke ? PerTurnControl.basis(model: target.model, deploymentFlag: target.perTurnControl) : nil
        return .filtered(config: config.name, row: row, unlisted: config.filters ? .drop : .forward, keep: keep)
    }

    /// Whether the proxy hands the client's `anthropic-beta` header to the handler at all
    /// (`add_provider_specific_headers_to_request`): only for `anthropic`, `bedrock`,
    /// `bedrock_mantle` and `vertex_ai` deployments, and `azure_ai` and `databricks` ones on
    /// a native messages route. Others get it only when `general_settings.
    /// forward_client_headers_to_llm_api` (or the model group's setting) is on, which synctop
    /// cannot read. Meaningful for the verbatim and filtered routes.
    public static func proxyPassesClientBetas(_ target: BetaTarget) -> Bool {
        switch target.provider {
        case "anthropic", "bedrock", "bedrock_mantle", "vertex_ai": return true
        case "azure_ai", "databricks":
            if case .config(let native) = nativeConfig(provider: target.provider, model: target.model) { return native.nativeMessagesRoute }
            // The OpenAI-like config (`supported_endpoints`) is not a native messages route.
            return false
        default: return false
        }
    }

    /// `resolve_beta_provider`: an `anthropic` deployment on an Azure AI Foundry host takes
    /// the `azure_ai` row; every other deployment its provider's.
    public static func resolveBetaProvider(_ provider: String, apiBase: String?) -> String {
        provider.exactlyEquals("anthropic") && AzureHosts.isFoundry(apiBase) ? "azure_ai" : provider
    }

    struct Native: Equatable {
        var name: String
        var filters: Bool
        /// Its environment check rewrites the header as sorted, distinct betas (measured
        /// on 1.110.2: the Anthropic-derived configs do, Mantle and BigModel do not).
        var normalises = false
        var isInvoke = false
        /// `is_native_messages_route()`: false only for the OpenAI-like config.
        var nativeMessagesRoute = true
    }

    enum Lookup: Equatable {
        case config(Native)
        case none
        case unknown(String)
    }

    /// `ProviderConfigManager.get_provider_anthropic_messages_config` (and each config's
    /// `serves_api_base`) for the providers 1.110.2 gives a native config. `model` nil: a
    /// Claude model on the provider's usual route.
    static func nativeConfig(provider: String, model: String?) -> Lookup {
        let m = model ?? "claude"
        let claude = m.lowercased().containsExactly("claude")
        switch provider {
        case "anthropic": return .config(Native(name: "native Anthropic", filters: false, normalises: true))
        case "bedrock":
            // Route prefixes count at the start or after a "/", as `_model_has_route_prefix`.
            func route(_ p: String) -> Bool { m.startsWithExactly(p) || m.containsExactly("/" + p) }
            if route("claude_platform/") { return .config(Native(name: "Bedrock Claude Platform", filters: false, normalises: true)) }
            if route("converse/") { return .none }
            if route("mantle/") { return .config(Native(name: "Bedrock Mantle", filters: false)) }
            // Case-sensitive here, unlike the providers below.
            return m.containsExactly("claude") ? .config(Native(name: "Bedrock Invoke", filters: true, isInvoke: true)) : .none
        case "bedrock_mantle": return claude ? .config(Native(name: "Bedrock Mantle", filters: false)) : .none
        case "vertex_ai": return claude ? .config(Native(name: "Vertex AI Claude", filters: true)) : .none
        case "azure_ai": return claude ? .config(Native(name: "Azure AI Claude", filters: true)) : .none
        case "github_copilot": return claude ? .config(Native(name: "GitHub Copilot", filters: false, normalises: true)) : .none
        case "deepseek", "tencent", "minimax": return .config(Native(name: "\(provider) Anthropic-compatible", filters: true))
        case "bigmodel": return .config(Native(name: "bigmodel Anthropic-compatible", filters: false))
        case "edenai": return .config(Native(name: "edenai Anthropic-compatible", filters: false, normalises: true))
        case "aiand", "coralbricks", "cortecs", "inferenceapis", "meta", "openinfer", "prism", "sail":
            // JSON-registered providers whose endpoints list /v1/messages for every model.
            return .config(Native(name: "\(provider) (LiteLLM's JSON provider registry)", filters: false, normalises: true))
        case "dashscope": return .unknown("dashscope: whether its /v1/messages route applies depends on api_base or DASHSCOPE_API_BASE")
        case "databricks":
            guard model != nil else { return .unknown("databricks: its native Claude route depends on the model and the workspace URL (give --model)") }
            let bare = m.startsWithExactly("databricks/") ? String(m.unicodeScalars.dropFirst("databricks/".count)) : m
            let lower = bare.lowercased()
            guard lower.startsWithExactly("databricks-claude-") || lower.startsWithExactly("system.ai.claude-") else { return .none }
            return .unknown("databricks: its native Claude route depends on the workspace URL (api_base or DATABRICKS_API_BASE)")
        case "opencode_go": return .unknown("opencode_go: the route depends on LiteLLM's per-model endpoint list")
        case "hostinger_router": return .unknown("hostinger_router: some of its models take /v1/messages natively (LiteLLM's JSON provider registry)")
        default: return .none
        }
    }
}
