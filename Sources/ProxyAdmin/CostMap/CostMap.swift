/// The whole model cost map, as `/public/litellm_model_cost_map` or a file holds it: every
/// entry except `sample_spec` (which documents the fields), in the file's order.
public struct CostMap: Sendable, Equatable {
    public var entries: [ModelEntry]
    /// The map had a `sample_spec` entry (left out of `entries`, counted by `modelCount`).
    public var hasSampleSpec: Bool
    /// Name (exact code points, as the proxy's dict) → index in `entries`.
    let index: [ExactKey: Int]

    /// The number synctop calls "models" everywhere, counted as LiteLLM counts its
    /// `model_count` (`/model/cost_map/source`) and a reload's `models_count`:
    /// `len(litellm.model_cost)`, every top-level key of the map as loaded, so `sample_spec`
    /// is counted (though not listed) and `fallback_generalizations`, which LiteLLM takes
    /// out before it keeps the map, is not. For the served map it is the proxy's own
    /// `model_count`, one entry per deployment of its config included.
    public var modelCount: Int {
        entries.count - (self[Self.generalizationsKey] == nil ? 0 : 1) + (hasSampleSpec ? 1 : 0)
    }

    /// What `modelCount` counts that the table does not list, for a note beside the count.
    public var modelCountNote: String? {
        hasSampleSpec ? "\(Self.documentationKey) counted, not listed" : nil
    }

    public init(entries: [ModelEntry], hasSampleSpec: Bool = false) {
        self.hasSampleSpec = hasSampleSpec
        var entries = entries
        var index: [ExactKey: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() { index[ExactKey(e.name)] = i }
        // Pointer rows show their target's prices and limits (a missing target or a
        // pointer to a pointer stays empty: LiteLLM 1.110.2 drops those names).
        for i in entries.indices {
            guard let target = entries[i].aliasOf, let t = index[ExactKey(target)], entries[t].aliasOf == nil else { continue }
            entries[i] = entries[i].resolved(through: entries[t])
        }
        self.entries = entries
        self.index = index
    }

    public subscript(name: String) -> ModelEntry? {
        index[ExactKey(name)].map { entries[$0] }
    }

    public static let documentationKey = "sample_spec"
    /// LiteLLM's generalisation rules, not a model: it drops the key before serving the map.
    public static let generalizationsKey = "fallback_generalizations"

    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case syntax(JSONSyntaxError)
        case notAnObject(kind: String)

        public var description: String {
            switch self {
            case .syntax(let e): "not valid JSON: \(e)"
            case .notAnObject(let kind): "not a cost map: expected an object keyed by model name, found \(kind)"
            }
        }
    }

    /// A repeated key keeps its first position and its last value, as Python's `json`
    /// (and so the proxy) reads it.
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> CostMap {
        var entries: [ModelEntry] = []
        entries.reserveCapacity(bytes.count / 600)
        var seen: [ExactKey: Int] = [:]
        var hasSampleSpec = false
        let notObject: JSONValue?
        do {
            notObject = try JSONParser.forEachMember(of: bytes) { name, value, raw in
                guard !name.exactlyEquals(documentationKey) else {
                    hasSampleSpec = true
                    return
                }
                let entry = ModelEntry(name: name, value: value, raw: Array(raw))
                let key = ExactKey(name)
                if let at = seen[key] {
                    entries[at] = entry
                } else {
                    seen[key] = entries.count
                    entries.append(entry)
                }
            }
        } catch {
            throw .syntax(error)
        }
        if let notObject { throw .notAnObject(kind: notObject.kindDescription) }
        return CostMap(entries: entries, hasSampleSpec: hasSampleSpec)
    }
}
