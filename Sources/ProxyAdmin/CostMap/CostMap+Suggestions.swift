extension CostMap {
    /// Names close to one that is not in the map, for "did you mean": those containing it
    /// (case-insensitive, version separators taken as one, the name equal to it first); failing that, those containing its part after the last "/"
    /// ("anthropic/claude-x" finds "claude-x"); failing that, those containing every word of
    /// it; failing that, punctuation ignored ("gpt4o" finds "gpt-4o"). Version separators
    /// taken as one: `.`, `@`, `_`, `:` as `-`. Shortest first (the closest to what was
    /// typed), then A→Z; at most `limit`.
    public func suggestions(for query: String, limit: Int = 10) -> [String] {
        let folded: (String) -> [UInt8] = SearchText.folded
        let lettersAndDigits: (String) -> [UInt8] = { folded(String($0.filter { $0.isLetter || $0.isNumber })) }
        // `claude-sonnet-4.5` is `claude-sonnet-4-5`, `claude-3-5-sonnet@20240620` is `…-20240620`:
        // the map spells versions with `-`, users with `.`, `@`, `_` or `:`.
        let separators: (String) -> [UInt8] = { folded(String($0.map { ".@_:".contains($0) ? "-" : $0 })) }
        let bare = query.split(separator: "/").last.map(String.init) ?? query
        // No literal try before the separators one: the real map spells one model both ways
        // (`github_copilot/claude-sonnet-4.5`, `claude-sonnet-4-5`), and a literal hit hid
        // the entry the user meant. Taking separators as one finds the literal hits too.
        let tries: [(needles: [[UInt8]], form: (String) -> [UInt8])] = [
            ([separators(query)], separators),
            ([separators(bare)], separators),
            (query.split(separator: "/").last.map { [folded(String($0))] } ?? [], folded),
            (query.split { !($0.isLetter || $0.isNumber) }.filter { $0.count >= 2 }.map { folded(String($0)) }, folded),
            ([lettersAndDigits(query)], lettersAndDigits),
        ]
        for (needles, form) in tries where !needles.isEmpty && !needles.allSatisfy(\.isEmpty) {
            let found = entries.filter { e in
                let name = form(e.name)
                return needles.allSatisfy { SearchText.contains(name, $0) }
            }
            if !found.isEmpty {
                // The name that is the query (separators aside) first, then the shortest.
                let exact = Set(found.map(\.name).filter { name in needles.count == 1 && form(name) == needles[0] })
                return found.map(\.name)
                    .sorted { a, b in
                        if exact.contains(a) != exact.contains(b) { return exact.contains(a) }
                        return a.utf8.count != b.utf8.count ? a.utf8.count < b.utf8.count : a.precedesByCodePoint(b)
                    }
                    .prefix(limit).map { $0 }
            }
        }
        return []
    }
}
