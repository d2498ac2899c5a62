/// How prices and token counts read on screen and in text output: exact for the values
/// the cost map holds, without float noise (1e6 × 3e-06 is 2.9999999999999996 in binary).
public enum ModelNumberText {
    /// Dollars per 1M tokens: "3.00", "0.15", "0.0375", "1.25", "0.000075".
    public static func price(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == 0 { return "0.00" }
        let magnitude = abs(value)
        // Ten significant digits; never more than 12 decimals.
        var exponent = 0
        var probe = magnitude
        while probe >= 10 { probe /= 10; exponent += 1 }
        while probe < 1 { probe *= 10; exponent -= 1 }
        let decimals = min(12, max(0, 9 - exponent))
        guard magnitude < 1e15 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (magnitude * scale).rounded()
        guard scaled < 9.2e18, scaled > 0 else { return "\(value)" }
        let n = UInt64(scaled)
        let divisor = UInt64(scale)
        var fraction = decimals == 0 ? "" : String(n % divisor)
        if decimals > 0 { fraction = String(repeating: "0", count: decimals - fraction.count) + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        while fraction.count < 2 { fraction += "0" }  // money reads with two decimals
        return (value < 0 ? "-" : "") + "\(n / divisor)." + fraction
    }

    /// Token counts: "128k", "1M", "8,192", "1,048,576" (exact: rounded forms only when exact).
    public static func tokens(_ n: Int) -> String {
        if n != 0, n % 1_000_000 == 0 { return "\(n / 1_000_000)M" }
        if n != 0, n % 1_000 == 0, abs(n) < 1_000_000 { return "\(n / 1_000)k" }
        return grouped(n)
    }

    /// "1,048,576".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "+12.5%", "−40%": for price changes.
    public static func percent(_ p: Double) -> String {
        guard p.isFinite else { return "" }
        let rounded = (p * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded.magnitude)) : String(rounded.magnitude)
        return (rounded < 0 ? "−" : "+") + text + "%"
    }
}
