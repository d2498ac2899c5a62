/// Plain-text output of the one-shot commands: for a terminal or a pipe, no colour, no
/// cursor control, one trailing newline.
extension BetaHeaderReport {
    // MARK: mappings

    /// The whole table (betas × providers) with a legend, renamed targets numbered below;
    /// with `provider`, one provider's cells spelled out instead.
    public static func mappingsText(_ mapping: BetaHeaderMapping, provider: String? = nil, load: BetaHeaderLoad? = nil) -> String {
        var lines: [String] = []
        if let load { lines.append("source: \(load.summary)") }
        if let provider {
            lines += providerLines(mapping, provider: provider)
        } else {
            lines += tableLines(mapping)
        }
        if !mapping.warnings.isEmpty {
            lines.append("")
            lines.append("not understood, ignored:")
            lines += mapping.warnings.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func tableLines(_ mapping: BetaHeaderMapping) -> [String] {
        let providers = mapping.providers
        let betas = mapping.betas
        var targets: [String] = []
        func number(_ name: String) -> Int {
            if let k = targets.firstIndex(where: { $0.exactlyEquals(name) }) { return k + 1 }
            targets.append(name)
            return targets.count
        }
        let cells: [[String]] = betas.map { beta in
            providers.map { provider in
                let cell = mapping.cell(beta: beta, provider: provider)
                let text: String =
                    switch cell.inHeader {
                    case .forwarded: "yes"
                    case .renamed(let name): "→\(number(name))"
                    case .unsupported: "null"
                    case .absent: "-"
                    }
                return cell.isHeaderOnly ? text + " H" : text
            }
        }
        var lines = [
            "\(betas.count) betas × \(providers.count) providers",
            "yes forwarded · →N forwarded renamed (names below) · null unsupported · - unknown (dropped) · H header-only",
            "",
        ]
        let header = ["beta"] + providers
        let rows = zip(betas, cells).map { [$0] + $1 }
        lines += aligned([header] + rows)
        if !targets.isEmpty {
            lines.append("")
            lines.append("renamed to:")
            lines += targets.enumerated().map { "  →\($0.offset + 1) \($0.element)" }
        }
        let headerOnly = mapping.headerOnlyColumns
        if !headerOnly.isEmpty {
            lines.append("")
            lines.append("header-only (sent in the anthropic-beta header, dropped from the anthropic_beta body field):")
            for column in headerOnly {
                lines.append("  \(column.headerOnlyProvider ?? column.name): " + column.entries.map(\.beta).joined(separator: ", "))
            }
        }
        if !mapping.providerAliases.isEmpty {
            lines.append("")
            lines.append("provider aliases:")
            lines += mapping.providerAliases.map { "  \($0.alias) → \($0.canonical)" }
        }
        return lines
    }

    private static func providerLines(_ mapping: BetaHeaderMapping, provider: String) -> [String] {
        let resolved = mapping.resolve(provider: provider)
        let name = resolved.exactlyEquals(provider) ? provider : "\(provider) (alias of \(resolved))"
        guard mapping.hasProvider(resolved) else {
            return ["\(name): no column in this mapping, so LiteLLM forwards no beta to it",
                    "providers: " + mapping.providers.joined(separator: ", ")]
        }
        let betas = mapping.betas
        let cells = betas.map { mapping.cell(beta: $0, provider: resolved) }
        let supported = cells.count(where: { $0.inHeader.isSupported })
        var lines = ["\(name): \(supported) of \(betas.count) betas forwarded", ""]
        let rows: [[String]] = zip(betas, cells).map { beta, cell in
            var text = cell.column.description
            if let headerOnly = cell.headerOnly {
                text = cell.column == .absent ? "header-only, \(headerOnly.description)" : "\(text); header-only, \(headerOnly.description)"
                if headerOnly.isSupported { text += " (dropped from the body field)" }
            }
            return [beta, text]
        }
        lines += aligned([["beta", resolved]] + rows)
        return lines
    }

    // MARK: check-headers

    /// One block per check: what is forwarded (or that the header is removed), then the
    /// renamed and dropped betas.
    public static func checkText(_ checks: [BetaHeaderCheck]) -> String {
        var lines: [String] = []
        if let first = checks.first {
            lines.append(first.betas.isEmpty ? "no betas in the line" : "betas: " + first.betas.joined(separator: ", "))
        }
        for check in checks {
            let who = check.resolvedProvider.exactlyEquals(check.provider)
                ? check.provider : "\(check.provider) → \(check.resolvedProvider)"
            let field = check.placement == .header ? "the anthropic-beta header" : "the anthropic_beta body field"
            if check.removesField {
                let why = check.hasColumn ? "nothing left" : "no column for \(check.resolvedProvider): LiteLLM forwards nothing"
                lines.append("\(who), \(check.placement.rawValue): removes \(field) (\(why))")
            } else {
                lines.append("\(who), \(check.placement.rawValue): \(check.forwardedLine)")
            }
            if !check.renamed.isEmpty {
                lines.append("  renamed  " + check.renamed.map { "\($0.beta) → \($0.to)" }.joined(separator: ", "))
            }
            if !check.dropped.isEmpty {
                lines.append("  dropped  " + check.dropped.map { dropped in
                    let reason = dropped.isHeaderOnly && dropped.reason == .unknown ? "header-only" : dropped.reason.rawValue
                    return "\(dropped.beta) (\(reason))"
                }.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: mappings diff

    public static func diffText(_ diff: BetaHeaderDiff, old: String, new: String) -> String {
        var lines = ["\(old) → \(new)"]
        if diff.isEmpty {
            lines.append(diff.descriptionChanged ? "no mapping changes (only the description changed)" : "no changes")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            "betas: \(diff.addedBetas.count) added, \(diff.removedBetas.count) removed · "
                + "columns: \(diff.addedColumns.count) added, \(diff.removedColumns.count) removed · "
                + "\(diff.changedCellCount) mappings changed in \(diff.changedColumns.count) columns"
        )
        func list(_ title: String, _ items: [String]) {
            if !items.isEmpty { lines.append("\(title): " + items.joined(separator: ", ")) }
        }
        list("added betas", diff.addedBetas)
        list("removed betas", diff.removedBetas)
        list("added columns", diff.addedColumns)
        list("removed columns", diff.removedColumns)
        for column in diff.changedColumns {
            lines.append("")
            lines.append("\(column.column): \(column.cells.count) changed")
            lines += aligned(column.cells.map { ["  " + $0.beta, "\($0.old) → \($0.new)"] })
        }
        if !diff.aliasChanges.isEmpty {
            lines.append("")
            lines.append("provider aliases:")
            for change in diff.aliasChanges {
                lines.append("  \(change.alias): \(change.old ?? "(none)") → \(change.new ?? "(none)")")
            }
        }
        if diff.descriptionChanged { lines.append("description changed") }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: layout

    /// Columns padded to their widest cell (in characters), two spaces apart, no
    /// trailing spaces.
    static func aligned(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (k, cell) in row.enumerated() {
                line += cell
                if k < row.count - 1 { line += String(repeating: " ", count: widths[k] - cell.count + 2) }
            }
            return line
        }
    }
}
