/// The model deployments the simulated proxy serves, and what LiteLLM's Router writes into
/// `litellm.model_cost` for them at run time.
///
/// They mirror the config the reference proxies ran (`claude-sonnet` → Anthropic,
/// `bedrock-claude` → Bedrock), so `/v1/models` and the `model_count` numbers match the
/// captures. For each deployment, in order, LiteLLM appends `{<id>: {"id": <id>}}`; then, if
/// the catalog knows the underlying model, it fills that entry in place with every
/// `get_model_info` field it lacks (mostly `null`, plus `key` and `supported_openai_params`),
/// otherwise it appends `{<provider/model>: {}}`. `?catalog_only=true` (1.109.1) leaves all of
/// this out.
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

    static let all: [SimulatedDeployment] = [
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
            supportedOpenAIParams: [
                "max_tokens", "max_completion_tokens", "stream", "stream_options", "stop", "temperature",
                "top_p", "extra_headers", "response_format", "requestMetadata", "service_tier",
                "parallel_tool_calls", "tools", "tool_choice", "context_management",
            ],
            listedMode: "chat", listedMaxInputTokens: 1_000_000, listedMaxOutputTokens: 4096
        ),
    ]

    /// Applies the Router's run-time registrations on top of a freshly loaded catalog.
    static func applyRuntimeRegistrations(to catalog: PythonObject) -> PythonObject {
        var model = catalog
        for deployment in all {
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

    /// `GET /v1/models`: 1.109.1 adds the deployment's mode and token limits.
    static func modelList(version: LiteLLMVersion) -> PythonJSON {
        let data: [PythonJSON] = all.map { deployment in
            var item: PythonObject = [
                "id": .string(deployment.modelName),
                "object": .string("model"),
                "created": .int(1_677_610_602),
                "owned_by": .string("openai"),
            ]
            if version == .v1_109_1 {
                item["mode"] = .string(deployment.listedMode)
                item["max_input_tokens"] = .int(deployment.listedMaxInputTokens)
                item["max_output_tokens"] = .int(deployment.listedMaxOutputTokens)
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
