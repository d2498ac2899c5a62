/// Numbers for people: prices per 1M tokens are products like 1e6 × 3.6e-06, which is
/// 3.5999999999999996 in binary floating point. Rounding to 10 significant digits removes
/// that noise and keeps every real price exact (they have at most a few digits).
public enum PriceText {
    /// `x` rounded to `digits` significant decimal digits.
    public static func rounded(_ x: Double, significantDigits digits: Int = 10) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let shift = digits - 1 - decimalExponent(x)
        // Powers of ten up to 1e22 are exact doubles, so the division (or multiplication)
        // below is correctly rounded and lands on the double nearest the short decimal.
        guard abs(shift) <= 22 else { return x }
        let p = powerOfTen(abs(shift))
        return shift >= 0 ? (x * p).rounded() / p : (x / p).rounded() * p
    }

    /// "3", "0.0375", "1.25", "0.00001": rounded, plain decimal (no exponent), no
    /// trailing zeros.
    public static func price(_ x: Double) -> String {
        plainDecimal(rounded(x))
    }

    /// "+12.5%", "−50%" (one decimal; U+2212 as in the diff's summary).
    public static func percent(_ p: Double) -> String {
        let r = (p * 10).rounded() / 10
        let text = plainDecimal(abs(r))
        return (r > 0 ? "+" : r < 0 ? "−" : "") + text + "%"
    }

    /// Swift's shortest round-trip digits, written without an exponent.
    public static func plainDecimal(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        if x == 0 { return "0" }
        var text = "\(x)"
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var point = parts[0].count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var whole = Substring(digits.prefix(point))
        var fraction = Substring(digits.dropFirst(point))
        while whole.count > 1, whole.hasPrefix("0") { whole = whole.dropFirst() }
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// floor(log10(|x|)) for finite non-zero x, from the decimal text (no libm rounding
    /// surprises at exact powers of ten).
    static func decimalExponent(_ x: Double) -> Int {
        let text = plainDecimal(abs(x))
        if let dot = text.firstIndex(of: "."), text.hasPrefix("0") {
            let fraction = text[text.index(after: dot)...]
            return -(fraction.prefix { $0 == "0" }.count + 1)
        }
        return (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count) - 1
    }

    private static func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}
