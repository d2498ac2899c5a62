import Foundation
import ProxyAdmin
import Testing

/// `synctop check-headers` against the real thing: LiteLLM 1.100.5's own
/// `filter_and_transform_beta_headers`, run in one Python process (the venv next to
/// SYNCTOP_LITELLM) over a seeded, reproducible set of header lines, for every provider
/// column of the mapping plus names without one. Forwarded betas are compared by exact
/// code points (no canonical equivalence), in order.
///
/// Same rule as `LiteLLMContractTests`: runs when SYNCTOP_LITELLM points at an installed
/// litellm (`.ci/test` sets it) or CI=true, where a missing LiteLLM is a failure.
@Suite(.serialized, .enabled(if: Harness.hasBinary && RealLiteLLM.wanted, "set SYNCTOP_LITELLM to a litellm binary (.ci/test does)"))
struct LiteLLMBetaHeaderContractTests {
    static let fixture = Harness.packageRoot
        .appendingPathComponent("Tests/ProxyAdminTests/Fixtures/litellm-1.100.5-anthropic_beta_headers_config.json").path

    /// Two mappings: the real 1.100.5 file, and a small one with non-ASCII keys, renames
    /// onto canonically-equivalent names, duplicate keys and provider aliases (1.100.5's
    /// code supports `provider_aliases`; its file has none). Each with its own lines.
    static let cases: Result<[BetaCase], any Error> = Result {
        let real = try BetaCase(name: "litellm-1.100.5 file", mappingFile: Array(Data(contentsOf: URL(fileURLWithPath: fixture))),
                                extraProviders: ["openai"], seed: 0x5EED_1005, randomLines: 300)
        let unicode = try BetaCase(name: "Unicode mapping", mappingFile: Array(BetaCase.unicodeMappingJSON.utf8),
                                   extraProviders: ["openai", "claude", "caf\u{E9}", "cafe\u{301}", "dup-alias", "Anthropic"],
                                   seed: 0x00C0_FFEE, randomLines: 150)
        return [real, unicode]
    }

    /// LiteLLM's answers for every case, from one Python run shared by the tests below.
    static let answers: Result<[OracleOutput.Case], any Error> = Result {
        try LiteLLMBetaOracle.run(try cases.get())
    }

    @Test func everyLineAndProviderAgreesWithLiteLLM() throws {
        let cases = try Self.cases.get()
        let answers = try Self.answers.get()
        try #require(answers.count == cases.count)
        var mismatches: [String] = []
        var compared = 0
        for (c, answer) in zip(cases, answers) {
            let mapping = c.mapping
            let providers = answer.providers.map(text)
            // Python decides the provider list from the file; synctop must read the same columns.
            let expected = mapping.providerColumns.map { codePoints($0.name) } + c.extraProviders.map(codePoints)
            try #require(answer.providers == expected, "\(c.name): LiteLLM's columns \(show(answer.providers)), synctop's \(show(expected))")
            // In 1.100.5 the body goes through the same function on a list: there is no
            // header-only column to tell the placements apart, so both must equal it.
            #expect(mapping.headerOnlyColumns.isEmpty, "\(c.name): the body comparison assumes no header-only columns")
            try #require(answer.rows.count == c.lines.count)
            for (line, row) in zip(c.lines, answer.rows) {
                try #require(row.answers.count == providers.count)
                for (provider, litellm) in zip(providers, row.answers) {
                    let header = mapping.check(line: line, provider: provider, placement: .header)
                    let body = mapping.check(line: line, provider: provider, placement: .body)
                    compared += 1
                    var wrong: [String] = []
                    if header.betas.map(codePoints) != row.parts {
                        wrong.append("split: LiteLLM \(show(row.parts)), synctop \(show(header.betas.map(codePoints)))")
                    }
                    if header.forwarded.map(codePoints) != litellm.forwarded {
                        wrong.append("header: LiteLLM \(show(litellm.forwarded)), synctop \(show(header.forwarded.map(codePoints)))")
                    }
                    if body.forwarded.map(codePoints) != litellm.forwarded {
                        wrong.append("body: LiteLLM \(show(litellm.forwarded)), synctop \(show(body.forwarded.map(codePoints)))")
                    }
                    // The header as update_headers_with_filtered_beta leaves it (nil: removed).
                    // Known, intended difference: an EMPTY line makes LiteLLM return early and
                    // leave the header as it was, while synctop reports "removed" (nothing is
                    // forwarded either way). Lines of only commas and spaces are not special:
                    // LiteLLM removes the header for them too, and they are compared.
                    let synctopHeader: [UInt32]? = header.removesField ? nil : codePoints(header.forwardedLine)
                    if line.isEmpty {
                        if litellm.header != [] || !header.removesField {
                            wrong.append("empty line: expected LiteLLM to leave \"\" and synctop to say removed; "
                                + "LiteLLM \(show(litellm.header)), synctop \(show(synctopHeader))")
                        }
                    } else if litellm.header != synctopHeader {
                        wrong.append("header line: LiteLLM \(show(litellm.header)), synctop \(show(synctopHeader))")
                    }
                    if !wrong.isEmpty {
                        mismatches.append("[\(c.name)] line \(show(codePoints(line))) provider \(show(codePoints(provider))):\n    "
                            + wrong.joined(separator: "\n    "))
                    }
                }
            }
        }
        print("LiteLLMBetaHeaderContractTests: \(compared) line × provider pairs compared (header, body, split, header line)")
        #expect(compared > 3000, "the generator made too few comparisons: \(compared)")
        if !mismatches.isEmpty {
            Issue.record("""
                synctop disagrees with LiteLLM 1.100.5 on \(mismatches.count) of \(compared) line × provider pairs; first \(min(5, mismatches.count)):
                \(mismatches.prefix(5).joined(separator: "\n"))
                """)
        }
    }

