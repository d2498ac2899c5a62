import Testing
@testable import ProxyAdmin

/// Sorting every column both ways (missing values last either way, ties in file order)
/// and the filter (case-insensitive, over model and provider).
@Suite struct ModelQueryTests {
    // b and e lack every optional column; a and d tie on provider.
    let map: CostMap

    init() throws {
        map = try CostMapSeeds.map("""
        {"gpt-x": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
                   "max_input_tokens": 128000, "max_output_tokens": 16384},
         "bare-1": {},
         "Claude-Y": {"litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": "3e-06", "output_cost_per_token": 1.5e-05,
                      "max_input_tokens": 200000, "max_output_tokens": 8192},
         "embed-z": {"litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 1e-07,
                     "max_input_tokens": 8191},
         "bare-2": 7}
        """)
    }

    func names(_ query: ModelQuery) -> [String] { query.rows(of: map).map { map.entries[$0].name } }

    @Test(arguments: [
        (ModelColumn.model, ["bare-1", "bare-2", "Claude-Y", "embed-z", "gpt-x"], ["gpt-x", "embed-z", "Claude-Y", "bare-2", "bare-1"]),
        (.provider, ["Claude-Y", "gpt-x", "embed-z", "bare-1", "bare-2"], ["gpt-x", "embed-z", "Claude-Y", "bare-1", "bare-2"]),
        (.mode, ["gpt-x", "Claude-Y", "embed-z", "bare-1", "bare-2"], ["embed-z", "gpt-x", "Claude-Y", "bare-1", "bare-2"]),
        (.input, ["embed-z", "gpt-x", "Claude-Y", "bare-1", "bare-2"], ["Claude-Y", "gpt-x", "embed-z", "bare-1", "bare-2"]),
        (.output, ["gpt-x", "Claude-Y", "bare-1", "embed-z", "bare-2"], ["Claude-Y", "gpt-x", "bare-1", "embed-z", "bare-2"]),
        (.maxInput, ["embed-z", "gpt-x", "Claude-Y", "bare-1", "bare-2"], ["Claude-Y", "gpt-x", "embed-z", "bare-1", "bare-2"]),
        (.maxOutput, ["Claude-Y", "gpt-x", "bare-1", "embed-z", "bare-2"], ["gpt-x", "Claude-Y", "bare-1", "embed-z", "bare-2"]),
    ])
    func sortsEveryColumnBothWaysWithMissingLast(column: ModelColumn, ascending: [String], descending: [String]) {
        #expect(names(ModelQuery(sort: column, descending: false)) == ascending)
        #expect(names(ModelQuery(sort: column, descending: true)) == descending)
    }

    /// Issue 20: LiteLLM's per-deployment entries (64-hex ids) after every named model.
    @Test func deploymentIDsSortAfterNamedModels() throws {
        let id = "9ea05bb53e89e21c080f2f1d14d79aa3df7033597bb922849cffad75331f436e"
        let m = try CostMapSeeds.map("{\"\(id)\": {\"id\": \"x\"}, \"zeta\": {}, \"alpha\": {}}")
        for descending in [false, true] {
            #expect(ModelQuery(sort: .model, descending: descending).rows(of: m).map { m.entries[$0].name }.last == id)
        }
        #expect(!ModelQuery.isDeploymentID("claude-sonnet-4") && !ModelQuery.isDeploymentID(id.uppercased()))
    }

    @Test func numbersDefaultToLargestFirstAndNamesToAToZ() {
        #expect(ModelQuery(sort: .input).descending)
        #expect(ModelQuery(sort: .maxOutput).descending)
        #expect(!ModelQuery(sort: .model).descending)
        #expect(!ModelQuery(sort: .provider).descending)
        #expect(ModelColumn(rawValue: "max-input") == .maxInput, "the names `--sort` takes")
    }

    @Test func filterIsCaseInsensitiveOverModelAndProvider() {
        #expect(names(ModelQuery(filter: "claude")) == ["Claude-Y"], "model name, any case")
        #expect(names(ModelQuery(filter: "OPENAI")) == ["embed-z", "gpt-x"], "provider")
        #expect(names(ModelQuery(filter: "anthropic", sort: .input)) == ["Claude-Y"])
        #expect(names(ModelQuery(filter: "chat")) == [], "mode is not searched")
        #expect(names(ModelQuery(filter: "")).count == 5)
        #expect(names(ModelQuery(filter: "zzz")) == [])
    }

    @Test func filteringAPresortedOrderGivesTheSameRows() {
        let order = ModelQuery.order(of: map, by: .input, descending: true)
        let query = ModelQuery(filter: "e", sort: .input, descending: true)
        #expect(query.rows(of: map, sortedOrder: order) == query.rows(of: map))
    }
}
