import ProxyAdmin

/// Every field of one model as the proxy holds it, one per line: nested objects and lists
/// as compact JSON, prices per token also per 1M tokens.
enum ModelFieldLines {
    static func lines(_ entry: ModelEntry) -> [Line] {
        guard case .object(let fields) = entry.value else {
            return [[Span("(not an object) ", .warning), Span(entry.value.rendered(), .value)]]
        }
        let keyWidth = min(40, (fields.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        return fields.map { key, value in
            let label = DisplayWidth.of(key) < keyWidth ? key.padding(keyWidth) : key + " "
            var line: Line = [Span(label, .label), Span(value.rendered(), .value)]
            // Per-token prices ("input_cost_per_token", "cache_read_input_token_cost") also per 1M.
            if CostMapReport.isPerToken(key), let n = ModelEntry.perToken(value) {
                line.append(Span("  ($\(ModelNumberText.price(n * 1_000_000)) / 1M tokens)", .dim))
            }
            return line
        }
    }
}
