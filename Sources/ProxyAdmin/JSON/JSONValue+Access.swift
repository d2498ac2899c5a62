/// Reading parsed JSON without a `switch` at every step.
extension JSONValue {
    /// The value under `key` in an object (exact code-point match, as JSON keys are
    /// compared); nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0.exactlyEquals(key) }?.1
    }

    public var objectValue: [(String, JSONValue)]? {
        if case .object(let pairs) = self { pairs } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    public var stringValue: String? {
        if case .string(let s) = self { s } else { nil }
    }

    public var intValue: Int? {
        if case .int(let i) = self { i } else { nil }
    }

    /// Any number as a `Double` (`.int` too).
    public var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { b } else { nil }
    }

    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// "an object", "a string", ...: for messages about a value of the wrong kind.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
