/// What LiteLLM would forward to one provider for one `anthropic-beta` line: the
/// incident's question. Mirrors `filter_and_transform_beta_headers` (LiteLLM 1.109.1):
/// resolve the provider through `provider_aliases`; for the header use its column overlaid
/// by `<provider>_header_only`, for the body its column without the header-only betas;
/// drop betas not in that mapping (unknown) or mapped to null (unsupported); map the rest,
/// deduplicate and sort by code point. An empty result removes the header or field.
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

    /// Nothing left: LiteLLM removes the header (or body field) altogether.
    public var removesField: Bool { forwarded.isEmpty }

    /// The header value the provider receives (`",".join(...)`), empty when removed.
    public var forwardedLine: String { forwarded.joined(separator: ",") }

    public static func == (a: BetaHeaderCheck, b: BetaHeaderCheck) -> Bool {
        a.provider.exactlyEquals(b.provider) && a.resolvedProvider.exactlyEquals(b.resolvedProvider)
            && a.placement == b.placement && a.betas.elementsEqual(b.betas, by: { $0.exactlyEquals($1) })
            && a.forwarded.elementsEqual(b.forwarded, by: { $0.exactlyEquals($1) })
            && a.dropped == b.dropped && a.renamed == b.renamed && a.hasColumn == b.hasColumn
    }
}

extension BetaHeaderMapping {
    /// What `provider` receives for `line` in `placement`. `line` may carry a pasted
    /// `anthropic-beta:` prefix.
    public func check(line: String, provider: String, placement: BetaPlacement) -> BetaHeaderCheck {
        evaluate(betas: BetaHeaderLine.parts(line), provider: provider, placement: placement)
    }

    /// `line` against every provider of the table (file order), header then body.
    public func checkAll(line: String) -> [BetaHeaderCheck] {
        let betas = BetaHeaderLine.parts(line)
        return providers.flatMap { provider in
            BetaPlacement.allCases.map { evaluate(betas: betas, provider: provider, placement: $0) }
        }
    }

    private func evaluate(betas: [String], provider: String, placement: BetaPlacement) -> BetaHeaderCheck {
        let resolved = resolve(provider: provider)
        let column = column(resolved)
        let headerOnly = headerOnlyColumn(for: resolved)
        var forwarded = Set<ExactKey>()
        var dropped: [BetaHeaderCheck.Dropped] = []
        var droppedSeen = Set<ExactKey>()
        var renamed: [BetaHeaderCheck.Renamed] = []
        var renamedSeen = Set<ExactKey>()
        for beta in betas {
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
            case .unsupported, .absent:
                if droppedSeen.insert(ExactKey(beta)).inserted {
                    let reason: BetaHeaderCheck.DropReason = treatment == .absent ? .unknown : .unsupported
                    dropped.append(.init(beta: beta, reason: reason, isHeaderOnly: listedHeaderOnly))
                }
            }
        }
        return BetaHeaderCheck(
            provider: provider, resolvedProvider: resolved, placement: placement, betas: betas,
            forwarded: forwarded.map(\.string).sorted { $0.precedesByCodePoint($1) },
            dropped: dropped, renamed: renamed, hasColumn: column != nil
        )
    }
}