    /// The command path too: `synctop check-headers --json` for a handful of the lines,
    /// argv and JSON output included.
    @Test func theCommandAgreesOnASample() throws {
        let real = try Self.cases.get()[0]
        let answer = try Self.answers.get()[0]
        let providers = answer.providers.map(text)
        // Lines with betas (the command refuses an empty one with 64), not starting with "-"
        // (argv), with non-ASCII in them; spread over the set and over all 7 providers.
        let candidates = real.lines.indices.filter { i in
            !answer.rows[i].parts.isEmpty && !real.lines[i].hasPrefix("-") && real.lines[i].unicodeScalars.contains { !$0.isASCII }
        }
        try #require(candidates.count >= 10)
        let stride = candidates.count / 10
        var forwardedSomething = 0
        for k in 0..<10 {
            let i = candidates[k * stride]
            let line = real.lines[i]
            let p = (k * 3) % providers.count
            let provider = providers[p]
            let litellm = answer.rows[i].answers[p]
            let r = try Harness.run(Harness.binary, ["check-headers", line, "--provider", provider, "--placement", "header",
                                                     "--json", "--beta-headers-file", Self.fixture, "--litellm-version", "1.100.5"])
            let context = "line \(show(codePoints(line))) provider \(provider)"
            try #require(r.status == 0, "\(context): exit \(r.status)\n\(r.out)\n\(r.err)")
            let results = try JSONDecoder().decode(CommandReport.self, from: Data(r.out.utf8)).checks
            try #require(results.count == 1, "\(context): \(r.out)")
            #expect(results[0].provider == provider && results[0].placement == "header", "\(context): \(r.out)")
            #expect(results[0].forwarded.map(codePoints) == litellm.forwarded,
                    "\(context): LiteLLM \(show(litellm.forwarded)), synctop \(show(results[0].forwarded.map(codePoints)))")
            #expect(results[0].removed == (litellm.header == nil), "\(context): LiteLLM header \(show(litellm.header))")
            if !litellm.forwarded.isEmpty { forwardedSomething += 1 }
        }
        #expect(forwardedSomething >= 3, "the sample should include lines that forward something")
    }
}

private struct CommandReport: Decodable {
    var checks: [CommandResult]
}

private struct CommandResult: Decodable {
    var provider: String
    var placement: String
    var forwarded: [String]
    var removed: Bool
}

// MARK: - the lines

