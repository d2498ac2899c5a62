import ProxyAdmin

/// A cost-map diff as lines: the summary, new models, removed models, then each changed
/// model with its fields (old → new, prices also in percent). Thousands of lines, so the
/// page asks only for the rows it shows.
enum CostMapChangeLines {
    enum Row: Equatable {
        case summary
        /// "3,410 → 4,552 models", on its own line so 80 columns do not cut it.
        case counts
        case blank
        case heading(String)
        case added(Int)
        case removed(Int)
        case changed(Int)
        case field(Int, Int)
    }

    /// The page's rows; with a `filter` (`/` on the page), only the models whose name
    /// contains it, any case, and a line saying how many matched.
    static func rows(_ diff: CostMapDiff, filter: String = "") -> [Row] {
        let needle = filter.lowercased()
        func keep(_ name: String) -> Bool { needle.isEmpty || name.lowercased().contains(needle) }
        func count(_ kept: Int, _ all: Int) -> String { needle.isEmpty ? ModelNumberText.grouped(all) : "\(ModelNumberText.grouped(kept)) of \(ModelNumberText.grouped(all))" }
        var rows: [Row] = diff.isEmpty ? [.summary] : [.summary, .counts]
        if !needle.isEmpty { rows.append(.heading("filter \"\(filter)\": models whose name contains it (Esc clears)")) }
        let added = diff.added.indices.filter { keep(diff.added[$0]) }
        if !added.isEmpty {
            rows += [.blank, .heading("New models (\(count(added.count, diff.added.count)))")]
            rows += added.map(Row.added)
        }
        let removed = diff.removed.indices.filter { keep(diff.removed[$0]) }
        if !removed.isEmpty {
            rows += [.blank, .heading("Removed models (\(count(removed.count, diff.removed.count)))")]
            rows += removed.map(Row.removed)
        }
        let changed = diff.changed.indices.filter { keep(diff.changed[$0].name) }
        if !changed.isEmpty {
            rows += [.blank, .heading("Changed models (\(count(changed.count, diff.changed.count)), \(ModelNumberText.grouped(diff.repricedCount)) re-priced)")]
            for i in changed {
                rows.append(.changed(i))
                rows += diff.changed[i].fields.indices.map { Row.field(i, $0) }
            }
        }
        if !needle.isEmpty, added.isEmpty, removed.isEmpty, changed.isEmpty {
            rows += [.blank, .heading("no changed model matches \"\(filter)\"")]
        }
        return rows
    }

    static func line(_ row: Row, _ diff: CostMapDiff, current: CostMap?) -> Line {
        switch row {
        case .summary: return [Span(diff.summary, diff.isEmpty ? .dim : .value)]  // "no change (N models)" has the count
        case .counts: return [Span(diff.counts, .dim)]
        case .blank: return []
        case .heading(let text): return [Span(text, .header)]
        case .added(let i):
            let name = diff.added[i]
            var line: Line = [Span("+ ", .diffAdded), Span(name, .diffAdded)]
            if let e = current?[name] {
                let price = [e.inputPerMillion, e.outputPerMillion].map { $0.map(ModelNumberText.price) ?? "—" }
                line.append(Span("  \(e.provider ?? "—") · in \(price[0]) / out \(price[1]) per 1M", .dim))
            }
            return line
        case .removed(let i):
            return [Span("− ", .diffRemoved), Span(diff.removed[i], .diffRemoved)]
        case .changed(let i):
            let change = diff.changed[i]
            return [Span("~ ", .diffChanged), Span(change.name, .diffChanged), Span(change.isRepriced ? "  re-priced" : "", .dim)]
        case .field(let i, let j):
            let f = diff.changed[i].fields[j]
            let key = f.key.isEmpty ? "(the entry)" : f.key
            // Per-token prices per 1M tokens, as everywhere else ($3, not 3e-06).
            let perMillion = CostMapReport.isPerToken(f.key)
            func text(_ v: JSONValue?) -> String {
                guard let v else { return "(absent)" }
                if perMillion, let n = ModelEntry.perToken(v) { return "$" + ModelNumberText.price(n * 1_000_000) }
                return ModelNumberText.value(v)
            }
            var line: Line = [Span("    \(key)\(perMillion ? " per 1M" : ""): ", .label),
                              Span(text(f.old), f.old == nil ? .dim : .diffRemoved),
                              Span(" → ", .dim),
                              Span(text(f.new), f.new == nil ? .dim : .diffAdded)]
            if let p = f.percent { line.append(Span(" (\(ModelNumberText.percent(p)))", p > 0 ? .warning : .ok)) }
            return line
        }
    }
}
