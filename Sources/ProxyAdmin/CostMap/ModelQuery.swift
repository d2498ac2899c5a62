/// Which models to list and in what order: a case-insensitive substring over model and
/// provider, and a sort column. Sorting happens once per column and direction (the view
/// keeps the order); a filter keystroke is then one pass over it (≤ 5 ms, issue 5).
public struct ModelQuery: Sendable, Equatable {
    public var filter: String
    public var sort: ModelColumn
    public var descending: Bool

    public init(filter: String = "", sort: ModelColumn = .model, descending: Bool? = nil) {
        self.filter = filter
        self.sort = sort
        self.descending = descending ?? sort.descendingByDefault
    }

    /// Indices into `map.entries`, sorted and filtered. Pass `sortedOrder` (from `order`)
    /// to skip the sort.
    public func rows(of map: CostMap, sortedOrder: [Int]? = nil) -> [Int] {
        let order = sortedOrder ?? Self.order(of: map, by: sort, descending: descending)
        let needle = SearchText.folded(filter)
        if needle.isEmpty { return order }
        return order.filter { SearchText.contains(map.entries[$0].searchKey, needle) }
    }

    /// Every index, sorted; ties keep the file's order; missing values last either way.
    /// Keys are computed once per entry, not per comparison.
    public static func order(of map: CostMap, by column: ModelColumn, descending: Bool) -> [Int] {
        let e = map.entries
        switch column {
        // LiteLLM's own entries per deployment (named by a 64-hex id) after every named model.
        case .model: return sorted(e.map { isDeploymentID($0.name) ? nil : SortText($0.name) }, descending)
        case .provider: return sorted(e.map { $0.provider.map(SortText.init) }, descending)
        case .mode: return sorted(e.map { $0.mode.map(SortText.init) }, descending)
        case .input: return sorted(e.map(\.inputPerMillion), descending)
        case .output: return sorted(e.map(\.outputPerMillion), descending)
        case .maxInput: return sorted(e.map(\.maxInputTokens), descending)
        case .maxOutput: return sorted(e.map(\.maxOutputTokens), descending)
        }
    }

    /// A deployment id as LiteLLM names its run-time entries: 64 lowercase hex digits.
    public static func isDeploymentID(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func sorted<K: Comparable>(_ keys: [K?], _ descending: Bool) -> [Int] {
        keys.indices.sorted { i, j in
            switch (keys[i], keys[j]) {
            case (nil, nil): return i < j
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?):
                if a == b { return i < j }
                return descending ? b < a : a < b
            }
        }
    }
}

/// Case-insensitive (ASCII) text order, exact code points breaking ties.
struct SortText: Comparable {
    let folded: [UInt8]
    let exact: String

    init(_ s: String) {
        folded = SearchText.folded(s)
        exact = s
    }

    static func == (a: SortText, b: SortText) -> Bool { a.exact.exactlyEquals(b.exact) }

    static func < (a: SortText, b: SortText) -> Bool {
        if a.folded != b.folded { return a.folded.lexicographicallyPrecedes(b.folded) }
        return a.exact.precedesByCodePoint(b.exact)
    }
}
