import AsyncHTTPClient
import Foundation
import ProxySimulator
import Testing

/// A response as the tests look at it.
struct SimResponse {
    let status: Int
    let bytes: [UInt8]
    let headers: [(name: String, value: String)]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func json() throws -> OrderedJSON { try OrderedJSON.parse(text) }

    func header(_ name: String) -> String? {
        headers.first(where: { $0.name.lowercased() == name.lowercased() })?.value
    }
}

enum Keys {
    static let master = "sk-synctop-demo"
    static let viewer = "sk-synctop-viewer"
    static let user = "sk-synctop-user"
    /// The wrong key the capture harness used: its SHA-256 is the "Key Hash" in the
    /// 1.100.5 capture (fa15715d…).
    static let wrong = "sk-wrong-key"
}

enum Harness {
    /// One client for all tests; redirects are not followed so 307s can be inspected.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    )

    static func withSimulator(
        _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
        _ body: (ProxySimulator) async throws -> Void
    ) async throws {
        var configuration = SimulatorConfiguration()
        configure(&configuration)
        let simulator = try await ProxySimulator.start(configuration)
        do {
            try await body(simulator)
        } catch {
            try await simulator.shutdown()
            throw error
        }
        try await simulator.shutdown()
    }

    /// Sends a request; `key` becomes `Authorization: Bearer <key>`, nil sends no key.
    static func send(
        _ simulator: ProxySimulator,
        _ method: String,
        _ path: String,
        key: String? = Keys.master,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil,
        timeoutMilliseconds: Int64 = 30_000
    ) async throws -> SimResponse {
        try await send(url: simulator.baseURL, method, path, key: key, headers: headers, body: body, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// As above, to any base URL (one pod of several, or the balancer).
    static func send(
        url baseURL: String,
        _ method: String,
        _ path: String,
        key: String? = Keys.master,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil,
        timeoutMilliseconds: Int64 = 30_000
    ) async throws -> SimResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .init(rawValue: method)
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let response = try await client.execute(request, timeout: .milliseconds(timeoutMilliseconds))
        let body = try await response.body.collect(upTo: 16 << 20)
        return SimResponse(
            status: Int(response.status.code),
            bytes: Array(body.readableBytesView),
            headers: response.headers.map { (name: $0.name, value: $0.value) }
        )
    }

    /// Sends to a base URL and parses the JSON body.
    static func json(url: String, _ method: String, _ path: String, key: String? = Keys.master) async throws -> (status: Int, body: OrderedJSON) {
        let response = try await send(url: url, method, path, key: key)
        return (response.status, try response.json())
    }

    /// Sends and parses the JSON body.
    static func json(
        _ simulator: ProxySimulator, _ method: String, _ path: String, key: String? = Keys.master
    ) async throws -> (status: Int, body: OrderedJSON) {
        let response = try await send(simulator, method, path, key: key)
        return (response.status, try response.json())
    }
}

/// Timestamps as LiteLLM writes them.
enum Timestamp {
    /// `2026-11-21T05:51:24.340530+00:00` (aware) or `2026-11-21T05:51:25.428777` (naive);
    /// Python drops the fraction when the microseconds are 0.
    static func isAware(_ text: String) -> Bool { matches(text, suffix: "+00:00") }
    static func isNaive(_ text: String) -> Bool { matches(text, suffix: "") }

    private static func matches(_ text: String, suffix: String) -> Bool {
        guard text.hasSuffix(suffix) else { return false }
        let core = Array(text.dropLast(suffix.count).utf8)
        guard core.count == 19 || core.count == 26 else { return false }
        let pattern = Array("dddd-dd-ddTdd:dd:dd.dddddd".utf8)
        for (index, byte) in core.enumerated() {
            let expected = pattern[index]
            if expected == UInt8(ascii: "d") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            } else if byte != expected {
                return false
            }
        }
        return true
    }

    /// Microseconds since the epoch, UTC, for either shape.
    static func micros(_ text: String) -> Int64? {
        var core = text
        if core.hasSuffix("+00:00") { core.removeLast(6) }
        let parts = core.split(separator: "T")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let timeAndFraction = parts[1].split(separator: ".")
        let time = timeAndFraction[0].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, time.count == 3 else { return nil }
        let fraction = timeAndFraction.count > 1 ? Int(timeAndFraction[1]) ?? 0 : 0
        var components = DateComponents()
        components.year = date[0]; components.month = date[1]; components.day = date[2]
        components.hour = time[0]; components.minute = time[1]; components.second = time[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let day = calendar.date(from: components) else { return nil }
        return Int64(day.timeIntervalSince1970.rounded()) * 1_000_000 + Int64(fraction)
    }

    /// Seconds from `earlier` to `later` (both LiteLLM timestamps).
    static func seconds(from earlier: String, to later: String) -> Double? {
        guard let a = micros(earlier), let b = micros(later) else { return nil }
        return Double(b - a) / 1_000_000
    }
}
