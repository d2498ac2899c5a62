import Foundation

/// An independent model of LiteLLM's `filter_and_transform_beta_headers` (1.109.1, as the
/// shared README describes it), written from that text and sharing no code with
/// ProxyAdmin: strings are arrays of code points, dicts are Swift dictionaries keyed by
/// them, so equality, hashing and sorting are Python's by construction.
struct ReferenceBetaFilter {
    typealias CodePoints = [UInt32]

    enum Value {
        case table([CodePoints: CodePoints?])
        case other
    }

    struct Result: Equatable {
        var resolved: CodePoints
        var forwarded: [CodePoints]
        var dropped: [Dropped]
        var renamed: [Renamed]
        var hasColumn: Bool
    }

    struct Dropped: Equatable {
        var beta: CodePoints
        var unsupported: Bool
        var headerOnly: Bool
    }

    struct Renamed: Equatable {
        var beta: CodePoints
        var to: CodePoints
    }

    /// Top-level keys in file order, and the dict Python would hold.
    private(set) var order: [CodePoints] = []
    private(set) var top: [CodePoints: Value] = [:]
    private(set) var aliases: [CodePoints: CodePoints] = [:]

    static func cp(_ s: String) -> CodePoints {
        var out: CodePoints = []
        for u in s.unicodeScalars { out.append(u.value) }
        return out
    }

