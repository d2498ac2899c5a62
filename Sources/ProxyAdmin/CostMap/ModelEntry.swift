/// One model of the cost map: the columns the models table shows, read leniently (a
/// number may arrive as a string; a field may be missing or of any type), plus the entry
/// exactly as the proxy gave it for the detail pane.
public struct ModelEntry: Sendable, Equatable {
    public var name: String
    /// The entry's JSON bytes as given. Kept instead of the parsed tree: 4,500 trees are
    /// ~16 MB, their bytes ~3 MB (issue 5 allows 40 MB in all).
    public let raw: [UInt8]
    /// The entry as given: usually an object, but anything is kept and shown. Parsed on
    /// each use (one entry: microseconds).
    public var value: JSONValue { (try? JSONParser.parse(raw)) ?? .null }
    public var provider: String?
    public var mode: String?
    /// Dollars per 1M tokens (`input_cost_per_token` × 1,000,000).
    public var inputPerMillion: Double?
    public var outputPerMillion: Double?
    public var maxInputTokens: Int?
    public var maxOutputTokens: Int?
    /// `{"alias_of": "<key>"}` (LiteLLM 1.110.2's pointer rows): the key it points at. The
    /// columns above then show that entry's values (`CostMap` fills them in).
    public var aliasOf: String?
    /// Lower-cased "model provider" bytes: filtering is a byte search, no allocation per key.
    let searchKey: [UInt8]

    public init(name: String, value: JSONValue) {
        self.init(name: name, value: value, raw: Array(value.rendered().utf8))
    }

    /// `raw` must be `value`'s JSON text (the parser hands both over).
    public init(name: String, value: JSONValue, raw: [UInt8]) {
        self.name = name
        self.raw = raw
        provider = value["litellm_provider"].flatMap(Self.text)
        mode = value["mode"].flatMap(Self.text)
        inputPerMillion = value["input_cost_per_token"].flatMap(Self.number).map { $0 * 1_000_000 }
        outputPerMillion = value["output_cost_per_token"].flatMap(Self.number).map { $0 * 1_000_000 }
        maxInputTokens = value["max_input_tokens"].flatMap(Self.count)
        maxOutputTokens = value["max_output_tokens"].flatMap(Self.count)
        searchKey = SearchText.folded(name + "\u{0}" + (provider ?? ""))
        if case .object(let fields) = value, fields.count == 1, fields[0].0 == "alias_of", case .string(let target) = fields[0].1 { aliasOf = target }
    }

    /// This pointer row showing its target's columns (its raw bytes stay the stub).
    func resolved(through target: ModelEntry) -> ModelEntry {
        var copy = self
        copy.provider = target.provider
        copy.mode = target.mode
        copy.inputPerMillion = target.inputPerMillion
        copy.outputPerMillion = target.outputPerMillion
        copy.maxInputTokens = target.maxInputTokens
        copy.maxOutputTokens = target.maxOutputTokens
        return copy
    }

    /// A price per token as the entry holds it (number or numeric string), for display.
    public static func perToken(_ v: JSONValue) -> Double? { number(v) }

    /// A number, or a string holding one ("0.000003", "3e-06"); nil for anything else.
    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .double(let d): d.isFinite ? d : nil
        case .string(let s): Double(s.trimmingSpaces).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// A whole token count: an integer, an integral float (128000.0) or such a string.
    static func count(_ v: JSONValue) -> Int? {
        if case .int(let i) = v { return i }
        guard let d = number(v), d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }

    static func text(_ v: JSONValue) -> String? {
        if case .string(let s) = v { s } else { nil }
    }
}

/// Case-insensitive substring search over bytes: ASCII letters fold, other bytes compare
/// as they are (model names are ASCII; a non-ASCII query still finds exact matches).
enum SearchText {
    static func folded(_ s: String) -> [UInt8] {
        s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        let n = needle.count
        guard haystack.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - n
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { q in
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n && h[i + j] == q[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
