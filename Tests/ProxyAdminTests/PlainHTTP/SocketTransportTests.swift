import Foundation
import Testing
@testable import ProxyAdmin

/// `SocketTransport` against a raw loopback server that answers exactly the bytes a test
/// gives it, for what the simulator never does: chunked bodies, a server that closes
/// without answering, one that accepts and then says nothing.
@Suite struct SocketTransportTests {
    @Test func chunkedAndUntilClose() async throws {
        let server = try RawHTTPServer(answers: [
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n",
            "HTTP/1.0 503 Service Unavailable\r\n\r\n{\"detail\":\"warming up\"}",
        ])
        let t = try #require(SocketTransport(baseURL: server.baseURL + "/prefix"))
        let first = try await t.send(.costMapSource, apiKey: "sk-k", timeoutSeconds: 3)
        #expect(first == ProxyResponse(status: 200, body: Array("{\"a\":1}".utf8)))
        let second = try await t.send(.readiness, apiKey: "sk-k", timeoutSeconds: 3)
        #expect(second.status == 503)
        let requests = server.requests()
        #expect(requests.first?.hasPrefix("GET /prefix/model/cost_map/source HTTP/1.1\r\n") == true)
        #expect(requests.first?.contains("Authorization: Bearer sk-k\r\n") == true)
        #expect(requests.last?.contains("Authorization") == false, "public endpoints get no key")
    }

    @Test func closedWithoutAnswerAndSilence() async throws {
        let server = try RawHTTPServer(answers: ["", nil])
        let t = try #require(SocketTransport(baseURL: server.baseURL))
        await #expect(throws: ProxyError.badResponse("the connection closed without an answer (if the proxy serves https, use an https:// URL)")) {
            try await t.send(.readiness, apiKey: nil, timeoutSeconds: 3)
        }
        let started = Date()
        await #expect(throws: ProxyError.timeout(seconds: 1)) {
            try await t.send(.readiness, apiKey: nil, timeoutSeconds: 1)
        }
        #expect(Date().timeIntervalSince(started) < 1.9, "the deadline is honoured")
    }

    /// A poll's reads share one thread and one poll loop: each still gets its own answer,
    /// in request order, and one failure does not spoil the others.
    @Test func sendAllKeepsEachAnswerApart() async throws {
        let server = try RawHTTPServer(answers: [
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
            "",
            "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n",
        ])
        let t = try #require(SocketTransport(baseURL: server.baseURL))
        let answers = await t.sendAll([.costMapSource, .readiness, .jobStatus(.costMap)], apiKey: "sk-k", timeoutSeconds: 3)
        #expect(answers.count == 3)
        #expect(answers[0] == .success(ProxyResponse(status: 200, body: Array("{}".utf8))))
        #expect(answers[1] == .failure(.badResponse("the connection closed without an answer (if the proxy serves https, use an https:// URL)")))
        #expect(answers[2].value?.status == 401)
        #expect(server.requests().count == 3)

        let refused = try #require(SocketTransport(baseURL: "http://127.0.0.1:1"))
        let none = await refused.sendAll([.readiness, .liveliness], apiKey: nil, timeoutSeconds: 2)
        #expect(none == [.failure(.unreachable("connection refused")), .failure(.unreachable("connection refused"))])
    }
}

/// A one-connection-at-a-time loopback server: for the n-th connection it reads the
/// request head, writes `answers[n]` and closes (`nil`: keeps the connection open and silent).
final class RawHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let log = RequestLog()
    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(answers: [String?]) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        fd = listener
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, len) == 0 && getsockname(listener, $0, &len) == 0 }
        }
        guard bound, listen(listener, 8) == 0 else { throw ProxyError.unreachable("test server could not listen") }
        port = UInt16(bigEndian: addr.sin_port)
        let log = log
        Thread.detachNewThread {
            for answer in answers {
                let c = accept(listener, nil, nil)
                if c < 0 { return }
                var head: [UInt8] = []
                var byte: UInt8 = 0
                while !head.suffix(4).elementsEqual([13, 10, 13, 10]), recv(c, &byte, 1, 0) == 1 { head.append(byte) }
                log.append(String(decoding: head, as: UTF8.self))
                guard let answer else { Thread.sleep(forTimeInterval: 3); close(c); continue }
                _ = Array(answer.utf8).withUnsafeBytes { send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(c)
            }
            close(listener)
        }
    }

    func requests() -> [String] { log.all() }
}

final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    func append(_ s: String) { lock.withLock { seen.append(s) } }
    func all() -> [String] { lock.withLock { seen } }
}