    static func string(_ c: CodePoints) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: c.map { Unicode.Scalar($0)! })
        return s
    }

    /// From ordered pairs; later duplicates replace earlier ones in place (dict semantics).
    /// Table values: String, NSNull, or anything else (not understood).
    init(pairs: [(String, Any)]) {
        for (key, value) in pairs {
            let k = Self.cp(key)
            if top[k] == nil { order.append(k) }
            if let entries = value as? [(String, Any)] {
                var table: [CodePoints: CodePoints?] = [:]
                for (beta, mapped) in entries {
                    if let name = mapped as? String {
                        table[Self.cp(beta)] = .some(Self.cp(name))
                    } else if mapped is NSNull {
                        table[Self.cp(beta)] = .some(nil)
                    } else {
                        // A value that is neither a name nor null: the model leaves it out.
                        table[Self.cp(beta)] = nil
                    }
                }
                top[k] = .table(table)
            } else {
                top[k] = .other
            }
        }
        if case .table(let table)? = top[Self.aliasesKey] {
            for (alias, canonical) in table { if let canonical { aliases[alias] = canonical } }
        }
        providers = computeProviders()
    }

    /// From a Foundation dictionary (the real files: ASCII, so nothing is merged).
    init(foundation object: [String: Any], keyOrder: [String]) {
        self.init(pairs: keyOrder.map { key in
            let value = object[key]!
            if let entries = value as? [String: Any] { return (key, entries.map { ($0.key, $0.value) } as [(String, Any)]) }
            return (key, value)
        })
    }

    private static let suffix = cp("_header_only")

    private static func isHeaderOnlyKey(_ k: CodePoints) -> Bool {
        k.count >= suffix.count && Array(k.suffix(suffix.count)) == suffix
    }

    /// Provider columns: top-level objects other than description, provider_aliases and
    /// `*_header_only`.
    private static let descriptionKey = cp("description")
    private static let aliasesKey = cp("provider_aliases")

    private func isColumn(_ k: CodePoints) -> Bool {
        guard case .table? = top[k] else { return false }
        return k != Self.descriptionKey && k != Self.aliasesKey && !Self.isHeaderOnlyKey(k)
    }

    /// Columns in file order, then providers that only have a header-only column.
    private(set) var providers: [String] = []

    private func computeProviders() -> [String] {
        var out = order.filter(isColumn)
        for k in order where Self.isHeaderOnlyKey(k) {
            guard case .table? = top[k] else { continue }
            let provider = Array(k.dropLast(Self.suffix.count))
            if !isColumn(provider), !out.contains(provider) { out.append(provider) }
        }
        return out.map(Self.string)
    }

    // MARK: the filter

    private static let pythonWhitespace: Set<UInt32> = [
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
        0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
        0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    ]

    private static func strip(_ s: ArraySlice<UInt32>) -> CodePoints {
        var lo = s.startIndex
        var hi = s.endIndex
        while lo < hi, pythonWhitespace.contains(s[lo]) { lo += 1 }
        while hi > lo, pythonWhitespace.contains(s[hi - 1]) { hi -= 1 }
        return Array(s[lo..<hi])
    }

    /// The spec's tolerance: optional whitespace, "anthropic-beta" in any ASCII case,
    /// optional whitespace, ":".
    private static func dropPrefix(_ line: CodePoints) -> CodePoints {
        var k = 0
        while k < line.count, pythonWhitespace.contains(line[k]) { k += 1 }
        for c in cp("anthropic-beta") {
            guard k < line.count else { return line }
            var u = line[k]
            if u >= 0x41, u <= 0x5A { u += 0x20 }
            guard u == c else { return line }
            k += 1
        }
        while k < line.count, pythonWhitespace.contains(line[k]) { k += 1 }
        guard k < line.count, line[k] == 0x3A else { return line }
        return Array(line[(k + 1)...])
    }

    /// `[b.strip() for b in line.split(",") if b.strip()]`.
    static func split(_ line: String) -> [CodePoints] {
        let all = dropPrefix(cp(line))
        var parts: [CodePoints] = []
        var start = 0
        for k in 0...all.count where k == all.count || all[k] == 0x2C {
            let part = strip(all[start..<k])
            if !part.isEmpty { parts.append(part) }
            start = k + 1
        }
        return parts
    }

    /// The effective dict for one provider and placement: header = `{**column, **overlay}`,
    /// body = column without the overlay's keys.
    struct Prepared {
        var resolved: CodePoints
        var mapping: [CodePoints: CodePoints?]
        var overlay: [CodePoints: CodePoints?]
        var hasColumn: Bool
    }

    func prepare(provider: String, header: Bool) -> Prepared {
        let resolved = aliases[Self.cp(provider)] ?? Self.cp(provider)
        var column: [CodePoints: CodePoints?]?
        if isColumn(resolved), case .table(let t)? = top[resolved] { column = t }
        var overlay: [CodePoints: CodePoints?] = [:]
        if case .table(let t)? = top[resolved + Self.suffix] { overlay = t }
        var mapping = column ?? [:]
        if header {
            for (k, v) in overlay { mapping[k] = v }
        } else {
            for k in overlay.keys { mapping[k] = nil }
        }
        return Prepared(resolved: resolved, mapping: mapping, overlay: overlay, hasColumn: column != nil)
    }

    func filter(line: String, provider: String, header: Bool) -> Result {
        filter(line: line, prepared: prepare(provider: provider, header: header))
    }

    func filter(line: String, prepared: Prepared) -> Result {
        let betas = Self.split(line)
        let (resolved, mapping, overlay, hasColumn) = (prepared.resolved, prepared.mapping, prepared.overlay, prepared.hasColumn)
        var forwarded = Set<CodePoints>()
        var dropped: [Dropped] = []
        var renamed: [Renamed] = []
        for beta in betas {
            guard let entry = mapping[beta] else {
                if !dropped.contains(where: { $0.beta == beta }) {
                    dropped.append(Dropped(beta: beta, unsupported: false, headerOnly: overlay[beta] != nil))
                }
                continue
            }
            guard let name = entry else {
                if !dropped.contains(where: { $0.beta == beta }) {
                    dropped.append(Dropped(beta: beta, unsupported: true, headerOnly: overlay[beta] != nil))
                }
                continue
            }
            forwarded.insert(name)
            if name != beta, !renamed.contains(where: { $0.beta == beta }) { renamed.append(Renamed(beta: beta, to: name)) }
        }
        return Result(
            resolved: resolved, forwarded: forwarded.sorted { $0.lexicographicallyPrecedes($1) },
            dropped: dropped, renamed: renamed, hasColumn: hasColumn
        )
    }
}
