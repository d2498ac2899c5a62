/// What a cost-map reload would do, worked out before it is sent: the file the proxy will
/// fetch, whether LiteLLM will accept it, and its diff against the map the proxy serves,
/// anomalies first — what the operator would regret after the fact.
public struct CostMapPreview: Sendable, Equatable {
    public var sourceURL: String
    /// The release whose rules were applied, and whether it was guessed from the answers.
    public var version: String
    public var versionGuessed: Bool
    public var verdict: CostMapValidation.Verdict
    public var fileEntries: Int
    public var aliasRows: Int
    public var diff: Counts
    public var anomalies: [Anomaly]
    /// The deployments the anomalies were checked against (0: /model/info unreadable).
    public var deploymentsChecked: Int
    public var deploymentsError: String?

    public struct Counts: Sendable, Equatable, Codable {
        public var added: Int, removed: Int, repriced: Int, otherChanged: Int
        public var oldCount: Int, newCount: Int

        public init(_ d: CostMapDiff) {
            added = d.added.count
            removed = d.removed.count
            repriced = d.repricedCount
            otherChanged = d.changed.count - d.repricedCount
            oldCount = d.oldCount
            newCount = d.newCount
        }

        /// "+376 new, −1,519 removed, 762 re-priced, 1,851 other changes" (zero parts left out).
        public var summary: String {
            var parts: [String] = []
            if added > 0 { parts.append("+\(ModelNumberText.grouped(added)) new") }
            if removed > 0 { parts.append("−\(ModelNumberText.grouped(removed)) removed") }
            if repriced > 0 { parts.append("\(ModelNumberText.grouped(repriced)) re-priced") }
            if otherChanged > 0 { parts.append("\(ModelNumberText.grouped(otherChanged)) other change\(otherChanged == 1 ? "" : "s")") }
            return parts.isEmpty ? "no change (\(ModelNumberText.grouped(newCount)) models)" : parts.joined(separator: ", ")
        }
    }

    public struct Anomaly: Sendable, Equatable {
        public enum Kind: String, Sendable, Codable {
            case lostEntry = "lost_entry", lostPrice = "lost_price", priceJump = "price_jump", priceZero = "price_zero", contextShrinks = "context_shrinks"
        }
        public var kind: Kind
        public var model: String
        /// The deployments (model names) priced by this entry: served models come first.
        public var deployments: [String]
        public var text: String
    }

    public var refused: Bool { if case .refused = verdict { true } else { false } }

    /// A price that moves by this factor or more, either way, is an anomaly.
    public static let jumpFactor = 10.0

