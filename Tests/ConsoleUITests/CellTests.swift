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

    /// The packed cell keeps the role as the case's index: every case must come back as
    /// itself, whatever is beside it in the other bits.
    @Test func everyRoleRoundTripsThroughTheCell() {
        for role in Role.allCases {
            var cell = Cell("中", role: role, continuation: true)
            #expect(cell.role == role)
            #expect(cell.continuation)
            #expect(cell.grapheme == "中")
            cell.role = .text
            #expect(cell.role == .text && cell.continuation && cell.grapheme == "中")
            cell.role = role
            cell.continuation = false
            #expect(cell.role == role && !cell.continuation)
        }
        #expect(Set(Role.allCases.map(\.index)).count == Role.allCases.count)
    }

    /// Rows are compared with memcmp: a cell must be its eight bytes and nothing else.
    @Test func aCellIsEightBytesWithoutPadding() {
        #expect(MemoryLayout<Cell>.size == 8 && MemoryLayout<Cell>.stride == 8)
        let empty = CellBuffer(width: 0, height: 3)
        #expect(empty.rowEquals(1, in: empty))
    }

    @Test func highestScalarsKeepTheirBits() {
        let top = Character(Unicode.Scalar(0x10FFFD)!)
        let cell = Cell(top, role: .diffChanged, continuation: true)
        #expect(cell.grapheme == top && cell.role == .diffChanged && cell.continuation)
    }
}
