/// LiteLLM's auth reads and parses every request body before anything else
/// (`_read_request_body`), even on endpoints that take none. A form body is accepted, an empty
/// one is `{}`, bytes that are not UTF-8 end up as `{}` too (the decode error escapes into a
/// catch-all). Otherwise orjson parses it, with `json.loads` as a more lenient second try; if
/// both fail the answer is a 400 quoting orjson's message, regardless of the key. A body that
/// parses to something other than an object crashes a later step: the generic 500.
enum RequestBodyCheck {
    static func check(body: [UInt8], contentType: String?) -> OutgoingResponse? {
        guard !body.isEmpty else { return nil }
        let mediaType = (contentType ?? "").split(separator: ";", maxSplits: 1).first
            .map { $0.trimmingWhitespace().lowercased() } ?? ""
        if mediaType == "application/x-www-form-urlencoded" || mediaType == "multipart/form-data" { return nil }
        guard isValidUTF8(body) else { return nil }

        var validator = OrjsonValidator(bytes: body)
        switch validator.validate() {
        case .object: return nil
        case .otherValue: return .internalServerError
        case .failure(let message, let offset):
            // json.loads accepts what orjson refuses in a few cases (NaN, Infinity, huge
            // numbers, lone surrogates), but never a byte order mark.
            if !body.starts(with: [0xEF, 0xBB, 0xBF]), let lenient = try? PythonJSONParser.parse(body) {
                if case .object = lenient { return nil }
                return .internalServerError
            }
            let position = Self.position(in: body, byteOffset: offset)
            let reason = "\(message): line \(position.line) column \(position.column) (char \(position.character))"
            return AuthQuirks.proxyError(400, "Invalid JSON payload: " + reason, type: "invalid_request_error", param: .string("request_body")).response
        }
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// orjson counts in characters, not bytes.
    private static func position(in bytes: [UInt8], byteOffset: Int) -> (line: Int, column: Int, character: Int) {
        var line = 1, column = 1, character = 0
        for byte in bytes[..<min(byteOffset, bytes.count)] where byte & 0xC0 != 0x80 {
            character += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column, character)
    }
}

/// Enough of orjson's (yyjson's) validation to reproduce its messages for common mistakes.
private struct OrjsonValidator {
    enum Outcome {
        case object
        case otherValue
        case failure(String, Int)
    }

    struct Failure: Error {
        let message: String
        let offset: Int
    }

    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func validate() -> Outcome {
        skipSpace()
        if index == bytes.count { return .failure("input data is empty", 0) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .failure("UTF-8 byte order mark (BOM) is not supported", 0) }
        do {
            let isObject = bytes[index] == UInt8(ascii: "{")
            try value()
            skipSpace()
            if index < bytes.count { throw Failure(message: "unexpected content after document", offset: index) }
            return isObject ? .object : .otherValue
        } catch let failure as Failure {
            return .failure(failure.message, failure.offset)
        } catch {
            return .failure("unexpected character, expected a JSON value", index)
        }
    }

    private var endOfData: Failure { Failure(message: "unexpected end of data", offset: bytes.count) }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() throws {
        guard index < bytes.count else { throw endOfData }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "+"), UInt8(ascii: "."): throw Failure(message: "no digit after sign", offset: index)
        default: throw Failure(message: "unexpected character, expected a JSON value", offset: index)
        }
    }

    private mutating func object() throws {
        index += 1
        skipSpace()
        guard index < bytes.count else { throw endOfData }
        if bytes[index] == UInt8(ascii: "}") { index += 1; return }
        while true {
            guard index < bytes.count else { throw endOfData }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw Failure(message: "unexpected character, expected a string key", offset: index)
            }
            try string()
            skipSpace()
            guard index < bytes.count else { throw endOfData }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw Failure(message: "unexpected character, expected ':' after key", offset: index)
            }
            index += 1
            skipSpace()
            try value()
            skipSpace()
            guard index < bytes.count else { throw endOfData }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw Failure(message: "unexpected character, expected ',' or '}'", offset: index)
            }
            let comma = index
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                throw Failure(message: "trailing comma is not allowed", offset: comma)
            }
        }
    }

    private mutating func array() throws {
        index += 1
        skipSpace()
        guard index < bytes.count else { throw endOfData }
        if bytes[index] == UInt8(ascii: "]") { index += 1; return }
        while true {
            try value()
            skipSpace()
            guard index < bytes.count else { throw endOfData }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw Failure(message: "unexpected character, expected ',' or ']'", offset: index)
            }
            let comma = index
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw Failure(message: "trailing comma is not allowed", offset: comma)
            }
        }
    }

    private mutating func string() throws {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { index += 1; return }
            if byte < 0x20 { throw Failure(message: "unexpected control character in string", offset: index) }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = index
                index += 1
                guard index < bytes.count else { throw endOfData }
                let escape = bytes[index]
                if escape == UInt8(ascii: "u") {
                    for offset in 1...4 {
                        guard index + offset < bytes.count else { throw endOfData }
                        guard isHexDigit(bytes[index + offset]) else {
                            throw Failure(message: "invalid escaped sequence in string", offset: escapeStart)
                        }
                    }
                    index += 5
                } else if Array("\"\\/bfnrt".utf8).contains(escape) {
                    index += 1
                } else {
                    throw Failure(message: "invalid escaped sequence in string", offset: escapeStart)
                }
                continue
            }
            index += 1
        }
        throw endOfData
    }

    private mutating func literal(_ word: String) throws {
        let start = index
        for expected in word.utf8 {
            guard index < bytes.count else { throw endOfData }
            guard bytes[index] == expected else { throw Failure(message: "invalid literal, expected '\(word)'", offset: start) }
            index += 1
        }
    }

    private mutating func number() throws {
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < bytes.count else { throw endOfData }
            guard isDigit(bytes[index]) else { throw Failure(message: "no digit after sign", offset: index) }
        }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
            throw Failure(message: "number with leading zero is not allowed", offset: index)
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count else { throw endOfData }
            guard isDigit(bytes[index]) else { throw Failure(message: "no digit after decimal point", offset: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw endOfData }
            guard isDigit(bytes[index]) else { throw Failure(message: "no digit after exponent sign", offset: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