    /// `served`: the proxy's map (catalog only where the proxy can say so); `file`: the raw
    /// file as fetched; `deployments`: `/model/info`.
    public static func compute(sourceURL: String, served: CostMap, file: CostMap, deployments: [Deployment],
                               deploymentsError: String? = nil, version: String, versionGuessed: Bool,
                               proxyModelCount: Int? = nil) -> CostMapPreview {
        // LiteLLM keeps `fallback_generalizations` out of the map it serves.
        let resolved = CostMap(entries: AliasRows.served(file, version: version).entries.filter { !$0.name.exactlyEquals(CostMap.generalizationsKey) },
                               hasSampleSpec: file.hasSampleSpec)
        // Run-time registrations are not in any file: one entry per deployment id, and `{}`
        // for a deployment whose model the catalog lacks.
        let runtime = Set(deployments.compactMap(\.id)) .union(deployments.filter { served[$0.model].map { $0.raw == Array("{}".utf8) } ?? false }.map(\.model))
        let catalog = runtime.isEmpty ? served : CostMap(entries: served.entries.filter { !runtime.contains($0.name) }, hasSampleSpec: served.hasSampleSpec)
        let diff = CostMapDiff(old: catalog, new: resolved)
        var byKey: [String: [String]] = [:]
        for d in deployments { if let key = d.catalogKey { byKey[key, default: []].append(d.modelName) } }
        var anomalies: [Anomaly] = []
        for (key, names) in byKey.sorted(by: { $0.key < $1.key }) {
            guard let old = catalog[key] else { continue }
            guard let new = resolved[key] else {
                anomalies.append(Anomaly(kind: .lostEntry, model: key, deployments: names,
                                         text: "\(subjects(names)) priced by \(key), which the new file does not have: its spend would be recorded as 0"))
                continue
            }
            if (old.inputPerMillion != nil || old.outputPerMillion != nil), new.inputPerMillion == nil, new.outputPerMillion == nil {
                anomalies.append(Anomaly(kind: .lostPrice, model: key, deployments: names,
                                         text: "\(subjects(names)) priced by \(key), which loses its prices: its spend would be recorded as 0"))
            }
        }
        for change in diff.changed {
            guard let old = catalog[change.name], let new = resolved[change.name] else { continue }
            let names = byKey[change.name] ?? []
            for (label, o, n) in [("input", old.inputPerMillion, new.inputPerMillion), ("output", old.outputPerMillion, new.outputPerMillion)] {
                guard let o, let n, o != n else { continue }
                if n == 0, o > 0 {
                    anomalies.append(Anomaly(kind: .priceZero, model: change.name, deployments: names,
                                             text: "\(change.name): \(label) price $\(ModelNumberText.price(o)) → $0.00 per 1M tokens\(servedSuffix(names))"))
                } else if o > 0, n > 0, max(n / o, o / n) >= jumpFactor {
                    let factor = n > o ? "×\(PriceText.price(PriceText.rounded(n / o, significantDigits: 3)))" : "÷\(PriceText.price(PriceText.rounded(o / n, significantDigits: 3)))"
                    anomalies.append(Anomaly(kind: .priceJump, model: change.name, deployments: names,
                                             text: "\(change.name): \(label) price \(factor), $\(ModelNumberText.price(o)) → $\(ModelNumberText.price(n)) per 1M tokens\(servedSuffix(names))"))
                }
            }
            if let o = old.maxInputTokens, let n = new.maxInputTokens, n < o {
                anomalies.append(Anomaly(kind: .contextShrinks, model: change.name, deployments: names,
                                         text: "\(change.name): context window shrinks \(ModelNumberText.grouped(o)) → \(ModelNumberText.grouped(n)) input tokens\(servedSuffix(names))"))
            }
        }
        // Served models first, then by kind (entries lost before prices moved), then name.
        let order: [Anomaly.Kind] = [.lostEntry, .lostPrice, .priceZero, .priceJump, .contextShrinks]
        anomalies.sort {
            ($0.deployments.isEmpty ? 1 : 0, order.firstIndex(of: $0.kind)!, $0.model) < ($1.deployments.isEmpty ? 1 : 0, order.firstIndex(of: $1.kind)!, $1.model)
        }
        // The totals as the proxy's `model_count` gives them (the header's "Models"): its
        // run-time registrations count before the reload and again after it. The dashboard
        // said "Models 3,412" above a preview of "3,410 → 4,552 models" for one map.
        // `proxyModelCount`: the source endpoint's `model_count`, when the served map was
        // asked for with `catalog_only` and so lacks the registrations.
        // After the reload the Router registers again: one entry per deployment id, and `{}`
        // under the deployment's model for each one the new file lacks (the simulator's
        // RuntimeRegistrations has LiteLLM's rule). Without deployments, as many as before.
        var counts = Counts(diff)
        let before = proxyModelCount ?? served.modelCount
        counts.oldCount = before
        if deployments.isEmpty {
            counts.newCount = diff.newCount + max(0, before - catalog.modelCount)
        } else {
            let ids = Set(deployments.compactMap(\.id)).count
            let unknown = Set(deployments.filter { d in d.catalogKey.map { resolved[$0] == nil } == true && resolved[d.model] == nil }.map(\.model)).count
            counts.newCount = diff.newCount + ids + unknown
        }
        return CostMapPreview(sourceURL: sourceURL, version: version, versionGuessed: versionGuessed,
                              verdict: CostMapValidation.check(entries: CostMapValidation.countedEntries(file), version: version),
                              fileEntries: CostMapValidation.countedEntries(file),
                              aliasRows: file.entries.count { AliasRows.target(of: $0) != nil },
                              diff: counts, anomalies: anomalies, deploymentsChecked: deployments.count, deploymentsError: deploymentsError)
    }

    private static func subjects(_ names: [String]) -> String {
        names.count == 1 ? "deployment \(names[0]) is" : "deployments \(names.joined(separator: ", ")) are"
    }

    private static func servedSuffix(_ names: [String]) -> String {
        names.isEmpty ? "" : " — served as \(names.joined(separator: ", "))"
    }

    /// After the reload: the same counts, or what differs ("previewed +376/−1519, happened +375/−1517").
    public func compare(with happened: Counts) -> String {
        if happened.added == diff.added, happened.removed == diff.removed, happened.repriced == diff.repriced {
            return "as previewed (\(happened.summary))"
        }
        return "not as previewed: previewed \(diff.summary); happened \(happened.summary) (the file changed in between, or the proxy fetched other bytes)"
    }
}
