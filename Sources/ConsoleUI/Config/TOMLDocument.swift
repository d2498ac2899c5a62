import ProxyAdmin
import TOMLKit

/// A TOML file read by TOMLKit (toml++): every valid TOML is taken — literal and
/// multi-line strings, arrays, inline tables, `10_000`, quoted and dotted keys, CRLF —
/// and every problem is said with the file, the line and the key. toml++ gives a line for
/// syntax errors only; for a value of the wrong type the line is found in the text
/// (`line(of:in:)`), which is what an operator needs to fix it.
struct TOMLDocument {
    let file: String
    let root: TOMLTable
    private let lines: [Substring]

    struct Problem: Error, Equatable {
        var line: Int
        var message: String
    }

    init(_ source: String, file: String) throws(Problem) {
        self.file = file
        // By scalar: "\r\n" is one Character, and CRLF files must keep their line count.
        lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        if let bad = Self.headerTomlPlusPlusAbortsOn(lines) {
            guard let first = bad.first else {
                throw Problem(line: bad.line + 1, message: "a table header without a name: write [contexts.NAME] (or remove the \"[\")")
            }
            throw Problem(line: bad.line + 1, message: "a table header's name must start with a letter, a digit, _, - or a quote, not \"\(first)\": "
                          + "write [contexts.NAME], quoting a name with other characters ([contexts.\"NAME\"])")
        }
        do {
            root = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw Problem(line: error.source.begin.line, message: error.description)
        } catch {
            throw Problem(line: 1, message: "\(error)")
        }
    }

    /// toml++ (inside TOMLKit) aborts the whole process — an assertion in its key parser,
    /// found by Tests/Fuzz — on a table header whose first key starts with anything but a
    /// key character, a quote or `]`: `[`, `[)`, `[ =]`, `[[#`, `[` + a combining mark. Such a
    /// header is an error anyway; the first one's index is returned, with the character
    /// that cannot start a name (nil: the line ends there), so it is said as one.
    ///
    /// toml++ reads code points, so this does too (a `[` followed by a combining mark is one
    /// Swift Character, and a Character-wise check missed it: the fuzzer's second finding).
    /// Headers are found as toml++ finds them: at the start of a line at document level, so
    /// the lexer steps over strings (basic, literal, multi-line, with escapes), comments and
    /// arrays that span lines — a `[ ! -f x ]` line inside a multi-line `pods_command` is text.
    /// Past toml++'s first syntax error nothing matters: it stops there.
    static func headerTomlPlusPlusAbortsOn(_ lines: [Substring]) -> (line: Int, first: Unicode.Scalar?)? {
        let s = Array(lines.joined(separator: "\n").unicodeScalars)
        let n = s.count
        func at(_ j: Int, _ c: Unicode.Scalar) -> Bool { j < n && s[j] == c }
        func keyStart(_ c: Unicode.Scalar) -> Bool {
            (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || "_-\"']".unicodeScalars.contains(c)
        }
        // toml++ skips one byte-order mark at the start, so this does too: after it, a first
        // line `[` + a non-ASCII character aborted toml++ (the fuzzer's third finding).
        var i = at(0, "\u{FEFF}") ? 1 : 0, line = 0, arrays = 0, lineStart = true
        while i < n {
            let c = s[i]
            if c == "\n" { line += 1; lineStart = true; i += 1; continue }
            if lineStart, c == " " || c == "\t" { i += 1; continue }
            if lineStart, arrays == 0, c == "[" {
                var j = i + 1
                if at(j, "[") { j += 1 }
                while at(j, " ") || at(j, "\t") { j += 1 }
                if j >= n || !keyStart(s[j]) { return (line, j < n && s[j] != "\n" && s[j] != "\r" ? s[j] : nil) }
                while i < n, s[i] != "\n" { i += 1 }  // the rest of a header line: its key, a comment
                continue
            }
            lineStart = false
            switch c {
            case "#":
                while i < n, s[i] != "\n" { i += 1 }
                continue
            case "\"", "'":
                let multi = at(i + 1, c) && at(i + 2, c)
                i += multi ? 3 : 1
                while i < n {
                    if c == "\"", s[i] == "\\" { if at(i + 1, "\n") { line += 1 }; i += 2; continue }
                    if s[i] == "\n" {
                        guard multi else { break }  // a single-line string ends at the line's end (an error)
                        line += 1
                    }
                    if s[i] == c, !multi || (at(i + 1, c) && at(i + 2, c)) {
                        i += multi ? 3 : 1
                        if multi { for _ in 0..<2 where at(i, c) { i += 1 } }  // `""""` ends with a quote inside
                        break
                    }
                    i += 1
                }
                continue
            case "[": arrays += 1
            case "]": arrays = max(0, arrays - 1)
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The line where `key` is set inside the table at `path`: its `key = …` line, a
    /// dotted `a.key.x = …`, or its own `[path.key]` header; else the table's header
    /// line; 1 at worst.
    func line(of key: String, in path: [String] = []) -> Int {
        let wanted = path + [key]
        var current: [String] = []
        var headerLine: Int?
        for (i, raw) in lines.enumerated() {
            let text = raw.drop { $0 == " " || $0 == "\t" }
            if text.hasPrefix("[") {
                current = Self.keyPath(text.drop { $0 == "[" }.prefix { $0 != "]" })
                if current.starts(with: wanted) { return i + 1 }
                if current == path { headerLine = i + 1 }
                continue
            }
            guard let eq = text.firstIndex(of: "=") else { continue }
            if (current + Self.keyPath(text[..<eq])).starts(with: wanted) { return i + 1 }
        }
        return headerLine ?? 1
    }

    /// The text after `=` on a line, for messages ("found \"ten\"").
    func rawValue(at line: Int) -> String {
        guard line >= 1, line <= lines.count, let eq = lines[line - 1].firstIndex(of: "=") else { return "" }
        var value = lines[line - 1][lines[line - 1].index(after: eq)...]
        if let hash = value.firstIndex(of: "#"), !value[..<hash].contains("\"") { value = value[..<hash] }
        return String(value).trimmingCharacters(in: " \t\r")
    }

    /// `a.b."c d"` → ["a", "b", "c d"].
    static func keyPath(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingCharacters(in: " \t"))
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingCharacters(in: " \t\r"))
        return parts
    }

    /// `names` in the order the file sets them (TOMLKit's tables are sorted; an
    /// operator's contexts are in the order written).
    func order(_ names: [String], in path: [String] = []) -> [String] {
        let at = Dictionary(uniqueKeysWithValues: names.map { ($0, line(of: $0, in: path)) })
        return names.sorted { (at[$0]!, $0) < (at[$1]!, $1) }
    }
}

extension TOMLType {
    /// How a value's type is named in messages.
    var words: String {
        switch self {
        case .string: "text"
        case .int: "a whole number"
        case .double: "a number with a fraction"
        case .bool: "true or false"
        case .array: "a list"
        case .table: "a table"
        default: "a date or time"
        }
    }
}
