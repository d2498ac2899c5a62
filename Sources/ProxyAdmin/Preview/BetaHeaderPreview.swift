/// What a beta-header reload would do: the mapping LiteLLM will load (the source's, or its
/// bundled copy when the source is bad — a fallback the proxy reports only in its log), and
/// per provider which betas stop being forwarded, get renamed, or start being forwarded,
/// the providers the proxy's deployments use first.
public struct BetaHeaderPreview: Sendable, Equatable {
    public var source: String
    /// nil: the source loads; else why LiteLLM will fall back to its bundled copy.
    public var fallbackReason: String?
    /// synctop could not reach the source (name lookup, connection, timeout): the proxy,
    /// elsewhere in the network, may. Then nothing is known; the changes are those of a
    /// fallback, should the proxy not reach it either.
    public var notReached: String?
    /// What the reload's `providers_count` will say: every top-level key but
    /// `description` and `provider_aliases` of the file LiteLLM ends up loading.
    public var expectedProvidersCount: Int
    public var comparedWith: String
    public var providers: [ProviderChanges]
    public var addedBetas: Int
    public var removedBetas: Int

    public struct ProviderChanges: Sendable, Equatable {
        public var provider: String
        /// The proxy's deployments that take this column (model names).
        public var deployments: [String]
        public var dropped: [String]
        public var renamed: [(beta: String, to: String)]
        public var nowForwarded: [String]

        public static func == (a: Self, b: Self) -> Bool {
            a.provider == b.provider && a.deployments == b.deployments && a.dropped == b.dropped && a.nowForwarded == b.nowForwarded
                && a.renamed.map(\.beta) == b.renamed.map(\.beta) && a.renamed.map(\.to) == b.renamed.map(\.to)
        }
    }

    /// LiteLLM's `providers_count`: `_header_only` columns count too.
    public static func providersCount(_ m: BetaHeaderMapping) -> Int { m.allColumns.count }

    /// The column a deployment's betas are filtered with (1.110.2's `resolve_beta_provider`):
    /// an `anthropic` deployment on an Azure AI Foundry host takes `azure_ai`; Bedrock's
    /// Converse route takes `bedrock_converse`.
    /// The provider is the one LiteLLM routes to (`Deployment.routingProvider`), not the
    /// priced entry's.
    public static func column(for d: Deployment) -> String {
        guard let target = BetaTarget(deployment: d) else { return "anthropic" }
        return MessagesRoute.resolveBetaProvider(BetaHeaderMapping.mappingOnlyColumn(target), apiBase: target.apiBase)
    }

    /// `loaded`: the source's mapping, or why it cannot be loaded (then the bundled one
    /// applies); `before`: the mapping synctop last saw for this proxy, named by `comparedWith`.
    public static func compute(source: String, loaded: Result<BetaHeaderMapping, BetaHeaderLoadError>, bundled: BetaHeaderMapping,
                               before: BetaHeaderMapping, comparedWith: String, deployments: [Deployment]) -> BetaHeaderPreview {
        let after: BetaHeaderMapping
        var reason: String?
        var notReached: String?
        switch loaded {
        case .success(let m): after = m
        case .failure(let e):
            after = bundled
            if case .notReached = e { notReached = e.description } else { reason = e.description }
        }
        let diff = BetaHeaderDiff(from: before, to: after)
        var users: [String: [String]] = [:]
        for d in deployments { users[column(for: d), default: []].append(d.modelName) }
        var out: [ProviderChanges] = []
        for change in diff.changedColumns {
            var p = ProviderChanges(provider: change.column, deployments: users[change.column] ?? [], dropped: [], renamed: [], nowForwarded: [])
            for cell in change.cells {
                let wasSent: Bool = { if case .forwarded = cell.old { true } else if case .renamed = cell.old { true } else { false } }()
                switch cell.new {
                case .unsupported, .absent: if wasSent { p.dropped.append(cell.beta) }
                case .renamed(let to): p.renamed.append((cell.beta, to))
                case .forwarded: if !wasSent { p.nowForwarded.append(cell.beta) } else { p.renamed.append((cell.beta, cell.beta)) }
                }
            }
            if !(p.dropped.isEmpty && p.renamed.isEmpty && p.nowForwarded.isEmpty) { out.append(p) }
        }
        for removed in diff.removedColumns {
            let column = before.allColumns.first { $0.name == removed }
            out.append(ProviderChanges(provider: removed, deployments: users[removed] ?? [],
                                       dropped: column?.entries.filter { $0.mapped != nil }.map(\.beta) ?? [], renamed: [], nowForwarded: []))
        }
        // Providers the deployments use first, then the file's order.
        out = out.enumerated().sorted { ($0.element.deployments.isEmpty ? 1 : 0, $0.offset) < ($1.element.deployments.isEmpty ? 1 : 0, $1.offset) }.map(\.element)
        return BetaHeaderPreview(source: source, fallbackReason: reason, notReached: notReached, expectedProvidersCount: providersCount(after),
                                 comparedWith: comparedWith, providers: out, addedBetas: diff.addedBetas.count, removedBetas: diff.removedBetas.count)
    }

    /// After a reload that was not previewed: the proxy's `providers_count` against the
    /// source synctop reads. LiteLLM 1.110.2 answers a broken source with its bundled file's
    /// count and says so only in its log. Nil when they agree.
    public static func fallbackSuspicion(answered: Int, source: BetaHeaderMapping) -> String? {
        let expected = providersCount(source)
        guard answered != expected else { return nil }
        return "the proxy answered providers_count \(answered), the source's mapping has \(expected): it fell back to its bundled mapping "
            + "(its fetch failed; only its log says why), or it reads another source than synctop"
    }

    /// After the reload: a `providers_count` other than expected means the proxy loaded
    /// something else — with a good source, its bundled copy (the fetch failed there).
    public func check(providersCount: Int?, bundled: BetaHeaderMapping) -> String? {
        if notReached != nil, let providersCount {
            // Nothing was previewed: say what the count tells.
            return providersCount == Self.providersCount(bundled)
                ? "the proxy answered providers_count \(providersCount), its bundled mapping's: it could not read the source either and fell back (or the source has as many providers)"
                : "the proxy answered providers_count \(providersCount), not its bundled mapping's \(Self.providersCount(bundled)): it read the source synctop could not reach"
        }
        guard let providersCount, providersCount != expectedProvidersCount else { return nil }
        if fallbackReason == nil, providersCount == Self.providersCount(bundled) {
            return "the proxy answered providers_count \(providersCount), its bundled mapping's, not the source's \(expectedProvidersCount): it fell back to its bundled mapping (its fetch failed; only its log says why)"
        }
        return "the proxy answered providers_count \(providersCount), not the \(expectedProvidersCount) previewed: it loaded another file"
    }
}
