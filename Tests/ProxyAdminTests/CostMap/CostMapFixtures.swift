import Foundation
@testable import ProxyAdmin

/// The two real cost maps the simulator serves (LiteLLM 1.100.5 and 1.109.1, as bundled).
enum CostMapSeeds {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ProxySimulator/Seed")
    static let old = directory.appendingPathComponent("litellm-1.100.5/model_prices_and_context_window.json")
    static let new = directory.appendingPathComponent("litellm-1.109.1/model_prices_and_context_window.json")

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    static func map(_ text: String) throws -> CostMap { try CostMap.parse(Array(text.utf8)) }
}

/// The diff's counts computed a second way, with none of the product code: Foundation's
/// parser, NSNumber equality (4096 == 4096.0), dictionary equality (key order ignored).
enum IndependentCostMapDiff {
    struct Counts: Equatable, CustomStringConvertible {
        var old = 0, new = 0, added = 0, removed = 0, changed = 0, repriced = 0
        var description: String { "old \(old) new \(new) +\(added) −\(removed) ~\(changed) $\(repriced)" }
    }

    static func counts(old: Data, new: Data) throws -> Counts {
        var a = try require(JSONSerialization.jsonObject(with: old) as? [String: Any])
        var b = try require(JSONSerialization.jsonObject(with: new) as? [String: Any])
        // The counts as LiteLLM's len(litellm.model_cost): every key, sample_spec too, but
        // fallback_generalizations, which LiteLLM takes out on load.
        var c = Counts(old: a.keys.count { $0 != "fallback_generalizations" }, new: b.keys.count { $0 != "fallback_generalizations" })
        a["sample_spec"] = nil
        b["sample_spec"] = nil
        c.added = b.keys.count { a[$0] == nil }
        c.removed = a.keys.count { b[$0] == nil }
        for (name, after) in b {
            guard let before = a[name], !equal(before, after) else { continue }
            c.changed += 1
            if repriced(before, after) { c.repriced += 1 }
        }
        return c
    }

    /// A field with "cost" in its name differs (or exists on one side only).
    static func repriced(_ a: Any, _ b: Any) -> Bool {
        guard let x = a as? [String: Any], let y = b as? [String: Any] else { return false }
        return Set(x.keys).union(y.keys).contains { key in
            guard key.contains("cost") else { return false }
            switch (x[key], y[key]) {
            case (nil, nil): return false
            case (let p?, let q?): return !equal(p, q)
            default: return true
            }
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (let x as String, let y as String):
            return x == y
        case (is NSNull, is NSNull):
            return true
        case (let x as NSNumber, let y as NSNumber):
            return x.isEqual(y)
        default:
            return false
        }
    }
}

/// Unwraps or throws, which fails the calling test.
private func require<T>(_ value: T?, _ what: String = "a JSON object") throws -> T {
    guard let value else { throw CostMapFixtureError("expected \(what)") }
    return value
}

struct CostMapFixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
