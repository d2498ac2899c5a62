import Foundation
import Testing
@testable import ProxyAdmin

/// The product's check against `ReferenceBetaFilter` on thousands of seeded random header
/// lines, over both real files and a variant with aliases, header-only columns and
/// canonically equivalent (but different) Unicode keys.
@Suite struct BetaHeaderCheckReferenceTests {
    static let linesPerFile = 2500

    @Test(arguments: [BetaFixtures.old, BetaFixtures.new])
    func realFileAgreesWithTheReference(name: String) throws {
        let object = try BetaFixtures.foundationObject(name)
        let reference = ReferenceBetaFilter(foundation: object, keyOrder: try Self.topLevelKeyOrder(name))
        let mapping = try BetaFixtures.mapping(name)
        let providers = reference.providers + ["openai", "Bedrock", "bedrock ", "", "vertex_ai_header_only_x", "azure"]
        try compare(mapping, reference, providers: providers, seed: name == BetaFixtures.old ? 100_5 : 109_1)
    }

    @Test func variantWithAliasesAndHeaderOnlyColumnsAgreesWithTheReference() throws {
        let pairs = try Self.variantPairs()
        var writer = BetaRandom(seed: 77)
        let text = Self.json(pairs, random: &writer)
        let mapping = try BetaHeaderMapping(parsing: text)
        let reference = ReferenceBetaFilter(pairs: pairs)
        // The variant's not-understood parts are reported, not fatal.
        #expect(mapping.warnings.count == 3)
        let providers = reference.providers + [
            "claude", "aws", "vertex", "ghost", "chain", "solo-alias", "bad", "openai", "Bedrock", "",
            "u\u{308}n\u{EF}code-provider", "\u{FC}n\u{EF}code-provider",
        ]
        try compare(mapping, reference, providers: providers, seed: 4242)
    }

    // MARK: comparison

