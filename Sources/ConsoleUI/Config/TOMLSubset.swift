/// The TOML subset synctop's own files are written in (themes and `config.toml`):
/// `# comments` (a `#` inside quotes stays), `[section]` lines, and `key = "text"`,
/// `key = 123`, `key = true | false`. One reader for both files, so a rule cannot differ
/// between them; each file words its own errors, naming file and line.
enum TOMLSubset {
    enum Value: Equatable {
        case text(String)
        case number(Int)
        case flag(Bool)
    }

    enum Line: Equatable {
        /// `[name]`, the name with its spaces trimmed.
        case section(String)
        /// `key = value`; `value` is nil when the text after `=` (kept in `raw`) is none
        /// of the forms above.
        case pair(key: String, value: Value?, raw: String)
        /// A `[` line without its `]`.
        case badSection(String)
        /// A line with no `=`.
        case noEquals(String)
    }

    /// Every line that says something, with its number (from 1); blank and comment-only
    /// lines are left out.
    static func lines(_ source: String) -> [(number: Int, line: Line)] {
        var out: [(number: Int, line: Line)] = []
        // "\r\n" is one Character in Swift: split on it too, or a file saved with Windows
        // line ends reads as a single line.
        let rows = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, raw) in rows.enumerated() {
            let text = stripComment(raw).trimmingSpaces()
            if text.isEmpty { continue }
            out.append((index + 1, read(text)))
        }
        return out
    }

    private static func read(_ line: String) -> Line {
        if line.hasPrefix("[") {
            guard line.hasSuffix("]") else { return .badSection(line) }
            return .section(String(line.dropFirst().dropLast()).trimmingSpaces())
        }
        guard let eq = line.firstIndex(of: "=") else { return .noEquals(line) }
        let key = String(line[..<eq]).trimmingSpaces()
        let raw = String(line[line.index(after: eq)...]).trimmingSpaces()
        return .pair(key: key, value: value(raw), raw: raw)
    }

    private static func value(_ raw: String) -> Value? {
        if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { return .text(String(raw.dropFirst().dropLast())) }
        if raw == "true" || raw == "false" { return .flag(raw == "true") }
        return Int(raw).map(Value.number)
    }

    /// A line without its `# comment`; a `#` inside double quotes is text.
    static func stripComment(_ line: Substring) -> Substring {
        var inQuotes = false
        for i in line.indices {
            if line[i] == "\"" { inQuotes.toggle() }
            if line[i] == "#", !inQuotes { return line[..<i] }
        }
        return line
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
