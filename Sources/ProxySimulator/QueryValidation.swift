/// FastAPI/pydantic validation of query parameters, which runs after authentication but
/// before the endpoint body: so a viewer's bad `hours` is a 403, an admin's is a 422.
enum QueryValidation {
    /// Pydantic's lax str → int: surrounding Unicode whitespace is ignored, a sign and single
    /// underscores between digits are allowed, and so is a fraction made only of zeros
    /// (`6.00`, `1_000.0`); `1.5`, `1e3`, `0x10` and non-ASCII digits are rejected.
    static func pydanticInt(_ raw: String) -> Int? {
        let trimmed = raw.unicodeScalars
            .drop(while: { $0.properties.isWhitespace })
            .reversed().drop(while: { $0.properties.isWhitespace }).reversed()
        var scalars = Array(trimmed)
        var negative = false
        if let first = scalars.first, first == "+" || first == "-" {
            negative = first == "-"
            scalars.removeFirst()
        }
        if let dot = scalars.firstIndex(of: ".") {
            let fraction = scalars[(dot + 1)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
            scalars = Array(scalars[..<dot])
        }
        guard let first = scalars.first, let last = scalars.last, isASCIIDigit(first), isASCIIDigit(last) else { return nil }
        var value = 0
        var previousWasUnderscore = false
        for scalar in scalars {
            if scalar == "_" {
                if previousWasUnderscore { return nil }
                previousWasUnderscore = true
                continue
            }
            guard isASCIIDigit(scalar) else { return nil }
            previousWasUnderscore = false
            let digit = Int(scalar.value - 48)
            // Python ints are unbounded; beyond Int64 the simulator gives up (reported as 422).
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    /// The `hours` every schedule endpoint requires.
    static func requiredInt(_ name: String, in request: IncomingRequest, version: LiteLLMVersion) -> Result<Int, ResponseError> {
        guard let raw = request.queryValue(name) else {
            return .failure(error(type: "missing", name: name, message: "Field required", input: .null, version: version))
        }
        guard let value = pydanticInt(raw) else {
            return .failure(error(
                type: "int_parsing", name: name,
                message: "Input should be a valid integer, unable to parse string as an integer",
                input: .string(raw), version: version
            ))
        }
        return .success(value)
    }

    /// Pydantic's lax str → bool.
    static func optionalBool(_ name: String, in request: IncomingRequest, version: LiteLLMVersion) -> Result<Bool?, ResponseError> {
        guard let raw = request.queryValue(name) else { return .success(nil) }
        switch raw.lowercased() {
        case "1", "on", "t", "true", "y", "yes": return .success(true)
        case "0", "off", "f", "false", "n", "no": return .success(false)
        default:
            return .failure(error(
                type: "bool_parsing", name: name, message: "Input should be a valid boolean, unable to interpret input",
                input: .string(raw), version: version
            ))
        }
    }

    /// `{"detail":[{type, loc, msg, input}]}`; 1.109.1's FastAPI no longer echoes `input`.
    static func error(type: String, name: String, message: String, input: PythonJSON, version: LiteLLMVersion) -> ResponseError {
        var item: PythonObject = [
            "type": .string(type),
            "loc": .array([.string("query"), .string(name)]),
            "msg": .string(message),
        ]
        if version == .v1_100_5 { item["input"] = input }
        return ResponseError(.json(422, .object(["detail": .array([.object(item)])])))
    }
}
