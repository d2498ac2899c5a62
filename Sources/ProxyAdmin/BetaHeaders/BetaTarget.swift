/// What LiteLLM 1.110.2 needs to know of a deployment to decide its betas on `/v1/messages`:
/// the provider it routes to, the model as handed on, `api_base`, and two `model_info` keys.
public struct BetaTarget: Sendable, Equatable {
    /// LiteLLM's `custom_llm_provider` (`anthropic`, `bedrock`, ...), or a column's name.
    public var provider: String
    /// After the provider prefix (`invoke/us.anthropic.claude-…`); nil when not known: a
    /// Claude model on the provider's usual route is assumed.
    public var model: String?
    public var apiBase: String?
    /// `model_info.supports_per_turn_control` when a boolean.
    public var perTurnControl: Bool?
    /// `model_info.supported_endpoints` lists `/v1/messages`.
    public var passesThroughMessages: Bool
    /// The name clients call (`model_name`), for display.
    public var name: String?

    public init(provider: String, model: String? = nil, apiBase: String? = nil, perTurnControl: Bool? = nil,
                passesThroughMessages: Bool = false, name: String? = nil) {
        self.provider = provider
        self.model = model
        self.apiBase = apiBase
        self.perTurnControl = perTurnControl
        self.passesThroughMessages = passesThroughMessages
        self.name = name
    }

    /// A deployment from `/model/info`; nil when its provider cannot be told.
    public init?(deployment d: Deployment) {
        guard let provider = d.routingProvider else { return nil }
        self.init(provider: provider, model: d.routedModel, apiBase: d.apiBase, perTurnControl: d.perTurnControl,
                  passesThroughMessages: d.passesThroughMessages, name: d.modelName)
    }

    /// From the command line: `--model bedrock/invoke/x` names its provider as LiteLLM reads
    /// it; `--provider` wins, and a model prefixed with it loses the prefix.
    public static func fromFlags(provider: String?, model: String?, apiBase: String?) -> BetaTarget? {
        if let provider {
            let stripped = model.map { $0.startsWithExactly(provider + "/") ? String($0.unicodeScalars.dropFirst(provider.unicodeScalars.count + 1)) : $0 }
            return BetaTarget(provider: provider, model: stripped, apiBase: apiBase)
        }
        guard let model else { return nil }
        let d = Deployment(modelName: model, model: model, apiBase: apiBase)
        return d.routingProvider.map { BetaTarget(provider: $0, model: d.routedModel, apiBase: apiBase) }
    }
}
