/// What LiteLLM does with a fetched cost-map file before swapping it in (1.109.1 and
/// 1.110.2, `litellm/litellm_core_utils/get_model_cost_map.py`): a JSON object with at
/// least 50 entries and at least half as many as the map bundled with the running release
/// (`sample_spec` and `fallback_generalizations` not counted), else the reload answers 502
/// and the current prices stay.
public enum CostMapValidation {
    /// Entries of the map bundled with each release, as LiteLLM counts them for this rule
    /// (counted from the release's own file in `litellm/README.md`'s data).
    public static let bundledEntries: [String: Int] = ["1.100.5": 3409, "1.109.1": 4551, "1.110.2": 4876]
    public static let newestKnown = "1.110.2"
    public static let minimumEntries = 50

    public enum Verdict: Sendable, Equatable {
        case loads(entries: Int)
        case refused(String)
    }

    /// `entries`: the file's top-level keys other than `sample_spec` and
    /// `fallback_generalizations`; `version`: the proxy's release, whose bundled map sets the bar.
    public static func check(entries: Int, version: String) -> Verdict {
        let bundled = bundledEntries[version] ?? bundledEntries[newestKnown]!
        let floor = max(minimumEntries, (bundled + 1) / 2)
        guard entries > 0 else { return .refused("the file is an empty object") }
        guard entries >= minimumEntries else { return .refused("\(entries) entries, fewer than LiteLLM's minimum of \(minimumEntries)") }
        guard entries * 2 >= bundled else {
            return .refused("\(entries) entries, fewer than half of the \(bundled) in the map bundled with LiteLLM \(version) (at least \(floor) needed)")
        }
        return .loads(entries: entries)
    }

    /// The entries this rule counts in a raw file: `CostMap.modelCount` less `sample_spec`
    /// (this rule leaves out both of LiteLLM's reserved keys). Not what synctop calls
    /// "models": that is LiteLLM's `model_count`, with `sample_spec`.
    public static func countedEntries(_ map: CostMap) -> Int {
        map.modelCount - (map.hasSampleSpec ? 1 : 0)
    }
}
