import Testing
@testable import ProxyAdmin

@Suite struct BetaHeaderReportTests {
    let mapping: BetaHeaderMapping

    init() throws { mapping = try BetaFixtures.mapping(BetaFixtures.new) }

    // MARK: JSON

    @Test func checkJSONHasTheDocumentedShape() throws {
        let checks = [mapping.check(line: "compact-2026-09-04, advanced-tool-use-2025-11-20, nope", provider: "vertex_ai", placement: .body)]
        let json = BetaHeaderReport.checkJSON(checks)
        #expect(json.rendered() == """
        [{"provider":"vertex_ai","placement":"body","forwarded":["tool-search-tool-2025-10-19"],\
        "dropped":[{"beta":"compact-2026-09-04","reason":"unknown","header_only":true},{"beta":"nope","reason":"unknown","header_only":false}],\
        "renamed":[{"beta":"advanced-tool-use-2025-11-20","to":"tool-search-tool-2025-10-19"}],\
        "resolved_provider":"vertex_ai","removed":false}]
        """)
        // And it parses back.
        #expect(try JSONParser.parse(json.rendered(pretty: true)) == json)
    }

    @Test func mappingsJSONForOneProvider() throws {
        let json = BetaHeaderReport.mappingsJSON(mapping, provider: "vertex_ai")
        #expect(json["providers"] == .array([.string("vertex_ai")]))
        let betas = try #require(json["betas"]?.arrayValue)
        #expect(betas.count == 40)
        let compact = try #require(betas.first { $0["beta"] == .string("compact-2026-09-04") })
        #expect(compact["supported_by"] == .int(3))
        #expect(compact["cells"]?.rendered() == #"{"vertex_ai":{"status":"absent","header_only":{"status":"forwarded"}}}"#)
        let advanced = try #require(betas.first { $0["beta"] == .string("advanced-tool-use-2025-11-20") })
        #expect(advanced["cells"]?.rendered() == #"{"vertex_ai":{"status":"renamed","to":"tool-search-tool-2025-10-19"}}"#)
        #expect(BetaHeaderReport.mappingsJSON(mapping, provider: "nope")["providers"] == .array([]))
    }

    @Test func mappingsJSONForAllProvidersWithSource() throws {
        let load = BetaHeaderLoad(mapping: mapping, source: .init(location: .url("https://x"), origin: .urlFlag),
                                  failure: .unreadable(source: "https://x", reason: "the server answered HTTP 404"))
        let json = BetaHeaderReport.mappingsJSON(mapping, load: load)
        #expect(json["source"]?.rendered()
            == #"{"location":"https://x","origin":"--beta-headers-url","bundled":true,"fallback_reason":"cannot read https://x: the server answered HTTP 404"}"#)
        #expect(json["providers"]?.arrayValue?.count == 7)
        #expect(json["betas"]?.arrayValue?.allSatisfy { $0["cells"]?.objectValue?.count == 7 } == true)
        #expect(json.objectValue?.map(\.0) == ["source", "description", "providers", "provider_aliases", "betas", "warnings"])
    }

    @Test func diffJSON() throws {
        let diff = BetaHeaderDiff(from: try BetaFixtures.mapping(BetaFixtures.old), to: mapping)
        let json = BetaHeaderReport.diffJSON(diff, old: "a.json", new: "b.json")
        #expect(json.objectValue?.map(\.0) == [
            "old", "new", "added_betas", "removed_betas", "added_columns", "removed_columns", "changed",
            "provider_aliases", "description_changed",
        ])
        #expect(json["added_columns"] == .array([.string("bedrock_mantle"), .string("vertex_ai_header_only")]))
        let changed = try #require(json["changed"]?.arrayValue)
        #expect(changed.map { $0["column"]?.stringValue } == diff.changedColumns.map(\.column))
        let databricks = try #require(changed.first { $0["column"] == .string("databricks") })
        #expect(databricks["cells"]?.arrayValue?.first?.rendered()
            == #"{"beta":"advanced-tool-use-2025-11-20","old":{"status":"forwarded"},"new":{"status":"unsupported"}}"#)
    }

    // MARK: text

    @Test func mappingsTextTable() {
        let text = BetaHeaderReport.mappingsText(mapping)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "40 betas × 7 providers")
        #expect(lines[3].split(separator: " ").map(String.init) == ["beta"] + mapping.providers)
        #expect(lines.contains { $0.hasPrefix("advanced-tool-use-2025-11-20 ") && $0.split(separator: " ") == ["advanced-tool-use-2025-11-20", "yes", "yes", "null", "→1", "→1", "→1", "null"] })
        #expect(lines.contains { $0.split(separator: " ") == ["compact-2026-09-04", "yes", "yes", "-", "-", "-", "yes", "H", "-"] })
        #expect(lines.contains("  →1 tool-search-tool-2025-10-19"))
        #expect(lines.contains("  vertex_ai: compact-2026-09-04, inline-tools-2026-09-15"))
        // Columns line up: every table row puts the anthropic cell at the same offset.
        let header = lines[3]
        let offset = header.range(of: "anthropic")!.lowerBound.utf16Offset(in: header)
        for line in lines[4..<44] {
            #expect(line.utf16.count > offset && line[line.index(line.startIndex, offsetBy: offset - 2)..<line.index(line.startIndex, offsetBy: offset)] == "  ")
        }
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func mappingsTextForOneProviderAndForAnUnknownOne() {
        let text = BetaHeaderReport.mappingsText(mapping, provider: "vertex_ai")
        #expect(text.hasPrefix("vertex_ai: 16 of 40 betas forwarded\n"))
        #expect(text.contains("\ncompact-2026-09-04                         header-only, forwarded (dropped from the body field)\n"))
        #expect(text.contains("\nadvanced-tool-use-2025-11-20               renamed to tool-search-tool-2025-10-19\n"))
        #expect(BetaHeaderReport.mappingsText(mapping, provider: "aws").hasPrefix("aws: no column in this mapping, so LiteLLM forwards no beta to it\n"))
    }

    @Test func checkText() {
        let checks = [
            mapping.check(line: "compact-2026-09-04, advanced-tool-use-2025-11-20, nope", provider: "vertex_ai", placement: .body),
            mapping.check(line: "compact-2026-09-04, advanced-tool-use-2025-11-20, nope", provider: "openai", placement: .header),
        ]
        #expect(BetaHeaderReport.checkText(checks) == """
        betas: compact-2026-09-04, advanced-tool-use-2025-11-20, nope
        vertex_ai, body: tool-search-tool-2025-10-19
          renamed  advanced-tool-use-2025-11-20 → tool-search-tool-2025-10-19
          dropped  compact-2026-09-04 (header-only), nope (unknown)
        openai, header: removes the anthropic-beta header (no column for openai: LiteLLM forwards nothing)
          dropped  compact-2026-09-04 (unknown), advanced-tool-use-2025-11-20 (unknown), nope (unknown)

        """)
    }

    @Test func diffText() throws {
        let diff = BetaHeaderDiff(from: try BetaFixtures.mapping(BetaFixtures.old), to: mapping)
        let text = BetaHeaderReport.diffText(diff, old: "1.100.5", new: "1.109.1")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "1.100.5 → 1.109.1")
        #expect(lines[1] == "betas: 9 added, 0 removed · columns: 2 added, 0 removed · 40 mappings changed in 6 columns")
        #expect(lines.contains("added columns: bedrock_mantle, vertex_ai_header_only"))
        #expect(lines.contains("databricks: 14 changed"))
        #expect(lines.contains("  advanced-tool-use-2025-11-20          forwarded → unsupported (null)"))
        #expect(BetaHeaderReport.diffText(BetaHeaderDiff(from: mapping, to: mapping), old: "a", new: "b") == "a → b\nno changes\n")
    }
}
