import Foundation
import Testing
@testable import ProxyAdmin

/// Issue 17: `diff` compares cost maps only. What merely parses as one — the beta-header
/// mapping, `{}`, an object of numbers — is refused, saying how many entries and which
/// fields it has instead.
@Suite struct CostMapShapeTests {
    static let betaHeaders = CostMapSeeds.directory.appendingPathComponent("litellm-1.109.1/anthropic_beta_headers_config.json")

    @Test func realCostMapsAreCostMaps() throws {
        for url in [CostMapSeeds.old, CostMapSeeds.new] {
            #expect(try CostMap.parse(CostMapSeeds.bytes(url)).shapeProblem() == nil, "\(url.lastPathComponent)")
        }
    }

    @Test func theBetaHeaderMappingIsNot() throws {
        let problem = try #require(try CostMap.parse(CostMapSeeds.bytes(Self.betaHeaders)).shapeProblem())
        #expect(problem.hasPrefix("not a cost map: 9 entries, 0 with cost-map fields (8 objects without them, 1 string); fields seen: "), "\(problem)")
        #expect(problem.contains("input_cost_per_token"), "says what a cost map has: \(problem)")
    }

    @Test func emptyAndNumbersAreNot() throws {
        #expect(try CostMapSeeds.map("{}").shapeProblem()?.hasPrefix("not a cost map: an object with no models.") == true)
        #expect(try CostMapSeeds.map(#"{"sample_spec": {"mode": "chat"}}"#).shapeProblem() != nil, "the documentation entry is no model")
        #expect(try CostMapSeeds.map(#"{"a": 1, "b": 2.5, "c": 3}"#).shapeProblem()?
            .hasPrefix("not a cost map: 3 entries, 0 with cost-map fields (3 numbers).") == true)
        #expect(try CostMapSeeds.map(#"{"a": {"x": 1, "y": 2}, "b": "s"}"#).shapeProblem()?
            .hasPrefix("not a cost map: 2 entries, 0 with cost-map fields (1 object without them, 1 string); fields seen: x, y.") == true)
    }

    /// Mostly: a few odd entries do not stop a real map (the Models view shows them as they are).
    @Test func aFewOddEntriesDoNotMatter() throws {
        #expect(try CostMapSeeds.map(#"{"a": {"max_tokens": 5}, "b": {"litellm_provider": "x"}, "c": 7}"#).shapeProblem() == nil)
        #expect(try CostMapSeeds.map(#"{"a": {"max_tokens": 5}, "b": 7, "c": "x"}"#).shapeProblem() != nil)
    }
}
