#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The LiteLLM admin API, typed: one method per thing synctop reads or does.
public struct ProxyAdminClient: Sendable {
    public let transport: any ProxyTransport
    public let apiKey: String?
    public let timeoutSeconds: Int
    /// When set, no write leaves this client, whatever the layers above ask.
    public let readOnly: Bool

    public init(transport: any ProxyTransport, apiKey: String?, timeoutSeconds: Int = 5, readOnly: Bool = false) {
        self.transport = transport
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.readOnly = readOnly
    }

    public func jobStatus(_ job: SyncJob) async -> Result<JobStatus, ProxyError> {
        await decode(JobStatus.self, from: .jobStatus(job))
    }

    public func costMapSource() async -> Result<CostMapSource, ProxyError> {
        await decode(CostMapSource.self, from: .costMapSource)
    }

    /// Readiness answers both questions (alive, database connected); liveliness is asked
    /// only when readiness fails, so a proxy whose readiness check is broken still shows
    /// as alive. One request fewer per poll in the usual case.
    public func health() async -> Result<Health, ProxyError> {
        await health(readiness: decode(ReadinessBody.self, from: .readiness))
    }

    private func health(readiness: Result<ReadinessBody, ProxyError>) async -> Result<Health, ProxyError> {
        switch readiness {
        case .success(let body):
            return .success(Health(alive: true, readiness: body.status, database: body.db, version: body.litellm_version))
        case .failure(let readinessError):
            if readinessError.kind == .unreachable { return .failure(readinessError) }
            switch await call(.liveliness) {
            case .success: return .success(Health(alive: true))
            case .failure(let e): return .failure(e)
            }
        }
    }

    /// Every read the dashboard shows, all at once.
    /// The four requests leave together (`sendAll`: on plain http, one thread for all).
    public func snapshot() async -> ProxySnapshot {
        let reads: [Endpoint] = [.jobStatus(.costMap), .jobStatus(.betaHeaders), .costMapSource, .readiness]
        let answers = await exchangeAll(reads)
        return await ProxySnapshot(costMap: decodeBody(JobStatus.self, answers[0].result, reads[0]),
                                   betaHeaders: decodeBody(JobStatus.self, answers[1].result, reads[1]),
                                   source: decodeBody(CostMapSource.self, answers[2].result, reads[2]),
                                   health: health(readiness: decodeBody(ReadinessBody.self, answers[3].result, reads[3])))
    }

    /// Sends and returns the body of a 2xx answer; anything else becomes a `ProxyError`.
    public func call(_ endpoint: Endpoint) async -> Result<[UInt8], ProxyError> {
        await exchange(endpoint).result
    }

    /// `call`, plus the HTTP status when the proxy answered at all (for the history).
    func exchange(_ endpoint: Endpoint) async -> (result: Result<[UInt8], ProxyError>, status: Int?) {
        await exchangeAll([endpoint])[0]
    }

    func exchangeAll(_ endpoints: [Endpoint]) async -> [(result: Result<[UInt8], ProxyError>, status: Int?)] {
        let allowed = endpoints.filter { !(readOnly && $0.isWrite) }
        // One request goes straight to `send`: no batch machinery (a task group over
        // AsyncHTTPClient) for the common single call; none at all when nothing may leave.
        var answers: ArraySlice<Result<ProxyResponse, ProxyError>>
        switch allowed.count {
        case 0: answers = []
        case 1:
            do throws(ProxyError) {
                answers = [.success(try await transport.send(allowed[0], apiKey: apiKey, timeoutSeconds: timeoutSeconds))]
            } catch {
                answers = [.failure(error)]
            }
        default: answers = await transport.sendAll(allowed, apiKey: apiKey, timeoutSeconds: timeoutSeconds)[...]
        }
        return endpoints.map { endpoint in
            if readOnly, endpoint.isWrite { return (.failure(.readOnly), nil) }
            switch answers.removeFirst() {
            case .failure(let error): return (.failure(error.redacted(key: apiKey)), nil)
            case .success(let response):
                // Before anything reads it: an answer that echoes the key (a gateway or a
                // debug build in front of LiteLLM) is scrubbed of it here, once.
                let body = Redactor.scrub(response.body, secret: apiKey)
                guard (200..<300).contains(response.status) else {
                    return (.failure(.classify(status: response.status, body: body, keySent: apiKey != nil && endpoint.requiresKey,
                                               endpointTakesKey: endpoint.requiresKey).redacted(key: apiKey)), response.status)
                }
                return (.success(body), response.status)
            }
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from endpoint: Endpoint) async -> Result<T, ProxyError> {
        decodeBody(T.self, await call(endpoint), endpoint)
    }

    func decodeBody<T: Decodable>(_ type: T.Type, _ result: Result<[UInt8], ProxyError>, _ endpoint: Endpoint) -> Result<T, ProxyError> {
        switch result {
        case .failure(let e): return .failure(e)
        case .success(let body):
            if let page = HTMLPage(body) {
                return .failure(.badResponse("\(endpoint.path): an HTML page (\(page.title)\(page.server.map { ", " + $0 } ?? "")) instead of LiteLLM's JSON"))
            }
            do {
                return .success(try JSONDecoder().decode(T.self, from: Data(body)))
            } catch {
                return .failure(.badResponse("\(endpoint.path): \(Self.explain(error))"))
            }
        }
    }

    /// A decoding error in one line ("last_run is not an ISO 8601 time: ...").
    static func explain(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let c)?: return c.debugDescription
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?:
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "body" : path): \(c.debugDescription)"
        case .keyNotFound(let k, _)?: return "missing field \(k.stringValue) (not a LiteLLM answer of this kind)"
        default: return "not JSON"
        }
    }
}

/// One poll's worth of answers; each read succeeds or fails on its own, so one bad
/// endpoint does not blank the others.
public struct ProxySnapshot: Sendable, Equatable {
    public var costMap: Result<JobStatus, ProxyError>
    public var betaHeaders: Result<JobStatus, ProxyError>
    public var source: Result<CostMapSource, ProxyError>
    public var health: Result<Health, ProxyError>

    public init(costMap: Result<JobStatus, ProxyError>, betaHeaders: Result<JobStatus, ProxyError>,
                source: Result<CostMapSource, ProxyError>, health: Result<Health, ProxyError>) {
        self.costMap = costMap
        self.betaHeaders = betaHeaders
        self.source = source
        self.health = health
    }

    public func status(of job: SyncJob) -> Result<JobStatus, ProxyError> {
        switch job {
        case .costMap: costMap
        case .betaHeaders: betaHeaders
        }
    }

    /// Each read that failed, named as an operator knows it, in poll order.
    public var failedReads: [(read: String, error: ProxyError)] {
        [("health", health.failure), ("cost-map status", costMap.failure),
         ("beta-header status", betaHeaders.failure), ("cost-map source", source.failure)]
            .compactMap { read, e in e.map { (read, $0) } }
    }

    /// The error that best explains a failed poll: unreachable beats auth beats the rest.
    public var worstError: ProxyError? {
        let errors: [ProxyError] = [health.failure, costMap.failure, betaHeaders.failure, source.failure].compactMap { $0 }
        return errors.first { $0.kind == .unreachable } ?? errors.first { $0.kind == .auth } ?? errors.first
    }
}

extension Result {
    public var failure: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }

    public var value: Success? {
        if case .success(let v) = self { return v }
        return nil
    }
}
