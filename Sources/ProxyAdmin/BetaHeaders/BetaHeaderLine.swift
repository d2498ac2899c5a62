/// Splitting an `anthropic-beta` line as LiteLLM does: `[b.strip() for b in
/// line.split(",") if b.strip()]`, with Python's notion of whitespace, which is wider than
/// ASCII (a pasted U+00A0 or U+3000 is trimmed by the proxy, a U+200B is not).
public enum BetaHeaderLine {
    /// The betas of `line`, in order, duplicates kept. A pasted `anthropic-beta:` prefix
    /// (any ASCII case, spaces before the colon allowed) is removed first.
    public static func parts(_ line: String) -> [String] {
        var out: [String] = []
        for part in withoutPrefix(line).split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = strip(part)
            if !trimmed.isEmpty { out.append(String(Substring(trimmed))) }
        }
        return out
    }

    /// The line after an optional `anthropic-beta:` prefix.
    static func withoutPrefix(_ line: String) -> Substring.UnicodeScalarView {
        let all = Substring(line).unicodeScalars
        var rest = all[...]
        while let first = rest.first, isPythonWhitespace(first) { rest.removeFirst() }
        for expected in "anthropic-beta".unicodeScalars {
            guard let u = rest.first, u.isASCII, lowercasedASCII(u) == expected else { return all }
            rest.removeFirst()
        }
        while let first = rest.first, isPythonWhitespace(first) { rest.removeFirst() }
        guard rest.first == ":" else { return all }
        rest.removeFirst()
        return rest
    }

    /// Python's `str.strip()` with no argument.
    static func strip(_ s: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        var s = s
        while let first = s.first, isPythonWhitespace(first) { s.removeFirst() }
        while let last = s.last, isPythonWhitespace(last) { s.removeLast() }
        return s
    }

    /// Python's `str.isspace()`: Unicode White_Space plus the information separators
    /// U+001C–U+001F, minus nothing else.
    public static func isPythonWhitespace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    private static func lowercasedASCII(_ u: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(u.value) ? Unicode.Scalar(u.value + 0x20)! : u
    }
}
