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
}