/// One mapping file and the header lines generated for it.
struct BetaCase: Sendable {
    var name: String
    /// The file's bytes: synctop parses them here, LiteLLM reads the same bytes from disk.
    var mappingFile: [UInt8]
    var mapping: BetaHeaderMapping
    /// Providers asked besides the file's columns (unknown names, aliases).
    var extraProviders: [String]
    var lines: [String]

    init(name: String, mappingFile: [UInt8], extraProviders: [String], seed: UInt64, randomLines: Int) throws {
        self.name = name
        self.mappingFile = mappingFile
        self.mapping = try BetaHeaderMapping(parsing: mappingFile)
        self.extraProviders = extraProviders
        self.lines = Self.lines(for: mapping, seed: seed, count: randomLines)
    }

    /// Python's `str.isspace()` is true for these: `strip()` removes them.
    static let spaces = [" ", "\t", "\n", "\r", "\r\n", "\u{B}", "\u{C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{1680}",
                         "\u{2000}", "\u{2007}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}"]
    /// Look like spaces, are not: they stay part of the beta.
    static let notSpaces = ["\u{200B}", "\u{FEFF}", "\u{180E}", "\u{2060}"]
    /// Unknown to every column; canonically-equivalent pairs, compatibility lookalikes,
    /// a combining mark that would glue itself onto a preceding comma as one grapheme.
    static let unknowns = ["foo", "caf\u{E9}", "cafe\u{301}", "\u{E9}", "e\u{301}", "\u{212A}elvin", "Kelvin", "\u{212B}", "A\u{30A}",
                           "\u{C5}", "a\u{200B}b", "null", "None", "\u{301}", "anthropic", "\"quoted\"", "x;y", "\u{1F600}"]

