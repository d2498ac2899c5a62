import Foundation
import ProxyAdmin
import Testing

/// synctop's 1.110.2 rules against LiteLLM 1.110.2's own code: for generated deployments —
/// Foundry and look-alike hosts, Bedrock Invoke ids with and without per-turn control, the
/// verbatim providers, every provider LiteLLM knows — and generated header lines, the
/// route, the header `/v1/messages` sends on and the `anthropic_beta` body field must be
/// LiteLLM's, by exact code points.
///
/// LiteLLM's side runs in one Python process (SYNCTOP_LITELLM_1110: that venv's python):
/// `get_llm_provider`, `_native_messages_config`, the config's
/// `should_filter_anthropic_beta_headers` and `model_specific_anthropic_betas`,
/// `resolve_beta_provider`, `update_headers_with_filtered_beta` and
/// `filter_and_transform_beta_headers`, with the handler's few decision lines repeated in
/// the script, which first checks they are still in LiteLLM's source.
@Suite(.serialized, .enabled(if: LiteLLM1110.python != nil,
                             "SYNCTOP_LITELLM_1110 is not set (LiteLLM 1.110.2's python, e.g. /work/litellm-1.110.2-venv/bin/python): not compared with LiteLLM 1.110.2"))
struct LiteLLM1110BetaContractTests {
    static let fixture = Harness.packageRoot
        .appendingPathComponent("Tests/ProxyAdminTests/Fixtures/litellm-1.110.2-anthropic_beta_headers_config.json").path

    static let cases: Result<[Case1110], any Error> = Result {
        let real = Array(try Data(contentsOf: URL(fileURLWithPath: fixture)))
        let realMapping = try BetaHeaderMapping(parsing: real)
        let synthetic = Array(Case1110.syntheticMappingJSON.utf8)
        let syntheticMapping = try BetaHeaderMapping(parsing: synthetic)
        return [
            Case1110(name: "1.110.2 file × crafted deployments", mappingFile: real, targets: TargetCase.crafted(),
                     lines: Case1110.lines(for: realMapping, seed: 0x1110_2001, count: 90)),
            Case1110(name: "synthetic mapping × crafted deployments", mappingFile: synthetic, targets: TargetCase.crafted(),
                     lines: Case1110.lines(for: syntheticMapping, seed: 0x1110_2002, count: 40)),
            Case1110(name: "1.110.2 file × every LiteLLM provider", mappingFile: real, targets: [],
                     lines: Case1110.lines(for: realMapping, seed: 0x1110_2003, count: 6), sweep: ["claude-sonnet-4-5", "gpt-4o"]),
        ]
    }

    static let answers: Result<[Oracle1110.Output.Case], any Error> = Result { try Oracle1110.run(try cases.get()) }

