import NIOCore

/// A request as the router sees it: decoded path, parsed query, lower-cased header names.
struct IncomingRequest: Sendable {
    var method: String
    /// Path and query exactly as sent (what the request log records).
    var uri: String
    /// Percent-decoded path, as Starlette matches routes on it.
    var path: String
    /// The raw query string (no `?`), or "" when absent.
    var rawQuery: String
    var query: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var arrivalMicros: Int64

    init(method: String, uri: String, headers: [(name: String, value: String)], body: [UInt8] = [], arrivalMicros: Int64) {
        self.method = method
        self.uri = uri
        self.body = body
        self.headers = headers.map { ($0.name.lowercased(), $0.value) }
        self.arrivalMicros = arrivalMicros
        let pathPart: Substring
        if let mark = uri.firstIndex(of: "?") {
            pathPart = uri[..<mark]
            rawQuery = String(uri[uri.index(after: mark)...])
        } else {
            pathPart = Substring(uri)
            rawQuery = ""
        }
        path = QueryString.percentDecode(pathPart, plusAsSpace: false)
        query = QueryString.parse(rawQuery)
    }

    /// First value of a header (Starlette's `request.headers.get`).
    func header(_ name: String) -> String? {
        headers.first(where: { $0.name == name })?.value
    }

    /// Starlette's `request.query_params[name]`: the last occurrence wins.
    func queryValue(_ name: String) -> String? {
        query.last(where: { $0.name == name })?.value
    }
}

/// A response in the shape uvicorn + Starlette + LiteLLM's middleware put on the wire.
struct OutgoingResponse: Sendable {
    var status: Int
    var body: ByteBuffer
    /// JSON unless a redirect (which has no body and no content type).
    var contentType: String? = "application/json"
    /// Headers Starlette puts before `content-length` (`allow` on a 405).
    var leadingHeaders: [(String, String)] = []
    /// Headers set after the body is rendered (`location` on a redirect).
    var trailingHeaders: [(String, String)] = []
    /// Answers from Starlette's outermost error handler skip LiteLLM's middleware, so they
    /// carry no `vary`/security headers.
    var bypassesMiddleware = false
    /// Fault modes: a chunked body that never ends, or no answer at all.
    var endless = false
    var hangs = false
    /// Written this long after it was decided (a reload waiting out LiteLLM's retries).
    var holdMicros: Int64 = 0
    /// The connection is closed without an answer (`/_sim/remote/...` while "unreachable").
    var refusesConnection = false

    static func json(_ status: Int, _ value: PythonJSON) -> OutgoingResponse {
        OutgoingResponse(status: status, body: ByteBuffer(bytes: PythonJSONWriter.encode(value)))
    }

    static func json(_ status: Int, prebuilt body: ByteBuffer) -> OutgoingResponse {
        OutgoingResponse(status: status, body: body)
    }

    /// The generic `{"error":{"message":"Internal server error",...}}` of LiteLLM's catch-all
    /// exception handler.
    static var internalServerError: OutgoingResponse {
        var response = json(500, .object(["error": .object([
            "message": .string("Internal server error"),
            "type": .string("internal_server_error"),
        ])]))
        response.bypassesMiddleware = true
        return response
    }

    /// FastAPI's `HTTPException` body.
    static func detail(_ status: Int, _ message: String) -> OutgoingResponse {
        json(status, .object(["detail": .string(message)]))
    }

    /// The header block, in uvicorn's order, with LiteLLM's security middleware headers.
    func headerFields(dateHeader: String, closeConnection: Bool) -> [(String, String)] {
        var fields: [(String, String)] = [("date", dateHeader), ("server", "uvicorn")]
        fields += leadingHeaders
        fields.append(("content-length", String(body.readableBytes)))
        if let contentType { fields.append(("content-type", contentType)) }
        fields += trailingHeaders
        if !bypassesMiddleware {
            fields += [
                ("vary", "Origin"),
                ("x-frame-options", "DENY"),
                ("content-security-policy", "frame-ancestors 'none'"),
                ("x-content-type-options", "nosniff"),
            ]
        }
        if closeConnection { fields.append(("Connection", "close")) }  // uvicorn capitalises this one
        return fields
    }
}

enum QueryString {
    /// `urllib.parse.parse_qsl(qs, keep_blank_values=True)` as Starlette calls it: split on
    /// `&`, `+` is a space, a name without `=` has the value "".
    static func parse(_ raw: String) -> [(name: String, value: String)] {
        guard !raw.isEmpty else { return [] }
        var pairs: [(name: String, value: String)] = []
        for field in raw.split(separator: "&", omittingEmptySubsequences: true) {
            if let equals = field.firstIndex(of: "=") {
                pairs.append((percentDecode(field[..<equals], plusAsSpace: true),
                              percentDecode(field[field.index(after: equals)...], plusAsSpace: true)))
            } else {
                pairs.append((percentDecode(field, plusAsSpace: true), ""))
            }
        }
        return pairs
    }

    /// Percent-decoding as UTF-8 with replacement of invalid sequences (Python's
    /// `unquote(errors="replace")`).
    static func percentDecode(_ text: Substring, plusAsSpace: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else if byte == UInt8(ascii: "+") && plusAsSpace {
                out.append(UInt8(ascii: " "))
                index += 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
