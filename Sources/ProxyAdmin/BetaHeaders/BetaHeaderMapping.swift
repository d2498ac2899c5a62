/// LiteLLM's `anthropic_beta_headers_config.json`, parsed: which beta each provider
/// receives under which name. Built by `init(parsing:)`, which validates as the proxy does.
public struct BetaHeaderMapping: Sendable, Equatable {
    /// The file's `description` text, if it is text.
    public var description: String?
    /// Every column in file order: provider columns and header-only columns.
    public private(set) var allColumns: [BetaHeaderColumn]
    /// `provider_aliases` in file order.
    public private(set) var providerAliases: [ProviderAlias]
    /// What was in the file but not understood, and left out of the model.
    public var warnings: [String]

    private var columnIndex: [ExactKey: Int] = [:]
    private var headerOnlyIndex: [ExactKey: Int] = [:]
    private var aliasIndex: [ExactKey: Int] = [:]

    /// Columns are given in file order; a header-only column has `headerOnlyProvider` set.
    public init(description: String?, columns: [BetaHeaderColumn], providerAliases: [ProviderAlias], warnings: [String] = []) {
        self.description = description
        self.allColumns = columns
        self.providerAliases = providerAliases
        self.warnings = warnings
        for (k, column) in columns.enumerated() {
            if let provider = column.headerOnlyProvider {
                headerOnlyIndex[ExactKey(provider)] = k
            } else {
                columnIndex[ExactKey(column.name)] = k
            }
        }
        for (k, alias) in providerAliases.enumerated() { aliasIndex[ExactKey(alias.alias)] = k }
    }

    public static func == (a: BetaHeaderMapping, b: BetaHeaderMapping) -> Bool {
        a.description.exactlyEquals(b.description) && a.allColumns == b.allColumns
            && a.providerAliases == b.providerAliases && a.warnings == b.warnings
    }

    // MARK: columns and providers

    /// Provider columns in file order (not the header-only ones).
    public var providerColumns: [BetaHeaderColumn] { allColumns.filter { !$0.isHeaderOnly } }

    /// `<provider>_header_only` columns in file order.
    public var headerOnlyColumns: [BetaHeaderColumn] { allColumns.filter(\.isHeaderOnly) }

    /// The table's providers: provider columns in file order, then any provider that has
    /// only a header-only column.
    public var providers: [String] {
        var names = providerColumns.map(\.name)
        for column in headerOnlyColumns {
            if let p = column.headerOnlyProvider, columnIndex[ExactKey(p)] == nil, !names.contains(where: { $0.exactlyEquals(p) }) {
                names.append(p)
            }
        }
        return names
    }

    public func column(_ provider: String) -> BetaHeaderColumn? {
        columnIndex[ExactKey(provider)].map { allColumns[$0] }
    }

    public func headerOnlyColumn(for provider: String) -> BetaHeaderColumn? {
        headerOnlyIndex[ExactKey(provider)].map { allColumns[$0] }
    }

    /// A provider of the table (a column or a header-only column names it).
    public func hasProvider(_ provider: String) -> Bool {
        columnIndex[ExactKey(provider)] != nil || headerOnlyIndex[ExactKey(provider)] != nil
    }

    /// Through `provider_aliases`, one step, as `aliases.get(provider, provider)`.
    public func resolve(provider: String) -> String {
        aliasIndex[ExactKey(provider)].map { providerAliases[$0].canonical } ?? provider
    }

    // MARK: betas and cells

    /// Every beta of every column (header-only ones too), first appearance in file order.
    public var betas: [String] {
        var seen = Set<ExactKey>()
        var out: [String] = []
        for column in allColumns {
            for entry in column.entries where seen.insert(ExactKey(entry.beta)).inserted {
                out.append(entry.beta)
            }
        }
        return out
    }

    /// `beta` on the column named `provider` (no alias resolution: the table's columns).
    public func cell(beta: String, provider: String) -> BetaCell {
        BetaCell(
            column: column(provider)?.treatment(of: beta) ?? .absent,
            headerOnly: headerOnlyColumn(for: provider).flatMap { $0.contains(beta) ? $0.treatment(of: beta) : nil }
        )
    }

    /// How many of `providers` forward `beta` in the HTTP header (renamed counts).
    public func supportCount(beta: String) -> Int {
        providers.count(where: { cell(beta: beta, provider: $0).inHeader.isSupported })
    }

    public enum BetaOrder: String, Sendable, CaseIterable {
        /// Code-point order of the beta name.
        case name
        /// Most supporting providers first, then by name.
        case support
        /// First appearance in the file.
        case file
    }

    public func betas(sortedBy order: BetaOrder) -> [String] {
        let all = betas
        switch order {
        case .file:
            return all
        case .name:
            return all.sorted { $0.precedesByCodePoint($1) }
        case .support:
            let counts = all.map { supportCount(beta: $0) }
            return zip(all, counts).sorted { a, b in
                a.1 != b.1 ? a.1 > b.1 : a.0.precedesByCodePoint(b.0)
            }.map(\.0)
        }
    }
}
