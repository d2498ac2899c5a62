/// `--json` output of `models`, `price` and `diff`: stable key order, snake_case keys,
/// explicit nulls; callers render with `rendered(pretty:)`. Prices per 1M tokens are
/// rounded (`PriceText.rounded`) so float noise never reaches a script.
public enum CostMapReport {
    // MARK: models

    /// `{"proxy", "total", "count", "filter", "sort", "descending", "models": [row]}`.
    public static func modelsJSON(_ map: CostMap, rows: [Int], query: ModelQuery, proxy: String) -> JSONValue {
        .object([
            ("proxy", .string(proxy)),
            ("total", .int(map.modelCount)),
            ("count", .int(rows.count)),
            ("filter", .string(query.filter)),
            ("sort", .string(query.sort.rawValue)),
            ("descending", .bool(query.descending)),
            ("models", .array(rows.map { rowJSON(map.entries[$0]) })),
        ])
    }

    /// The table's columns for one model; a missing or unreadable value is null.
    public static func rowJSON(_ e: ModelEntry) -> JSONValue {
        .object(rowPairs(e))
    }

    private static func rowPairs(_ e: ModelEntry) -> [(String, JSONValue)] {
        [
            ("model", .string(e.name)),
            ("provider", .optional(e.provider)),
            ("mode", .optional(e.mode)),
            ("input_per_million", price(e.inputPerMillion)),
            ("output_per_million", price(e.outputPerMillion)),
            ("max_input_tokens", .optional(e.maxInputTokens)),
            ("max_output_tokens", .optional(e.maxOutputTokens)),
        ]
    }

    static func price(_ d: Double?) -> JSONValue { d.map { .double(PriceText.rounded($0)) } ?? .null }

    // MARK: price

    /// The table's columns, then `"entry"`: every field exactly as the map holds it.
    public static func priceJSON(_ e: ModelEntry, proxy: String) -> JSONValue {
        .object([("proxy", .string(proxy))] + rowPairs(e) + [("entry", e.value)])
    }

    // MARK: diff

    /// `{"old", "new", "summary", "old_count", "new_count", "counts": {added, removed,
    /// changed, repriced}, "added": [name], "removed": [name], "changed": [{"model",
    /// "repriced", "fields": [{"field", "old", "new", "percent"}]}]}`; a field missing on
    /// one side is null there. `prefix` goes first (`diff --since-last` adds the proxy).
    public static func diffJSON(_ diff: CostMapDiff, old: String, new: String, prefix: [(String, JSONValue)] = []) -> JSONValue {
        .object(prefix + [
            ("old", .string(old)),
            ("new", .string(new)),
            ("summary", .string(diff.summary)),
            ("old_count", .int(diff.oldCount)),
            ("new_count", .int(diff.newCount)),
            ("counts", .object([
                ("added", .int(diff.added.count)),
                ("removed", .int(diff.removed.count)),
                ("changed", .int(diff.changed.count)),
                ("repriced", .int(diff.repricedCount)),
            ])),
            ("added", .array(diff.added.map(JSONValue.string))),
            ("removed", .array(diff.removed.map(JSONValue.string))),
            ("changed", .array(diff.changed.map { change in
                .object([
                    ("model", .string(change.name)),
                    ("repriced", .bool(change.isRepriced)),
                    ("fields", .array(change.fields.map { field in
                        .object([
                            ("field", .string(field.key)),
                            ("old", field.old ?? .null),
                            ("new", field.new ?? .null),
                            ("percent", field.percent.map { .double(PriceText.rounded($0)) } ?? .null),
                        ])
                    })),
                ])
            })),
        ])
    }
}
