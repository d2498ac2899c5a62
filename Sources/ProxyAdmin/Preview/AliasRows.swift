/// LiteLLM 1.110.2's pointer rows: `"<name>": {"alias_of": "<other key>"}`. The proxy
/// serves each such name as its target's entry; a pointer to a missing key or to another
/// pointer is dropped. 1.109.1 serves the stub as it is. A preview of a raw file resolves
/// them as the proxy in front of it will.
public enum AliasRows {
    public static func target(of entry: ModelEntry) -> String? { entry.aliasOf }

    /// The map as `version` serves it: resolved from 1.110.2 on, else unchanged.
    public static func served(_ map: CostMap, version: String) -> CostMap {
        guard LiteLLMRelease.atLeast(version, "1.110.2") else { return map }
        guard map.entries.contains(where: { target(of: $0) != nil }) else { return map }
        var out: [ModelEntry] = []
        out.reserveCapacity(map.entries.count)
        for entry in map.entries {
            guard let name = target(of: entry) else { out.append(entry); continue }
            guard let resolved = map[name], target(of: resolved) == nil else { continue }  // missing, or a pointer to a pointer
            out.append(ModelEntry(name: entry.name, value: resolved.value, raw: resolved.raw))
        }
        return CostMap(entries: out, hasSampleSpec: map.hasSampleSpec)
    }
}