    @Test func everyDeploymentAndLineAgreesWithLiteLLM() throws {
        let cases = try Self.cases.get()
        let answers = try Self.answers.get()
        try #require(answers.count == cases.count)
        var compared = 0, routes = 0, passesNot = 0
        var skipped: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        var mismatches: [String] = []
        for (c, answer) in zip(cases, answers) {
            let mapping = try BetaHeaderMapping(parsing: c.mappingFile)
            for a in answer.answers {
                let t = a.target
                let deployment = Deployment(modelName: "x", model: text(t.model), apiBase: t.api_base.map(text),
                                            customProvider: t.custom_llm_provider.map(text), perTurnControl: t.per_turn_control,
                                            passesThroughMessages: t.passthrough)
                let who = "[\(c.name)] model \(show(t.model)) api_base \(show(t.api_base)) custom \(show(t.custom_llm_provider)) per_turn \(String(describing: t.per_turn_control)) passthrough \(t.passthrough)"
                guard a.route.kind != "error" else { skipped["LiteLLM refuses the provider (get_llm_provider raises)", default: 0] += 1; continue }
                guard let target = BetaTarget(deployment: deployment) else { mismatches.append("\(who): synctop finds no provider"); continue }
                // The provider and model LiteLLM hands on are synctop's.
                if codePoints(target.provider) != a.route.provider || target.model.map(codePoints) != a.route.model {
                    mismatches.append("\(who): LiteLLM routes to \(show(a.route.provider)) \(show(a.route.model)), synctop to \(target.provider) \(target.model ?? "nil")")
                    continue
                }
                let route = MessagesRoute.of(target)
                if case .unmodelled = route { skipped["a route synctop does not model (said so)", default: 0] += 1; continue }
                routes += 1
                kinds[a.route.kind, default: 0] += 1
                var wrong: [String] = []
                switch (route, a.route.kind) {
                case (.verbatim, "verbatim"), (.translated, "translated"): break
                case (.filtered(_, let row, let unlisted, let basis), "filtered"):
                    if codePoints(row) != a.route.row { wrong.append("row: LiteLLM \(show(a.route.row)), synctop \(row)") }
                    if unlisted.rawValue != a.route.unlisted { wrong.append("unlisted: LiteLLM \(a.route.unlisted ?? "nil"), synctop \(unlisted)") }
                    if case .undecided? = basis {
                        // synctop says it cannot tell; only count it.
                        skipped["Bedrock Invoke keep left to LiteLLM's cost map (said so)", default: 0] += 1
                        if !(a.route.keep ?? []).isEmpty { continue }
                    } else if route.keep.map(codePoints) != (a.route.keep ?? []) {
                        wrong.append("keep: LiteLLM \(show(a.route.keep ?? [])), synctop \(route.keep) (\(basis.map { "\($0)" } ?? "no keep"))")
                    }
                default:
                    wrong.append("route: LiteLLM \(a.route.kind), synctop \(route)")
                }
                if let passes = a.route.passes, passes != MessagesRoute.proxyPassesClientBetas(target) {
                    wrong.append("the proxy hands the client's header on: LiteLLM \(passes), synctop \(!passes)")
                }
                if a.route.passes == false { passesNot += 1 }
                if !wrong.isEmpty { mismatches.append("\(who):\n    " + wrong.joined(separator: "\n    ")); continue }
                for (line, row) in zip(c.lines, a.rows) {
                    let check = mapping.check(line: line, target: target, rules: .perDeployment)
                    compared += 1
                    var bad: [String] = []
                    switch check.header {
                    case .verbatim, .filtered:
                        // What the handler makes of the header, had the proxy handed it on.
                        let mine = check.headerValueIfPassed.map(codePoints)
                        if mine != row.header { bad.append("header: LiteLLM \(show(row.header)), synctop \(show(mine))") }
                    case .notModelled:
                        if a.route.kind != "translated" { bad.append("header not modelled on a \(a.route.kind) route") }
                    }
                    if check.body.forwarded.map(codePoints) != row.body {
                        bad.append("body: LiteLLM \(show(row.body ?? [])), synctop \(show(check.body.forwarded.map(codePoints)))")
                    }
                    if !bad.isEmpty { mismatches.append("\(who) line \(show(codePoints(line))):\n    " + bad.joined(separator: "\n    ")) }
                }
            }
        }
        let skips = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("LiteLLM1110BetaContractTests: \(compared) deployment × line pairs compared (route, header, body) over \(routes) deployments "
              + "(\(kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")); \(passesNot) not handed the client's header by the proxy); not compared: \(skips.isEmpty ? "none" : skips)")
        #expect(compared > 20000, "the generator made too few comparisons: \(compared)")
        for kind in ["verbatim", "filtered", "translated"] { #expect((kinds[kind] ?? 0) > 5, "too few \(kind) routes: \(kinds)") }
        if !mismatches.isEmpty {
            Issue.record("""
                synctop disagrees with LiteLLM 1.110.2 in \(mismatches.count) places; first \(min(8, mismatches.count)):
                \(mismatches.prefix(8).joined(separator: "\n"))
                """)
        }
    }

