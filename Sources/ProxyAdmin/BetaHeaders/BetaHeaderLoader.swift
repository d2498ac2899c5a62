/// Reading a mapping from its source. `load` never fails: like the proxy, it falls back
/// to a bundled copy, and says so, because the operator must know the table may not be
/// what the proxy uses. `loadExactly` (for `mappings diff`) has no fallback.
public enum BetaHeaderLoader {
    /// GET a URL with a timeout in seconds (tests pass a fake).
    public typealias Fetch = @Sendable (_ url: String, _ timeoutSeconds: Int) async throws(HTTPGet.Failure) -> [UInt8]
    /// Read a file; nil when it does not exist.
    public typealias ReadFile = @Sendable (_ path: String) throws(SettingsError) -> [UInt8]?

    /// LiteLLM's `fetch_remote_beta_headers_config(url, timeout=5)`.
    public static let timeoutSeconds = 5

    public static let liveFetch: Fetch = { (url: String, timeout: Int) async throws(HTTPGet.Failure) -> [UInt8] in
        try await HTTPGet.fetch(url, timeoutSeconds: timeout)
    }

    public static let liveReadFile: ReadFile = { (path: String) throws(SettingsError) -> [UInt8]? in
        try LocalFile.readBytes(path, limit: 16 << 20)
    }

    /// The source's mapping, or the bundled copy with the reason it is used.
    public static func load(_ source: BetaHeaderSource, fetch: Fetch = liveFetch, readFile: ReadFile = liveReadFile,
                            timeoutSeconds: Int = timeoutSeconds) async -> BetaHeaderLoad {
        do throws(BetaHeaderLoadError) {
            let mapping = try await loadExactly(source, fetch: fetch, readFile: readFile, timeoutSeconds: timeoutSeconds)
            return BetaHeaderLoad(mapping: mapping, source: source, failure: nil)
        } catch {
            return BetaHeaderLoad(mapping: bundled, source: source, failure: error)
        }
    }

    /// The source's mapping or why it cannot be had.
    public static func loadExactly(
        _ source: BetaHeaderSource, fetch: Fetch = liveFetch, readFile: ReadFile = liveReadFile, timeoutSeconds: Int = timeoutSeconds
    ) async throws(BetaHeaderLoadError) -> BetaHeaderMapping {
        let bytes: [UInt8]
        switch source.location {
        case .bundled:
            return bundled
        case .file(let path):
            let read: [UInt8]?
            do {
                read = try readFile(path)
            } catch {
                if case .unreadable(_, let why) = error { throw .unreadable(source: path, reason: why) }
                throw .unreadable(source: path, reason: error.description)
            }
            guard let read else { throw .unreadable(source: path, reason: "no such file") }
            bytes = read
        case .url(let url):
            do throws(HTTPGet.Failure) {
                bytes = try await fetch(url, timeoutSeconds)
            } catch {
                switch error {
                case .unreachable, .timeout: throw .notReached(source: url, reason: error.description)
                default: throw .unreadable(source: url, reason: error.description)
                }
            }
        }
        do {
            return try BetaHeaderMapping(parsing: bytes)
        } catch {
            throw .invalid(source: source.locationText, error)
        }
    }

    /// The compiled-in copy; it is valid (a test checks it).
    public static let bundled: BetaHeaderMapping = {
        // A broken bundled copy is a build defect caught by the tests, not a runtime case.
        try! BetaHeaderMapping(parsing: BundledBetaHeaders.bytes)
    }()
}

/// What `BetaHeaderLoader.load` produced: the mapping shown and where it came from.
public struct BetaHeaderLoad: Sendable, Equatable {
    public var mapping: BetaHeaderMapping
    /// The source that was asked for.
    public var source: BetaHeaderSource
    /// Why the source could not be used; `mapping` is then the bundled copy.
    public var failure: BetaHeaderLoadError?

    public init(mapping: BetaHeaderMapping, source: BetaHeaderSource, failure: BetaHeaderLoadError?) {
        self.mapping = mapping
        self.source = source
        self.failure = failure
    }

    /// The bundled copy is shown, by fallback or because the source is the bundled copy.
    public var usesBundledCopy: Bool { failure != nil || source.location == .bundled }

    /// One line for the screen: the source, or "bundled copy — may differ from what the
    /// proxy loaded: <reason>".
    public var summary: String {
        if let failure { return "bundled copy — may differ from what the proxy loaded: \(failure)" }
        if source.location == .bundled {
            return "bundled copy (LiteLLM \(BundledBetaHeaders.litellmVersion)) — \(BetaHeaderSource.localOnlyVariable) is set, "
                + "so the proxy uses its own bundled copy, which may differ"
        }
        return source.description
    }
}

public enum BetaHeaderLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or URL could not be read.
    case unreadable(source: String, reason: String)
    /// The URL was never reached (name lookup, connection, timeout): from elsewhere in the
    /// network — where the proxy is — it may be.
    case notReached(source: String, reason: String)
    /// It was read but the proxy would not accept it.
    case invalid(source: String, BetaHeaderMappingError)

    public var description: String {
        switch self {
        case .unreadable(let source, let reason), .notReached(let source, let reason): "cannot read \(source): \(reason)"
        case .invalid(let source, let error): "\(source) is not a valid mapping: \(error)"
        }
    }
}
