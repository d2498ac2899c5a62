/// How numbers read for people, in every view and in `status`: one rule, exact values with
/// thousands separators. Counts and token limits are whole numbers ("200,000",
/// "1,048,576", "4,877 models"), never shortened to "200k" or "1M" (which would not say
/// whether 1M is 1,000,000 or 1,048,576); money has two decimals at least ("$3.00",
/// "$0.0375", "$1,071.40"). Machine output (`--json`, metrics, the `models`/`price`/`diff`
/// field values built for awk) keeps plain digits. The price digits come from `PriceText`.
public enum ModelNumberText {
    /// Dollars per 1M tokens: `PriceText`'s exact digits, the whole part grouped, with at
    /// least two decimals as money reads ("3.00", "0.15", "0.0375", "0.000075", "1,071.40").
    public static func price(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        var text = PriceText.price(value)
        guard !text.contains("e") else { return text }
        if !text.contains(".") { text += "." }
        let point = text.firstIndex(of: ".")!
        let decimals = text.distance(from: point, to: text.endIndex) - 1
        var whole = String(text[..<point])
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        if let n = Int(whole) { whole = grouped(n) }
        return (negative ? "-" : "") + whole + String(text[point...]) + String(repeating: "0", count: max(0, 2 - decimals))
    }

    /// A count: "4,877", "1,048,576".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A field's value for a person: a JSON integer grouped ("200,000"), anything else as
    /// compact JSON.
    public static func value(_ v: JSONValue) -> String {
        if case .int(let n) = v { return grouped(n) }
        return v.rendered()
    }

    /// "+12.5%", "−40%": for price changes.
    public static func percent(_ p: Double) -> String { PriceText.percent(p) }
}
