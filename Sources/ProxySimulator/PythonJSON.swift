/// A JSON value as Python's `json` module holds it: objects keep insertion order (a dict),
/// integers stay exact (Python ints are unbounded), everything else with a `.` or an
/// exponent is a float. Keeping that split is what lets the writer reproduce LiteLLM's bytes:
/// `0.000003` in a file comes back out as `3e-06`, while `200000` stays `200000`.
enum PythonJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Decimal digits exactly as Python would print the int (normalised by the parser).
    case int(String)
    case float(Double)
    case string(String)
    case array([PythonJSON])
    case object(PythonObject)

    static func int(_ value: Int) -> PythonJSON { .int(String(value)) }

    static func optional(_ value: String?) -> PythonJSON { value.map { .string($0) } ?? .null }
    static func optional(_ value: Int?) -> PythonJSON { value.map { .int($0) } ?? .null }
}

/// An insertion-ordered dict. Assigning an existing key keeps its position, as in Python.
struct PythonObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private(set) var entries: [(key: String, value: PythonJSON)] = []

    init() {}

    init(dictionaryLiteral elements: (String, PythonJSON)...) {
        for (key, value) in elements { self[key] = value }
    }

    var count: Int { entries.count }
    var keys: [String] { entries.map(\.key) }

    subscript(key: String) -> PythonJSON? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Builds from parsed pairs with `json.loads` semantics: a repeated key keeps its first
    /// position and takes the last value.
    init(parsedPairs pairs: [(key: String, value: PythonJSON)]) {
        guard pairs.count > 1 else {
            entries = pairs
            return
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(pairs.count)
        entries.reserveCapacity(pairs.count)
        for pair in pairs {
            if let index = positions[pair.key] {
                entries[index].value = pair.value
            } else {
                positions[pair.key] = entries.count
                entries.append(pair)
            }
        }
    }

    /// Appends without a duplicate check; for bulk building when keys are known unique.
    mutating func appendUnchecked(_ key: String, _ value: PythonJSON) {
        entries.append((key, value))
    }

    mutating func removeValue(forKey key: String) -> PythonJSON? {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        return entries.remove(at: index).value
    }

    static func == (lhs: PythonObject, rhs: PythonObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Serialises like Starlette's `JSONResponse.render`:
/// `json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))`.
enum PythonJSONWriter {
    /// `orjsonFloats`: floats as orjson writes them (LiteLLM 1.110.2's `/model/info`).
    static func encode(_ value: PythonJSON, orjsonFloats: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, orjsonFloats: orjsonFloats)
        return out
    }

    static func write(_ value: PythonJSON, into out: inout [UInt8], orjsonFloats: Bool = false) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let digits): out.append(contentsOf: digits.utf8)
        case .float(let number):
            out.append(contentsOf: (orjsonFloats ? PythonFloatRepr.orjson(number) : PythonFloatRepr.repr(number)).utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out, orjsonFloats: orjsonFloats)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (index, entry) in object.entries.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(entry.value, into: &out, orjsonFloats: orjsonFloats)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `ensure_ascii=False`: only `"`, `\` and C0 controls are escaped; everything else is raw UTF-8.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
