/// Which LiteLLM release a proxy runs, as far as its answers tell: the rules a preview
/// applies (integrity bar, `alias_of` rows, beta-header rows) follow it.
public enum LiteLLMRelease {
    /// "1.110.2" >= "1.109.1": numeric, part by part; a missing part is 0.
    public static func atLeast(_ version: String, _ other: String) -> Bool {
        let a = version.split(separator: ".").map { Int($0) ?? 0 }, b = other.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
            if x != y { return x > y }
        }
        return true
    }

    /// A guess from what the proxy serves: `alias_of` stubs in its map are 1.109.1 (1.110.2
    /// resolves them); a `source_revision` means 1.109.1 or newer (taken as the newest
    /// known); without it, 1.100.5.
    /// The rules of the newest known release not newer than `reported` (readiness's
    /// `litellm_version`), when the proxy says it.
    public static func rules(for reported: String) -> String? {
        var best: String?
        for known in CostMapValidation.bundledEntries.keys where atLeast(reported, known) {
            if best.map({ atLeast(known, $0) }) ?? true { best = known }
        }
        return best
    }

    public static func guess(source: CostMapSource?, served: CostMap?) -> String {
        if let served, served.entries.contains(where: { AliasRows.target(of: $0) != nil }) { return "1.109.1" }
        if source?.sourceRevision != nil { return CostMapValidation.newestKnown }
        return "1.100.5"
    }
}