    /// Every kind of case is generated: Foundry hosts (and look-alikes), Bedrock Invoke ids
    /// that keep the per-turn beta and ones that do not, Azure hosts, verbatim providers.
    @Test func theGeneratedCasesCoverWhatTheyClaim() throws {
        let answers = try Self.answers.get()
        let all = answers.flatMap(\.answers)
        func count(_ p: (Oracle1110.Output.Answer) -> Bool) -> Int { all.count(where: p) }
        #expect(count { $0.route.kind == "filtered" && $0.route.unlisted == "forward" } >= 20, "anthropic on Foundry hosts")
        #expect(count { $0.route.kind == "verbatim" && text($0.route.provider ?? []) == "anthropic" } >= 20, "anthropic elsewhere")
        #expect(count { !($0.route.keep ?? []).isEmpty } >= 30, "Bedrock Invoke keeping per-turn control")
        #expect(count { $0.route.kind == "filtered" && text($0.route.row ?? []) == "bedrock" && ($0.route.keep ?? []).isEmpty } >= 30)
        #expect(count { text($0.route.provider ?? []) == "azure_ai" && $0.target.api_base.map { AzureHosts.isFoundry(text($0)) } == true } >= 10,
                "azure_ai deployments on Azure hosts")
        for provider in ["github_copilot", "bedrock_mantle"] {
            #expect(count { $0.route.kind == "verbatim" && text($0.route.provider ?? []) == provider } >= 1, "\(provider) verbatim")
        }
        #expect(count { $0.route.kind == "verbatim" && $0.target.passthrough } >= 1, "OpenAI-like passthrough")
        let forwardsSomethingUnlisted = answers[0].answers.contains { a in
            a.route.unlisted == "forward" && a.rows.contains { ($0.header.map(text) ?? "").contains("bogus") }
        }
        #expect(forwardsSomethingUnlisted, "a Foundry deployment forwards an unlisted beta as sent")
    }

    /// `synctop check-headers --model … --api-base … --litellm-version 1.110.2 --json`: the
    /// command's header and body for a sample of the crafted deployments.
    @Test func theCommandAgreesOnASample() throws {
        let c = try Self.cases.get()[0]
        let answer = try Self.answers.get()[0]
        let line = "context-1m-2025-08-07, per-turn-control-2026-07-01,bogus,advanced-tool-use-2025-11-20,compact-2026-01-12"
        let k = try #require(c.lines.firstIndex(of: line), "the fixed line is among the generated ones")
        let picks = answer.answers.filter { a in
            a.route.kind != "error" && a.target.custom_llm_provider == nil && !a.target.passthrough && a.target.per_turn_control == nil
                && !(a.target.api_base.map(text) ?? "").hasPrefix("-") && !(a.target.api_base.map(text) ?? "x").isEmpty
        }
        try #require(picks.count >= 12)
        let step = picks.count / 12
        // Every twelfth, and one the proxy does not hand the client's header (github_copilot).
        let sample = (0..<12).map { picks[$0 * step] } + picks.filter { $0.route.passes == false }.prefix(1)
        #expect(sample.contains { $0.route.passes == false })
        for a in sample {
            var args = ["check-headers", line, "--model", text(a.target.model), "--litellm-version", "1.110.2", "--json", "--beta-headers-file", Self.fixture]
            if let base = a.target.api_base { args += ["--api-base", text(base)] }
            let r = try Harness.run(Harness.binary, args)
            let context = "\(args.joined(separator: " "))"
            try #require(r.status == 0, "\(context): exit \(r.status)\n\(r.out)\n\(r.err)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(context): \(r.out)")
            #expect(report["litellm_version"] as? String == "1.110.2", "\(context)")
            let results = try #require(report["checks"] as? [[String: Any]], "\(context): \(r.out)")
            try #require(results.count == 2, "\(context): header and body: \(r.out)")
            let header = try #require(results.first { $0["placement"] as? String == "header" })
            let body = try #require(results.first { $0["placement"] as? String == "body" })
            #expect(header["rules"] as? String == "1.110.2", "\(context)")
            #expect(header["route"] as? String == a.route.kind, "\(context): \(r.out)")
            if a.route.kind != "translated" {
                #expect((header["header_value_if_passed"] as? String).map(codePoints) == a.rows[k].header, "\(context): LiteLLM \(show(a.rows[k].header)): \(r.out)")
                let passes = try #require(a.route.passes)
                #expect(header["proxy_passes_header"] as? Bool == passes, "\(context): \(r.out)")
                #expect((header["header_value"] as? String).map(codePoints) == (passes ? a.rows[k].header : nil), "\(context): \(r.out)")
            }
            #expect((body["forwarded"] as? [String])?.map(codePoints) == a.rows[k].body, "\(context): \(r.out)")
        }
    }
}

enum LiteLLM1110 {
    static var python: String? {
        guard let p = ProcessInfo.processInfo.environment["SYNCTOP_LITELLM_1110"], !p.isEmpty else { return nil }
        return p
    }
}

// MARK: - the cases

/// One deployment as LiteLLM's router would hold it.
struct TargetCase: Codable, Sendable {
    var model: [UInt32]
    var custom_llm_provider: [UInt32]?
    var api_base: [UInt32]?
    var per_turn_control: Bool?
    var passthrough: Bool

    init(_ model: String, custom: String? = nil, apiBase: String? = nil, perTurn: Bool? = nil, passthrough: Bool = false) {
        self.model = codePoints(model)
        self.custom_llm_provider = custom.map(codePoints)
        self.api_base = apiBase.map(codePoints)
        self.per_turn_control = perTurn
        self.passthrough = passthrough
    }

