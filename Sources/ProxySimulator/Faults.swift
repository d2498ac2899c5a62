import NIOCore

/// A misbehaving proxy, on purpose: what a hostile or broken LiteLLM, or the front in
/// front of it, may send. Set at start (`synctop simulate --fault MODE[:PATH]`) or at run
/// time (`POST /_sim/fault?mode=MODE&path=PREFIX&count=N`, `DELETE /_sim/fault` clears).
/// Each fault rewrites the answer to LiteLLM requests whose path starts with `path`.
public enum FaultMode: String, Sendable, CaseIterable {
    /// Every string field gains an OSC title sequence, a CSI, DEL, C1 and bidi overrides.
    case escapes
    /// A 500 whose detail echoes the request's Authorization header (a debug gateway).
    case echoKey = "echo-key"
    /// Accepts the request and never answers (until the client gives up).
    case hang
    /// 200 with a chunked body that never ends.
    case endless
    /// nginx's 502 / 504 HTML pages.
    case html502 = "html-502"
    case html504 = "html-504"
    /// `{}` with 200.
    case emptyObject = "empty-object"
    /// Status fields of the wrong types (`"scheduled": "yes"`, `"interval_hours": "6"`).
    case wrongTypes = "wrong-types"
    /// `last_run` one day earlier than the real one.
    case lastRunBack = "last-run-back"
    /// `last_run` one hour in the future (the proxy's clock ahead).
    case clockAhead = "clock-ahead"
    /// 500 with no body.
    case emptyError = "empty-500"
    /// 10 MB of junk bytes with 200.
    case junk
}

public struct Fault: Sendable, Equatable {
    public var mode: FaultMode
    /// Only paths starting with this ("" for every LiteLLM path).
    public var pathPrefix: String
    /// How many answers it still rewrites; nil for all.
    public var remaining: Int?

    public init(mode: FaultMode, pathPrefix: String = "", remaining: Int? = nil) {
        self.mode = mode
        self.pathPrefix = pathPrefix
        self.remaining = remaining
    }

    /// `MODE` or `MODE:PATH` (the `--fault` flag).
    public init?(flag: String) {
        let parts = flag.split(separator: ":", maxSplits: 1)
        guard let first = parts.first, let mode = FaultMode(rawValue: String(first)) else { return nil }
        self.init(mode: mode, pathPrefix: parts.count > 1 ? String(parts[1]) : "")
    }
}

/// The hostile payload `escapes` appends to strings: a terminal that received it raw would
/// set its title, clear the screen and reverse the text after it.
let hostilePayload = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{7F}\u{9B}31m\u{202E}desrever\u{2066}"

extension SimulatorState {
    /// The fault to apply to an answer for `path`, counting it down.
    mutating func takeFault(for path: String) -> FaultMode? {
        guard let index = faults.firstIndex(where: { path.hasPrefix($0.pathPrefix) && ($0.remaining ?? 1) > 0 }) else { return nil }
        if let left = faults[index].remaining { faults[index].remaining = left - 1 }
        return faults[index].mode
    }
}

extension OutgoingResponse {
    /// This answer as `mode` makes it.
    func faulted(_ mode: FaultMode, request: IncomingRequest) -> OutgoingResponse {
        switch mode {
        case .escapes: return rewritingJSON { Self.poison($0) }
        case .echoKey:
            let auth = request.header("authorization") ?? "(none)"
            return .detail(500, "upstream rejected the request headers: Authorization: \(auth)")
        case .hang, .endless: var copy = self; copy.endless = mode == .endless; copy.hangs = mode == .hang; return copy
        case .html502: return .html(502, "502 Bad Gateway")
        case .html504: return .html(504, "504 Gateway Time-out")
        case .emptyObject: return .json(200, .object([:]))
        case .wrongTypes: return .json(200, .object(["scheduled": .string("yes"), "interval_hours": .string("6"), "last_run": .int(7)]))
        case .lastRunBack: return rewritingJSON { Self.shiftLastRun($0, bySeconds: -86_400) }
        case .clockAhead: return rewritingJSON { Self.shiftLastRun($0, bySeconds: 3_600, from: request.arrivalMicros) }
        case .emptyError: return OutgoingResponse(status: 500, body: ByteBuffer(), contentType: nil)
        case .junk:
            var junk = [UInt8](repeating: 0, count: 10 << 20)
            for i in junk.indices { junk[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 13) }
            return OutgoingResponse(status: 200, body: ByteBuffer(bytes: junk), contentType: "application/octet-stream")
        }
    }

    static func html(_ status: Int, _ title: String) -> OutgoingResponse {
        let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n"
        var response = OutgoingResponse(status: status, body: ByteBuffer(string: page), contentType: "text/html")
        response.bypassesMiddleware = true
        return response
    }

    private func rewritingJSON(_ change: (PythonJSON) -> PythonJSON) -> OutgoingResponse {
        guard let value = try? PythonJSONParser.parse(Array(body.readableBytesView)) else { return self }
        var copy = self
        copy.body = ByteBuffer(bytes: PythonJSONWriter.encode(change(value)))
        return copy
    }

    /// Every string that is not a timestamp gains the payload (timestamps must still parse,
    /// or the client would only see "unreadable" and never draw the rest).
    private static func poison(_ value: PythonJSON) -> PythonJSON {
        switch value {
        case .string(let s): return s.contains("T") && s.contains(":") && s.first?.isNumber == true ? value : .string(s + hostilePayload)
        case .array(let items): return .array(items.map(poison))
        case .object(let object):
            var out = PythonObject()
            for (key, item) in object.entries { out.appendUnchecked(key, poison(item)) }
            return .object(out)
        default: return value
        }
    }

    private static func shiftLastRun(_ value: PythonJSON, bySeconds: Double, from now: Int64? = nil) -> PythonJSON {
        guard case .object(var object) = value, case .string(let text)? = object["last_run"],
              let micros = PythonISOFormat.parse(text) else { return value }
        let shifted = (now ?? micros) + Int64(bySeconds * 1_000_000)
        object["last_run"] = .string(PythonISOFormat.isoformat(micros: shifted, withOffset: text.contains("+")))
        object["next_run"] = nil  // no longer consistent with it; LiteLLM would not send both
        return .object(object)
    }
}
