import ProxyAdmin

/// A cost-map diff as lines: the summary, new models, removed models, then each changed
/// model with its fields (old → new, prices also in percent). Thousands of lines, so the
/// page asks only for the rows it shows.
enum CostMapChangeLines {
    enum Row: Equatable {
        case summary
        case blank
        case heading(String)
        case added(Int)
        case removed(Int)
        case changed(Int)
        case field(Int, Int)
    }

    static func rows(_ diff: CostMapDiff) -> [Row] {
        var rows: [Row] = [.summary]
        if !diff.added.isEmpty {
            rows += [.blank, .heading("New models (\(diff.added.count))")]
            rows += diff.added.indices.map(Row.added)
        }
        if !diff.removed.isEmpty {
            rows += [.blank, .heading("Removed models (\(diff.removed.count))")]
            rows += diff.removed.indices.map(Row.removed)
        }
        if !diff.changed.isEmpty {
            rows += [.blank, .heading("Changed models (\(diff.changed.count), \(diff.repricedCount) re-priced)")]
            for (i, change) in diff.changed.enumerated() {
                rows.append(.changed(i))
                rows += change.fields.indices.map { Row.field(i, $0) }
            }
        }
        return rows
    }

    static func line(_ row: Row, _ diff: CostMapDiff, current: CostMap?) -> Line {
        switch row {
        case .summary: return [Span(diff.summary, diff.isEmpty ? .dim : .value), Span("  (\(diff.oldCount) → \(diff.newCount) models)", .dim)]
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
            var line: Line = [Span("    \(key): ", .label),
                              Span(f.old.map { $0.rendered() } ?? "(absent)", f.old == nil ? .dim : .diffRemoved),
                              Span(" → ", .dim),
                              Span(f.new.map { $0.rendered() } ?? "(absent)", f.new == nil ? .dim : .diffAdded)]
            if let p = f.percent { line.append(Span(" (\(ModelNumberText.percent(p)))", p > 0 ? .warning : .ok)) }
            return line
        }
    }
}
