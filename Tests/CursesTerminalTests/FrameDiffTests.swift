import ConsoleUI
import Testing
@testable import CursesTerminal

struct FrameDiffTests {
    /// Runs with the role as the style and the grapheme (blank for right halves) as text.
    private func runs(_ previous: CellBuffer?, _ current: CellBuffer, columns: Int? = nil, rows: Int? = nil) -> [DrawRun<Role>] {
        FrameDiff.runs(previous: previous, current: current,
                       columns: columns ?? current.width, rows: rows ?? current.height,
                       style: { $0 },
                       text: { cell, span in
                           cell.continuation ? " " : (DisplayWidth.of(cell.grapheme) > span ? "?" : String(cell.grapheme))
                       })
    }

    private func buffer(_ lines: [String], width: Int = 6, role: Role = .text) -> CellBuffer {
        var b = CellBuffer(width: width, height: lines.count)
        for (y, line) in lines.enumerated() { b.put(line, x: 0, y: y, role: role) }
        return b
    }

    @Test func firstFrameWritesEveryRowAsOneRunPerStyle() {
        var b = buffer(["ab", "cd"], width: 4)
        b.put("X", x: 3, y: 1, role: .error)
        #expect(runs(nil, b) == [
            DrawRun(x: 0, y: 0, columns: 4, text: "ab  ", style: .text),
            DrawRun(x: 0, y: 1, columns: 3, text: "cd ", style: .text),
            DrawRun(x: 3, y: 1, columns: 1, text: "X", style: .error),
        ])
    }

    @Test func sameFrameWritesNothing() {
        let b = buffer(["hello", "world"])
        #expect(runs(b, b).isEmpty)
    }

    @Test func oneChangedCellIsOneRunOfOneCell() {
        let a = buffer(["hello", "world"])
        var b = a
        b.put("W", x: 0, y: 1, role: .text)
        #expect(runs(a, b) == [DrawRun(x: 0, y: 1, columns: 1, text: "W", style: .text)])
    }

    @Test func adjacentChangesMergeOnlyWithTheSameStyle() {
        let a = buffer(["hello!"])
        var b = buffer(["HELlo!"])
        #expect(runs(a, b) == [DrawRun(x: 0, y: 0, columns: 3, text: "HEL", style: .text)])
        b.restyle(Rect(x: 1, y: 0, width: 1, height: 1), role: .selected)
        #expect(runs(a, b) == [
            DrawRun(x: 0, y: 0, columns: 1, text: "H", style: .text),
            DrawRun(x: 1, y: 0, columns: 1, text: "E", style: .selected),
            DrawRun(x: 2, y: 0, columns: 1, text: "L", style: .text),
        ])
    }

    @Test func separateChangesAreSeparateRuns() {
        let a = buffer(["abcdef"])
        let b = buffer(["Abcde!"])
        #expect(runs(a, b) == [
            DrawRun(x: 0, y: 0, columns: 1, text: "A", style: .text),
            DrawRun(x: 5, y: 0, columns: 1, text: "!", style: .text),
        ])
    }

    @Test func wideCharacterIsOneGlyphOfTwoColumns() {
        let a = buffer(["abc"])
        let b = buffer(["中c"])
        #expect(runs(a, b) == [DrawRun(x: 0, y: 0, columns: 2, text: "中", style: .text)])
        #expect(runs(b, a) == [DrawRun(x: 0, y: 0, columns: 2, text: "ab", style: .text)])
    }

    @Test func changeInTheRightHalfRewritesTheWholeGlyph() {
        let a = buffer(["中文"])
        let b = buffer(["中字"])
        #expect(runs(a, b) == [DrawRun(x: 2, y: 0, columns: 2, text: "字", style: .text)])
    }

    @Test func orphanRightHalfIsBlank() {
        var b = buffer(["中x"])
        b[0, 0] = Cell("a") // overwrites the left half only; cell 1 is still a continuation
        #expect(runs(nil, b).first == DrawRun(x: 0, y: 0, columns: 6, text: "a x   ", style: .text))
        let a = buffer(["中x"])
        #expect(runs(a, b) == [DrawRun(x: 0, y: 0, columns: 2, text: "a ", style: .text)])
    }

    @Test func wideCharacterCutAtTheScreenEdgeGetsOneColumn() {
        let b = buffer(["abc中"], width: 5)
        #expect(runs(nil, b, columns: 4) == [DrawRun(x: 0, y: 0, columns: 4, text: "abc?", style: .text)])
    }

    @Test func clippedToTheScreen() {
        let b = buffer(["abcdef", "ghijkl", "mnopqr"])
        #expect(runs(nil, b, columns: 3, rows: 2) == [
            DrawRun(x: 0, y: 0, columns: 3, text: "abc", style: .text),
            DrawRun(x: 0, y: 1, columns: 3, text: "ghi", style: .text),
        ])
    }

    @Test func previousOfAnotherSizeMeansEverything() {
        let a = buffer(["abc"], width: 3)
        let b = buffer(["abc"], width: 4)
        #expect(runs(a, b) == [DrawRun(x: 0, y: 0, columns: 4, text: "abc ", style: .text)])
    }
    /// The `plain` shortcut (one scalar appended instead of a String per cell) changes no
    /// run: random narrow frames with marks, wide and control characters among plain ones.
    @Test(arguments: [11, 12, 13, 14])
    func plainScalarsGiveTheSameRuns(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let pieces: [String] = ["a", "b", " ", "─", "é", "e\u{301}", "\u{7}", "界", "…"]
        func frame() -> CellBuffer {
            var b = CellBuffer(width: 20, height: 4)
            for y in 0..<4 {
                var x = 0
                while x < 20 {
                    let role: Role = rng.next() % 2 == 0 ? .text : .countdown
                    x += max(1, b.put(pieces[Int(rng.next() % UInt64(pieces.count))], x: x, y: y, role: role))
                }
            }
            return b
        }
        let text: (Cell, Int) -> String = { cell, span in
            cell.continuation ? " " : (DisplayWidth.of(cell.grapheme) > span ? "?" : String(cell.grapheme))
        }
        for _ in 0..<40 {
            let old = frame(), new = frame()
            let slow = FrameDiff.runs(previous: old, current: new, columns: 20, rows: 4, style: { $0 }, text: text)
            let fast = FrameDiff.runs(previous: old, current: new, columns: 20, rows: 4, style: { $0 }, text: text,
                                      plain: { cell in cell.singleScalar.flatMap { DisplayWidth.of(Character($0)) == 1 && $0.value >= 0x20 ? $0 : nil } })
            #expect(fast == slow)
        }
    }

    /// Replaying the runs over the old frame gives the new one, cell for cell and role for
    /// role, and no two touching runs share a style: for random frames with and without wide
    /// characters (narrow rows take the short path, rows with wide ones the general path).
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func replayingTheRunsGivesTheNewFrame(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let width = 24, height = 8
        func frame() -> CellBuffer {
            var b = CellBuffer(width: width, height: height)
            for y in 0..<height {
                let wide = rng.next() % 3 == 0
                var x = 0
                while x < width {
                    let role: Role = rng.next() % 2 == 0 ? .text : .value
                    let text = wide && rng.next() % 4 == 0 ? "界" : String("ab "[("ab ".index("ab ".startIndex, offsetBy: Int(rng.next() % 3)))])
                    x += max(1, b.put(text, x: x, y: y, role: role))
                }
            }
            return b
        }
        for _ in 0..<25 {
            let old = frame(), new = frame()
            var screen = old
            let out = runs(old, new)
            for r in out {
                var x = r.x
                for ch in r.text {
                    let w = DisplayWidth.of(ch)
                    screen[x, r.y] = Cell(ch, role: r.style)
                    if w == 2 { screen[x + 1, r.y] = Cell(" ", role: r.style, continuation: true) }
                    x += max(1, w)
                }
                #expect(x == r.x + r.columns)
            }
            #expect(screen.text == new.text)
            for y in 0..<height { for x in 0..<width where !new[x, y].continuation {
                #expect(screen[x, y].role == new[x, y].role, "(\(x), \(y))")
            } }
            for (a, b) in zip(out, out.dropFirst()) where a.y == b.y && a.x + a.columns == b.x {
                #expect(a.style != b.style, "touching runs of one style should be one")
            }
        }
    }
}

/// A small seeded generator, so a failing case can be run again.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
