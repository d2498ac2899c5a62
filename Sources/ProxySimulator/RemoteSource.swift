/// How the simulated remote source (LiteLLM's GitHub URLs, `LITELLM_MODEL_COST_MAP_URL`,
/// `LITELLM_ANTHROPIC_BETA_HEADERS_URL`) answers a fetch: set per job by `--remote-cost-map` /
/// `--remote-beta-headers` or `POST /_sim/remote?cost_map=MODE&beta_headers=MODE`.
public enum RemoteMode: Sendable, Equatable {
    /// The release's file (or the one `PUT /_sim/remote/<job>` gave).
    case ok
    /// `{oops}`: not JSON.
    case invalidJSON
    /// `[]`: JSON, but not an object.
    case list
    /// `{}`.
    case empty
    /// An object of N model entries (cost map only): the deployments' models, then the
    /// release's next entries in file order, no `sample_spec`, no `alias_of` rows.
    case small(Int)
    /// An HTTP error status (400 to 599).
    case http(Int)
    /// Connections refused.
    case unreachable

    public static let names = "ok, invalid-json, list, empty, small:N, http:CODE, unreachable"

    public init?(flag: String) {
        switch flag {
        case "ok": self = .ok
        case "invalid-json": self = .invalidJSON
        case "list": self = .list
        case "empty": self = .empty
        case "unreachable": self = .unreachable
        default:
            if flag.hasPrefix("small:"), let n = Int(flag.dropFirst(6)), (0...1_000_000).contains(n) {
                self = .small(n)
            } else if flag.hasPrefix("http:"), let code = Int(flag.dropFirst(5)), (400...599).contains(code) {
                self = .http(code)
            } else {
                return nil
            }
        }
    }

    public var flag: String {
        switch self {
        case .ok: "ok"
        case .invalidJSON: "invalid-json"
        case .list: "list"
        case .empty: "empty"
        case .small(let n): "small:\(n)"
        case .http(let code): "http:\(code)"
        case .unreachable: "unreachable"
        }
    }
}

/// The remote source, one for the whole fleet (every pod fetches from the same GitHub).
struct RemoteSource: Sendable {
    var release: SeedRelease
    var costMapMode: RemoteMode
    var betaHeadersMode: RemoteMode
    /// `PUT /_sim/remote/cost_map`: served in place of the release's file while the mode is ok.
    var costMapFile: [UInt8]?
    var betaHeadersFile: [UInt8]?

    init(configuration: SimulatorConfiguration) {
        release = configuration.litellmVersion.defaultRemoteRelease
        costMapMode = configuration.remoteCostMap
        betaHeadersMode = configuration.remoteBetaHeaders
        costMapFile = configuration.remoteCostMapFile
        betaHeadersFile = configuration.remoteBetaHeadersFile
    }
}

/// What one request to the remote gets.
enum RemoteAnswer {
    /// A seed release's own file, judged without parsing it again.
    case seedFile(SeedRelease)
    case body([UInt8])
    case status(Int)
    case refused
}

/// `refetch_model_cost_map`'s verdict on one fetch, with LiteLLM's reason words.
enum CostMapFetchVerdict {
    case loaded(CostMapSnapshot)
    /// `retried`: the error was one LiteLLM tries three times (transport, 429, 5xx gateway).
    case failed(reason: String, retried: Bool, integrity: Bool)
}

enum RemoteFetch {
    /// `RETRYABLE_FETCH_STATUS_CODES`.
    static let retriedStatuses: Set<Int> = [429, 500, 502, 503, 504]
    /// The waits between LiteLLM's three attempts: `2**attempt + uniform(0, 1)`, midpoints.
    static let retryWaitMicros: Int64 = 2_500_000 + 4_500_000

    static let invalidJSONBody = Array("{oops}".utf8)

    static func costMapAnswer(_ remote: RemoteSource, seed: SeedData, version: LiteLLMVersion) -> RemoteAnswer {
        switch remote.costMapMode {
        case .ok: return remote.costMapFile.map { .body($0) } ?? .seedFile(remote.release)
        case .invalidJSON: return .body(invalidJSONBody)
        case .list: return .body(Array("[]".utf8))
        case .empty: return .body(Array("{}".utf8))
        case .small(let n): return .body(seed.smallCostMap(n, release: remote.release, version: version))
        case .http(let code): return .status(code)
        case .unreachable: return .refused
        }
    }

