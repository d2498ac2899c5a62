/// A byte-level RFC 8259 parser into `JSONValue`, keeping object keys in file order.
///
/// Why not `JSONSerialization`/`JSONDecoder`: they lose key order and merge keys by
/// canonical equivalence, while the files synctop reads (the beta-header mapping, the
/// 3 MB cost map) are shown in file order and must be read as LiteLLM's Python reads them.
/// So, like `json.loads`: a duplicate key keeps the last value at the first key's place;
/// keys are compared by exact code points. Integers that fit `Int` become `.int`, every
/// other number `.double`. Unlike `json.loads`, `NaN`/`Infinity` are rejected (not JSON)
/// and a lone surrogate escape becomes U+FFFD. No Foundation here: this is a hot path.
public enum JSONParser {
    /// Deeper nesting is refused rather than risking the stack (the parser recurses).
    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { parseResult($0) }.get()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parseResult($0) }.get()
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try parseResult(buffer).get()
    }

    /// The top-level object's members one at a time — key, value, and the value's bytes —
    /// so a caller can keep what it needs of each and drop the rest: the 3 MB cost map
    /// never exists as one tree. Returns nil for an object, else the (non-object) document.
    public static func forEachMember(of bytes: [UInt8], _ body: (String, JSONValue, ArraySlice<UInt8>) -> Void)
        throws(JSONSyntaxError) -> JSONValue? {
        try bytes.withUnsafeBufferPointer { buffer -> Result<JSONValue?, JSONSyntaxError> in
            var reader = JSONReader(buffer)
            do throws(JSONReader.Failure) {
                return .success(try reader.members { key, value, range in body(key, value, bytes[range]) })
            } catch {
                return .failure(JSONSyntaxError(error.message, offset: error.offset, in: buffer))
            }
        }.get()
    }

    static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONSyntaxError> {
        var reader = JSONReader(buffer)
        do throws(JSONReader.Failure) {
            return .success(try reader.document())
        } catch {
            return .failure(JSONSyntaxError(error.message, offset: error.offset, in: buffer))
        }
    }
}

