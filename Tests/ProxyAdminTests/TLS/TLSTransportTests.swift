import Foundation
import Testing
@testable import ProxyAdmin
import ProxySimulator

/// What `TLSTransport` adds to the shared transport tests (`ClientOverHTTPTests`): kept
/// connections, the one retry a kept connection allows, and TLS failures in words.
@Suite struct TLSTransportTests {
    func withTLSSimulator(keepAlive: Duration = .seconds(30), certificate: TestCertificate = .loopback,
                          _ body: (ProxySimulator, ProxyAdminClient) async throws -> Void) async throws {
        var config = SimulatorConfiguration()
        config.tls = TLSFiles(certificatePath: certificate.certificate, keyPath: certificate.key)
        config.keepAliveTimeout = keepAlive
        let sim = try await ProxySimulator.start(config)
        let transport = try #require(try TLSTransport(baseURL: sim.baseURL, caFile: TestCertificate.loopback.certificate))
        let client = ProxyAdminClient(transport: transport, apiKey: "sk-synctop-demo")
        do {
            try await body(sim, client)
        } catch {
            await transport.shutdown()
            try await sim.shutdown()
            throw error
        }
        await transport.shutdown()
        try await sim.shutdown()
    }

    @Test func aPollReusesTheLastPollsConnections() async throws {
        try await withTLSSimulator { sim, client in
            #expect(await client.snapshot().worstError == nil)
            // No connection kept yet: the four reads share one new one (a handshake costs
            // more than an idle poll's reads; there is no TLS session resumption).
            #expect(sim.connectionsAccepted == 1, "the four reads on one connection")
            for _ in 0..<3 { #expect(await client.snapshot().worstError == nil) }
            #expect(sim.connectionsAccepted == 2, "one more for a second lane, then no new handshake while the server keeps them")
        }
    }

    @Test func connectionsTheServerClosedWhileIdleAreReplaced() async throws {
        // uvicorn's default is 5 s; shorter here so the test need not wait.
        try await withTLSSimulator(keepAlive: .milliseconds(200)) { sim, client in
            #expect(await client.snapshot().worstError == nil)
            try await Task.sleep(for: .milliseconds(600))
            #expect(await client.snapshot().worstError == nil, "closed connections are not used")
            #expect(sim.connectionsAccepted == 2, "one new one for the second poll, not one per read")
        }
    }

    /// One lane when nothing is kept, but a read that hangs holds up the poll's others only
    /// for the hedge delay: they go on a second connection and answer.
    @Test func aHangingReadHoldsUpTheOthersOnlyForTheHedgeDelay() async throws {
        var config = SimulatorConfiguration()
        config.tls = TLSFiles(certificatePath: TestCertificate.loopback.certificate, keyPath: TestCertificate.loopback.key)
        config.faults = [Fault(mode: .hang, pathPrefix: Endpoint.jobStatus(.costMap).path)]
        let sim = try await ProxySimulator.start(config)
        let transport = try #require(try TLSTransport(baseURL: sim.baseURL, caFile: TestCertificate.loopback.certificate))
        let client = ProxyAdminClient(transport: transport, apiKey: "sk-synctop-demo", timeoutSeconds: 2)
        let snapshot = await client.snapshot()
        #expect(snapshot.costMap.failure == .timeout(seconds: 2))
        #expect(snapshot.betaHeaders.failure == nil && snapshot.source.failure == nil && snapshot.health.failure == nil,
                "\(snapshot)")
        #expect(sim.connectionsAccepted == 2, "the hanging read's connection and one for the rest")
        await transport.shutdown()
        try await sim.shutdown()
    }

    @Test func aReadLostOnAKeptConnectionIsSentOnceMore() async throws {
        try await withTLSSimulator { sim, client in
            #expect(await client.snapshot().worstError == nil)
            sim.dropNextRequests(1)
            #expect(await client.jobStatus(.costMap).failure == nil, "retried on a new connection")
            #expect(sim.connectionsAccepted == 2, "the first poll's, then the retry's")
            #expect(sim.requestLog().count == 5, "the dropped request is not answered, its retry is")
        }
    }

    @Test func aWriteLostOnAKeptConnectionIsNotSentAgain() async throws {
        try await withTLSSimulator { sim, client in
            #expect(await client.snapshot().worstError == nil)
            sim.dropNextRequests(1)
            // The proxy may have acted on it: a reload must not run twice behind the operator's back.
            #expect(await client.call(.reload(.costMap)).failure == .unreachable("the connection closed without an answer"))
            #expect(sim.connectionsAccepted == 1, "no new connection: not sent again")
        }
    }

    @Test func aReadLostOnANewConnectionIsReported() async throws {
        try await withTLSSimulator { sim, client in
            sim.dropNextRequests(1)
            #expect(await client.jobStatus(.costMap).failure == .unreachable("the connection closed without an answer"))
            #expect(await client.jobStatus(.costMap).failure == nil)
        }
    }

    @Test func certificateProblemsInWords() async throws {
        // Trusting only the system's roots: the test's own certificate is not among them.
        try await withTLSSimulator { sim, _ in
            let strict = ProxyAdminClient(transport: try #require(try TLSTransport(baseURL: sim.baseURL)), apiKey: "k")
            #expect(await strict.health().failure == .unreachable("TLS: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)"))
        }
        let other = try TestCertificate(names: ["other.example"])
        defer { other.remove() }
        try await withTLSSimulator(certificate: other) { sim, _ in
            let transport = try #require(try TLSTransport(baseURL: sim.baseURL, caFile: other.certificate))
            let misnamed = ProxyAdminClient(transport: transport, apiKey: "k")
            #expect(await misnamed.health().failure == .unreachable("TLS: the server's certificate is not for this host name"))
        }
    }

    @Test func anHTTPServerOnAnHTTPSURLIsNamed() async throws {
        let sim = try await ProxySimulator.start(SimulatorConfiguration())
        defer { Task { try? await sim.shutdown() } }
        let url = sim.baseURL.replacingOccurrences(of: "http://", with: "https://")
        let client = ProxyAdminClient(transport: try #require(try TLSTransport(baseURL: url)), apiKey: "k")
        #expect(await client.health().failure == .unreachable("TLS handshake failed: the server does not speak TLS on this port (is it http://?)"))
    }

    @Test func aCAFileThatCannotBeReadStopsAtStart() {
        #expect(throws: ProxyError.self) { try TLSTransport(baseURL: "https://h", caFile: "/nonexistent/ca.pem") }
        do {
            _ = try TLSTransport(baseURL: "https://h", caFile: "/nonexistent/ca.pem")
        } catch {
            guard case .unreachable(let why) = error else { Issue.record("\(error)"); return }
            #expect(why.hasPrefix("cannot read CA file /nonexistent/ca.pem"))
        }
    }

    @Test func whichURLsItTakes() throws {
        #expect(try TLSTransport(baseURL: "http://h:4000") == nil, "plain http is SocketTransport's")
        #expect(try TLSTransport(baseURL: "https://user@h") == nil, "user info is left to AsyncHTTPClient")
        let prefixed = try #require(try TLSTransport(baseURL: "https://gw.example.com/litellm/"))
        #expect(prefixed.target == HTTPTarget(host: "gw.example.com", port: 443, pathPrefix: "/litellm", hostHeader: "gw.example.com"))
        #expect(prefixed.baseURL == "https://gw.example.com/litellm")
    }
}