    /// Hosts LiteLLM reads as Foundry or not, spelled every way `urlparse` distinguishes.
    static let apiBases: [String?] = [
        nil, "", "https://api.anthropic.com", "https://myres.services.ai.azure.com/anthropic", "https://MyRes.OpenAI.Azure.COM/anthropic/v1",
        "https://x.cognitiveservices.azure.com", "services.ai.azure.com", "https://services.ai.azure.com", "myres.openai.azure.com/anthropic",
        "https://user:pw@myres.services.ai.azure.com:8443/x", "  https://myres.services.ai.azure.com", "\u{1}https://myres.openai.azure.com",
        "https://myres.services.ai.azure.com.evil.example", "https://evilopenai.azure.com", "https://myres.openai.azure.com.", "http://[::1]:4000",
        "1http://myres.openai.azure.com", "ftp://myres.openai.azure.com", "https://myres.services.ai.azure.com\t/x", "https://my\tres.openai.azure.com",
        "htt\nps://myres.openai.azure.com", "//myres.openai.azure.com", "https://myres.openai.azure.com#frag", "https://a@b@myres.openai.azure.com",
        "https://myres%zone.openai.azure.com", "https://x%.OPENAI.azure.com", "HTTPS://MYRES.SERVICES.AI.AZURE.COM", "https://myres.services.ai.azure.com?x=1",
        "https://myres.openai.azure.com:notaport", "https:/myres.openai.azure.com", "https:myres.openai.azure.com", "https://myres.cognitiveservices.azure.com/",
        "https://foo.azure.com", "https://myres.openai.azure.co", "https://myres.services.ai.azure.com\u{301}", "https://myres.\u{130}penai.azure.com",
        "https://\u{212A}.openai.azure.com", "https://myres.openai.azure.com\u{3000}", "myres.openai.azure.com:443", "https://myres.OpenAI.azure.com:443/anthropic?api-version=1",
        "https://myres.privatelink.openai.azure.com", "http://127.0.0.1:9/anthropic", "https://x.services.ai.azure.com@evil.example",
        "https://evil.example/x.openai.azure.com", "https://evil.example?h=x.openai.azure.com", "a+b.c-d://myres.services.ai.azure.com",
    ]

    /// Bedrock ids as operators write them, and a few only LiteLLM's cost map can decide.
    static func bedrockIDs() -> [String] {
        var rng = SplitMix64(seed: 0xBED0_C1A0)
        let regions = ["", "us.", "eu.", "apac.", "global.", "jp.", "au."]
        let families = ["sonnet", "opus", "haiku", "fable", "mythos", "Sonnet", "\u{17F}onnet", "\u{212A}ite", "opu\u{131}"]
        let versions = ["3", "3-5", "3-7", "4", "4-1", "4-5", "4-6", "4-8", "4.5", "4_5", "4-10", "4-15", "5", "5-1", "5-5", "6", "41", "45",
                        "4-05", "4-5-1", "4-\u{665}", "4-5\u{661}", "\u{FF15}", "4-9\u{FF10}", "9", "10", "4-"]
        let dates = ["", "-20250929", "-20240620"]
        let suffixes = ["-v1:0", "", "-v2:0", ":0"]
        var ids = ["anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-instant-v1", "anthropic.claude-v2:1",
                   "anthropic.claude-sonnet-4-5-20250929-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-opus-4-1-20250805-v1:0",
                   "anthropic.claude-haiku-4-5-20251001-v1:0", "global.anthropic.claude-opus-5-v1:0", "anthropic.claude-fable-5-v1:0"]
        while ids.count < 110 {
            let id = rng.pick(regions) + "anthropic.claude-" + rng.pick(families) + "-" + rng.pick(versions) + rng.pick(dates) + rng.pick(suffixes)
            ids.append(rng.below(4) == 0 ? "invoke/" + id : id)
        }
        return ids
    }

