import Testing
@testable import CursesTerminal

struct AsciiFallbackTests {
    @Test(arguments: [
        ("─", "-"), ("━", "-"), ("═", "-"), ("│", "|"), ("┃", "|"), ("║", "|"),
        ("┌", "+"), ("┐", "+"), ("└", "+"), ("┘", "+"), ("├", "+"), ("┤", "+"), ("┬", "+"), ("┴", "+"), ("┼", "+"),
        ("╔", "+"), ("╭", "+"), ("╯", "+"),
        ("●", "*"), ("○", "o"), ("…", "~"), ("—", "-"), ("–", "-"),
        ("▲", "^"), ("▼", "v"), ("←", "<"), ("→", ">"), ("↑", "^"), ("↓", "v"),
        ("✓", "+"), ("✗", "x"), ("×", "x"), ("⚠", "!"), ("⚠️", "!"), ("·", "."),
        ("a", "a"), ("~", "~"),
    ] as [(Character, String)])
    func table(symbol: Character, ascii: String) {
        #expect(AsciiFallback.replacement(for: symbol) == ascii)
    }

    @Test func unknownHasNoReplacement() {
        #expect(AsciiFallback.replacement(for: "中") == nil)
        #expect(AsciiFallback.replacement(for: "😀") == nil)
        #expect(AsciiFallback.replacement(for: "👨‍👩‍👧") == nil)
    }

    @Test func wholeText() {
        #expect(AsciiFallback.ascii("┌─ keys ─┐") == "+- keys -+")
        #expect(AsciiFallback.ascii("ok ✓ … 中") == "ok + ~ ?")
    }

    @Test func cellTextFitsExactlyItsColumns() {
        #expect(AsciiFallback.cellText(for: "…", columns: 1) == "~")
        #expect(AsciiFallback.cellText(for: "─", columns: 1) == "-")
        #expect(AsciiFallback.cellText(for: "中", columns: 2) == "? ")
        #expect(AsciiFallback.cellText(for: "«", columns: 1) == "<")
        #expect(AsciiFallback.cellText(for: "x", columns: 1) == "x")
        #expect(AsciiFallback.cellText(for: "\u{7}", columns: 1) == "?")
    }
}