/// Where and why a text is not JSON: "line 12, column 5: expected ',' or '}'".
/// Line and column are 1-based; the column counts Unicode scalars, as Python's does.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// Byte offset of the problem in the input.
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Line and column are computed only here, on failure: the hot path counts nothing.
    init(_ message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        for k in 0..<min(offset, bytes.count) {
            let b = bytes[k]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(message: message, line: line, column: column, offset: offset)
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// The parser's cursor over the input bytes. Failures carry a byte offset only.
struct JSONReader {
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    /// Reused for strings with escapes.
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document() throws(Failure) -> JSONValue {
        try rejectByteOrderMark()
        let value = try parseValue()
        try expectEnd()
        return value
    }

    /// See `JSONParser.forEachMember`. Duplicate keys are all handed over, in order.
    mutating func members(_ body: (String, JSONValue, Range<Int>) -> Void) throws(Failure) -> JSONValue? {
        try rejectByteOrderMark()
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return try document() }
        try parseMembers(body)
        try expectEnd()
        return nil
    }

    private func rejectByteOrderMark() throws(Failure) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw Failure(message: "byte order mark (U+FEFF) before the JSON text", offset: 0)
        }
    }

    private mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        if i < bytes.count { throw Failure(message: "unexpected \(describe(i)) after the JSON value", offset: i) }
    }

    // MARK: values

    private mutating func parseValue() throws(Failure) -> JSONValue {
        skipWhitespace()
        guard i < bytes.count else { throw Failure(message: "unexpected end of input, expected a value", offset: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw Failure(message: "NaN and Infinity are not JSON numbers", offset: i)
        default:
            throw Failure(message: "unexpected \(describe(i)), expected a value", offset: i)
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        // Small objects find duplicates by scanning; large ones (the cost map's top level)
        // through an index built once they grow past a few keys.
        var index: [ExactKey: Int]?
        try parseMembers { key, value, _ in
            if let existing = Self.position(of: key, in: pairs, index: &index) {
                pairs[existing].1 = value
            } else {
                pairs.append((key, value))
                index?[ExactKey(key)] = pairs.count - 1
            }
        }
        return .object(pairs)
    }

    /// The object at `i` (on its "{"), member by member: key, value and the value's bytes.
    /// One loop for the tree (`parseObject`) and the stream (`members`).
    private mutating func parseMembers(_ onMember: (String, JSONValue, Range<Int>) -> Void) throws(Failure) {
        try enter()
        i += 1
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return
        }
        var first = true
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                if i < bytes.count, bytes[i] == UInt8(ascii: "}"), !first {
                    throw Failure(message: "expected a key after ',' (no trailing commas in JSON)", offset: i)
                }
                throw Failure(message: "expected '\"' to start a key, found \(describe(i))", offset: i)
            }
            first = false
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw Failure(message: "expected ':' after the key, found \(describe(i))", offset: i)
            }
            i += 1
            skipWhitespace()
            let start = i
            let value = try parseValue()
            onMember(key, value, start..<i)
            skipWhitespace()
            guard i < bytes.count else { throw Failure(message: "unexpected end of input, expected ',' or '}'", offset: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw Failure(message: "expected ',' or '}', found \(describe(i))", offset: i)
        }
        depth -= 1
    }

    private static func position(of key: String, in pairs: [(String, JSONValue)], index: inout [ExactKey: Int]?) -> Int? {
        if index == nil {
            if pairs.count < 12 {
                for k in pairs.indices where pairs[k].0.exactlyEquals(key) { return k }
                return nil
            }
            var built: [ExactKey: Int] = [:]
            built.reserveCapacity(pairs.count * 2)
            for (k, pair) in pairs.enumerated() { built[ExactKey(pair.0)] = k }
            index = built
        }
        return index?[ExactKey(key)]
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]"), !items.isEmpty {
                throw Failure(message: "expected a value after ',' (no trailing commas in JSON)", offset: i)
            }
            items.append(try parseValue())
            skipWhitespace()
            guard i < bytes.count else { throw Failure(message: "unexpected end of input, expected ',' or ']'", offset: i) }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw Failure(message: "expected ',' or ']', found \(describe(i))", offset: i)
        }
        depth -= 1
        return .array(items)
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw Failure(message: "nesting deeper than \(JSONParser.maxDepth) levels", offset: i)
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n where i + k >= bytes.count || bytes[i + k] != w[k] {
            throw Failure(message: "invalid literal, expected \(word)", offset: i)
        }
        i += n
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    // MARK: strings

    /// At the opening quote; leaves `i` after the closing one.
    private mutating func parseString() throws(Failure) -> String {
        let open = i
        i += 1
        let start = i
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if !ascii { try validateUTF8(start, i) }
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { return try parseEscapedString(open: open, start: start) }
            if b < 0x20 { throw controlCharacter(at: i) }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        throw Failure(message: "unterminated string", offset: open)
    }

    /// The slow path, from the first backslash: decodes into `scratch`.
    private mutating func parseEscapedString(open: Int, start: Int) throws(Failure) -> String {
        scratch.removeAll(keepingCapacity: true)
        var run = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                try validateUTF8(run, i)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                try parseEscape()
                run = i
                continue
            }
            if b < 0x20 { throw controlCharacter(at: i) }
            i += 1
        }
        throw Failure(message: "unterminated string", offset: open)
    }

    /// At a backslash; appends the decoded character to `scratch`.
    private mutating func parseEscape() throws(Failure) {
        let at = i
        guard i + 1 < bytes.count else { throw Failure(message: "unterminated string", offset: at) }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeAt: at)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate pairs only with an immediately following low one.
                if i + 5 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    let low = try hex4(escapeAt: save)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(scalar) {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
        default:
            let shown = e >= 0x21 && e < 0x7F ? "'\\\(Character(Unicode.Scalar(e)))'" : "'\\' followed by \(describe(at + 1))"
            throw Failure(message: "invalid escape \(shown) in a string", offset: at)
        }
    }

    private mutating func hex4(escapeAt: Int) throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw Failure(message: "invalid \\u escape: expected 4 hex digits", offset: escapeAt) }
            let b = bytes[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw Failure(message: "invalid \\u escape: expected 4 hex digits", offset: escapeAt)
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case ..<0x80: scratch.append(UInt8(v))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF), as Python decodes.
    private func validateUTF8(_ from: Int, _ to: Int) throws(Failure) {
        var k = from
        while k < to {
            let c = bytes[k]
            if c < 0x80 { k += 1; continue }
            let length: Int
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: throw Failure(message: "invalid UTF-8 byte 0x\(hex(c))", offset: k)
            }
            guard k + length <= to else { throw Failure(message: "truncated UTF-8 sequence", offset: k) }
            var scalar = UInt32(c) & (0x7F >> UInt32(length))
            for n in 1..<length {
                let cc = bytes[k + n]
                guard cc & 0xC0 == 0x80 else { throw Failure(message: "invalid UTF-8 byte 0x\(hex(cc))", offset: k + n) }
                scalar = scalar << 6 | UInt32(cc & 0x3F)
            }
            if (length == 3 && (scalar < 0x800 || (0xD800...0xDFFF).contains(scalar)))
                || (length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF)) {
                throw Failure(message: "invalid UTF-8 sequence", offset: k)
            }
            k += length
        }
    }

    private func controlCharacter(at k: Int) -> Failure {
        Failure(message: "control character U+00\(hex(bytes[k])) in a string (must be escaped)", offset: k)
    }

    // MARK: numbers

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// RFC grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. Doubles whose
    /// digits fit 2^53 with a power of ten up to 22 are exact by one multiplication or
    /// division (Clinger's fast path); the rest go to the standard library's parser.
    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw Failure(message: "expected a digit after '-'", offset: i)
        }
        var mantissa: UInt64 = 0
        var exactDigits = true
        var exponent = 0
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) {
                throw Failure(message: "numbers may not have leading zeros", offset: start)
            }
        } else {
            while i < bytes.count, isDigit(bytes[i]) {
                accumulate(bytes[i], into: &mantissa, exact: &exactDigits)
                i += 1
            }
        }
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw Failure(message: "expected a digit after '.'", offset: i)
            }
            while i < bytes.count, isDigit(bytes[i]) {
                accumulate(bytes[i], into: &mantissa, exact: &exactDigits)
                exponent -= 1
                i += 1
            }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            var negativeExponent = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                negativeExponent = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw Failure(message: "expected a digit in the exponent", offset: i)
            }
            var e = 0
            while i < bytes.count, isDigit(bytes[i]) {
                if e < 100_000 { e = e * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
                i += 1
            }
            exponent += negativeExponent ? -e : e
        }
        if isInteger, exactDigits {
            if !negative, mantissa <= UInt64(Int.max) { return .int(Int(mantissa)) }
            if negative, mantissa <= UInt64(Int.max) { return .int(-Int(mantissa)) }
            if negative, mantissa == UInt64(Int.max) + 1 { return .int(Int.min) }
        }
        if exactDigits, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            var d = Double(mantissa)
            d = exponent < 0 ? d / Self.powersOfTen[-exponent] : d * Self.powersOfTen[exponent]
            return .double(negative ? -d : d)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        // The grammar was checked above, so the standard library accepts the text;
        // out-of-range values become ±infinity or ±0, as Python's float() gives.
        return .double(Double(text) ?? .nan)
    }

    @inline(__always)
    private func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private func accumulate(_ digit: UInt8, into mantissa: inout UInt64, exact: inout Bool) {
        guard exact else { return }
        let (times10, o1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
        if o1 || o2 { exact = false } else { mantissa = sum }
    }

    // MARK: messages

    /// "'x'", "end of input", "U+000A", "'é'": what was found, for messages.
    private func describe(_ k: Int) -> String {
        guard k < bytes.count else { return "end of input" }
        let b = bytes[k]
        if b >= 0x80 {
            var end = k + 1
            while end < bytes.count, end < k + 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self)
            if let u = s.unicodeScalars.first, u != "\u{FFFD}", s.unicodeScalars.count == 1 {
                return "'\(s)' (U+\(hex(u.value, width: 4)))"
            }
            return "byte 0x\(hex(b))"
        }
        return describeByte(b)
    }

    private func describeByte(_ b: UInt8) -> String {
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return b < 0x80 ? "U+\(hex(UInt32(b), width: 4))" : "byte 0x\(hex(b))"
    }

    private func hex(_ b: UInt8) -> String { hex(UInt32(b), width: 2) }

    private func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
