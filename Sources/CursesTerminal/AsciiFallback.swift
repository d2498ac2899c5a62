/// ASCII stand-ins for the box-drawing and symbol characters the UI uses, for terminals
/// (or locales) that cannot show them. Pure, so the table is tested.
public enum AsciiFallback {
    /// The ASCII text for `c`: `c` itself when it is ASCII, a stand-in when one is known,
    /// nil otherwise. Text-level: may be wider than `c` ("«" → "<<").
    public static func replacement(for c: Character) -> String? {
        if c.isASCII { return String(c) }
        guard c.unicodeScalars.count <= 2, let first = c.unicodeScalars.first else { return nil }
        // A trailing variation selector (⚠️) does not change what the symbol means.
        if c.unicodeScalars.count == 2, !(0xFE00...0xFE0F).contains(c.unicodeScalars.last!.value) { return nil }
        if let s = symbols[first] { return s }
        return boxDrawing(first.value)
    }

    /// `text` with every character replaced (unknown ones become "?").
    public static func ascii(_ text: some StringProtocol) -> String {
        var out = ""
        for c in text { out += replacement(for: c) ?? "?" }
        return out
    }

    /// Exactly `columns` ASCII columns for one cell in the draw path: the text-level
    /// replacement cut or padded to fit ("«" in one cell is "<").
    static func cellText(for c: Character, columns: Int) -> String {
        var s = replacement(for: c) ?? "?"
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { s = "?" }
        if s.count > columns { s = String(s.prefix(columns)) }
        return s + String(repeating: " ", count: max(0, columns - s.count))
    }

    private static let symbols: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        func add(_ chars: String, _ ascii: String) {
            for s in chars.unicodeScalars { table[s] = ascii }
        }
        add("●•◉◆■▪∙⬤", "*")
        add("○◯◦□◇▫", "o")
        add("…", "~")  // not "." : a lone dot reads as the "absent" symbol (issue 20)
        add("—–‒―−", "-")
        add("▲△▴↑⇑⬆", "^")
        add("▼▽▾↓⇓⬇", "v")
        add("←◀◂⇐‹⬅", "<")
        add("→▶▸⇒›➜➔", ">")
        add("«", "<<")
        add("»", ">>")
        add("↔", "<->")
        add("↕", "|")
        add("✓✔☑", "+")
        add("✗✘✕✖×", "x")
        add("⚠❗‼", "!")
        add("·", ".")
        add("°", "o")
        add("±", "+-")
        add("≤", "<=")
        add("≥", ">=")
        add("≠", "!=")
        add("\u{00A0}", " ")
        add("‘’′", "'")
        add("“”″", "\"")
        add("░", ".")
        add("▁▂▃", "_")
        add("▄▅▆▇█▉▊▋▌▍▎▏▐▀▓▒", "#")
        add("⏸", "||")
        return table
    }()

    /// U+2500–U+257F by shape: horizontal lines "-", vertical lines "|", diagonals, and
    /// every corner, tee and cross "+".
    private static func boxDrawing(_ v: UInt32) -> String? {
        guard (0x2500...0x257F).contains(v) else { return nil }
        switch v {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550,
             0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551,
             0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }
}
