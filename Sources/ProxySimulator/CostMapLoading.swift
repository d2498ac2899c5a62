import NIOCore

/// How a fetched cost-map file becomes what the proxy serves, per release
/// (`get_model_cost_map.py`): finalise (drop `fallback_generalizations`, expand aliases), then
/// the Router's run-time registrations on top. Everything a client can read off one load is
/// encoded here once, so serving the 2–3 MB map is a buffer write.
extension CostMapSnapshot {
    static func build(bytes: [UInt8], catalog raw: PythonObject, version: LiteLLMVersion) -> CostMapSnapshot {
        let catalog = version == .v1_110_2 ? CostMapRules.finalize1_110_2(raw) : SeedData.finalize(raw)
        let model = SimulatedDeployment.applyRuntimeRegistrations(to: catalog, version: version)
        return CostMapSnapshot(
            sourceRevision: Digests.gitBlobID(bytes),
            fetchedCount: catalog.count,
            modelCount: model.count,
            publicBody: ByteBuffer(bytes: PythonJSONWriter.encode(.object(model))),
            catalogBody: ByteBuffer(bytes: PythonJSONWriter.encode(.object(catalog))),
            file: ByteBuffer(bytes: bytes),
            modelsBody: ByteBuffer(bytes: PythonJSONWriter.encode(SimulatedDeployment.modelList(version: version, served: model))),
            modelInfoBody: ModelInfoBodies.body(served: model, version: version),
            integrityCount: CostMapRules.integrityCount(raw)
        )
    }
}

enum CostMapRules {
    /// `RESERVED_TOP_LEVEL_KEYS`: not model entries, so not counted by the integrity check.
    static let reservedKeys: Set<String> = ["sample_spec", "fallback_generalizations"]

    /// `MODEL_COST_MAP_MIN_MODEL_COUNT` and `MODEL_COST_MAP_MAX_SHRINK_RATIO`.
    static let minimumEntries = 50
    static let maximumShrink = 0.5

    static func integrityCount(_ raw: PythonObject) -> Int {
        raw.keys.reduce(0) { $0 + (reservedKeys.contains($1) ? 0 : 1) }
    }

    /// `GetModelCostMap.validate_model_cost_map` against the map bundled with the running
    /// release: an empty object (count 0), under 50 entries, or under half the bundled count
    /// fails. `count` leaves out the reserved keys.
    static func passesIntegrity(count: Int, bundledCount: Int) -> Bool {
        if count < minimumEntries { return false }
        if bundledCount > 0 && Double(count) < Double(bundledCount) * maximumShrink { return false }
        return true
    }

    /// 1.110.2's `_finalize_model_cost_map` → `_expand_model_aliases`: a row
    /// `{"alias_of": "<key>"}` is served as that key's entry, at its own position; a pointer to
    /// a missing key or to another pointer is dropped; an entry's `aliases` list adds names
    /// (appended, skipping ones that exist as real entries or are claimed already); every name
    /// of a group serves the owner's entry without `aliases`.
    static func finalize1_110_2(_ raw: PythonObject) -> PythonObject {
        var catalog = raw
        _ = catalog.removeValue(forKey: "fallback_generalizations")
        var index: [String: PythonObject] = [:]
        var present = Set<String>()
        for (key, value) in catalog.entries {
            present.insert(key)
            if case .object(let entry) = value { index[key] = entry }
        }
        var pointerRows: [String: String] = [:]
        for (key, value) in catalog.entries {
            if case .object(let entry) = value, case .string(let target)? = entry["alias_of"] { pointerRows[key] = target }
        }
        // alias → owner, in claim order (Python dict order matters for the appended names).
        var owners: [(alias: String, owner: String)] = []
        var claimed = Set<String>()
        var withAliases: [String] = []
        for (name, value) in catalog.entries {
            guard case .object(let entry) = value, let aliases = entry["aliases"], pointerRows[name] == nil else { continue }
            withAliases.append(name)
            guard case .array(let list) = aliases else { continue }  // "not a list": logged, skipped
            for case .string(let alias) in list {
                if present.contains(alias) && pointerRows[alias] == nil { continue }  // a canonical entry
                if claimed.contains(alias) { continue }
                claimed.insert(alias)
                owners.append((alias, name))
            }
        }
        for (alias, _) in catalog.entries {
            guard let target = pointerRows[alias] else { continue }
            if !present.contains(target) || pointerRows[target] != nil { continue }  // dropped below
            if claimed.contains(alias) { continue }
            claimed.insert(alias)
            owners.append((alias, target))
        }
        var servedEntry: [String: PythonJSON] = [:]
        for name in withAliases {
            guard var entry = index[name] else { continue }
            _ = entry.removeValue(forKey: "aliases")
            index[name] = entry
        }
        for (_, owner) in owners { if let entry = index[owner] { servedEntry[owner] = .object(entry) } }
        let ownerOf = Dictionary(owners.map { ($0.alias, $0.owner) }, uniquingKeysWith: { first, _ in first })
        let listOwners = Set(withAliases)
        var out = PythonObject()
        var written = Set<String>()
        for (key, value) in catalog.entries {
            if pointerRows[key] != nil && !claimed.contains(key) { continue }  // a dangling pointer
            let resolved: PythonJSON
            if let owner = ownerOf[key] {
                resolved = servedEntry[owner] ?? value
            } else if let entry = index[key], listOwners.contains(key) {
                resolved = .object(entry)
            } else {
                resolved = value
            }
            out.appendUnchecked(key, resolved)
            written.insert(key)
        }
        // Names from `aliases` lists that were not rows yet come last, grouped by owner in the
        // order owners were first claimed (`dict.fromkeys(alias_owners.values())`).
        var ownerOrder: [String] = []
        var seenOwners = Set<String>()
        for (_, owner) in owners where !seenOwners.contains(owner) {
            seenOwners.insert(owner)
            ownerOrder.append(owner)
        }
        for owner in ownerOrder {
            for (alias, aliasOwner) in owners where aliasOwner == owner && !written.contains(alias) {
                out.appendUnchecked(alias, servedEntry[owner] ?? .object(PythonObject()))
                written.insert(alias)
            }
        }
        return out
    }
}
