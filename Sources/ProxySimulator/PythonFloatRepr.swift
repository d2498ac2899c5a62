/// Python's `repr(float)`, which `json.dumps` uses for every float.
///
/// Both Swift's `description` and Python's repr produce the shortest digit string that
/// round-trips, so the digits are taken from Swift and only the layout is Python's: fixed
/// notation while the decimal exponent is in (-4, 16], scientific otherwise with at least two
/// exponent digits (`3e-06`, `1e+16`), and `.0` on whole numbers (`200000.0`).
enum PythonFloatRepr {
    static func repr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }

        let negative = value < 0
        let (digits, decimalPoint) = shortestDigits(of: negative ? -value : value)
        var out = negative ? "-" : ""
        if decimalPoint <= -4 || decimalPoint > 16 {
            let exponent = decimalPoint - 1
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let magnitude = String(abs(exponent))
            out += magnitude.count < 2 ? "0" + magnitude : magnitude
        } else if decimalPoint <= 0 {
            out += "0." + String(repeating: "0", count: -decimalPoint) + digits
        } else if decimalPoint >= digits.count {
            out += digits + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
        } else {
            let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
            out += digits[..<split] + "." + digits[split...]
        }
        return out
    }

    /// Significant digits (no leading/trailing zeros) and the position of the decimal point
    /// relative to them: value = 0.DIGITS × 10^decimalPoint.
    static func shortestDigits(of positive: Double) -> (String, Int) {
        let text = positive.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var decimalPoint = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, decimalPoint)
    }

    /// orjson's float text (3.x, as LiteLLM 1.110.2 bundles it): `repr`'s digits, but a
    /// `e-05` number written out in decimal (`0.000015`) and exponents without a leading zero
    /// (`3e-6`, not `3e-06`). Read off orjson for values from `5e-324` to `1e300`.
    static func orjson(_ value: Double) -> String {
        let text = repr(value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = text[..<e]
        var exponentText = text[text.index(after: e)...]
        let sign = exponentText.first == "-" ? "-" : "+"
        if exponentText.first == "-" || exponentText.first == "+" { exponentText = exponentText.dropFirst() }
        let exponent = Int(exponentText) ?? 0
        if sign == "-" && exponent == 5 {
            let negative = mantissa.hasPrefix("-")
            let digits = mantissa.filter(\.isNumber)
            return (negative ? "-" : "") + "0.0000" + digits
        }
        return String(mantissa) + "e" + sign + String(exponent)
    }
}
