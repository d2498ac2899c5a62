/// The model deployments the simulated proxy serves, and what LiteLLM's Router writes into
/// `litellm.model_cost` for them at run time.
///
/// They mirror the configs the reference proxies ran. 1.100.5 and 1.109.1: `claude-sonnet` →
/// `anthropic/claude-sonnet-4-20250514`, `bedrock-claude` → Bedrock Claude 3 Sonnet. For each
/// deployment, in order, LiteLLM appends `{<id>: {"id": <id>}}`; then, if the catalog knows the
/// underlying model, it fills that entry in place with every `get_model_info` field it lacks
/// (mostly `null`, plus `key` and `supported_openai_params`), otherwise it appends
/// `{<provider/model>: {}}`. `?catalog_only=true` (1.109.1) leaves all of this out.
///
/// 1.110.2's captures list the same two names with other limits (`claude-sonnet` 200,000/64,000,
/// `bedrock-claude` 200,000/4,096) and count exactly one extra entry per deployment (4,879 =
/// 4,877 + 2), so both models were in its catalog: `anthropic/claude-sonnet-4-5-20250929` and
/// `bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0` (region us-east-1) reproduce every
/// captured answer on the real 1.110.2 (checked by `LiteLLM1110ContractTests`). 1.110.2 writes
/// `db_model` and `member_auto_router` into the id entry, fills the model's entry with
/// `get_model_info`'s values (`max_tokens` from the output/input limit, what it knows of the
/// provider, `null` elsewhere) and lists `/v1/models` limits from the served entry.
struct SimulatedDeployment: Sendable {
    let modelName: String
    let litellmModel: String
    let catalogKey: String
    let id: String
    let supportedOpenAIParams: [String]
    /// `mode` / `max_input_tokens` / `max_output_tokens` as 1.109.1 lists them in `/v1/models`.
    let listedMode: String
    let listedMaxInputTokens: Int
    let listedMaxOutputTokens: Int
    /// 1.110.2: `/model/info`'s `litellm_params` (the key left out, as LiteLLM does).
    var litellmParams: PythonObject = [:]
    /// 1.110.2: what `get_model_info` knows of this model beyond its catalog entry.
    var providerFields: PythonObject = [:]

    static func all(for version: LiteLLMVersion) -> [SimulatedDeployment] {
        version == .v1_110_2 ? v1_110_2 : legacy
    }

    static let legacy: [SimulatedDeployment] = [
        SimulatedDeployment(
            modelName: "claude-sonnet",
            litellmModel: "anthropic/claude-sonnet-4-20250514",
            catalogKey: "claude-sonnet-4-20250514",
            id: "9ea05bb53e89e21c080f2f1d14d79aa3df7033597bb922849cffad75331f436e",
            supportedOpenAIParams: [
                "stream", "stop", "temperature", "top_p", "max_tokens", "max_completion_tokens", "tools",
                "tool_choice", "extra_headers", "parallel_tool_calls", "response_format", "user",
                "web_search_options", "speed", "context_management", "cache_control", "thinking",
                "reasoning_effort",
            ],
            listedMode: "chat", listedMaxInputTokens: 200_000, listedMaxOutputTokens: 64000
        ),
        SimulatedDeployment(
            modelName: "bedrock-claude",
            litellmModel: "bedrock/anthropic.claude-3-sonnet-20240229-v1:0",
            catalogKey: "anthropic.claude-3-sonnet-20240229-v1:0",
            id: "c9a4a1163f5b7d7d807722ec509ce8c7583cdf879f7dd296133c97ab7c2dada0",
            supportedOpenAIParams: bedrockParams,
            listedMode: "chat", listedMaxInputTokens: 1_000_000, listedMaxOutputTokens: 4096
        ),
    ]

    private static let bedrockParams = [
        "max_tokens", "max_completion_tokens", "stream", "stream_options", "stop", "temperature",
        "top_p", "extra_headers", "response_format", "requestMetadata", "service_tier",
        "parallel_tool_calls", "tools", "tool_choice", "context_management",
    ]

