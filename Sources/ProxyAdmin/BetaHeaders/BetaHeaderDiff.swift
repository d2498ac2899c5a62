/// What changed between two mappings (before and after a reload, bundled vs current, two
/// files). Columns are compared by name, header-only columns like any other, so a new
/// `vertex_ai_header_only` is an added column; cells only within columns both sides have.
public struct BetaHeaderDiff: Sendable, Equatable {
    public struct CellChange: Sendable, Equatable {
        public var beta: String
        public var old: BetaTreatment
        public var new: BetaTreatment

        public init(beta: String, old: BetaTreatment, new: BetaTreatment) {
            self.beta = beta
            self.old = old
            self.new = new
        }

        public static func == (a: CellChange, b: CellChange) -> Bool {
            a.beta.exactlyEquals(b.beta) && a.old == b.old && a.new == b.new
        }
    }

    public struct ColumnChanges: Sendable, Equatable {
        /// The column's key ("databricks", "vertex_ai_header_only").
        public var column: String
        /// In the new column's order, then betas only the old column had.
        public var cells: [CellChange]

        public init(column: String, cells: [CellChange]) {
            self.column = column
            self.cells = cells
        }

        public static func == (a: ColumnChanges, b: ColumnChanges) -> Bool {
            a.column.exactlyEquals(b.column) && a.cells == b.cells
        }
    }

    public struct AliasChange: Sendable, Equatable {
        public var alias: String
        /// nil: the alias did not exist on that side.
        public var old: String?
        public var new: String?

        public init(alias: String, old: String?, new: String?) {
            self.alias = alias
            self.old = old
            self.new = new
        }

        public static func == (a: AliasChange, b: AliasChange) -> Bool {
            a.alias.exactlyEquals(b.alias) && a.old.exactlyEquals(b.old) && a.new.exactlyEquals(b.new)
        }
    }

    /// Betas of the new mapping (any column) that the old one did not have, in file order.
    public var addedBetas: [String]
    public var removedBetas: [String]
    /// Column keys, header-only columns included.
    public var addedColumns: [String]
    public var removedColumns: [String]
    /// Columns on both sides with at least one changed cell, in the new file's order.
    public var changedColumns: [ColumnChanges]
    public var aliasChanges: [AliasChange]
    public var descriptionChanged: Bool

    public init(from old: BetaHeaderMapping, to new: BetaHeaderMapping) {
        addedBetas = Self.minus(new.betas, old.betas)
        removedBetas = Self.minus(old.betas, new.betas)
        let oldNames = old.allColumns.map(\.name)
        let newNames = new.allColumns.map(\.name)
        addedColumns = Self.minus(newNames, oldNames)
        removedColumns = Self.minus(oldNames, newNames)

        let oldByName = Dictionary(old.allColumns.map { (ExactKey($0.name), $0) }, uniquingKeysWith: { _, last in last })
        changedColumns = new.allColumns.compactMap { column in
            guard let before = oldByName[ExactKey(column.name)] else { return nil }
            let betas = column.entries.map(\.beta) + Self.minus(before.entries.map(\.beta), column.entries.map(\.beta))
            let cells = betas.compactMap { beta -> CellChange? in
                let a = before.treatment(of: beta)
                let b = column.treatment(of: beta)
                return a == b ? nil : CellChange(beta: beta, old: a, new: b)
            }
            return cells.isEmpty ? nil : ColumnChanges(column: column.name, cells: cells)
        }

        let oldAliases = Dictionary(old.providerAliases.map { (ExactKey($0.alias), $0.canonical) }, uniquingKeysWith: { _, last in last })
        let newAliases = Dictionary(new.providerAliases.map { (ExactKey($0.alias), $0.canonical) }, uniquingKeysWith: { _, last in last })
        let aliasNames = new.providerAliases.map(\.alias) + Self.minus(old.providerAliases.map(\.alias), new.providerAliases.map(\.alias))
        aliasChanges = aliasNames.compactMap { alias in
            let a = oldAliases[ExactKey(alias)]
            let b = newAliases[ExactKey(alias)]
            return a.exactlyEquals(b) ? nil : AliasChange(alias: alias, old: a, new: b)
        }
        descriptionChanged = !old.description.exactlyEquals(new.description)
    }

    /// Nothing that changes what a provider receives (the description aside).
    public var isEmpty: Bool {
        addedBetas.isEmpty && removedBetas.isEmpty && addedColumns.isEmpty && removedColumns.isEmpty
            && changedColumns.isEmpty && aliasChanges.isEmpty
    }

    public var changedCellCount: Int { changedColumns.reduce(0) { $0 + $1.cells.count } }

    /// One line: "mapping unchanged", or "+1 beta(s), 3 cell(s) changed in bedrock, …" — what
    /// the dashboard's events and result line and `reload beta-headers` say a reload changed.
    public var summary: String {
        if isEmpty { return "mapping unchanged" }
        var parts: [String] = []
        if !addedColumns.isEmpty { parts.append("+\(addedColumns.count) column(s) (\(addedColumns.joined(separator: ", ")))") }
        if !removedColumns.isEmpty { parts.append("−\(removedColumns.count) column(s) (\(removedColumns.joined(separator: ", ")))") }
        if !addedBetas.isEmpty { parts.append("+\(addedBetas.count) beta(s)") }
        if !removedBetas.isEmpty { parts.append("−\(removedBetas.count) beta(s)") }
        if changedCellCount > 0 {
            parts.append("\(changedCellCount) cell(s) changed in \(changedColumns.map(\.column).joined(separator: ", "))")
        }
        if !aliasChanges.isEmpty { parts.append("\(aliasChanges.count) alias change(s)") }
        if parts.isEmpty, descriptionChanged { parts.append("description changed") }
        return parts.joined(separator: ", ")
    }

    /// `a` without the elements of `b`, order of `a` kept (exact comparison).
    private static func minus(_ a: [String], _ b: [String]) -> [String] {
        let drop = Set(b.map(ExactKey.init))
        return a.filter { !drop.contains(ExactKey($0)) }
    }

    public static func == (a: BetaHeaderDiff, b: BetaHeaderDiff) -> Bool {
        let same: ([String], [String]) -> Bool = { $0.elementsEqual($1, by: { $0.exactlyEquals($1) }) }
        return same(a.addedBetas, b.addedBetas) && same(a.removedBetas, b.removedBetas)
            && same(a.addedColumns, b.addedColumns) && same(a.removedColumns, b.removedColumns)
            && a.changedColumns == b.changedColumns && a.aliasChanges == b.aliasChanges
            && a.descriptionChanged == b.descriptionChanged
    }
}
