import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// The Mappings view rendered at 80×24 and 200×50 over the real 1.109.1 mapping (the
/// bundled copy), compared as text with Screens/mappings-*.txt. Record with
/// `SYNCTOP_RECORD_SCREENS=1 swift test --filter MappingsScreenTests`.
@Suite struct MappingsScreenTests {
    typealias S = Scenarios
    typealias M = MappingsUpdateTests
    static let sizes = [ScreenSize(width: 80, height: 24), ScreenSize(width: 200, height: 50), minimumSize]
    static let real = BetaHeaderLoader.bundled
    static let older: BetaHeaderMapping = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ProxyAdminTests/Fixtures/litellm-1.100.5-anthropic_beta_headers_config.json")
        return try! BetaHeaderMapping(parsing: Array(try! Data(contentsOf: url)))
    }()

    static func scenarios() -> [(String, AppState)] {
        let table = M.loaded(M.good(real))

        var scrolled = table
        for key: Key in [.char("j"), .char("j"), .char("j"), .right, .right] { _ = update(&scrolled, .key(key)) }

        var filtered = table
        for key: Key in [.char("/"), .char("c"), .char("o"), .char("m"), .char("p"), .enter, .char("j")] { _ = update(&filtered, .key(key)) }

        var check = table
        _ = update(&check, .key(.char("c")))
        for c in "anthropic-beta: context-1m-2025-08-07,advanced-tool-use-2025-11-20,compact-2026-09-04,bogus" {
            _ = update(&check, .key(.char(c)))
        }
        var typing = check
        _ = update(&check, .key(.enter))

        var changes = M.loaded(M.good(older))
        changes.mappings.diffBase = older
        changes.mappings.loadInFlight = 7
        _ = update(&changes, .mappingsLoaded(generation: 7, load: M.good(real), at: S.now))
        _ = update(&changes, .key(.char("d")))
        typing.mappings.editingCheck = true

        // A proxy on 1.110.2 (--litellm-version): the columns' markers and their legend.
        var table1110 = table
        table1110.config.litellmVersion = "1.110.2"
        var check1110 = check
        check1110.config.litellmVersion = "1.110.2"

        return [
            ("mappings-table", table),
            ("mappings-scrolled", scrolled),
            ("mappings-filtered", filtered),
            ("mappings-typing", typing),
            ("mappings-check", check),
            ("mappings-changes", changes),
            ("mappings-bundled", M.loaded(M.failed)),
            ("mappings-table-1110", table1110),
            ("mappings-check-1110", check1110),
        ]
    }

    @Test(arguments: sizes)
    func screensMatch(size: ScreenSize) throws {
        try ScreenTests.compare(Self.scenarios(), size: size)
    }

    /// What each screen must show, whatever the recorded text says.
    @Test func screensSayWhatMatters() {
        var all: [String: CellBuffer] = [:]
        for (name, s) in Self.scenarios() {
            var big = s
            big.size = ScreenSize(width: 200, height: 50)
            all[name] = view(big, zone: .utc)
        }
        let t = all.mapValues(\.text)
        #expect(t["mappings-table"]!.contains("40 betas × 7 providers"))
        #expect(t["mappings-table"]!.contains("bedrock_mantle"), "all seven columns fit at 200 wide")
        #expect(t["mappings-table"]!.contains("→ tool-search-tool-2"), "a renamed cell names its new name")
        #expect(t["mappings-table"]!.contains("✓h"), "vertex_ai's header-only betas are marked")
        #expect(all["mappings-table"]!.role(of: "✗ null") == .mappingUnsupported)
        #expect(t["mappings-table"]!.contains("forwarded as tool-search-tool-2025-10-19"), "the detail pane")
        #expect(t["mappings-filtered"]!.contains("4 of 40 betas"))
        #expect(t["mappings-check"]!.contains("header-only: not allowed in the body"))
        #expect(t["mappings-check"]!.contains("dropped bogus: unknown to databricks"))
        #expect(t["mappings-changes"]!.contains("+ bedrock_mantle"))
        #expect(t["mappings-changes"]!.contains("+ vertex_ai_header_only"))
        #expect(all["mappings-typing"]!.cursor != nil, "the field being typed in shows the cursor")

        // 1.110.2: native Anthropic and Bedrock Mantle get the header unfiltered, the azure_ai
        // row forwards unlisted betas for anthropic on Foundry; the legend says so.
        #expect(t["mappings-table-1110"]!.contains("=anthropic") && t["mappings-table-1110"]!.contains("=bedrock_mantle"))
        #expect(t["mappings-table-1110"]!.contains("»azure_ai"))
        #expect(!t["mappings-table-1110"]!.contains("=bedrock ") && !t["mappings-table-1110"]!.contains("=vertex_ai"))
        #expect(t["mappings-table-1110"]!.contains("LiteLLM 1.110.2 /v1/messages: = header not filtered"))
        #expect(t["mappings-check-1110"]!.contains("=anthropic") && t["mappings-check-1110"]!.contains("»azure_ai"))
        for name in ["mappings-table", "mappings-check"] {
            #expect(!t[name]!.contains("=anthropic") && !t[name]!.contains("/v1/messages:"), "no markers without the release: \(name)")
        }
        var small1110 = Self.scenarios().first { $0.0 == "mappings-table-1110" }!.1
        small1110.size = ScreenSize(width: 80, height: 24)
        let text80 = view(small1110, zone: .utc).text
        #expect(text80.contains("=anthropic") && text80.contains("»azure_ai"), "the markers survive the 80-column truncation")
        #expect(text80.contains("Beta advanced-tool-use"), "the detail pane still fits at 80×24")
        #expect(text80.contains("1.110.2: = header not filtered  » anthropic on Foundry: unlisted betas pass"), "the whole legend at 80 columns")

        var small = Self.scenarios()[0].1
        small.size = ScreenSize(width: 80, height: 24)
        #expect(view(small, zone: .utc).text.contains("←→"), "at 80 columns the providers scroll")
    }

    /// Every size from tiny to huge draws without trapping, in every mode.
    @Test func everySizeDraws() {
        for (_, base) in Self.scenarios() {
            for w in stride(from: 0, through: 240, by: 17) {
                for h in stride(from: 0, through: 70, by: 7) {
                    var s = base
                    s.size = ScreenSize(width: w, height: h)
                    _ = view(s, zone: .utc)
                }
            }
        }
    }
}
