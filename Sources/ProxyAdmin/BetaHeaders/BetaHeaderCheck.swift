/// What LiteLLM would forward to one provider for one `anthropic-beta` line: the
/// incident's question. Mirrors `filter_and_transform_beta_headers` (LiteLLM 1.109.1):
/// resolve the provider through `provider_aliases`; for the header use its column overlaid
/// by `<provider>_header_only`, for the body its column without the header-only betas;
/// drop betas not in that mapping (unknown) or mapped to null (unsupported); map the rest,
/// deduplicate and sort by code point. An empty result removes the header or field.
/// 1.110.2's `/v1/messages` adds two options (`BetaFilterOptions`): betas absent from the
/// row forwarded as sent, and the model's own betas kept as sent after the sorted list.
public struct BetaHeaderCheck: Sendable, Equatable {
    public enum DropReason: String, Sendable, Equatable {
        /// Not a key of the provider's mapping for this placement.
        case unknown
        /// Mapped to `null`.
        case unsupported
    }

    public struct Dropped: Sendable, Equatable {
        public var beta: String
        public var reason: DropReason
        /// Listed in the provider's header-only column: in the body, this is why it is unknown.
        public var isHeaderOnly: Bool

        public init(beta: String, reason: DropReason, isHeaderOnly: Bool = false) {
            self.beta = beta
            self.reason = reason
            self.isHeaderOnly = isHeaderOnly
        }

        public static func == (a: Dropped, b: Dropped) -> Bool {
            a.beta.exactlyEquals(b.beta) && a.reason == b.reason && a.isHeaderOnly == b.isHeaderOnly
        }
    }

    public struct Renamed: Sendable, Equatable {
        public var beta: String
        public var to: String

        public init(beta: String, to: String) {
            self.beta = beta
            self.to = to
        }

        public static func == (a: Renamed, b: Renamed) -> Bool { a.beta.exactlyEquals(b.beta) && a.to.exactlyEquals(b.to) }
    }

    /// As asked (possibly an alias).
    public var provider: String
    /// After `provider_aliases`.
    public var resolvedProvider: String
    public var placement: BetaPlacement
    /// The betas read from the line, in order, duplicates kept.
    public var betas: [String]
    /// What the provider receives: mapped names, deduplicated, in code-point order.
    public var forwarded: [String]
    /// Each dropped beta once, in order of first appearance.
    public var dropped: [Dropped]
    /// Each beta forwarded under another name, once, in order of first appearance.
    public var renamed: [Renamed]
    /// Whether the resolved provider has a column; without one, nothing but header-only
    /// betas (header placement) can pass.
    public var hasColumn: Bool
    /// What happened to betas absent from the row.
    public var unlisted: UnlistedBetas = .drop
    /// Absent from the row and forwarded as sent (`unlisted` is `.forward`), once each, in
    /// order of first appearance; they are sorted into `forwarded` with the rest.
    public var passedUnlisted: [String] = []
    /// The model's own betas, kept out of the filter and forwarded as sent after the sorted
    /// list, once each, in order of first appearance.
    public var kept: [String] = []

    /// Nothing left: LiteLLM removes the header (or body field) altogether.
    public var removesField: Bool { forwarded.isEmpty }

    /// The header value the provider receives (`",".join(...)`), empty when removed.
    public var forwardedLine: String { forwarded.joined(separator: ",") }

    public static func == (a: BetaHeaderCheck, b: BetaHeaderCheck) -> Bool {
        a.provider.exactlyEquals(b.provider) && a.resolvedProvider.exactlyEquals(b.resolvedProvider)
            && a.placement == b.placement && a.betas.elementsEqual(b.betas, by: { $0.exactlyEquals($1) })
            && a.forwarded.elementsEqual(b.forwarded, by: { $0.exactlyEquals($1) })
            && a.dropped == b.dropped && a.renamed == b.renamed && a.hasColumn == b.hasColumn && a.unlisted == b.unlisted
            && a.passedUnlisted.elementsEqual(b.passedUnlisted, by: { $0.exactlyEquals($1) })
            && a.kept.elementsEqual(b.kept, by: { $0.exactlyEquals($1) })
    }
}

/// `unlisted=` of LiteLLM 1.110.2's filter: a beta that is not a key of the row.
public enum UnlistedBetas: String, Sendable, Equatable {
    /// Dropped as unknown (every release; 1.110.2 when the provider filters).
    case drop
    /// Forwarded as sent (1.110.2, when only the row changed: `anthropic` on a Foundry host).
    case forward
}

