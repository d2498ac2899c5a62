import Foundation
import ProxySimulator
import Testing

/// `GET /public/litellm_model_cost_map`, checked against the seed files read independently
/// with Foundation here.
@Suite struct PublicCostMapTests {
    static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/ProxySimulator/Seed")

    static func seedKeys(_ release: String) throws -> Set<String> {
        let url = seedDirectory.appendingPathComponent("litellm-\(release)/model_prices_and_context_window.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return Set(object.keys)
    }

    /// What LiteLLM's Router adds for the two configured deployments.
    static let deploymentIDs: Set<String> = [
        "9ea05bb53e89e21c080f2f1d14d79aa3df7033597bb922849cffad75331f436e",
        "c9a4a1163f5b7d7d807722ec509ce8c7583cdf879f7dd296133c97ab7c2dada0",
    ]

    @Test func servesTheLoadedMapInLiteLLMsShape() async throws {
        try await Harness.withSimulator({ $0.litellmVersion = .v1_100_5 }) { sim async throws in
            let response = try await Harness.send(sim, "GET", "/public/litellm_model_cost_map", key: nil)
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/json")
            let map = try JSONSerialization.jsonObject(with: Data(response.bytes)) as! [String: Any]
            let expected = try Self.seedKeys("1.100.5").subtracting(["fallback_generalizations"]).union(Self.deploymentIDs)
            #expect(Set(map.keys) == expected)
            let (_, source) = try await Harness.json(sim, "GET", "/model/cost_map/source")
            #expect(source["model_count"]?.intValue == map.count)
            // Compact separators and Python float reprs, as Starlette writes them.
            #expect(response.text.hasPrefix(#"{"sample_spec":{"#))
            #expect(response.text.contains(#""claude-sonnet-4-20250514":{"deprecation_date":"2026-06-15","cache_creation_input_token_cost":3.75e-06,"#))
            // The deployment's model info is filled in at run time.
            let sonnet = map["claude-sonnet-4-20250514"] as! [String: Any]
            #expect(sonnet["key"] as? String == "claude-sonnet-4-20250514")
            #expect((sonnet["supported_openai_params"] as? [String])?.contains("thinking") == true)
            #expect(sonnet["tpm"] is NSNull)
        }
    }

    @Test func reloadServesTheRemoteReleaseAndCatalogOnlyLeavesOutRuntimeEntries() async throws {
        try await Harness.withSimulator { sim async throws in
            #expect(try await Harness.send(sim, "POST", "/reload/model_cost_map").status == 200)
            let full = try await Harness.send(sim, "GET", "/public/litellm_model_cost_map", key: nil)
            let catalog = try await Harness.send(sim, "GET", "/public/litellm_model_cost_map?catalog_only=true", key: nil)
            let fullMap = try JSONSerialization.jsonObject(with: Data(full.bytes)) as! [String: Any]
            let catalogMap = try JSONSerialization.jsonObject(with: Data(catalog.bytes)) as! [String: Any]
            let seed = try Self.seedKeys("1.109.1").subtracting(["fallback_generalizations"])
            #expect(Set(catalogMap.keys) == seed)
            // 1.109.1's catalog lacks both deployments' models, so LiteLLM adds empty entries.
            #expect(Set(fullMap.keys) == seed.union(Self.deploymentIDs).union([
                "anthropic/claude-sonnet-4-20250514", "bedrock/anthropic.claude-3-sonnet-20240229-v1:0",
            ]))
            let (_, reloadAgain) = try await Harness.json(sim, "POST", "/reload/model_cost_map")
            #expect(reloadAgain["models_count"]?.intValue == catalogMap.count)
        }
    }
}
