/// `/` while a diff is open: the diff's items whose text contains the filter (any case),
/// under their headings; a heading with no item left goes, the summary line stays. Items
/// are the indented lines ("  + name", "  ~ beta: a → b"), headings the others.
enum DiffFilter {
    static func apply(_ lines: [Line], _ filter: String) -> [Line] {
        let needle = filter.lowercased()
        guard !needle.isEmpty, let summary = lines.first else { return lines }
        var out: [Line] = [summary]
        var heading: Line?
        var matched = 0
        for line in lines.dropFirst() where !line.isEmpty {
            let text = line.map(\.text).joined()
            guard text.hasPrefix("  ") else {
                heading = line
                continue
            }
            guard text.lowercased().contains(needle) else { continue }
            if let h = heading {
                out += [[], h]
                heading = nil
            }
            out.append(line)
            matched += 1
        }
        out.insert([Span(matched == 0 ? "no change matches \"\(filter)\" (Esc clears the filter)" : "\(matched) change(s) match \"\(filter)\"", .dim)], at: 1)
        return out
    }
}
