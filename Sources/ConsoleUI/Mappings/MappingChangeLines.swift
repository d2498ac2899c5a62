import ProxyAdmin

/// What changed between two mappings, as lines (the changes page) and as one summary (the
/// events panel and the reload's result).
enum MappingChangeLines {
    /// One line (`BetaHeaderDiff.summary`, shared with `synctop reload beta-headers`).
    static func summary(_ d: BetaHeaderDiff) -> String { d.summary }

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
