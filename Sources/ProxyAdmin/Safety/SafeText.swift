/// The one sanitiser between text from outside (proxy bodies, fetched files, config,
/// theme and history files) and a terminal. Controls (C0, DEL, C1), ESC and the bidi
/// controls never reach a screen, stdout or stderr as themselves: each becomes a visible
/// escape (`\x1b`, `\u202e`), so an OSC title sequence or a right-to-left override in a
/// status field shows as text instead of acting. The screen (`CellBuffer.put`), the
/// command-line writer (`Output`) and the JSON writer (`JSONValue.quote`) all call it.
public enum SafeText {
    /// Whether a scalar must not reach a terminal as itself: C0 controls, DEL, C1
    /// controls, the bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069)
    /// and the bidi marks (U+200E, U+200F, U+061C), which reorder text just as well.
    @inlinable
    public static func isUnsafe(_ v: UInt32) -> Bool {
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v < 0x61C { return false }
        return v == 0x61C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Whether `text` holds nothing `isUnsafe` flags (printable ASCII is checked bytewise).
    @inlinable
    public static func isSafe(_ text: some StringProtocol) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return true }
        return !text.unicodeScalars.contains { isUnsafe($0.value) }
    }

    /// `text` with every unsafe scalar replaced by its visible escape; the same string
    /// when there is none (no copy on the common path).
    public static func escaped(_ text: String) -> String {
        isSafe(text) ? text : escapeAll(text)
    }

    public static func escaped(_ text: Substring) -> String {
        isSafe(text) ? String(text) : escapeAll(text)
    }

    /// How one unsafe scalar is shown: `\n`, `\r`, `\t` by name, others below U+0100 as
    /// `\xHH`, the rest as `\uHHHH`.
    public static func escape(_ v: UInt32) -> String {
        switch v {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default:
            let hex = String(v, radix: 16)
            return v < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                             : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    private static func escapeAll(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if isUnsafe(u.value) { out.append(contentsOf: escape(u.value).unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// One line for a message built from a body: escaped, and cut to `limit` characters
    /// with "…" (a 10 MB error page must not become a 10 MB status line).
    public static func line(_ text: some StringProtocol, limit: Int = 300) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) + "…" : String(text)
        return escaped(cut)
    }
}

extension SafeText {
    /// Text a command writes to stdout or stderr: our own line breaks stay, everything
    /// else unsafe is escaped line by line, and every registered secret is redacted.
    public static func forOutput(_ text: String) -> String {
        let clean = text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
            || !text.unicodeScalars.contains { $0 != "\n" && isUnsafe($0.value) }
        let safe = clean ? text : text.split(separator: "\n", omittingEmptySubsequences: false).map(escaped).joined(separator: "\n")
        return Redactor.redact(safe)
    }
}
