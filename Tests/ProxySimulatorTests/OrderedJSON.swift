/// A small JSON reader for the tests that, unlike `JSONSerialization`, keeps object key order,
/// so tests can check that the simulator writes keys in LiteLLM's order. It is deliberately
/// independent of the simulator's own parser.
indirect enum OrderedJSON: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double, text: String)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    subscript(key: String) -> OrderedJSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    var keys: [String] {
        guard case .object(let pairs) = self else { return [] }
        return pairs.map(\.0)
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var intValue: Int? {
        if case .number(let value, _) = self, value == value.rounded() { return Int(value) }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    var isNull: Bool { self == .null }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(_, let text): return text
        case .string(let text): return "\"\(text)\""
        case .array(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> OrderedJSON {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == reader.scalars.count else { throw Malformed(description: "trailing data in \(text.prefix(80))") }
        return value
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
        }

        mutating func value() throws -> OrderedJSON {
            skipSpace()
            guard index < scalars.count else { throw Malformed(description: "unexpected end") }
            switch scalars[index] {
            case "{":
                index += 1
                var pairs: [(String, OrderedJSON)] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "}" { index += 1; return .object(pairs) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw Malformed(description: "object key") }
                    skipSpace()
                    guard index < scalars.count, scalars[index] == ":" else { throw Malformed(description: "missing ':'") }
                    index += 1
                    pairs.append((key, try value()))
                    skipSpace()
                    guard index < scalars.count else { throw Malformed(description: "unterminated object") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "}" { index += 1; return .object(pairs) }
                    throw Malformed(description: "bad object")
                }
            case "[":
                index += 1
                var items: [OrderedJSON] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    guard index < scalars.count else { throw Malformed(description: "unterminated array") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "]" { index += 1; return .array(items) }
                    throw Malformed(description: "bad array")
                }
            case "\"":
                index += 1
                var out = String.UnicodeScalarView()
                while index < scalars.count {
                    let scalar = scalars[index]
                    index += 1
                    if scalar == "\"" { return .string(String(out)) }
                    if scalar == "\\" {
                        let escape = scalars[index]
                        index += 1
                        switch escape {
                        case "n": out.append("\n")
                        case "t": out.append("\t")
                        case "r": out.append("\r")
                        case "b": out.append("\u{08}")
                        case "f": out.append("\u{0C}")
                        case "u":
                            let hex = String(String.UnicodeScalarView(scalars[index..<index + 4]))
                            index += 4
                            out.append(Unicode.Scalar(UInt32(hex, radix: 16)!) ?? "?")
                        default: out.append(escape)
                        }
                    } else {
                        out.append(scalar)
                    }
                }
                throw Malformed(description: "unterminated string")
            case "t": index += 4; return .bool(true)
            case "f": index += 5; return .bool(false)
            case "n": index += 4; return .null
            default:
                let start = index
                while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let number = Double(text) else { throw Malformed(description: "bad number \(text)") }
                return .number(number, text: text)
            }
        }
    }
}
