/// Why a simulator could not start.
public enum SimulatorError: Error, CustomStringConvertible, Sendable {
    case seedDataNotFound(searched: [String])
    case invalidSeedData(path: String, reason: String)
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .seedDataNotFound(let searched):
            let places = searched.isEmpty ? "(nowhere)" : searched.joined(separator: ", ")
            return "ProxySimulator: seed data (litellm-1.100.5/ and litellm-1.109.1/) not found. Looked in: \(places). "
                + "Set SYNCTOP_SEED_DIR to the Seed directory (Sources/ProxySimulator/Seed in the synctop sources)."
        case .invalidSeedData(let path, let reason):
            return "ProxySimulator: cannot load seed file \(path): \(reason)"
        case .invalidConfiguration(let reason):
            return "ProxySimulator: invalid configuration: \(reason)"
        }
    }
}
