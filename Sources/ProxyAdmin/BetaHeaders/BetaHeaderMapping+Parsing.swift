/// Reading a mapping file: first the proxy's own acceptance test (a file that fails it
/// is not what the proxy loaded), then the model, keeping what is understood and saying
/// what is not, never failing on it.
extension BetaHeaderMapping {
    /// The keys of which LiteLLM requires at least one (`_check_is_valid_dict`).
    public static let requiredProviderKeys = ["anthropic", "azure_ai", "bedrock", "bedrock_converse", "vertex_ai"]
    public static let headerOnlySuffix = "_header_only"

    public init(parsing bytes: [UInt8]) throws(BetaHeaderMappingError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(error)
        }
        try self.init(validating: value)
    }

    public init(parsing text: String) throws(BetaHeaderMappingError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// Validates as LiteLLM does: a non-empty object with at least one required key.
    public init(validating value: JSONValue) throws(BetaHeaderMappingError) {
        guard case .object(let pairs) = value else { throw .notAnObject(found: value.kindDescription) }
        guard !pairs.isEmpty else { throw .empty }
        guard pairs.contains(where: { key, _ in Self.requiredProviderKeys.contains { $0.exactlyEquals(key) } }) else {
            throw .noProviderKeys(found: pairs.count, firstKeys: pairs.prefix(5).map(\.0))
        }
        self = Self.model(pairs)
    }

    private static func model(_ pairs: [(String, JSONValue)]) -> BetaHeaderMapping {
        var description: String?
        var columns: [BetaHeaderColumn] = []
        var aliases: [ProviderAlias] = []
        var warnings: [String] = []
        for (key, value) in pairs {
            if key.exactlyEquals("description") {
                if case .string(let text) = value {
                    description = text
                } else {
                    warnings.append("\"description\" is \(value.kindDescription), not text; ignored")
                }
            } else if key.exactlyEquals("provider_aliases") {
                guard case .object(let entries) = value else {
                    warnings.append("\"provider_aliases\" is \(value.kindDescription), not an object; ignored")
                    continue
                }
                for (alias, target) in entries {
                    if case .string(let canonical) = target {
                        aliases.append(ProviderAlias(alias: alias, canonical: canonical))
                    } else {
                        warnings.append("provider_aliases: \"\(alias)\" maps to \(target.kindDescription), not a provider name; ignored")
                    }
                }
            } else {
                guard case .object(let entries) = value else {
                    warnings.append("\"\(key)\" is \(value.kindDescription), not an object of betas; ignored")
                    continue
                }
                var kept: [BetaHeaderColumn.Entry] = []
                for (beta, mapped) in entries {
                    switch mapped {
                    case .string(let name): kept.append(.init(beta: beta, mapped: name))
                    case .null: kept.append(.init(beta: beta, mapped: nil))
                    default: warnings.append("\(key): \"\(beta)\" maps to \(mapped.kindDescription), not a name or null; ignored")
                    }
                }
                columns.append(BetaHeaderColumn(name: key, headerOnlyProvider: headerOnlyProvider(key), entries: kept))
            }
        }
        return BetaHeaderMapping(description: description, columns: columns, providerAliases: aliases, warnings: warnings)
    }

    /// LiteLLM only asks for a provider key; comparing two mappings needs one that holds an
    /// object of betas (`mappings diff` refuses `{"anthropic": 1}`). nil when there is one.
    public func shapeProblem() -> String? {
        let providers = allColumns.filter { column in Self.requiredProviderKeys.contains { $0.exactlyEquals(column.name) } }
        guard providers.isEmpty else { return nil }
        let why = warnings.filter { w in Self.requiredProviderKeys.contains { w.hasPrefix("\"\($0)\"") } }
            .map { $0.hasSuffix("; ignored") ? String($0.dropLast("; ignored".count)) : $0 }
        return "not a beta-header mapping: none of the provider keys \(Self.requiredProviderKeys.joined(separator: ", ")) "
            + "holds an object of betas (\(why.joined(separator: "; "))). A mapping is LiteLLM's anthropic_beta_headers_config.json"
    }

    /// "vertex_ai_header_only" → "vertex_ai"; nil for other keys (compared by bytes).
    static func headerOnlyProvider(_ key: String) -> String? {
        let suffix = Array(headerOnlySuffix.utf8)
        let bytes = Array(key.utf8)
        guard bytes.count >= suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        return String(decoding: bytes.dropLast(suffix.count), as: UTF8.self)
    }
}

/// Why a file is not a mapping the proxy would accept; the proxy keeps its bundled copy.
public enum BetaHeaderMappingError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(JSONSyntaxError)
    /// The top level is not an object; `found` is e.g. "an array".
    case notAnObject(found: String)
    case empty
    /// `found` keys, the first few in `firstKeys`, none of them a provider LiteLLM requires.
    case noProviderKeys(found: Int, firstKeys: [String])

    public var description: String {
        switch self {
        case .syntax(let error): "not valid JSON: \(error)"
        case .notAnObject(let found): "not an object: the top level is \(found)"
        case .empty: "empty: the top-level object has no keys"
        case .noProviderKeys(let found, let first):
            "none of the provider keys \(BetaHeaderMapping.requiredProviderKeys.joined(separator: ", ")) "
                + "is there; its \(found) key(s) begin \(first.map { "\"\($0)\"" }.joined(separator: ", ")). "
                + "A mapping is LiteLLM's anthropic_beta_headers_config.json"
        }
    }
}
