/// How prices and token counts read in the Models view: money with two decimals at least,
/// token counts short where exact. The digits themselves come from `PriceText`.
public enum ModelNumberText {
    /// Dollars per 1M tokens for the table: `PriceText`'s exact digits, with at least two
    /// decimals as money reads ("3.00", "0.15", "0.0375", "0.000075").
    public static func price(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        var text = PriceText.price(value)
        guard !text.contains("e") else { return text }
        if !text.contains(".") { text += "." }
        let decimals = text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!)
        return text + String(repeating: "0", count: max(0, 2 - decimals))
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
    public static func percent(_ p: Double) -> String { PriceText.percent(p) }
}
