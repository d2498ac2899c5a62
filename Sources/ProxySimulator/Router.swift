/// Route table and Starlette's routing rules: an exact path with the wrong method is a 405
/// naming the first matching route's methods; an unknown path that would match with or
/// without its trailing slash is a 307 redirect; anything else is FastAPI's 404. All of this
/// happens before authentication.
enum Endpoint: Sendable {
    case reloadCostMap, scheduleCostMap, cancelCostMap, costMapStatus, costMapSource
    case reloadBetaHeaders, scheduleBetaHeaders, cancelBetaHeaders, betaHeadersStatus
    case publicCostMap, liveliness, readiness, models, modelInfo
    case simRequests, simAdvance, simFailNextReload, simStall, simReset, simRemote, simDrop, simConnections, simFault, simClearFaults
    case simRemoteBetaHeadersFile, simRemoteCostMapFile, simPod, simPods, simRemotePut
}

struct Route: Sendable {
    let method: String
    let path: String
    let endpoint: Endpoint
    let requiresAuth: Bool
    /// LiteLLM's "LLM API" routes, which route checks let every authenticated role call.
    let isLLMRoute: Bool

    init(_ method: String, _ path: String, _ endpoint: Endpoint, auth: Bool = true, llm: Bool = false) {
        self.method = method
        self.path = path
        self.endpoint = endpoint
        requiresAuth = auth
        isLLMRoute = llm
    }

    var isSimulatorControl: Bool { path.hasPrefix("/_sim/") }
}

enum RouteMatch {
    case found(Route)
    case response(OutgoingResponse)
}

enum Router {
    /// In LiteLLM's registration order, which decides the `allow` header of a 405.
    static let routes: [Route] = [
        Route("POST", "/reload/model_cost_map", .reloadCostMap),
        Route("POST", "/schedule/model_cost_map_reload", .scheduleCostMap),
        Route("DELETE", "/schedule/model_cost_map_reload", .cancelCostMap),
        Route("GET", "/schedule/model_cost_map_reload/status", .costMapStatus),
        Route("GET", "/model/cost_map/source", .costMapSource),
        Route("POST", "/reload/anthropic_beta_headers", .reloadBetaHeaders),
        Route("POST", "/schedule/anthropic_beta_headers_reload", .scheduleBetaHeaders),
        Route("DELETE", "/schedule/anthropic_beta_headers_reload", .cancelBetaHeaders),
        Route("GET", "/schedule/anthropic_beta_headers_reload/status", .betaHeadersStatus),
        Route("GET", "/public/litellm_model_cost_map", .publicCostMap, auth: false),
        Route("GET", "/health/liveliness", .liveliness, auth: false),
        Route("GET", "/health/liveness", .liveliness, auth: false),
        Route("GET", "/health/readiness", .readiness, auth: false),
        Route("GET", "/model/info", .modelInfo),
        Route("GET", "/v1/models", .models, llm: true),
        Route("GET", "/models", .models, llm: true),
        Route("GET", "/_sim/requests", .simRequests, auth: false),
        Route("POST", "/_sim/advance", .simAdvance, auth: false),
        Route("POST", "/_sim/fail_next_reload", .simFailNextReload, auth: false),
        Route("POST", "/_sim/stall", .simStall, auth: false),
        Route("POST", "/_sim/reset", .simReset, auth: false),
        Route("POST", "/_sim/drop", .simDrop, auth: false),
        Route("GET", "/_sim/connections", .simConnections, auth: false),
        Route("POST", "/_sim/fault", .simFault, auth: false),
        Route("DELETE", "/_sim/fault", .simClearFaults, auth: false),
        Route("POST", "/_sim/remote", .simRemote, auth: false),
        Route("GET", "/_sim/remote", .simRemote, auth: false),
        Route("PUT", "/_sim/remote/cost_map", .simRemotePut, auth: false),
        Route("DELETE", "/_sim/remote/cost_map", .simRemotePut, auth: false),
        Route("PUT", "/_sim/remote/beta_headers", .simRemotePut, auth: false),
        Route("DELETE", "/_sim/remote/beta_headers", .simRemotePut, auth: false),
        Route("GET", "/_sim/remote/anthropic_beta_headers_config.json", .simRemoteBetaHeadersFile, auth: false),
        Route("GET", "/_sim/remote/model_prices_and_context_window.json", .simRemoteCostMapFile, auth: false),
        Route("POST", "/_sim/pod", .simPod, auth: false),
        Route("GET", "/_sim/pods", .simPods, auth: false),
    ]

    static func match(_ request: IncomingRequest, serverAddress: String, scheme: String = "http") -> RouteMatch {
        var partial: Route?
        for route in routes where route.path == request.path {
            if route.method == request.method { return .found(route) }
            if partial == nil { partial = route }
        }
        if let partial {
            var response = OutgoingResponse.detail(405, "Method Not Allowed")
            response.leadingHeaders = [("allow", partial.method)]
            return .response(response)
        }
        if request.path != "/" {
            var candidate = request.path
            if candidate.hasSuffix("/") {
                while candidate.hasSuffix("/") { candidate.removeLast() }
            } else {
                candidate += "/"
            }
            if routes.contains(where: { $0.path == candidate }) {
                let host = request.header("host") ?? serverAddress
                var location = scheme + "://" + host + candidate  // Starlette redirects on the scheme it was reached by
                if !request.rawQuery.isEmpty { location += "?" + request.rawQuery }
                var response = OutgoingResponse(status: 307, body: .init(), contentType: nil)
                response.trailingHeaders = [("location", location)]
                return .response(response)
            }
        }
        return .response(.detail(404, "Not Found"))
    }

    /// A route found, the caller authenticated (where the route needs it) and route-checked.
    static func authorize(
        _ route: Route, request: IncomingRequest, configuration: SimulatorConfiguration
    ) -> Result<Principal?, ResponseError> {
        guard route.requiresAuth else { return .success(nil) }
        // The body is parsed before the key is looked at, and its verdict wins either way.
        if let bodyProblem = RequestBodyCheck.check(body: request.body, contentType: request.header("content-type")) {
            return .failure(ResponseError(bodyProblem))
        }
        switch AuthQuirks.authenticate(request, configuration: configuration) {
        case .failure(let error):
            return .failure(error)
        case .success(let principal):
            if let denied = AuthQuirks.routeCheck(
                principal, request: request, isLLMRoute: route.isLLMRoute, version: configuration.litellmVersion
            ) {
                return .failure(denied)
            }
            return .success(principal)
        }
    }
}
