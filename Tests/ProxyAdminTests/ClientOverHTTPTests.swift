import Foundation
import Testing
@testable import ProxyAdmin
import ProxySimulator

/// The ways requests leave synctop; every test here runs over each.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case asyncHTTPClient, sockets, tls
    var testDescription: String { rawValue }

    /// The scheme the simulator serves for this kind.
    var scheme: String { self == .tls ? "https" : "http" }

    func make(_ baseURL: String) throws -> any ProxyTransport {
        switch self {
        case .asyncHTTPClient: return try HTTPTransport(baseURL: baseURL)
        case .sockets:
            guard let t = SocketTransport(baseURL: baseURL) else { throw ProxyError.unreachable("not plain http: \(baseURL)") }
            return t
        case .tls:
            guard let t = try TLSTransport(baseURL: baseURL, caFile: TestCertificate.loopback.certificate) else {
                throw ProxyError.unreachable("not https: \(baseURL)")
            }
            return t
        }
    }
}

/// `ProxyAdminClient` over real HTTP on loopback, against the simulator (serving https
/// for the `.tls` kind, with a certificate made for the test run).
@Suite struct ClientOverHTTPTests {
    func withSimulator(_ kind: TransportKind, _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
                       _ body: (ProxySimulator) async throws -> Void) async throws {
        var config = SimulatorConfiguration()
        if kind == .tls {
            config.tls = TLSFiles(certificatePath: TestCertificate.loopback.certificate, keyPath: TestCertificate.loopback.key)
        }
        configure(&config)
        let sim = try await ProxySimulator.start(config)
        do {
            try await body(sim)
        } catch {
            try await sim.shutdown()
            throw error
        }
        try await sim.shutdown()
    }

    func client(_ sim: ProxySimulator, key: String?, timeout: Int = 5, via kind: TransportKind) throws -> ProxyAdminClient {
        ProxyAdminClient(transport: try kind.make(sim.baseURL), apiKey: key, timeoutSeconds: timeout)
    }

    @Test(arguments: TransportKind.allCases) func snapshotReadsEverything(kind: TransportKind) async throws {
        try await withSimulator(kind, { $0.demoSchedules = true }) { sim in
            let snap = try await client(sim, key: "sk-synctop-demo", via: kind).snapshot()
            let cost = try snap.costMap.get()
            #expect(cost.scheduled && cost.intervalHours == 6 && cost.lastRun != nil)
            #expect(cost.nextRun!.timeIntervalSince(cost.lastRun!) == 6 * 3600)
            let beta = try snap.betaHeaders.get()
            #expect(beta.intervalHours == 24)
            let source = try snap.source.get()
            #expect((source.modelCount ?? 0) > 3000)
            #expect(try snap.health.get().databaseConnected == true)
            #expect(snap.worstError == nil)
        }
    }

    @Test(arguments: TransportKind.allCases) func viewerKeyMayRead(kind: TransportKind) async throws {
        try await withSimulator(kind) { sim in
            let snap = try await client(sim, key: "sk-synctop-viewer", via: kind).snapshot()
            #expect(snap.worstError == nil)
        }
    }

    @Test(arguments: TransportKind.allCases) func authFailuresInWords(kind: TransportKind) async throws {
        try await withSimulator(kind) { sim in
            let wrong = try await client(sim, key: "sk-nope-nope-nope", via: kind).snapshot()
            #expect(wrong.costMap.failure == .unauthorized("the API key was not accepted by the proxy (wrong or revoked key)"))
            #expect(wrong.health.value?.alive == true, "health needs no key")
            let none = try await client(sim, key: nil, via: kind).snapshot()
            #expect(none.costMap.failure?.kind == .auth)
            let user = try await client(sim, key: "sk-synctop-user", via: kind).snapshot()
            #expect(user.costMap.failure == .forbidden(role: "internal_user"))
        }
    }

    @Test(arguments: TransportKind.allCases) func noDatabaseQuirks(kind: TransportKind) async throws {
        try await withSimulator(kind, { $0.hasDatabase = false; $0.litellmVersion = .v1_100_5 }) { sim in
            let ok = try await client(sim, key: "sk-synctop-demo", via: kind).snapshot()
            #expect(ok.worstError == nil)
            #expect(ok.health.value?.databaseConnected == false)
            let wrong = try await client(sim, key: "sk-nope-nope-nope", via: kind).snapshot()
            #expect(wrong.costMap.failure == .keyRejectedWithoutDatabase)
            let none = try await client(sim, key: nil, via: kind).snapshot()
            #expect(none.costMap.failure?.kind == .auth, "bare 500 for a missing key means: no key")
        }
    }

    @Test(arguments: TransportKind.allCases) func unreachableAndTimeout(kind: TransportKind) async throws {
        let dead = ProxyAdminClient(transport: try kind.make("\(kind.scheme)://127.0.0.1:1"), apiKey: "k", timeoutSeconds: 2)
        let snap = await dead.snapshot()
        guard case .unreachable(let why)? = snap.worstError else { Issue.record("\(String(describing: snap.worstError))"); return }
        #expect(why == "connection refused")

        try await withSimulator(kind, { $0.latency = .milliseconds(2500) }) { sim in
            let slow = try client(sim, key: "sk-synctop-demo", timeout: 1, via: kind)
            let started = Date()
            let result = await slow.jobStatus(.costMap)
            #expect(result.failure == .timeout(seconds: 1))
            #expect(Date().timeIntervalSince(started) < 2.4, "the deadline is honoured")
        }
    }

    @Test(arguments: TransportKind.allCases) func readsRunInParallel(kind: TransportKind) async throws {
        try await withSimulator(kind, { $0.latency = .milliseconds(1500) }) { sim in
            let c = try client(sim, key: "sk-synctop-demo", timeout: 10, via: kind)
            let started = Date()
            let snap = await c.snapshot()
            let took = Date().timeIntervalSince(started)
            #expect(snap.worstError == nil)
            // Five requests of 1.5 s each: one after another they would take 7.5 s.
            #expect(took < 5, "took \(took) s")
        }
    }

    @Test(arguments: TransportKind.allCases) func largeBodyAndPathPrefix(kind: TransportKind) async throws {
        try await withSimulator(kind) { sim in
            let c = try client(sim, key: nil, via: kind)
            let map = try await c.call(.costMap).get()
            #expect(map.count > 1_000_000, "the whole cost map arrives (1.5 MB as the simulator re-encodes it)")
            #expect(map.first == UInt8(ascii: "{") && map.last == UInt8(ascii: "}"))
            let prefixed = ProxyAdminClient(transport: try kind.make(sim.baseURL + "/no-such-prefix/"), apiKey: "sk-synctop-demo")
            #expect(await prefixed.jobStatus(.costMap).failure?.kind == .proxy, "the prefix is sent, and the 404 reported")
        }
    }
}
