import ProxyAdmin

/// What changed between two mappings, as lines (the changes page) and as one summary (the
/// events panel and the reload's result).
enum MappingChangeLines {
    static func summary(_ d: BetaHeaderDiff) -> String {
        if d.isEmpty { return "mapping unchanged" }
        var parts: [String] = []
        if !d.addedColumns.isEmpty { parts.append("+\(d.addedColumns.count) column(s) (\(d.addedColumns.joined(separator: ", ")))") }
        if !d.removedColumns.isEmpty { parts.append("−\(d.removedColumns.count) column(s) (\(d.removedColumns.joined(separator: ", ")))") }
        if !d.addedBetas.isEmpty { parts.append("+\(d.addedBetas.count) beta(s)") }
        if !d.removedBetas.isEmpty { parts.append("−\(d.removedBetas.count) beta(s)") }
        if d.changedCellCount > 0 {
            parts.append("\(d.changedCellCount) cell(s) changed in \(d.changedColumns.map(\.column).joined(separator: ", "))")
        }
        if !d.aliasChanges.isEmpty { parts.append("\(d.aliasChanges.count) alias change(s)") }
        if parts.isEmpty, d.descriptionChanged { parts.append("description changed") }
        return parts.joined(separator: ", ")
    }

    static func lines(_ d: BetaHeaderDiff) -> [Line] {
        var out: [Line] = [[Span(summary(d), d.isEmpty ? .dim : .value)], []]
        func section(_ title: String, _ items: [String], _ sign: String, _ role: Role) {
            guard !items.isEmpty else { return }
            out.append([Span(title, .title)])
            for item in items { out.append([Span("  \(sign) ", role), Span(item, role)]) }
            out.append([])
        }
        section("Columns added", d.addedColumns, "+", .diffAdded)
        section("Columns removed", d.removedColumns, "−", .diffRemoved)
        section("Betas added", d.addedBetas, "+", .diffAdded)
        section("Betas removed", d.removedBetas, "−", .diffRemoved)
        for column in d.changedColumns {
            out.append([Span("\(column.column): \(column.cells.count) change(s)", .title)])
            for c in column.cells {
                out.append([
                    Span("  ~ ", .diffChanged), Span(c.beta, .text), Span(": ", .dim),
                    Span(c.old.description, MappingCellText.role(c.old)), Span(" → ", .dim),
                    Span(c.new.description, MappingCellText.role(c.new)),
                ])
            }
            out.append([])
        }
        if !d.aliasChanges.isEmpty {
            out.append([Span("Provider aliases", .title)])
            for a in d.aliasChanges {
                out.append([Span("  ~ ", .diffChanged), Span("\(a.alias): \(a.old ?? "—") → \(a.new ?? "—")", .text)])
            }
            out.append([])
        }
        if d.descriptionChanged { out.append([Span("the description text changed", .dim)]) }
        return out
    }
}
