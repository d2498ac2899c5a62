import ConsoleUI
import Testing
@testable import CursesTerminal

/// A stand-in for glibc's wcwidth in a UTF-8 locale.
private func wcwidthLike(_ s: Unicode.Scalar) -> Int {
    switch s.value {
    case 0..<0x20, 0x7F: -1
    case 0x300...0x36F, 0x200D, 0xFE00...0xFE0F: 0
    case 0x4E00...0x9FFF, 0x1F300...0x1F64F: 2
    default: 1
    }
}

struct CellTextTests {
    private func fit(_ g: Character, _ columns: Int, ascii: Bool = false) -> String {
        CellText.fit(Cell(g), columns: columns, asciiOnly: ascii, width: wcwidthLike)
    }

    @Test func agreeingWidthsPassThrough() {
        #expect(fit("a", 1) == "a")
        #expect(fit("─", 1) == "─")
        #expect(fit("中", 2) == "中")
        #expect(fit("😀", 2) == "😀")
        #expect(fit("e\u{301}", 1) == "e\u{301}")
    }

    @Test func narrowerThanTheBufferIsPadded() {
        #expect(fit("❤️", 2) == "❤️ ") // U+2764 is 1 wide in glibc, ConsoleUI gives it 2
    }

    @Test func widerThanTheCellGetsAStandIn() {
        #expect(fit("中", 1) == "?") // a wide character cut at the right edge
        #expect(fit("👨‍👩‍👧", 2) == "👨") // curses would sum the sequence to 6 columns
    }

    @Test func unprintableAndEmpty() {
        #expect(fit("\u{7}", 1) == "?")
        #expect(fit("\u{301}", 1) == " ")
        #expect(CellText.fit(Cell(" ", continuation: true), columns: 1, asciiOnly: false, width: wcwidthLike) == " ")
    }

    /// Whenever `plainScalar` names a scalar, `fit` gives exactly that scalar for one
    /// column; it names none for what `fit` pads, replaces or stands in for.
    @Test(arguments: [false, true])
    func plainScalarIsWhatFitWrites(ascii: Bool) {
        var cells = (0..<0x3000).compactMap { Unicode.Scalar($0).map { Cell(Character($0)) } }
        cells += [Cell("e\u{301}"), Cell(" ", continuation: true), Cell("界"), Cell("😀")]
        var plain = 0
        for cell in cells {
            guard let s = CellText.plainScalar(cell, asciiOnly: ascii, width: wcwidthLike) else { continue }
            plain += 1
            #expect(CellText.fit(cell, columns: 1, asciiOnly: ascii, width: wcwidthLike) == String(s), "U+\(String(s.value, radix: 16))")
        }
        #expect(plain >= 95) // printable ASCII at least: the shortcut is taken
        #expect(CellText.plainScalar(Cell("e\u{301}"), asciiOnly: false, width: wcwidthLike) == nil)
        #expect(CellText.plainScalar(Cell("─"), asciiOnly: true, width: wcwidthLike) == nil)
        #expect(CellText.plainScalar(Cell("─"), asciiOnly: false, width: wcwidthLike) == "─")
    }

    @Test func asciiOnly() {
        #expect(fit("┐", 1, ascii: true) == "+")
        #expect(fit("…", 1, ascii: true) == "~")
        #expect(fit("中", 2, ascii: true) == "? ")
        #expect(fit("a", 1, ascii: true) == "a")
    }
}
