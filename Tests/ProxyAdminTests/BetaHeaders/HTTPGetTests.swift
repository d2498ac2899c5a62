import Foundation
import Testing
@testable import ProxyAdmin
import ProxySimulator

/// `HTTPGet` over real connections on loopback: http through our sockets (against the
/// simulator's "remote" files), https through NIO + NIOSSL (against `openssl s_server`
/// with a certificate made for the test).
@Suite(.serialized) struct HTTPGetTests {
    @Test func plainHTTPReadsTheFileAndReportsAStatus() async throws {
        let sim = try await ProxySimulator.start(SimulatorConfiguration())
        defer { Task { try? await sim.shutdown() } }
        let bytes = try await HTTPGet.fetch(sim.baseURL + "/_sim/remote/anthropic_beta_headers_config.json")
        #expect(try BetaHeaderMapping(parsing: bytes).providers.count >= 5)
        await #expect(throws: HTTPGet.Failure.status(404)) {
            try await HTTPGet.fetch(sim.baseURL + "/_sim/remote/no_such_file.json")
        }
    }

    @Test func httpsReadsTheFileWhenTheCertificateIsTrusted() async throws {
        let server = try TLSFileServer(name: "localhost")
        defer { server.stop() }
        let target = try #require(TLSGet.Target.parse("https://localhost:\(server.port)/m.json"))
        let bytes = try await TLSGet.fetch(target, timeoutSeconds: 5, maxBytes: 1 << 20, caFile: server.certificate).get()
        #expect(bytes == Array(TLSFileServer.body.utf8))
        // Too large for the limit: refused, not cut.
        let small = await TLSGet.fetch(target, timeoutSeconds: 5, maxBytes: 4, caFile: server.certificate)
        #expect(small == .failure(.tooLarge(maxBytes: 4)))
    }

    @Test func httpsRefusesAnUntrustedOrMisnamedCertificate() async throws {
        let server = try TLSFileServer(name: "localhost")
        defer { server.stop() }
        let target = try #require(TLSGet.Target.parse("https://localhost:\(server.port)/m.json"))
        // The system's roots do not include the test's own certificate.
        let untrusted = await TLSGet.fetch(target, timeoutSeconds: 5, maxBytes: 1 << 20)
        #expect(untrusted == .failure(.unreachable("TLS: the server's certificate is not trusted (CERTIFICATE_VERIFY_FAILED)")))

        let other = try TLSFileServer(name: "other.example")
        defer { other.stop() }
        let misnamed = try #require(TLSGet.Target.parse("https://localhost:\(other.port)/m.json"))
        let answer = await TLSGet.fetch(misnamed, timeoutSeconds: 5, maxBytes: 1 << 20, caFile: other.certificate)
        #expect(answer == .failure(.unreachable("TLS: the server's certificate is not for this host name")))
    }

    @Test func httpsFailuresBeforeTLSAreWords() async {
        await #expect(throws: HTTPGet.Failure.unreachable("connection refused")) {
            try await HTTPGet.fetch("https://127.0.0.1:1/m.json")
        }
        await #expect(throws: HTTPGet.Failure.unreachable("host name nonexistent.invalid could not be resolved")) {
            try await HTTPGet.fetch("https://nonexistent.invalid/m.json")
        }
    }

    @Test func httpsTargets() {
        #expect(TLSGet.Target.parse("https://raw.githubusercontent.com/BerriAI/litellm/main/x.json")
            == .init(host: "raw.githubusercontent.com", port: 443, path: "/BerriAI/litellm/main/x.json", hostHeader: "raw.githubusercontent.com"))
        #expect(TLSGet.Target.parse("https://h:8443?a=1") == .init(host: "h", port: 8443, path: "/?a=1", hostHeader: "h:8443"))
        #expect(TLSGet.Target.parse("HTTPS://[::1]:9/p#frag") == .init(host: "::1", port: 9, path: "/p", hostHeader: "[::1]:9"))
        #expect(TLSGet.Target.parse("https://user@h/p") == nil)
        #expect(TLSGet.Target.parse("https://h:99999/p") == nil)
        #expect(TLSGet.Target.parse("http://h/p") == nil)
    }
}

/// `openssl s_server -WWW` serving one file over TLS with a self-signed certificate for
/// `name`, on a free loopback port.
private final class TLSFileServer: @unchecked Sendable {
    static let body = #"{"anthropic": {"context-1m-2025-08-07": "context-1m-2025-08-07"}}"#
    let directory: URL
    let certificate: String
    let port: Int
    private let process: Process

    init(name: String) throws {
        let made = try TestCertificate(names: [name])
        directory = made.directory
        certificate = made.certificate
        let key = made.key
        try Self.body.write(to: directory.appendingPathComponent("m.json"), atomically: true, encoding: .utf8)
        var started: (Process, Int)?
        for _ in 0..<10 where started == nil {
            let port = Int.random(in: 20_000..<60_000)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            p.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-WWW", "-quiet"]
            p.currentDirectoryURL = directory
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            if Self.waitForListener(port: port, while: p) {
                started = (p, port)
            } else {
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
            }
        }
        guard let started else { throw TLSServerError.cannotStart }
        (process, port) = started
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL) // s_server outlives SIGTERM here
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// True once something accepts on the port; false if the server died (port taken).
    private static func waitForListener(port: Int, while process: Process) -> Bool {
        for _ in 0..<100 {
            guard process.isRunning else { return false }
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            } == 0
            close(fd)
            if ok { return true }
            usleep(50_000)
        }
        return false
    }
}

private enum TLSServerError: Error { case cannotStart }