    static func crafted() -> [TargetCase] {
        var out: [TargetCase] = []
        for base in apiBases {
            out.append(TargetCase("anthropic/claude-sonnet-4-5", apiBase: base))
            out.append(TargetCase("azure_ai/claude-sonnet-4-5", apiBase: base))
        }
        for base in apiBases.prefix(8) {
            out.append(TargetCase("claude-sonnet-4-5", custom: "anthropic", apiBase: base))
            out.append(TargetCase("vertex_ai/claude-opus-4-1@20250805", apiBase: base))
        }
        for (k, id) in bedrockIDs().enumerated() {
            out.append(TargetCase("bedrock/" + id))
            if k % 5 == 0 { out.append(TargetCase("bedrock/" + id, perTurn: k % 10 == 0)) }
        }
        out += [
            TargetCase("bedrock/converse/anthropic.claude-3-haiku-20240307-v1:0"), TargetCase("bedrock/mantle/anthropic.claude-haiku-4-5"),
            TargetCase("bedrock/claude_platform/claude-sonnet-4-5"), TargetCase("bedrock/amazon.nova-pro-v1:0"),
            TargetCase("bedrock/invoke/amazon.nova-pro-v1:0"), TargetCase("bedrock/us.meta.llama3-3-70b-instruct-v1:0"),
            TargetCase("bedrock/invoke/us.anthropic.Claude-sonnet-4-5-v1:0"), TargetCase("bedrock/invoke/CLAUDE-sonnet-4-5"),
            TargetCase("github_copilot/claude-sonnet-4.5"), TargetCase("github_copilot/gpt-4o"), TargetCase("github_copilot/CLAUDE-opus-4"),
            TargetCase("bedrock_mantle/anthropic.claude-haiku-4-5"), TargetCase("bedrock_mantle/openai.gpt-oss-120b"),
            TargetCase("vertex_ai/gemini-2.5-pro"), TargetCase("azure_ai/gpt-4o"), TargetCase("azure_ai/Claude-opus-4-1"),
            TargetCase("openai/gpt-4o", passthrough: true), TargetCase("openai/gpt-4o"), TargetCase("hosted_vllm/my-model", passthrough: true),
            TargetCase("anthropic/claude-opus-4-1", passthrough: true), TargetCase("deepseek/deepseek-chat"), TargetCase("minimax/MiniMax-M2"),
            TargetCase("tencent/hunyuan"), TargetCase("bigmodel/glm-4.6"), TargetCase("edenai/x"), TargetCase("sail/x"),
            TargetCase("vertex_ai/claude-sonnet-4-5", apiBase: "https://myres.services.ai.azure.com"),
            TargetCase("bedrock/invoke/us.anthropic.claude-sonnet-4-5-20250929-v1:0", apiBase: "https://myres.services.ai.azure.com"),
            TargetCase("claude-sonnet-4-5", custom: "bedrock", apiBase: nil), TargetCase("invoke/anthropic.claude-opus-4-5", custom: "bedrock"),
        ]
        return out
    }
}

/// One mapping file, its deployments and lines.
struct Case1110: Sendable {
    var name: String
    var mappingFile: [UInt8]
    var targets: [TargetCase]
    var lines: [String]
    /// Models asked of every provider LiteLLM knows (the script expands them).
    var sweep: [String] = []

    /// BetaCase's lines, with per-turn control, Foundry-only and unlisted betas worked in.
    static func lines(for mapping: BetaHeaderMapping, seed: UInt64, count: Int) -> [String] {
        let per = PerTurnControl.beta
        var lines = ["context-1m-2025-08-07, per-turn-control-2026-07-01,bogus,advanced-tool-use-2025-11-20,compact-2026-01-12",
                     per, "\(per),\(per), \(per)", "bogus", "bogus,\(per),context-1m-2025-08-07", "\u{A0}\(per)\u{3000},zz-unlisted,aa-unlisted"]
        var rng = SplitMix64(seed: seed &+ 1)
        for line in BetaCase.lines(for: mapping, seed: seed, count: count) {
            lines.append(line)
            if rng.below(3) == 0 { lines.append(line.isEmpty ? per : (rng.below(2) == 0 ? "\(per),\(line)" : "\(line), \(per)")) }
        }
        return lines
    }

