import Foundation
import Testing
@testable import ProxyAdmin

/// 1.110.2's per-deployment rules on small mappings, one behaviour per test; the
/// differential test (EndToEndTests, LiteLLM1110BetaContractTests) holds them against
/// LiteLLM's own code on generated cases.
struct DeploymentBetaCheckTests {
    static let mapping = try! BetaHeaderMapping(parsing: Array("""
        {"anthropic": {"context-1m-2025-08-07": "context-1m-2025-08-07", "bogus": null},
         "azure_ai": {"context-1m-2025-08-07": "ctx-foundry", "per-turn-control-2026-07-01": null, "zz-known": "zz-known"},
         "bedrock": {"per-turn-control-2026-07-01": null, "context-1m-2025-08-07": "context-1m-2025-08-07",
                     "advanced-tool-use-2025-11-20": "tool-search-tool-2025-10-19"},
         "bedrock_converse": {"context-1m-2025-08-07": null},
         "bedrock_mantle": {}}
        """.utf8))

    func check(_ line: String, _ target: BetaTarget, _ rules: BetaRules = .perDeployment) -> DeploymentBetaCheck {
        Self.mapping.check(line: line, target: target, rules: rules)
    }

    @Test func anthropicOnAFoundryHostTakesTheAzureRowAndForwardsWhatItDoesNotList() {
        let c = check("zz-unknown, context-1m-2025-08-07,per-turn-control-2026-07-01,aa-unknown,zz-unknown",
                      BetaTarget(provider: "anthropic", model: "claude-sonnet-4-5", apiBase: "https://contoso.services.ai.azure.com/anthropic"))
        #expect(c.route == .filtered(config: "native Anthropic", row: "azure_ai", unlisted: .forward, keep: nil))
        guard case .filtered(let h) = c.header else { Issue.record("\(c.header)"); return }
        // Renamed by the row, unlisted ones as sent and sorted in, the null one dropped.
        #expect(h.forwarded == ["aa-unknown", "ctx-foundry", "zz-unknown"])
        #expect(h.passedUnlisted == ["zz-unknown", "aa-unknown"])
        #expect(h.dropped == [.init(beta: "per-turn-control-2026-07-01", reason: .unsupported)])
        #expect(c.headerValue == "aa-unknown,ctx-foundry,zz-unknown")
        // The body field: the same row, unlisted dropped.
        #expect(c.body.resolvedProvider == "azure_ai" && c.body.forwarded == ["ctx-foundry"])
    }

    @Test func anthropicElsewhereGetsEveryBetaSortedOnce() {
        let c = check(" zz, context-1m-2025-08-07,zz,bogus", BetaTarget(provider: "anthropic", model: "claude-sonnet-4-5"))
        #expect(c.route == .verbatim(config: "native Anthropic", normalises: true))
        #expect(c.headerValue == "bogus,context-1m-2025-08-07,zz")
        #expect(c.body.forwarded == ["context-1m-2025-08-07"], "the body field is still filtered by the anthropic row")
    }

    @Test func bedrockMantleSendsTheLineOnExactlyAsSent() {
        let c = check(" zz, context-1m-2025-08-07,zz", BetaTarget(provider: "bedrock", model: "mantle/anthropic.claude-haiku-4-5"))
        #expect(c.route == .verbatim(config: "Bedrock Mantle", normalises: false))
        #expect(c.headerValue == " zz, context-1m-2025-08-07,zz")
    }

