import Testing
@testable import ProxyAdmin

/// Worked examples of the check on the real 1.109.1 file; the randomized comparison with
/// the reference is in BetaHeaderCheckReferenceTests.
@Suite struct BetaHeaderCheckTests {
    let mapping: BetaHeaderMapping

    init() throws { mapping = try BetaFixtures.mapping(BetaFixtures.new) }

    @Test func bedrockRenamesDropsAndSorts() {
        let line = "anthropic-beta: context-1m-2025-08-07, advanced-tool-use-2025-11-20,bash_20241022, foo ,, context-1m-2025-08-07"
        let check = mapping.check(line: line, provider: "bedrock", placement: .header)
        #expect(check.betas == ["context-1m-2025-08-07", "advanced-tool-use-2025-11-20", "bash_20241022", "foo", "context-1m-2025-08-07"])
        #expect(check.forwarded == ["context-1m-2025-08-07", "tool-search-tool-2025-10-19"])
        #expect(check.renamed == [.init(beta: "advanced-tool-use-2025-11-20", to: "tool-search-tool-2025-10-19")])
        #expect(check.dropped == [.init(beta: "bash_20241022", reason: .unsupported), .init(beta: "foo", reason: .unknown)])
        #expect(check.forwardedLine == "context-1m-2025-08-07,tool-search-tool-2025-10-19")
        #expect(!check.removesField && check.hasColumn)
        #expect(check.resolvedProvider == "bedrock")
    }

    @Test func aRenamedBetaAndItsTargetForwardOnce() {
        let check = mapping.check(line: "tool-search-tool-2025-10-19,advanced-tool-use-2025-11-20", provider: "bedrock", placement: .body)
        #expect(check.forwarded == ["tool-search-tool-2025-10-19"])
        #expect(check.renamed.count == 1)
    }

    @Test func headerOnlyBetasPassTheHeaderAndLeaveTheBody() {
        let line = "compact-2026-09-04, inline-tools-2026-09-15, context-1m-2025-08-07"
        let header = mapping.check(line: line, provider: "vertex_ai", placement: .header)
        #expect(header.forwarded == ["compact-2026-09-04", "context-1m-2025-08-07", "inline-tools-2026-09-15"])
        #expect(header.dropped.isEmpty)
        let body = mapping.check(line: line, provider: "vertex_ai", placement: .body)
        #expect(body.forwarded == ["context-1m-2025-08-07"])
        #expect(body.dropped == [
            .init(beta: "compact-2026-09-04", reason: .unknown, isHeaderOnly: true),
            .init(beta: "inline-tools-2026-09-15", reason: .unknown, isHeaderOnly: true),
        ])
        // Providers without a header-only column treat both placements alike.
        let bedrock = mapping.check(line: line, provider: "bedrock", placement: .body)
        #expect(bedrock.forwarded == mapping.check(line: line, provider: "bedrock", placement: .header).forwarded)
    }

    @Test func aProviderWithoutAColumnForwardsNothing() {
        let check = mapping.check(line: "context-1m-2025-08-07", provider: "openai", placement: .header)
        #expect(check.forwarded.isEmpty && check.removesField && !check.hasColumn)
        #expect(check.dropped == [.init(beta: "context-1m-2025-08-07", reason: .unknown)])
    }

    @Test func everythingDroppedRemovesTheHeader() {
        let check = mapping.check(line: "bash_20241022, nope", provider: "databricks", placement: .header)
        #expect(check.removesField && check.forwardedLine == "")
        #expect(mapping.check(line: "", provider: "anthropic", placement: .header).removesField)
        #expect(mapping.check(line: " , ,\u{3000}, ", provider: "anthropic", placement: .header).betas.isEmpty)
    }

    @Test func pythonWhitespaceIsTrimmedAndNothingElse() {
        let trimmed = mapping.check(line: "\u{3000}context-1m-2025-08-07\u{A0},\u{85}effort-2025-11-24\u{1C}", provider: "anthropic", placement: .header)
        #expect(trimmed.forwarded == ["context-1m-2025-08-07", "effort-2025-11-24"])
        let kept = mapping.check(line: "\u{200B}context-1m-2025-08-07, effort-2025-11-24\u{FEFF}", provider: "anthropic", placement: .header)
        #expect(kept.forwarded.isEmpty)
        #expect(kept.dropped.map(\.beta) == ["\u{200B}context-1m-2025-08-07", "effort-2025-11-24\u{FEFF}"])
        for u in 0..<0x3100 {
            guard let scalar = Unicode.Scalar(u) else { continue }
            let expected = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000].contains(u)
                || (0x2000...0x200A).contains(u)
            #expect(BetaHeaderLine.isPythonWhitespace(scalar) == expected, "U+\(String(u, radix: 16))")
        }
    }

    @Test func pastedPrefixIsTolerated() {
        #expect(BetaHeaderLine.parts("anthropic-beta: a, b") == ["a", "b"])
        #expect(BetaHeaderLine.parts("  Anthropic-Beta :a") == ["a"])
        #expect(BetaHeaderLine.parts("ANTHROPIC-BETA:") == [])
        #expect(BetaHeaderLine.parts("anthropic-beta") == ["anthropic-beta"])
        #expect(BetaHeaderLine.parts("anthropic_beta: a") == ["anthropic_beta: a"])
        #expect(BetaHeaderLine.parts("x-anthropic-beta: a") == ["x-anthropic-beta: a"])
        #expect(BetaHeaderLine.parts("anthropic-beta:: a") == [": a"])
    }

    @Test func canonicallyEquivalentBetasAreDifferentBetas() throws {
        let m = try BetaHeaderMapping(parsing: "{\"anthropic\": {\"caf\u{E9}\": \"caf\u{E9}\", \"x\": \"e\u{301}\", \"y\": \"\u{E9}\", \"z\": \"e\u{301}\"}}")
        let check = m.check(line: "cafe\u{301}, caf\u{E9}, x, y, z", provider: "anthropic", placement: .header)
        // Two distinct names (Python's set keeps both), in code-point order.
        #expect(check.forwarded.map { Array($0.unicodeScalars) } == [["c", "a", "f", "\u{E9}"], ["e", "\u{301}"], ["\u{E9}"]])
        #expect(check.dropped.map { Array($0.beta.unicodeScalars) } == [["c", "a", "f", "e", "\u{301}"]])
    }

    @Test func aliasesResolveBeforeTheLookup() throws {
        let m = try BetaHeaderMapping(parsing: #"{"bedrock": {"a": "b"}, "provider_aliases": {"aws": "bedrock"}}"#)
        let check = m.check(line: "a", provider: "aws", placement: .header)
        #expect(check.provider == "aws" && check.resolvedProvider == "bedrock" && check.forwarded == ["b"])
    }

    @Test func checkAllCoversEveryProviderBothPlacements() {
        let all = mapping.checkAll(line: "compact-2026-09-04")
        #expect(all.map(\.provider) == mapping.providers.flatMap { [$0, $0] })
        #expect(all.map(\.placement) == Array(repeating: [BetaPlacement.header, .body], count: mapping.providers.count).flatMap { $0 })
        let forwarding = all.filter { !$0.removesField }.map { "\($0.provider)/\($0.placement.rawValue)" }
        #expect(forwarding == ["anthropic/header", "anthropic/body", "azure_ai/header", "azure_ai/body", "vertex_ai/header"])
    }
}
