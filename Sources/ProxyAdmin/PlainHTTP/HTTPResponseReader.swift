/// Reads one HTTP/1.x response as its bytes arrive and says when it is complete:
/// by Content-Length, chunked framing, or the server closing the connection. Pure, so
/// every framing case is unit-tested without a socket.
struct HTTPResponseReader {
    enum Failure: Error, Equatable {
        case malformed(String)
        case tooLarge
    }

    private enum Framing: Equatable {
        case length(Int)
        case chunked
        case untilClose
    }

    let maxBodyBytes: Int
    private var buffer: [UInt8] = []
    private var status: Int?
    private var framing: Framing?
    /// Where the body (or the next chunk-size line) starts in `buffer`.
    private var cursor = 0
    private var headScanFrom = 0
    private var decoded: [UInt8] = []
    private var complete = false
    /// "Connection: close", HTTP/1.0, or bytes beyond the answer's end.
    private var serverCloses = false

    /// The answer is complete and the server will take another request on this
    /// connection (HTTP/1.1 keep-alive; `TLSTransport` reuses it).
    var connectionReusable: Bool {
        complete && !serverCloses && framing != .untilClose
    }

    /// Raw bytes held but not yet decoded (tests: an endless stream stays small).
    var rawBufferedBytes: Int { buffer.count }

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Adds bytes; returns the response once it is complete.
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> ProxyResponse? {
        buffer.append(contentsOf: bytes)
        return try advance()
    }

    mutating func append(_ bytes: [UInt8]) throws(Failure) -> ProxyResponse? {
        buffer.append(contentsOf: bytes)
        return try advance()
    }

    /// The server closed the connection: whatever framing said, this is the end.
    mutating func finish() throws(Failure) -> ProxyResponse {
        if let done = try advance() { return done }
        guard let status, let framing else {
            throw .malformed(buffer.isEmpty ? "the connection closed without an answer" : "the answer ended inside its headers")
        }
        switch framing {
        case .untilClose:
            buffer.removeFirst(cursor)  // in place: the body is not copied out
            return ProxyResponse(status: status, body: buffer)
        case .length(let n):
            throw .malformed("the answer ended after \(buffer.count - cursor) of \(n) bytes")
        case .chunked:
            throw .malformed("the answer ended inside its chunked body")
        }
    }

    private mutating func advance() throws(Failure) -> ProxyResponse? {
        if complete { return nil }
        while framing == nil {
            guard try readHead() else { return nil }
        }
        guard let status, let framing else { return nil }
        switch framing {
        case .length(let n):
            guard buffer.count - cursor >= n else { return nil }
            complete = true
            if buffer.count - cursor > n { serverCloses = true }  // nothing was pipelined: not ours
            // In place rather than a 3 MB copy beside the buffer (issue 5 counts peak memory).
            buffer.removeSubrange((cursor + n)...)
            buffer.removeFirst(cursor)
            let body = buffer
            buffer = []
            return ProxyResponse(status: status, body: body)
        case .chunked:
            guard try readChunks() else { return nil }
            complete = true
            return ProxyResponse(status: status, body: decoded)
        case .untilClose:
            if buffer.count - cursor > maxBodyBytes { throw .tooLarge }
            return nil
        }
    }

