import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The Mappings table sizes its provider columns from what they show: each as wide as its
/// longest value (capped), so no two columns read `bedrock_…` at 80 columns.
@Suite struct MappingTableLayoutTests {
    static let real = BetaHeaderLoader.bundled
    static var markers: MappingMarkers { MappingMarkers(Scenarios.state()) }

    @Test func eachProviderColumnIsAsWideAsItsLongestValueCapped() {
        let m = Self.real
        let widths = Dictionary(uniqueKeysWithValues: zip(m.providers, MappingTable.providerWidths(mapping: m, betas: m.betas, markers: Self.markers)))
        // The header decides where cells are short; a gap column follows each.
        #expect(widths["anthropic"] == 10 && widths["azure_ai"] == 9)
        #expect(widths["bedrock_converse"] == DisplayWidth.of("bedrock_converse") + 1)
        #expect(widths["databricks"] == 11)
        // "→ tool-search-tool-2025-10-19" is 29 wide: wider than the cap, which `columns` applies.
        #expect(widths["bedrock"] == 30 && widths["vertex_ai"] == 30)
        #expect(MappingTable.columns(innerWidth: 76, betas: m.betas, providerWidths: Array(widths.values), offset: 0).widths.allSatisfy { $0 <= MappingTable.maxProviderWidth })
    }

    @Test func columnsKeepTheirOwnWidthsAndTheLastMayBeCut() {
        let m = Self.real
        let widths = MappingTable.providerWidths(mapping: m, betas: m.betas, markers: Self.markers)
        let headers = MappingTable.headerWidths(mapping: m, markers: Self.markers)
        // 80 columns: a 76-wide inside, 30 for the betas, 46 for providers.
        let cols = MappingTable.columns(innerWidth: 76, betas: m.betas, providerWidths: widths, headerWidths: headers, offset: 0)
        #expect(cols.betaWidth == 30)
        #expect(cols.visible == 0..<4)
        #expect(cols.widths == [10, 9, 17, 10], "anthropic, azure_ai, bedrock_converse whole, bedrock cut to the 10 left")
        #expect(cols.widths.reduce(0, +) == 76 - cols.betaWidth, "no column of the inside left unused")
        // Less than minCutWidth left over: no cut column.
        let narrow = MappingTable.columns(innerWidth: 70, betas: m.betas, providerWidths: widths, headerWidths: headers, offset: 0)
        #expect(narrow.widths == [10, 9, 17], "\(narrow)")
        // Room for cells but not for "bedrock_mantle" whole: not cut, since its cut name
        // could not be told from the other bedrock columns.
        let comp = m.betas.filter { $0.contains("comp") }  // the filtered screen's four betas
        let compWidths = MappingTable.providerWidths(mapping: m, betas: comp, markers: Self.markers)
        let filtered = MappingTable.columns(innerWidth: 76, betas: comp, providerWidths: compWidths, headerWidths: headers, offset: 0)
        #expect(filtered.betaWidth == 24 && filtered.widths == [10, 9, 17, 8], "8 left, bedrock_mantle needs 15: \(filtered)")
        // Where its header fits, the next column is cut to the room left.
        let bedrock = m.providers.firstIndex(of: "bedrock")!
        let fromBedrock = MappingTable.columns(innerWidth: 76, betas: m.betas, providerWidths: widths, headerWidths: headers, offset: bedrock)
        #expect(fromBedrock.visible == bedrock..<(bedrock + 2) && fromBedrock.widths == [24, 22], "\(fromBedrock)")
        // Without header widths nothing is cut.
        #expect(MappingTable.columns(innerWidth: 76, betas: m.betas, providerWidths: widths, offset: 0).widths == [10, 9, 17])
    }

    @Test func whenAllFitCappedColumnsGrowBackToTheirOwnWidth() {
        let m = Self.real
        let widths = MappingTable.providerWidths(mapping: m, betas: m.betas, markers: Self.markers)
        // 200 columns: 196 inside, 42 for the betas, 154 for providers; the capped sum is 119.
        let cols = MappingTable.columns(innerWidth: 196, betas: m.betas, providerWidths: widths, offset: 0)
        #expect(cols.visible == 0..<7 && cols.widths == widths, "every rename shown whole: \(cols.widths)")
        // Some room, not enough for all three renaming columns: they grow left to right.
        let some = MappingTable.columns(innerWidth: 42 + 119 + 8, betas: m.betas, providerWidths: widths, offset: 0)
        #expect(some.widths == [10, 9, 17, 30, 26, 24, 11], "\(some.widths)")
    }

    @Test func scrollingStopsWhereTheLastColumnsFitWhole() {
        let widths = [10, 9, 17, 24, 24, 24, 11]
        #expect(MappingTable.maxOffset(room: 46, providerWidths: widths) == 5, "vertex_ai (24) and databricks (11) fit; bedrock_mantle too would not")
        let end = MappingTable.columns(innerWidth: 76, betas: ["a-beta-name-twenty-nine-wide.."], providerWidths: widths, offset: 99)
        #expect(end.visible == 5..<7 && end.widths == [24, 11])
        #expect(MappingTable.maxOffset(room: 200, providerWidths: widths) == 0, "everything fits: no scrolling")
        #expect(MappingTable.maxOffset(room: 5, providerWidths: widths) == 6, "even one column is too wide: the last one")
    }

    @Test func theRightKeyStopsWhereTheTableStops() {
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(Self.real))
        s.size = ScreenSize(width: 80, height: 24)
        let most = MappingsScreen.maxColumnOffset(s)
        #expect(most > 0 && most < Self.real.providers.count - 1)
        for _ in 0..<20 { _ = update(&s, .key(.right)) }
        #expect(s.mappings.columnOffset == most)
        let before = view(s, zone: .utc).text
        _ = update(&s, .key(.left))
        #expect(view(s, zone: .utc).text != before, "one ← moves the columns at once")
    }

    @Test func eightyColumnsTellTheBedrockColumnsApart() {
        var s = MappingsUpdateTests.loaded(MappingsUpdateTests.good(Self.real))
        s.size = ScreenSize(width: 80, height: 24)
        var seen = Set<String>()
        for _ in 0..<Self.real.providers.count {
            let header = view(s, zone: .utc).text.split(separator: "\n").first { $0.contains("│ beta ") }!
            #expect(!header.contains("bedrock_…"), "\(header)")
            for p in Self.real.providers where header.contains(" \(p) ") { seen.insert(p) }
            _ = update(&s, .key(.right))
        }
        #expect(seen.isSuperset(of: ["bedrock_converse", "bedrock", "bedrock_mantle"]), "\(seen)")
    }
}

