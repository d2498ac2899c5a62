import Testing
@testable import ProxyAdmin

/// Framing cases, fed whole and one byte at a time (a slow network splits anywhere).
@Suite struct HTTPResponseReaderTests {
    func read(_ text: String, max: Int = 1 << 20, byteByByte: Bool) throws(HTTPResponseReader.Failure) -> ProxyResponse {
        var r = HTTPResponseReader(maxBodyBytes: max)
        let bytes = Array(text.utf8)
        if byteByByte {
            for b in bytes { if let done = try r.append([b]) { return done } }
        } else if let done = try r.append(bytes) {
            return done
        }
        return try r.finish()
    }

    @Test(arguments: [false, true]) func framings(byteByByte: Bool) throws {
        let length = try read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-type: x\r\n\r\nhello", byteByByte: byteByByte)
        #expect(length == ProxyResponse(status: 200, body: Array("hello".utf8)))
        let chunked = try read("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n", byteByByte: byteByByte)
        #expect(chunked == ProxyResponse(status: 201, body: Array("abc0123456789".utf8)))
        let trailers = try read("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\n\r\n1\r\nx\r\n0\r\nX-T: 1\r\n\r\n", byteByByte: byteByByte)
        #expect(trailers.body == Array("x".utf8))
        let untilClose = try read("HTTP/1.0 500 Internal Server Error\r\n\r\n{\"detail\":1}", byteByByte: byteByByte)
        #expect(untilClose == ProxyResponse(status: 500, body: Array("{\"detail\":1}".utf8)))
        let interim = try read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno", byteByByte: byteByByte)
        #expect(interim == ProxyResponse(status: 404, body: Array("no".utf8)))
        let empty = try read("HTTP/1.1 204 No Content\r\n\r\n", byteByByte: byteByByte)
        #expect(empty == ProxyResponse(status: 204, body: []))
    }

    @Test func completeBeforeClose() throws {
        var r = HTTPResponseReader(maxBodyBytes: 100)
        #expect(try r.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n".utf8)) == nil)
        #expect(try r.append(Array("ok".utf8)) == ProxyResponse(status: 200, body: Array("ok".utf8)), "no need to wait for the close")
    }

    /// Whether the server will take another request on the connection (`TLSTransport`).
    @Test func whenTheConnectionMayBeReused() throws {
        func reusable(_ text: String) throws -> Bool {
            var r = HTTPResponseReader(maxBodyBytes: 100)
            if try r.append(Array(text.utf8)) == nil { _ = try r.finish() }
            return r.connectionReusable
        }
        #expect(try reusable("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
        #expect(try reusable("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n0\r\n\r\n"))
        #expect(try !reusable("HTTP/1.1 200 OK\r\nconnection: Keep-Alive, close\r\nContent-Length: 2\r\n\r\nok"), "the server said close")
        #expect(try !reusable("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"), "HTTP/1.0 closes")
        #expect(try !reusable("HTTP/1.1 200 OK\r\n\r\nuntil the close"), "framed by the close")
        #expect(try !reusable("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1"), "bytes nobody asked for")
        var partial = HTTPResponseReader(maxBodyBytes: 100)
        #expect(try partial.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\no".utf8)) == nil)
        #expect(!partial.connectionReusable, "not before the answer is complete")
    }

    @Test func failuresInWords() {
        #expect(throws: HTTPResponseReader.Failure.malformed("the connection closed without an answer")) { try read("", byteByByte: false) }
        #expect(throws: HTTPResponseReader.Failure.malformed("the answer ended inside its headers")) { try read("HTTP/1.1 200 OK\r\n", byteByByte: false) }
        #expect(throws: HTTPResponseReader.Failure.malformed("the answer ended after 2 of 9 bytes")) {
            try read("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab", byteByByte: false)
        }
        #expect(throws: HTTPResponseReader.Failure.malformed("the answer ended inside its chunked body")) {
            try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", byteByByte: false)
        }
        #expect(throws: HTTPResponseReader.Failure.malformed("bad chunk size zz")) {
            try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", byteByByte: false)
        }
        // A TLS alert record (level 2, "protocol version"), as a TLS-only server answers plain http.
        #expect(throws: HTTPResponseReader.Failure.malformed("the proxy answered in TLS: use an https:// URL")) {
            var r = HTTPResponseReader(maxBodyBytes: 100)
            _ = try r.append([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])
            _ = try r.finish()
        }
        #expect(throws: HTTPResponseReader.Failure.malformed("not an HTTP/1 answer: SSH-2.0-OpenSSH_9.2")) {
            try read("SSH-2.0-OpenSSH_9.2\r\n\r\n", byteByByte: false)
        }
        #expect(throws: HTTPResponseReader.Failure.malformed("compressed answer (gzip) although identity was asked for")) {
            try read("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 1\r\n\r\nx", byteByByte: false)
        }
        #expect(throws: HTTPResponseReader.Failure.tooLarge) { try read("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", max: 10, byteByByte: false) }
        #expect(throws: HTTPResponseReader.Failure.tooLarge) {
            try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nB\r\n0123456789a\r\n0\r\n\r\n", max: 10, byteByByte: false)
        }
        #expect(throws: HTTPResponseReader.Failure.tooLarge) { try read("HTTP/1.1 200 OK\r\n\r\n0123456789a", max: 10, byteByByte: false) }
    }
}
