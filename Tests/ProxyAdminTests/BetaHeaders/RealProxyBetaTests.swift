import Foundation
import Testing
@testable import ProxyAdmin

/// What a real LiteLLM 1.110.2 proxy did: its `/model/info` for a config of eleven
/// deployments (model-info-1.110.2.json), and the `anthropic-beta` header five deployments
/// sent upstream for two client lines (litellm-1.110.2-v1-messages-betas.jsonl: a loopback
/// server took the requests, the Foundry hosts reached through HTTP_PROXY).
struct RealProxyBetaTests {
    static let mapping = try! BetaFixtures.mapping("litellm-1.110.2-anthropic_beta_headers_config.json")

    struct Sent: Decodable {
        var deployment: String
        var model: String
        var api_base: String?
        var supported_endpoints: [String]?
        var sent: String
        var received: String?
    }

    @Test func synctopSaysWhatTheRealProxySent() throws {
        let text = try String(contentsOf: BetaFixtures.directory.appendingPathComponent("litellm-1.110.2-v1-messages-betas.jsonl"), encoding: .utf8)
        let records = try text.split(separator: "\n").map { try JSONDecoder().decode(Sent.self, from: Data($0.utf8)) }
        #expect(records.count == 10)
        for r in records {
            let d = Deployment(modelName: r.deployment, model: r.model, apiBase: r.api_base,
                               passesThroughMessages: r.supported_endpoints?.contains("/v1/messages") ?? false)
            let target = try #require(BetaTarget(deployment: d))
            let check = Self.mapping.check(line: r.sent, target: target, rules: .perDeployment)
            #expect(check.headerValue == r.received, "\(r.deployment): \(r.sent)")
        }
        // Foundry forwarded a beta no row lists; azure_ai on the same host did not.
        #expect(records.contains { $0.deployment == "foundry" && ($0.received ?? "").contains("bogus") })
        #expect(records.contains { $0.deployment == "azure-ai" && !($0.received ?? "bogus").contains("bogus") })
    }

    @Test func deploymentsOfTheRealModelInfo() throws {
        let deployments = try Deployment.parseList(BetaFixtures.bytes("model-info-1.110.2.json"))
        #expect(deployments.count == 11)
        func route(_ name: String) throws -> MessagesRoute {
            let d = try #require(deployments.first { $0.modelName == name })
            return MessagesRoute.of(try #require(BetaTarget(deployment: d)))
        }
        // Priced by a bedrock_converse entry, routed to bedrock (Invoke); the proxy's
        // model_info says it supports per-turn control.
        let invoke = try #require(deployments.first { $0.modelName == "sonnet-invoke" })
        #expect(invoke.provider == "bedrock_converse" && invoke.routingProvider == "bedrock" && invoke.perTurnControl == true)
        #expect(try route("sonnet-invoke") == .filtered(config: "Bedrock Invoke", row: "bedrock", unlisted: .drop, keep: .deploymentFlag(true)))
        #expect(try route("sonnet-invoke-no-ptc").keep == [])
        #expect(try route("haiku3-invoke") == .filtered(config: "Bedrock Invoke", row: "bedrock", unlisted: .drop, keep: .rule(matched: false)))
        #expect(try route("haiku3-converse") == .translated)
        #expect(try route("haiku-mantle") == .verbatim(config: "Bedrock Mantle", normalises: false))
        #expect(try route("claude-direct") == .verbatim(config: "native Anthropic", normalises: true))
        #expect(try route("claude-foundry") == .filtered(config: "native Anthropic", row: "azure_ai", unlisted: .forward, keep: nil))
        #expect(try route("foundry-azure-ai") == .filtered(config: "Azure AI Claude", row: "azure_ai", unlisted: .drop, keep: nil))
        #expect(try route("vertex-opus") == .filtered(config: "Vertex AI Claude", row: "vertex_ai", unlisted: .drop, keep: nil))
        let gateway = try #require(deployments.first { $0.modelName == "compat-gateway" })
        #expect(gateway.passesThroughMessages)
        #expect(try route("compat-gateway").config == "OpenAI-like Anthropic-compatible (model_info.supported_endpoints)")
        #expect(try route("gpt-4o") == .translated)
    }
}
