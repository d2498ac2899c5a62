import Testing
@testable import ConsoleUI

@Suite struct CellTests {
    @Test(arguments: ["a", " ", "─", "…", "中", "é", "e\u{301}", "🇩🇪", "❤️"])
    func graphemesRoundTrip(text: String) {
        let c = Character(text)
        #expect(Cell(c).grapheme == c)
    }

    @Test func longClustersKeepTheirFirstScalarWithoutADanglingJoiner() {
        #expect(Cell("👨‍👩‍👧").grapheme == "👨")
    }

    @Test func equalityIsByContent() {
        #expect(Cell("x", role: .ok) == Cell("x", role: .ok))
        #expect(Cell("x", role: .ok) != Cell("x", role: .error))
        #expect(Cell("e\u{301}") != Cell("e"))
        #expect(Cell.blank == Cell(" "))
    }
}