    /// A small mapping where the Foundry row has renames, nulls and absences, the bedrock
    /// row maps per-turn control to null, and an alias points at azure_ai.
    static let syntheticMappingJSON = #"""
    {
      "description": "synthetic: Foundry row with renames and nulls",
      "anthropic": {"context-1m-2025-08-07": "context-1m-2025-08-07", "bogus": null, "caf\u00e9": "caf\u00e9"},
      "azure_ai": {"context-1m-2025-08-07": "ctx-foundry", "per-turn-control-2026-07-01": null, "advanced-tool-use-2025-11-20": "advanced-tool-use-2025-11-20",
                   "cafe\u0301": "\u00e9", "zz-unlisted": "zz-renamed"},
      "azure_ai_header_only": {"compact-2026-01-12": "compact-2026-01-12"},
      "bedrock": {"per-turn-control-2026-07-01": null, "context-1m-2025-08-07": "context-1m-2025-08-07", "advanced-tool-use-2025-11-20": "tool-search-tool-2025-10-19",
                  "tool-search-tool-2025-10-19": "per-turn-control-2026-07-01"},
      "vertex_ai": {"compact-2026-01-12": null},
      "provider_aliases": {"deepseek": "azure_ai", "bedrock_mantle": "bedrock"}
    }
    """#
}

// MARK: - the oracle: LiteLLM 1.110.2's own code

enum Oracle1110 {
    struct Input: Encodable {
        struct Case: Encodable {
            var mapping: String
            var targets: [TargetCase]
            var lines: [[UInt32]]
            var sweep: [[UInt32]]
        }
        var cases: [Case]
    }

    struct Output: Decodable, Sendable {
        struct Route: Decodable, Sendable {
            var kind: String
            var provider: [UInt32]?
            var model: [UInt32]?
            var row: [UInt32]?
            var unlisted: String?
            var keep: [[UInt32]]?
            /// The proxy hands the client's header to the handler (verbatim and filtered routes).
            var passes: Bool?
        }
        struct Row: Decodable, Sendable {
            /// The header as sent on; nil: removed.
            var header: [UInt32]?
            var body: [[UInt32]]?
        }
        struct Answer: Decodable, Sendable {
            var target: TargetCase
            var route: Route
            var rows: [Row]
        }
        struct Case: Decodable, Sendable { var answers: [Answer] }
        var version: String
        var module: String
        var cases: [Case]
        /// How the environment checks were run, for the test's summary line.
        var validated: [String: Int]
    }

    static func run(_ cases: [Case1110]) throws -> [Output.Case] {
        guard let python = LiteLLM1110.python, FileManager.default.isExecutableFile(atPath: python) else {
            throw HarnessError("SYNCTOP_LITELLM_1110 does not name an executable python")
        }
        let dir = URL(fileURLWithPath: Harness.scratch("beta-oracle-1110"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("oracle.py"), input = dir.appendingPathComponent("in.json"), output = dir.appendingPathComponent("out.json")
        try Data(pythonScript.utf8).write(to: script)
        var job = Input(cases: [])
        for (k, c) in cases.enumerated() {
            let mapping = dir.appendingPathComponent("mapping-\(k).json")
            try Data(c.mappingFile).write(to: mapping)
            job.cases.append(.init(mapping: mapping.path, targets: c.targets, lines: c.lines.map(codePoints), sweep: c.sweep.map(codePoints)))
        }
        try JSONEncoder().encode(job).write(to: input)
        let r = try Harness.run(python, [script.path, input.path, output.path], timeout: 300)
        guard r.status == 0 else { throw HarnessError("the LiteLLM 1.110.2 oracle failed (exit \(r.status)):\n\(r.err.suffix(3000))") }
        let out = try JSONDecoder().decode(Output.self, from: Data(contentsOf: output))
        guard out.version == "1.110.2" else { throw HarnessError("expected LiteLLM 1.110.2, \(python) has \(out.version) (\(out.module))") }
        guard out.cases.count == cases.count else { throw HarnessError("the oracle answered \(out.cases.count) cases") }
        print("LiteLLM1110BetaContractTests: the configs' environment checks before the filter: "
              + out.validated.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)×" }.joined(separator: ", "))
        for (c, a) in zip(cases, out.cases) {
            guard a.answers.allSatisfy({ $0.rows.count == c.lines.count }) else { throw HarnessError("\(c.name): rows missing") }
        }
        return out.cases
    }

    static let pythonScript = #"""
    import asyncio, importlib.metadata, inspect, json, os, sys

    # Nothing fetched; each case's mapping is seeded into the module's cache. The Anthropic
    # base-URL variables would move an api_base-less anthropic deployment: synctop assumes them unset.
    os.environ["LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS"] = "True"
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    for name in ("ANTHROPIC_API_BASE", "ANTHROPIC_BASE_URL"):
        os.environ.pop(name, None)
    # Fake AWS credentials: Bedrock's environment checks want some (nothing is sent).
    os.environ.update({"AWS_ACCESS_KEY_ID": "AKIAFAKE", "AWS_SECRET_ACCESS_KEY": "fake", "AWS_REGION_NAME": "us-east-1"})
    import litellm
    import litellm.anthropic_beta_headers_manager as manager
    from litellm.litellm_core_utils.get_llm_provider_logic import (
        declared_authenticating_provider,
        resolve_model_and_provider_for_metadata,
    )
    from litellm.llms.anthropic.common_utils import AnthropicModelInfo
    from litellm.llms.anthropic.messages.native import handler as native
    from litellm.llms.custom_httpx.llm_http_handler import BaseLLMHTTPHandler
    from litellm.litellm_core_utils.get_provider_specific_headers import ProviderSpecificHeaderUtils
    from litellm.proxy.litellm_pre_call_utils import add_provider_specific_headers_to_request
    from litellm.types.router import GenericLiteLLMParams
    from litellm.types.utils import LlmProviders