    private func compare(_ mapping: BetaHeaderMapping, _ reference: ReferenceBetaFilter, providers: [String], seed: UInt64) throws {
        typealias R = ReferenceBetaFilter
        #expect(mapping.providers.map(R.cp) == reference.providers.map(R.cp))
        let pool = Self.tokenPool(mapping)
        var random = BetaRandom(seed: seed)
        var compared = 0
        var nonEmpty = 0
        var sawDropped = (unknown: false, unsupported: false, headerOnly: false, renamed: false)
        let prepared = providers.map { p in BetaPlacement.allCases.map { reference.prepare(provider: p, header: $0 == .header) } }
        let preparedAll = reference.providers.map { p in BetaPlacement.allCases.map { reference.prepare(provider: p, header: $0 == .header) } }
        for _ in 0..<Self.linesPerFile {
            let line = Self.randomLine(&random, pool: pool)
            let parts = R.split(line)
            #expect(BetaHeaderLine.parts(line).map(R.cp) == parts, "\(line.debugDescription)")
            for (p, provider) in providers.enumerated() {
                for (q, placement) in BetaPlacement.allCases.enumerated() {
                    let got = mapping.check(line: line, provider: provider, placement: placement)
                    let want = reference.filter(line: line, prepared: prepared[p][q])
                    let same = R.cp(got.resolvedProvider) == want.resolved
                        && got.forwarded.map(R.cp) == want.forwarded
                        && got.dropped.map { R.Dropped(beta: R.cp($0.beta), unsupported: $0.reason == .unsupported, headerOnly: $0.isHeaderOnly) } == want.dropped
                        && got.renamed.map { R.Renamed(beta: R.cp($0.beta), to: R.cp($0.to)) } == want.renamed
                        && got.hasColumn == want.hasColumn
                        && got.betas.map(R.cp) == parts
                        && got.removesField == want.forwarded.isEmpty
                    #expect(same, "line \(line.debugDescription), provider \(provider.debugDescription), \(placement): got \(got), want \(want)")
                    if !same { return }
                    compared += 1
                    if !want.forwarded.isEmpty { nonEmpty += 1 }
                    if want.dropped.contains(where: { !$0.unsupported }) { sawDropped.unknown = true }
                    if want.dropped.contains(where: \.unsupported) { sawDropped.unsupported = true }
                    if want.dropped.contains(where: \.headerOnly) { sawDropped.headerOnly = true }
                    if !want.renamed.isEmpty { sawDropped.renamed = true }
                }
            }
            // checkAll: every provider of the table, header then body, same answers.
            let all = mapping.checkAll(line: line)
            #expect(all.count == reference.providers.count * 2)
            for (k, check) in all.enumerated() {
                let want = reference.filter(line: line, prepared: preparedAll[k / 2][k % 2])
                #expect(R.cp(check.provider) == R.cp(reference.providers[k / 2]))
                #expect(check.forwarded.map(R.cp) == want.forwarded && check.placement == (k % 2 == 0 ? .header : .body))
            }
        }
        // The random lines must exercise every outcome, or the comparison proves little.
        #expect(compared == Self.linesPerFile * providers.count * 2)
        #expect(nonEmpty > compared / 10)
        #expect(sawDropped.unknown && sawDropped.unsupported && sawDropped.renamed)
        if !mapping.headerOnlyColumns.isEmpty { #expect(sawDropped.headerOnly) }
    }

    // MARK: random lines

    /// Every beta and mapped name of the file, some near misses and Unicode look-alikes.
    static func tokenPool(_ mapping: BetaHeaderMapping) -> (real: [String], other: [String]) {
        var real = mapping.betas
        for column in mapping.allColumns { real += column.entries.compactMap(\.mapped) }
        let other = [
            "foo", "context-1m-2025-08-08", "CONTEXT-1M-2025-08-07", "anthropic-beta", "anthropic-beta:x",
            "caf\u{E9}-beta", "cafe\u{301}-beta", "Kelvin-beta", "\u{212A}elvin-beta", "\u{E9}", "e\u{301}",
            "a\u{200B}b", "\u{FEFF}compact-2026-01-12", "compact-2026-01-12\u{200B}", "\u{FC}n\u{EF}code",
            "solo-beta", "header-only-new", "num-beta", "compact\u{2010}2026-01-12", "dup",
        ]
        return (real, other)
    }

    static let whitespace: [String] = [
        " ", " ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{1680}",
        "\u{2000}", "\u{2007}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
        // Not whitespace to Python: must survive stripping.
        "\u{200B}", "\u{FEFF}", "\u{180E}", "\u{2060}",
    ]

    static let prefixes = [
        "anthropic-beta:", "anthropic-beta: ", "Anthropic-Beta:", "ANTHROPIC-BETA :", " anthropic-beta\t: ",
        "\u{3000}anthropic-beta\u{A0}:", "anthropic-beta", "anthropic_beta:", "anthropic-beta-x:",
        "anthropic-bet\u{E4}:", "x-anthropic-beta:", "anthropic-beta::", "\u{200B}anthropic-beta:",
    ]

    static func pad(_ random: inout BetaRandom) -> String {
        guard random.chance(45) else { return "" }
        return (0..<(1 + random.below(3))).map { _ in random.pick(whitespace) }.joined()
    }

    static func mutate(_ token: String, _ random: inout BetaRandom) -> String {
        guard !token.isEmpty else { return token }
        switch random.below(5) {
        case 0: return token.prefix(1).uppercased() + token.dropFirst()
        case 1:
            let k = token.index(token.startIndex, offsetBy: token.count / 2)
            return String(token[..<k]) + random.pick(whitespace) + String(token[k...])
        case 2: return token.replacingOccurrences(of: "e", with: "e\u{301}")
        case 3: return token + "\u{A0}x"
        default: return String(token.dropLast())
        }
    }

    static func randomLine(_ random: inout BetaRandom, pool: (real: [String], other: [String])) -> String {
        var tokens: [String] = []
        for _ in 0..<random.below(9) {
            let token: String
            switch random.below(12) {
            case 0..<6: token = random.pick(pool.real)
            case 6, 7: token = random.pick(pool.other)
            case 8: token = tokens.isEmpty ? random.pick(pool.real) : random.pick(tokens)
            case 9: token = ""
            default: token = mutate(random.pick(pool.real), &random)
            }
            tokens.append(token)
        }
        var line = ""
        for (k, token) in tokens.enumerated() {
            if k > 0 { line += random.pick([",", ",", ",", ", ", " ,", ",,", ", ,", ",\u{A0},"]) }
            line += pad(&random) + token + pad(&random)
        }
        if random.chance(20) { line = random.pick(prefixes) + line }
        if random.chance(10) { line = pad(&random) + line + pad(&random) }
        return line
    }

    // MARK: the variant file

    /// Real 1.109.1 columns plus aliases (one duplicated, one not a string), header-only
    /// columns (one for a provider without a column), a column that is not an object, a
    /// mapped number, a duplicate beta, and keys that differ only by normalization.
    static func variantPairs() throws -> [(String, Any)] {
        let real = try BetaFixtures.foundationObject(BetaFixtures.new)
        func column(_ name: String) -> [(String, Any)] {
            (real[name] as! [String: Any]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        return [
            ("description", "variant with aliases and header-only columns"),
            ("provider_aliases", [
                ("claude", "anthropic"), ("aws", "bedrock_converse"), ("vertex", "vertex_ai"), ("ghost", "nowhere"),
                ("chain", "aws"), ("solo-alias", "solo"), ("bad", 5), ("aws", "bedrock"),
            ] as [(String, Any)]),
            ("anthropic", column("anthropic")),
            ("bedrock", column("bedrock") + [
                ("caf\u{E9}-beta", "caf\u{E9}-bedrock"), ("cafe\u{301}-beta", NSNull()),
                ("Kelvin-beta", "kelvin"), ("\u{212A}elvin-beta", "kelvin-sign"),
                ("x-to-e-acute", "\u{E9}"), ("y-to-e-combining", "e\u{301}"), ("\u{E9}", "e\u{301}"),
                ("dup", "first"), ("a\u{200B}b", "zero-width"), ("dup", "second"),
            ] as [(String, Any)]),
            ("bedrock_header_only", [
                ("context-1m-2025-08-07", NSNull()), ("header-only-new", "header-only-new"),
                ("compact-2026-01-12", "compact-renamed-for-header"), ("cafe\u{301}-beta", "cafe-header"),
            ] as [(String, Any)]),
            ("vertex_ai", column("vertex_ai")),
            ("vertex_ai_header_only", column("vertex_ai_header_only") + [("effort-2025-11-24", NSNull())] as [(String, Any)]),
            ("databricks", [1, 2] as [Any]),
            ("solo_header_only", [("solo-beta", "solo-beta"), ("solo-null", NSNull())] as [(String, Any)]),
            ("weird", [("ok-beta", "ok-beta"), ("num-beta", 5)] as [(String, Any)]),
            ("\u{FC}n\u{EF}code-provider", [("caf\u{E9}-beta", "caf\u{E9}-beta"), ("e\u{301}", "\u{E9}")] as [(String, Any)]),
            ("bedrock_converse", column("bedrock_converse")),
        ]
    }

    /// A small JSON writer for the variant, escaping some characters as `\u` (surrogate
    /// pairs past the BMP) to exercise the parser on the way.
    static func json(_ value: Any, random: inout BetaRandom) -> String {
        switch value {
        case let s as String:
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    if u.value < 0x20 || (u.value > 0x7E && random.chance(50)) || (u.isASCII && random.chance(3)) {
                        if u.value > 0xFFFF {
                            let v = u.value - 0x10000
                            out += String(format: "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                        } else {
                            out += String(format: "\\u%04X", u.value)
                        }
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            return out + "\""
        case is NSNull: return "null"
        case let i as Int: return String(i)
        case let pairs as [(String, Any)]:
            return "{\n" + pairs.map { json($0.0, random: &random) + ": " + json($0.1, random: &random) }.joined(separator: ",\n") + "\n}"
        case let items as [Any]:
            return "[" + items.map { json($0, random: &random) }.joined(separator: ", ") + "]"
        default:
            fatalError("unexpected \(value)")
        }
    }

    /// The real files' top-level key order, read from their two-space indentation (an
    /// independent reading: Foundation's dictionary has no order).
    static func topLevelKeyOrder(_ name: String) throws -> [String] {
        let text = String(decoding: try BetaFixtures.bytes(name), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "\"" })
        }
    }
}
