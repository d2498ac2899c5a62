/// Whether a JSON object is a LiteLLM cost map at all. `CostMap.parse` takes any object
/// (the Models view shows entries of any shape); `diff` must not compare a file that only
/// parses as one — the beta-header mapping, `{}`, an object of numbers — and report
/// thousands of models "removed".
extension CostMap {
    /// Fields every kind of cost-map entry carries some of (LiteLLM's `sample_spec`).
    public static let shapeFields = ["input_cost_per_token", "output_cost_per_token", "max_tokens", "max_input_tokens",
                                     "max_output_tokens", "litellm_provider", "mode"]

    /// nil when most entries are objects carrying cost-map fields; else what was found: how
    /// many entries, of which kinds, and which fields they have instead.
    public func shapeProblem() -> String? {
        let wanted = "A cost map is an object of models, each an object with fields such as \(Self.shapeFields.prefix(6).joined(separator: ", ")) "
            + "(LiteLLM's model_prices_and_context_window.json, what a proxy serves at \(Endpoint.costMap.path))."
        guard !entries.isEmpty else { return "not a cost map: an object with no models. \(wanted)" }
        var carrying = 0
        var kinds: [String: Int] = [:]
        var fieldsSeen: [String] = []
        var moreFields = 0
        for entry in entries {
            // The decoded columns answer for almost every real entry without parsing it again.
            if entry.provider != nil || entry.mode != nil || entry.inputPerMillion != nil || entry.outputPerMillion != nil
                || entry.maxInputTokens != nil || entry.maxOutputTokens != nil {
                carrying += 1
                continue
            }
            let value = entry.value
            guard case .object(let pairs) = value else {
                kinds[Self.kindWord(value), default: 0] += 1
                continue
            }
            if pairs.contains(where: { key, _ in Self.shapeFields.contains(key) }) {
                carrying += 1
                continue
            }
            kinds["object", default: 0] += 1
            for (key, _) in pairs where !fieldsSeen.contains(key) {
                if fieldsSeen.count < 8 { fieldsSeen.append(key) } else { moreFields += 1 }
            }
        }
        guard carrying * 2 < entries.count else { return nil }
        let kindText = kinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)\($0.value == 1 || $0.key == "null" ? "" : "s")\($0.key == "object" ? " without them" : "")" }
            .joined(separator: ", ")
        var text = "not a cost map: \(entries.count) \(entries.count == 1 ? "entry" : "entries"), "
            + "\(carrying) with cost-map fields (\(kindText))"
        if !fieldsSeen.isEmpty {
            text += "; fields seen: \(fieldsSeen.joined(separator: ", "))\(moreFields > 0 ? " and \(moreFields) more" : "")"
        }
        return text + ". " + wanted
    }

    private static func kindWord(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