    /// Flags 1.110.2 adds to every deployment's `litellm_params`.
    private static let defaultParams: [(String, PythonJSON)] = [
        ("allow_client_keepalive_override", .bool(false)), ("use_in_pass_through", .bool(false)),
        ("use_litellm_proxy", .bool(false)), ("use_xai_oauth", .bool(false)),
        ("merge_reasoning_content_in_choices", .bool(false)),
    ]

    private static func params1_110_2(_ leading: [(String, PythonJSON)], model: String) -> PythonObject {
        var params = PythonObject()
        for (key, value) in leading + defaultParams { params[key] = value }
        params["model"] = .string(model)
        return params
    }

    static let v1_110_2: [SimulatedDeployment] = [
        SimulatedDeployment(
            modelName: "claude-sonnet",
            litellmModel: "anthropic/claude-sonnet-4-5-20250929",
            catalogKey: "claude-sonnet-4-5-20250929",
            id: "26e2c6cd561790cc0e5596cc8148c633bac1c8c1fed474cecee88c76ad0a5026",
            supportedOpenAIParams: [
                "stream", "stop", "temperature", "top_p", "max_tokens", "max_completion_tokens", "tools",
                "tool_choice", "extra_headers", "parallel_tool_calls", "response_format", "user",
                "web_search_options", "speed", "context_management", "cache_control", "thinking",
                "reasoning_effort", "service_tier",
            ],
            listedMode: "chat", listedMaxInputTokens: 200_000, listedMaxOutputTokens: 64000,
            litellmParams: params1_110_2([], model: "anthropic/claude-sonnet-4-5-20250929"),
            providerFields: [
                "supports_system_messages": .bool(true), "supports_parallel_function_calling": .bool(true),
                "supports_tool_search": .bool(true),
            ]
        ),
        SimulatedDeployment(
            modelName: "bedrock-claude",
            litellmModel: "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0",
            catalogKey: "anthropic.claude-3-5-sonnet-20240620-v1:0",
            id: "375985a474369ce0b843283dfb32c900100e938a8c9a67e46663f0e4d20992c2",
            supportedOpenAIParams: bedrockParams,
            listedMode: "chat", listedMaxInputTokens: 200_000, listedMaxOutputTokens: 4096,
            litellmParams: params1_110_2([("aws_region_name", .string("us-east-1"))], model: "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0")
        ),
    ]

    /// Applies the Router's run-time registrations on top of a freshly loaded catalog.
    static func applyRuntimeRegistrations(to catalog: PythonObject, version: LiteLLMVersion) -> PythonObject {
        if version == .v1_110_2 { return applyRegistrations1_110_2(to: catalog) }
        var model = catalog
        for deployment in legacy {
            model[deployment.id] = .object(["id": .string(deployment.id)])
            if case .object(var entry)? = model[deployment.catalogKey] {
                entry["key"] = .string(deployment.catalogKey)
                for field in modelInfoFieldOrder where entry[field] == nil { entry[field] = .null }
                entry["supported_openai_params"] = .array(deployment.supportedOpenAIParams.map { .string($0) })
                model[deployment.catalogKey] = .object(entry)
            } else if model[deployment.litellmModel] == nil {
                model[deployment.litellmModel] = .object(PythonObject())
            }
        }
        return model
    }