    @Test func bedrockInvokeKeepsPerTurnControlAfterTheSortedList() {
        let line = "per-turn-control-2026-07-01,context-1m-2025-08-07,advanced-tool-use-2025-11-20,bogus,per-turn-control-2026-07-01"
        let keeps = check(line, BetaTarget(provider: "bedrock", model: "invoke/us.anthropic.claude-sonnet-4-5-20250929-v1:0"))
        #expect(keeps.route == .filtered(config: "Bedrock Invoke", row: "bedrock", unlisted: .drop, keep: .rule(matched: true)))
        #expect(keeps.headerValue == "context-1m-2025-08-07,tool-search-tool-2025-10-19,per-turn-control-2026-07-01")
        // Claude 3: the row's null drops it.
        let old = check(line, BetaTarget(provider: "bedrock", model: "anthropic.claude-3-haiku-20240307-v1:0"))
        #expect(old.headerValue == "context-1m-2025-08-07,tool-search-tool-2025-10-19")
        // The deployment's own setting wins over the rule.
        let off = check(line, BetaTarget(provider: "bedrock", model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", perTurnControl: false))
        #expect(off.route.map { $0.keep } == [])
        #expect(off.headerValue == "context-1m-2025-08-07,tool-search-tool-2025-10-19")
        // The body field keeps nothing.
        #expect(keeps.body.forwarded == ["context-1m-2025-08-07", "tool-search-tool-2025-10-19"])
    }

    @Test func azureAIFiltersOnAzureHostsAsAnywhere() {
        let c = check("zz-unknown,context-1m-2025-08-07", BetaTarget(provider: "azure_ai", model: "claude-opus-4-1",
                                                                  apiBase: "https://contoso.services.ai.azure.com/anthropic"))
        #expect(c.route == .filtered(config: "Azure AI Claude", row: "azure_ai", unlisted: .drop, keep: nil))
        #expect(c.headerValue == "ctx-foundry")
    }

    @Test func aConverseDeploymentIsTranslatedAndSaysSo() {
        let c = check("context-1m-2025-08-07", BetaTarget(provider: "bedrock", model: "converse/anthropic.claude-3-haiku-20240307-v1:0"))
        #expect(c.route == .translated)
        guard case .notModelled(_, let reference) = c.header else { Issue.record("\(c.header)"); return }
        #expect(reference.resolvedProvider == "bedrock_converse" && reference.removesField)
        #expect(c.headerValue == nil)
    }

    @Test func theProxyHandsTheClientHeaderOnlyToSomeProviders() {
        let copilot = check("bogus,context-1m-2025-08-07", BetaTarget(provider: "github_copilot", model: "claude-sonnet-4.5"))
        #expect(copilot.route == .verbatim(config: "GitHub Copilot", normalises: true))
        #expect(!copilot.proxyPassesBetas && copilot.headerValue == nil)
        #expect(copilot.headerValueIfPassed == "bogus,context-1m-2025-08-07")
        let gateway = check("x", BetaTarget(provider: "openai", model: "gpt-4o", passesThroughMessages: true))
        #expect(gateway.route?.config == "OpenAI-like Anthropic-compatible (model_info.supported_endpoints)" && !gateway.proxyPassesBetas)
        #expect(check("x", BetaTarget(provider: "bedrock_mantle", model: "anthropic.claude-haiku-4-5")).proxyPassesBetas)
    }

    @Test func theColumnRulesIgnoreHostsAndModels() {
        let foundry = check("zz-unknown,context-1m-2025-08-07", BetaTarget(provider: "anthropic", apiBase: "https://contoso.services.ai.azure.com"), .mappingOnly)
        #expect(foundry.route == nil && foundry.headerValue == "context-1m-2025-08-07")
        let converse = check("context-1m-2025-08-07", BetaTarget(provider: "bedrock", model: "converse/x"), .mappingOnly)
        guard case .filtered(let h) = converse.header else { Issue.record("\(converse.header)"); return }
        #expect(h.resolvedProvider == "bedrock_converse" && h.removesField)
    }

    @Test func releasesPickTheirRules() {
        #expect(BetaRules(release: "1.100.5") == .mappingOnly)
        #expect(BetaRules(release: "1.109.1") == .mappingOnly)
        #expect(BetaRules(release: "1.110.2") == .perDeployment)
        #expect(BetaRules(release: "1.111.0") == .perDeployment)
    }

    @Test func columnMarkers() {
        let rules = BetaRules.perDeployment
        #expect(rules.marker(forColumn: "anthropic") == .verbatim)
        #expect(rules.marker(forColumn: "bedrock_mantle") == .verbatim)
        #expect(rules.marker(forColumn: "azure_ai") == .forwardsUnlisted)
        for column in ["bedrock", "bedrock_converse", "vertex_ai", "databricks"] { #expect(rules.marker(forColumn: column) == nil, "\(column)") }
        #expect(BetaRules.mappingOnly.marker(forColumn: "anthropic") == nil)
    }

    @Test func targetsFromFlagsReadTheProviderAsLiteLLMDoes() {
        #expect(BetaTarget.fromFlags(provider: nil, model: "bedrock/invoke/x", apiBase: nil) == BetaTarget(provider: "bedrock", model: "invoke/x"))
        #expect(BetaTarget.fromFlags(provider: "bedrock", model: "bedrock/invoke/x", apiBase: "u") == BetaTarget(provider: "bedrock", model: "invoke/x", apiBase: "u"))
        #expect(BetaTarget.fromFlags(provider: "anthropic", model: "claude-x", apiBase: nil) == BetaTarget(provider: "anthropic", model: "claude-x"))
        #expect(BetaTarget.fromFlags(provider: nil, model: "claude-x", apiBase: nil) == nil, "a bare name has no provider synctop can tell")
        #expect(BetaTarget.fromFlags(provider: nil, model: nil, apiBase: "u") == nil)
    }

    @Test func theReportNeverShowsAnApiBasePassword() {
        let c = check("context-1m-2025-08-07", BetaTarget(provider: "anthropic", model: "claude-x", apiBase: "https://me:s3cret@contoso.services.ai.azure.com/x", name: "d"))
        let rules = DeploymentBetaReport.Rules(release: "1.110.2", basis: "test")
        let text = DeploymentBetaReport.text([c], rules: rules)
        #expect(text.contains("at https://me:***@contoso.services.ai.azure.com/x") && !text.contains("s3cret"), "\(text)")
        #expect(!DeploymentBetaReport.json([c], rules: rules).rendered().contains("s3cret"))
        #expect(c.headerValue == "ctx-foundry", "still read as a Foundry host: the azure_ai row")
    }
}
