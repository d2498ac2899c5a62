import ConsoleUI
import Testing
@testable import CursesTerminal

struct ColorDegradationTests {
    @Test func depthFromTerminfo() {
        #expect(ColorDepth.detect(colors: 0x100_0000, rgb: true, noColor: false) == .direct)
        #expect(ColorDepth.detect(colors: 0x100_0000, rgb: false, noColor: false) == .direct)
        #expect(ColorDepth.detect(colors: 256, rgb: false, noColor: false) == .indexed256)
        #expect(ColorDepth.detect(colors: 256, rgb: true, noColor: false) == .indexed256)
        #expect(ColorDepth.detect(colors: 88, rgb: false, noColor: false) == .sixteen)
        #expect(ColorDepth.detect(colors: 16, rgb: false, noColor: false) == .sixteen)
        #expect(ColorDepth.detect(colors: 8, rgb: false, noColor: false) == .eight)
        #expect(ColorDepth.detect(colors: 2, rgb: false, noColor: false) == .none)
        #expect(ColorDepth.detect(colors: -1, rgb: false, noColor: false) == .none)
        #expect(ColorDepth.detect(colors: 256, rgb: false, noColor: true) == .none)
    }

    @Test func xtermIndexTable() {
        #expect(ColorDegradation.rgb(ofIndex: 9) == (255, 0, 0))
        #expect(ColorDegradation.rgb(ofIndex: 16) == (0, 0, 0))
        #expect(ColorDegradation.rgb(ofIndex: 67) == (95, 135, 175))
        #expect(ColorDegradation.rgb(ofIndex: 196) == (255, 0, 0))
        #expect(ColorDegradation.rgb(ofIndex: 231) == (255, 255, 255))
        #expect(ColorDegradation.rgb(ofIndex: 232) == (8, 8, 8))
        #expect(ColorDegradation.rgb(ofIndex: 236) == (48, 48, 48))
        #expect(ColorDegradation.rgb(ofIndex: 255) == (238, 238, 238))
    }

    @Test(arguments: [
        (UInt8(0), UInt8(0), UInt8(0), 16), (255, 255, 255, 231), (255, 0, 0, 196), (0, 255, 0, 46),
        (0x1E, 0x90, 0xFF, 33), (95, 135, 175, 67), (0x80, 0x80, 0x80, 244), (0x30, 0x30, 0x30, 236),
        (0xEE, 0xEE, 0xEE, 255), (0x12, 0x12, 0x12, 233), (0xFF, 0xAF, 0x00, 214),
    ])
    func rgbTo256(r: UInt8, g: UInt8, b: UInt8, index: Int) {
        #expect(ColorDegradation.map(.rgb(r, g, b), to: .indexed256) == CursesColor(number: Int32(index)))
    }

    @Test func rgbTo16And8() {
        #expect(ColorDegradation.map(.rgb(255, 0, 0), to: .sixteen).number == 9)
        #expect(ColorDegradation.map(.rgb(0xCD, 0, 0), to: .sixteen).number == 1)
        #expect(ColorDegradation.map(.rgb(0x30, 0x30, 0x30), to: .sixteen).number == 0)
        #expect(ColorDegradation.map(.rgb(0xC0, 0xC0, 0xC0), to: .sixteen).number == 7)
        #expect(ColorDegradation.map(.rgb(0x1E, 0x90, 0xFF), to: .sixteen).number == 12)
        #expect(ColorDegradation.map(.rgb(255, 0, 0), to: .eight) == CursesColor(number: 1, bright: true))
        #expect(ColorDegradation.map(.rgb(0xCD, 0, 0), to: .eight) == CursesColor(number: 1, bright: false))
    }

    @Test func indexedDownTheChain() {
        #expect(ColorDegradation.map(.indexed(236), to: .indexed256).number == 236)
        #expect(ColorDegradation.map(.indexed(236), to: .sixteen).number == 0)
        #expect(ColorDegradation.map(.indexed(196), to: .sixteen).number == 9)
        #expect(ColorDegradation.map(.indexed(21), to: .sixteen).number == 4)
        #expect(ColorDegradation.map(.indexed(12), to: .sixteen).number == 12)
        #expect(ColorDegradation.map(.indexed(196), to: .eight) == CursesColor(number: 1, bright: true))
        #expect(ColorDegradation.map(.indexed(4), to: .eight) == CursesColor(number: 4))
    }

    @Test func ansiKeepsItsNumberWhereItExists() {
        #expect(ColorDegradation.map(.ansi(9), to: .indexed256).number == 9)
        #expect(ColorDegradation.map(.ansi(9), to: .sixteen).number == 9)
        #expect(ColorDegradation.map(.ansi(8), to: .eight) == CursesColor(number: 0, bright: true))
        #expect(ColorDegradation.map(.ansi(3), to: .eight) == CursesColor(number: 3))
    }

    @Test func directColour() {
        #expect(ColorDegradation.map(.rgb(0x1E, 0x90, 0xFF), to: .direct).number == 0x1E90FF)
        #expect(ColorDegradation.map(.rgb(0, 0, 0), to: .direct).number == 16) // would be palette 0
        #expect(ColorDegradation.map(.ansi(3), to: .direct).number == 3)
        #expect(ColorDegradation.map(.ansi(12), to: .direct).number == 0x5C5CFF)
        #expect(ColorDegradation.map(.indexed(236), to: .direct).number == 0x303030)
    }

    @Test func defaultAndNoColourAreMinusOne() {
        for depth in [ColorDepth.none, .eight, .sixteen, .indexed256, .direct] {
            #expect(ColorDegradation.map(.terminalDefault, to: depth) == .terminalDefault)
        }
        #expect(ColorDegradation.map(.rgb(1, 2, 3), to: .none) == .terminalDefault)
        #expect(ColorDegradation.map(.ansi(2), to: .none) == .terminalDefault)
    }
}
