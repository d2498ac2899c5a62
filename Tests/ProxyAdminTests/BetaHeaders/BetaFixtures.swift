import Foundation
@testable import ProxyAdmin

/// The two real mapping files (copied from shared/litellm/data) and helpers for the
/// beta-header tests.
enum BetaFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let old = "litellm-1.100.5-anthropic_beta_headers_config.json"
    static let new = "litellm-1.109.1-anthropic_beta_headers_config.json"

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func mapping(_ name: String) throws -> BetaHeaderMapping {
        try BetaHeaderMapping(parsing: bytes(name))
    }

    /// The file as Foundation reads it (an independent parser; the real files are ASCII
    /// without duplicate keys, so nothing is lost).
    static func foundationObject(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(bytes(name))) as! [String: Any]
    }
}

/// SplitMix64: a small, reproducible PRNG for the randomized tests.
struct BetaRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
