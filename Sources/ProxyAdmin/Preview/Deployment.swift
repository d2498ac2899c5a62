/// One model deployment the proxy serves, from `GET /model/info`: the name clients call,
/// the model LiteLLM routes to, its `api_base` (which decides the beta-header row in
/// 1.110.2), and the cost-map key its spend is priced by.
public struct Deployment: Sendable, Equatable, Codable {
    public var modelName: String
    /// `litellm_params.model`, e.g. `anthropic/claude-sonnet-4-20250514`.
    public var model: String
    public var apiBase: String?
    /// `model_info.key`: the cost-map entry that prices it.
    public var catalogKey: String?
    /// `model_info.litellm_provider`, else the model's `provider/` prefix.
    public var provider: String?
    /// `model_info.id`: the served map also holds an entry under this name.
    public var id: String?
    /// `litellm_params.custom_llm_provider`: the provider LiteLLM routes to when set.
    public var customProvider: String?
    /// `model_info.supports_per_turn_control` when a boolean: the deployment's own setting
    /// (or the proxy's cost-map answer), which decides whether Bedrock Invoke keeps the
    /// per-turn-control beta (1.110.2).
    public var perTurnControl: Bool?
    /// `model_info.supported_endpoints` lists `/v1/messages`: LiteLLM forwards `/v1/messages`
    /// untranslated (its OpenAI-like Anthropic-compatible config) when the provider has no
    /// native one.
    public var passesThroughMessages: Bool

    public init(modelName: String, model: String, apiBase: String? = nil, catalogKey: String? = nil, provider: String? = nil, id: String? = nil,
                customProvider: String? = nil, perTurnControl: Bool? = nil, passesThroughMessages: Bool = false) {
        self.modelName = modelName
        self.model = model
        self.apiBase = apiBase
        self.catalogKey = catalogKey
        self.provider = provider
        self.id = id
        self.customProvider = customProvider
        self.perTurnControl = perTurnControl
        self.passesThroughMessages = passesThroughMessages
    }

    /// The provider LiteLLM routes the deployment to: `custom_llm_provider`, else the
    /// model's `provider/` prefix, else `model_info.litellm_provider`. Not the latter first:
    /// that is the provider of the cost-map entry that prices it (a Bedrock Invoke
    /// deployment priced by a `bedrock_converse` entry is still routed to `bedrock`).
    public var routingProvider: String? {
        if let customProvider { return customProvider }
        // By code point: a combining mark after "/" must not hide the slash.
        if let slash = model.unicodeScalars.firstIndex(of: "/"), slash != model.unicodeScalars.startIndex {
            return String(model.unicodeScalars[..<slash])
        }
        return provider
    }

    /// The model after the provider's prefix, as LiteLLM's `get_llm_provider` hands it on
    /// (`bedrock/invoke/x` → `invoke/x`).
    public var routedModel: String {
        guard let p = routingProvider, model.startsWithExactly(p + "/") else { return model }
        return String(model.unicodeScalars.dropFirst(p.unicodeScalars.count + 1))
    }

    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(String)
        public var description: String {
            switch self { case .unreadable(let why): "/model/info: \(why)" }
        }
    }

    /// `{"data": [{model_name, litellm_params: {model, api_base, custom_llm_provider}, model_info: {id, key,
    /// litellm_provider, supports_per_turn_control, supported_endpoints}}]}`;
    /// an item without a name or model is skipped (the proxy may list half-configured ones).
    public static func parseList(_ bytes: [UInt8]) throws(ParseError) -> [Deployment] {
        let doc: JSONValue
        do { doc = try JSONParser.parse(bytes) } catch { throw .unreadable("not JSON: \(error)") }
        guard case .array(let items)? = doc["data"] else { throw .unreadable("no \"data\" list") }
        return items.compactMap { item in
            guard case .string(let name)? = item["model_name"], case .string(let model)? = item["litellm_params"]?["model"] else { return nil }
            func text(_ v: JSONValue?) -> String? { if case .string(let s)? = v, !s.isEmpty { s } else { nil } }
            let info = item["model_info"]
            let prefix = model.split(separator: "/", maxSplits: 1).count == 2 ? String(model.split(separator: "/")[0]) : nil
            var perTurnControl: Bool?
            if case .bool(let b)? = info?["supports_per_turn_control"] { perTurnControl = b }
            var passesThrough = false
            if case .array(let endpoints)? = info?["supported_endpoints"] {
                passesThrough = endpoints.contains { if case .string("/v1/messages") = $0 { true } else { false } }
            }
            return Deployment(modelName: name, model: model, apiBase: text(item["litellm_params"]?["api_base"]),
                              catalogKey: text(info?["key"]), provider: text(info?["litellm_provider"]) ?? prefix, id: text(info?["id"]),
                              customProvider: text(item["litellm_params"]?["custom_llm_provider"]), perTurnControl: perTurnControl,
                              passesThroughMessages: passesThrough)
        }
    }
}
