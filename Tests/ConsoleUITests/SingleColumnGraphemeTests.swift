import Testing
@testable import ConsoleUI

/// `CellBuffer.put` and `DisplayWidth.of` skip grapheme breaking for text made only of
/// `isSingleColumnGrapheme` scalars. These hold every scalar of that set to what the slow
/// path would give: one column, and a grapheme of its own beside any other of the set.
@Suite struct SingleColumnGraphemeTests {
    static let set: [Unicode.Scalar] = (0x20...0x2FFF).compactMap { v in
        DisplayWidth.isSingleColumnGrapheme(UInt32(v)) ? Unicode.Scalar(UInt32(v)) : nil
    }

    @Test func everyScalarOfTheSetIsOneColumnAlone() {
        #expect(Self.set.count > 3_500) // Latin and U+2010–U+2BFF, less the exclusions
        for v in Self.set {
            #expect(DisplayWidth.of(Character(v)) == 1, "U+\(String(v.value, radix: 16))")
        }
    }

    @Test func noScalarOfTheSetJoinsItsNeighbours() {
        for v in Self.set {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: [v, v, "a", v, "─", v, "é"])
            #expect(String(s).count == 7, "U+\(String(v.value, radix: 16)) formed a cluster")
        }
    }

    @Test func fastAndSlowPathsDrawTheSameCells() {
        let text = "┌─ ● scheduled · “every 6 h” — in 3h 12m … ✓ ✗ ⚠ → ±½ ┐"
        var fast = CellBuffer(width: 80, height: 1)
        fast.put(text, x: 2, y: 0, role: .ok, maxWidth: 40)
        // The slow path, one Character at a time (a combining mark at the end forces it).
        var slow = CellBuffer(width: 80, height: 1)
        slow.put(text + "e\u{301}", x: 2, y: 0, role: .ok, maxWidth: 40)
        #expect(fast == slow)
        #expect(DisplayWidth.of(text) == text.count)
    }

    @Test func textOutsideTheSetStillTakesTheSlowPath() {
        var b = CellBuffer(width: 10, height: 1)
        #expect(b.put("中x", x: 0, y: 0, role: .text) == 3)
        #expect(b[1, 0].continuation)
        #expect(DisplayWidth.of("❤️ok") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }
}

extension SingleColumnGraphemeTests {
    /// The cut by scalars gives what the cut by graphemes gave.
    @Test(arguments: [1, 2, 5, 12, 40])
    func truncationByScalarsMatchesTheGraphemeCut(width: Int) {
        let text = "Nov 22 05:51  ● reload ran — every 6 h · “ok” → 4,512 models"
        var expected = ""
        for c in text where DisplayWidth.of(expected) + 1 <= width - 1 { expected.append(c) }
        if DisplayWidth.of(text) > width { expected += "…" } else { expected = text }
        #expect(DisplayWidth.truncate(text, to: width) == expected)
        #expect(DisplayWidth.of(DisplayWidth.truncate(text, to: width)) <= width)
        #expect(DisplayWidth.truncate(text, to: width, ellipsis: false) == String(text.prefix(width)))
    }
}