    static func betaHeadersAnswer(_ remote: RemoteSource, seed: SeedData) -> RemoteAnswer {
        switch remote.betaHeadersMode {
        case .ok: return remote.betaHeadersFile.map { .body($0) } ?? .seedFile(remote.release)
        case .invalidJSON: return .body(invalidJSONBody)
        case .list: return .body(Array("[]".utf8))
        case .empty, .small: return .body(Array("{}".utf8))
        case .http(let code): return .status(code)
        case .unreachable: return .refused
        }
    }

    /// One fetch as `_fetch_remote_model_cost_map_with_retry` + validation judge it.
    /// `attempts`: 3 for a reload, 1 for the fetch at import.
    static func judgeCostMap(
        _ answer: RemoteAnswer, url: String, attempts: Int, seed: SeedData, version: LiteLLMVersion
    ) -> CostMapFetchVerdict {
        let after = attempts > 1 ? " (after \(attempts) attempts)" : ""
        let bundled = seed.costMap(version.bundledRelease, version).integrityCount
        switch answer {
        case .seedFile(let release):
            let snapshot = seed.costMap(release, version)
            guard CostMapRules.passesIntegrity(count: snapshot.integrityCount, bundledCount: bundled) else {
                return .failed(reason: "model cost map from \(url) failed integrity validation", retried: false, integrity: true)
            }
            return .loaded(snapshot)
        case .refused:
            return .failed(reason: "ConnectError fetching \(url): \(connectFailure(url))" + after, retried: true, integrity: false)
        case .status(let code):
            let retried = retriedStatuses.contains(code)
            return .failed(reason: "HTTP \(code) from \(url)" + (retried ? after : ""), retried: retried, integrity: false)
        case .body(let bytes):
            let parsed: PythonJSON
            do {
                parsed = try PythonJSONParser.parse(bytes)
            } catch {
                return .failed(reason: "invalid JSON from \(url): \(PythonJSONErrors.message(for: error, in: bytes))", retried: false, integrity: false)
            }
            guard case .object(let catalog) = parsed else {
                return .failed(reason: "expected a JSON object from \(url), got \(pythonTypeName(parsed))", retried: false, integrity: false)
            }
            guard catalog.count > 0, CostMapRules.passesIntegrity(count: CostMapRules.integrityCount(catalog), bundledCount: bundled) else {
                return .failed(reason: "model cost map from \(url) failed integrity validation", retried: false, integrity: true)
            }
            return .loaded(seed.costMap(bytes: bytes, catalog: catalog, version: version))
        }
    }

    /// `reload_beta_headers_config`: anything but a non-empty object with one of the five
    /// provider keys falls back to the bundled file, silently (a log warning only).
    static func judgeBetaHeaders(_ answer: RemoteAnswer, seed: SeedData, version: LiteLLMVersion) -> BetaHeadersSnapshot {
        let bundled = seed[version.bundledRelease]
        if case .seedFile(let release) = answer { return seed[release] }
        guard case .body(let bytes) = answer, case .object(let config)? = try? PythonJSONParser.parse(bytes),
              config.count > 0,
              config.keys.contains(where: { ["anthropic", "azure_ai", "bedrock", "bedrock_converse", "vertex_ai"].contains($0) })
        else { return bundled }
        return BetaHeadersSnapshot(providerCount: SeedData.providerCount(config), file: .init(bytes: bytes))
    }

    /// aiohttp's words for a refused connection, as LiteLLM's transport quotes them (the
    /// SSLContext's address is the captured one: it differs per process).
    static func connectFailure(_ url: String) -> String {
        var rest = Substring(url)
        var port = 80
        if rest.hasPrefix("https://") { rest = rest.dropFirst(8); port = 443 } else if rest.hasPrefix("http://") { rest = rest.dropFirst(7) }
        let authority = rest.prefix(while: { $0 != "/" })
        var host = String(authority)
        if let colon = authority.lastIndex(of: ":"), let explicit = Int(authority[authority.index(after: colon)...]) {
            host = String(authority[..<colon])
            port = explicit
        }
        // A name is resolved first; GitHub's raw host resolves to this address.
        let address = host.first?.isNumber == true ? host : "185.199.108.133"
        return "Cannot connect to host \(host):\(port) ssl:<ssl.SSLContext object at 0x7f7f56f3dc70> [Connect call failed ('\(address)', \(port))]"
    }

    /// `type(value).__name__`.
    static func pythonTypeName(_ value: PythonJSON) -> String {
        switch value {
        case .null: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "str"
        case .array: "list"
        case .object: "dict"
        }
    }
}