    /// 1.110.2's registration: the id entry with two flags, the model's entry filled in
    /// place with `get_model_info`'s fields it lacks, in that function's key order.
    static func applyRegistrations1_110_2(to catalog: PythonObject) -> PythonObject {
        var model = catalog
        for deployment in v1_110_2 {
            model[deployment.id] = .object([
                "id": .string(deployment.id), "db_model": .bool(false), "member_auto_router": .bool(false),
            ])
            if case .object(var entry)? = model[deployment.catalogKey] {
                for field in modelInfoFieldOrder1_110_2 where entry[field] == nil {
                    entry[field] = deployment.registeredValue(field, entry: entry)
                }
                model[deployment.catalogKey] = .object(entry)
            } else if model[deployment.litellmModel] == nil {
                // Not traced: 1.110.2 may fill this from its fallback rules; the simulator's own
                // files always hold both models (`small:N` included).
                model[deployment.litellmModel] = .object(PythonObject())
            }
        }
        return model
    }

    /// `get_model_info`'s value for a field the catalog entry lacks.
    func registeredValue(_ field: String, entry: PythonObject) -> PythonJSON {
        switch field {
        case "key": return .string(catalogKey)
        case "max_tokens":
            // `max_output_tokens or max_input_tokens`: Python's `or` skips 0 and None.
            for name in ["max_output_tokens", "max_input_tokens"] {
                if let value = entry[name], value != .null, value != .int(0) { return value }
            }
            return .null
        case "input_cost_per_token", "output_cost_per_token": return .int(0)  // defaulted, "be noisy about this"
        case "supported_openai_params": return .array(supportedOpenAIParams.map { .string($0) })
        default: return providerFields[field] ?? .null
        }
    }

    /// `GET /v1/models`: 1.109.1 adds the deployment's mode and token limits; 1.110.2 takes
    /// them from the served entry, leaving out what it does not have.
    static func modelList(version: LiteLLMVersion, served: PythonObject? = nil) -> PythonJSON {
        if version == .v1_110_2 { return modelList1_110_2(served: served ?? PythonObject()) }
        let data: [PythonJSON] = legacy.map { deployment in
            var item: PythonObject = [
                "id": .string(deployment.modelName),
                "object": .string("model"),
                "created": .int(1_677_610_602),
                "owned_by": .string("openai"),
            ]
            if version.reportsProvenance {
                item["mode"] = .string(deployment.listedMode)
                item["max_input_tokens"] = .int(deployment.listedMaxInputTokens)
                item["max_output_tokens"] = .int(deployment.listedMaxOutputTokens)
            }
            return .object(item)
        }
        return .object(["data": .array(data), "object": .string("list")])
    }

    static func modelList1_110_2(served: PythonObject) -> PythonJSON {
        let data: [PythonJSON] = v1_110_2.map { deployment in
            var item: PythonObject = [
                "id": .string(deployment.modelName),
                "object": .string("model"),
                "created": .int(1_677_610_602),
                "owned_by": .string("openai"),
            ]
            let entry: PythonObject
            if case .object(let found)? = served[deployment.catalogKey] { entry = found }
            else if case .object(let found)? = served[deployment.litellmModel] { entry = found }
            else { entry = PythonObject() }
            for field in ["mode", "max_input_tokens", "max_output_tokens"] {
                if let value = entry[field], value != .null { item[field] = value }
            }
            return .object(item)
        }
        return .object(["data": .array(data), "object": .string("list")])
    }

