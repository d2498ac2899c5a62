/// Which models to list and in what order: a case-insensitive substring over model and
/// provider, and a sort column. Sorting happens once per column and direction; a filter
/// keystroke is then one pass over the sorted order (the issue's ≤ 5 ms per keystroke).
public struct ModelQuery: Sendable, Equatable {
    public var filter: String
    public var sort: ModelColumn
    public var descending: Bool

    public init(filter: String = "", sort: ModelColumn = .model, descending: Bool? = nil) {
        self.filter = filter
        self.sort = sort
        self.descending = descending ?? sort.descendingByDefault
    }

    /// Indices into `map.entries`, sorted and filtered.
    public func rows(of map: CostMap, sortedOrder: [Int]? = nil) -> [Int] {
        let order = sortedOrder ?? Self.order(of: map, by: sort, descending: descending)
        let needle = SearchText.folded(filter)
        if needle.isEmpty { return order }
        return order.filter { SearchText.contains(map.entries[$0].searchKey, needle) }
    }

    /// Every index, sorted; ties keep the file's order. Missing values last either way.
    public static func order(of map: CostMap, by column: ModelColumn, descending: Bool) -> [Int] {
        let e = map.entries
        return Array(e.indices).sorted { i, j in
            switch column.ordered(e[i], e[j]) {
            case nil: return i < j
            case let aFirst?:
                let aMissing = Self.isMissing(e[i], column)
                let bMissing = Self.isMissing(e[j], column)
                if aMissing != bMissing { return bMissing }
                return descending ? !aFirst : aFirst
            }
        }
    }

    static func isMissing(_ e: ModelEntry, _ column: ModelColumn) -> Bool {
        switch column {
        case .model: false
        case .provider: e.provider == nil
        case .mode: e.mode == nil
        case .input: e.inputPerMillion == nil
        case .output: e.outputPerMillion == nil
        case .maxInput: e.maxInputTokens == nil
        case .maxOutput: e.maxOutputTokens == nil
        }
    }
}