    /// Parses the status line and headers once "\r\n\r\n" has arrived. Interim 1xx
    /// answers are skipped. Returns false while the head is incomplete.
    private mutating func readHead() throws(Failure) -> Bool {
        if cursor == 0, buffer.count >= 2, buffer[0] == 0x15 || buffer[0] == 0x16, buffer[1] == 0x03 {
            throw .malformed("the proxy answered in TLS: use an https:// URL")  // an alert or handshake record
        }
        guard let end = Self.find([13, 10, 13, 10], in: buffer, from: max(cursor, headScanFrom)) else {
            headScanFrom = max(cursor, buffer.count - 3)
            if buffer.count - cursor > 64 << 10 { throw .malformed("headers longer than 64 KB") }
            return false
        }
        // Line by line over the bytes: splitting the head as a String on "\r\n" breaks it
        // into grapheme clusters, which cost more than the rest of a poll's parsing.
        var lineStart = cursor
        var lineEnd = Self.find([13, 10], in: buffer, from: lineStart) ?? end
        let statusLine = String(decoding: buffer[lineStart..<min(lineEnd, end)], as: UTF8.self)
        let statusParts = statusLine.utf8.split(separator: 0x20, maxSplits: 2).map { String(decoding: $0, as: UTF8.self) }
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."),
              statusParts[1].utf8.count == 3, let code = Int(statusParts[1]), (100...999).contains(code) else {
            throw .malformed("not an HTTP/1 answer: \(statusLine.prefix(60))")
        }
        var length: Int?
        var chunked = false
        while lineEnd < end {
            lineStart = lineEnd + 2
            lineEnd = Self.find([13, 10], in: buffer, from: lineStart).map { min($0, end) } ?? end
            let line = buffer[lineStart..<lineEnd]
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let name = line[lineStart..<colon], valueBytes = line[(colon + 1)..<lineEnd]
            if Self.asciiEqualsLowercased(name, "content-length") {
                let value = Self.headerValue(valueBytes)
                guard let n = Int(value), n >= 0 else { throw .malformed("bad Content-Length \(value)") }
                length = n
            } else if Self.asciiEqualsLowercased(name, "transfer-encoding") {
                chunked = Self.headerValue(valueBytes).lowercased().split(separator: ",").last.map { $0.trimmingSpaces == "chunked" } ?? false
            } else if Self.asciiEqualsLowercased(name, "connection") {
                if Self.headerValue(valueBytes).lowercased().split(separator: ",").contains(where: { $0.trimmingSpaces == "close" }) {
                    serverCloses = true
                }
            } else if Self.asciiEqualsLowercased(name, "content-encoding") {
                let coding = Self.headerValue(valueBytes).lowercased()
                if coding != "identity" && !coding.isEmpty { throw .malformed("compressed answer (\(coding)) although identity was asked for") }
            }
        }
        cursor = end + 4
        headScanFrom = cursor
        if (100..<200).contains(code) { return true }  // interim: read the next head
        status = code
        if statusParts[0] != "HTTP/1.1" { serverCloses = true }
        if code == 204 || code == 304 {
            framing = .length(0)
        } else if chunked {
            framing = .chunked
        } else if let length {
            if length > maxBodyBytes { throw .tooLarge }
            framing = .length(length)
        } else {
            framing = .untilClose
        }
        return true
    }

    /// Decodes every complete chunk; true after the last chunk and its trailers.
    private mutating func readChunks() throws(Failure) -> Bool {
        while true {
            guard let lineEnd = Self.find([13, 10], in: buffer, from: cursor) else {
                if buffer.count - cursor > 1024 { throw .malformed("chunk size line longer than 1 KB") }
                return false
            }
            let sizeText = String(decoding: buffer[cursor..<lineEnd], as: UTF8.self)
            let hex = sizeText.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces } ?? ""
            guard !hex.isEmpty, hex.count <= 8, let size = Int(hex, radix: 16) else {
                throw .malformed("bad chunk size \(sizeText.prefix(20))")
            }
            if size == 0 {
                // Trailers end with an empty line: either right away, or after header lines.
                if buffer.count >= lineEnd + 4, buffer[lineEnd + 2] == 13, buffer[lineEnd + 3] == 10 { return true }
                return Self.find([13, 10, 13, 10], in: buffer, from: lineEnd) != nil
            }
            let dataStart = lineEnd + 2
            guard buffer.count >= dataStart + size + 2 else { return false }
            guard buffer[dataStart + size] == 13, buffer[dataStart + size + 1] == 10 else {
                throw .malformed("chunk not followed by CRLF")
            }
            if decoded.count + size > maxBodyBytes { throw .tooLarge }
            decoded.append(contentsOf: buffer[dataStart..<(dataStart + size)])
            cursor = dataStart + size + 2
            // Decoded chunks leave the raw buffer: an endless chunked stream must not
            // hold its bytes twice (issue 17: four endless streams under 150 MB).
            if cursor >= 1 << 16 {
                buffer.removeFirst(cursor)
                cursor = 0
                headScanFrom = 0
            }
        }
    }

    /// "answer larger than 1 MB (the limit for this read)": what every transport says.
    static func tooLargeText(_ limit: Int) -> String {
        "answer larger than \(limit >> 20) MB (the limit for this read): the proxy or something in front of it sent too much"
    }

    static func headerValue(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }

    /// Whether `bytes`, ASCII-lowercased, spell `lowercase` (a header name).
    static func asciiEqualsLowercased(_ bytes: ArraySlice<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { name in
            zip(bytes, name).allSatisfy { b, n in (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == n }
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Header values: spaces and tabs off both ends (no Foundation needed).
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
