/// The whole model cost map, as `/public/litellm_model_cost_map` or a file holds it: every
/// entry except `sample_spec` (which documents the fields), in the file's order.
public struct CostMap: Sendable, Equatable {
    public var entries: [ModelEntry]
    /// Name (exact code points, as the proxy's dict) → index in `entries`.
    let index: [ExactKey: Int]

    public init(entries: [ModelEntry]) {
        self.entries = entries
        var index: [ExactKey: Int] = [:]
        index.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() { index[ExactKey(e.name)] = i }
        self.index = index
    }

    public subscript(name: String) -> ModelEntry? {
        index[ExactKey(name)].map { entries[$0] }
    }

    public static let documentationKey = "sample_spec"

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
        let notObject: JSONValue?
        do {
            notObject = try JSONParser.forEachMember(of: bytes) { name, value, raw in
                guard !name.exactlyEquals(documentationKey) else { return }
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
        return CostMap(entries: entries)
    }
}
