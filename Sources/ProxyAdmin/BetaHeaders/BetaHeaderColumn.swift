/// One object of the mapping file: a provider column (`"bedrock": {...}`) or a header-only
/// column (`"vertex_ai_header_only": {...}`), entries in file order, looked up by exact
/// code points as LiteLLM's dict does.
public struct BetaHeaderColumn: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var beta: String
        /// nil for JSON `null` (unsupported).
        public var mapped: String?

        public init(beta: String, mapped: String?) {
            self.beta = beta
            self.mapped = mapped
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.beta.exactlyEquals(b.beta) && a.mapped.exactlyEquals(b.mapped)
        }
    }

    /// The key in the file: "bedrock", "vertex_ai_header_only".
    public var name: String
    /// For a header-only column, the provider it applies to ("vertex_ai"); nil for a
    /// provider column.
    public var headerOnlyProvider: String?
    public private(set) var entries: [Entry]
    private var index: [ExactKey: Int]

    /// Entries must have distinct betas (the parser already merged duplicate keys).
    public init(name: String, headerOnlyProvider: String? = nil, entries: [Entry]) {
        self.name = name
        self.headerOnlyProvider = headerOnlyProvider
        self.entries = []
        self.index = [:]
        for entry in entries {
            if let k = index[ExactKey(entry.beta)] {
                self.entries[k] = entry
            } else {
                index[ExactKey(entry.beta)] = self.entries.count
                self.entries.append(entry)
            }
        }
    }

    public var isHeaderOnly: Bool { headerOnlyProvider != nil }

    /// nil: not listed; `.some(nil)`: listed as `null`.
    public func entry(for beta: String) -> String?? {
        guard let k = index[ExactKey(beta)] else { return nil }
        return .some(entries[k].mapped)
    }

    public func contains(_ beta: String) -> Bool { index[ExactKey(beta)] != nil }

    public func treatment(of beta: String) -> BetaTreatment { BetaTreatment(beta: beta, entry: entry(for: beta)) }

    public static func == (a: BetaHeaderColumn, b: BetaHeaderColumn) -> Bool {
        a.name.exactlyEquals(b.name) && a.headerOnlyProvider.exactlyEquals(b.headerOnlyProvider) && a.entries == b.entries
    }
}

/// `"provider_aliases": {"alias": "canonical"}`.
public struct ProviderAlias: Sendable, Equatable {
    public var alias: String
    public var canonical: String

    public init(alias: String, canonical: String) {
        self.alias = alias
        self.canonical = canonical
    }

    public static func == (a: ProviderAlias, b: ProviderAlias) -> Bool {
        a.alias.exactlyEquals(b.alias) && a.canonical.exactlyEquals(b.canonical)
    }
}
