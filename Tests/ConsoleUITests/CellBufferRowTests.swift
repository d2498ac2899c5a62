import Testing
@testable import ConsoleUI

/// The frame diff's row checks work on blocks of 8 cells: a change in any column, the
/// ragged tail included, must be seen.
@Suite struct CellBufferRowTests {
    @Test(arguments: [1, 7, 8, 13, 120])
    func everyColumnCounts(width: Int) {
        let base = CellBuffer(width: width, height: 2)
        #expect(base.rowEquals(0, in: base) && base.rowEquals(1, in: base))
        for x in 0..<width {
            var changed = base
            changed[x, 1] = Cell("x")
            #expect(changed.rowEquals(0, in: base), "row 0 untouched")
            #expect(!changed.rowEquals(1, in: base), "column \(x) of \(width)")
            var restyled = base
            restyled[x, 1] = Cell(" ", role: .error)
            #expect(!restyled.rowEquals(1, in: base), "a role change alone, column \(x)")
        }
    }

    @Test(arguments: [2, 9, 13])
    func aWideGraphemeAnywhereIsSeen(width: Int) {
        var b = CellBuffer(width: width, height: 1)
        #expect(!b.rowHasWide(0))
        b.put("中", x: width - 2, y: 0, role: .text)
        #expect(b.rowHasWide(0))
    }
}
