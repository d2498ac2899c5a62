/// Terminal column width of text, decided here (not by the C library's locale-dependent
/// `wcwidth`) so layout is the same in tests and on every terminal. Covers what synctop
/// shows: ASCII, Latin, box drawing, CJK and emoji.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 } // emoji presentation
        return isWide(v) ? 2 : 1
    }

    public static func of(_ s: some StringProtocol) -> Int {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count } // printable ASCII
        if s.unicodeScalars.allSatisfy({ isSingleColumnGrapheme($0.value) }) { return s.unicodeScalars.count }
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    /// Scalars that are one column wide and a grapheme on their own whatever surrounds
    /// them, as long as every scalar beside them is one of these too: printable Latin
    /// (not the soft hyphen, a format character) and the punctuation, arrows, box lines and
    /// symbols of U+2010–U+2BFF, less the joiners, invisible formatting characters and
    /// combining marks for symbols there (none of which is in this set). Text made only of
    /// them needs no grapheme breaking: one scalar, one cell, one column. This is the same
    /// width `of(_: Character)` gives each of them.
    @inlinable
    public static func isSingleColumnGrapheme(_ v: UInt32) -> Bool {
        switch v {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF, 0x2100...0x2BFF:
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `width` columns; with `ellipsis`, a cut
    /// string ends in "…" so the operator sees that something was left out.
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let budget = ellipsis ? width - 1 : width
        // One scalar per column: cut by scalars, without grapheme breaking.
        if s.unicodeScalars.allSatisfy({ isSingleColumnGrapheme($0.value) }) {
            let scalars = s.unicodeScalars
            let cut = scalars.index(scalars.startIndex, offsetBy: max(0, budget), limitedBy: scalars.endIndex) ?? scalars.endIndex
            let head = String(s[..<cut]) // a copy of the bytes, not scalar by scalar
            return ellipsis ? head + "…" : head
        }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        return ellipsis ? out + "…" : out
    }
}

extension String {
    /// Pads with spaces to `width` display columns (never cuts).
    public func padding(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
