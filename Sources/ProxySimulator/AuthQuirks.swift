/// LiteLLM's `user_api_key_auth` dependency and route checks, reduced to what these endpoints
/// can reach, with the exact bodies each path produces (see `proxy/auth/`).
///
/// Order matters and is LiteLLM's: key extraction → master key → "no connected db" → virtual
/// key lookup → route checks for non-admin roles. All of it runs before FastAPI validates
/// query parameters, so a bad key beats a bad `hours`.
enum Role: String, Sendable {
    case proxyAdmin = "proxy_admin"
    case proxyAdminViewer = "proxy_admin_viewer"
    case internalUser = "internal_user"
}

struct Principal: Sendable {
    var role: Role
    var userID: String?
}

enum AuthQuirks {
    /// Key extraction (`get_api_key`): `x-litellm-api-key` wins, then `Authorization`, then
    /// the provider-style headers. `nil` = no key at all; "" = an `Authorization` header
    /// without a recognised scheme (LiteLLM's "malformed" case).
    static func extractKey(from request: IncomingRequest) -> String? {
        func present(_ name: String) -> String? {
            // FastAPI's APIKeyHeader treats an empty header as absent.
            guard let value = request.header(name), !value.isEmpty else { return nil }
            return value
        }
        if let custom = present("x-litellm-api-key") {
            return stripScheme(custom, unknownSchemeIsMalformed: false)
        }
        if let authorization = present("authorization") {
            return stripScheme(authorization, unknownSchemeIsMalformed: true)
        }
        for name in ["api-key", "x-api-key", "x-goog-api-key", "ocp-apim-subscription-key"] {
            if let raw = present(name) { return raw }
        }
        return nil
    }

    /// `_get_bearer_token`: note Python's `str.replace`, which removes *every* occurrence.
    private static func stripScheme(_ value: String, unknownSchemeIsMalformed: Bool) -> String {
        for scheme in ["Bearer ", "Basic ", "bearer "] where value.hasPrefix(scheme) {
            return String(value.replacing(scheme, with: ""))
        }
        return unknownSchemeIsMalformed ? "" : value
    }

    static func authenticate(
        _ request: IncomingRequest,
        configuration: SimulatorConfiguration
    ) -> Result<Principal, ResponseError> {
        let version = configuration.litellmVersion
        // 1.100.5 fills `param` with the string "None" where 1.109.1 has a real null.
        let noneParam: PythonJSON = version == .v1_100_5 ? .string("None") : .null
        guard let key = extractKey(from: request) else {
            return .failure(noKeyOrMalformed("No api key passed in.", configuration: configuration, param: noneParam))
        }
        if key.isEmpty {
            return .failure(noKeyOrMalformed(
                "Malformed API Key passed in. Ensure Key has `Bearer ` prefix.", configuration: configuration, param: noneParam
            ))
        }
        if key == configuration.masterKey {
            return .success(Principal(role: .proxyAdmin, userID: "default_user_id"))
        }
        guard configuration.hasDatabase else {
            return .failure(proxyError(400, "No connected db.", type: "no_db_connection", param: .null))
        }
        if !key.hasPrefix("sk-") {
            let masked = key.count > 8 ? String(key.prefix(4)) + "****" + String(key.suffix(4)) : "****"
            return .failure(proxyError(
                401, "LiteLLM Virtual Key expected. Received=\(masked), expected to start with 'sk-'.",
                type: "auth_error", param: noneParam
            ))
        }
        if let viewerKey = configuration.viewerKey, key == viewerKey {
            return .success(Principal(role: .proxyAdminViewer, userID: "synctop-viewer"))
        }
        if let userKey = configuration.userKey, key == userKey {
            return .success(Principal(role: .internalUser, userID: "synctop-user"))
        }
        let message: String
        switch version {
        case .v1_100_5:
            // abbreviate_api_key: keys shorter than MINIMUM_CUSTOM_KEY_LENGTH (16) show nothing.
            let abbreviated = key.count < 16 ? "sk-..." : "sk-..." + String(key.suffix(4))
            message = "Authentication Error, Invalid proxy server token passed. Received API Key = \(abbreviated), "
                + "Key Hash (Token) =\(Digests.sha256Hex(key)). Unable to find token in cache or `LiteLLM_VerificationTokenTable`"
        case .v1_109_1, .v1_110_2:
            message = "Authentication Error, Invalid API key provided."
        }
        return .failure(proxyError(401, message, type: "token_not_found_in_db", param: .string("key")))
    }

    /// With a database these are ordinary 401s; without one 1.100.5's error path itself fails
    /// and the generic 500 handler answers (1.109.1 and 1.110.2 answer the 401).
    private static func noKeyOrMalformed(
        _ reason: String, configuration: SimulatorConfiguration, param: PythonJSON
    ) -> ResponseError {
        guard configuration.hasDatabase || configuration.litellmVersion.reportsProvenance else {
            return ResponseError(.internalServerError)
        }
        return proxyError(401, "Authentication Error, " + reason, type: "auth_error", param: param)
    }

    /// `RouteChecks.non_proxy_admin_allowed_routes_check`, run inside auth for every
    /// non-admin. Admin viewers may use safe methods (and the two listed reads); everything
    /// else is a 403 *before* the endpoint's own role check. Internal users may only call LLM
    /// API routes such as `/v1/models`; anything else raises a plain Exception that auth turns
    /// into a 401.
    static func routeCheck(
        _ principal: Principal,
        request: IncomingRequest,
        isLLMRoute: Bool,
        version: LiteLLMVersion
    ) -> ResponseError? {
        let noneParam: PythonJSON = version == .v1_100_5 ? .string("None") : .null
        switch principal.role {
        case .proxyAdmin:
            return nil
        case .proxyAdminViewer:
            if isLLMRoute || ["GET", "HEAD", "OPTIONS"].contains(request.method) { return nil }
            if ["/schedule/model_cost_map_reload/status", "/model/cost_map/source"].contains(request.path) { return nil }
            return proxyError(
                403, "user not allowed to access this route, role= \(principal.role.rawValue). Trying to access: \(request.path)",
                type: "auth_error", param: noneParam
            )
        case .internalUser:
            if isLLMRoute { return nil }
            return proxyError(
                401,
                "Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. "
                    + "Route=\(request.path). Your role=\(principal.role.rawValue). Your user_id=\(maskUserID(principal.userID))",
                type: "auth_error", param: noneParam
            )
        }
    }

    /// `RouteChecks._mask_user_id`: 6 leading and 2 trailing characters stay visible.
    static func maskUserID(_ userID: String?) -> String {
        guard let userID, userID.count > 4 else { return "***" }
        if userID.count <= 8 { return String(repeating: "*", count: userID.count) }
        return String(userID.prefix(6)) + String(repeating: "*", count: userID.count - 8) + String(userID.suffix(2))
    }

    /// `ProxyException.to_dict()` under `{"error": ...}`; `code` is always a string.
    static func proxyError(_ status: Int, _ message: String, type: String, param: PythonJSON) -> ResponseError {
        ResponseError(.json(status, .object(["error": .object([
            "message": .string(message),
            "type": .string(type),
            "param": param,
            "code": .string(String(status)),
        ])])))
    }
}

/// A finished error response travelling through `Result`.
struct ResponseError: Error, Sendable {
    let response: OutgoingResponse
    init(_ response: OutgoingResponse) { self.response = response }
}
