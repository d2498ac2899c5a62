import Foundation
import Testing
@testable import ProxyAdmin

@Suite struct BetaHeaderMappingTests {
    private func error(_ text: String) -> BetaHeaderMappingError? {
        do {
            _ = try BetaHeaderMapping(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: validation, as LiteLLM's _check_is_valid_dict

    @Test func rejectsWhatTheProxyWouldRejectWithASpecificReason() {
        #expect(error("[]") == .notAnObject(found: "an array"))
        #expect(error("\"x\"") == .notAnObject(found: "a string"))
        #expect(error("null") == .notAnObject(found: "null"))
        #expect(error("{}") == .empty)
        #expect(error(#"{"description": "x", "openai": {"a": "a"}, "bedrock_mantle": {}}"#) == .noProviderKeys(found: 3, firstKeys: ["description", "openai", "bedrock_mantle"]))

        #expect(error("[]")?.description == "not an object: the top level is an array")
        #expect(error("{}")?.description == "empty: the top-level object has no keys")
        #expect(error(#"{"openai": {}}"#)?.description
            == "none of the provider keys anthropic, azure_ai, bedrock, bedrock_converse, vertex_ai is there; its 1 key(s) begin \"openai\". "
            + "A mapping is LiteLLM's anthropic_beta_headers_config.json")
    }

    /// Issue 17: LiteLLM only asks for a provider key; `mappings diff` also needs one that
    /// holds an object of betas.
    @Test func aProviderKeyWithoutBetasIsNoMappingToCompare() throws {
        let odd = try BetaHeaderMapping(parsing: #"{"anthropic": 1, "bedrock": "x", "openai": {"a": "a"}}"#)
        #expect(odd.shapeProblem() == "not a beta-header mapping: none of the provider keys anthropic, azure_ai, bedrock, bedrock_converse, "
            + "vertex_ai holds an object of betas (\"anthropic\" is a number, not an object of betas; \"bedrock\" is a string, not an object of betas). "
            + "A mapping is LiteLLM's anthropic_beta_headers_config.json")
        #expect(try BetaHeaderMapping(parsing: #"{"vertex_ai": {}}"#).shapeProblem() == nil, "an empty column is still a column")
        let real = CostMapSeeds.directory.appendingPathComponent("litellm-1.109.1/anthropic_beta_headers_config.json")
        #expect(try BetaHeaderMapping(parsing: Array(Data(contentsOf: real))).shapeProblem() == nil)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let text = "{\n  \"anthropic\": {\n    \"a\": \"a\"\n    \"b\": null\n  }\n}"
        guard case .syntax(let syntax)? = error(text) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(syntax.line == 4 && syntax.column == 5)
        #expect(error(text)?.description == "not valid JSON: line 4, column 5: expected ',' or '}', found '\"'")
    }

    @Test func anyOneProviderKeySuffices() throws {
        for key in BetaHeaderMapping.requiredProviderKeys {
            let mapping = try BetaHeaderMapping(parsing: "{\"\(key)\": {}}")
            #expect(mapping.providers == [key])
        }
        // Even when that key's value is not an object: the proxy checks presence only.
        let odd = try BetaHeaderMapping(parsing: #"{"anthropic": 5, "openai": {"x": "y"}}"#)
        #expect(odd.providers == ["openai"])
        #expect(odd.warnings == [#""anthropic" is a number, not an object of betas; ignored"#])
    }

    @Test func whatIsNotUnderstoodBecomesAWarningNotACrash() throws {
        let text = """
        {
          "description": 7,
          "provider_aliases": {"aws": "bedrock", "bad": ["x"], "n": null},
          "bedrock": {"a": "a", "b": 1, "c": null, "d": {"x": 1}, "e": "E"},
          "bedrock_header_only": "nope",
          "vertex_ai": [1],
          "vertex_ai_header_only": {"a": "a", "z": false}
        }
        """
        let mapping = try BetaHeaderMapping(parsing: text)
        #expect(mapping.description == nil)
        #expect(mapping.providerAliases == [ProviderAlias(alias: "aws", canonical: "bedrock")])
        #expect(mapping.providerColumns.map(\.name) == ["bedrock"])
        #expect(mapping.column("bedrock")?.entries == [
            .init(beta: "a", mapped: "a"), .init(beta: "c", mapped: nil), .init(beta: "e", mapped: "E"),
        ])
        #expect(mapping.headerOnlyColumns.map(\.name) == ["vertex_ai_header_only"])
        #expect(mapping.headerOnlyColumn(for: "vertex_ai")?.entries == [.init(beta: "a", mapped: "a")])
        #expect(mapping.providers == ["bedrock", "vertex_ai"])
        #expect(mapping.warnings == [
            #""description" is a number, not text; ignored"#,
            #"provider_aliases: "bad" maps to an array, not a provider name; ignored"#,
            #"provider_aliases: "n" maps to null, not a provider name; ignored"#,
            #"bedrock: "b" maps to a number, not a name or null; ignored"#,
            #"bedrock: "d" maps to an object, not a name or null; ignored"#,
            #""bedrock_header_only" is a string, not an object of betas; ignored"#,
            #""vertex_ai" is an array, not an object of betas; ignored"#,
            #"vertex_ai_header_only: "z" maps to a boolean, not a name or null; ignored"#,
        ])
        #expect(mapping.betas == ["a", "c", "e"])
    }

    @Test func providerAliasesThatAreNotAnObjectAreIgnored() throws {
        let mapping = try BetaHeaderMapping(parsing: #"{"anthropic": {}, "provider_aliases": ["a"]}"#)
        #expect(mapping.providerAliases.isEmpty)
        #expect(mapping.warnings == [#""provider_aliases" is an array, not an object; ignored"#])
        #expect(mapping.resolve(provider: "a") == "a")
    }

    // MARK: the real files

    @Test func realFileColumnsInFileOrder() throws {
        let new = try BetaFixtures.mapping(BetaFixtures.new)
        #expect(new.providers == ["anthropic", "azure_ai", "bedrock_converse", "bedrock", "bedrock_mantle", "vertex_ai", "databricks"])
        #expect(new.headerOnlyColumns.map(\.name) == ["vertex_ai_header_only"])
        #expect(new.headerOnlyColumns.first?.headerOnlyProvider == "vertex_ai")
        #expect(try new.allColumns.map(\.name) == ReferenceOrder.columns(BetaFixtures.new))
        #expect(new.warnings.isEmpty)
        #expect(new.description?.hasPrefix("Mapping of Anthropic beta headers") == true)
        let old = try BetaFixtures.mapping(BetaFixtures.old)
        #expect(old.providers == ["anthropic", "azure_ai", "bedrock_converse", "bedrock", "vertex_ai", "databricks"])
        #expect(old.headerOnlyColumns.isEmpty)
    }

    @Test func realFileBetasAreTheUnionOfAllColumns() throws {
        for name in [BetaFixtures.old, BetaFixtures.new] {
            let object = try BetaFixtures.foundationObject(name)
            var union = Set<String>()
            for case let column as [String: Any] in object.values { union.formUnion(column.keys) }
            let mapping = try BetaFixtures.mapping(name)
            #expect(Set(mapping.betas) == union)
            #expect(mapping.betas.count == union.count)
        }
        #expect(try BetaFixtures.mapping(BetaFixtures.new).betas.count == 40)
    }

    @Test func realFileCells() throws {
        let m = try BetaFixtures.mapping(BetaFixtures.new)
        // A renamed bedrock beta, a null, an absent one.
        #expect(m.cell(beta: "advanced-tool-use-2025-11-20", provider: "bedrock") == BetaCell(column: .renamed(to: "tool-search-tool-2025-10-19")))
        #expect(m.cell(beta: "advanced-tool-use-2025-11-20", provider: "anthropic") == BetaCell(column: .forwarded))
        #expect(m.cell(beta: "bash_20241022", provider: "bedrock") == BetaCell(column: .unsupported))
        #expect(m.cell(beta: "oauth-2025-04-20", provider: "bedrock") == BetaCell(column: .absent))
        #expect(m.cell(beta: "context-1m-2025-08-07", provider: "no-such-provider") == BetaCell(column: .absent))
        // Header-only on vertex_ai: compact-2026-09-04 only there; inline-tools in both.
        let compact = m.cell(beta: "compact-2026-09-04", provider: "vertex_ai")
        #expect(compact == BetaCell(column: .absent, headerOnly: .forwarded))
        #expect(compact.isHeaderOnly && compact.inHeader == .forwarded && compact.inBody == .absent)
        let inline = m.cell(beta: "inline-tools-2026-09-15", provider: "vertex_ai")
        #expect(inline == BetaCell(column: .forwarded, headerOnly: .forwarded))
        #expect(inline.inBody == .absent)
        #expect(!m.cell(beta: "compact-2026-09-04", provider: "bedrock").isHeaderOnly)
        // Exact code points: a canonically equivalent spelling is another beta.
        #expect(m.cell(beta: "advanced-tool-use-2025-11-20\u{301}", provider: "bedrock").column == .absent)
    }

    @Test func supportCountsMatchAnIndependentCount() throws {
        let m = try BetaFixtures.mapping(BetaFixtures.new)
        let object = try BetaFixtures.foundationObject(BetaFixtures.new)
        let overlay = object["vertex_ai_header_only"] as! [String: Any]
        for beta in m.betas {
            var count = 0
            for provider in m.providers {
                let column = object[provider] as! [String: Any]
                let value = provider == "vertex_ai" && overlay[beta] != nil ? overlay[beta] : column[beta]
                if value is String { count += 1 }
            }
            #expect(m.supportCount(beta: beta) == count, "\(beta)")
        }
        #expect(m.supportCount(beta: "compact-2026-09-04") == 3) // anthropic, azure_ai, vertex_ai (header-only)
    }

    @Test func sortOrders() throws {
        let m = try BetaFixtures.mapping(BetaFixtures.new)
        let byName = m.betas(sortedBy: .name)
        #expect(byName == m.betas.sorted())
        let bySupport = m.betas(sortedBy: .support)
        let counts = bySupport.map { m.supportCount(beta: $0) }
        #expect(counts == counts.sorted(by: >))
        #expect(Set(bySupport) == Set(m.betas) && bySupport.count == m.betas.count)
        #expect(m.betas(sortedBy: .file) == m.betas)
        // Code-point order as Python's sorted(): U+0065 U+0301 before U+00E9, which Swift's
        // `<` would consider equal (canonically equivalent).
        let unicode = try BetaHeaderMapping(parsing: "{\"anthropic\": {\"\u{E9}\": null, \"e\u{301}\": null, \"a\": null, \"Z\": null}}")
        #expect(unicode.betas(sortedBy: .name).map { Array($0.unicodeScalars) } == [["Z"], ["a"], ["e", "\u{301}"], ["\u{E9}"]])
    }

    @Test func aliasesResolveOneStep() throws {
        let m = try BetaHeaderMapping(parsing: #"{"bedrock": {}, "provider_aliases": {"aws": "bedrock", "chain": "aws"}}"#)
        #expect(m.resolve(provider: "aws") == "bedrock")
        #expect(m.resolve(provider: "chain") == "aws")
        #expect(m.resolve(provider: "bedrock") == "bedrock")
        #expect(m.resolve(provider: "other") == "other")
    }

    @Test func bundledCopyEqualsTheDataFileByteForByte() throws {
        #expect(try BundledBetaHeaders.bytes == BetaFixtures.bytes(BetaFixtures.new))
        #expect(try BetaHeaderLoader.bundled == BetaFixtures.mapping(BetaFixtures.new))
    }
}

/// Top-level keys of a real file in order, read from its indentation (not the parser).
enum ReferenceOrder {
    static func columns(_ name: String) throws -> [String] {
        try BetaHeaderCheckReferenceTests.topLevelKeyOrder(name).filter { $0 != "description" && $0 != "provider_aliases" }
    }
}
