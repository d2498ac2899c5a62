/// Plain-text output of `models`, `price` and `diff`: for a terminal or a pipe, no colour,
/// one trailing newline. Lines are built for `grep` and `awk`: one model (or field) per
/// line, the value last, "-" for a missing table cell.
extension CostMapReport {
    // MARK: models

    /// A header, then one aligned row per model; numbers right-aligned.
    public static func modelsText(_ map: CostMap, rows: [Int]) -> String {
        let header = ModelColumn.allCases.map(\.title)
        let body: [[String]] = rows.map { i in
            let e = map.entries[i]
            return [
                oneLine(e.name), oneLine(e.provider ?? "-"), oneLine(e.mode ?? "-"),
                e.inputPerMillion.map(PriceText.price) ?? "-", e.outputPerMillion.map(PriceText.price) ?? "-",
                e.maxInputTokens.map(String.init) ?? "-", e.maxOutputTokens.map(String.init) ?? "-",
            ]
        }
        let rightAligned = ModelColumn.allCases.map(\.descendingByDefault)
        return table([header] + body, rightAligned: rightAligned).joined(separator: "\n") + "\n"
    }

    // MARK: price

    /// What an operator must see before the prices: a pointer row and where it points
    /// (LiteLLM 1.110.2 serves the target's entry under this name; 1.109.1 the stub as it
    /// is), and the model's lifecycle (deprecation date and source, successor).
    public static func notes(_ e: ModelEntry, in map: CostMap) -> [String] {
        var out: [String] = []
        if let target = e.aliasOf {
            if let t = map[target], t.aliasOf == nil {
                out.append("alias of \(target): LiteLLM 1.110.2 serves \(target)'s entry under this name (1.109.1 serves the stub as it is)")
            } else {
                out.append("alias of \(target), which is \(map[target] == nil ? "not in the map" : "another alias"): LiteLLM 1.110.2 drops this name")
            }
        }
        let fields = (e.aliasOf.flatMap { map[$0] } ?? e).value.objectValue ?? []
        func text(_ key: String) -> String? {
            fields.first { $0.0 == key }.flatMap { if case .string(let s) = $0.1, !s.isEmpty { s } else { nil } }
        }
        var life: [String] = []
        if let date = text("deprecation_date") { life.append("deprecated on \(date)" + (text("deprecation_source").map { " (source: \($0))" } ?? "")) }
        if let next = text("successor_model") { life.append("successor: \(next)") }
        if !life.isEmpty { out.append(life.joined(separator: "; ")) }
        return out
    }

    /// Every field as the map holds it, `key  value` per line (nested values as compact
    /// JSON), then each per-token price × 1M as a derived line.
    public static func priceText(_ e: ModelEntry) -> String {
        guard let fields = e.value.objectValue else {
            return table([["(entry)", literal(e.value)]], rightAligned: []).joined(separator: "\n") + "\n"
        }
        var rows = fields.map { [oneLine($0.0), literal($0.1)] }
        for (key, value) in fields where isPerToken(key) {
            guard let n = ModelEntry.number(value) else { continue }
            rows.append([oneLine(key) + "*1M", PriceText.price(n * 1_000_000) + "  (derived: $ per 1M tokens)"])
        }
        if rows.isEmpty { return "(no fields)\n" }
        return table(rows, rightAligned: []).joined(separator: "\n") + "\n"
    }

    /// A price per single token: "token" among the words before any "above_…" tier, and
    /// not per 1k tokens or per second (`input_cost_per_token_above_200k_tokens` yes,
    /// `input_cost_per_audio_per_second_above_128k_tokens` no).
    public static func isPerToken(_ key: String) -> Bool {
        guard key.contains("cost") else { return false }
        let words = key.split(separator: "_").prefix { $0 != "above" }
        return words.contains("token") && !words.contains("1k") && !words.contains("second")
    }

    // MARK: diff

    /// The summary, the two sides, then "+ name", "− name", and "~ name" with one
    /// indented "field: old → new (+12.5%)" line per changed field.
    public static func diffText(_ diff: CostMapDiff, old: String, new: String) -> String {
        // "no change (N models)" already gives the count.
        let counts = diff.isEmpty ? "" : " (\(diff.counts))"
        var lines = [diff.summary + counts, "\(old) → \(new)"]
        lines += diff.added.map { "+ " + oneLine($0) }
        lines += diff.removed.map { "− " + oneLine($0) }
        for change in diff.changed {
            lines.append("~ " + oneLine(change.name))
            for field in change.fields {
                var line = "  \(field.key.isEmpty ? "(entry)" : oneLine(field.key)): "
                line += (field.old.map(literal) ?? "(absent)") + " → " + (field.new.map(literal) ?? "(absent)")
                // The exact values stay (scripts compare them); per 1M beside, as everywhere else.
                if isPerToken(field.key) {
                    let m = { (v: JSONValue?) in v.flatMap(ModelEntry.number).map { "$" + PriceText.price($0 * 1_000_000) } ?? "—" }
                    line += " (\(m(field.old)) → \(m(field.new)) per 1M)"
                }
                if let p = field.percent { line += " (\(PriceText.percent(p)))" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: values

    /// A field's value for a text line: a plain string as is (quoted when it would read as
    /// a number, a boolean, null or blank), numbers as Python prints them (3e-06, 1.0),
    /// arrays and objects as compact JSON.
    public static func literal(_ v: JSONValue) -> String {
        if case .string(let s) = v, !s.isEmpty, !looksLikeNonString(s), s.trimmingSpaces.count == s.count {
            return oneLine(s)
        }
        var out = ""
        compact(v, into: &out)
        return out
    }

    private static func looksLikeNonString(_ s: String) -> Bool {
        s == "true" || s == "false" || s == "null" || Double(s) != nil
    }

    /// Compact JSON, but a double keeps its float form (1.0, not 1) as the file had it.
    private static func compact(_ v: JSONValue, into out: inout String) {
        switch v {
        case .double(let d): out += d.isFinite ? "\(d)" : "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                compact(item, into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                compact(value, into: &out)
            }
            out += "}"
        default: out += v.rendered()
        }
    }

    /// Control characters (a newline in a name would split a row) shown as "?".
    static func oneLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : $0 }))
    }

    /// Columns padded to their widest cell, two spaces apart, no trailing spaces.
    static func table(_ rows: [[String]], rightAligned: [Bool]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (k, cell) in row.enumerated() {
                if k == widths.count { widths.append(0) }
                widths[k] = max(widths[k], cell.count)
            }
        }
        return rows.map { row in
            var line = ""
            for (k, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                let right = k < rightAligned.count && rightAligned[k]
                if k > 0 { line += "  " }
                line += right ? pad + cell : (k < row.count - 1 ? cell + pad : cell)
            }
            return line
        }
    }
}