    /// Fixed edge cases first, then `count` random lines; the same every run.
    static func lines(for mapping: BetaHeaderMapping, seed: UInt64, count: Int) -> [String] {
        var real = mapping.betas.filter { !$0.isEmpty }
        var mapped: [String] = []
        for column in mapping.allColumns {
            for entry in column.entries {
                if let m = entry.mapped, !m.isEmpty, !mapped.contains(where: { $0.unicodeScalars.elementsEqual(m.unicodeScalars) }) {
                    mapped.append(m)
                }
            }
        }
        real.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars, by: { $0.value < $1.value }) }
        var lines = ["", ",", " , ,\u{3000}", "\u{85}", "\u{A0},\t,,", ",,\u{2028}, ,",
                     real.joined(separator: ","), real.reversed().joined(separator: ", "), mapped.joined(separator: "\u{A0},\u{3000}"),
                     "\(real[0]),\(real[0]), \(real[0])\u{85}", "\(real[0]),\u{301}\(real[0])", "e\u{301},\u{E9},\(real[0])"]
        var rng = SplitMix64(seed: seed)
        while lines.count < count + 12 {
            var parts: [String] = []
            for _ in 0..<rng.below(9) {
                var part: String
                switch rng.below(20) {
                case 0..<10: part = rng.pick(real)
                case 10..<12: part = rng.pick(mapped.isEmpty ? real : mapped)
                case 12..<15: part = rng.pick(unknowns)
                case 15..<17: part = variant(of: rng.pick(real), &rng)
                case 17: part = rng.pick(spaces)  // a part that is only space: dropped
                default: part = ""  // an empty part: ",,"
                }
                if rng.below(3) == 0 { part = rng.pick(spaces) + part }
                if rng.below(3) == 0 { part += rng.pick(spaces) }
                if rng.below(12) == 0 { part = rng.pick(notSpaces) + part }
                if rng.below(8) == 0, !parts.isEmpty { part = rng.pick(parts) }  // a duplicate, spaces and all
                parts.append(part)
            }
            let line = parts.joined(separator: ",")
            // synctop's command accepts a pasted "anthropic-beta:" prefix, which LiteLLM would
            // keep as part of the first beta: a deliberate difference, so no line starts so.
            if line.lowercased().contains("anthropic-beta") { continue }
            lines.append(line)
        }
        return lines
    }

    /// Near misses of a real beta: unknown to LiteLLM, whatever they look like.
    static func variant(of beta: String, _ rng: inout SplitMix64) -> String {
        switch rng.below(7) {
        case 0: "\u{200B}" + beta
        case 1: beta + "\u{301}"
        case 2: beta.uppercased()
        case 3: "\u{FF43}" + beta.dropFirst()  // fullwidth first letter: NFKC-equal only
        case 4: beta.replacingOccurrences(of: "-", with: "\u{A0}")
        case 5: beta + ";"
        default: beta + " " + beta
        }
    }

    /// Written with escapes so that precomposed and decomposed keys stay distinct on disk.
    /// Duplicate keys: Python's json keeps the last one. "vertex_ai" sorts names whose
    /// code-point order differs from UTF-16 order (U+FF41 vs U+1F600) and from canonical order.
    static let unicodeMappingJSON = #"""
    {
      "description": "synthetic: Unicode keys, renames onto equivalent names, duplicates, aliases",
      "anthropic": {
        "context-1m-2025-08-07": "context-1m-2025-08-07",
        "caf\u00e9": "caf\u00e9",
        "cafe\u0301": "decomposed-cafe",
        "\u212aelvin": "kelvin-sign",
        "Kelvin": null,
        "ren-nfc": "\u00e9",
        "ren-nfd": "e\u0301",
        "ren-nfc-2": "\u00e9",
        "a\u00a0b": "a\u00a0b",
        "\u00e9": "\u00e9",
        "e\u0301": "e\u0301",
        "dup": null,
        "dup": "dup-last",
        "z\u3000": "never-after-strip",
        "": "empty-key"
      },
      "azure_ai": {},
      "bedrock": {
        "caf\u00e9": null,
        "cafe\u0301": "cafe\u0301",
        "ren-nfc": "e\u0301",
        "\u00c5": "A-ring",
        "A\u030a": "A-ring-decomposed",
        "\u212b": "\u00c5",
        "dup": "dup-first",
        "dup": null
      },
      "bedrock_converse": {"\u00e9": null, "e\u0301": "\u00e9"},
      "vertex_ai": {
        "sort-1": "b", "sort-2": "B", "sort-3": "\u00e9", "sort-4": "f", "sort-5": "\ud83d\ude00",
        "sort-6": "\uff41", "sort-7": "\u212a", "sort-8": "K", "sort-9": "e\u0301", "sort-10": "\u00e9"
      },
      "provider_aliases": {"claude": "anthropic", "caf\u00e9": "bedrock", "dup-alias": "anthropic", "dup-alias": "vertex_ai"}
    }
    """#
}

/// SplitMix64: a tiny seeded generator, the same sequence on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}

// MARK: - the oracle: LiteLLM's own code

/// What the Python side is given: every string as code points, so no JSON library on
/// either side can normalize, merge or re-encode anything.
struct OracleInput: Encodable {
    struct Case: Encodable {
        var mapping: String
        var extras: [[UInt32]]
        var lines: [[UInt32]]
    }
    var cases: [Case]
}

struct OracleOutput: Decodable, Sendable {
    struct Answer: Decodable, Sendable {
        /// `filter_and_transform_beta_headers(parts, provider)`.
        var forwarded: [[UInt32]]
        /// `anthropic-beta` after `update_headers_with_filtered_beta`; nil: removed.
        var header: [UInt32]?
    }
    struct Row: Decodable, Sendable {
        var parts: [[UInt32]]
        /// One per provider, in `Case.providers` order.
        var answers: [Answer]
    }
    struct Case: Decodable, Sendable {
        /// The file's provider columns (file order), then the extra names.
        var providers: [[UInt32]]
        var rows: [Row]
    }
    var version: String
    var module: String
    var cases: [Case]
}

enum LiteLLMBetaOracle {
    /// Runs every case through the installed LiteLLM in one Python process.
    static func run(_ cases: [BetaCase]) throws -> [OracleOutput.Case] {
        guard let bin = RealLiteLLM.binary, FileManager.default.isExecutableFile(atPath: bin) else {
            throw HarnessError("SYNCTOP_LITELLM is not set to an installed litellm (run .ci/setup --with-litellm)")
        }
        let python = URL(fileURLWithPath: bin).deletingLastPathComponent().appendingPathComponent("python").path
        let dir = URL(fileURLWithPath: Harness.scratch("beta-oracle"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("oracle.py")
        let input = dir.appendingPathComponent("in.json")
        let output = dir.appendingPathComponent("out.json")
        try Data(pythonScript.utf8).write(to: script)
        var job = OracleInput(cases: [])
        for (k, c) in cases.enumerated() {
            let mapping = dir.appendingPathComponent("mapping-\(k).json")
            try Data(c.mappingFile).write(to: mapping)
            job.cases.append(.init(mapping: mapping.path, extras: c.extraProviders.map(codePoints), lines: c.lines.map(codePoints)))
        }
        try JSONEncoder().encode(job).write(to: input)
        let r = try Harness.run(python, [script.path, input.path, output.path], timeout: 120)
        guard r.status == 0 else {
            throw HarnessError("the LiteLLM oracle failed (exit \(r.status)):\n\(r.err.suffix(3000))")
        }
        let out = try JSONDecoder().decode(OracleOutput.self, from: Data(contentsOf: output))
        guard out.version == "1.100.5" else {
            throw HarnessError("expected LiteLLM 1.100.5, the venv has \(out.version) (\(out.module))")
        }
        guard out.cases.count == cases.count else { throw HarnessError("the oracle answered \(out.cases.count) cases") }
        for (c, answer) in zip(cases, out.cases) where answer.rows.count != c.lines.count {
            throw HarnessError("\(c.name): the oracle answered \(answer.rows.count) of \(c.lines.count) lines")
        }
        return out.cases
    }

    static let pythonScript = #"""
    import importlib.metadata, inspect, json, os, sys

    # The mapping is seeded into the module's cache below; never fetch one (nor the cost map).
    os.environ["LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS"] = "True"
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    import litellm.anthropic_beta_headers_manager as manager

    # The split below is the one update_headers_with_filtered_beta does; make sure it still is.
    SPLIT = '[b.strip() for b in existing_beta.split(",") if b.strip()]'
    assert SPLIT in inspect.getsource(manager.update_headers_with_filtered_beta), "LiteLLM changed its split"

    def text(cps):
        return "".join(chr(c) for c in cps)

    def cps(s):
        return [ord(c) for c in s]

    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    out = {"version": importlib.metadata.version("litellm"), "module": manager.__file__, "cases": []}
    for case in job["cases"]:
        with open(case["mapping"], encoding="utf-8") as f:
            config = json.loads(f.read())  # as load_local_beta_headers_config reads its bundled file
        manager._BETA_HEADERS_CONFIG = config  # the module's cache: every lookup below uses this file
        assert manager._load_beta_headers_config() is config
        providers = [k for k, v in config.items() if isinstance(v, dict) and k != "provider_aliases"]
        providers += [text(p) for p in case["extras"]]
        rows = []
        for raw in case["lines"]:
            line = text(raw)
            parts = [b.strip() for b in line.split(",") if b.strip()]
            answers = []
            for provider in providers:
                forwarded = manager.filter_and_transform_beta_headers(beta_headers=parts, provider=provider)
                headers = {"anthropic-beta": line}
                manager.update_headers_with_filtered_beta(headers=headers, provider=provider)
                header = headers.get("anthropic-beta")
                answers.append({"forwarded": [cps(b) for b in forwarded],
                                "header": None if header is None else cps(header)})
            rows.append({"parts": [cps(p) for p in parts], "answers": answers})
        out["cases"].append({"providers": [cps(p) for p in providers], "rows": rows})
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f)
    """#
}

// MARK: - exact strings

private func codePoints(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

private func text(_ cps: [UInt32]) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: cps.map { Unicode.Scalar($0) ?? "\u{FFFD}" })
    return String(s)
}

/// Printable ASCII as is, everything else as \u{…}: the difference must be visible.
private func show(_ cps: [UInt32]?) -> String {
    guard let cps else { return "nil (removed)" }
    var out = "\""
    for c in cps {
        if c >= 0x20, c < 0x7F, c != 0x22, c != 0x5C { out.unicodeScalars.append(Unicode.Scalar(c)!) } else { out += "\\u{\(String(c, radix: 16, uppercase: true))}" }
    }
    return out + "\""
}

private func show(_ list: [[UInt32]]) -> String { "[" + list.map { show($0) }.joined(separator: ", ") + "]" }