    # route_of repeats the decision lines of anthropic_messages_handler and
    # async_anthropic_messages_handler (the rest of them sends requests): they must still read so.
    def squash(s):
        return " ".join(s.split())

    HTTP = squash(inspect.getsource(BaseLLMHTTPHandler.async_anthropic_messages_handler))
    for line in [
        'AnthropicModelInfo.get_api_base(api_base) if custom_llm_provider == "anthropic" else api_base',
        "resolve_beta_provider(custom_llm_provider, affinity_api_base) != custom_llm_provider",
        "provider_filters_betas: Final = anthropic_messages_provider_config.should_filter_anthropic_beta_headers()",
        "filters_beta_headers: Final = provider_filters_betas or takes_another_beta_row",
        'if filters_beta_headers and headers.get("anthropic-beta") is not None:',
        "headers=headers, provider=custom_llm_provider, api_base=affinity_api_base,",
        'unlisted="drop" if provider_filters_betas else "forward",',
        "keep=anthropic_messages_provider_config.model_specific_anthropic_betas(model, litellm_params),",
    ]:
        assert squash(line) in HTTP, "LiteLLM changed async_anthropic_messages_handler: " + line
    NATIVE = squash(inspect.getsource(native.anthropic_messages_handler))
    for line in [
        'anthropic_messages_provider_config: Final = _native_messages_config( model, custom_llm_provider, kwargs.get("model_info"), api_base )',
        "dynamic_api_base if dynamic_api_base is not None and anthropic_messages_provider_config.uses_get_llm_provider_api_base() else api_base",
        "api_base=resolved_api_base,",
    ]:
        assert squash(line) in NATIVE, "LiteLLM changed anthropic_messages_handler: " + line
    BODY = squash(inspect.getsource(manager.update_request_with_filtered_beta))
    assert squash('provider=resolve_beta_provider(provider, api_base), placement="body",') in BODY, "LiteLLM changed the body filter"

    def text(cps):
        return None if cps is None else "".join(chr(c) for c in cps)

    def cps(s):
        return None if s is None else [ord(c) for c in s]

    LOOP = asyncio.new_event_loop()
    VALIDATED = {}

    def validated(config, provider, model, api_base, line):
        """The header after the config's environment check, which runs before the filter and may
        rewrite it (sorted, distinct betas). Where the check needs credentials the script has
        not (GitHub Copilot's login, a Claude Platform workspace, Google's SDK), the helper it
        calls for the betas runs alone, when its source shows it calls it."""
        headers = {"anthropic-beta": line}
        try:
            checked, _ = LOOP.run_until_complete(config.avalidate_anthropic_messages_environment(
                headers=headers, model=model, messages=[{"role": "user", "content": "hi"}], optional_params={},
                litellm_params={}, api_key="sk-fake", api_base=api_base))
            VALIDATED["environment check ran"] = VALIDATED.get("environment check ran", 0) + 1
            return checked.get("anthropic-beta")
        except Exception:
            source = squash(inspect.getsource(type(config).validate_anthropic_messages_environment))
            if "self._update_headers_with_anthropic_beta(" in source:
                key = f"its beta helper ran ({type(config).__name__})"
                VALIDATED[key] = VALIDATED.get(key, 0) + 1
                return config._update_headers_with_anthropic_beta(headers=headers, optional_params={}, custom_llm_provider=provider,
                                                                  messages=[{"role": "user", "content": "hi"}]).get("anthropic-beta")
            key = f"header taken as sent ({type(config).__name__})"
            VALIDATED[key] = VALIDATED.get(key, 0) + 1
            return line

