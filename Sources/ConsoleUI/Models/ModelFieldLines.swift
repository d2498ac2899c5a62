import ProxyAdmin

/// Every field of one model as the proxy holds it, one per line: nested objects and lists
/// as compact JSON, prices per token also per 1M tokens.
enum ModelFieldLines {
    /// `map`: to show a pointer row's target and the model's lifecycle first.
    static func lines(_ entry: ModelEntry, in map: CostMap? = nil) -> [Line] {
        let notes: [Line] = map.map { CostMapReport.notes(entry, in: $0).map { [Span("! ", .warning), Span($0, .warning)] } } ?? []
        if let map, let target = entry.aliasOf.flatMap({ map[$0] }), target.aliasOf == nil {
            return notes + lines(target)
        }
        return notes + fieldLines(entry)
    }

    /// Prices per 1M tokens first (what an operator checks), then every other field that
    /// is set, then the unset (`null`) ones folded into one line: LiteLLM fills a served
    /// deployment's entry with ~160 nulls.
    private static func fieldLines(_ entry: ModelEntry) -> [Line] {
        guard case .object(let fields) = entry.value else {
            return [[Span("(not an object) ", .warning), Span(entry.value.rendered(), .value)]]
        }
        let set = fields.filter { $0.1 != .null }
        let unset = fields.filter { $0.1 == .null }.map(\.0)
        let prices = set.filter { CostMapReport.isPerToken($0.0) && ModelEntry.perToken($0.1) != nil }
        let others = set.filter { !(CostMapReport.isPerToken($0.0) && ModelEntry.perToken($0.1) != nil) }
        let keyWidth = min(40, (set.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        func label(_ key: String) -> String { DisplayWidth.of(key) < keyWidth ? key.padding(keyWidth) : key + " " }
        var out: [Line] = prices.map { key, value in
            let n = ModelEntry.perToken(value) ?? 0
            return [Span(label(key), .label), Span("$\(ModelNumberText.price(n * 1_000_000)) / 1M tokens", .value), Span("  (\(value.rendered()))", .dim)]
        }
        out += others.map { key, value in [Span(label(key), .label), Span(ModelNumberText.value(value), .value)] }
        if !unset.isEmpty {
            out.append([Span("\(unset.count) field\(unset.count == 1 ? "" : "s") unset: ", .dim), Span(unset.joined(separator: ", "), .dim)])
        }
        return out
    }
}
