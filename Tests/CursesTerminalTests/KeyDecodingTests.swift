import ConsoleUI
import Testing
@testable import CursesTerminal

// Codes are literal (ncurses 6 ABI values) so the table is checked against the real numbers.
private let ok: Int32 = 0
private let functionKey: Int32 = 256 // KEY_CODE_YES

struct KeyDecodingTests {
    @Test(arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .ctrl("a")), (18, .ctrl("r")), (12, .ctrl("l")), (26, .ctrl("z")),
        (0, .unknown(0)), (28, .unknown(28)), (31, .unknown(31)),
        (32, .char(" ")), (97, .char("a")), (81, .char("Q")), (0x4E2D, .char("中")), (0xE9, .char("é")),
    ])
    func characters(code: UInt32, expected: Key) {
        #expect(KeyDecoding.decode(status: ok, code: code) == expected)
    }

    @Test(arguments: [
        (Int32(259), Key.up), (258, .down), (260, .left), (261, .right),
        (353, .backTab), (343, .enter), (263, .backspace), (330, .delete),
        (262, .home), (360, .end), (339, .pageUp), (338, .pageDown),
        (348, .home), (351, .end), (349, .pageUp), (352, .pageDown), // keypad corners
        (362, .home), (385, .end), // vt220 Find / Select
        (410, .resize),
        (265, .function(1)), (276, .function(12)), (264 + 63, .function(63)),
        (264, .unknown(264)), (328, .unknown(328)), (350, .unknown(350)), (600, .unknown(600)),
    ])
    func functionKeys(code: Int32, expected: Key) {
        #expect(KeyDecoding.decode(status: functionKey, code: UInt32(code)) == expected)
    }

    @Test func nothingPendingIsNil() {
        #expect(KeyDecoding.decode(status: -1, code: 0) == nil)
    }

    @Test func invalidScalarIsUnknown() {
        #expect(KeyDecoding.decode(status: ok, code: 0xD800) == .unknown(0xD800))
    }
}