    /// Key order of LiteLLM 1.100.5's `get_model_info` result, minus `key` and
    /// `supported_openai_params` (placed first and last by the overlay above).
    static let modelInfoFieldOrder: [String] = [
        "max_tokens", "max_input_tokens", "max_output_tokens", "input_cost_per_token",
        "input_cost_per_token_flex", "input_cost_per_token_priority", "input_cost_per_token_ultrafast",
        "cache_creation_input_token_cost", "cache_creation_input_token_cost_above_200k_tokens",
        "cache_creation_input_token_cost_above_272k_tokens", "cache_creation_input_token_cost_above_272k_tokens_priority",
        "cache_creation_input_token_cost_above_272k_tokens_flex", "cache_creation_input_token_cost_flex",
        "cache_creation_input_token_cost_priority", "cache_creation_input_token_cost_ultrafast",
        "cache_read_input_token_cost", "prompt_cache_min_tokens", "cache_read_input_token_cost_above_200k_tokens",
        "cache_read_input_token_cost_above_200k_tokens_priority", "cache_read_input_token_cost_above_272k_tokens",
        "cache_read_input_token_cost_above_272k_tokens_priority", "cache_read_input_token_cost_above_272k_tokens_flex",
        "cache_read_input_token_cost_above_512k_tokens", "cache_read_input_token_cost_flex",
        "cache_read_input_token_cost_priority", "cache_read_input_token_cost_ultrafast",
        "cache_creation_input_token_cost_above_1hr", "input_cost_per_character", "input_cost_per_token_above_128k_tokens",
        "input_cost_per_token_above_200k_tokens", "input_cost_per_token_above_200k_tokens_priority",
        "input_cost_per_token_above_272k_tokens", "input_cost_per_token_above_272k_tokens_priority",
        "input_cost_per_token_above_272k_tokens_flex", "input_cost_per_token_above_512k_tokens", "input_cost_per_query",
        "input_cost_per_second", "input_cost_per_audio_token", "input_cost_per_image_token", "input_cost_per_video_token",
        "input_cost_per_image", "input_cost_per_audio_per_second", "input_cost_per_video_per_second",
        "input_cost_per_token_batches", "output_cost_per_token_batches", "output_cost_per_token",
        "output_cost_per_token_flex", "output_cost_per_token_priority", "output_cost_per_token_ultrafast",
        "regional_processing_uplift_multiplier_eu", "regional_processing_uplift_multiplier_us",
        "regional_endpoint_uplift_multiplier", "output_cost_per_audio_token", "output_cost_per_character",
        "output_cost_per_reasoning_token", "output_cost_per_reasoning_token_flex",
        "output_cost_per_reasoning_token_priority", "output_cost_per_token_above_128k_tokens",
        "output_cost_per_character_above_128k_tokens", "output_cost_per_token_above_200k_tokens",
        "output_cost_per_token_above_200k_tokens_priority", "output_cost_per_token_above_272k_tokens",
        "output_cost_per_token_above_272k_tokens_priority", "output_cost_per_token_above_272k_tokens_flex",
        "output_cost_per_token_above_512k_tokens", "output_cost_per_second", "output_cost_per_second_1080p",
        "output_cost_per_second_480p", "output_cost_per_second_4k", "output_cost_per_video_per_second",
        "output_cost_per_image", "output_cost_per_image_token", "output_cost_per_video_token", "output_vector_size",
        "citation_cost_per_token", "tiered_pricing", "litellm_provider", "mode", "supported_endpoints",
        "supports_system_messages", "supports_response_schema", "supports_vision", "supports_function_calling",
        "supports_parallel_function_calling", "supports_tool_choice", "supports_assistant_prefill",
        "supports_prompt_caching", "supports_prompt_cache_breakpoint", "supports_audio_input", "supports_audio_output",
        "supports_pdf_input", "supports_embedding_image_input", "supports_native_streaming",
        "supports_native_structured_output", "supports_web_search", "supports_url_context", "supports_reasoning",
        "supports_adaptive_thinking", "supports_legacy_thinking", "thinking_always_on", "supports_tool_search",
        "supports_mid_conversation_system", "supports_none_reasoning_effort", "supports_minimal_reasoning_effort",
        "supports_low_reasoning_effort", "supports_xhigh_reasoning_effort", "supports_max_reasoning_effort",
        "reasoning_effort_levels", "default_reasoning_effort", "bedrock_output_config_effort_ceiling",
        "bedrock_converse_supports_strict_tools", "supports_computer_use", "search_context_cost_per_query",
        "web_search_billing_unit", "google_maps_grounding_cost_per_query", "tpm", "rpm", "ocr_cost_per_page",
        "ocr_cost_per_credit", "annotation_cost_per_page", "provider_specific_entry", "uses_embed_content",
        "supports_image_size",
    ]
}
