/// The models table's columns, in screen order; `models --sort` takes these names.
public enum ModelColumn: String, CaseIterable, Sendable {
    case model, provider, mode, input, output, maxInput = "max-input", maxOutput = "max-output"

    public var title: String {
        switch self {
        case .model: "model"
        case .provider: "provider"
        case .mode: "mode"
        case .input: "in $/1M"
        case .output: "out $/1M"
        case .maxInput: "max in"
        case .maxOutput: "max out"
        }
    }

    /// Numbers read best largest first; names A→Z.
    public var descendingByDefault: Bool {
        switch self {
        case .model, .provider, .mode: false
        default: true
        }
    }

    /// Total order for `sort`; missing values go last in either direction.
    func ordered(_ a: ModelEntry, _ b: ModelEntry) -> Bool? {
        switch self {
        case .model: return Self.compare(a.name, b.name)
        case .provider: return Self.compare(a.provider, b.provider)
        case .mode: return Self.compare(a.mode, b.mode)
        case .input: return Self.compare(a.inputPerMillion, b.inputPerMillion)
        case .output: return Self.compare(a.outputPerMillion, b.outputPerMillion)
        case .maxInput: return Self.compare(a.maxInputTokens, b.maxInputTokens)
        case .maxOutput: return Self.compare(a.maxOutputTokens, b.maxOutputTokens)
        }
    }

    /// true: a first; false: b first; nil: equal.
    private static func compare<T: Comparable>(_ a: T?, _ b: T?) -> Bool? {
        switch (a, b) {
        case (nil, nil): nil
        case (nil, _): false
        case (_, nil): true
        case (let x?, let y?): x == y ? nil : x < y
        }
    }

    private static func compare(_ a: String?, _ b: String?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?):
            let fx = SearchText.folded(x), fy = SearchText.folded(y)
            if fx != fy { return fx.lexicographicallyPrecedes(fy) }
            if x.exactlyEquals(y) { return nil }
            return x.precedesByCodePoint(y)
        }
    }
}
