import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct BetaHeaderDiffTests {
    /// The real 1.100.5 → 1.109.1 change, checked against a count made here from
    /// Foundation's reading of the two files.
    @Test func realFilesAgreeWithAnIndependentCount() throws {
        let oldObject = try BetaFixtures.foundationObject(BetaFixtures.old)
        let newObject = try BetaFixtures.foundationObject(BetaFixtures.new)
        func columns(_ o: [String: Any]) -> [String: [String: Any]] {
            var out: [String: [String: Any]] = [:]
            for (k, v) in o where k != "provider_aliases" { if let c = v as? [String: Any] { out[k] = c } }
            return out
        }
        let oldColumns = columns(oldObject)
        let newColumns = columns(newObject)
        let oldBetas = Set(oldColumns.values.flatMap(\.keys))
        let newBetas = Set(newColumns.values.flatMap(\.keys))
        func value(_ c: [String: Any], _ beta: String) -> String {
            guard let v = c[beta] else { return "<absent>" }
            return (v as? String) ?? "<null>"
        }
        var changes: [String: Int] = [:]
        for (name, newColumn) in newColumns {
            guard let oldColumn = oldColumns[name] else { continue }
            let n = Set(oldColumn.keys).union(newColumn.keys).count(where: { value(oldColumn, $0) != value(newColumn, $0) })
            if n > 0 { changes[name] = n }
        }

        let diff = BetaHeaderDiff(from: try BetaFixtures.mapping(BetaFixtures.old), to: try BetaFixtures.mapping(BetaFixtures.new))
        #expect(Set(diff.addedBetas) == newBetas.subtracting(oldBetas))
        #expect(diff.addedBetas.count == 9)
        #expect(Set(diff.removedBetas) == oldBetas.subtracting(newBetas))
        #expect(diff.removedBetas.isEmpty)
        #expect(diff.addedColumns == ["bedrock_mantle", "vertex_ai_header_only"])
        #expect(Set(diff.addedColumns) == Set(newColumns.keys).subtracting(oldColumns.keys))
        #expect(diff.removedColumns.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: diff.changedColumns.map { ($0.column, $0.cells.count) }) == changes)
        #expect(diff.changedCellCount == changes.values.reduce(0, +))
        #expect(diff.aliasChanges.isEmpty)
        #expect(diff.descriptionChanged)
        #expect(!diff.isEmpty)

        // The databricks values named in the issue.
        let databricks = try #require(diff.changedColumns.first { $0.column == "databricks" })
        #expect(databricks.cells.count == 14)
        #expect(databricks.cells.contains(.init(beta: "advanced-tool-use-2025-11-20", old: .forwarded, new: .unsupported)))
        #expect(databricks.cells.contains(.init(beta: "dangerous-tool-use-2026-09-03", old: .unsupported, new: .forwarded)))
        // A beta added to an existing column is a change from absent.
        #expect(databricks.cells.contains(.init(beta: "thinking-binding-controls-2026-08-01", old: .absent, new: .forwarded)))
    }

    @Test func aliasesColumnsAndRemovals() throws {
        let old = try BetaHeaderMapping(parsing: """
        {"description": "same", "provider_aliases": {"aws": "bedrock", "gone": "x"},
         "bedrock": {"a": "a", "b": null, "r": "r"}, "old_col": {"a": "a"}}
        """)
        let new = try BetaHeaderMapping(parsing: """
        {"description": "same", "provider_aliases": {"aws": "bedrock_converse", "new": "y"},
         "bedrock": {"a": "A", "b": null, "n": null}, "bedrock_header_only": {"a": "a"}}
        """)
        let diff = BetaHeaderDiff(from: old, to: new)
        #expect(diff.addedBetas == ["n"])
        #expect(diff.removedBetas == ["r"])
        #expect(diff.addedColumns == ["bedrock_header_only"])
        #expect(diff.removedColumns == ["old_col"])
        #expect(diff.changedColumns == [.init(column: "bedrock", cells: [
            .init(beta: "a", old: .forwarded, new: .renamed(to: "A")),
            .init(beta: "n", old: .absent, new: .unsupported),
            .init(beta: "r", old: .forwarded, new: .absent),
        ])])
        #expect(diff.aliasChanges == [
            .init(alias: "aws", old: "bedrock", new: "bedrock_converse"),
            .init(alias: "new", old: nil, new: "y"),
            .init(alias: "gone", old: "x", new: nil),
        ])
        #expect(!diff.descriptionChanged)
        #expect(BetaHeaderDiff(from: new, to: new).isEmpty)
    }

    @Test func canonicallyEquivalentNamesAreChanges() throws {
        let old = try BetaHeaderMapping(parsing: "{\"anthropic\": {\"a\": \"\u{E9}\"}}")
        let new = try BetaHeaderMapping(parsing: "{\"anthropic\": {\"a\": \"e\u{301}\"}}")
        let diff = BetaHeaderDiff(from: old, to: new)
        #expect(diff.changedCellCount == 1)
    }
}
