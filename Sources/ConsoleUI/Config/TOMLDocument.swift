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
        do {
            root = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw Problem(line: error.source.begin.line, message: error.description)
        } catch {
            throw Problem(line: 1, message: "\(error)")
        }
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