    def route_of(target):
        full, custom, api_base = text(target["model"]), text(target.get("custom_llm_provider")), text(target.get("api_base"))
        model_info = {}
        if target.get("per_turn_control") is not None:
            model_info["supports_per_turn_control"] = target["per_turn_control"]
        if target["passthrough"]:
            model_info["supported_endpoints"] = ["/v1/messages"]
        try:
            if declared_authenticating_provider(full, custom) is not None:
                # github_copilot and chatgpt would run their OAuth device flow here; the pair
                # names its provider, as LiteLLM's own metadata callers take it.
                model, provider = resolve_model_and_provider_for_metadata(full, custom)
                dynamic_api_base = None
            else:
                model, provider, _, dynamic_api_base = litellm.get_llm_provider(model=full, custom_llm_provider=custom, api_base=api_base)
        except Exception as e:
            return {"kind": "error", "why": type(e).__name__}
        out = {"provider": cps(provider), "model": cps(model), "_api_base": api_base}
        config = native._native_messages_config(model, provider, model_info, api_base)
        if config is None:
            return {**out, "kind": "translated"}
        out["_config"] = config
        # Whether the proxy hands the client's anthropic-beta to this handler at all.
        data = {}
        add_provider_specific_headers_to_request(data, {"anthropic-beta": "x"})
        out["passes"] = "anthropic-beta" in ProviderSpecificHeaderUtils.get_provider_specific_headers(
            data.get("provider_specific_header"), provider, native_anthropic_messages=config.is_native_messages_route())
        resolved_api_base = (
            dynamic_api_base if dynamic_api_base is not None and config.uses_get_llm_provider_api_base() else api_base
        )
        affinity = AnthropicModelInfo.get_api_base(resolved_api_base) if provider == "anthropic" else resolved_api_base
        row = manager.resolve_beta_provider(provider, affinity)
        filters = config.should_filter_anthropic_beta_headers()
        if not (filters or row != provider):
            return {**out, "kind": "verbatim"}
        keep = config.model_specific_anthropic_betas(model, GenericLiteLLMParams(model_info=model_info or None))
        return {**out, "kind": "filtered", "_affinity": affinity, "row": cps(row), "unlisted": "drop" if filters else "forward",
                "keep": sorted(cps(b) for b in keep), "_keep": keep}

    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    out = {"version": importlib.metadata.version("litellm"), "module": manager.__file__, "cases": [], "validated": VALIDATED}
    for case in job["cases"]:
        with open(case["mapping"], encoding="utf-8") as f:
            config = json.loads(f.read())  # as load_local_beta_headers_config reads its bundled file
        manager._BETA_HEADERS_CONFIG = config
        assert manager._load_beta_headers_config() is config
        targets = list(case["targets"])
        for model in case["sweep"]:
            targets += [{"model": cps(f"{p.value}/{text(model)}"), "custom_llm_provider": None, "api_base": None,
                         "per_turn_control": None, "passthrough": False} for p in LlmProviders]
        answers = []
        for target in targets:
            route = route_of(target)
            rows = []
            for raw in case["lines"]:
                line = text(raw)
                parts = [b.strip() for b in line.split(",") if b.strip()]
                header = None
                if route["kind"] in ("verbatim", "filtered"):
                    header = validated(route["_config"], text(route["provider"]), text(route["model"]), route["_api_base"], line)
                if route["kind"] == "filtered" and header is not None:
                    headers = {"anthropic-beta": header}
                    manager.update_headers_with_filtered_beta(headers=headers, provider=text(route["provider"]), api_base=route["_affinity"],
                                                              unlisted=route["unlisted"], keep=route["_keep"])
                    header = headers.get("anthropic-beta")
                body = None
                if route["kind"] != "error":
                    body = manager.filter_and_transform_beta_headers(
                        beta_headers=parts, provider=manager.resolve_beta_provider(text(route["provider"]), route["_api_base"]), placement="body")
                rows.append({"header": cps(header), "body": None if body is None else [cps(b) for b in body]})
            answers.append({"target": target, "route": {k: v for k, v in route.items() if not k.startswith("_")}, "rows": rows})
        out["cases"].append({"answers": answers})
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

/// Printable ASCII as is, everything else as \u{…}.
private func show(_ cps: [UInt32]?) -> String {
    guard let cps else { return "nil" }
    var out = "\""
    for c in cps {
        if c >= 0x20, c < 0x7F, c != 0x22, c != 0x5C { out.unicodeScalars.append(Unicode.Scalar(c)!) } else { out += "\\u{\(String(c, radix: 16, uppercase: true))}" }
    }
    return out + "\""
}

private func show(_ list: [[UInt32]]) -> String { "[" + list.map { show($0) }.joined(separator: ", ") + "]" }
