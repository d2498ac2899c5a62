/// `json.JSONDecodeError`'s words for a file the parser refused, as LiteLLM quotes them in a
/// 502 ("invalid JSON from <url>: <message>"): Python 3.11's message, then `: line L column C
/// (char N)` with N counted in characters. The positions match Python's for the common
/// cases (a bad first key, a missing delimiter, extra data); for a broken literal or string
/// Python points at the value's start, the parser where it noticed.
enum PythonJSONErrors {
    static func message(for error: any Error, in bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)" }
        guard let error = error as? PythonJSONParser.ParseError else { return "Expecting value: line 1 column 1 (char 0)" }
        let words: String
        switch error.message {
        case "expected key": words = "Expecting property name enclosed in double quotes"
        case "expected ':'": words = "Expecting ':' delimiter"
        case "expected ',' or '}'", "expected ',' or ']'", "unterminated object", "unterminated array": words = "Expecting ',' delimiter"
        case "extra data": words = "Extra data"
        case "unterminated string": words = "Unterminated string starting at"
        case "invalid control character in string": words = "Invalid control character at"
        case "invalid escape", "unterminated escape", "short \\u escape", "invalid \\u escape": words = "Invalid \\escape"
        default: words = "Expecting value"
        }
        return words + ": " + position(error.offset, in: bytes)
    }

    /// `line L column C (char N)` as `JSONDecodeError` computes them on the decoded text.
    static func position(_ offset: Int, in bytes: [UInt8]) -> String {
        let prefix = String(decoding: bytes[..<min(offset, bytes.count)], as: UTF8.self)
        var line = 1
        var column = 1
        var chars = 0
        for scalar in prefix.unicodeScalars {
            chars += 1
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line) column \(column) (char \(chars))"
    }
}
