/// `--json` output of `mappings`, `check-headers` and `mappings diff`: stable key order,
/// snake_case keys, explicit nulls; callers render with `rendered(pretty:)`.
public enum BetaHeaderReport {
    // MARK: mappings

    /// The table: providers, betas with a cell per provider. With `provider` (an alias is
    /// resolved), only that provider's cells.
    public static func mappingsJSON(_ mapping: BetaHeaderMapping, provider: String? = nil, load: BetaHeaderLoad? = nil) -> JSONValue {
        let providers = selectedProviders(mapping, provider)
        var pairs: [(String, JSONValue)] = []
        if let load { pairs.append(("source", sourceJSON(load))) }
        pairs += [
            ("description", .optional(mapping.description)),
            ("providers", .array(providers.map(JSONValue.string))),
            ("provider_aliases", .object(mapping.providerAliases.map { ($0.alias, .string($0.canonical)) })),
            ("betas", .array(mapping.betas.map { beta in
                .object([
                    ("beta", .string(beta)),
                    ("supported_by", .int(mapping.supportCount(beta: beta))),
                    ("cells", .object(providers.map { ($0, cellJSON(mapping.cell(beta: beta, provider: $0))) })),
                ])
            })),
            ("warnings", .array(mapping.warnings.map(JSONValue.string))),
        ]
        return .object(pairs)
    }

    /// Where the mapping came from and whether the bundled copy stands in for it.
    public static func sourceJSON(_ load: BetaHeaderLoad) -> JSONValue {
        .object([
            ("location", .string(load.source.locationText)),
            ("origin", .string(load.source.origin.rawValue)),
            ("bundled", .bool(load.usesBundledCopy)),
            ("fallback_reason", .optional(load.failure?.description)),
        ])
    }

    /// `{"status": "renamed", "to": "x", "header_only": {"status": "forwarded"}}`; `to` and
    /// `header_only` only where they apply.
    public static func cellJSON(_ cell: BetaCell) -> JSONValue {
        var pairs = treatmentPairs(cell.column)
        if let headerOnly = cell.headerOnly { pairs.append(("header_only", .object(treatmentPairs(headerOnly)))) }
        return .object(pairs)
    }

    public static func treatmentJSON(_ treatment: BetaTreatment) -> JSONValue { .object(treatmentPairs(treatment)) }

    private static func treatmentPairs(_ treatment: BetaTreatment) -> [(String, JSONValue)] {
        if case .renamed(let name) = treatment { return [("status", .string(treatment.status)), ("to", .string(name))] }
        return [("status", .string(treatment.status))]
    }

    /// The providers to show: all, or the one asked for (resolved through aliases; none
    /// when the mapping has no such provider).
    static func selectedProviders(_ mapping: BetaHeaderMapping, _ provider: String?) -> [String] {
        guard let provider else { return mapping.providers }
        let resolved = mapping.resolve(provider: provider)
        return mapping.hasProvider(resolved) ? [resolved] : []
    }

    // MARK: check-headers

    /// `[{provider, placement, forwarded, dropped: [{beta, reason, header_only}], renamed:
    /// [{beta, to}], resolved_provider, removed}]`.
    public static func checkJSON(_ checks: [BetaHeaderCheck]) -> JSONValue {
        .array(checks.map { check in
            .object([
                ("provider", .string(check.provider)),
                ("placement", .string(check.placement.rawValue)),
                ("forwarded", .array(check.forwarded.map(JSONValue.string))),
                ("dropped", .array(check.dropped.map { dropped in
                    .object([
                        ("beta", .string(dropped.beta)),
                        ("reason", .string(dropped.reason.rawValue)),
                        ("header_only", .bool(dropped.isHeaderOnly)),
                    ])
                })),
                ("renamed", .array(check.renamed.map { .object([("beta", .string($0.beta)), ("to", .string($0.to))]) })),
                ("resolved_provider", .string(check.resolvedProvider)),
                ("removed", .bool(check.removesField)),
            ])
        })
    }

    // MARK: mappings diff

    public static func diffJSON(_ diff: BetaHeaderDiff, old: String? = nil, new: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let old { pairs.append(("old", .string(old))) }
        if let new { pairs.append(("new", .string(new))) }
        pairs += [
            ("added_betas", .array(diff.addedBetas.map(JSONValue.string))),
            ("removed_betas", .array(diff.removedBetas.map(JSONValue.string))),
            ("added_columns", .array(diff.addedColumns.map(JSONValue.string))),
            ("removed_columns", .array(diff.removedColumns.map(JSONValue.string))),
            ("changed", .array(diff.changedColumns.map { column in
                .object([
                    ("column", .string(column.column)),
                    ("cells", .array(column.cells.map { change in
                        .object([
                            ("beta", .string(change.beta)),
                            ("old", treatmentJSON(change.old)),
                            ("new", treatmentJSON(change.new)),
                        ])
                    })),
                ])
            })),
            ("provider_aliases", .array(diff.aliasChanges.map { change in
                .object([("alias", .string(change.alias)), ("old", .optional(change.old)), ("new", .optional(change.new))])
            })),
            ("description_changed", .bool(diff.descriptionChanged)),
        ]
        return .object(pairs)
    }
}
