import ProxyAdmin

/// Word wrapping of styled lines: what a page shows in full instead of cutting with "…"
/// (header-check answers, a model's fields, a mapping's changes). Styles stay with their
/// words; continuation lines start `hang` columns in; a word wider than a line is split.
public enum LineWrap {
    /// `line` as lines of at most `width` columns. Without `hang`, continuation lines
    /// start under the value when the line begins with a padded label ("max_tokens   "),
    /// else two columns right of the line's own indentation, so a wrapped item still
    /// reads as one. Lines break at spaces and after a comma that is not in a number (a
    /// header value "a,b,c" is one word to the eye but wraps at its commas). Text is measured as drawn: escaped first (SafeText), so a control
    /// character's `\x1b` counts its four columns.
    public static func wrap(_ line: Line, width: Int, hang: Int? = nil) -> [Line] {
        guard width > 0 else { return [] }
        let spans = line.map { Span(SafeText.escaped($0.text), $0.role) }
        let total = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total <= width { return [spans] }
        let labelled = spans.count >= 2 && spans[0].text.hasSuffix("  ") && !spans[0].text.hasPrefix(" ")
        let indent = min(max(0, hang ?? (labelled ? DisplayWidth.of(spans[0].text) : leadingSpaces(spans) + 2)), max(width / 2, width - 20))
        var out: [Line] = []
        var current: Line = []
        var used = 0
        var pendingSpace: [Span] = []  // spaces between words, dropped at a break
        var pendingWidth = 0
        var hasWord = false  // the current line holds a word (not only its indent)

        func put(_ text: String, _ role: Role) {
            if let last = current.last, last.role == role {
                current[current.count - 1].text += text
            } else {
                current.append(Span(text, role))
            }
            used += DisplayWidth.of(text)
        }
        func breakLine() {
            out.append(current)
            current = indent > 0 ? [Span(String(repeating: " ", count: indent))] : []
            used = indent
            hasWord = false
            pendingSpace = []
            pendingWidth = 0
        }
        for word in words(spans) {
            if word.isSpace {
                pendingSpace.append(contentsOf: word.parts)
                pendingWidth += word.width
                continue
            }
            if hasWord, used + pendingWidth + word.width > width { breakLine() }
            for s in pendingSpace { put(s.text, s.role) }
            pendingSpace = []
            pendingWidth = 0
            for part in word.parts {
                var text = part.text
                // A word wider than the room left: split it where the line ends.
                while used + DisplayWidth.of(text) > width {
                    var head = DisplayWidth.truncate(text, to: max(0, width - used), ellipsis: false)
                    if head.isEmpty {
                        // Not one character fits: on a fresh line take one anyway (a wide
                        // character on a one-column page), else go to the next line.
                        guard !hasWord && used == indent else { breakLine(); continue }
                        head = String(text.prefix(1))
                    }
                    put(head, part.role)
                    text = String(text.dropFirst(head.count))
                    hasWord = true
                    if text.isEmpty { break }
                    breakLine()
                }
                if !text.isEmpty { put(text, part.role); hasWord = true }
            }
        }
        if hasWord || out.isEmpty { out.append(current) }
        return out
    }

    /// Every line of a page wrapped to `width`.
    public static func wrap(_ lines: [Line], width: Int) -> [Line] {
        lines.flatMap { $0.isEmpty ? [$0] : wrap($0, width: width) }
    }

    private static func leadingSpaces(_ spans: Line) -> Int {
        var n = 0
        for span in spans {
            let spaces = span.text.prefix { $0 == " " }.count
            n += spaces
            if spaces < span.text.count { break }
        }
        return n
    }

    /// A run of spaces or of other characters, possibly across spans ("a" + "," is one word).
    private struct Word {
        var parts: [Span] = []
        var width = 0
        var isSpace: Bool
    }

    private static func words(_ spans: Line) -> [Word] {
        var out: [Word] = []
        var splitHere = true  // the next run starts a word of its own
        var previous: Character?
        for span in spans {
            var run = ""
            var runIsSpace: Bool?
            func flush() {
                guard let isSpace = runIsSpace, !run.isEmpty else { return }
                let w = DisplayWidth.of(run)
                if !splitHere, let last = out.last, last.isSpace == isSpace {
                    out[out.count - 1].parts.append(Span(run, span.role))
                    out[out.count - 1].width += w
                } else {
                    out.append(Word(parts: [Span(run, span.role)], width: w, isSpace: isSpace))
                }
                splitHere = false
                run = ""
            }
            for ch in span.text {
                let isSpace = ch == " "
                if runIsSpace != isSpace { flush(); runIsSpace = isSpace }
                if previous == ",", !isSpace, !ch.isNumber { flush(); splitHere = true }  // a break after "a,"
                run.append(ch)
                previous = ch
            }
            flush()
        }
        return out
    }
}
