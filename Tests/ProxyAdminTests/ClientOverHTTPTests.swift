import Foundation
import Testing
@testable import ProxyAdmin
import ProxySimulator

/// `ProxyAdminClient` over real HTTP on loopback, against the simulator.
@Suite struct ClientOverHTTPTests {
    func withSimulator(_ configure: (inout SimulatorConfiguration) -> Void = { _ in },
                       _ body: (ProxySimulator) async throws -> Void) async throws {
        var config = SimulatorConfiguration()
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

    func client(_ sim: ProxySimulator, key: String?, timeout: Int = 5) throws -> ProxyAdminClient {
        ProxyAdminClient(transport: try HTTPTransport(baseURL: sim.baseURL), apiKey: key, timeoutSeconds: timeout)
    }

    @Test func snapshotReadsEverything() async throws {
        try await withSimulator({ $0.demoSchedules = true }) { sim in
            let snap = try await client(sim, key: "sk-synctop-demo").snapshot()
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

    @Test func viewerKeyMayRead() async throws {
        try await withSimulator { sim in
            let snap = try await client(sim, key: "sk-synctop-viewer").snapshot()
            #expect(snap.worstError == nil)
        }
    }

    @Test func authFailuresInWords() async throws {
        try await withSimulator { sim in
            let wrong = try await client(sim, key: "sk-nope-nope-nope").snapshot()
            #expect(wrong.costMap.failure == .unauthorized("the API key was not accepted by the proxy (wrong or revoked key)"))
            #expect(wrong.health.value?.alive == true, "health needs no key")
            let none = try await client(sim, key: nil).snapshot()
            #expect(none.costMap.failure?.kind == .auth)
            let user = try await client(sim, key: "sk-synctop-user").snapshot()
            #expect(user.costMap.failure == .forbidden(role: "internal_user"))
        }
    }

    @Test func noDatabaseQuirks() async throws {
        try await withSimulator({ $0.hasDatabase = false; $0.litellmVersion = .v1_100_5 }) { sim in
            let ok = try await client(sim, key: "sk-synctop-demo").snapshot()
            #expect(ok.worstError == nil)
            #expect(ok.health.value?.databaseConnected == false)
            let wrong = try await client(sim, key: "sk-nope-nope-nope").snapshot()
            #expect(wrong.costMap.failure == .keyRejectedWithoutDatabase)
            let none = try await client(sim, key: nil).snapshot()
            #expect(none.costMap.failure?.kind == .auth, "bare 500 for a missing key means: no key")
        }
    }

    @Test func unreachableAndTimeout() async throws {
        let dead = ProxyAdminClient(transport: try HTTPTransport(baseURL: "http://127.0.0.1:1"), apiKey: "k", timeoutSeconds: 2)
        let snap = await dead.snapshot()
        guard case .unreachable(let why)? = snap.worstError else { Issue.record("\(String(describing: snap.worstError))"); return }
        #expect(why == "connection refused")

        try await withSimulator({ $0.latency = .milliseconds(2500) }) { sim in
            let slow = try client(sim, key: "sk-synctop-demo", timeout: 1)
            let started = Date()
            let result = await slow.jobStatus(.costMap)
            #expect(result.failure == .timeout(seconds: 1))
            #expect(Date().timeIntervalSince(started) < 2.4, "the deadline is honoured")
        }
    }

    @Test func readsRunInParallel() async throws {
        try await withSimulator({ $0.latency = .milliseconds(1500) }) { sim in
            let c = try client(sim, key: "sk-synctop-demo", timeout: 10)
            let started = Date()
            let snap = await c.snapshot()
            let took = Date().timeIntervalSince(started)
            #expect(snap.worstError == nil)
            // Five requests of 1.5 s each: one after another they would take 7.5 s.
            #expect(took < 5, "took \(took) s")
        }
    }
}
