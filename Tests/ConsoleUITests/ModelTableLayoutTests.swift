import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The Models table sizes its columns from the page shown: the provider column as wide as
/// its longest value, prices lined up on the decimal point, token limits exact and grouped.
@Suite struct ModelTableLayoutTests {
    static func entry(_ name: String, provider: String? = nil, input: Double? = nil, maxInput: Int? = nil) -> ModelEntry {
        var fields: [(String, JSONValue)] = []
        if let provider { fields.append(("litellm_provider", .string(provider))) }
        if let input { fields.append(("input_cost_per_token", .double(input / 1_000_000))) }
        if let maxInput { fields.append(("max_input_tokens", .int(maxInput))) }
        return ModelEntry(name: name, value: .object(fields))
    }

    @Test func pricesLineUpOnTheDecimalPoint() {
        let page = [Self.entry("a", input: 3), Self.entry("b", input: 0.0375), Self.entry("c", input: 1071.4), Self.entry("d")]
        let cells = ModelTable.cells(page, .input).map(\.0)
        #expect(cells == ["3.00  ", "0.0375", "1,071.40  ", "—     "])
        // Right-aligned, every point sits in the same column; the dash under the units.
        let width = cells.map(DisplayWidth.of).max()!
        let aligned = cells.map { String(repeating: " ", count: width - DisplayWidth.of($0)) + $0 }
        func column(of c: Character, in s: String) -> Int? { s.firstIndex(of: c).map { s.distance(from: s.startIndex, to: $0) } }
        #expect(aligned[0..<3].map { column(of: ".", in: $0) } == [width - 5, width - 5, width - 5], "\(aligned)")
        #expect(column(of: "—", in: aligned[3]) == width - 6)
    }

    @Test func tokenLimitsAreExactAndGrouped() {
        let page = [Self.entry("a", maxInput: 200_000), Self.entry("b", maxInput: 1_048_576), Self.entry("c", maxInput: 8192)]
        #expect(ModelTable.cells(page, .maxInput).map(\.0) == ["200,000", "1,048,576", "8,192"])
    }

    @Test func theProviderColumnIsAsWideAsItsLongestValueAndTheModelTakesTheRest() {
        let cells: [ModelColumn: [String]] = [
            .provider: ["openai", "bedrock_converse"], .input: ["3.00", "15.00"], .output: ["15.00", "75.00"],
            .maxInput: ["200,000", "1,048,576"], .maxOutput: ["8,192", "32,000"], .mode: ["chat"],
        ]
        let wide = ModelTable.layout(innerWidth: 196, cells: cells)
        let widths = Dictionary(uniqueKeysWithValues: wide.shown.map { ($0.column, $0.width) })
        #expect(widths[.provider] == 17, "bedrock_converse and a gap")
        #expect(widths[.input] == 8 && widths[.maxInput] == 10, "the header \"in $/1M\" and \"1,048,576\" decide")
        #expect(wide.model == 196 - wide.shown.map(\.width).reduce(0, +))
        // Capped: a long provider name does not take the model's room.
        let long = ModelTable.layout(innerWidth: 196, cells: [.provider: [String(repeating: "x", count: 60)]])
        #expect(long.shown.first { $0.column == .provider }?.width == ModelTable.maxWidths[.provider])
        // 80 columns: long names keep two fifths (30); columns leave by priority, mode first.
        let narrow = ModelTable.layout(innerWidth: 76, cells: cells, longestName: 40)
        #expect(narrow.model >= 30)
        #expect(narrow.shown.map(\.column) == [.provider, .input, .output, .maxInput], "\(narrow.shown)")
        #expect(narrow.model == 76 - (17 + 8 + 9 + 10), "the rest goes to the model name")
        // Short names give their room to the columns, down to minModelWidth (mode, 5, would leave 19).
        let short = ModelTable.layout(innerWidth: 76, cells: cells, longestName: 10)
        #expect(short.shown.map(\.column) == [.provider, .input, .output, .maxInput, .maxOutput], "\(short.shown)")
        #expect(short.model == 76 - (17 + 8 + 9 + 10 + 8) && short.model == ModelTable.minModelWidth)
    }
}