/// The options 1.110.2's `update_headers_with_filtered_beta` takes besides the row.
public struct BetaFilterOptions: Sendable, Equatable {
    public var unlisted: UnlistedBetas
    /// Betas the routed model accepts, forwarded as sent whatever the row says.
    public var keep: [String]

    public init(unlisted: UnlistedBetas = .drop, keep: [String] = []) {
        self.unlisted = unlisted
        self.keep = keep
    }

    public static let plain = BetaFilterOptions()

    public static func == (a: Self, b: Self) -> Bool {
        a.unlisted == b.unlisted && a.keep.elementsEqual(b.keep, by: { $0.exactlyEquals($1) })
    }
}

extension BetaHeaderMapping {
    /// What `provider` receives for `line` in `placement`. `line` may carry a pasted
    /// `anthropic-beta:` prefix.
    public func check(line: String, provider: String, placement: BetaPlacement) -> BetaHeaderCheck {
        evaluate(betas: BetaHeaderLine.parts(line), provider: provider, placement: placement)
    }

    /// `betas` (already split) on `provider`'s row with 1.110.2's options.
    public func check(betas: [String], provider: String, placement: BetaPlacement, options: BetaFilterOptions) -> BetaHeaderCheck {
        evaluate(betas: betas, provider: provider, placement: placement, options: options)
    }

    /// `line` against every provider of the table (file order), header then body.
    public func checkAll(line: String) -> [BetaHeaderCheck] {
        let betas = BetaHeaderLine.parts(line)
        return providers.flatMap { provider in
            BetaPlacement.allCases.map { evaluate(betas: betas, provider: provider, placement: $0) }
        }
    }

    /// `filter_and_transform_beta_headers` on the betas not kept, then the kept ones as
    /// sent: `dict.fromkeys([*sorted(filtered), *kept])`.
    private func evaluate(betas: [String], provider: String, placement: BetaPlacement, options: BetaFilterOptions = .plain) -> BetaHeaderCheck {
        let resolved = resolve(provider: provider)
        let column = column(resolved)
        let headerOnly = headerOnlyColumn(for: resolved)
        let keep = Set(options.keep.map(ExactKey.init))
        var forwarded = Set<ExactKey>()
        var dropped: [BetaHeaderCheck.Dropped] = []
        var droppedSeen = Set<ExactKey>()
        var renamed: [BetaHeaderCheck.Renamed] = []
        var renamedSeen = Set<ExactKey>()
        var passed: [String] = []
        var passedSeen = Set<ExactKey>()
        var kept: [String] = []
        var keptSeen = Set<ExactKey>()
        for beta in betas {
            if keep.contains(ExactKey(beta)) {
                if keptSeen.insert(ExactKey(beta)).inserted { kept.append(beta) }
                continue
            }
            let listedHeaderOnly = headerOnly?.contains(beta) ?? false
            let cell = BetaCell(
                column: column?.treatment(of: beta) ?? .absent,
                headerOnly: listedHeaderOnly ? headerOnly?.treatment(of: beta) : nil
            )
            let treatment = cell.treatment(in: placement)
            switch treatment {
            case .forwarded:
                forwarded.insert(ExactKey(beta))
            case .renamed(let name):
                forwarded.insert(ExactKey(name))
                if renamedSeen.insert(ExactKey(beta)).inserted { renamed.append(.init(beta: beta, to: name)) }
            case .absent where options.unlisted == .forward:
                forwarded.insert(ExactKey(beta))
                if passedSeen.insert(ExactKey(beta)).inserted { passed.append(beta) }
            case .unsupported, .absent:
                if droppedSeen.insert(ExactKey(beta)).inserted {
                    let reason: BetaHeaderCheck.DropReason = treatment == .absent ? .unknown : .unsupported
                    dropped.append(.init(beta: beta, reason: reason, isHeaderOnly: listedHeaderOnly))
                }
            }
        }
        var list = forwarded.map(\.string).sorted { $0.precedesByCodePoint($1) }
        list += kept.filter { !forwarded.contains(ExactKey($0)) }
        return BetaHeaderCheck(
            provider: provider, resolvedProvider: resolved, placement: placement, betas: betas,
            forwarded: list, dropped: dropped, renamed: renamed, hasColumn: column != nil,
            unlisted: options.unlisted, passedUnlisted: passed, kept: kept
        )
    }
}
